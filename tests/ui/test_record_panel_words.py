"""Record a message's panel in plain words: the real Stop keys default ("#"), Record the call's labels.

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


def test_record_a_message_uses_the_words_of_record_the_call(session, inspector):
    """Found with the same voicemail: "Direction: speak (default)", "End silence timeout" and a
    bare "Beep" box, where Record the call, next to it in the list, says it in plain words."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from designer.ui.inspector.scalars import RadioEditor

    steps = session.doc.sections[0].steps
    step = Step.from_data({"record": {}}, session.doc.nesting)
    session.undo_stack.push(InsertStepCommand(session.doc, steps, 0, step))
    session.select([step.id])
    words = {w.text() for w in inspector.page.findChildren(QLabel)}
    words |= {b.text() for b in inspector.page.findChildren(QAbstractButton)}
    assert {"Play a beep before recording", "Record in stereo", "Wait for speech", "Stop after silence",
            "Maximum length"} <= words
    assert not {"Beep", "Stereo", "Direction", "End silence timeout"} & words
    radios = inspector.form.binding_for(("direction",)).row.current_editor()
    assert isinstance(radios, RadioEditor)
    next(b for v, b in radios.buttons if v == "listen").click()
    assert session.doc.to_data()["sections"]["main"] == [{"record": {"direction": "listen"}}]
