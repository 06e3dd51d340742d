"""Start-up to a shown window, as a fresh process: the designer with a script against a bare
PySide6 ``QMainWindow`` (the floor no Qt program gets under).

``python -m bench.startup designer FILE`` or ``python -m bench.startup bare`` prints the
seconds from interpreter start to the first shown, painted window. The parent also times the
whole process from launch, so interpreter start-up counts too.
"""

from __future__ import annotations

import os
import sys
import time

START = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    window.repaint()


def designer(path: str) -> None:
    from PySide6.QtCore import QSettings
    import tempfile
    from pathlib import Path

    from designer.ui import app as app_module
    from designer.ui import preferences
    from designer.ui.main_window import MainWindow
    from designer.ui.session import EditSession

    app = app_module.application()
    app_module.apply_theme(app)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(EditSession(preferences.catalog_for(None)), settings)
    window.files.interactive = False
    window.files.open_path(path, ask=False)
    window.show()
    app.processEvents()
    window.repaint()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        designer(sys.argv[2])
    print(time.perf_counter() - START)
