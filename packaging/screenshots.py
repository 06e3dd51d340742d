"""Regenerate the README screenshots in docs/ from the shipped example flows.

Run under a real X server for the same fonts a user sees, e.g.::

    xvfb-run -a -s "-screen 0 1600x1000x24" python packaging/screenshots.py

Each picture opens an example, selects one block (so the property panel shows) and grabs the
window; the dark one also breaks a field on purpose to show how problems look.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from designer.model.catalog import load_catalog
from designer.ui import app as app_module
from designer.ui.commands import SetParamCommand
from designer.ui.main_window import MainWindow
from designer.ui.session import EditSession

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _window(qapp) -> MainWindow:
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "shots.ini"), QSettings.Format.IniFormat)
    window = MainWindow(EditSession(load_catalog()), settings)
    window.files.interactive = False
    window.keep_on_screen = False  # a picture of a set size, whatever the screen
    window.resize(1600, 1000)
    window.show()
    qapp.processEvents()
    return window


def _shot(qapp, window: MainWindow, name: str) -> None:
    for _ in range(5):
        qapp.processEvents()
    window.grab().save(str(DOCS / name))
    print("wrote", DOCS / name)


def _select(window: MainWindow, method: str):
    step = next(s for s in window.session.doc.walk() if s.method == method)
    window.session.select([step.id])
    return step


def main() -> int:
    qapp = app_module.application()
    app_module.apply_theme(qapp)
    DOCS.mkdir(exist_ok=True)

    window = _window(qapp)
    window.files.new_from_example("record-and-play-back")
    _select(window, "record_call")
    _shot(qapp, window, "screenshot-record.png")

    window.files.new_from_example("ivr-menu")
    _select(window, "switch")
    _shot(qapp, window, "screenshot-ivr.png")

    app_module.apply_theme(qapp, dark=True)  # what a switch of the system scheme does
    window.refresh_theme()
    window.files.new_from_example("voicemail")
    step = _select(window, "record_call")
    session = window.session
    session.undo_stack.push(SetParamCommand(session.doc, step, ("input_sensitivity",), 150))
    session.undo_stack.push(SetParamCommand(session.doc, step, ("format",), "ogg"))
    _shot(qapp, window, "screenshot-problems-dark.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
