"""Undo commands: every edit reverses exactly, and repeated field edits merge."""

from designer.ui.undo import UndoStack

from designer.model.document import MISSING, Document, Step
from designer.ui.commands import InsertStepCommand, MoveStepCommand, RemoveStepCommand, SetParamCommand


def make_doc():
    doc = Document.new()
    steps = doc.sections[0].steps
    for name in ("answer", "record_call", "hangup"):
        doc.insert_step(steps, len(steps), Step(name, {}))
    return doc


def test_typing_in_one_field_is_one_undo_step(qapp):
    doc, stack = make_doc(), UndoStack()
    rec = doc.sections[0].steps[1]
    before = doc.to_data()
    for value in (1, 12, 123):
        stack.push(SetParamCommand(doc, rec, ("max_length",), value))
    assert stack.count() == 1 and rec.params == {"max_length": 123}
    stack.undo()
    assert doc.to_data() == before


def test_unset_to_default_and_undo(qapp):
    doc, stack = make_doc(), UndoStack()
    rec = doc.sections[0].steps[1]
    doc.set_param(rec, ("format",), "mp3")
    stack.push(SetParamCommand(doc, rec, ("format",), MISSING))
    assert rec.params == {}
    stack.undo()
    assert rec.params == {"format": "mp3"}


def test_insert_remove_move_undo_restore_order(qapp):
    doc, stack = make_doc(), UndoStack()
    steps = doc.sections[0].steps
    before = doc.to_data()
    stack.push(InsertStepCommand(doc, steps, 1, Step("play", {"url": "say:hi"})))
    stack.push(RemoveStepCommand(doc, steps[0]))
    stack.push(MoveStepCommand(doc, steps[2], steps, 0))
    assert [s.method for s in steps] == ["hangup", "play", "record_call"]
    while stack.canUndo():
        stack.undo()
    assert doc.to_data() == before
