"""The grid drawn from cached offsets is the grid built point by point, and the cached
background repaints the same pixels as an uncached one after scrolling and zooming."""

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPolygonF
from PySide6.QtWidgets import QGraphicsView

from designer.ui.canvas import grid

from tests.ui.canvas_helpers import make_view

FLOW = {"version": "1.0.0", "sections": {"main": [{"answer": {}}, {"play": {"url": "say:hi"}}, {"hangup": {}}]}}


@pytest.mark.parametrize("rect", [QRectF(-13.5, 7.25, 800, 611), QRectF(0, 0, 1600, 1000), QRectF(-3001, -77, 40, 9)])
@pytest.mark.parametrize("zoom", [0.3, 0.75, 1.0, 2.5])
def test_cached_offsets_give_the_points_built_one_by_one(qapp, rect, zoom):
    step = grid.step_for(zoom)
    left = int(rect.left()) - int(rect.left()) % step
    top = int(rect.top()) - int(rect.top()) % step
    before = QPolygonF([QPointF(x, y) for x in range(left, int(rect.right()) + 1, step)
                        for y in range(top, int(rect.bottom()) + 1, step)])
    columns = len(range(left, int(rect.right()) + 1, step))
    rows = len(range(top, int(rect.bottom()) + 1, step))
    assert grid._polygon(columns, rows, step).translated(left, top) == before


def _uncached(view):
    view.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
    image = view.viewport().grab().toImage()
    view.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
    view.resetCachedContent()
    return image


def test_the_cached_background_follows_scrolls_and_zooms(qtbot):
    session, view = make_view(qtbot, FLOW)
    assert view.cacheMode() == QGraphicsView.CacheModeFlag.CacheBackground
    view.viewport().grab()
    for move in (lambda: view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 37),
                 lambda: view.verticalScrollBar().setValue(view.verticalScrollBar().value() - 53),
                 lambda: view.scale(0.7, 0.7),
                 lambda: view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 11)):
        move()
        cached = view.viewport().grab().toImage()
        assert cached == _uncached(view)
