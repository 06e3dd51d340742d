"""The designer started with a file shows its window's frame first, builds the panels once it is
painted and opens the file once they are (designer.ui.first_open): the file must still arrive,
and a bad one must leave a usable window."""

import pytest
from PySide6.QtCore import QSettings

from designer.ui import app as app_module
from designer.ui.canvas.view import EMPTY_HINT
from designer.ui.problems_panel import NO_PROBLEMS
from tests.conftest import FIXTURES

SCRIPT = FIXTURES / "002_recipe-build-an-ivr-menu.yaml"


@pytest.fixture
def started(qapp, qtbot, tmp_path):
    """``app.start`` as ``swml-designer FILE`` calls it; returns a function of the file."""
    windows = []

    def start(file, frame_only=False):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = app_module.start(qapp, str(file) if file else None, None, settings)
        qtbot.addWidget(window)
        windows.append(window)
        if not frame_only:
            with qtbot.waitSignal(window.first_open.ready, timeout=10000):
                pass
            window.crash_guard.uninstall()  # pytest-qt reports errors in slots itself
            window.files.interactive = False  # an error is printed, not asked about
        return window

    yield start
    for window in windows:
        if window.is_complete:
            window.files.interactive = False


def test_the_frame_is_shown_before_the_panels_are_built_and_says_what_comes(started, qtbot):
    window = started(SCRIPT, frame_only=True)
    assert window.isVisible() and not window.is_complete
    assert list(window.docks) == ["palette", "inspector", "preview", "problems"]
    assert [m.title() for m in window.menus.values()] == ["&File", "&Edit", "&View", "F&low", "&Help"]
    assert window.statusBar().currentMessage() == f"Opening {SCRIPT.name}\u2026"
    with qtbot.waitSignal(window.first_open.ready, timeout=10000):
        pass
    window.crash_guard.uninstall()
    window.files.interactive = False
    assert window.is_complete and window.docks["palette"].widget() is window.palette_panel
    assert window.centralWidget() is window.canvas
    assert window.actions_by_name["save"] in window.menus["file"].actions()
    assert window.first_open.pending  # the file comes after the panels' paint
    assert window.docks["problems"].windowTitle() == "Problems"  # not "none": nothing is checked yet
    assert window.problems.empty.text() == f"Opening {SCRIPT.name}\u2026"
    assert window.counts.text() == ""


def test_without_a_file_the_frame_says_starting(started):
    window = started(None, frame_only=True)
    assert window.statusBar().currentMessage() == "Starting\u2026"


def test_the_window_is_shown_before_the_file_is_opened_and_says_so(started):
    window = started(SCRIPT)
    assert window.isVisible()
    assert window.first_open.pending
    assert next(window.session.doc.walk(), None) is None  # nothing read yet
    assert window.canvas.empty_hint == f"Opening {SCRIPT.name}\u2026"
    assert window.statusBar().currentMessage() == f"Opening {SCRIPT.name}\u2026"


def test_the_file_given_at_start_is_opened_after_the_first_paint(started, qtbot):
    window = started(SCRIPT)
    with qtbot.waitSignal(window.first_open.finished, timeout=10000) as blocker:
        pass
    assert blocker.args == [True]
    assert window.session.path == SCRIPT.resolve()
    assert sum(1 for _ in window.session.doc.walk()) > 5
    assert window.canvas.flow_scene.blocks  # drawn on the canvas
    first = next(window.session.doc.walk())
    assert f"{first.method}:" in window.preview.text()  # the preview shows the flow read
    assert window.canvas.empty_hint == EMPTY_HINT
    assert window.statusBar().currentMessage().startswith(f"Opened {SCRIPT.name}")
    assert not window.isWindowModified()


def test_a_file_that_cannot_be_read_leaves_an_empty_usable_window(started, qtbot, tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("version: 1.0.0\nsections:\n  main: [\n", encoding="utf-8")
    window = started(bad)
    with qtbot.waitSignal(window.first_open.finished, timeout=10000) as blocker:
        pass
    assert blocker.args == [False]
    assert window.files.last_message and window.files.last_message[0] == "Cannot open the file"
    assert window.problems.empty.text() == NO_PROBLEMS  # the empty flow's, no longer "Opening…"
    assert window.counts.text().startswith("0 blocks")
    assert window.session.path is None
    assert window.canvas.empty_hint == EMPTY_HINT  # no longer says "Opening…"
    assert window.files.new_file()  # the window still works


def test_without_a_file_the_start_opens_nothing(started, qtbot):
    window = started(None)
    assert window.canvas.empty_hint == EMPTY_HINT
    with qtbot.waitSignal(window.first_open.finished, timeout=10000) as blocker:
        pass
    assert blocker.args == [False]
    assert window.session.path is None


def test_running_the_start_up_early_builds_the_panels_once(started, qtbot):
    window = started(SCRIPT, frame_only=True)
    readies = []
    window.first_open.ready.connect(lambda: readies.append(window.canvas))
    window.first_open._schedule("panels")  # as when the frame's paint came: the build is queued
    assert window.first_open.run()  # called before that turn: panels, then the file
    window.crash_guard.uninstall()
    window.files.interactive = False
    canvas = window.canvas
    qtbot.wait(200)  # the turns the frame's paint had queued run now, and do nothing
    assert window.canvas is canvas and readies == [canvas]
    assert window.session.path == SCRIPT.resolve()
