"""What the canvas paints behind and over the flow: the dot grid and the empty-canvas hint.

Kept out of :mod:`designer.ui.canvas.view` so the view stays about input and gestures; both are
plain painting from the zoom and the theme, with no state of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsView

from designer.model.layout import GRID


def paint_grid(painter: QPainter, rect: QRectF, theme, zoom: float) -> None:
    """The background colour and a dot every grid step (every fifth when zoomed far out)."""
    painter.fillRect(rect, theme.background)
    step = GRID if zoom >= 0.6 else GRID * 5
    if zoom < 0.2:
        return
    left = int(rect.left()) - int(rect.left()) % step
    top = int(rect.top()) - int(rect.top()) % step
    points = [QPointF(x, y) for x in range(left, int(rect.right()) + 1, step)
              for y in range(top, int(rect.bottom()) + 1, step)]
    pen = painter.pen()
    pen.setColor(QColor(theme.grid))
    pen.setWidthF(2.0 / max(zoom, 0.01) if zoom < 1 else 2.0)
    pen.setCosmetic(zoom >= 1)
    painter.setPen(pen)
    painter.drawPoints(points)


def paint_empty_hint(view: QGraphicsView, painter: QPainter, text: str) -> None:
    """``text`` at the bottom of the viewport, in the placeholder colour (an empty flow)."""
    painter.save()
    painter.resetTransform()
    area = QRectF(view.viewport().rect()).adjusted(24, 24, -24, -24)
    painter.setPen(view.palette().color(view.palette().ColorRole.PlaceholderText))
    painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
                     | Qt.TextFlag.TextWordWrap, text)
    painter.restore()
