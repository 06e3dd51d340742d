"""Fixtures the UI tests share: an edit session on the bundled schema, an inspector on it, and a
main window whose settings live in the test's own folder (test files may define their own)."""

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication

from designer.model.catalog import load_catalog
from designer.ui.inspector import Inspector
from designer.ui.main_window import MainWindow
from designer.ui.session import EditSession


@pytest.fixture
def session(qapp):
    """A fresh session holding a new, empty flow."""
    return EditSession(load_catalog())


@pytest.fixture
def inspector(qtbot, session):
    """The property panel at its usual dock width, shown."""
    panel = Inspector(session)
    panel.resize(340, 900)
    qtbot.addWidget(panel)
    panel.show()
    return panel


@pytest.fixture
def window(qtbot, tmp_path):
    """The main window, non-interactive (file dialogs and questions are not shown)."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(EditSession(load_catalog()), settings)
    w.files.interactive = False
    qtbot.addWidget(w)
    return w


def shown(win: MainWindow, qtbot, size: tuple[int, int] = (1500, 950)) -> MainWindow:
    """``win`` at ``size``, shown and exposed, the canvas at 100 % (for tests that drag and
    click like a person)."""
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.canvas.reset_zoom()
    return win


@pytest.fixture(autouse=True)
def _tidy_qt_between_tests(qapp):
    """Close and free each test's windows at a quiet moment, before the next test paints.

    pytest-qt holds its widgets weakly; a view left in a reference cycle is otherwise freed by
    whichever garbage-collector pass comes next, possibly while the next test is painting it,
    and shown-but-forgotten windows would slow every later event loop down.
    """
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.unfreeze()  # opening a file freezes the heap (designer.ui.heap): free this test's objects too
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
