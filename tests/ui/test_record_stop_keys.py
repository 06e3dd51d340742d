"""Record a message's Stop keys box says the real default, "#".

Found building a voicemail by hand: the empty box read "none, e.g. #", the words of Ask for a
key press and Record the call (which have no stop keys by default). But ``record`` stops on "#"
unless told otherwise (record.mdx), so a caller pressing # ends the message: "none" was wrong.
"""

from __future__ import annotations

from designer.model.document import Step
from designer.ui.commands import InsertStepCommand


def _stop_keys_placeholder(session, inspector, method: str) -> str:
    steps = session.doc.sections[0].steps
    step = Step.from_data({method: {}}, session.doc.nesting)
    session.undo_stack.push(InsertStepCommand(session.doc, steps, len(steps), step))
    session.select([step.id])
    binding = inspector.form.binding_for(("terminators",))
    assert binding is not None
    return binding.row.current_editor().line.placeholderText()


def test_record_says_hash_is_the_default(session, inspector):
    assert _stop_keys_placeholder(session, inspector, "record") == "# (default)"


def test_record_call_still_says_none(session, inspector):
    assert _stop_keys_placeholder(session, inspector, "record_call") == "none, e.g. #"
