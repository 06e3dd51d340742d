"""The start node of a section: a pill named after the section with one output port."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from designer.model.layout import START_H, START_W
from designer.ui.canvas.ports import PORT_HIT, PortRef, draw_port
from designer.ui.canvas.theme import Theme

MARGIN = 10.0


class StartItem(QGraphicsItem):
    """Where a section's chain starts; ``section_name`` names it."""

    def __init__(self, section_name: str, theme: Theme) -> None:
        super().__init__()
        self.section_name = section_name
        self.theme = theme
        self.connected = False
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setZValue(1)
        self.setToolTip(f"Section “{section_name}” starts here")

    @property
    def key(self) -> str:
        return f"section:{self.section_name}"

    def set_state(self, name: str, connected: bool) -> None:
        if (name, connected) != (self.section_name, self.connected):
            self.section_name, self.connected = name, connected
            self.setToolTip(f"Section “{name}” starts here")
            self.update()

    def port_pos(self, ref: PortRef | None = None) -> QPointF:
        return self.mapToScene(QPointF(START_W / 2, START_H))

    def port_at(self, scene_pos: QPointF) -> PortRef | None:
        if (self.port_pos() - scene_pos).manhattanLength() * 0.75 <= PORT_HIT:
            return ("start", self.section_name)
        return None

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return QRectF(-MARGIN, -MARGIN, START_W + 2 * MARGIN, START_H + 2 * MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t = self.theme
        rect = QRectF(0, 0, START_W, START_H)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(t.shadow)
        painter.drawRoundedRect(rect.translated(0, 3), START_H / 2, START_H / 2)
        painter.setPen(QPen(t.selection, 2) if selected else Qt.PenStyle.NoPen)
        painter.setBrush(t.start)
        painter.drawRoundedRect(rect, START_H / 2, START_H / 2)
        if lod < 0.5:
            font = QFont(painter.font())
            font.setPointSizeF(min(20.0, 8.0 / max(lod, 0.01)))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("white"))
            area = QRectF(8, 0, START_W - 16, START_H)
            name = QFontMetricsF(font).elidedText(self.section_name, Qt.TextElideMode.ElideRight, area.width())
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, name)
        else:
            white = QColor("white")
            t.paint_icon(painter, "mdi6.play-circle", white, QRectF(14, START_H / 2 - 9, 18, 18))
            font = QFont(painter.font())
            font.setPointSizeF(10.0)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(white)
            area = QRectF(38, 0, START_W - 50, START_H)
            name = QFontMetricsF(font).elidedText(self.section_name, Qt.TextElideMode.ElideRight, area.width())
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        draw_port(painter, QPointF(START_W / 2, START_H), t.start, t.card, self.connected)
