"""Files: open/save round trips, the modified mark, unsaved-changes prompts, recent files, errors."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from designer.model import swml_io
from designer.model.catalog import load_catalog
from designer.model.document import Step
from designer.model.layout import sidecar_path
from designer.ui import file_actions
from designer.ui.commands import InsertStepCommand
from designer.ui.main_window import MainWindow
from designer.ui.session import EditSession

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
IVR = FIXTURES / "002_recipe-build-an-ivr-menu.yaml"
BROKEN_JSON = FIXTURES / "106_de-tap-tool.json"


@pytest.fixture
def window(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(EditSession(load_catalog()), settings)
    w.files.interactive = False  # no dialog may block a test; answers are monkeypatched
    qtbot.addWidget(w)
    return w


def copy_fixture(tmp_path, src=IVR, name=None):
    dest = tmp_path / (name or src.name)
    shutil.copyfile(src, dest)
    return dest


def edit(window):
    steps = window.session.doc.sections[0].steps
    window.session.undo_stack.push(InsertStepCommand(window.session.doc, steps, len(steps), Step("hangup", {})))


def test_unchanged_open_save_keeps_the_same_bytes(window, tmp_path):
    path = copy_fixture(tmp_path)
    assert window.files.open_path(path)
    assert window.session.path == path.resolve()
    window.files.save()
    assert path.read_bytes() == IVR.read_bytes()


def test_save_writes_layout_beside_the_script_not_inside(window, tmp_path):
    path = copy_fixture(tmp_path)
    window.files.open_path(path)
    edit(window)
    assert window.files.save()
    assert sidecar_path(path).exists()
    text = path.read_text()
    assert "positions" not in text and "hangup" in text
    reopened = swml_io.load(path)
    assert reopened.to_data() == window.session.doc.to_data()


def test_modified_mark_after_edit_and_clean_after_save(window, tmp_path):
    path = copy_fixture(tmp_path)
    window.files.open_path(path)
    assert window.windowTitle() == f"{path.name}[*] — SWML Flow Designer"
    assert not window.isWindowModified()
    edit(window)
    assert window.isWindowModified()
    window.files.save()
    assert not window.isWindowModified()
    window.session.undo_stack.undo()
    assert window.isWindowModified()


def test_new_flow_is_untitled(window):
    assert window.windowTitle().startswith("Untitled[*]")


def test_close_with_unsaved_changes_asks_cancel_keeps_window(window, monkeypatch):
    window.show()
    edit(window)
    asked = []
    monkeypatch.setattr(window.files, "ask_unsaved", lambda: asked.append(1) or file_actions.CANCEL)
    assert not window.close()
    assert asked and window.isVisible()
    monkeypatch.setattr(window.files, "ask_unsaved", lambda: file_actions.DISCARD)
    assert window.close()


def test_close_without_changes_does_not_ask(window, monkeypatch):
    window.show()
    monkeypatch.setattr(window.files, "ask_unsaved", lambda: pytest.fail("asked without changes"))
    assert window.close()


def test_open_with_unsaved_changes_asks(window, tmp_path, monkeypatch):
    path = copy_fixture(tmp_path)
    edit(window)
    old_doc = window.session.doc
    monkeypatch.setattr(window.files, "ask_unsaved", lambda: file_actions.CANCEL)
    assert not window.files.open_path(path)
    assert window.session.doc is old_doc
    monkeypatch.setattr(window.files, "ask_unsaved", lambda: file_actions.DISCARD)
    assert window.files.open_path(path)
    assert window.session.doc is not old_doc


def test_new_with_unsaved_changes_can_save_first(window, tmp_path, monkeypatch):
    path = copy_fixture(tmp_path)
    window.files.open_path(path)
    edit(window)
    monkeypatch.setattr(window.files, "ask_unsaved", lambda: file_actions.SAVE)
    assert window.files.new_file()
    assert "hangup" in path.read_text()
    assert window.session.path is None and not window.isWindowModified()


def test_broken_json_shows_line_and_column_and_keeps_the_document(window, tmp_path):
    path = copy_fixture(tmp_path, BROKEN_JSON)
    edit(window)
    old_doc, old_data = window.session.doc, window.session.doc.to_data()
    assert not window.files.open_path(path, ask=False)
    title, text = window.files.last_message
    assert "line 11, column 7" in text
    assert window.session.doc is old_doc and old_doc.to_data() == old_data
    assert window.isWindowModified()


def test_save_error_keeps_document_modified(window, tmp_path):
    edit(window)
    window.session.set_path(tmp_path / "missing-folder" / "flow.yaml")
    assert not window.files.save()
    assert "could not be saved" in window.files.last_message[1]
    assert window.isWindowModified()


def test_save_as_and_export(window, tmp_path, monkeypatch):
    edit(window)
    monkeypatch.setattr(window.files, "ask_save_path", lambda *a: str(tmp_path / "new.yaml"))
    assert window.files.save_as()
    assert window.session.path == (tmp_path / "new.yaml").resolve()
    assert window.windowTitle().startswith("new.yaml[*]")
    assert window.files.export("json", str(tmp_path / "copy.json"))
    assert window.session.path == (tmp_path / "new.yaml").resolve()
    assert swml_io.load(tmp_path / "copy.json").to_data() == window.session.doc.to_data()
    assert (tmp_path / "copy.json").read_text() == swml_io.dumps(window.session.doc, "json")


def test_recent_files_update_and_drop_missing(window, tmp_path):
    a = copy_fixture(tmp_path, IVR, "a.yaml")
    b = copy_fixture(tmp_path, IVR, "b.yaml")
    window.files.open_path(a)
    window.files.open_path(b)
    window.files.open_path(a)
    assert window.files.recent_files() == [str(a.resolve()), str(b.resolve())]
    b.unlink()
    assert not window.files.open_recent(str(b.resolve()))
    assert "no longer exists" in window.files.last_message[1]
    assert window.files.recent_files() == [str(a.resolve())]


def test_recent_list_is_capped_and_pruned(window, tmp_path):
    paths = [copy_fixture(tmp_path, IVR, f"f{i}.yaml") for i in range(12)]
    for p in paths:
        window.files.add_recent(p)
    assert len(window.files.recent_files()) == 10
    assert window.files.recent_files()[0] == str(paths[-1].resolve())
    paths[-1].unlink()
    window.window_actions.fill_recent_menu()
    assert str(paths[-1].resolve()) not in window.files.recent_files()
    texts = [a.text() for a in window.window_actions.recent_menu.actions()]
    assert any(str(paths[-2].resolve()) in t for t in texts)


def test_recent_files_survive_in_settings(window, tmp_path):
    path = copy_fixture(tmp_path)
    window.files.open_path(path)
    window.settings.sync()
    again = QSettings(window.settings.fileName(), QSettings.Format.IniFormat)
    assert again.value(file_actions.RECENT_KEY) in ([str(path.resolve())], str(path.resolve()))


def test_new_from_example_opens_an_unsaved_valid_flow(qtbot, tmp_path):
    from designer.model import examples
    from designer.model.catalog import load_catalog
    from designer.ui.main_window import MainWindow
    from designer.ui.session import EditSession
    from PySide6.QtCore import QSettings

    session = EditSession(load_catalog())
    win = MainWindow(session, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.files.interactive = False
    names = examples.example_names()
    assert names[:3] == ["record-and-play-back", "voicemail", "ivr-menu"]
    menu_titles = [a.text() for a in win.window_actions.examples_menu.actions()]
    assert menu_titles == [examples.example_title(n) for n in names]
    for name in names:
        assert win.files.new_from_example(name)
        assert session.path is None and session.undo_stack.isClean()
        assert session.doc.to_data()["sections"]["main"], name
        assert [p for p in session.problems if p.severity == "error"] == [], name
        assert set(win.canvas.flow_scene.blocks) == {s.id for s in session.doc.walk()}


def test_saving_a_flow_with_errors_says_signalwire_will_refuse_it(window, tmp_path):
    path = copy_fixture(tmp_path, FIXTURES / "invalid" / "bad_enum.yaml")
    assert window.files.open_path(path, ask=False)
    assert window.files.save()
    message = window.statusBar().currentMessage()
    assert message.startswith("Saved bad_enum.yaml, but it has 1 error") and "refuse" in message
    window.files.new_from_example("voicemail")
    assert window.files.export("yaml", str(tmp_path / "vm.yaml"))
    assert window.statusBar().currentMessage() == "Saved vm.yaml"


def test_find_block_focuses_the_palette_search(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.actions_by_name["find_block"].trigger()
    assert window.focusWidget() is window.palette_panel.search


def test_opening_a_script_says_what_was_found(window, tmp_path):
    assert window.files.open_path(copy_fixture(tmp_path, FIXTURES / "invalid" / "bad_enum.yaml"), ask=False)
    assert window.statusBar().currentMessage() == "Opened bad_enum.yaml: 1 error (see Problems)"
    assert window.files.open_path(copy_fixture(tmp_path), ask=False)
    assert window.statusBar().currentMessage() == f"Opened {IVR.name}: no problems"
