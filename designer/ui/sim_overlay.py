"""The call simulator drawn on the canvas: the path taken so far and the block running now.

An overlay of its own items over the flow scene, so blocks and edges stay as they are: a soft
halo on every block the call went through, a line joining them in the order run (with the step
number at each), and a strong ring on the block about to run (or the one a run stopped on).
The items take no mouse input: the canvas works as usual under them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

#: Above blocks and edges, below nothing the user drags.
OVERLAY_Z = 50.0
PATH_COLOR = QColor("#2f8cff")
CURRENT_COLOR = QColor("#ffb224")
ERROR_COLOR = QColor("#e5484d")


class SimOverlay(QGraphicsItem):
    """One item painting the whole run; :meth:`show_run` gives it what to draw."""

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__()
        self.setZValue(OVERLAY_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self._flow_scene = scene
        self._taken: list[str] = []
        self._current = ""
        self._error = False
        self._bounds = QRectF()
        scene.addItem(self)

    def show_run(self, taken: list[str], current: str, error: bool = False) -> None:
        """Draw ``taken`` (step ids in the order run) and ring ``current`` (red on an error)."""
        self.prepareGeometryChange()
        self._taken = list(taken)
        self._current = current
        self._error = error
        self._bounds = self._compute_bounds()
        self.update()

    def clear(self) -> None:
        self.show_run([], "")

    def refresh(self) -> None:
        """Blocks moved or the scene was rebuilt: recompute where to draw."""
        self.show_run(self._taken, self._current, self._error)

    def _rect(self, step_id: str) -> QRectF | None:
        item = getattr(self._flow_scene, "blocks", {}).get(step_id)
        if item is None or item.scene() is not self._flow_scene:
            return None
        return item.sceneBoundingRect()

    def _compute_bounds(self) -> QRectF:
        bounds = QRectF()
        for step_id in set(self._taken) | ({self._current} if self._current else set()):
            rect = self._rect(step_id)
            if rect is not None:
                bounds = bounds.united(rect.adjusted(-14, -14, 14, 14))
        return bounds

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        seen: set[str] = set()
        halo = QColor(PATH_COLOR)
        halo.setAlpha(150)
        for step_id in self._taken:
            rect = self._rect(step_id)
            if rect is None or step_id in seen:
                continue
            seen.add(step_id)
            painter.setPen(_pen(halo, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-5, -5, 5, 5), 12, 12)
        self._paint_path(painter)
        if self._current:
            rect = self._rect(self._current)
            if rect is not None:
                painter.setPen(_pen(ERROR_COLOR if self._error else CURRENT_COLOR, 4))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(-8, -8, 8, 8), 14, 14)

    def _paint_path(self, painter: QPainter) -> None:
        """A line through the blocks in the order run, with each block's first step number."""
        points: list[QPointF] = []
        numbers: dict[str, int] = {}
        for number, step_id in enumerate(self._taken, 1):
            rect = self._rect(step_id)
            if rect is None:
                continue
            numbers.setdefault(step_id, number)
            point = QPointF(rect.left() - 2, rect.center().y())
            if not points or points[-1] != point:
                points.append(point)
        if len(points) > 1:
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            line = QColor(PATH_COLOR)
            line.setAlpha(110)
            painter.setPen(_pen(line, 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        font = QFont(painter.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        font.setBold(True)
        painter.setFont(font)
        for step_id, number in numbers.items():
            rect = self._rect(step_id)
            if rect is None:
                continue
            badge = QRectF(rect.left() - 4, rect.top() - 12, 24, 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PATH_COLOR)
            painter.drawRoundedRect(badge, 9, 9)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(number))


def _pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A pen as wide on screen at any zoom: the path must stay visible when the flow is fitted."""
    pen = QPen(color, width, style)
    pen.setCosmetic(True)
    return pen
