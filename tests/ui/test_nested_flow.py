"""Flows inside a block (AI function SWML, connect confirm steps) open as flows of their own."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from designer.model.document import Document
from designer.model.nested_flows import find_nested_flows
from designer.ui.canvas import menus
from designer.ui.nested_flow import NestedFlowWindow
from tests.ui.test_canvas_drop import drop

AI = {"ai": {"prompt": {"text": "You are a helpful bartender."}, "SWAIG": {"functions": [{
    "function": "send_message", "description": "Text the caller",
    "data_map": {"expressions": [{"string": "${args.message}", "pattern": ".*", "output": {
        "response": "Message sent.",
        "action": [{"SWML": {"version": "1.0.0", "sections": {"main": [
            {"send_sms": {"to_number": "${args.to}", "from_number": "+15555555555", "body": "${args.message}"}}]}}}]}}]}}]}}}
SWML_PATH = ("SWAIG", "functions", 0, "data_map", "expressions", 0, "output", "action", 0, "SWML")


def load(session, steps):
    data = {"version": "1.0.0", "sections": {"main": steps}}
    session.replace_document(Document.from_data(data, session.catalog.nesting))
    return list(session.doc.sections[0].steps)


def main(session):
    return session.doc.to_data()["sections"]["main"]


def test_the_ai_function_swml_is_found_and_named_for_people(session):
    ai, = load(session, [AI])
    flows = find_nested_flows(ai)
    assert [(f.path, f.title, f.kind) for f in flows] == [(SWML_PATH, "What “send_message” runs", "swml")]


def test_open_as_flow_shows_the_nested_steps_and_back_stores_edits_as_one_undo_step(session, qtbot):
    ai, = load(session, [AI])
    window = NestedFlowWindow(session, ai, find_nested_flows(ai)[0])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    inner = window.inner.doc.sections[0].steps
    assert [s.method for s in inner] == ["send_sms"]
    assert window.canvas.block_item(inner[0].id).look.title == "Send a text message"
    # a block dropped under send_sms in the nested flow's own canvas
    last = window.canvas.block_item(inner[0].id)
    window.canvas.centerOn(last)
    drop(window.canvas, last.sceneBoundingRect().center() + QPointF(0, last.height / 2 + 50), "hangup")
    assert [s.method for s in inner] == ["send_sms", "hangup"]
    assert main(session) == [AI]  # nothing stored until "Back"
    window.back.click()
    swml = main(session)[0]["ai"]["SWAIG"]["functions"][0]["data_map"]["expressions"][0]["output"]["action"][0]["SWML"]
    assert swml == {"version": "1.0.0", "sections": {"main": [
        {"send_sms": {"to_number": "${args.to}", "from_number": "+15555555555", "body": "${args.message}"}},
        {"hangup": {}}]}}
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Edit what “send_message” runs"
    session.undo_stack.undo()
    assert main(session) == [AI]


def test_cancel_keeps_the_block_as_it_was(session, qtbot):
    ai, = load(session, [AI])
    window = NestedFlowWindow(session, ai, find_nested_flows(ai)[0])
    qtbot.addWidget(window)
    window.canvas.append_method("hangup")
    window.reject()
    assert main(session) == [AI] and session.undo_stack.count() == 0


def test_connect_confirm_steps_are_added_as_a_flow(session, qtbot):
    connect, = load(session, [{"connect": {"to": "+15550100001"}}])
    flow, = find_nested_flows(connect)
    assert flow.path == ("confirm",) and not flow.exists
    window = NestedFlowWindow(session, connect, flow)
    qtbot.addWidget(window)
    window.canvas.append_method("play")
    window.canvas.append_method("hangup")
    window.back.click()
    assert main(session) == [{"connect": {"to": "+15550100001", "confirm": [
        {"play": {"urls": ["say:Hello"]}}, {"hangup": {}}]}}]
    assert [p.message for p in session.problems if p.is_error] == []
    again, = find_nested_flows(connect)
    assert again.exists and again.title == "What the person answering hears first"


def test_panel_and_canvas_menu_offer_the_nested_flow(session, inspector, qtbot):
    from tests.ui.canvas_helpers import make_view
    ai, = load(session, [AI])
    session.select([ai.id])
    buttons = inspector.form.nested_flow_buttons
    assert [b.text() for b in buttons] == ["Open as flow"]
    _session, view = make_view(qtbot, {"sections": {"main": [AI]}})
    step = _session.doc.sections[0].steps[0]
    menu = menus.context_menu(view, view.block_item(step.id).sceneBoundingRect().center())
    assert "Open as a flow: What “send_message” runs…" in [a.text() for a in menu.actions()]


def test_the_nested_flow_shows_its_own_problems_before_going_back(session, qtbot):
    connect, = load(session, [{"connect": {"to": "+15550100001"}}])
    window = NestedFlowWindow(session, connect, find_nested_flows(connect)[0])
    qtbot.addWidget(window)
    window.canvas.append_method("prompt")
    assert window.problems.tree.topLevelItemCount() >= 1
    assert any("play" in p.message.lower() for p in window.inner.problems)


def test_a_function_without_swml_gets_one_from_the_panel_as_one_undo_step(session, inspector, qtbot):
    plain = {"ai": {"prompt": {"text": "You take orders."}, "SWAIG": {"functions": [
        {"function": "say_status", "description": "Tell the caller the order status"}]}}}
    ai, = load(session, [plain])
    session.select([ai.id])
    button, = inspector.form.nested_flow_buttons
    assert button.text() == "Add steps…" and "What “say_status” runs" in button.toolTip()
    flow, = find_nested_flows(ai)
    window = NestedFlowWindow(session, ai, flow)
    qtbot.addWidget(window)
    window.canvas.append_method("play")
    window.back.click()
    function = main(session)[0]["ai"]["SWAIG"]["functions"][0]
    assert function["data_map"] == {"output": {"response": "Done.", "action": [{"SWML": {
        "version": "1.0.0", "sections": {"main": [{"play": {"urls": ["say:Hello"]}}]}}}]}}
    assert [p.message for p in session.problems if p.is_error] == []
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Add what “say_status” runs"
    session.select([ai.id])
    assert [b.text() for b in inspector.form.nested_flow_buttons] == ["Open as flow"]
    session.undo_stack.undo()
    assert main(session) == [plain]


def test_an_ai_agents_flows_sit_right_under_its_functions(session, inspector):
    ai, = load(session, [AI])
    session.select([ai.id])
    form = inspector.form
    titles = [form.layout_.itemAt(i).widget().header.text() for i in range(form.layout_.count())
              if hasattr(form.layout_.itemAt(i).widget(), "header")]
    functions = next(i for i, t in enumerate(titles) if "SWAIG" in t)
    assert titles[functions + 1] == "Flows inside"


def test_the_block_menu_offers_to_add_a_functions_steps(qtbot):
    from tests.ui.canvas_helpers import make_view
    plain = {"ai": {"prompt": {"text": "Hi"}, "SWAIG": {"functions": [{"function": "say_status", "description": "d"}]}}}
    session, view = make_view(qtbot, {"sections": {"main": [plain]}})
    step = session.doc.sections[0].steps[0]
    menu = menus.context_menu(view, view.block_item(step.id).sceneBoundingRect().center())
    assert "Add steps: What “say_status” runs…" in [a.text() for a in menu.actions()]
