"""Wait for a slow call (a request to SignalWire) without freezing the window.

The call runs in a worker thread while a modal "please wait" note keeps the window painted and
takes the clicks, so nothing can be edited half-way through a publish. The client's own timeouts
bound the wait; the result (or the exception) comes back as if the call had been made directly.
"""

from __future__ import annotations

import threading
from typing import Callable, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
SHOW_AFTER_MS = 400  # quick answers never flash a dialog


def wait_for(parent: QWidget | None, text: str, call: Callable[[], T]) -> T:
    """Run ``call()`` in a thread; keep the window alive until it returns; return or raise its result."""
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="signalwire-request", daemon=True)
    note = QProgressDialog(text, "", 0, 0, parent)
    note.setWindowTitle("SignalWire")
    note.setCancelButton(None)
    note.setWindowModality(Qt.WindowModality.ApplicationModal)
    note.setMinimumDuration(SHOW_AFTER_MS)
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if not worker.is_alive() else None)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        worker.start()
        poll.start()
        if worker.is_alive():
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        poll.stop()
        worker.join()
        note.reset()
        note.deleteLater()
        QGuiApplication.restoreOverrideCursor()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
