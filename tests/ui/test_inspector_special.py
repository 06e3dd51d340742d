"""Inspector forms for switch cases, non-object values, bare/raw steps and unknown methods."""

from __future__ import annotations

from PySide6.QtTest import QTest

from designer.model.document import Document
from designer.ui.inspector.special import CasesEditor, StepsNote


def load(session, steps):
    session.replace_document(Document.from_data({"version": "1.0.0", "sections": {"main": steps}},
                                                session.catalog.nesting))
    return list(session.doc.sections[0].steps)


def main(session):
    return session.doc.to_data()["sections"]["main"]


def test_switch_cases_add_rename_remove_keep_the_steps(session, inspector):
    switch, = load(session, [{"switch": {"variable": "x", "case": {"1": [{"hangup": {}}]}}}])
    inner = switch.params["case"]["1"]
    session.select([switch.id])
    cases = inspector.form.findChild(CasesEditor)
    assert cases.counts["1"].text() == "1 step"
    cases.names["1"].setText("one")
    cases.names["1"].editingFinished.emit()
    assert main(session) == [{"switch": {"variable": "x", "case": {"one": [{"hangup": {}}]}}}]
    assert switch.params["case"]["one"] is inner
    cases = inspector.form.findChild(CasesEditor)
    name = cases.add_case()
    assert main(session)[0]["switch"]["case"] == {"one": [{"hangup": {}}], name: []}
    inspector.form.findChild(CasesEditor).remove_case("one")
    assert main(session)[0]["switch"]["case"] == {name: []}
    for _ in range(3):
        session.undo_stack.undo()
    assert main(session) == [{"switch": {"variable": "x", "case": {"1": [{"hangup": {}}]}}}]
    assert switch.params["case"]["1"] is inner


def test_fields_holding_steps_point_to_the_canvas(session, inspector):
    switch, = load(session, [{"switch": {"variable": "x", "case": {}, "default": [{"hangup": {}}, {"answer": {}}]}}])
    session.select([switch.id])
    note = inspector.form.findChild(StepsNote)
    assert note.text() == "2 steps — edit on the canvas"


def test_label_is_edited_as_one_text(session, inspector):
    label, = load(session, [{"label": "start"}])
    session.select([label.id])
    line = inspector.form.binding_for(()).row.current_editor().line
    line.end(False)
    QTest.keyClicks(line, "2")
    assert main(session) == [{"label": "start2"}]


def test_bare_step_gets_a_fix_button(session, inspector):
    bare, = load(session, ["answer"])
    session.select([bare.id])
    inspector.form.fix_button.click()
    assert main(session) == [{"answer": {}}]
    session.undo_stack.undo()
    assert main(session) == ["answer"]


def test_unknown_method_is_raw_yaml_and_kept(session, inspector):
    step, = load(session, [{"transcribe_beta": {"lang": "en", "n": [1, 2]}}])
    session.select([step.id])
    yaml_editor = inspector.form.binding_for(()).row.current_editor()
    assert yaml_editor.text.toPlainText() == "lang: en\nn:\n- 1\n- 2"
    yaml_editor.text.setPlainText("lang: de\nn: [1, 2]")
    yaml_editor.commit()
    assert main(session) == [{"transcribe_beta": {"lang": "de", "n": [1, 2]}}]


def test_value_of_the_wrong_type_shows_as_yaml_and_is_not_rewritten(session, inspector):
    step, = load(session, [{"record_call": {"stereo": "true", "format": "mp3"}}])
    session.select([step.id])
    row = inspector.form.binding_for(("stereo",)).row
    assert row.mode == "raw"
    inspector.form.binding_for(("beep",)).row.current_editor().check.click()
    assert main(session) == [{"record_call": {"stereo": "true", "format": "mp3", "beep": True}}]


def test_play_item_problem_is_shown_under_the_list(session, inspector):
    from designer.model.problems import Problem
    step, = load(session, [{"play": {"urls": ["say:hi", "bogus"]}}])
    session.select([step.id])
    session.problems_changed.emit([Problem("error", "Not a play URL", step.id, ("urls", 1))])
    assert inspector.form.binding_for(("urls",)).row.problem_label.text() == "Not a play URL"
