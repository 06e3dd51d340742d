"""Branches a block can still get ("+ otherwise", "+ if nobody answered") as canvas ports."""

from PySide6.QtCore import QPointF

from tests.ui.canvas_helpers import make_view
from tests.ui.test_canvas_drop import drop, methods
from tests.ui.test_canvas_link import drag

SWITCH = {"sections": {"main": [{"switch": {"variable": "prompt_value", "case": {"1": [{"hangup": {}}]}}}]}}
CONNECT = {"sections": {"main": [{"connect": {"to": "+15550100001"}}]}}


def test_a_switch_without_default_shows_a_plus_otherwise_port(qtbot):
    session, view = make_view(qtbot, SWITCH)
    switch = session.doc.sections[0].steps[0]
    look = view.block_item(switch.id).look
    assert look.branches == ("case 1",)
    assert look.slots == ("+ case 2", "+ otherwise")
    assert ("slot", switch.id, 1) in view.block_item(switch.id).ports()


def test_dropping_on_the_plus_otherwise_port_creates_the_default_branch(qtbot):
    session, view = make_view(qtbot, SWITCH)
    switch = session.doc.sections[0].steps[0]
    item = view.block_item(switch.id)
    height = item.height
    drop(view, item.port_pos(("slot", switch.id, 1)) + QPointF(20, 8), "play")
    assert methods(switch.params["default"]) == ["play"]
    assert switch.params["case"]["1"][0].method == "hangup"
    assert item.look.branches == ("case 1", "otherwise") and item.look.slots == ("+ case 2",)
    assert item.height == height  # the "+" row became a real branch row
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert "default" not in switch.params and item.look.slots == ("+ case 2", "+ otherwise")
    session.undo_stack.redo()
    assert methods(switch.params["default"]) == ["play"]
    assert item.look.branches == ("case 1", "otherwise")
    assert view.block_item(switch.params["default"][0].id) is not None


def test_block_dropped_on_a_slot_stands_beside_the_owner_not_on_it(qtbot):
    session, view = make_view(qtbot, SWITCH)
    switch = session.doc.sections[0].steps[0]
    item = view.block_item(switch.id)
    drop(view, item.port_pos(("slot", switch.id, 1)) + QPointF(20, 8), "play")
    new = view.block_item(switch.params["default"][0].id)
    assert not new.sceneBoundingRect().intersects(item.sceneBoundingRect().adjusted(0, 0, -20, -20))
    others = [view.block_item(s.id) for s in switch.params["case"]["1"]]
    assert all(not new.sceneBoundingRect().intersects(o.sceneBoundingRect()) for o in others)


def test_linking_from_a_plus_port_to_a_block_creates_the_connect_result_branch(qtbot):
    session, view = make_view(qtbot, CONNECT)
    connect = session.doc.sections[0].steps[0]
    view.edits.new_chain("play", QPointF(500, 300))
    play = session.doc.detached[0][0]
    item = view.block_item(connect.id)
    assert item.look.slots == ("+ if nobody answered",)
    drag(view, item.port_pos(("slot", connect.id, 0)), view.block_item(play.id).sceneBoundingRect().center())
    assert session.doc.to_data()["sections"]["main"] == [
        {"connect": {"to": "+15550100001", "result": {"case": {"failed": [{"play": {"urls": ["say:Hello"]}}]}}}}]
    assert not session.doc.detached
    assert item.look.branches == ("if nobody answered",)
    assert item.look.slots == ("+ if answered", "+ otherwise")
    session.undo_stack.undo()
    assert "result" not in connect.params and len(session.doc.detached) == 1
    session.undo_stack.redo()
    assert connect.to_data()["connect"]["result"] == {"case": {"failed": [{"play": {"urls": ["say:Hello"]}}]}}
    assert not session.doc.detached


