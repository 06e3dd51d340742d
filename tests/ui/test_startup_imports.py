"""The first window, with a file open, imports neither qtawesome (qtpy) nor jsonschema:
together they were most of the designer's start-up beyond a bare Qt window."""

import subprocess
import sys

from tests.conftest import FIXTURES, ROOT

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
from PySide6.QtCore import QSettings
from designer.ui import app as app_module
from tests.ui.after_paint import AfterPaint


def loaded(names):
    return sorted(name for name in names if name in sys.modules)


app = app_module.application()
app_module.apply_theme(app)
frame = AfterPaint(lambda: print("frame", window.is_complete, loaded(model)))
app.installEventFilter(frame)
window = app_module.start(app, sys.argv[1], None, QSettings(sys.argv[2], QSettings.Format.IniFormat))
model = ["yaml", "designer.model.catalog", "designer.model.validation", "designer.ui.canvas.view",
         "designer.ui.session"]
heavy = ["py_mini_racer", "asyncio", "httpx", "keyring", "qtawesome", "jsonschema"]


def ready():
    window.files.interactive = False
    window.canvas.viewport().installEventFilter(panels)


def panels_painted():  # FirstOpen has not run yet: what the whole window needed to appear
    print("shown", window.first_open.pending, loaded(heavy))


def opened(loaded):
    print("opened", loaded)
    app.quit()


panels = AfterPaint(panels_painted)
window.first_open.ready.connect(ready)
window.first_open.finished.connect(opened)
app.exec()
"""


def test_the_frame_is_painted_before_the_model_is_loaded_and_the_window_before_v8(tmp_path):
    # A script with conditions: opening it checks them with V8, so the open must come after.
    done = subprocess.run([sys.executable, "-c", FIRST_WINDOW, str(FIXTURES / "002_recipe-build-an-ivr-menu.yaml"),
                           str(tmp_path / "s.ini")], capture_output=True, text=True, timeout=120, check=True, cwd=ROOT)
    lines = done.stdout.strip().splitlines()
    assert lines[-3:] == ["frame False []", "shown True []", "opened True"]
