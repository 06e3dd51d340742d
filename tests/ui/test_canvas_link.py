"""Connecting and disconnecting blocks with the mouse on ports (press/move/release on the viewport)."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.canvas_helpers import make_view as make_canvas

LEFT, NOMOD = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def make_view(qtbot, data):
    return make_canvas(qtbot, data, size=(1200, 800), centre="all")


def move(view, point: QPoint, buttons=LEFT):
    event = QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(point), QPointF(view.viewport().mapToGlobal(point)),
                        Qt.MouseButton.NoButton, buttons, NOMOD)
    QApplication.sendEvent(view.viewport(), event)


def drag(view, start: QPointF, end: QPointF, steps: int = 4):
    """A left-button drag between two scene points."""
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    QTest.mousePress(view.viewport(), LEFT, NOMOD, a)
    for i in range(1, steps + 1):
        move(view, a + (b - a) * i / steps)
    QTest.mouseRelease(view.viewport(), LEFT, NOMOD, b)


FLOW = {"version": "1.0.0", "sections": {"main": [{"answer": {}}, {"play": {"url": "say:hi"}}, {"hangup": {}}]}}


def test_connecting_tail_to_detached_head_splices_the_whole_chain(qtbot):
    session, view = make_view(qtbot, FLOW)
    doc = session.doc
    view.edits.split_before([doc.sections[0].steps[1].id])  # play, hangup -> unconnected
    assert [s.method for s in doc.sections[0].steps] == ["answer"] and len(doc.detached) == 1
    before = doc.to_data()
    answer, play = doc.sections[0].steps[0], doc.detached[0][0]
    out = view.block_item(answer.id).port_pos(("out", answer.id))
    target = view.block_item(play.id).port_pos(("in", play.id))
    count = session.undo_stack.count()
    drag(view, out, target)
    assert [s.method for s in doc.sections[0].steps] == ["answer", "play", "hangup"]
    assert doc.detached == []
    assert session.undo_stack.count() == count + 1
    session.undo_stack.undo()
    assert doc.to_data() == before and len(doc.detached) == 1


def test_connect_splices_between_a_block_and_its_successor(qtbot):
    session, view = make_view(qtbot, FLOW)
    doc = session.doc
    detached = view.edits.new_chain("record_call", QPointF(900, 500))
    answer = doc.sections[0].steps[0]
    drag(view, view.block_item(answer.id).port_pos(("out", answer.id)),
         view.block_item(detached.id).sceneBoundingRect().center())
    assert [s.method for s in doc.sections[0].steps] == ["answer", "record_call", "play", "hangup"]


def test_connect_into_an_empty_branch_port_fills_that_branch(qtbot):
    data = {"sections": {"main": [{"switch": {"variable": "v", "case": {"1": []}}}]}}
    session, view = make_view(qtbot, data)
    switch = session.doc.sections[0].steps[0]
    lone = view.edits.new_chain("hangup", QPointF(800, 400))
    drag(view, view.block_item(switch.id).port_pos(("branch", switch.id, 0)),
         view.block_item(lone.id).port_pos(("in", lone.id)))
    assert [s.method for s in switch.params["case"]["1"]] == ["hangup"] and not session.doc.detached


def test_dragging_an_edge_end_to_empty_canvas_splits_the_chain(qtbot):
    session, view = make_view(qtbot, FLOW)
    doc = session.doc
    play = doc.sections[0].steps[1]
    port = view.block_item(play.id).port_pos(("in", play.id))
    drag(view, port, port + QPointF(-400, 60))
    assert [s.method for s in doc.sections[0].steps] == ["answer"]
    assert [[s.method for s in c] for c in doc.detached] == [["play", "hangup"]]
    assert view.block_item(play.id).look.detached
    session.undo_stack.undo()
    assert [s.method for s in doc.sections[0].steps] == ["answer", "play", "hangup"] and not doc.detached


def test_selecting_an_edge_and_pressing_delete_splits(qtbot):
    session, view = make_view(qtbot, FLOW)
    doc = session.doc
    answer, play = doc.sections[0].steps[0], doc.sections[0].steps[1]
    edge = view.flow_scene.edges[(("out", answer.id), play.id)]
    edge.setSelected(True)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert [s.method for s in doc.sections[0].steps] == ["answer"]
    assert len(doc.detached) == 1 and session.undo_stack.count() == 1


def test_escape_cancels_a_new_link_without_an_undo_step(qtbot):
    session, view = make_view(qtbot, FLOW)
    hangup = session.doc.sections[0].steps[2]
    a = view.mapFromScene(view.block_item(hangup.id).port_pos(("out", hangup.id)))
    QTest.mousePress(view.viewport(), LEFT, NOMOD, a)
    move(view, a + QPoint(80, 120))
    assert view.interaction is not None
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert view.interaction is None
    QTest.mouseRelease(view.viewport(), LEFT, NOMOD, a + QPoint(80, 120))
    assert session.undo_stack.count() == 0
    assert not [i for i in view.flow_scene.items() if type(i).__name__ == "QGraphicsPathItem"]


def test_a_block_cannot_be_connected_into_its_own_branch(qtbot):
    data = {"sections": {"main": [{"switch": {"variable": "v", "case": {"1": [{"hangup": {}}]}}}]}}
    session, view = make_view(qtbot, data)
    switch = session.doc.sections[0].steps[0]
    hangup = switch.params["case"]["1"][0]
    assert not view.edits.connect(("out", hangup.id), switch.id)
    assert session.undo_stack.count() == 0
