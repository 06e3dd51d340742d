"""Draw a connection: drag from an output port to a block's input port (or onto the block).

Let go on empty canvas, a search box opens there to pick the block to add and connect.
Starting on an input port that already has a link lifts that link's end: dropping it on empty
canvas splits the chain there (the blocks after become unconnected); dropping it on another
block reconnects. Each outcome is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from designer.ui.canvas.edge_item import EdgeItem, curve
from designer.ui.canvas.ports import PortRef
from designer.ui.interactions.base import Interaction
from designer.ui.interactions.next_block import ask_next_block

#: A link let go this close to its port was a click, not a pull into blank canvas.
MIN_PULL = 24.0


class NewLinkInteraction(Interaction):
    """From output port ``source``; ``lifted`` is the existing edge whose end is being moved."""

    def __init__(self, view, source: PortRef, lifted: EdgeItem | None = None) -> None:
        super().__init__(view)
        self.source = source
        self.lifted = lifted
        self.origin = self.scene.port_pos(source) or QPointF()
        self.preview = QGraphicsPathItem()
        pen = QPen(self.scene.theme.selection, 2.5, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.preview.setPen(pen)
        self.preview.setZValue(10)
        self.scene.addItem(self.preview)
        if lifted is not None:
            lifted.setVisible(False)
        self.hover = None

    def _target_at(self, pos: QPointF) -> str | None:
        ref = self.scene.port_at(pos)
        if ref is not None and ref[0] == "in":
            return ref[1]
        block = self.scene.block_at(pos)
        if block is not None and block.step_id != self.source[1]:
            return block.step_id
        return None

    def mouse_move(self, event: QMouseEvent) -> bool:
        pos = self.view.mapToScene(event.position().toPoint())
        target = self._target_at(pos)
        end = pos
        if target is not None:
            end = self.scene.blocks[target].port_pos(("in", target))
        self.preview.setPath(curve(self.origin, end, self.source[0] in ("branch", "slot")))
        self.hover = target
        return True

    def mouse_release(self, event: QMouseEvent) -> bool:
        pos = self.view.mapToScene(event.position().toPoint())
        target = self._target_at(pos)
        self.cleanup()
        stack, doc = self.scene.session.undo_stack, self.scene.doc
        if self.lifted is not None:
            old = self.lifted.target_id
            if target is None:
                self.edits.split_before([old])
            elif target != old:
                with doc.batch():
                    stack.beginMacro("Reconnect blocks")
                    self.edits.split_before([old])
                    self.edits.connect(self.source, target)
                    stack.endMacro()
        elif target is not None:
            self.edits.connect(self.source, target)
        if target is not None:
            self.scene.session.select([target])
        self.view.set_interaction(None)
        if target is None and self.lifted is None and (pos - self.origin).manhattanLength() > MIN_PULL:
            ask_next_block(self.view, self.source, pos)  # let go on blank canvas: "what comes next?"
        self.finished.emit()
        return True

    def cleanup(self) -> None:
        if self.preview.scene() is not None:
            self.scene.removeItem(self.preview)
        if self.lifted is not None and self.lifted.scene() is not None:
            self.lifted.setVisible(True)
        self.hover = None
