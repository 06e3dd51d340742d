"""Drop a palette method on the canvas.

Next to an empty branch port: the first block of that branch; next to a "+" port (a branch the
block can still get, e.g. a switch's "otherwise"): that branch is created with the block in it. On an edge: inserted there. On a block or within reach of a chain's end (its last block, an
empty section's start node, an empty branch port): appended there / after that block.
Elsewhere: a new unconnected block. The palette's MIME type is :data:`METHOD_MIME`, whose data
is the method name in UTF-8. One drop, one undo step; the new block is selected.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF

from designer.model.layout import BLOCK_BASE_H, BLOCK_W

METHOD_MIME = "application/x-swml-method"


def method_of(mime: QMimeData) -> str | None:
    if not mime.hasFormat(METHOD_MIME):
        return None
    name = bytes(mime.data(METHOD_MIME)).decode("utf-8", "replace").strip()
    return name or None


class PaletteDrop:
    """Drag-enter/move/leave/drop handling for a view; highlights the edge it would split."""

    def __init__(self, view) -> None:
        self.view = view
        self.hover = None

    @property
    def scene(self):
        return self.view.flow_scene

    def accepts(self, mime: QMimeData) -> bool:
        return method_of(mime) is not None

    def move(self, scene_pos: QPointF) -> None:
        edge = self.scene.edge_at(scene_pos)
        if edge is not self.hover:
            if self.hover is not None and self.hover.scene() is not None:
                self.hover.set_highlighted(False)
            if edge is not None:
                edge.set_highlighted(True)
            self.hover = edge

    def leave(self) -> None:
        self.move(QPointF(1e9, 1e9))

    def drop(self, mime: QMimeData, scene_pos: QPointF) -> str | None:
        """Perform the drop; returns the new step id."""
        self.leave()
        method = method_of(mime)
        if method is None:
            return None
        scene, edits = self.scene, self.view.edits
        edge = scene.edge_at(scene_pos)
        block = scene.block_at(scene_pos)
        branch = scene.empty_branch_at(scene_pos)
        slot = scene.open_slot_at(scene_pos) if branch is None else None
        if branch is not None:
            step = edits.insert_method(method, branch, 0)
        elif slot is not None:
            step = edits.insert_into_slot(method, *slot)
        elif edge is not None and edge.target_id in scene.steps:
            target = scene.steps[edge.target_id]
            step = edits.insert_method(method, target.parent, target.parent.index(target))
        elif block is not None and block.step_id in scene.steps:
            anchor = scene.steps[block.step_id]
            step = edits.insert_method(method, anchor.parent, anchor.parent.index(anchor) + 1)
        else:
            tail = scene.tail_near(scene_pos)
            if tail is not None:
                step = edits.insert_method(method, tail, len(tail))
            else:
                corner = scene_pos - QPointF(BLOCK_W / 2, BLOCK_BASE_H / 2)
                step = edits.new_chain(method, corner)
        scene.session.select([step.id])
        return step.id
