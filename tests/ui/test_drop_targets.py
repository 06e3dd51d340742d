"""While a block is dragged the canvas marks where it would go, and the drop lands exactly there."""

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from designer.model.branches import PendingList
from designer.ui.canvas.drop_target import SNAP_REACH
from designer.ui.interactions.palette_drop import METHOD_MIME

from tests.ui.canvas_helpers import make_view

_ACTIONS, _LEFT, _NONE = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def _mime(method):
    mime = QMimeData()
    mime.setData(METHOD_MIME, method.encode("utf-8"))
    return mime


def drag_to(view, scene_pos, method="play"):
    """Enter and move over ``scene_pos``: what the marker shows (its target, or None)."""
    mime = _mime(method)
    point = QPoint(view.mapFromScene(scene_pos))
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(point, _ACTIONS, mime, _LEFT, _NONE))
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(point, _ACTIONS, mime, _LEFT, _NONE))
    marker = view.drop_handler.marker
    shown = marker is not None and marker.isVisible()
    return (view.drop_handler.target if shown else None), mime, point


def release(view, mime, point):
    QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(point), _ACTIONS, mime, _LEFT, _NONE))


def drag_and_drop(view, scene_pos, method="play"):
    target, mime, point = drag_to(view, scene_pos, method)
    place = (target.steps, target.index) if target is not None else None
    release(view, mime, point)
    return target, place


def landed_where_shown(session, place, method="play"):
    """The new (selected) block stands where the marker said."""
    step = session.selected_step()
    assert step is not None and step.method == method
    if place is None:
        return any(step in chain.steps for chain in session.doc.detached)
    steps, index = place
    if isinstance(steps, PendingList):  # a "+ otherwise" port: the branch was created with the block
        return index == 0 and steps.owner.get(steps.slot.path) is step.parent and step.parent[0] is step
    return steps[index] is step


MENU = {"version": "1.0.0", "sections": {"main": [
    {"answer": {}},
    {"switch": {"variable": "prompt_value", "case": {"1": [{"hangup": {}}], "2": []}, "default": []}}]}}


@pytest.mark.parametrize("below", [10, 40, 60, 90])
def test_a_drop_under_the_start_node_attaches_at_several_distances(qtbot, below):
    session, view = make_view(qtbot)
    start = view.flow_scene.starts["main"]
    target, place = drag_and_drop(view, start.port_pos() + QPointF(0, below), "record_call")
    main = session.doc.sections[0].steps
    assert target is not None and target.steps is main and target.words == "First block of main"
    assert [s.method for s in main] == ["record_call"] and landed_where_shown(session, place, "record_call")


def test_a_drop_a_little_to_the_side_under_the_start_node_still_attaches(qtbot):
    session, view = make_view(qtbot)
    start = view.flow_scene.starts["main"]
    target, place = drag_and_drop(view, start.port_pos() + QPointF(150, 70))
    assert target is not None and target.steps is session.doc.sections[0].steps
    assert landed_where_shown(session, place)


def test_far_from_everything_nothing_is_marked_and_the_block_stands_alone(qtbot):
    session, view = make_view(qtbot)
    start = view.flow_scene.starts["main"]
    target, place = drag_and_drop(view, start.port_pos() + QPointF(0, SNAP_REACH + 200))
    assert target is None and place is None
    assert len(session.doc.sections[0].steps) == 0 and len(session.doc.detached) == 1
    assert landed_where_shown(session, place)


def test_a_drop_beside_an_empty_case_goes_into_that_case_not_under_the_case_before(qtbot):
    session, view = make_view(qtbot, MENU)
    switch = session.doc.sections[0].steps[1]
    item = view.block_item(switch.id)
    port = item.port_pos(("branch", switch.id, 1))  # case 2
    target, place = drag_and_drop(view, port + QPointF(45, 4))
    case2 = switch.params["case"]["2"]
    assert target is not None and target.steps is case2 and "case 2" in target.words
    assert [s.method for s in case2] == ["play"] and landed_where_shown(session, place)
    case1_item = view.block_item(switch.params["case"]["1"][0].id)
    new_item = view.block_item(case2[0].id)
    assert not new_item.sceneBoundingRect().intersects(case1_item.sceneBoundingRect())


def test_a_drop_on_a_link_is_marked_on_that_link_and_inserted_there(qtbot):
    session, view = make_view(qtbot, MENU)
    main = session.doc.sections[0].steps
    edge = view.flow_scene.edges[(("out", main[0].id), main[1].id)]
    target, mime, point = drag_to(view, edge.path().pointAtPercent(0.5))
    assert target is not None and target.kind == "link" and edge.highlighted
    release(view, mime, point)
    assert not edge.highlighted
    assert [s.method for s in main] == ["answer", "play", "switch"]


def test_wherever_it_is_dropped_the_block_lands_where_the_marker_said(qtbot):
    session, view = make_view(qtbot, MENU, centre="all")
    scene = view.flow_scene
    bounds = scene.itemsBoundingRect().adjusted(-60, -60, 120, 160)
    step = 37.0
    y = bounds.top()
    tried = 0
    while y < bounds.bottom():
        x = bounds.left()
        while x < bounds.right():
            before = session.undo_stack.index()
            _target, place = drag_and_drop(view, QPointF(x, y))
            assert landed_where_shown(session, place), (x, y)
            session.undo_stack.undo()
            assert session.undo_stack.index() == before
            tried += 1
            x += step * 3
        y += step
    assert tried > 30


