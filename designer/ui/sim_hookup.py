"""Puts Try the Call into the main window: the panel's dock and Flow > Try the Call (F5).

Kept out of the window's own modules so the simulator is added with one line there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from designer.ui import shortcuts
from designer.ui.icons import icon
from designer.ui.sim_panel import SimPanel

if TYPE_CHECKING:
    from designer.ui.main_window import MainWindow


def install(window: "MainWindow") -> SimPanel:
    """Add the panel (hidden until asked for) and its action; returns the panel."""
    panel = SimPanel(window.session, window.canvas, window)
    dock = QDockWidget("Try the Call", window)
    dock.setObjectName("dock_simulator")
    dock.setWidget(panel)
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
    dock.visibilityChanged.connect(lambda shown: None if shown or not dock.isHidden() else panel.stop())

    action = QAction(icon("mdi6.phone-in-talk-outline"), "&Try the Call", window)
    action.setObjectName("action_try_call")
    action.setShortcuts(shortcuts.keys_for("try_call"))
    action.setStatusTip("Play a call through this flow: hear what the caller hears, press keys")
    action.setToolTip("Try the Call (F5)")
    action.triggered.connect(lambda _c=False: try_call(window, panel, dock))
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
    window.sim_panel = panel
    return panel


def try_call(window: "MainWindow", panel: SimPanel, dock: QDockWidget) -> None:
    """Show the panel and start a fresh call."""
    dock.show()
    dock.raise_()
    panel.restart()


def _menu(window: "MainWindow", title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == title and action.menu() is not None:
            return action.menu()
    return None
