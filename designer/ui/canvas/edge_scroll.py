"""Scrolling the canvas while a block is dragged near its edge.

Why: the place under a chain is often just below the visible canvas (a new user building a flow
top to bottom reaches the bottom edge after three blocks), and a drag cannot scroll the view by
itself, so the block could not be dropped where it belonged. Held within :data:`EDGE` pixels of
an edge, the view scrolls that way, faster the closer the pointer, and the drop marker follows.
It holds still while a drop place is on show, so the block lands where the marker is; pushing
right up to the edge scrolls on past it.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPoint, QTimer

#: How close to an edge (viewport pixels) scrolling starts, and the most it moves per tick.
EDGE = 36
MAX_STEP = 8
#: Scrolling stops this far (scene units) past the outermost blocks: nothing to drop on beyond.
BEYOND = 240.0
TICK_MS = 30


def scroll_step(pos: QPoint, width: int, height: int) -> tuple[int, int]:
    """(dx, dy) to scroll for a pointer at ``pos`` in a ``width`` x ``height`` viewport."""

    def axis(value: int, size: int) -> int:
        if value < EDGE:
            return -max(1, round(MAX_STEP * (EDGE - max(value, 0)) / EDGE))
        if value > size - EDGE:
            return max(1, round(MAX_STEP * (min(value, size) - (size - EDGE)) / EDGE))
        return 0

    return axis(pos.x(), width), axis(pos.y(), height)


def _at_very_edge(pos: QPoint, width: int, height: int) -> bool:
    """Within the outer third of the scrolling band: keep scrolling even past a drop place."""
    band = EDGE // 3
    return pos.x() < band or pos.y() < band or pos.x() > width - band or pos.y() > height - band


class EdgeScroller:
    """Scrolls ``view`` while the drag pointer rests near an edge; ``after`` runs after each
    scroll so the drop marker can follow the scene point now under the pointer."""

    def __init__(self, view, after: Callable[[QPoint], None]) -> None:
        self.view = view
        self.after = after
        self.pos: QPoint | None = None
        self.timer = QTimer(view)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.step)

    def update(self, pos: QPoint) -> None:
        """The drag pointer is at ``pos`` (viewport coordinates)."""
        self.pos = QPoint(pos)
        near = scroll_step(pos, self.view.viewport().width(), self.view.viewport().height()) != (0, 0)
        if near and not self.timer.isActive():
            self.timer.start()
        elif not near:
            self.timer.stop()

    def _within_flow(self, dx: int, dy: int) -> tuple[int, int]:
        """Drop the parts of (dx, dy) that would scroll further into empty canvas."""
        flow = self.view.flow_scene.itemsBoundingRect().adjusted(-BEYOND, -BEYOND, BEYOND, BEYOND)
        shown = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        if (dx > 0 and shown.right() >= flow.right()) or (dx < 0 and shown.left() <= flow.left()):
            dx = 0
        if (dy > 0 and shown.bottom() >= flow.bottom()) or (dy < 0 and shown.top() <= flow.top()):
            dy = 0
        return dx, dy

    def stop(self) -> None:
        self.timer.stop()
        self.pos = None

    def step(self) -> bool:
        """Scroll one tick; returns whether the view moved."""
        if self.pos is None:
            return False
        width, height = self.view.viewport().width(), self.view.viewport().height()
        dx, dy = scroll_step(self.pos, width, height)
        dx, dy = self._within_flow(dx, dy)
        if self.view.drop_handler.target is not None and not _at_very_edge(self.pos, width, height):
            return False  # a place to drop is on show: hold still (closer to the edge keeps going)
        h, v = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        before = (h.value(), v.value())
        h.setValue(h.value() + dx)
        v.setValue(v.value() + dy)
        moved = (h.value(), v.value()) != before
        if moved:
            self.after(self.pos)
        return moved