def test_leaving_the_canvas_hides_the_marker(qtbot):
    session, view = make_view(qtbot)
    start = view.flow_scene.starts["main"]
    target, _mime, _point = drag_to(view, start.port_pos() + QPointF(0, 30))
    assert target is not None and view.drop_handler.marker.isVisible()
    view.drop_handler.leave()
    assert not view.drop_handler.marker.isVisible()


def test_holding_a_drag_near_the_bottom_edge_scrolls_the_canvas_and_the_marker_follows(qtbot):
    from designer.ui.canvas.edge_scroll import EDGE, scroll_step
    assert scroll_step(QPoint(300, 300), 800, 600) == (0, 0)
    assert scroll_step(QPoint(300, 598), 800, 600)[1] > 0 and scroll_step(QPoint(2, 300), 800, 600)[0] < 0
    data = {"version": "1.0.0", "sections": {"main": [{"answer": {}}, {"hangup": {}}]}}
    session, view = make_view(qtbot, data, size=(700, 300))
    view.centerOn(view.flow_scene.starts["main"].pos().x(), -400)  # the flow is below the view
    near = QPoint(350, view.viewport().height() - EDGE // 2)
    mime = _mime("play")
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(near, _ACTIONS, mime, _LEFT, _NONE))
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(near, _ACTIONS, mime, _LEFT, _NONE))
    assert view.drop_handler.target is None and view.edge_scroll.timer.isActive()
    before_scene = view.mapToScene(near)
    assert view.edge_scroll.step()
    assert view.mapToScene(near).y() > before_scene.y()  # the canvas moved up under the pointer
    for _ in range(400):
        if not view.edge_scroll.step():
            break
    target = view.drop_handler.target
    assert target is not None  # scrolling held still once a place came under the pointer
    assert not view.edge_scroll.step()
    place = (target.steps, target.index)
    QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(near), _ACTIONS, mime, _LEFT, _NONE))
    assert not view.edge_scroll.timer.isActive()
    assert landed_where_shown(session, place)


def test_the_drop_goes_where_the_marker_shows_even_if_the_canvas_moved_since(qtbot):
    session, view = make_view(qtbot)
    start = view.flow_scene.starts["main"]
    target, mime, point = drag_to(view, start.port_pos() + QPointF(0, 40))
    assert target is not None
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 400)  # scrolled, no move yet
    release(view, mime, point)
    assert [s.method for s in session.doc.sections[0].steps] == ["play"]


def test_edge_scrolling_stops_a_little_past_the_last_block(qtbot):
    from designer.ui.canvas.edge_scroll import BEYOND
    session, view = make_view(qtbot, {"version": "1.0.0", "sections": {"main": [{"answer": {}}]}}, size=(700, 300))
    view.edge_scroll.update(QPoint(350, view.viewport().height() - 2))
    steps = 0
    while view.edge_scroll.step():
        steps += 1
        assert steps < 500
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.bottom() <= view.flow_scene.itemsBoundingRect().bottom() + BEYOND + 20
    view.edge_scroll.stop()
    assert not view.edge_scroll.timer.isActive()


def test_drops_still_work_after_a_new_flow_replaced_the_canvas(qtbot):
    from designer.model.document import Document
    session, view = make_view(qtbot)
    start = view.flow_scene.starts["main"]
    drag_and_drop(view, start.port_pos() + QPointF(0, 40))  # the marker exists now
    session.replace_document(Document.from_data({"version": "1.0.0", "sections": {"main": []}},
                                                session.catalog.nesting))
    start = view.flow_scene.starts["main"]
    target, place = drag_and_drop(view, start.port_pos() + QPointF(0, 40), "answer")
    assert target is not None and landed_where_shown(session, place, "answer")


def test_a_drop_under_the_last_block_of_a_case_extends_that_case(qtbot):
    session, view = make_view(qtbot, MENU, centre="all")
    switch = session.doc.sections[0].steps[1]
    hangup = switch.params["case"]["1"][0]
    item = view.block_item(hangup.id)
    target, place = drag_and_drop(view, item.sceneBoundingRect().center() + QPointF(0, item.height / 2 + 50))
    assert target is not None and target.steps is switch.params["case"]["1"]
    assert [s.method for s in switch.params["case"]["1"]] == ["hangup", "play"]


def test_a_drop_beside_a_filled_case_port_goes_to_the_start_of_that_case(qtbot):
    data = {"version": "1.0.0", "sections": {"main": [
        {"switch": {"variable": "v", "case": {"1": [{"hangup": {}}], "2": [{"play": {"url": "say:two"}}]}}}]}}
    session, view = make_view(qtbot, data, centre="all")
    switch = session.doc.sections[0].steps[0]
    port = view.block_item(switch.id).port_pos(("branch", switch.id, 1))
    target, place = drag_and_drop(view, port + QPointF(30, 2), "answer")
    assert target is not None and target.steps is switch.params["case"]["2"] and target.index == 0
    assert [s.method for s in switch.params["case"]["2"]] == ["answer", "play"]
    assert [s.method for s in switch.params["case"]["1"]] == ["hangup"]
