"""The canvas view: zoom, pan, keyboard commands, drops, and routing of gestures.

Mouse events go to the active :class:`~designer.ui.interactions.base.Interaction` first; a
press starts one (port -> new link, block -> block drag, middle button/Space -> pan) or falls
through to Qt's rubber band. All edits go through :class:`~designer.ui.canvas.edits.CanvasEdits`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import (QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent, QPainter,
                           QWheelEvent)
from PySide6.QtWidgets import QGraphicsView, QWidget

from designer.model import layout
from designer.ui.accessibility import CanvasNarrator
from designer.ui.canvas import backdrop, grid, menus, navigation
from designer.ui.canvas.block_item import BlockItem
from designer.ui.canvas.edge_scroll import EdgeScroller
from designer.ui.canvas.edits import CanvasEdits
from designer.ui.canvas.far_view import FarView
from designer.ui.canvas.scene import FlowScene
from designer.ui.canvas.selection_commands import SelectionCommands
from designer.ui.canvas.start_item import StartItem
from designer.ui.commands import SetPositionsCommand
from designer.ui.interactions import rubber_band
from designer.ui.interactions.block_drag import BlockDragInteraction
from designer.ui.interactions.new_link import NewLinkInteraction
from designer.ui.interactions.palette_drop import PaletteDrop
from designer.ui.interactions.pan import PanInteraction
from designer.ui.session import EditSession

_ARROWS = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down", Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right"}
#: Shown at the bottom of an empty canvas: the first thing a new user needs to know.
EMPTY_HINT = ("Drag a block from the Blocks list and drop it under \u201cmain\u201d, "
              "or double-click a block in the list to add it. "
              "File \u203a New from Example starts from a working flow.")

MIN_ZOOM, MAX_ZOOM = 0.1, 3.0
#: Below this zoom block titles stop being readable, so opening a big flow does not go below it.
READABLE_ZOOM = 0.8
#: Fit to View shrinks no further than this: below it block titles cannot be read at all.
FIT_MIN_ZOOM = 0.6


class FlowView(SelectionCommands, QGraphicsView):
    """The canvas widget for an :class:`EditSession` (creates its :class:`FlowScene`)."""

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.flow_scene = FlowScene(session, self)
        self.setScene(self.flow_scene)
        self.edits = CanvasEdits(self.flow_scene)
        self.drop_handler = PaletteDrop(self)
        self.edge_scroll = EdgeScroller(self, lambda p: self.drop_handler.move(self.mapToScene(p)))
        self.interaction = None
        self.block_search = None  # the open "pick the next block" box, if any
        self.space_held = False
        self.setAcceptDrops(True)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)  # the grid (see FarView)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        rubber_band.enable(self)
        self.prompts = menus.SectionPrompts(self)
        self.narrator = CanvasNarrator(self)  # accessible name = the selected block; focus outline
        session.document_replaced.connect(self._after_replace)
        self._showing_hint = self.is_empty_flow()
        #: What an empty canvas says; a nested flow's window has no File menu and says less.
        self.empty_hint = EMPTY_HINT
        session.document_changed.connect(self._update_hint)
        session.field_focus_requested.connect(self._on_field_focus)
        session.document_replaced.connect(self._update_hint)
        self.far = FarView(self)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.far.prepare()  # zoomed far out, blocks and links are drawn in batches
        super().paintEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Follow light/dark switches: the palette changes, the canvas repaints in the new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh_theme()

    def refresh_theme(self) -> None:
        """Re-read the palette now (the window calls this after a light/dark switch)."""
        self.flow_scene.theme.refresh(QGuiApplication.palette())
        self.far.restyled()
        self.resetCachedContent()
        self.flow_scene.update()
        self.viewport().update()

    def _after_replace(self) -> None:
        self.set_interaction(None)
        self.fit_to_view()

    # ----------------------------------------------------------------- public API
    def block_item(self, step_id: str) -> BlockItem | None:
        return self.flow_scene.blocks.get(step_id)

    def fit_to_view(self) -> None:
        """Show every block, never magnified beyond 100 % nor shrunk below :data:`FIT_MIN_ZOOM`
        (text stops being readable); a flow too big for that shows from its start: scroll for more."""
        rect = self.flow_scene.itemsBoundingRect()
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.reset_zoom()
            self.centerOn(rect.center())
        elif self.zoom() < FIT_MIN_ZOOM:
            self._show_start(FIT_MIN_ZOOM)

    def show_flow(self) -> None:
        """The view after opening a flow: fit it all when that stays readable, else show its
        top-left (the ``main`` start) at a readable zoom; the user scrolls or fits for the rest."""
        self.fit_to_view()
        if self.zoom() < READABLE_ZOOM:
            self._show_start(READABLE_ZOOM)

    def _show_start(self, zoom: float) -> None:
        """At ``zoom``, the selected block, else the ``main`` start node, near the top-left."""
        self.resetTransform()
        self.scale(zoom, zoom)
        selected = self.session.selected_step()
        item = self.flow_scene.blocks.get(selected.id) if selected is not None else None
        if item is not None:
            self.centerOn(item)
            return
        start = self.flow_scene.starts.get("main")
        rect = start.sceneBoundingRect() if start is not None else self.flow_scene.itemsBoundingRect()
        size = self.viewport().size()
        margin = 40.0
        self.centerOn(rect.left() - margin + size.width() / zoom / 2,
                      rect.top() - margin + size.height() / zoom / 2)

    def free_spot_for_section(self) -> tuple[float, float]:
        """Where a new section's start node goes: right of everything, level with the others."""
        rect = self.flow_scene.itemsBoundingRect()
        if rect.isEmpty():
            return 0.0, 0.0
        tops = [item.pos().y() for item in self.flow_scene.starts.values()]
        return layout.snap(rect.right() + layout.SECTION_GAP), layout.snap(min(tops) if tops else rect.top())

    def zoom_in(self) -> None:
        self._zoom(1.2)

    def zoom_out(self) -> None:
        self._zoom(1 / 1.2)

    def reset_zoom(self) -> None:
        self.resetTransform()

    def zoom(self) -> float:
        return self.transform().m11()

    def _zoom(self, factor: float, anchor: QPoint | None = None) -> None:
        """Scale by ``factor`` keeping the scene point under ``anchor`` (default: the centre) in place."""
        factor = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom() * factor)) / self.zoom()
        centre = self.viewport().rect().center()
        anchor = centre if anchor is None else anchor
        before = self.mapToScene(anchor)
        self.scale(factor, factor)
        drift = self.mapToScene(anchor) - before
        self.centerOn(self.mapToScene(centre) - drift)

    def auto_layout(self) -> None:
        """Tidy up: one undo step placing every block by :func:`designer.model.layout.auto_layout`."""
        doc = self.session.doc
        cmd = SetPositionsCommand(doc, layout.auto_layout(doc), "Tidy up layout")
        self.session.undo_stack.push(cmd)

    def append_method(self, method: str) -> str | None:
        """Palette double-click: a new block after the selected one, else at the end of ``main``."""
        step = self.edits.append_method(method, self.session.selected_step())
        if step is None:
            return None
        self.session.select([step.id])
        self.reveal(step.id)
        return step.id

    # ----------------------------------------------------------------- interactions
    def set_interaction(self, interaction) -> None:
        self.interaction = interaction

    def base_mouse_release(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.interaction is not None and self.interaction.mouse_press(event):
            return
        pos = self.mapToScene(event.position().toPoint())
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and self.space_held):
            self.set_interaction(PanInteraction(self, event.position().toPoint()))
            return
        if button == Qt.MouseButton.LeftButton:
            ref = self.flow_scene.port_at(pos)
            if ref is not None and ref[0] != "in":
                self.set_interaction(NewLinkInteraction(self, ref))
                return
            if ref is not None:
                lifted = next((e for e in self.flow_scene.edges.values() if e.target_id == ref[1]), None)
                if lifted is not None:
                    self.set_interaction(NewLinkInteraction(self, lifted.source, lifted))
                    return
        super().mousePressEvent(event)
        if button == Qt.MouseButton.LeftButton:
            item = self.flow_scene.itemAt(pos, self.transform())
            if isinstance(item, (BlockItem, StartItem)) and item.isSelected():
                self.set_interaction(BlockDragInteraction(self))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.interaction is not None and self.interaction.mouse_move(event):
            return
        super().mouseMoveEvent(event)
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.flow_scene.follow_drag()
            self.far.restyled()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.interaction is not None and self.interaction.mouse_release(event):
            return
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        delta = event.angleDelta().y()
        if delta:
            self._zoom(1.0015 ** delta, event.position().toPoint())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self.interaction is not None and self.interaction.key_press(event):
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if event.key() == Qt.Key.Key_D and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.duplicate_selection()  # before Delete: GNOME also binds Delete to Ctrl+D
            return
        actions = {
            QKeySequence.StandardKey.Delete: self.delete_selection,
            QKeySequence.StandardKey.Copy: self.copy_selection,
            QKeySequence.StandardKey.Paste: self.paste,
            QKeySequence.StandardKey.SelectAll: self.select_all,
            QKeySequence.StandardKey.ZoomIn: self.zoom_in,
            QKeySequence.StandardKey.ZoomOut: self.zoom_out,
        }
        for key, action in actions.items():
            if event.matches(key):
                action()
                return
        if event.key() in _ARROWS:
            navigation.arrow_key(self, _ARROWS[event.key()], bool(event.modifiers() & Qt.KeyboardModifier.AltModifier))
        elif event.key() == Qt.Key.Key_Backspace:
            self.delete_selection()
        elif event.key() == Qt.Key.Key_Escape:
            self.session.select([])
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.space_held = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    # ----------------------------------------------------------------- palette drops
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.drop_handler.accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.drop_handler.accepts(event.mimeData()):
            self.drop_handler.move(self.mapToScene(event.position().toPoint()))
            self.edge_scroll.update(event.position().toPoint())
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.edge_scroll.stop()
        self.drop_handler.leave()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.drop_handler.accepts(event.mimeData()):
            event.ignore()
            return
        self.edge_scroll.stop()
        self.drop_handler.drop(event.mimeData(), self.mapToScene(event.position().toPoint()))
        event.acceptProposedAction()
        self.setFocus()

    # ----------------------------------------------------------------- menus
    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        menus.context_menu(self, self.mapToScene(event.pos())).exec(event.globalPos())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Double-click a section's start node to rename it."""
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, StartItem) and item.section_name != menus.MAIN:
            menus.rename_section(self, item.section_name)
            return
        super().mouseDoubleClickEvent(event)

    # ----------------------------------------------------------------- background
    def is_empty_flow(self) -> bool:
        """No block at all yet (read from the document): the canvas shows how to start."""
        return next(self.session.doc.walk(), None) is None

    def _on_field_focus(self, step_id: str, _field: tuple) -> None:
        self.reveal(step_id)

    def reveal(self, step_id: str) -> None:
        """Scroll a block into view if it is not fully shown (a problem clicked in the list,
        a block added from the palette)."""
        item = self.flow_scene.blocks.get(step_id)
        if item is None:
            return
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        if not shown.contains(item.sceneBoundingRect()):
            self.ensureVisible(item, 40, 40)

    def _update_hint(self) -> None:
        """Repaint the whole viewport when the empty-canvas hint appears or goes away."""
        if self.is_empty_flow() != self._showing_hint:
            self._showing_hint = not self._showing_hint
            self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt's name
        if self.is_empty_flow():
            backdrop.paint_empty_hint(self, painter, self.empty_hint)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt's name
        theme = self.flow_scene.theme
        painter.fillRect(rect, theme.background)
        if self.far.on:  # no grid that far out; blocks and links are drawn here, batched
            self.far.draw(painter)
        else:
            grid.draw(painter, rect, self.zoom(), theme.grid)
