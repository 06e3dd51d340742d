"""The shape every canvas gesture shares: the view offers it events first until it ends."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtCore import Qt


class Interaction(QObject):
    """One gesture in progress on a :class:`~designer.ui.canvas.view.FlowView`.

    Handlers return ``True`` when they consumed the event. Esc cancels. ``finished`` fires after
    a completed gesture (its command pushed), ``canceled`` after Esc or an aborted gesture.
    """

    finished = Signal()
    canceled = Signal()

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.scene = view.flow_scene
        self.edits = view.edits

    def mouse_press(self, event: QMouseEvent) -> bool:
        return False

    def mouse_move(self, event: QMouseEvent) -> bool:
        return False

    def mouse_release(self, event: QMouseEvent) -> bool:
        return False

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return True
        return False

    def cleanup(self) -> None:
        """Remove any temporary items; called on both ends."""

    def end(self) -> None:
        self.cleanup()
        self.view.set_interaction(None)
        self.finished.emit()

    def cancel(self) -> None:
        self.cleanup()
        self.view.set_interaction(None)
        self.canceled.emit()
