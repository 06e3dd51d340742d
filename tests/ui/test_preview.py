"""The live preview follows the document (via commands), switches format, copies, marks problems."""

import pytest
from PySide6.QtGui import QGuiApplication

from designer.model import swml_io
from designer.model.document import Step
from designer.model.problems import ERROR, WARNING, Problem
from designer.ui.commands import InsertStepCommand, SetParamCommand
from designer.ui.icons import ERROR_COLOR, WARNING_COLOR
from designer.ui.preview import PreviewPanel


@pytest.fixture
def preview(session, qtbot):
    widget = PreviewPanel(session)
    qtbot.addWidget(widget)
    return widget


def add(session, method, params):
    steps = session.doc.sections[0].steps
    step = Step(method, params)
    session.undo_stack.push(InsertStepCommand(session.doc, steps, len(steps), step))
    return step


def test_preview_shows_the_document_as_yaml(preview, session):
    assert preview.text() == swml_io.dumps(session.doc, "yaml")
    assert "main:" in preview.text()


def test_preview_follows_an_edit_undo_and_redo(preview, session, qtbot):
    step = add(session, "record_call", {"format": "wav"})
    qtbot.waitUntil(lambda: "record_call" in preview.editor.toPlainText())
    session.undo_stack.push(SetParamCommand(session.doc, step, ("format",), "mp3"))
    assert preview.text() == swml_io.dumps(session.doc, "yaml")
    assert "mp3" in preview.text()
    session.undo_stack.undo()
    assert "mp3" not in preview.text() and "wav" in preview.text()


def test_the_preview_keeps_no_undo_history_of_its_renders(preview, session, qtbot):
    # A read-only view is never undone; with undo on, each render kept the replaced text and
    # a record per line, without end over a session.
    step = add(session, "record_call", {"format": "wav"})
    session.undo_stack.push(SetParamCommand(session.doc, step, ("format",), "mp3"))
    assert "mp3" in preview.text()
    assert preview.editor.document().availableUndoSteps() == 0


def test_burst_of_edits_renders_the_final_state(preview, session, qtbot):
    step = add(session, "record_call", {})
    for n in range(1, 30):
        session.undo_stack.push(SetParamCommand(session.doc, step, ("max_length",), n))
    qtbot.wait(10)
    assert not preview._pending  # rendered by the event loop, not only on demand
    assert preview.editor.toPlainText() + "\n" == swml_io.dumps(session.doc, "yaml")
    assert "max_length: 29" in preview.editor.toPlainText()


def test_switch_to_json_and_back(preview, session):
    add(session, "play", {"url": "say:Hello"})
    preview.set_format("json")
    assert preview.text() == swml_io.dumps(session.doc, "json")
    assert preview.buttons["json"].isChecked()
    preview.buttons["yaml"].click()
    assert preview.fmt == "yaml"
    assert preview.text() == swml_io.dumps(session.doc, "yaml")


def test_copy_button_puts_the_text_on_the_clipboard(preview, session):
    add(session, "hangup", {})
    QGuiApplication.clipboard().setText("")
    preview.copy_button.click()
    assert QGuiApplication.clipboard().text() == swml_io.dumps(session.doc, "yaml")


def test_problem_lines_are_marked(preview, session):
    add(session, "answer", {})
    rec = add(session, "record_call", {"format": "ogg"})
    problems = [Problem(WARNING, "Check this", rec.id, (), ("sections", "main", 1)),
                Problem(ERROR, "Not a format", rec.id, ("format",), ("sections", "main", 1, "record_call", "format"))]
    session.problems = problems
    session.problems_changed.emit(problems)
    lines = preview.text().splitlines()
    fmt_line = next(i for i, line in enumerate(lines, 1) if "format: ogg" in line)
    rec_line = next(i for i, line in enumerate(lines, 1) if "record_call" in line)
    assert preview.editor.marks[fmt_line] == ERROR_COLOR
    assert preview.editor.marks[rec_line] == WARNING_COLOR
    assert len(preview.editor.extraSelections()) == 2
    session.problems = []
    session.problems_changed.emit([])
    assert preview.editor.marks == {}


@pytest.mark.parametrize("old,new", [
    ("a\nb\nc\n", "a\nx\nc\n"),
    ("a\nb\n", "a\nb\nc\n"),
    ("a\nb\nc\n", "a\nc\n"),
    ("a\nb", "a\nb\n"),
    ("", "x\ny\n"),
    ("x\ny\n", ""),
    ("a\na\na\n", "a\na\n"),
    ("say: héllo 🎉\nb\n", "say: héllo 🎉🎉\nb\nc\n"),
])
def test_only_changed_lines_are_replaced_and_the_result_is_exact(preview, old, new):
    preview.editor.setPlainText(old)
    preview.editor.replace_text(old, new)
    assert preview.editor.toPlainText() == new


def test_scroll_position_is_kept_across_an_edit(preview, session, qtbot):
    for n in range(80):
        add(session, "play", {"url": f"say:number {n}"})
    preview.resize(400, 200)
    preview.show()
    preview.text()
    bar = preview.editor.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    session.undo_stack.push(SetParamCommand(session.doc, session.doc.sections[0].steps[70], ("volume",), 3))
    assert "volume: 3" in preview.text()
    assert bar.value() == before


def test_the_selected_block_is_tinted_and_follows_format_and_edits(preview, session):
    add(session, "answer", {})
    rec = add(session, "record_call", {"format": "mp3"})
    assert preview.editor.current is None
    session.select([rec.id])
    lines = preview.text().splitlines()
    assert lines[preview.editor.current - 1].strip() == "- record_call:"
    preview.set_format("json")
    assert preview.text().splitlines()[preview.editor.current - 1].strip() == '"record_call": {'
    preview.set_format("yaml")
    session.undo_stack.push(InsertStepCommand(session.doc, session.doc.sections[0].steps, 0, Step("hangup", {})))
    assert preview.text().splitlines()[preview.editor.current - 1].strip() == "- record_call:"
    session.select([])
    assert preview.editor.current is None


@pytest.mark.parametrize("old,new", [("a\nb\nc\n", "a\nB\nc\n"), ("a\nb", "ab"), ("", "x\n"), ("x\n", ""),
                                     ("same\n", "same\n"), ("a\nb\nc", "a\nb\nc\nd"), ("ab\ncd\n", "ab\nxcd\n"),
                                     ("é\nü\n", "é\nñ\nü\n")])
def test_changed_span_replaces_exactly_the_difference(old, new):
    from designer.ui.preview import changed_span
    head, old_end, new_end = changed_span(old, new)
    assert old[:head] == new[:head] and old[old_end:] == new[new_end:]
    assert old[:head] + new[head:new_end] + old[old_end:] == new
    assert head == 0 or old[head - 1] == "\n"


def test_the_line_count_says_how_many_lines_the_text_has(preview, session, qtbot):
    for method in ("answer", "hangup"):
        add(session, method, {})
        preview.text()
        qtbot.wait(5)
        expected = len(preview.text().splitlines())
        assert preview.info.text().startswith(f"{expected} lines"), preview.info.text()
    preview.set_format("json")
    assert preview.info.text().startswith(f"{len(preview.text().splitlines())} lines")
