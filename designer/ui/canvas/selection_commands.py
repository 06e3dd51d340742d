"""Edit > Delete, Copy, Paste, Duplicate and Select All on the canvas's selection.

A mixin of :class:`designer.ui.canvas.view.FlowView` (which holds ``session``, ``flow_scene``
and ``edits``), kept apart from the view's zoom, gestures and drops: these are the commands
the Edit menu and their shortcuts call, each one undo step through
:class:`designer.ui.canvas.edits.CanvasEdits`.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF
from PySide6.QtGui import QGuiApplication

from designer.model.layout import GRID, V_GAP
from designer.model.parse_error import ParseError
from designer.ui.canvas.edge_item import EdgeItem
from designer.ui.canvas.edits import parse_clipboard


class SelectionCommands:
    """The Edit menu's commands on the selected blocks and links."""

    def selected_edges(self) -> list[EdgeItem]:
        return [i for i in self.flow_scene.selectedItems() if isinstance(i, EdgeItem)]

    def delete_selection(self) -> None:
        """Delete the selected blocks; selected links are cut (the chain splits there)."""
        ids = self.flow_scene.selected_step_ids()
        edges = [e.target_id for e in self.selected_edges() if e.target_id not in ids]
        stack = self.session.undo_stack
        with self.session.doc.batch():
            if ids and edges:
                stack.beginMacro("Delete")
            if edges:
                self.edits.split_before(edges)
            if ids:
                self.edits.delete_steps(ids)
            if ids and edges:
                stack.endMacro()
        self.session.select([])

    def copy_selection(self) -> str:
        """Put the selected steps on the clipboard as SWML YAML (text/plain); returns the text."""
        text = self.edits.copy_text(self.flow_scene.selected_step_ids())
        if text:
            mime = QMimeData()
            mime.setText(text)
            QGuiApplication.clipboard().setMimeData(mime)
        return text

    def paste(self) -> list[str]:
        """Paste SWML steps from the clipboard after the selected block, else as unconnected blocks."""
        try:
            items = parse_clipboard(QGuiApplication.clipboard().text(), self.session.catalog.methods)
        except ParseError as exc:
            self.session.message_posted.emit(f"Nothing was pasted: at line {exc.line}, column {exc.column} "
                                             f"of the copied text, {exc.message}")
            return []
        if not items:
            return []
        anchor = self.session.selected_step()
        ids = self.edits.paste_items(items, anchor, self._paste_pos())
        self.session.select(ids)
        return ids

    def duplicate_selection(self) -> list[str]:
        """Copies of the selected blocks right after the last of them (one undo step)."""
        ids = self.flow_scene.selected_step_ids()
        text = self.edits.copy_text(ids)
        items = parse_clipboard(text) if text else None
        if not items:
            return []
        steps = [s for s in self.session.doc.walk() if s.id in set(ids)]
        same_list = len({id(s.parent) for s in steps}) == 1
        anchor = steps[-1] if same_list else None
        pos = None
        if anchor is None:
            item = self.flow_scene.blocks[steps[0].id]
            pos = item.pos() + QPointF(GRID * 2, item.height + V_GAP)
        new = self.edits.paste_items(items, anchor, pos, "Duplicate blocks")
        self.session.select(new)
        return new

    def select_all(self) -> None:
        self.session.select(list(self.flow_scene.blocks))

    def _paste_pos(self) -> QPointF:
        local = self.viewport().mapFromGlobal(self.cursor().pos())
        if not self.viewport().rect().contains(local):
            local = self.viewport().rect().center()
        return self.mapToScene(local)
