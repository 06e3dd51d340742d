"""Undo and retyping keep the order of a step's keys, so the saved file does not change where
the person changed nothing (issue 10, case 7)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from designer.model import swml_io
from designer.model.document import MISSING
from designer.ui.commands import SetParamCommand

TEXT = ("version: 1.0.0\nsections:\n  main:\n  - record_call:\n      terminators: '#'  # stop keys\n"
        "      stereo: true\n      beep: true\n  - hangup: {}\n")


def opened(session):
    session.replace_document(swml_io.loads(TEXT, "yaml", nesting=session.catalog.nesting), None)
    return session.doc.sections[0].steps[0]


def test_undoing_a_reset_puts_the_key_back_in_its_place(session):
    step = opened(session)
    session.undo_stack.push(SetParamCommand(session.doc, step, ("stereo",), MISSING, text="Reset"))
    assert list(step.params) == ["terminators", "beep"]
    session.undo_stack.undo()
    assert list(step.params) == ["terminators", "stereo", "beep"]
    assert session.undo_stack.isClean()
    assert swml_io.dumps(session.doc) == TEXT
    session.undo_stack.redo()
    session.undo_stack.undo()
    assert swml_io.dumps(session.doc) == TEXT


def test_retyping_a_cleared_field_keeps_its_place(session, inspector):
    step = opened(session)
    session.select([step.id])
    line = inspector.form.binding_for(("terminators",)).row.current_editor().line
    line.setFocus()
    line.selectAll()
    QTest.keyClick(line, Qt.Key.Key_Delete)
    QTest.keyClicks(line, "*")
    line.editingFinished.emit()
    assert step.params == {"terminators": "*", "stereo": True, "beep": True}
    assert list(step.params) == ["terminators", "stereo", "beep"]
    assert swml_io.dumps(session.doc) == TEXT.replace("'#'", "'*'")


def test_undoing_a_run_of_resets_and_sets_restores_the_original_order(session):
    """Found by the property test: a key removed, another removed, then the first set again
    came back in the wrong place after undoing everything."""
    text = ("version: 1.0.0\nsections:\n  main:\n  - connect:\n      confirm: https://x.example/bin\n"
            "      from: '${call.from}'\n      to: '+15550100001'\n")
    session.replace_document(swml_io.loads(text, "yaml", nesting=session.catalog.nesting), None)
    step = session.doc.sections[0].steps[0]
    for path, value in [(("to",), MISSING), (("confirm",), MISSING), (("from",), ""), (("to",), "")]:
        session.undo_stack.push(SetParamCommand(session.doc, step, path, value))
    assert list(step.params) == ["from", "to"]
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert swml_io.dumps(session.doc) == text
    while session.undo_stack.canRedo():
        session.undo_stack.redo()
    assert list(step.params) == ["from", "to"]
