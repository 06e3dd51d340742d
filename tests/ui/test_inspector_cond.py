"""The conditions editor: cond branches (and a connect result list) edited in the inspector."""

from __future__ import annotations

from pathlib import Path

import yaml
from PySide6.QtTest import QTest

from designer.model.document import Document
from designer.model.problems import Problem
from designer.ui.canvas.looks import look_for
from designer.ui.inspector.cond import ConditionsEditor
from designer.ui.inspector.special import StepsNote

FIXTURE = Path(__file__).parents[1] / "fixtures" / "038_docs-swml-cond.yaml"


def load(session, data):
    session.replace_document(Document.from_data(data, session.catalog.nesting))
    return list(session.doc.sections[0].steps)


def load_fixture(session, inspector):
    cond, = load(session, yaml.safe_load(FIXTURE.read_text("utf-8")))
    session.select([cond.id])
    return cond, inspector.form.findChild(ConditionsEditor)


def value(session):
    return session.doc.to_data()["sections"]["main"][0]["cond"]


def whens(editor):
    return [row.line.text() if row.line is not None else "Otherwise" for row in editor.rows]


def test_cond_shows_one_row_per_condition_with_its_step_count(session, inspector):
    _cond, editor = load_fixture(session, inspector)
    assert editor is not None and inspector.form.findChild(StepsNote) is None
    assert whens(editor) == ["call.type.toLowerCase() == 'sip'", "call.type.toLowerCase() == 'phone'"]
    assert [row.count.text() for row in editor.rows] == ["1 step", "1 step"]
    assert editor.rows[0].line.placeholderText() == "e.g. prompt_value == '1'"
    assert editor.rows[0].line.toolTip() == "The JavaScript condition to act on."
    assert editor.else_button.isVisibleTo(editor)


def test_typing_a_condition_is_one_undo_step(session, inspector):
    _cond, editor = load_fixture(session, inspector)
    line = editor.rows[0].line
    before = session.undo_stack.index()
    line.setFocus()
    line.end(False)
    QTest.keyClicks(line, " && 1")
    assert value(session)[0]["when"] == "call.type.toLowerCase() == 'sip' && 1"
    assert session.undo_stack.index() == before + 1
    assert inspector.form.findChild(ConditionsEditor).rows[0].line is line  # not rebuilt while typing
    session.undo_stack.undo()
    assert value(session)[0]["when"] == "call.type.toLowerCase() == 'sip'"
    assert line.text() == "call.type.toLowerCase() == 'sip'"


def test_a_new_typing_run_after_focus_left_is_its_own_undo_step(session, inspector):
    _cond, editor = load_fixture(session, inspector)
    line = editor.rows[1].line
    line.end(False)
    QTest.keyClicks(line, "x")
    line.editingFinished.emit()
    QTest.keyClicks(line, "y")
    session.undo_stack.undo()
    assert value(session)[1]["when"].endswith("'phone'x")


def test_add_condition_and_otherwise(session, inspector):
    _cond, editor = load_fixture(session, inspector)
    editor.add_button.click()
    assert value(session)[2] == {"when": "", "then": []}
    editor = inspector.form.findChild(ConditionsEditor)
    editor.else_button.click()
    assert value(session)[3] == {"else": []}
    editor = inspector.form.findChild(ConditionsEditor)
    assert not editor.else_button.isVisibleTo(editor)
    assert whens(editor)[-1] == "Otherwise"
    editor.add_button.click()  # goes before the otherwise branch
    assert [list(item) for item in value(session)] == [["when", "then"]] * 4 + [["else"]]
    for expected in ([["when", "then"]] * 3 + [["else"]], [["when", "then"]] * 3, [["when", "then"]] * 2):
        session.undo_stack.undo()
        assert [list(item) for item in value(session)] == expected


def test_removing_a_branch_with_steps_is_undone_with_the_same_steps(session, inspector):
    cond, editor = load_fixture(session, inspector)
    before = session.doc.to_data()
    first = cond.params[0]["then"]
    second = cond.params[1]["then"]
    editor.rows[0].remove.click()
    assert [item["when"] for item in value(session)] == ["call.type.toLowerCase() == 'phone'"]
    assert cond.params[0]["then"] is second
    session.undo_stack.undo()
    assert session.doc.to_data() == before
    assert cond.params[0]["then"] is first and cond.params[1]["then"] is second
    assert first.owner is cond


