"""An edge strokes its hit shape only when asked, and its cached bounds still hold all of it."""

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPathStroker

from designer.ui.canvas.edge_item import EdgeItem
from designer.ui.canvas.theme import Theme


@pytest.mark.parametrize("source", [("out", "a"), ("branch", "a", 0), ("start", "main")])
@pytest.mark.parametrize("p1, p2", [((0, 0), (0, 200)), ((0, 0), (400, 90)), ((300, 500), (-200, 40)),
                                    ((10, 10), (10, 11))])
def test_lazy_hit_shape_is_the_stroke_and_lies_inside_the_bounds(qapp, source, p1, p2):
    edge = EdgeItem(source, "b", Theme.from_palette())
    edge.set_ends(QPointF(*p1), QPointF(*p2))
    stroker = QPainterPathStroker()
    stroker.setWidth(14)
    stroke = stroker.createStroke(edge.path())
    assert edge.shape() == stroke
    # the bounds before the shape became lazy: the stroke's, 6 wider on each side
    assert edge.boundingRect().contains(stroke.boundingRect().adjusted(-6, -6, 6, 6))
