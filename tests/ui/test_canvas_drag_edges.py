"""Edges follow a block while it is dragged, and go back with it when the drag is cancelled.

Blocks do not report their own moves (no ``itemChange`` override, which made building big
scenes slow); the view tells the scene after each mouse move instead.
"""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.test_canvas_link import FLOW, LEFT, NOMOD, make_view, move


def _ends(view, step_id):
    """(where the edge into the block ends, where the edge out of it starts), in scene points."""
    scene = view.flow_scene
    into = next(e for e in scene.edges.values() if e.target_id == step_id)
    out = next(e for e in scene.edges.values() if e.source == ("out", step_id))
    return into.end_point(), out.path().pointAtPercent(0.0)


def _press_and_move(view, item, by: QPointF):
    grab = view.mapFromScene(item.mapToScene(QPointF(120, 20)))
    QTest.mousePress(view.viewport(), LEFT, NOMOD, grab)
    for i in range(1, 5):
        move(view, grab + (view.mapFromScene(by) - view.mapFromScene(QPointF(0, 0))) * i / 4)
    return grab


def test_edges_follow_a_block_during_the_drag(qtbot):
    session, view = make_view(qtbot, FLOW)
    play = session.doc.sections[0].steps[1]
    item = view.block_item(play.id)
    _press_and_move(view, item, QPointF(140, 60))
    assert item.pos() != QPointF(*session.doc.positions[play.id])  # moved on the canvas only
    end_in, start_out = _ends(view, play.id)
    assert end_in == item.port_pos(("in", play.id))
    assert start_out == item.port_pos(("out", play.id))
    QTest.mouseRelease(view.viewport(), LEFT, NOMOD)


def test_cancelling_a_drag_puts_the_edges_back_with_the_block(qtbot):
    session, view = make_view(qtbot, FLOW)
    play = session.doc.sections[0].steps[1]
    item = view.block_item(play.id)
    before = _ends(view, play.id)
    _press_and_move(view, item, QPointF(140, 60))
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert item.pos() == QPointF(*session.doc.positions[play.id])
    assert _ends(view, play.id) == before
    QTest.mouseRelease(view.viewport(), LEFT, NOMOD)
