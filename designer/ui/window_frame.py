"""The main window's frame: the four docks, the menu titles, the toolbar and the status bar,
without what goes in them.

Why: a Python Qt program shows its first window only after every module that window imports is
loaded, and the designer's panels need most of the designer (the schema catalog, the model, the
canvas, the checks): on a 2-core machine about twice what Qt itself needs for a window. Started as
``swml-designer``, the frame is shown and painted first, in the size and dock layout the person
left it in, saying "Starting…" (or "Opening NAME…"); the panels are built into it on the next
turn of the event loop (:meth:`designer.ui.main_window.MainWindow.complete`), in the same places,
so nothing jumps when they arrive. Tests and ``--screenshot`` build frame and panels at once.

Only Qt is imported here; the test ``test_startup_imports`` checks that the frame's first paint
comes before the model is loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QToolBar, QToolButton, QWidget

_LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
_RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
_BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea

#: The always-there panels: (name, title, where). Saved dock layouts use ``dock_NAME``.
DOCKS = (("palette", "Blocks", _LEFT), ("inspector", "Properties", _RIGHT),
         ("preview", "SWML Preview", _BOTTOM), ("problems", "Problems", _BOTTOM))
#: The menu bar's menus, filled by :class:`designer.ui.window_actions.WindowActions`.
MENUS = (("file", "&File"), ("edit", "&Edit"), ("view", "&View"), ("flow", "F&low"), ("help", "&Help"))
#: Toolbar icons are this size (the toolbar is as tall as a button with such an icon).
TOOL_ICON = QSize(18, 18)


def placeholder(parent: QWidget | None = None) -> QWidget:
    """An empty widget in the base colour: where a panel will be, until it is built."""
    widget = QWidget(parent)
    widget.setBackgroundRole(QPalette.ColorRole.Base)
    widget.setAutoFillBackground(True)
    return widget


def build(window: QMainWindow) -> None:
    """Give ``window`` its docks (``window.docks``), menus (``window.menus``), toolbar
    (``window.toolbar``) and status bar labels (``window.counts``, ``window.schema_label``)."""
    window.setCentralWidget(placeholder(window))
    window.docks = {}
    for name, title, area in DOCKS:
        dock = QDockWidget(title, window)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(placeholder(dock))
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        window.addDockWidget(area, dock)
        window.docks[name] = dock
    window.splitDockWidget(window.docks["preview"], window.docks["problems"], Qt.Orientation.Horizontal)
    window.setCorner(Qt.Corner.BottomLeftCorner, _LEFT)
    window.setCorner(Qt.Corner.BottomRightCorner, _RIGHT)

    bar = window.menuBar()
    window.menus = {key: bar.addMenu(title) for key, title in MENUS}
    window.toolbar = _toolbar(window)

    window.counts = QLabel(window)
    window.schema_label = QLabel(window)
    for label in (window.counts, window.schema_label):
        label.setContentsMargins(8, 0, 8, 0)
        window.statusBar().addPermanentWidget(label)
    window.statusBar().setSizeGripEnabled(False)


def _toolbar(window: QMainWindow) -> QToolBar:
    """The main toolbar, empty but already as tall as it will be with its buttons."""
    bar = QToolBar("Main", window)
    bar.setObjectName("toolbar_main")
    bar.setMovable(False)
    bar.setIconSize(TOOL_ICON)
    probe = QToolButton()
    probe.setIconSize(TOOL_ICON)
    window.addToolBar(bar)
    bar.setMinimumHeight(probe.sizeHint().height() + 2 * bar.contentsMargins().top()
                         + 2 * bar.layout().contentsMargins().top())
    return bar

