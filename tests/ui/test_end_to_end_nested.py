"""Branches inside list items and flows inside functions, built the way a person builds them.

A call that rings two numbers one by one whose *first* number has its own "nobody answered"
branch (dropped on that destination's "+" port), and an AI agent whose function's SWML action
plays a message (created from the panel's "Flows inside" button, edited in the flow window that
button opens). Exports are asserted exactly and valid against the bundled schema.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from designer.ui.nested_flow import NestedFlowWindow
from tests.ui.test_end_to_end import add_block, click_block, drop_at, editor, fill_play, preview_as, type_into
from tests.ui.test_end_to_end import window  # noqa: F401 - the fixture
from tests.ui.test_end_to_end_branches import assert_schema_valid, slot_port


def test_the_first_destination_gets_its_own_nobody_answered_branch(window):  # noqa: F811
    connect = add_block(window, "connect")
    for number in ("+15550100001", "+15550100002"):
        editor(window, "serial").numbers.buttons.itemAt(0).widget().click()  # "Add a number"
        type_into(editor(window, "serial").numbers.rows[-1].line, number)
    assert window.canvas.block_item(connect.id).look.slots == (
        "+ if nobody answered", "+ #1: if not answered", "+ #2: if not answered")
    drop_at(window, "play", slot_port(window, connect, "+ #1: if not answered"))
    play = connect.params["serial"][0]["result"]["case"]["failed"][0]
    click_block(window, play)
    fill_play(window, ("say", "Trying the front desk next."))
    data = preview_as(window, "yaml")[1]
    assert data == {"version": "1.0.0", "sections": {"main": [{"connect": {"serial": [
        {"to": "+15550100001", "result": {"case": {"failed": [
            {"play": {"urls": ["say:Trying the front desk next."]}}]}}},
        {"to": "+15550100002"}]}}]}}
    assert [p.message for p in window.session.problems] == []
    assert_schema_valid(data)
    assert window.canvas.block_item(connect.id).look.branches == ("#1: if not answered",)


def test_an_ai_function_gets_a_flow_that_plays_a_message_from_the_panel(window, qtbot):  # noqa: F811
    session = window.session
    ai = add_block(window, "ai")
    prompt = editor(window, "prompt")
    QTest.keyClicks(prompt.focus_widget(), "You help callers track orders.")
    functions = editor(window, "SWAIG", "functions")
    functions.add_button.click()
    card = functions.cards[-1][1]
    type_into(card.editors["function"].line, "say_status")
    QTest.keyClicks(card.description.focus_widget(), "When the caller asks where the order is")
    card.description.committed.emit()
    click_block(window, ai)
    button, = window.inspector.form.nested_flow_buttons
    assert button.text() == "Add steps…"
    steps_before = session.undo_stack.count()

    def in_the_flow_window() -> None:
        flow_window = QApplication.activeModalWidget()
        assert isinstance(flow_window, NestedFlowWindow)
        start = flow_window.canvas.flow_scene.starts["main"]
        drop_at_view(flow_window.canvas, "play", start.port_pos() + QPointF(0, 40))
        sounds = flow_window.inspector.form.binding_for(("urls",)).row.current_editor()
        sounds.rows[0].line.clear()  # a new play block says "Hello": the person types over it
        QTest.keyClicks(sounds.rows[0].line, "Your order is on its way")
        sounds.rows[0].line.editingFinished.emit()
        flow_window.back.click()

    QTimer.singleShot(0, in_the_flow_window)
    button.click()
    assert session.undo_stack.count() == steps_before + 1
    data = preview_as(window, "yaml")[1]
    function = data["sections"]["main"][0]["ai"]["SWAIG"]["functions"][0]
    assert function == {"function": "say_status", "description": "When the caller asks where the order is",
                        "data_map": {"output": {"response": "Done.", "action": [{"SWML": {
                            "version": "1.0.0", "sections": {"main": [
                                {"play": {"urls": ["say:Your order is on its way"]}}]}}}]}}}
    assert [p.message for p in session.problems if p.is_error] == []
    assert_schema_valid(data)
    assert [b.text() for b in window.inspector.form.nested_flow_buttons] == ["Open as flow"]


def drop_at_view(view, method, scene_pos) -> None:
    from tests.ui.test_canvas_drop import drop
    view.centerOn(scene_pos)
    drop(view, scene_pos, method)
