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
