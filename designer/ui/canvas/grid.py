"""The canvas grid: a dot every ``GRID`` scene units (every five when zoomed out), none far out.

The dots are drawn from a cached polygon of offsets moved to the exposed area: building some
4,000 ``QPointF`` in Python on every paint was a fifth of a 1600x1000 frame at 100 %. Dots sit
on whole scene units, so the moved offsets are exactly the points built one by one before.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPolygonF

from designer.model.layout import GRID

#: Below this zoom no grid is drawn (dots would be closer than a few pixels).
MIN_ZOOM = 0.2
_offsets: dict[tuple[int, int, int], QPolygonF] = {}


def step_for(zoom: float) -> int:
    """Scene units between dots at ``zoom``."""
    return GRID if zoom >= 0.6 else GRID * 5


def _polygon(columns: int, rows: int, step: int) -> QPolygonF:
    key = (columns, rows, step)
    found = _offsets.get(key)
    if found is None:
        if len(_offsets) > 16:  # a few window sizes and zoom bands
            _offsets.clear()
        found = _offsets[key] = QPolygonF([QPointF(i * step, j * step) for i in range(columns)
                                           for j in range(rows)])
    return found


def draw(painter: QPainter, rect: QRectF, zoom: float, color: QColor) -> None:
    """Draw the dots inside the scene area ``rect`` (the painter maps scene to device)."""
    if zoom < MIN_ZOOM:
        return
    step = step_for(zoom)
    left = int(rect.left()) - int(rect.left()) % step
    top = int(rect.top()) - int(rect.top()) % step
    columns = len(range(left, int(rect.right()) + 1, step))
    rows = len(range(top, int(rect.bottom()) + 1, step))
    pen = painter.pen()
    pen.setColor(QColor(color))
    pen.setWidthF(2.0 / max(zoom, 0.01) if zoom < 1 else 2.0)
    pen.setCosmetic(zoom >= 1)
    painter.setPen(pen)
    # The view's painter antialiases; the one filling its background cache does not unless told.
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.drawPoints(_polygon(columns, rows, step).translated(left, top))
