"""What the designer opens at start (unsaved work to recover, the file named on the command line),
done once the window has been painted.

Why: reading, laying out and drawing a script takes longer than building the window (a
1,000-step script: about as long again). Done before ``show()``, a person who starts the designer
with a file stares at nothing for all of it; done after the first paint, the window is there at
once, saying "Opening NAME…" on the canvas and in the status bar, and the flow follows. The
recovery question waits for the window too, so the dialog has its window behind it.

Input is not lost: the open runs on the event loop like any other event, so keys and clicks
that come while it runs are queued and handled after it. Tests and ``--screenshot`` open
synchronously with :meth:`~designer.ui.file_actions.FileActions.open_path`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

if TYPE_CHECKING:
    from designer.ui.main_window import MainWindow

#: Open anyway this long after ``start()`` when no paint came (a window shown minimized).
FALLBACK_MS = 1000


class FirstOpen(QObject):
    """Opens the start-up file (or offers unsaved work back) right after the first paint.

    Signals:
        finished(bool): the start-up work is done; ``True`` when a flow was opened or restored.
    """

    finished = Signal(bool)

    def __init__(self, window: "MainWindow", file: str | None) -> None:
        super().__init__(window)
        self.window = window
        self.file = file
        self.pending = True
        self._scheduled = False
        self._hint = window.canvas.empty_hint
        if file:  # said at the first paint: the window is not empty by mistake
            text = f"Opening {Path(file).name}\u2026"
            window.canvas.empty_hint = text
            window.statusBar().showMessage(text)
        window.canvas.viewport().installEventFilter(self)

    def start(self) -> None:
        """Call after ``show()``: the work runs after the first paint (or after a fallback delay)."""
        QTimer.singleShot(FALLBACK_MS, self._schedule)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self._schedule()  # runs after this paint (and the rest of the window's) is done
        return False

    def _schedule(self) -> None:
        if self._scheduled:
            return
        self._scheduled = True
        self.window.canvas.viewport().removeEventFilter(self)
        QTimer.singleShot(0, self.run)

    def run(self) -> bool:
        """Offer unsaved work back, else open the file; returns whether a flow was loaded."""
        if not self.pending:
            return False
        self.pending = False
        window = self.window
        window.canvas.empty_hint = self._hint
        window.canvas.viewport().update()
        window.statusBar().clearMessage()
        loaded = window.offer_recovery()
        if not loaded and self.file:
            loaded = window.files.open_path(self.file)
        self.finished.emit(loaded)
        return loaded
