"""Branches built the way a person builds them: palette drops onto ports and panel widgets.

A phone menu whose switch gets its "otherwise" branch from the canvas's "+" port, and a call
that rings two numbers one by one (typed into the connect panel's destination list) and plays a
message when nobody answers (the connect's result branch, also made from its "+" port). Each exported SWML is asserted exactly and is valid.
"""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator
from PySide6.QtCore import QPointF
from PySide6.QtTest import QTest

from designer.model.schema import bundled_schema_text
from designer.ui.inspector.branches import BranchesEditor
from designer.ui.inspector.special import CasesEditor
from tests.ui.test_end_to_end import (add_block, click_block, drop_at, editor, fill_play, preview_as,  # noqa: F401
                                      type_into, window)


def assert_schema_valid(data) -> None:
    """Valid against the bundled MIT schema itself, not only the designer's checks."""
    schema = json.loads(bundled_schema_text())
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


def slot_port(win, step, words: str) -> QPointF:
    item = win.canvas.block_item(step.id)
    j = item.look.slots.index(words)
    return item.port_pos(("slot", step.id, j)) + QPointF(30, 10)


def test_a_switch_with_a_default_branch_built_by_drops_and_panel_widgets(window):
    session = window.session
    add_block(window, "answer")
    prompt = add_block(window, "prompt")
    sounds = editor(window, "play")  # the prompt's "what to play" list, as play's
    while sounds.rows:
        sounds.rows[0].remove.click()
    sounds.add_actions["say"].trigger()
    QTest.keyClicks(sounds.rows[-1].line, "Press 1 for sales")
    type_into(editor(window, "max_digits").line, "2")
    switch = add_block(window, "switch")
    type_into(editor(window, "variable").line, "prompt_value")
    assert window.inspector.form.findChild(CasesEditor).add_case() == "1"
    # case 1 from its branch port, "otherwise" from the "+ otherwise" port
    port = window.canvas.block_item(switch.id).port_pos(("branch", switch.id, 0))
    drop_at(window, "transfer", port + QPointF(30, 10))
    click_block(window, switch.params["case"]["1"][0])
    type_into(editor(window, "dest").combo.lineEdit(), "sales")
    drop_at(window, "play", slot_port(window, switch, "+ otherwise"))
    click_block(window, switch.params["default"][0])
    fill_play(window, ("say", "Sorry, that is not an option"))
    assert window.canvas.block_item(switch.id).look.slots == ("+ case 2",)
    monkey_section(window, "sales")
    data = preview_as(window, "yaml")[1]
    assert data == {"version": "1.0.0", "sections": {
        "main": [
            {"answer": {}},
            {"prompt": {"play": ["say:Press 1 for sales"], "max_digits": 2}},
            {"switch": {"variable": "prompt_value",
                        "case": {"1": [{"transfer": {"dest": "sales"}}]},
                        "default": [{"play": {"urls": ["say:Sorry, that is not an option"]}}]}},
        ],
        "sales": [{"hangup": {}}],
    }}
    assert [p.message for p in session.problems] == []
    assert_schema_valid(data)
    assert prompt.method == "prompt"


def monkey_section(win, name: str) -> None:
    """A section added through the window's own command (its name asked for, here answered)."""
    win.ask_section_name = lambda: name
    assert win.add_section()
    start = win.canvas.flow_scene.starts[name]
    drop_at(win, "hangup", start.port_pos() + QPointF(0, 40))


def test_a_connect_that_rings_two_numbers_and_plays_a_message_when_nobody_answers(window):
    session = window.session
    add_block(window, "answer")
    connect = add_block(window, "connect")
    # two numbers rung one by one, typed into the connect panel's destination list
    for number in ("+15550100001", "+15550100002"):
        numbers = editor(window, "serial").numbers
        numbers.buttons.itemAt(0).widget().click()  # "Add a number"
        type_into(editor(window, "serial").numbers.rows[-1].line, number)
    assert editor(window, "serial").how.currentData() == "serial"  # "One at a time, in order"
    type_into(editor(window, "timeout").line, "20")
    # the result branch from the panel's own button would work too; here from the "+" port
    drop_at(window, "play", slot_port(window, connect, "+ if nobody answered"))
    play = connect.params["result"]["case"]["failed"][0]
    click_block(window, play)
    fill_play(window, ("say", "Nobody could take your call. Please try again later."))
    drop_at(window, "hangup", window.canvas.block_item(play.id).sceneBoundingRect().center()
            + QPointF(0, window.canvas.block_item(play.id).height / 2 + 50))
    data = preview_as(window, "yaml")[1]
    assert data == {"version": "1.0.0", "sections": {"main": [
        {"answer": {}},
        {"connect": {"serial": [{"to": "+15550100001"}, {"to": "+15550100002"}], "timeout": 20,
                     "result": {"case": {"failed": [
                         {"play": {"urls": ["say:Nobody could take your call. Please try again later."]}},
                         {"hangup": {}}]}}}},
    ]}}
    assert [p.message for p in session.problems] == []
    assert_schema_valid(data)
    # the connect's panel shows the case like a switch case, ready to rename or to add "if answered"
    click_block(window, connect)
    cases = window.inspector.form.findChild(CasesEditor)
    assert cases.map_path == ("result", "case") and list(cases.names) == ["failed"]
    assert window.canvas.block_item(connect.id).look.branches == ("if nobody answered",)
    assert window.inspector.form.findChildren(BranchesEditor)
    QTest.qWait(1)
