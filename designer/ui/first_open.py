"""What the designer does once its window is on screen: build the panels into the window's
frame, then open what it was started with (unsaved work to recover, the file named on the
command line).

Why: reading, laying out and drawing a script takes longer than building the window (a
1,000-step script: about as long again), and building the panels takes longer than showing the
frame (:mod:`designer.ui.window_frame`). Done before ``show()``, a person who starts the designer
with a file stares at nothing for all of it; done in steps after paints, the window is there at
once, saying "Starting…" or "Opening NAME…" in the status bar, the panels follow (the canvas
saying "Opening NAME…" too), then the flow. The recovery question waits for the panels, so the
dialog has the whole window behind it.

Input that comes while a step runs is queued and handled after it, like any other event. The
frame alone has no actions yet: a shortcut pressed in the fraction of a second before the panels
exist does nothing (their menus are empty until then). Tests and ``--screenshot`` build the
window whole and open synchronously with :meth:`~designer.ui.file_actions.FileActions.open_path`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from designer.ui.main_window import MainWindow

#: Take the next step anyway this long after waiting for a paint began (a window shown
#: minimized is not painted).
FALLBACK_MS = 1000


class FirstOpen(QObject):
    """Builds the panels after the frame's first paint, then opens the start-up file (or offers
    unsaved work back) after the panels' first paint.

    Args:
        window: the window, still its frame.
        file: the file to open, or ``None``.
        build: builds the panels into ``window`` (:func:`designer.ui.app.start` passes it).

    Signals:
        ready(): the panels are built (``window.session``, ``.files``, ``.canvas`` exist).
        finished(bool): the start-up work is done; ``True`` when a flow was opened or restored.
    """

    ready = Signal()
    finished = Signal(bool)

    def __init__(self, window: "MainWindow", file: str | None, build: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.file = file
        self.build = build
        self.pending = True
        self._stage: str | None = None  # the step waiting for a paint: "panels" or "open"
        self._watched: QWidget | None = None
        self._hint = ""
        self._text = f"Opening {Path(file).name}\u2026" if file else "Starting\u2026"
        window.statusBar().showMessage(self._text)  # said at the first paint: not empty by mistake

    def start(self) -> None:
        """Call after ``show()``: the panels are built after the first paint of the frame."""
        self._after_paint(self.window.centralWidget(), "panels")

    def _after_paint(self, widget: QWidget, stage: str) -> None:
        """Run ``stage`` after ``widget``'s next paint (or after a fallback delay: a window shown
        minimized is not painted)."""
        self._stage, self._watched = stage, widget
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, lambda: self._schedule(stage))  # not once the window is gone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and watched is self._watched and self._stage:
            self._schedule(self._stage)  # runs after this paint (and the rest of the window's) is done
        return False

    def _schedule(self, stage: str) -> None:
        if self._stage != stage:  # done already (the paint came before the fallback)
            return
        self._stop_watching()
        QTimer.singleShot(0, self, self._panels if stage == "panels" else self.run)

    def _stop_watching(self) -> None:
        if self._stage is not None:
            self._stage = None
            self._watched.removeEventFilter(self)

    def _panels(self) -> None:
        """Build the panels; the canvas says what is being opened until the open is done."""
        if self.window.is_complete:  # run() was called first and built them
            return
        self.build()
        canvas = self.window.canvas
        self._hint = canvas.empty_hint
        if self.file:
            canvas.empty_hint = self._text
            self.window.statusBar().showMessage(self._text)
            self.window.problems.show_waiting(self._text)
            self.window.counts.setText("")
        else:
            self.window.statusBar().clearMessage()
        self._after_paint(canvas.viewport(), "open")
        self.ready.emit()

    def run(self) -> bool:
        """Offer unsaved work back, else open the file; returns whether a flow was loaded."""
        if not self.pending:
            return False
        if not self.window.is_complete:  # called before the panels' turn came
            self._stop_watching()
            self._panels()
        self._stop_watching()
        self.pending = False
        window = self.window
        window.canvas.empty_hint = self._hint
        window.canvas.viewport().update()
        window.statusBar().clearMessage()
        loaded = window.offer_recovery()
        if not loaded and self.file:
            loaded = window.files.open_path(self.file)
        if not loaded:  # the empty flow's problems and counts, instead of "Opening NAME…"
            window.problems.show_problems(window.session.problems)
            window.update_counts()
        self.finished.emit(loaded)
        return loaded