def test_move_down_and_up_keeps_the_step_lists(session, inspector):
    cond, editor = load_fixture(session, inspector)
    first, second = cond.params[0]["then"], cond.params[1]["then"]
    assert not editor.rows[0].up.isEnabled() and not editor.rows[1].down.isEnabled()
    editor.rows[0].down.click()
    assert [item["when"][-7:] for item in value(session)] == ["'phone'", "= 'sip'"]
    assert cond.params[0]["then"] is second and cond.params[1]["then"] is first
    assert whens(inspector.form.findChild(ConditionsEditor))[0].endswith("'phone'")
    inspector.form.findChild(ConditionsEditor).rows[1].up.click()
    assert cond.params[0]["then"] is first
    session.undo_stack.undo()
    assert cond.params[0]["then"] is second


def test_problem_of_a_condition_shows_under_its_row(session, inspector):
    cond, editor = load_fixture(session, inspector)
    session.problems_changed.emit([Problem("error", "Not valid JavaScript", cond.id, (1, "when"))])
    editor = inspector.form.findChild(ConditionsEditor)
    assert not editor.rows[0].problem.isVisibleTo(editor)
    assert editor.rows[1].problem.text() == "Not valid JavaScript"
    assert editor.rows[1].problem.isVisibleTo(editor)
    assert not inspector.form.top_problems.isVisibleTo(inspector.form)


def test_connect_result_list_gets_the_conditions_editor(session, inspector):
    connect, = load(session, {"version": "1.0.0", "sections": {"main": [
        {"connect": {"to": "+15551234567",
                     "result": [{"when": "connect_result == 'failed'", "then": [{"hangup": {}}]}]}}]}})
    inner = connect.params["result"][0]["then"]
    session.select([connect.id])
    editor = inspector.form.findChild(ConditionsEditor)
    assert editor is not None and editor.path == ("result",)
    assert whens(editor) == ["connect_result == 'failed'"]
    editor.else_button.click()
    assert connect.params["result"][1].keys() == {"else"}
    editor = inspector.form.findChild(ConditionsEditor)
    editor.rows[0].line.end(False)
    QTest.keyClicks(editor.rows[0].line, "!")
    assert session.doc.to_data()["sections"]["main"][0]["connect"]["result"][0]["when"] == \
        "connect_result == 'failed'!"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.doc.to_data()["sections"]["main"][0]["connect"]["result"] == \
        [{"when": "connect_result == 'failed'", "then": [{"hangup": {}}]}]
    assert connect.params["result"][0]["then"] is inner


def test_connect_result_as_switch_is_not_a_conditions_list(session, inspector):
    connect, = load(session, {"version": "1.0.0", "sections": {"main": [
        {"connect": {"to": "+15551234567", "result": {"variable": "x", "case": {}}}}]}})
    session.select([connect.id])
    assert inspector.form.findChild(ConditionsEditor) is None


def test_canvas_ports_say_when_each_branch_runs(session):
    cond, = load(session, {"version": "1.0.0", "sections": {"main": [{"cond": [
        {"when": "prompt_value == '1'", "then": []},
        {"when": "a_very_long_condition_that_goes_on_and_on", "then": []},
        {"when": "", "then": []},
        {"else": []}]}]}})
    look = look_for(cond, session.catalog, False, {}, False, False)
    assert look.branches == ("if prompt_value == '1'", "if a_very_lon…s_on_and_on", "condition 3", "otherwise")


def test_otherwise_stays_last_and_a_condition_with_else_counts_both(session, inspector):
    cond, = load(session, {"version": "1.0.0", "sections": {"main": [{"cond": [
        {"when": "a == 1", "then": [{"hangup": {}}], "else": [{"answer": {}}, {"hangup": {}}]},
        {"when": "b == 2", "then": []},
        {"else": [{"hangup": {}}]},
    ]}]}})
    session.select([cond.id])
    editor = inspector.form.findChild(ConditionsEditor)
    assert [row.count.text() for row in editor.rows] == ["1 step, else 2", "0 steps", "1 step"]
    assert [(row.up.isEnabled(), row.down.isEnabled()) for row in editor.rows] == [
        (False, True), (True, False), (False, False)]
    before = value(session)
    editor.move(1, 1)  # would put a condition after otherwise: refused
    editor.move(2, -1)
    assert value(session) == before and session.undo_stack.count() == 0


def test_a_conditions_own_else_port_says_whose_it_is(session):
    cond, = load(session, {"version": "1.0.0", "sections": {"main": [{"cond": [
        {"when": "a == 1", "then": [], "else": []}]}]}})
    look = look_for(cond, session.catalog, False, {}, False, False)
    assert look.branches == ("if a == 1", "else of condition 1")
