"""Palette drops on the canvas, sent as real QDropEvents to the viewport."""

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from designer.ui.interactions.palette_drop import METHOD_MIME

from tests.ui.canvas_helpers import make_view




def drop(view, scene_pos, method="play", mime_type=METHOD_MIME):
    mime = QMimeData()
    mime.setData(mime_type, method.encode("utf-8"))
    point = view.mapFromScene(scene_pos)
    actions, button, mods = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(point), actions, mime, button, mods)
    QApplication.sendEvent(view.viewport(), enter)
    move = QDragMoveEvent(QPoint(point), actions, mime, button, mods)
    QApplication.sendEvent(view.viewport(), move)
    event = QDropEvent(QPointF(point), actions, mime, button, mods)
    QApplication.sendEvent(view.viewport(), event)
    return enter.isAccepted(), event.isAccepted()


FLOW = {"version": "1.0.0", "sections": {"main": [{"answer": {}}, {"hangup": {}}]}}


def methods(steps):
    return [s.method for s in steps]


def test_drop_near_empty_main_start_node_appends_to_main(qtbot):
    session, view = make_view(qtbot)
    start = view.flow_scene.starts["main"]
    accepted = drop(view, start.port_pos() + QPointF(0, 40), "record_call")
    assert accepted == (True, True)
    main = session.doc.sections[0].steps
    assert methods(main) == ["record_call"] and not session.doc.detached
    assert session.selection == [main[0].id]
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert len(main) == 0


def test_drop_below_the_last_block_appends_to_that_chain(qtbot):
    session, view = make_view(qtbot, FLOW)
    last = view.block_item(session.doc.sections[0].steps[1].id)
    drop(view, last.sceneBoundingRect().center() + QPointF(0, last.height / 2 + 50))
    assert methods(session.doc.sections[0].steps) == ["answer", "hangup", "play"]


def test_drop_on_an_edge_inserts_there_and_makes_room(qtbot):
    session, view = make_view(qtbot, FLOW)
    main = session.doc.sections[0].steps
    hangup_item = view.block_item(main[1].id)
    before = hangup_item.pos()
    edge = view.flow_scene.edges[(("out", main[0].id), main[1].id)]
    drop(view, edge.path().pointAtPercent(0.5), "play")
    assert methods(main) == ["answer", "play", "hangup"]
    assert hangup_item.pos().y() > before.y()  # pushed down, no overlap
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert methods(main) == ["answer", "hangup"] and hangup_item.pos() == before


def test_drop_far_away_creates_an_unconnected_chain(qtbot):
    session, view = make_view(qtbot, FLOW)
    exported = session.doc.to_data()
    start = view.flow_scene.starts["main"].pos()
    drop(view, start + QPointF(600, 300), "hangup")
    assert session.doc.to_data() == exported
    assert len(session.doc.detached) == 1 and methods(session.doc.detached[0]) == ["hangup"]
    item = view.block_item(session.doc.detached[0][0].id)
    assert item.look.detached and item.pos().x() % 20 == 0


def test_drop_into_an_empty_branch_port(qtbot):
    data = {"sections": {"main": [{"switch": {"variable": "v", "case": {"1": [{"hangup": {}}]}, "default": []}}]}}
    session, view = make_view(qtbot, data)
    switch = session.doc.sections[0].steps[0]
    port = view.block_item(switch.id).port_pos(("branch", switch.id, 1))
    drop(view, port + QPointF(30, 10), "play")
    assert methods(switch.params["default"]) == ["play"]


def test_other_mime_types_are_refused(qtbot):
    session, view = make_view(qtbot, FLOW)
    accepted = drop(view, QPointF(0, 0), "play", "text/uri-list")
    assert accepted == (False, False)
    assert session.undo_stack.count() == 0
