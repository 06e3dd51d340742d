"""Pan: drag with the middle button, or with the left button while Space is held."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QMouseEvent

from designer.ui.interactions.base import Interaction


class PanInteraction(Interaction):
    """Scrolls the view by the mouse movement; one gesture, no undo step."""

    def __init__(self, view, start: QPoint) -> None:
        super().__init__(view)
        self.last = QPoint(start)
        view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouse_move(self, event: QMouseEvent) -> bool:
        delta = event.position().toPoint() - self.last
        self.last = event.position().toPoint()
        h, v = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        h.setValue(h.value() - delta.x())
        v.setValue(v.value() - delta.y())
        return True

    def mouse_release(self, event: QMouseEvent) -> bool:
        self.end()
        return True

    def cleanup(self) -> None:
        self.view.viewport().setCursor(
            Qt.CursorShape.OpenHandCursor if self.view.space_held else Qt.CursorShape.ArrowCursor)
