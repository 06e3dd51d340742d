"""The window's frame (shown first at start-up) and the whole window have the same layout: the
panels arrive in the places the frame painted, at the first start and at later ones (which
restore the layout left last time). Run in a process of its own with a laptop-sized screen
(the offscreen platform's default screen is smaller than the panels' least sizes)."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SCRIPT = """
import json, sys
from PySide6.QtCore import QSettings, QTimer
from designer.ui import app as app_module
from tests.ui.after_paint import AfterPaint

app = app_module.application()
app_module.apply_theme(app)
seen = {}


def layout():
    return [window.size().toTuple(), window.toolbar.height(), window.centralWidget().geometry().getRect()] + [
        dock.geometry().getRect() for dock in window.docks.values()]


def after_paint(name):
    return AfterPaint(lambda: seen.setdefault(name, layout()))


frame = after_paint("frame")
app.installEventFilter(frame)
window = app_module.start(app, None, None, QSettings(sys.argv[1], QSettings.Format.IniFormat))
panels = after_paint("panels")


def ready():
    window.files.interactive = False
    window.canvas.viewport().installEventFilter(panels)


def finished(_loaded):
    QTimer.singleShot(50, lambda: (window.close(), print(json.dumps(seen)), app.quit()))


window.first_open.ready.connect(ready)
window.first_open.finished.connect(finished)
app.exec()
"""


@pytest.mark.parametrize("screen", [(1366, 768), (1920, 1080)])
def test_the_panels_arrive_where_the_frame_painted_them(tmp_path, screen):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": screen[0],
                                               "height": screen[1], "logicalDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    settings = str(tmp_path / "s.ini")
    for start in ("first", "second"):  # the second restores the layout the first saved on close
        done = subprocess.run([sys.executable, "-c", SCRIPT, settings], capture_output=True, text=True,
                              timeout=120, check=True, env=env, cwd=ROOT)
        seen = json.loads(done.stdout.strip().splitlines()[-1])
        assert seen["frame"] == seen["panels"], start
        assert seen["frame"][2][3] > screen[1] // 3, start  # the canvas keeps a real share of the window
