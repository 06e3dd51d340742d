"""The zoomed-out canvas: every block and link drawn in a few batched calls, not one per item.

Below :data:`FAR_ZOOM` a block is a coloured tile and a link a thin line (what
:meth:`BlockItem.paint` and :meth:`EdgeItem.paint` draw that far out). Letting Qt paint them
item by item costs one call into Python per item, and for a whole 5,000-step flow fitted in
the window those calls were most of a 200-800 ms frame, although the tiles themselves are
cheap. So while the view is that far out, block and link items are flagged
``ItemHasNoContents`` (Qt then skips them; hit tests, selection and rubber bands still work)
and the view draws them from its background in one call per colour. The items stay the
projection of the model; the batch is rebuilt from them after anything they show changed.

Qt does not repaint for items without contents, so this class asks for the repaints itself:
after document edits, selection changes, drags and theme changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView
from shiboken6 import isValid

from designer.model.layout import BLOCK_W

#: Below this zoom blocks are drawn as plain tiles (the far branch of ``BlockItem.paint``).
FAR_ZOOM = 0.15
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


class FarView(QObject):
    """Batched drawing of blocks and links for one :class:`~designer.ui.canvas.view.FlowView`
    (a child of it, so its signal connections go with the view)."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.scene = view.flow_scene
        #: Whether the view is zoomed out far enough that this class draws blocks and links.
        self.on = False
        self._batch: tuple[list, list] | None = None
        self._items_checked = False
        session = self.scene.session
        session.document_changed.connect(self.changed)
        session.document_replaced.connect(self.changed)
        self.scene.selectionChanged.connect(self.restyled)

    # ----------------------------------------------------------------- invalidation
    def changed(self) -> None:
        """Items may have been added, moved or re-looked: flag new ones, rebuild, repaint."""
        self._items_checked = False
        self.restyled()

    def restyled(self) -> None:
        """What the items show changed (selection, colours, a drag step): rebuild and repaint."""
        self._batch = None
        if self.on and isValid(self.view):  # not while the view is being torn down
            self.view.viewport().update()

    # ----------------------------------------------------------------- before each paint
    def prepare(self) -> None:
        """Called before the view paints: switch on or off with the zoom, flag new items."""
        on = self.view.transform().m11() < FAR_ZOOM
        if on != self.on:
            self.on = on
            self._items_checked = False
            self._batch = None
            # Nearer in, the background is only the grid: cached, so a repaint of the same
            # view (an edit, a selection) and scrolling (the new strip only) do not redraw
            # it. Far out it holds the blocks, which change with every edit: not cached.
            self.view.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone if on
                                   else QGraphicsView.CacheModeFlag.CacheBackground)
            if not on:
                self._flag(False)
        if on and not self._items_checked:
            self._flag(True)
        self._items_checked = True

    def _flag(self, on: bool) -> None:
        for items in (self.scene.blocks.values(), self.scene.edges.values()):
            for item in items:
                if bool(item.flags() & _NO_CONTENTS) != on:
                    item.setFlag(_NO_CONTENTS, on)

    # ----------------------------------------------------------------- drawing
    def draw(self, painter: QPainter) -> None:
        """Draw every link, then every block, as the items would at this zoom."""
        if self._batch is None:
            self._batch = self._build()
        lines, tiles = self._batch
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, path in lines:
            painter.setPen(pen)
            painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        # Each tile through the transform Qt gives its item (the view's, moved to the item's
        # position): filled as scene rectangles, some tile edges landed a pixel off.
        view = painter.worldTransform()
        m11, m22, dx, dy = view.m11(), view.m22(), view.dx(), view.dy()
        set_transform, draw_rect = painter.setWorldTransform, painter.drawRect
        for opacity, color, places in tiles:
            painter.setOpacity(opacity)
            painter.setBrush(color)
            for x, y, h in places:
                set_transform(QTransform(m11, 0.0, 0.0, m22, dx + x * m11, dy + y * m22))
                draw_rect(QRectF(0.0, 0.0, BLOCK_W, h))
        painter.restore()

    def _build(self) -> tuple[list, list]:
        """Links grouped by pen (one path per group; dashed and highlighted ones alone, as
        a dash pattern must not run on from one link to the next), tiles by colour."""
        theme = self.scene.theme
        shared: dict[tuple, tuple[QPen, QPainterPath]] = {}
        lines: list[tuple[QPen, QPainterPath]] = []
        for edge in self.scene.edges.values():
            strong = edge.isSelected() or edge.highlighted
            color = theme.selection if strong else theme.edge
            pen = QPen(color, 3.5 if strong else 2.0)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            if edge.detached or strong:
                if edge.detached:
                    pen.setStyle(Qt.PenStyle.DashLine)
                lines.append((pen, edge.path()))
                continue
            key = (color.rgba(), pen.widthF())
            if key not in shared:
                shared[key] = (pen, QPainterPath())
            shared[key][1].addPath(edge.path())
        groups: dict[tuple, tuple[float, object, list[tuple[float, float, float]]]] = {}
        for item in self.scene.blocks.values():
            color = theme.selection if item.isSelected() else theme.accent(item.look.group)
            opacity = 0.62 if item.look.detached else 1.0
            key = (opacity, color.rgba())
            if key not in groups:
                groups[key] = (opacity, color, [])
            pos = item.pos()
            groups[key][2].append((pos.x(), pos.y(), item.height))
        return list(shared.values()) + lines, list(groups.values())

