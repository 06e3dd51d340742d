"""The "Choose by a value" panel offers the variables the flow sets before it.

Found by building an IVR by hand: the Variable field was a bare text box, and nothing told a
support lead that "Ask for a key press" leaves the caller's keys in ``prompt_value``.
"""

from __future__ import annotations

from designer.model.document import Step
from designer.ui.commands import InsertStepCommand
from designer.ui.inspector.variable_name import VariableNameEditor


def add(session, data) -> Step:
    steps = session.doc.sections[0].steps
    step = Step.from_data(data, session.doc.nesting)
    session.undo_stack.push(InsertStepCommand(session.doc, steps, len(steps), step))
    return step


def variable_editor(panel) -> VariableNameEditor:
    binding = panel.form.binding_for(("variable",))
    assert binding is not None
    return binding.row.current_editor()


def test_picking_prompt_value_from_the_list_writes_it_and_undo_takes_it_back(session, inspector):
    add(session, {"prompt": {"play": "say:Press 1 for sales"}})
    add(session, {"set": {"team": "sales"}})
    switch = add(session, {"switch": {"variable": "", "case": {}}})
    session.select([switch.id])
    editor = variable_editor(inspector)
    assert isinstance(editor, VariableNameEditor)
    assert "prompt_value" in editor.names() and "team" in editor.names()
    combo = editor.combo
    combo.setCurrentIndex(combo.findText("prompt_value"))
    combo.activated.emit(combo.currentIndex())
    assert switch.params["variable"] == "prompt_value"
    session.undo_stack.undo()
    assert switch.params["variable"] == ""
    assert editor.combo.currentText() == ""


def test_only_variables_set_before_the_block_are_offered(session, inspector):
    switch = add(session, {"switch": {"variable": "", "case": {}}})
    add(session, {"prompt": {"play": "say:Too late"}})
    session.select([switch.id])
    assert variable_editor(inspector).names() == []
