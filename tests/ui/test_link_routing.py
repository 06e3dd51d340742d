"""Links go round the blocks they join, never behind them."""

from PySide6.QtCore import QPointF, QRectF

from designer.ui.canvas.routing import crosses, curve, route

from tests.ui.canvas_helpers import make_view


def test_a_link_to_the_block_below_stays_a_plain_curve():
    p1, p2 = QPointF(120, 64), QPointF(120, 104)
    source, target = QRectF(0, 0, 240, 64), QRectF(0, 104, 240, 64)
    assert route(p1, p2, False, source, target) == curve(p1, p2, False)


def test_a_branch_link_to_a_block_under_its_switch_goes_round_the_switch():
    switch = QRectF(0, 0, 240, 140)
    port = QPointF(240, 110)  # case 2, on the switch's right side
    below = QRectF(-40, 200, 240, 64)  # a block dropped under the switch, a little to the left
    p2 = QPointF(below.center().x(), below.top())
    assert crosses(curve(port, p2, True), switch)  # what used to be drawn
    path = route(port, p2, True, switch, below)
    assert not crosses(path, switch) and not crosses(path, below)
    assert path.pointAtPercent(1.0) == p2


def test_a_link_back_up_to_a_block_above_goes_round_both():
    source, target = QRectF(0, 300, 240, 64), QRectF(0, 0, 240, 64)
    p1, p2 = QPointF(120, 364), QPointF(120, 0)
    path = route(p1, p2, False, source, target)
    assert not crosses(path, source) and not crosses(path, target)


def test_on_the_canvas_no_link_runs_behind_the_blocks_it_joins(qtbot):
    data = {"version": "1.0.0", "sections": {"main": [
        {"switch": {"variable": "v", "case": {"1": [{"hangup": {}}], "2": [{"play": {"url": "say:hi"}}]}}}]}}
    session, view = make_view(qtbot, data)
    switch = session.doc.sections[0].steps[0]
    play = switch.params["case"]["2"][0]
    switch_item = view.block_item(switch.id)
    # the case 2 block moved under the switch, where a curve would pass behind it
    below = switch_item.pos() + QPointF(-30, switch_item.height + 60)
    session.doc.set_positions({play.id: (below.x(), below.y())})
    edge = view.flow_scene.edges[(("branch", switch.id, 1), play.id)]
    play_item = view.block_item(play.id)
    assert not crosses(edge.path(), switch_item.mapRectToScene(switch_item.card_rect()))
    assert not crosses(edge.path(), play_item.mapRectToScene(play_item.card_rect()))


def test_a_link_goes_round_a_third_block_standing_in_its_way():
    switch = QRectF(0, 0, 240, 140)
    port = QPointF(240, 110)
    in_way = QRectF(140, 260, 240, 90)  # another case's block, right where the curve would pass
    below = QRectF(200, 400, 240, 64)
    p2 = QPointF(below.center().x(), below.top())
    assert crosses(curve(port, p2, True), in_way)
    path = route(port, p2, True, switch, below, [in_way])
    assert not crosses(path, in_way) and not crosses(path, switch) and not crosses(path, below)
