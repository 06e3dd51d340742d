"""Run the real designer (``app.run``) in its own process for the kill -9 test.

``edit PATH``: open PATH, change the first play step's URL to ``KILLED-AFTER-EDIT`` through an
undo command as the inspector would, print ``edited`` and keep running until killed.
``restore``: start with no file, answer "Restore" to the recovery question, print the flow's data
as JSON and stop.
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from designer.ui import app
from designer.ui.commands import SetParamCommand
from designer.ui.main_window import MainWindow


def window() -> MainWindow | None:
    """The designer's window once its start-up open is done (it runs after the first paint)."""
    found = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
    return found if found is not None and not found.first_open.pending else None


def when_ready(then) -> None:
    QTimer.singleShot(100, then if window() is not None else lambda: when_ready(then))


def edit() -> None:
    session = window().session
    step = next(s for s in session.doc.walk() if s.method == "play")
    session.undo_stack.push(SetParamCommand(session.doc, step, ("url",), "say:KILLED-AFTER-EDIT"))
    print("edited", flush=True)


def report() -> None:
    print(json.dumps(window().session.doc.to_data()), flush=True)
    os._exit(0)  # quitting would ask about the (restored, unsaved) changes


if __name__ == "__main__":
    app.application()
    if sys.argv[1] == "edit":
        when_ready(edit)
        sys.exit(app.run(sys.argv[2]))
    MainWindow.ask_restore = lambda self, found: "restore"
    when_ready(report)
    sys.exit(app.run(None))
