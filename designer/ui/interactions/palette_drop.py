"""Drop a palette method on the canvas.

On a link: inserted there. On a block: after it. Within reach of a chain's end (its last block,
an empty section's start node) or an empty branch port: there, whichever is nearest (see
:mod:`designer.ui.canvas.drop_target`). Elsewhere: a new unconnected block. The palette's MIME type is :data:`METHOD_MIME`, whose data
is the method name in UTF-8. One drop, one undo step; the new block is selected.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QMimeData, QPointF

from designer.model.layout import BLOCK_BASE_H, BLOCK_W
from designer.ui.canvas.drop_target import DropMarker, DropTarget, find_target

METHOD_MIME = "application/x-swml-method"


def method_of(mime: QMimeData) -> str | None:
    if not mime.hasFormat(METHOD_MIME):
        return None
    name = bytes(mime.data(METHOD_MIME)).decode("utf-8", "replace").strip()
    return name or None


class PaletteDrop:
    """Drag-enter/move/leave/drop handling for a view.

    While dragging, a marker shows where the block would land (and the link it would split is
    highlighted); the drop goes to exactly that place: both ask :func:`find_target`.
    """

    def __init__(self, view) -> None:
        self.view = view
        self.hover = None
        self.marker: DropMarker | None = None
        self.target: DropTarget | None = None

    @property
    def scene(self):
        return self.view.flow_scene

    def accepts(self, mime: QMimeData) -> bool:
        return method_of(mime) is not None

    def _live_marker(self) -> DropMarker | None:
        """The marker, unless a new document cleared the scene (and deleted it) since."""
        if self.marker is not None and (not shiboken6.isValid(self.marker) or self.marker.scene() is not self.scene):
            self.marker = None
        return self.marker

    def _marker(self) -> DropMarker:
        if self._live_marker() is None:
            self.marker = DropMarker(self.scene.theme.selection)
            self.scene.addItem(self.marker)
        return self.marker

    def move(self, scene_pos: QPointF) -> DropTarget | None:
        """Show where a drop at ``scene_pos`` would go; returns that place (``None``: unconnected)."""
        target = find_target(self.scene, self.view.edits, scene_pos)
        edge = target.edge if target is not None else None
        if edge is not self.hover:
            if self.hover is not None and shiboken6.isValid(self.hover) and self.hover.scene() is not None:
                self.hover.set_highlighted(False)
            if edge is not None:
                edge.set_highlighted(True)
            self.hover = edge
        self.target = target
        self._marker().show_target(target)
        return target

    def leave(self) -> None:
        if self.hover is not None and shiboken6.isValid(self.hover) and self.hover.scene() is not None:
            self.hover.set_highlighted(False)
        self.hover = None
        self.target = None
        if self._live_marker() is not None:
            self.marker.show_target(None)

    def drop(self, mime: QMimeData, scene_pos: QPointF) -> str | None:
        """Perform the drop; returns the new step id."""
        method = method_of(mime)
        # The place on show is where it goes (the canvas may have scrolled since the last move);
        # without a drag before it (a scripted drop) the place is found now, the same way.
        marker = self._live_marker()
        shown = self.target if marker is not None and marker.isVisible() else None
        target = shown or find_target(self.scene, self.view.edits, scene_pos)
        self.leave()
        if method is None:
            return None
        edits = self.view.edits
        if target is not None:
            step = edits.insert_method(method, target.steps, target.index)
        else:
            corner = scene_pos - QPointF(BLOCK_W / 2, BLOCK_BASE_H / 2)
            step = edits.new_chain(method, corner)
        self.scene.session.select([step.id])
        self.view.reveal(step.id)  # a block added into a long chain may land off screen
        return step.id