def test_execute_gets_an_after_it_returns_branch_from_the_canvas(qtbot):
    data = {"sections": {"main": [{"execute": {"dest": "menu"}}], "menu": [{"hangup": {}}]}}
    session, view = make_view(qtbot, data)
    execute = session.doc.sections[0].steps[0]
    item = view.block_item(execute.id)
    j = item.look.slots.index("+ after it returns")
    drop(view, item.port_pos(("slot", execute.id, j)) + QPointF(20, 8), "hangup")
    assert execute.to_data() == {"execute": {"dest": "menu", "on_return": [{"hangup": {}}]}}


def test_blocks_show_the_plain_title_and_keep_the_method_name(qtbot):
    session, view = make_view(qtbot, CONNECT)
    look = view.block_item(session.doc.sections[0].steps[0].id).look
    assert (look.title, look.method) == ("Call a number", "connect")


def test_a_plus_port_feeds_a_list_like_any_branch_port(qtbot):
    """Code that asks "which list does this port feed?" (search-to-add, drop targets) and inserts
    there creates the branch in the same undo step."""
    session, view = make_view(qtbot, SWITCH)
    switch = session.doc.sections[0].steps[0]
    steps, index = view.edits.target_of(("slot", switch.id, 1))
    assert len(steps) == 0 and index == 0
    view.edits.insert_method("hangup", steps, index)
    assert switch.to_data()["switch"]["default"] == [{"hangup": {}}]
    assert switch.params["default"] is steps
    assert session.undo_stack.count() == 1


def test_dropping_on_a_destination_plus_port_creates_that_destination_result(qtbot):
    data = {"sections": {"main": [{"connect": {"serial": [{"to": "+15550100001"}, {"to": "+15550100002"}]}}]}}
    session, view = make_view(qtbot, data)
    connect = session.doc.sections[0].steps[0]
    item = view.block_item(connect.id)
    assert item.look.slots == ("+ if nobody answered", "+ #1: if not answered", "+ #2: if not answered")
    drop(view, item.port_pos(("slot", connect.id, 1)) + QPointF(20, 8), "play")
    assert connect.to_data() == {"connect": {"serial": [
        {"to": "+15550100001", "result": {"case": {"failed": [{"play": {"urls": ["say:Hello"]}}]}}},
        {"to": "+15550100002"}]}}
    assert item.look.branches == ("#1: if not answered",)
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert connect.to_data() == data["sections"]["main"][0]
    session.undo_stack.redo()
    assert view.block_item(connect.params["serial"][0]["result"]["case"]["failed"][0].id) is not None


def test_a_cond_gets_a_new_condition_from_its_plus_port(qtbot):
    data = {"sections": {"main": [{"cond": [{"when": "vars.a == 1", "then": [{"answer": {}}]}, {"else": []}]}]}}
    session, view = make_view(qtbot, data)
    cond = session.doc.sections[0].steps[0]
    item = view.block_item(cond.id)
    assert item.look.slots == ("+ condition",)
    answer = cond.params[0]["then"]
    drop(view, item.port_pos(("slot", cond.id, 0)) + QPointF(20, 8), "hangup")
    assert cond.to_data() == {"cond": [{"when": "vars.a == 1", "then": [{"answer": {}}]},
                                       {"when": "", "then": [{"hangup": {}}]}, {"else": []}]}
    assert cond.params[0]["then"] is answer  # the other branches keep their very blocks
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert cond.to_data() == data["sections"]["main"][0]


def test_a_drop_goes_to_the_plus_port_pointed_at_not_the_first_within_reach(qtbot):
    data = {"sections": {"main": [{"cond": [{"when": "vars.a == 1", "then": []}]}]}}
    session, view = make_view(qtbot, data)
    cond = session.doc.sections[0].steps[0]
    item = view.block_item(cond.id)
    assert item.look.slots == ("+ condition", "+ otherwise")
    # a little right of "+ otherwise" and nearer to it than to "+ condition" above
    drop(view, item.port_pos(("slot", cond.id, 1)) + QPointF(50, 2), "hangup")
    assert cond.to_data() == {"cond": [{"when": "vars.a == 1", "then": []}, {"else": [{"hangup": {}}]}]}
