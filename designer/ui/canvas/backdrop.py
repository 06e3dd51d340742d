"""What the canvas paints over an empty flow: the hint that points at the examples.

Kept out of :mod:`designer.ui.canvas.view` so the view stays about input and gestures (the dot
grid behind the flow is :mod:`designer.ui.canvas.grid`).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView


def paint_empty_hint(view: QGraphicsView, painter: QPainter, text: str) -> None:
    """``text`` at the bottom of the viewport, in the placeholder colour (an empty flow)."""
    painter.save()
    painter.resetTransform()
    area = QRectF(view.viewport().rect()).adjusted(24, 24, -24, -24)
    painter.setPen(view.palette().color(view.palette().ColorRole.PlaceholderText))
    painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
                     | Qt.TextFlag.TextWordWrap, text)
    painter.restore()
