"""Puts Try the Call into the main window: the panel's dock and Flow > Try the Call (F5).

Kept out of the window's own modules so the simulator is added with one line there. The panel
is built the first time it is shown, not with the window: it starts hidden, and building it
imported the simulator and V8 (mini-racer, asyncio), a fifth of the designer's start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from designer.ui import shortcuts
from designer.ui.icons import icon

if TYPE_CHECKING:
    from designer.ui.main_window import MainWindow
    from designer.ui.sim_panel import SimPanel


def install(window: "MainWindow") -> QDockWidget:
    """Add the dock (hidden until asked for; its panel built then) and its action; returns the dock."""
    dock = QDockWidget("Try the Call", window)
    dock.setObjectName("dock_simulator")
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    inspector = window.docks.get("inspector")
    if inspector is not None:
        window.tabifyDockWidget(inspector, dock)
        inspector.raise_()
    dock.hide()
    window.sim_dock = dock  # not in window.docks: those are the four always-there panels
    window.sim_panel = None  # built when first shown (panel())
    dock.visibilityChanged.connect(lambda shown: _on_visibility(window, dock, shown))

    action = QAction(icon("mdi6.phone-in-talk-outline"), "&Try the Call", window)
    action.setObjectName("action_try_call")
    action.setShortcuts(shortcuts.keys_for("try_call"))
    action.setStatusTip("Play a call through this flow: hear what the caller hears, press keys")
    action.setToolTip("Try the Call (F5)")
    action.triggered.connect(lambda _c=False: try_call(window, dock))
    window.addAction(action)
    window.actions_by_name["try_call"] = action
    flow_menu = _menu(window, "Flow")
    if flow_menu is not None:
        flow_menu.addSeparator()
        flow_menu.addAction(action)
    toolbar = getattr(window.window_actions, "toolbar", None)
    if toolbar is not None:
        toolbar.addSeparator()
        toolbar.addAction(action)
    view_menu = _menu(window, "View")
    if view_menu is not None:
        view_menu.addAction(dock.toggleViewAction())
    return dock


def panel(window: "MainWindow", dock: QDockWidget) -> "SimPanel":
    """The window's Try the Call panel, built (and put in ``dock``) on first use."""
    if window.sim_panel is None:
        from designer.ui.sim_panel import SimPanel
        window.sim_panel = SimPanel(window.session, window.canvas, window)
        dock.setWidget(window.sim_panel)
    return window.sim_panel


def _on_visibility(window: "MainWindow", dock: QDockWidget, shown: bool) -> None:
    if shown:
        panel(window, dock)
    elif dock.isHidden() and window.sim_panel is not None:  # closed, not just behind another tab
        window.sim_panel.stop()


def try_call(window: "MainWindow", dock: QDockWidget) -> None:
    """Show the panel and start a fresh call."""
    dock.show()
    dock.raise_()
    panel(window, dock).restart()


def _menu(window: "MainWindow", title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == title and action.menu() is not None:
            return action.menu()
    return None
