"""Crash recovery: unsaved work is copied aside and offered back to the next designer."""

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

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
    """The window stops without saving: its copy is left behind (however recent it is)."""
    window.recovery.write_now()
    window.recovery.abandon()


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


def test_a_copy_is_written_right_after_an_edit_and_only_the_person_can_read_it(make_window, qtbot):
    window = make_window()
    edit(window)
    qtbot.waitUntil(window.recovery.file.exists)  # no 15 s wait: written a moment after the edit
    assert "format: wav" in window.recovery.file.read_text()
    assert stat.S_IMODE(window.recovery.file.stat().st_mode) == 0o600
    assert stat.S_IMODE(window.recovery.folder.stat().st_mode) & 0o077 == 0


def test_a_fresh_copy_of_a_designer_that_is_gone_is_offered_at_once(make_window):
    first = make_window()
    edit(first)
    crash(first)  # the copy is seconds old: no waiting for it to grow stale
    assert [f.name for f in make_window().recovery.left_behind()] == ["an unsaved new flow"]


def test_file_recover_offers_left_behind_work_and_says_when_there_is_none(make_window):
    first = make_window()
    session = edit(first)
    expected = session.doc.to_data()
    second = make_window()
    assert not second.recover()
    assert "no unsaved work" in second.files.last_message[1]
    crash(first)
    second.ask_restore = lambda found: "restore"
    assert second.recover()
    assert second.session.doc.to_data() == expected


def test_owner_process_is_running_until_it_is_gone_even_before_it_is_reaped():
    from designer.model import owner
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert owner.is_running(child.pid, owner.start_token(child.pid))
        assert not owner.is_running(child.pid, "another process's start time")  # the id was reused
        os.kill(child.pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while owner.is_running(child.pid) and time.monotonic() < deadline:
            time.sleep(0.05)  # killed, not reaped yet: a zombie is not running
        assert not owner.is_running(child.pid)
    finally:
        child.kill()
        child.wait()
    assert not owner.is_running(child.pid)


def _child(args, env, **kwargs):
    child = Path(__file__).with_name("kill_restart_child.py")
    return subprocess.Popen([sys.executable, str(child), *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def test_kill_9_seconds_after_an_edit_then_restart_gets_the_edit_back(tmp_path):
    """A real designer process is killed with SIGKILL three seconds after an edit; the next one
    started straight away offers the work back."""
    script = tmp_path / "ivr.yaml"
    script.write_bytes((Path(__file__).resolve().parents[1] / "fixtures" / "002_recipe-build-an-ivr-menu.yaml").read_bytes())
    env = dict(os.environ, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    first = _child(["edit", str(script)], env)
    try:
        line = ""
        deadline = time.monotonic() + 120
        while line.strip() != "edited" and time.monotonic() < deadline:
            line = first.stdout.readline()
            if not line and first.poll() is not None:
                pytest.fail(f"the designer stopped: {first.stderr.read()}")
        assert line.strip() == "edited"
        time.sleep(3)  # a person killing it seconds later; the copy is due after 0.5 s
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert first.returncode == -signal.SIGKILL
    second = _child(["restore"], env)
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert "say:KILLED-AFTER-EDIT" in out.splitlines()[-1]
    assert "KILLED" not in script.read_text()  # the file itself was never touched


def test_after_restoring_save_still_asks_about_a_file_changed_before_the_crash(make_window, tmp_path):
    script = tmp_path / "flow.yaml"
    script.write_text("version: 1.0.0\nsections:\n  main:\n  - answer: {}\n")
    first = make_window()
    assert first.files.open_path(script)
    steps = first.session.doc.sections[0].steps
    first.session.undo_stack.push(SetParamCommand(first.session.doc, steps[0], ("max_duration",), 30))
    crash(first)
    script.write_text("version: 1.0.0\nsections:\n  main:\n  - hangup: {}  # a colleague's\n")
    second = make_window()
    second.ask_restore = lambda found: "restore"
    assert second.offer_recovery()
    asked = []
    second.files.ask_overwrite_changed = lambda path, change: asked.append(change) or False
    assert not second.files.save()
    assert asked == ["changed"] and "a colleague's" in script.read_text()
