"""Move blocks: Qt drags the selected items freely; on release one ``SetPositionsCommand``
snaps them to the grid. A single unconnected-here block dropped on an edge is inserted there."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QMouseEvent

from designer.model.layout import snap
from designer.ui.canvas.block_item import BlockItem
from designer.ui.canvas.start_item import StartItem
from designer.ui.commands import GroupCommand, MoveStepCommand, RemoveDetachedCommand, SetPositionsCommand
from designer.ui.interactions.base import Interaction


class BlockDragInteraction(Interaction):
    """Started after the view's press selected the item under the mouse."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.items = [i for i in self.scene.selectedItems() if isinstance(i, (BlockItem, StartItem))]
        self.start = {self._key(i): (i.pos().x(), i.pos().y()) for i in self.items}
        self.hover_edge = None

    @staticmethod
    def _key(item) -> str:
        return item.key if isinstance(item, StartItem) else item.step_id

    def _edge_target(self, scene_pos: QPointF):
        """The edge a single dragged block would be inserted into, if any."""
        if len(self.items) != 1 or not isinstance(self.items[0], BlockItem):
            return None
        edge = self.scene.edge_at(scene_pos)
        step_id = self.items[0].step_id
        step = self.scene.steps.get(step_id)
        if edge is None or step is None or step_id == edge.target_id or edge.source[1] == step_id:
            return None
        if len(step.parent) != 1 or step.child_lists():
            return None  # only a lone, flat block is inserted by dropping (others: connect ports)
        return edge

    def mouse_move(self, event: QMouseEvent) -> bool:
        edge = self._edge_target(self.view.mapToScene(event.position().toPoint()))
        if edge is not self.hover_edge:
            if self.hover_edge is not None:
                self.hover_edge.set_highlighted(False)
            if edge is not None:
                edge.set_highlighted(True)
            self.hover_edge = edge
        return False  # the view still moves the items

    def mouse_release(self, event: QMouseEvent) -> bool:
        self.view.base_mouse_release(event)
        moved = {}
        for item in self.items:
            key = self._key(item)
            new = (snap(item.pos().x()), snap(item.pos().y()))
            if new != self.start[key]:
                moved[key] = new
        edge = self.hover_edge
        if moved:
            doc = self.scene.doc
            cmd = GroupCommand("Move blocks" if len(moved) > 1 else "Move block", doc=doc)
            positions = cmd.add(SetPositionsCommand(doc, moved))
            positions.old = {k: self.start[k] for k in moved}  # the drawn place before the drag
            if edge is not None:
                step = self.scene.steps[self.items[0].step_id]
                target = self.scene.steps.get(edge.target_id)
                if target is not None and target.parent is not None:
                    cmd.setText(f"Insert {step.method}")
                    cmd.add(MoveStepCommand(doc, step, target.parent, target.parent.index(target)))
                    chain = step.parent
                    if any(c is chain for c in doc.detached):
                        cmd.add(RemoveDetachedCommand(doc, chain))
            self.scene.session.undo_stack.push(cmd)
        self.end()
        return True

    def cleanup(self) -> None:
        if self.hover_edge is not None:
            self.hover_edge.set_highlighted(False)
            self.hover_edge = None

    def cancel(self) -> None:
        for item in self.items:
            item.setPos(QPointF(*self.start[self._key(item)]))
            self.scene.item_moved(item)
        super().cancel()
