"""A person's whole path through the window: drag blocks from the palette onto the canvas, fill in
the real property widgets, and read the live SWML preview. Builds the three examples of the
``record_call`` reference page and compares the preview with the page's own YAML and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from designer.ui.commands import SetParamCommand
from designer.ui.inspector.special import CasesEditor
from designer.ui.main_window import MainWindow
from tests.ui.conftest import shown

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def window(window, qtbot):
    """The shared window (tests/ui/conftest.py), shown at 1500x950 with the canvas at 100 %."""
    return shown(window, qtbot)


def drag_from_palette(win: MainWindow, method: str) -> None:
    """Drag ``method`` out of the palette and drop it just below the end of ``main``."""
    palette = win.palette_panel
    mime = palette.tree.mimeData([palette.item_for(method)])
    view, session = win.canvas, win.session
    steps = session.doc.sections[0].steps
    if len(steps):
        tail = view.block_item(steps[len(steps) - 1].id)
        target = tail.sceneBoundingRect().center() + QPointF(0, tail.height / 2 + 50)
    else:
        target = view.flow_scene.starts["main"].port_pos() + QPointF(0, 40)
    view.centerOn(target)
    point = QPoint(view.mapFromScene(target))
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    for event in (QDragEnterEvent(point, *args), QDragMoveEvent(point, *args), QDropEvent(QPointF(point), *args)):
        QApplication.sendEvent(view.viewport(), event)
    assert steps[len(steps) - 1].method == method, "the drop did not append to main"


def click_block(win: MainWindow, step) -> None:
    """Select a block with a real mouse click on the canvas."""
    view = win.canvas
    item = view.block_item(step.id)
    view.centerOn(item)
    point = view.mapFromScene(item.sceneBoundingRect().center() + QPointF(0, -10))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert win.session.selection == [step.id]


def editor(win: MainWindow, *path):
    binding = win.inspector.form.binding_for(tuple(path))
    assert binding is not None, path
    return binding.row.current_editor()


def add_block(win: MainWindow, method: str):
    drag_from_palette(win, method)
    steps = win.session.doc.sections[0].steps
    step = steps[len(steps) - 1]
    click_block(win, step)
    return step


def fill_play(win: MainWindow, *items: tuple[str, str]) -> None:
    urls = editor(win, "urls")
    while urls.rows:  # a new play block starts with a sample item
        urls.rows[0].remove.click()
    for kind, text in items:
        if kind == "var":
            next(a for a in urls.variable_actions() if a.data() == text).trigger()
        else:
            urls.add_actions[kind].trigger()
            urls.rows[-1].line.selectAll()
            QTest.keyClicks(urls.rows[-1].line, text)


def build_record_and_play_back(win: MainWindow, direction: str | None) -> None:
    record = add_block(win, "record_call")
    editor(win, "beep").check.click()
    if direction is None:
        QTest.keyClicks(editor(win, "terminators").line, "#")
    else:
        dict(editor(win, "direction").buttons)[direction].click()
    add_block(win, "play")
    fill_play(win, ("say", "Leave your message now"), ("silence", "10"))
    add_block(win, "stop_record_call")
    add_block(win, "play")
    fill_play(win, ("say", "Playing back"), ("var", "${record_call_url}"))
    assert record.method == "record_call"


def expected(name: str, fmt: str):
    text = (FIXTURES / f"{name}.{fmt}").read_text()
    return yaml.safe_load(text) if fmt == "yaml" else json.loads(text)


def preview_as(win: MainWindow, fmt: str):
    win.preview.set_format(fmt)
    text = win.preview.text()
    return text, (yaml.safe_load(text) if fmt == "yaml" else json.loads(text))


def test_mp3_recording_example(window):
    add_block(window, "record_call")
    combo = editor(window, "format").combo
    combo.setCurrentIndex(combo.findData("mp3"))
    combo.activated.emit(combo.currentIndex())
    text, data = preview_as(window, "yaml")
    assert data == expected("reference_mp3", "yaml")
    assert text == "version: 1.0.0\nsections:\n  main:\n    - record_call:\n        format: mp3\n"
    text, data = preview_as(window, "json")
    assert data == expected("reference_mp3", "json")
    assert text == json.dumps(expected("reference_mp3", "json"), indent=2) + "\n"


@pytest.mark.parametrize("name, direction", [("reference_playback_both", None),
                                             ("reference_playback_speaker", "speak")])
def test_record_and_play_back_examples(window, name, direction):
    build_record_and_play_back(window, direction)
    for fmt in ("yaml", "json"):
        text, data = preview_as(window, fmt)
        assert data == expected(name, fmt)
        assert json.dumps(data) == json.dumps(expected(name, fmt)), "key order differs"
    assert [p for p in window.session.problems if p.is_error] == []


def test_out_of_range_sensitivity_shows_badge_field_message_and_problem(window, qtbot):
    step = add_block(window, "record_call")
    before = preview_as(window, "yaml")[0]
    box = editor(window, "input_sensitivity").box.line
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, "150")
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert step.params == {"input_sensitivity": 150}
    errors = [p for p in window.session.problems if p.is_error]
    assert [(p.step_id, p.field) for p in errors] == [(step.id, ("input_sensitivity",))]
    assert "between 0 and 100" in errors[0].message
    # on the block
    look = window.canvas.block_item(step.id).look
    assert (look.errors, look.warnings) == (1, 0)
    # on the field
    row = window.inspector.form.binding_for(("input_sensitivity",)).row
    assert row.problem_label.isVisible() and "between 0 and 100" in row.problem_label.text()
    # in the problems list, and a click on it selects the block
    tree = window.problems.tree
    assert tree.topLevelItemCount() == 1 and "between 0 and 100" in tree.topLevelItem(0).text(0)
    window.session.select([])
    rect = tree.visualItemRect(tree.topLevelItem(0))
    with qtbot.waitSignal(window.session.field_focus_requested) as focus:
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.session.selection == [step.id] and focus.args == [step.id, ("input_sensitivity",)]
    # in the preview: the line of the value is marked
    text = preview_as(window, "yaml")[0]
    line = text.splitlines().index("        input_sensitivity: 150") + 1
    assert line in window.preview.editor.marks
    # undo returns to the previous export exactly
    window.session.undo_stack.undo()
    assert preview_as(window, "yaml")[0] == before
    assert not [p for p in window.session.problems if p.is_error]


EXAMPLES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".yaml", ".json") and p.name != "106_de-tap-tool.json")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_opens_shows_all_steps_and_saves_back_equal(window, path, tmp_path):
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    assert window.files.open_path(copy, ask=False)
    doc = window.session.doc
    steps = list(doc.walk())
    assert steps and set(window.canvas.flow_scene.blocks) == {s.id for s in steps}
    assert set(window.canvas.flow_scene.starts) == {s.name for s in doc.sections}
    original = yaml.safe_load(path.read_text("utf-8"))
    assert window.files.save()
    assert copy.read_bytes() == path.read_bytes()
    # one edit through the window (a block appended to main), saved and reopened: nothing else moved
    window.session.select([])
    window.canvas.append_method("hangup")
    assert window.files.save()
    assert window.files.open_path(copy, ask=False)
    original["sections"]["main"].append({"hangup": {}})
    assert json.dumps(window.session.doc.to_data()) == json.dumps(original)


def drop_at(win: MainWindow, method: str, target: QPointF) -> None:
    """Drag ``method`` out of the palette and drop it at scene point ``target``."""
    palette = win.palette_panel
    mime = palette.tree.mimeData([palette.item_for(method)])
    view = win.canvas
    view.centerOn(target)
    point = QPoint(view.mapFromScene(target))
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    for event in (QDragEnterEvent(point, *args), QDragMoveEvent(point, *args), QDropEvent(QPointF(point), *args)):
        QApplication.sendEvent(view.viewport(), event)


def type_into(line, text: str) -> None:
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, text)
    QTest.keyClick(line, Qt.Key.Key_Return)


def build_phone_menu(window, monkeypatch, max_digits: str | None = None, name_hangups: bool = False):
    """answer, prompt, a switch on prompt_value whose cases 1 and 2 transfer to sections "sales"
    and "support" (each a hangup), made as a person makes it: palette drops and panel widgets.
    Returns the prompt step (its words are set by the caller)."""
    session = window.session
    add_block(window, "answer")
    prompt = add_block(window, "prompt")
    if max_digits is not None:
        type_into(editor(window, "max_digits").line, max_digits)
    switch = add_block(window, "switch")
    type_into(editor(window, "variable").line, "prompt_value")
    cases = window.inspector.form.findChild(CasesEditor)
    assert [cases.add_case(), cases.add_case()] == ["1", "2"]
    # a transfer into each case's port, then its destination typed in its panel
    for k, dest in enumerate(("sales", "support")):
        port = window.canvas.block_item(switch.id).port_pos(("branch", switch.id, k))
        drop_at(window, "transfer", port + QPointF(30, 10))
        transfer = switch.child_lists()[k][1][0]
        click_block(window, transfer)
        type_into(editor(window, "dest").combo.lineEdit(), dest)
    # the two sections the menu sends callers to
    for name in ("sales", "support"):
        monkeypatch.setattr(window, "ask_section_name", lambda n=name: n)
        assert window.add_section()
        start = window.canvas.flow_scene.starts[name]
        drop_at(window, "hangup", start.port_pos() + QPointF(0, 40))
        assert [s.method for s in session.doc.section(name).steps] == ["hangup"]
        if name_hangups:
            hangup = session.doc.section(name).steps[0]
            session.undo_stack.push(SetParamCommand(session.doc, hangup, ("reason",), name))
    return prompt


def test_a_phone_menu_built_from_scratch_through_the_window(window, monkeypatch):
    session = window.session
    prompt = build_phone_menu(window, monkeypatch, max_digits="2")
    session.undo_stack.push(SetParamCommand(session.doc, prompt, ("play",), "say:Press 1 for sales, 2 for support"))
    data = preview_as(window, "yaml")[1]
    assert data == {"version": "1.0.0", "sections": {
        "main": [
            {"answer": {}},
            {"prompt": {"max_digits": 2, "play": "say:Press 1 for sales, 2 for support"}},
            {"switch": {"variable": "prompt_value", "case": {
                "1": [{"transfer": {"dest": "sales"}}], "2": [{"transfer": {"dest": "support"}}]}}},
        ],
        "sales": [{"hangup": {}}],
        "support": [{"hangup": {}}],
    }}
    assert [p.message for p in session.problems] == []
