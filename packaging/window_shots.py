"""Pictures of the whole screen with the window as it first opens there: docs/window-*.png.

Unlike :mod:`packaging.screenshots` (the window grabbed at a set size), this lets the window
size itself to the screen like a first start does, then grabs the *screen*, so the picture
shows whether all of the window is on it. Run once per screen size, under an X server::

    Xvfb :13 -screen 0 1366x768x24 &  DISPLAY=:13 python packaging/window_shots.py
    Xvfb :23 -screen 0 1920x1080x24 & DISPLAY=:23 python packaging/window_shots.py

Each run writes ``window-<W>x<H>-light.png`` and ``-dark.png`` with the record-and-play-back
example open and its "Record the call" block selected (the longest Properties panel).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

from designer.model.catalog import load_catalog
from designer.ui import app as app_module
from designer.ui.main_window import MainWindow
from designer.ui.session import EditSession

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _settle(qapp) -> None:
    for _ in range(8):
        qapp.processEvents()


def main() -> int:
    qapp = app_module.application()
    DOCS.mkdir(exist_ok=True)
    screen = QGuiApplication.primaryScreen()
    size = screen.geometry().size()
    for scheme in ("light", "dark"):
        app_module.apply_theme(qapp, dark=scheme == "dark")
        settings = QSettings(str(Path(tempfile.mkdtemp()) / "first-start.ini"), QSettings.Format.IniFormat)
        window = MainWindow(EditSession(load_catalog()), settings)  # no saved layout: a first start
        window.files.interactive = False
        window.refresh_theme()
        window.show()
        _settle(qapp)
        window.files.new_from_example("record-and-play-back")
        step = next(s for s in window.session.doc.walk() if s.method == "record_call")
        window.session.select([step.id])
        _settle(qapp)
        out = DOCS / f"window-{size.width()}x{size.height()}-{scheme}.png"
        screen.grabWindow(0).save(str(out))
        print("wrote", out)
        window.close()
        window.deleteLater()
        _settle(qapp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
