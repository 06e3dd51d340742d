"""For the start-up tests' child processes: run a function once a paint is done.

The frame and the panels are built on separate turns of the event loop, each after a paint
(designer.ui.first_open); a test that asks what was loaded or where things were "when the window
appeared" must look at the end of that paint's turn, as the person would see it.
"""

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


class AfterPaint(QObject):
    """Calls ``then`` after the first paint of what it watches (install it on the application
    for any widget, or on one widget), on the same turn as the event-loop work that follows."""

    def __init__(self, then) -> None:
        super().__init__()
        self.then = then

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self.then)  # before FirstOpen's turn, which follows the paint
        return False
