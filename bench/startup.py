"""Start-up as a fresh process: the designer with a script against a bare PySide6 ``QMainWindow``
(the floor no Qt program gets under).

``python -m bench.startup designer FILE`` starts the designer as ``swml-designer FILE`` (its
entry point, with settings of its own) and prints when three things
happened, as ``time.time()``: the first shown, painted window (the frame: menus, toolbar, docks,
status bar), the panels built and painted (the window complete, before the file is read), and
the flow drawn (the file opened, the preview filled, the canvas painted). ``python -m bench.startup bare`` prints the
first for a bare window, ``widgets`` for a window of the same kinds of Qt widgets without the
designer's code. The parent subtracts the moment it launched the process, so
interpreter start-up counts too. The first paint is caught the same way for both: the first
paint event, then the end of that event-loop turn.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402 - after the offscreen default

marks: list[float] = []


class _FirstPaint(QObject):
    """Calls ``then`` once the first paint of any widget (and the rest of that turn) is done."""

    def __init__(self, app, then) -> None:
        super().__init__(app)
        self.app = app
        self.then = then
        app.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def _show_until_painted(app, window) -> None:
    """Show ``window``, mark the end of its first paint and quit (the two floors' way out)."""
    def shown() -> None:
        marks.append(time.time())
        app.quit()

    _FirstPaint(app, shown)
    window.show()
    app.exec()


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1366, 768)

    _show_until_painted(app, window)


def widgets() -> None:
    """A second floor: a window with the kinds of Qt widgets the designer's first window shows
    (menus, a toolbar, docks with a list, a tree and a text view, a form, a graphics view, a
    status bar, Fusion with a palette and a style sheet) and no designer code. The gap between
    it and the bare window is what Qt itself costs for such a window."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QColor, QPainter, QPalette
    from PySide6.QtWidgets import (QApplication, QComboBox, QDockWidget, QFormLayout, QGraphicsScene,
                                   QGraphicsView, QLabel, QLineEdit, QListWidget, QMainWindow,
                                   QPlainTextEdit, QScrollArea, QSpinBox, QToolBar, QTreeWidget, QWidget)

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f3f4f6"))
    app.setPalette(palette)
    app.setStyleSheet("QToolButton { border-radius: 6px; padding: 3px; } QDockWidget::title { padding: 6px; }")
    window = QMainWindow()
    window.resize(1366, 768)
    for title in ("&File", "&Edit", "&View", "&Help"):
        menu = window.menuBar().addMenu(title)
        for i in range(8):
            menu.addAction(QAction(f"Action {i}", window))
    bar = QToolBar("Main", window)
    for i in range(10):
        bar.addAction(QAction(f"Tool {i}", window))
    window.addToolBar(bar)
    view = QGraphicsView(QGraphicsScene(window))
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    window.setCentralWidget(view)
    blocks = QListWidget()
    blocks.addItems([f"Block {i}" for i in range(40)])
    form_host = QWidget()
    form = QFormLayout(form_host)
    form.addRow("Name", QLineEdit())
    form.addRow("Count", QSpinBox())
    form.addRow("Kind", QComboBox())
    form.addRow(QLabel("Select a block to see its properties"))
    scroll = QScrollArea()
    scroll.setWidget(form_host)
    problems = QTreeWidget()
    preview = QPlainTextEdit("version: 1.0.0\nsections:\n  main: []\n")
    for name, widget, area in (("Blocks", blocks, Qt.DockWidgetArea.LeftDockWidgetArea),
                               ("Properties", scroll, Qt.DockWidgetArea.RightDockWidgetArea),
                               ("Problems", problems, Qt.DockWidgetArea.BottomDockWidgetArea),
                               ("Preview", preview, Qt.DockWidgetArea.BottomDockWidgetArea)):
        dock = QDockWidget(name, window)
        dock.setWidget(widget)
        window.addDockWidget(area, dock)
    window.statusBar().showMessage("Ready")

    _show_until_painted(app, window)


def designer(path: str) -> None:
    """``swml-designer FILE`` itself (:func:`designer.cli.main`), with settings and recovery
    folders of its own; :func:`designer.ui.app.start` is wrapped only to watch the window."""
    import tempfile

    for folder in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):  # a first start, with nobody's settings
        os.environ[folder] = tempfile.mkdtemp()
    from designer import cli  # imported first, as the entry point does
    from designer.ui import app as app_module

    window = None
    real_start = app_module.start

    def start(app, file, schema, settings):
        nonlocal window
        _FirstPaint(app, lambda: marks.append(time.time()))
        window = real_start(app, file, schema, settings)
        window.first_open.ready.connect(lambda: ready(app))
        window.first_open.finished.connect(lambda loaded: drawn(app, loaded))
        return window

    def ready(app) -> None:  # the panels are built: the mark is the end of their first paint
        window.files.interactive = False
        panels = _FirstPaint(app, lambda: marks.append(time.time()))
        app.removeEventFilter(panels)
        window.canvas.viewport().installEventFilter(panels)  # before the file opens (see FirstOpen)

    def drawn(app, loaded: bool) -> None:
        if not loaded:
            raise SystemExit(f"bench: {path} did not open")
        window.preview.text()  # what the next turn would render
        window.repaint()
        marks.append(time.time())
        window.setWindowModified(False)
        app.quit()

    app_module.start = start
    cli.main([path])


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    elif sys.argv[1] == "widgets":
        widgets()
    else:
        designer(sys.argv[2])
    print(" ".join(str(mark) for mark in marks))
