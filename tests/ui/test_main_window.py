"""The main window: docks, menus and shortcuts, status bar, sections, screenshot mode."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence

from designer.model.catalog import load_catalog
from designer.model.document import Step
from designer.model.problems import ERROR, INFO, WARNING, Problem
from designer.ui.app import make_palette, run
from designer.ui.commands import InsertStepCommand
from designer.ui.main_window import MainWindow
from designer.ui.session import EditSession

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_window_has_the_four_docks_around_the_canvas(window):
    areas = {name: window.dockWidgetArea(dock) for name, dock in window.docks.items()}
    assert areas == {"palette": Qt.DockWidgetArea.LeftDockWidgetArea,
                     "inspector": Qt.DockWidgetArea.RightDockWidgetArea,
                     "preview": Qt.DockWidgetArea.BottomDockWidgetArea,
                     "problems": Qt.DockWidgetArea.BottomDockWidgetArea}
    assert window.centralWidget() is window.canvas


def test_common_actions_have_shortcuts(window):
    acts = window.actions_by_name
    assert acts["undo"].shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert acts["save"].shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert acts["auto_layout"].shortcut() == QKeySequence("Ctrl+L")
    assert acts["fit"].shortcut() == QKeySequence("Ctrl+0")
    assert acts["fit_key"].shortcut() == QKeySequence("F")
    for name in ("new", "open", "save_as", "copy", "paste", "duplicate", "delete", "select_all",
                 "zoom_in", "zoom_out", "export_yaml", "export_json", "add_section", "validate"):
        assert not acts[name].shortcut().isEmpty(), name


def test_undo_action_follows_the_stack(window):
    undo = window.actions_by_name["undo"]
    assert not undo.isEnabled()
    steps = window.session.doc.sections[0].steps
    window.session.undo_stack.push(InsertStepCommand(window.session.doc, steps, 0, Step("answer", {})))
    assert undo.isEnabled()
    undo.trigger()
    assert len(steps) == 0


def test_status_bar_counts_blocks_errors_and_warnings(window):
    steps = window.session.doc.sections[0].steps
    window.session.undo_stack.push(InsertStepCommand(window.session.doc, steps, 0, Step("answer", {})))
    problems = [Problem(ERROR, "a", None), Problem(ERROR, "b", None), Problem(WARNING, "c", None)]
    window.session.problems = problems
    window.session.problems_changed.emit(problems)
    assert window.counts.text() == "1 block · 2 errors · 1 warning"
    assert window.docks["problems"].windowTitle() == "Problems — 2 errors, 1 warning"
    assert window.docks["problems"].toggleViewAction().text() == "Problems"
    assert "bundled" in window.schema_label.text()


def test_notes_are_counted_as_notes_not_warnings(window, tmp_path):
    # A hangup while a recording runs is a note (SignalWire stops it); the status bar, the
    # Problems title and the "Opened" message must all say the same counts.
    path = tmp_path / "notes.yaml"
    path.write_text("version: 1.0.0\nsections:\n  main:\n    - record_call: {}\n    - hangup: {}\n")
    window.files.interactive = False
    assert window.files.open_path(path, ask=False)
    kinds = sorted(p.severity for p in window.session.problems)
    assert kinds == [INFO]
    assert window.counts.text() == "2 blocks · 0 errors · 0 warnings · 1 note"
    assert window.docks["problems"].windowTitle() == "Problems — 1 note"
    assert window.statusBar().currentMessage() == "Opened notes.yaml: 1 note (see Problems)"


def test_add_section_is_one_undoable_step(window, monkeypatch):
    monkeypatch.setattr(window, "ask_section_name", lambda text="": "sales")
    assert window.add_section()
    assert window.session.doc.section("sales") is not None
    assert not window.add_section()  # the name exists already
    assert "already" in window.files.last_message[1]
    window.session.undo_stack.undo()
    assert window.session.doc.section("sales") is None


def test_a_section_name_that_cannot_be_used_is_asked_again_with_the_text_kept(window, monkeypatch):
    """Found by hand: after "Use only letters, digits, _ and -" the question was gone and the
    typed name with it."""
    asked: list[str] = []
    answers = iter(["Sales team", "Sales_team"])

    def ask(text=""):
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(window, "ask_section_name", ask)
    assert window.add_section()
    assert asked == ["", "Sales team"]  # asked again, starting from what was typed
    assert "no spaces" in window.files.last_message[1]
    assert window.session.doc.section("Sales_team") is not None
    assert window.session.undo_stack.count() == 1


def test_a_new_section_starts_beside_the_others_not_on_top(window, monkeypatch):
    window.files.new_from_example("ivr-menu")
    scene = window.canvas.flow_scene
    monkeypatch.setattr(window, "ask_section_name", lambda: "after_hours")
    others = scene.itemsBoundingRect()
    assert window.add_section()
    start = scene.starts["after_hours"]
    assert start.sceneBoundingRect().left() > others.right()
    assert not any(start.collidesWithItem(item) for item in scene.blocks.values())
    window.session.undo_stack.undo()
    assert "after_hours" not in scene.starts and "section:after_hours" not in window.session.doc.positions


def test_dock_state_is_kept_in_settings(window, qtbot, tmp_path):
    window.show()
    window.docks["preview"].hide()
    window.save_state()
    again = MainWindow(EditSession(load_catalog()), window.settings)
    qtbot.addWidget(again)
    again.show()
    assert again.docks["preview"].isHidden()
    assert again.docks["palette"].isVisible()


def test_palette_activation_reaches_the_canvas(window, qtbot):
    if not hasattr(window.canvas, "append_method"):
        pytest.skip("the canvas has not landed yet")
    window.palette_panel.method_activated.emit("record_call")
    assert [s.method for s in window.session.doc.walk()][-1] == "record_call"


def test_dark_palette_is_dark():
    dark, light = make_palette(True), make_palette(False)
    assert dark.color(dark.ColorRole.Window).lightness() < 80
    assert light.color(light.ColorRole.Window).lightness() > 200


def test_screenshot_mode_writes_a_png(qapp, tmp_path):
    out = tmp_path / "shot.png"
    assert run(str(FIXTURES / "002_recipe-build-an-ivr-menu.yaml"), None, str(out)) == 0
    image = QImage(str(out))
    assert out.stat().st_size > 1000 and image.width() >= 1000


def test_screenshot_of_a_broken_file_fails(qapp, tmp_path):
    out = tmp_path / "shot.png"
    assert run(str(FIXTURES / "106_de-tap-tool.json"), None, str(out)) == 1
    assert not out.exists()


def test_delete_key_deletes_blocks_only_when_the_canvas_has_focus(window, qtbot):
    if not hasattr(window.canvas, "delete_selection"):
        pytest.skip("the canvas has not landed yet")
    steps = window.session.doc.sections[0].steps
    window.session.undo_stack.push(InsertStepCommand(window.session.doc, steps, 0, Step("answer", {})))
    window.show()
    qtbot.waitExposed(window)
    window.session.select([steps[0].id])
    window.palette_panel.search.setText("abc")
    qtbot.keyClick(window.palette_panel.search, Qt.Key.Key_Backspace)
    assert window.palette_panel.search.text() == "ab" and len(steps) == 1
    window.palette_panel.tree.setFocus()  # no text there, but still not the canvas
    qtbot.keyClick(window.palette_panel.tree, Qt.Key.Key_Delete)
    assert len(steps) == 1
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)
    assert len(steps) == 0


def test_validate_now_shows_the_problems_dock(window):
    window.show()
    window.docks["problems"].hide()
    window.validate_now()
    assert window.docks["problems"].isVisible()


def test_a_script_dropped_on_the_window_opens(window, tmp_path):
    import shutil
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "dropped.yaml"
    shutil.copyfile(FIXTURES / "002_recipe-build-an-ivr-menu.yaml", path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.session.path == path.resolve()
    assert window.windowTitle().startswith("dropped.yaml")


def test_schema_preference_rebuilds_palette_and_status(window):
    from tests.conftest import CALLING_SCHEMA
    from designer.ui import preferences

    if not CALLING_SCHEMA.exists():
        pytest.skip("the official calling schema is not beside the project")
    window.settings.setValue(preferences.SCHEMA_KEY, str(CALLING_SCHEMA))
    window.apply_schema(preferences.schema_setting(window.settings))
    assert window.session.catalog is load_catalog(CALLING_SCHEMA)
    assert window.palette_panel.catalog is window.session.catalog
    assert window.schema_label.text() == "Schema: SWMLObject.json"
    window.apply_schema(None)
    assert "bundled" in window.schema_label.text()


def test_preferences_dialog_rejects_a_broken_schema(window, tmp_path):
    from designer.ui import preferences

    bad = tmp_path / "bad.json"
    bad.write_text("{ not json")
    dialog = preferences.PreferencesDialog(window.settings, window)
    dialog.custom.setChecked(True)
    dialog.path_edit.setText(str(bad))
    dialog.accept()
    assert dialog.error.text().startswith("This schema cannot be used")
    assert preferences.schema_setting(window.settings) is None
    dialog.bundled.setChecked(True)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_theme_refresh_keeps_everything_working(window):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from designer.ui.app import apply_theme, set_scheme

    def text_lightness(widget):
        return widget.palette().color(QPalette.ColorRole.WindowText).lightness()

    app = QApplication.instance()
    apply_theme(app, dark=False)
    try:
        set_scheme(app, window, dark=True)  # what a change of the system's scheme runs
        assert window.preview.highlighter._dark
        # already-polished widgets get light text, not dark text on a dark window
        assert text_lightness(window.inspector.title) > 200 and text_lightness(window.docks["palette"]) > 200
        set_scheme(app, window, dark=False)
        assert not window.preview.highlighter._dark
        assert text_lightness(window.inspector.title) < 80
        assert window.palette_panel.item_for("play") is not None
    finally:
        app.setStyleSheet("")
        app.setPalette(make_palette(False))


def test_keyboard_shortcuts_are_listed_from_the_actions(window):
    rows = dict(window.window_actions.shortcut_rows())
    assert rows["Undo"].startswith("Ctrl+Z") and rows["Find Block"] == "Ctrl+F" and rows["Save"] == "Ctrl+S"
    assert "Ctrl+Y" in rows["Redo"] and "Ctrl+Shift+Z" in rows["Redo"]
    assert "Alt+Up, Alt+Down" in rows.values()
    assert window.actions_by_name["shortcuts"].shortcut().toString() == "Ctrl+/"
    assert window.actions_by_name["getting_started"].shortcut().toString() == "F1"


def test_getting_started_opens_the_first_flow_steps_beside_the_window(window, qtbot):
    window.actions_by_name["getting_started"].trigger()
    page = window.window_actions.getting_started
    assert page is not None and page.isVisible() and not page.isModal()
    text = page.browser.toPlainText()
    for words in ("Record the call", "main", "Stop recording the call", "${record_call_url}", "File > Save"):
        assert words in text, words
    window.actions_by_name["getting_started"].trigger()
    assert window.window_actions.getting_started is page  # one page, raised again
