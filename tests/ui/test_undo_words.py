"""Edit > Undo names a panel edit with the field's label, as the panel shows it.

Found trying the voicemail by hand: after changing the greeting the Edit menu offered "Undo
Change urls", a key of the SWML file a support lead never sees; resetting a field said only
"Undo Reset".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from designer.model.document import Step
from designer.ui.commands import InsertStepCommand


def _select(session, data) -> Step:
    steps = session.doc.sections[0].steps
    step = Step.from_data(data, session.doc.nesting)
    session.undo_stack.push(InsertStepCommand(session.doc, steps, len(steps), step))
    session.select([step.id])
    return step


def _binding(inspector, *path):
    binding = inspector.form.binding_for(tuple(path))
    assert binding is not None, path
    return binding


def test_changing_the_greeting_reads_change_what_to_play(session, inspector):
    _select(session, {"play": {"urls": ["say:Hello"]}})
    line = _binding(inspector, "urls").row.current_editor().rows[0].line
    line.setFocus()
    line.end(False)
    QTest.keyClicks(line, " there")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert session.undo_stack.undoText() == "Change What to play"


def test_a_reset_names_the_field(session, inspector):
    _select(session, {"record": {"max_length": 120}})
    _binding(inspector, "max_length").row.reset.click()
    assert session.undo_stack.undoText() == "Reset Maximum length"
    session.undo_stack.undo()
    assert session.doc.to_data()["sections"]["main"] == [{"record": {"max_length": 120}}]
