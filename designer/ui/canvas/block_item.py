"""A block on the canvas: one step, drawn as a card with icon, plain title, method, summary and ports.

The item holds the step id and a :class:`BlockLook` (plain display data the scene derives from
the model); it never reads or writes the document itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from designer.model.layout import BLOCK_BASE_H, BLOCK_W, BRANCH_ROW_H, block_height
from designer.ui.canvas.ports import PORT_HIT, PortRef, draw_open_port, draw_port
from designer.ui.canvas.theme import Theme

RADIUS = 10.0
ICON = 20
MARGIN = 14.0  # room around the card for ports, badge and shadow
#: A block's title is drawn at TITLE_PT, smaller down to TITLE_MIN_PT if that makes it fit.
TITLE_PT, TITLE_MIN_PT = 10.0, 8.5
#: Where the title starts and how much room is kept on its right.
TITLE_X, TITLE_RIGHT = 60.0, 12.0
_title_sizes: dict[tuple[str, str, float], float] = {}


def title_point_size(font: QFont, title: str, width: float) -> float:
    """The largest size, from TITLE_PT down to TITLE_MIN_PT, at which the bold ``title`` fits.

    Why: at a fixed 10 pt, 14 block titles were cut ("Label a point to go b…", "Reduce background
    no…"), which a person cannot read back. A title too long even at the smallest size is
    still cut with "…". Remembered per title: blocks are painted often.
    """
    key = (font.family(), title, width)
    if key not in _title_sizes:
        probe = QFont(font)
        probe.setBold(True)
        size = TITLE_PT
        while size > TITLE_MIN_PT:
            probe.setPointSizeF(size)
            if QFontMetricsF(probe).horizontalAdvance(title) <= width:
                break
            size -= 0.25
        _title_sizes[key] = max(size, TITLE_MIN_PT)
    return _title_sizes[key]


@dataclass(frozen=True)
class BlockLook:
    """What a block shows; equal looks mean no repaint is needed."""

    title: str
    summary: str
    icon: str
    group: str
    branches: tuple[str, ...] = ()
    detached: bool = False
    errors: int = 0
    warnings: int = 0
    tooltip: str = ""
    connected_in: bool = False
    connected_out: bool = False
    connected_branches: tuple[bool, ...] = ()
    #: The SWML method name, drawn small under the plain title.
    method: str = ""
    #: "+ otherwise"...: branches the step can still get, drawn after ``branches`` (ports
    #: ``("slot", step_id, j)``).
    slots: tuple[str, ...] = ()
    #: No call ever reaches this step (after a hangup, in a section nobody enters): drawn greyed.
    unreachable: bool = False

    @property
    def rows(self) -> int:
        return len(self.branches) + len(self.slots)


class BlockItem(QGraphicsItem):
    """The card of one step; ``step_id`` names it, :attr:`look` is what it draws."""

    def __init__(self, step_id: str, look: BlockLook, theme: Theme) -> None:
        super().__init__()
        self.step_id = step_id
        self.look = look
        self.theme = theme
        self._height = block_height(look.rows)
        self._bounds = QRectF(-MARGIN, -MARGIN, BLOCK_W + 2 * MARGIN, self._height + 2 * MARGIN)
        # No itemChange override: one in Python costs ten calls into Python per block while a
        # flow is built; the scene moves edges after a drag step itself (FlowScene.follow_drag).
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setAcceptHoverEvents(False)
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self.setZValue(1)
        self.setToolTip(look.tooltip)

    # ----------------------------------------------------------------- content
    def set_look(self, look: BlockLook) -> None:
        """Show new content; geometry changes are announced before they happen."""
        if look == self.look:
            return
        height = block_height(look.rows)
        if height != self._height:
            self.prepareGeometryChange()
            self._height = height
            self._bounds = QRectF(-MARGIN, -MARGIN, BLOCK_W + 2 * MARGIN, height + 2 * MARGIN)
        if look.tooltip != self.look.tooltip:
            self.setToolTip(look.tooltip)
        self.look = look
        self.update()

    @property
    def height(self) -> float:
        return self._height

    def card_rect(self) -> QRectF:
        return QRectF(0, 0, BLOCK_W, self._height)

    # ----------------------------------------------------------------- ports
    def port_pos(self, ref: PortRef) -> QPointF:
        """Scene position of one of this block's ports."""
        kind = ref[0]
        if kind == "in":
            local = QPointF(BLOCK_W / 2, 0)
        elif kind == "out":
            local = QPointF(BLOCK_W / 2, self._height)
        else:
            row = ref[2] + (len(self.look.branches) if kind == "slot" else 0)
            local = QPointF(BLOCK_W, BLOCK_BASE_H + row * BRANCH_ROW_H + BRANCH_ROW_H / 2)
        return self.mapToScene(local)

    def ports(self) -> list[PortRef]:
        out: list[PortRef] = [("in", self.step_id), ("out", self.step_id)]
        out += [("branch", self.step_id, k) for k in range(len(self.look.branches))]
        out += [("slot", self.step_id, j) for j in range(len(self.look.slots))]
        return out

    def port_at(self, scene_pos: QPointF) -> PortRef | None:
        """The port under ``scene_pos`` (within a finger's reach), or ``None``."""
        best, best_d = None, PORT_HIT
        for ref in self.ports():
            d = (self.port_pos(ref) - scene_pos).manhattanLength() * 0.75
            if d <= best_d:
                best, best_d = ref, d
        return best

    # ----------------------------------------------------------------- QGraphicsItem
    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self.card_rect(), RADIUS, RADIUS)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t, look, rect = self.theme, self.look, self.card_rect()
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        accent = t.accent(look.group)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.3)
        if look.detached or look.unreachable:
            painter.setOpacity(0.62 if look.detached else 0.45)
        if lod < 0.15:  # very far out: a coloured tile is all one can read
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(t.selection if selected else accent)
            painter.drawRect(rect)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(t.shadow)
        painter.drawRoundedRect(rect.translated(0, 3), RADIUS, RADIUS)
        border = QPen(t.selection if selected else t.card_border, 2 if selected else 1)
        if look.detached:
            border.setStyle(Qt.PenStyle.DashLine)
            border.setColor(t.selection if selected else t.muted)
        painter.setPen(border)
        painter.setBrush(t.card)
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        # accent stripe on the left edge
        stripe = QPainterPath()
        stripe.addRoundedRect(QRectF(0, 0, 12, rect.height()), RADIUS, RADIUS)
        clip = QPainterPath()
        clip.addRect(QRectF(0, 0, 4, rect.height()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawPath(stripe.intersected(clip))
        if lod >= 0.5:
            self._paint_text(painter, accent, rect)
        else:  # zoomed out: only the method name, in a font that stays readable on screen
            self._paint_far_title(painter, rect, lod)
        self._paint_ports(painter, accent)
        if look.errors or look.warnings:
            self._paint_badge(painter)

    def _paint_text(self, painter: QPainter, accent: QColor, rect: QRectF) -> None:
        t, look = self.theme, self.look
        tile = QRectF(16, 14, 34, 34)
        tint = QColor(accent)
        tint.setAlpha(40 if not t.dark else 70)
        painter.setBrush(tint)
        painter.drawRoundedRect(tile, 8, 8)
        t.paint_icon(painter, look.icon, accent,
                     QRectF(tile.center().x() - ICON / 2, tile.center().y() - ICON / 2, ICON, ICON))
        font = QFont(painter.font())
        text_x = TITLE_X
        width = rect.width() - text_x - TITLE_RIGHT
        font.setPointSizeF(title_point_size(font, look.title, width))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(t.text)
        fm = QFontMetricsF(font)
        painter.drawText(QRectF(text_x, 6, width, 20), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(look.title, Qt.TextElideMode.ElideRight, width))
        font.setBold(False)
        if look.method and look.method != look.title:  # the SWML name, small: what the file says
            small = QFont(font)
            small.setPointSizeF(7.6)
            painter.setFont(small)
            painter.setPen(t.muted)
            painter.drawText(QRectF(text_x, 25, width, 14), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetricsF(small).elidedText(look.method, Qt.TextElideMode.ElideRight, width))
        font.setPointSizeF(8.8)
        painter.setFont(font)
        painter.setPen(t.muted)
        fm = QFontMetricsF(font)
        summary = look.summary or ("not connected" if look.detached else "")
        painter.drawText(QRectF(text_x, 39, width, 18), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(summary, Qt.TextElideMode.ElideRight, width))
        if look.rows:
            painter.setPen(QPen(t.card_border, 1))
            painter.drawLine(QPointF(10, BLOCK_BASE_H - 2), QPointF(rect.width() - 10, BLOCK_BASE_H - 2))
            painter.setPen(t.text)
            for k, label in enumerate(look.branches):
                row = QRectF(16, BLOCK_BASE_H + k * BRANCH_ROW_H, rect.width() - 32, BRANCH_ROW_H)
                painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 fm.elidedText(label, Qt.TextElideMode.ElideLeft, row.width()))
            painter.setPen(t.muted)
            for j, label in enumerate(look.slots):  # branches one can still add: dimmed "+ ..."
                k = len(look.branches) + j
                row = QRectF(16, BLOCK_BASE_H + k * BRANCH_ROW_H, rect.width() - 32, BRANCH_ROW_H)
                painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 fm.elidedText(label, Qt.TextElideMode.ElideLeft, row.width()))

    def _paint_far_title(self, painter: QPainter, rect: QRectF, lod: float) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(min(26.0, 8.0 / max(lod, 0.01)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.theme.text)
        area = QRectF(14, 0, rect.width() - 24, BLOCK_BASE_H)
        title = self.look.title
        fm = QFontMetricsF(font)
        if fm.horizontalAdvance(title) > area.width() and " " in title:
            # Plain titles are a few words: on two lines they stay readable, cut to one they don't
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            while font.pointSizeF() > 6 and fm.boundingRect(area, flags, title).height() > area.height():
                font.setPointSizeF(font.pointSizeF() * 0.9)
                fm = QFontMetricsF(font)
            painter.setFont(font)
            painter.drawText(area, flags, title)
            return
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, fm.elidedText(title, Qt.TextElideMode.ElideRight, area.width()))

    def _paint_ports(self, painter: QPainter, accent: QColor) -> None:
        t, look = self.theme, self.look
        draw_port(painter, QPointF(BLOCK_W / 2, 0), t.edge, t.card, look.connected_in)
        draw_port(painter, QPointF(BLOCK_W / 2, self._height), accent, t.card, look.connected_out)
        for k in range(len(look.branches)):
            connected = k < len(look.connected_branches) and look.connected_branches[k]
            y = BLOCK_BASE_H + k * BRANCH_ROW_H + BRANCH_ROW_H / 2
            draw_port(painter, QPointF(BLOCK_W, y), accent, t.card, connected)
        for j in range(len(look.slots)):
            y = BLOCK_BASE_H + (len(look.branches) + j) * BRANCH_ROW_H + BRANCH_ROW_H / 2
            draw_open_port(painter, QPointF(BLOCK_W, y), t.muted, t.card)

    def _paint_badge(self, painter: QPainter) -> None:
        t, look = self.theme, self.look
        count = look.errors or look.warnings
        color = t.error if look.errors else t.warning
        center = QPointF(BLOCK_W - 4, 4)
        painter.setPen(QPen(t.card, 2))
        painter.setBrush(color)
        painter.drawEllipse(center, 9, 9)
        font = QFont(painter.font())
        font.setPointSizeF(7.5)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#1c2024") if not look.errors else QColor("white"))
        painter.drawText(QRectF(center.x() - 9, center.y() - 9, 18, 18), Qt.AlignmentFlag.AlignCenter,
                         str(count) if count < 100 else "99+")
