"""Inspector panels: edits through the real widgets give exactly the SWML a person expects."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from designer.model.catalog import load_catalog
from designer.model.document import Step
from designer.model.problems import Problem
from designer.ui.commands import InsertStepCommand
from designer.ui.inspector.panel import EMPTY_NONE


def add(session, method, params=None, index=None):
    steps = session.doc.sections[0].steps
    step = Step.from_data({method: {} if params is None else params}, session.doc.nesting)
    session.undo_stack.push(InsertStepCommand(session.doc, steps, len(steps) if index is None else index, step))
    return step


def main(session):
    return session.doc.to_data()["sections"]["main"]


def editor(panel, *path):
    binding = panel.form.binding_for(tuple(path))
    assert binding is not None, path
    return binding.row.current_editor()


def test_no_or_several_selected_shows_the_empty_state(session, inspector):
    assert inspector.stack.currentWidget() is inspector.empty
    assert inspector.empty.text() == EMPTY_NONE
    a, b = add(session, "answer"), add(session, "hangup")
    session.select([a.id, b.id])
    assert inspector.stack.currentWidget() is inspector.empty and "2 blocks" in inspector.empty.text()
    session.select([a.id])
    assert inspector.stack.currentWidget() is inspector.page and inspector.title.text() == "Answer the call"  # as on the block


def test_choosing_mp3_writes_only_format_and_wav_again_removes_it(session, inspector):
    step = add(session, "record_call")
    session.select([step.id])
    combo = editor(inspector, "format").combo
    combo.setCurrentIndex(combo.findData("mp3"))
    combo.activated.emit(combo.currentIndex())
    assert main(session) == [{"record_call": {"format": "mp3"}}]
    combo.setCurrentIndex(combo.findData("wav"))
    combo.activated.emit(combo.currentIndex())
    assert main(session) == [{"record_call": {}}]


def test_untouched_explicit_default_is_kept_when_other_fields_change(session, inspector):
    step = add(session, "record_call", {"direction": "both", "x_custom": {"keep": [1, 2]}})
    session.select([step.id])
    editor(inspector, "beep").check.click()
    assert main(session) == [{"record_call": {"direction": "both", "x_custom": {"keep": [1, 2]}, "beep": True}}]


def test_direction_radio_writes_plain_value(session, inspector):
    step = add(session, "record_call")
    session.select([step.id])
    radios = editor(inspector, "direction")
    next(b for v, b in radios.buttons if v == "speak").click()
    assert main(session) == [{"record_call": {"direction": "speak"}}]


def test_slider_drag_is_one_undo_step_and_undo_restores_exactly(session, inspector):
    step = add(session, "record_call", {"format": "mp3"})
    session.select([step.id])
    before, count = session.doc.to_data(), session.undo_stack.count()
    slider = editor(inspector, "input_sensitivity").slider
    slider.setSliderDown(True)
    for value in (50, 60, 70):
        slider.setValue(value)
    slider.setSliderDown(False)
    assert main(session) == [{"record_call": {"format": "mp3", "input_sensitivity": 70}}]
    assert session.undo_stack.count() == count + 1
    session.undo_stack.undo()
    assert session.doc.to_data() == before
    assert editor(inspector, "input_sensitivity").box.line.text() == ""


def test_slider_release_ends_the_undo_step(session, inspector):
    step = add(session, "record_call")
    session.select([step.id])
    slider = editor(inspector, "input_sensitivity").slider
    slider.setValue(50)
    slider.sliderReleased.emit()
    slider.setValue(60)
    session.undo_stack.undo()
    assert main(session) == [{"record_call": {"input_sensitivity": 50}}]


def test_terminators_accept_only_phone_keys(session, inspector):
    step = add(session, "record_call")
    session.select([step.id])
    line = editor(inspector, "terminators").line
    QTest.keyClicks(line, "a1b*#c")
    assert main(session) == [{"record_call": {"terminators": "1*#"}}]


def test_out_of_range_sensitivity_is_written_and_the_problem_shown(session, inspector, qtbot):
    step = add(session, "record_call")
    session.select([step.id])
    slider_editor = editor(inspector, "input_sensitivity")
    QTest.keyClicks(slider_editor.box.line, "150")
    assert main(session) == [{"record_call": {"input_sensitivity": 150}}]
    assert slider_editor.slider.value() == 100
    message = "Input sensitivity must be between 0 and 100"
    session.problems_changed.emit([Problem("error", message, step.id, ("input_sensitivity",))])
    row = inspector.form.binding_for(("input_sensitivity",)).row
    assert row.problem_label.text() == message and row.problem_label.isVisibleTo(inspector)
    assert row.frame.property("problem") == "error"
    session.problems_changed.emit([Problem("error", "Step is odd", step.id, ())])
    assert not row.problem_label.isVisibleTo(inspector)
    assert "• Step is odd" in inspector.form.top_problems.text()
    assert "#e5484d" in inspector.form.top_problems.text()  # an error reads red
    session.problems_changed.emit([Problem("warning", "Not linked <yet>", step.id, ())])
    text = inspector.form.top_problems.text()
    assert "#d98e04" in text and "#e5484d" not in text and "&lt;yet&gt;" in text  # a warning amber


def test_default_shows_as_placeholder(session, inspector):
    step = add(session, "record_call")
    session.select([step.id])
    assert editor(inspector, "input_sensitivity").box.line.placeholderText() == "44"
    assert editor(inspector, "initial_timeout").line.placeholderText() == "0 (default)"


def test_typing_the_default_unsets_the_field(session, inspector):
    step = add(session, "record_call", {"initial_timeout": 5})
    session.select([step.id])
    line = editor(inspector, "initial_timeout").line
    line.selectAll()
    QTest.keyClicks(line, "0")
    assert main(session) == [{"record_call": {}}]


def test_undo_redo_refresh_the_widgets(session, inspector):
    step = add(session, "record_call")
    session.select([step.id])
    line = editor(inspector, "max_length").line
    QTest.keyClicks(line, "30")
    assert main(session) == [{"record_call": {"max_length": 30}}]
    session.undo_stack.undo()
    assert line.text() == "" and main(session) == [{"record_call": {}}]
    session.undo_stack.redo()
    assert line.text() == "30"


def test_reset_button_unsets_and_is_shown_only_when_set(session, inspector):
    step = add(session, "record_call", {"stereo": True})
    session.select([step.id])
    row = inspector.form.binding_for(("stereo",)).row
    assert not row.reset.isHidden()
    row.reset.click()
    assert main(session) == [{"record_call": {}}]
    assert row.reset.isHidden()


def test_variable_switch_writes_an_expression(session, inspector):
    step = add(session, "record_call")
    session.select([step.id])
    row = inspector.form.binding_for(("beep",)).row
    row.var_toggle.click()
    QTest.keyClicks(row.var_editor.line, "${want_beep}")
    assert main(session) == [{"record_call": {"beep": "${want_beep}"}}]
    row.var_toggle.click()
    assert main(session) == [{"record_call": {}}]


def test_unknown_fields_survive_edits_and_can_be_edited_as_yaml(session, inspector):
    step = add(session, "record_call", {"beta_flag": {"a": 1}})
    session.select([step.id])
    editor(inspector, "stereo").check.click()
    assert main(session) == [{"record_call": {"beta_flag": {"a": 1}, "stereo": True}}]
    yaml_editor = editor(inspector, "beta_flag")
    yaml_editor.text.setPlainText("a: [")
    yaml_editor.commit()
    assert yaml_editor.error.isVisibleTo(inspector) and "Not valid YAML" in yaml_editor.error.text()
    assert main(session) == [{"record_call": {"beta_flag": {"a": 1}, "stereo": True}}]
    yaml_editor.text.setPlainText("a: 2")
    yaml_editor.commit()
    assert main(session) == [{"record_call": {"beta_flag": {"a": 2}, "stereo": True}}]


def test_field_focus_request_focuses_the_field(session, inspector, qtbot):
    step = add(session, "record_call")
    session.select([step.id])
    inspector.activateWindow()
    session.request_field_focus(step.id, ("status_url",))
    target = editor(inspector, "status_url").line
    qtbot.waitUntil(lambda: target.hasFocus() or inspector.focusWidget() is target)


#: Every method of the bundled schema, plus methods only the newer official schema knows.
ALL_METHODS = sorted(load_catalog().methods) + ["stream", "transcribe"]


@pytest.mark.parametrize("method", ALL_METHODS)
def test_every_method_gets_a_panel_that_fits_and_edits_nothing_by_itself(session, inspector, method):
    spec = session.catalog.method(method)
    step = add(session, method, spec.empty_value if spec.known else {"url": "wss://example.com/s"})
    before = session.doc.to_data()
    session.select([step.id])
    assert inspector.stack.currentWidget() is inspector.page
    assert inspector.title.text()
    inspector.grab()  # lays out and paints every editor
    assert inspector.page.sizeHint().width() <= 340 + 40, "panel wider than its dock"
    assert session.doc.to_data() == before, "showing a panel must not change the flow"


def test_a_refused_key_says_why(inspector, session, qtbot):
    from designer.model.document import Step
    from designer.ui.commands import InsertStepCommand
    from designer.ui.inspector.refusals import PHONE_KEYS, WHOLE_NUMBER, NUMBER
    steps = session.doc.sections[0].steps
    step = Step("record_call", {})
    session.undo_stack.push(InsertStepCommand(session.doc, steps, 0, step))
    session.select([step.id])
    stop_keys = inspector.form.binding_for(("terminators",)).row.current_editor().line
    stop_keys.setFocus()
    qtbot.keyClicks(stop_keys, "x")
    assert stop_keys.text() == "" and stop_keys.property("last_refusal") == PHONE_KEYS
    qtbot.keyClicks(stop_keys, "#")
    assert stop_keys.text() == "#"
    seconds = inspector.form.binding_for(("max_length",)).row.current_editor().line
    qtbot.keyClicks(seconds, "ten")
    assert seconds.text() == "" and seconds.property("last_refusal") in (WHOLE_NUMBER, NUMBER)


def test_a_variable_editor_made_later_keeps_the_fields_place_in_the_tab_order(inspector, session):
    from designer.model.document import Step
    from designer.ui.commands import InsertStepCommand
    steps = session.doc.sections[0].steps
    step = Step("record_call", {})
    session.undo_stack.push(InsertStepCommand(session.doc, steps, 0, step))
    session.select([step.id])
    row = inspector.form.binding_for(("beep",)).row
    row.var_toggle.click()
    line = row.var_editor.focus_widget()
    follower = line.nextInFocusChain()
    assert inspector.form.isAncestorOf(follower) or follower is row.var_toggle
