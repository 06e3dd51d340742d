"""Crash recovery: unsaved work is copied aside and offered back to the next designer."""

import os
import time

import pytest
from PySide6.QtCore import QSettings

from designer.model.catalog import load_catalog
from designer.ui.commands import SetParamCommand
from designer.ui.main_window import MainWindow
from designer.ui.session import EditSession


@pytest.fixture
def make_window(qtbot, tmp_path):
    def make():
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(EditSession(load_catalog()), settings)
        window.files.interactive = False
        qtbot.addWidget(window)
        return window
    return make


def edit(window):
    """Open the voicemail example as if from a file, and change the recording format."""
    window.files.new_from_example("voicemail")
    session = window.session
    record = next(s for s in session.doc.walk() if s.method == "record_call")
    session.undo_stack.push(SetParamCommand(session.doc, record, ("format",), "wav"))
    return session


def crash(window):
    """The window stops without saving: its copy is left and grows old."""
    window.recovery.write_now()
    old = time.time() - 3600
    os.utime(window.recovery.file, (old, old))
    window.recovery.timer.stop()


def test_unsaved_work_is_copied_aside_and_removed_once_saved(make_window, tmp_path):
    window = make_window()
    edit(window)
    window.recovery.write_now()
    assert window.recovery.file.exists() and "format: wav" in window.recovery.file.read_text()
    window.files.ask_save_path = lambda *a, **k: str(tmp_path / "vm.yaml")
    assert window.files.save()
    assert not window.recovery.file.exists()


def test_work_left_by_a_crash_is_restored_with_its_layout_and_stays_unsaved(make_window):
    first = make_window()
    session = edit(first)
    expected, positions = session.doc.to_data(), dict(session.doc.positions)
    crash(first)
    second = make_window()
    asked = []
    second.ask_restore = lambda found: asked.append(found.name) or "restore"
    assert second.offer_recovery()
    assert asked == ["an unsaved new flow"]
    doc = second.session.doc
    assert doc.to_data() == expected
    assert sorted(doc.positions.values()) == sorted(positions.values())
    assert not second.session.undo_stack.isClean()
    assert not first.recovery.file.exists()


def test_a_running_windows_copy_is_not_offered_and_discard_forgets(make_window):
    first = make_window()
    edit(first)
    first.recovery.write_now()  # fresh: that designer is still running
    second = make_window()
    assert second.recovery.left_behind() == []
    crash(first)
    second.ask_restore = lambda found: "discard"
    assert not second.offer_recovery()
    assert not first.recovery.file.exists() and second.recovery.left_behind() == []


def test_closing_with_discard_leaves_nothing_behind(make_window):
    window = make_window()
    edit(window)
    window.recovery.write_now()
    window.files.ask_unsaved = lambda: "discard"
    assert window.close()
    assert not window.recovery.file.exists()
