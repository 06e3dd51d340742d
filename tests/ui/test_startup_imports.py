"""The first window, with a file open, imports neither qtawesome (qtpy) nor jsonschema:
together they were most of the designer's start-up beyond a bare Qt window."""

import subprocess
import sys

from tests.conftest import FIXTURES

SCRIPT = """
import sys
from PySide6.QtCore import QSettings
from designer.ui import app as app_module
from designer.ui import preferences
from designer.ui.main_window import MainWindow
from designer.ui.session import EditSession
app = app_module.application()
app_module.apply_theme(app)
window = MainWindow(EditSession(preferences.catalog_for(None)), QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.files.interactive = False
window.files.open_path(sys.argv[1], ask=False)
window.show()
app.processEvents()
window.repaint()
print(sorted({m.split(".")[0] for m in sys.modules} & {"qtawesome", "qtpy", "jsonschema", "referencing"}))
"""


def test_the_first_window_imports_neither_qtawesome_nor_jsonschema(tmp_path):
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(FIXTURES / "002_recipe-build-an-ivr-menu.yaml"),
                           str(tmp_path / "s.ini")], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


FIRST_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from designer.ui import app as app_module


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            app.removeEventFilter(self)
            QTimer.singleShot(0, first_paint_done)  # before FirstOpen's turn, which follows the paint
        return False


app = app_module.application()
app_module.apply_theme(app)
watcher = FirstPaint()
app.installEventFilter(watcher)
window = app_module.start(app, sys.argv[1], None, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.files.interactive = False
heavy = {"py_mini_racer", "asyncio", "httpx", "keyring", "qtawesome", "jsonschema"}


def first_paint_done():  # FirstOpen has not run yet: what the window needed to appear
    print("shown", window.first_open.pending, sorted({m.split(".")[0] for m in sys.modules} & heavy))


def opened(loaded):
    print("opened", loaded)
    app.quit()


window.first_open.finished.connect(opened)
app.exec()
"""


def test_the_first_window_loads_neither_v8_nor_the_signalwire_client(tmp_path):
    # A script with conditions: opening it checks them with V8, so the open must come after.
    done = subprocess.run([sys.executable, "-c", FIRST_WINDOW, str(FIXTURES / "002_recipe-build-an-ivr-menu.yaml"),
                           str(tmp_path / "s.ini")], capture_output=True, text=True, timeout=120, check=True)
    lines = done.stdout.strip().splitlines()
    assert lines[-2:] == ["shown True []", "opened True"]
