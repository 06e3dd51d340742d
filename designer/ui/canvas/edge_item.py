"""A connection between an output port and the next block's input port.

An edge is named by its source port and the step it leads to; it caches its curve and hit shape
and is re-shaped by the scene when an end moves (never inside ``paint()``).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from designer.ui.canvas.ports import PortRef
from designer.ui.canvas.routing import curve, route  # noqa: F401 - curve: the link preview uses it
from designer.ui.canvas.theme import Theme


class EdgeItem(QGraphicsItem):
    """The link from ``source`` (a port ref) to the input of step ``target_id``."""

    def __init__(self, source: PortRef, target_id: str, theme: Theme) -> None:
        super().__init__()
        self.source = source
        self.target_id = target_id
        self.theme = theme
        self.detached = False
        self.highlighted = False
        self._path = QPainterPath()
        self._shape: QPainterPath | None = QPainterPath()
        self._bounds = QRectF()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0)

    @property
    def key(self) -> tuple:
        return (self.source, self.target_id)

    def set_ends(self, p1: QPointF, p2: QPointF, source: QRectF | None = None,
                 target: QRectF | None = None, others: tuple[QRectF, ...] = ()) -> None:
        """Re-shape the link between two scene points, round the ``source`` and ``target``
        block rectangles (and ``others`` near it) when a plain curve would run behind them."""
        self.prepareGeometryChange()
        self._path = route(p1, p2, self.source[0] == "branch", source, target, others)
        # The hit shape is stroked when first asked for (hit tests touch few edges; stroking
        # every edge was a tenth of building a big scene). The bounds hold the widest stroke:
        # half its width (7) times sqrt(2) at a square cap's corner, plus the old margin.
        self._shape = None
        self._bounds = self._path.boundingRect().adjusted(-16, -16, 16, 16)

    def end_point(self) -> QPointF:
        return self._path.pointAtPercent(1.0)

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def path(self) -> QPainterPath:
        return self._path

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(14)
            self._shape = stroker.createStroke(self._path)
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t = self.theme
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        color = t.selection if (selected or self.highlighted) else t.edge
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.3)
        pen = QPen(color, 3.5 if (selected or self.highlighted) else 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if self.detached:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        if lod >= 0.35:
            tip = self._path.pointAtPercent(1.0)
            tip = QPointF(tip.x(), tip.y() - 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawPolygon(QPolygonF([tip, QPointF(tip.x() - 5, tip.y() - 8), QPointF(tip.x() + 5, tip.y() - 8)]))
