"""Application start-up: the QApplication, the theme following the system, the main window.

``run(file, schema, screenshot)`` is what the command line calls: it shows the window's frame
first, builds the panels into it once it is painted and then opens ``file`` (:func:`start`).
With ``screenshot`` it builds the whole window at once, opens the file, lays it out, fits the
canvas, renders the window to a PNG and returns without an event loop, so it works headless
(``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from designer.ui.main_window import MainWindow
    from designer.ui.session import EditSession

APP_NAME = "SWML Flow Designer"
ORG_NAME = "SWML Flow Designer"
ORG_DOMAIN = "swml-flow-designer.local"
ACCENT = "#3b82f6"

_LIGHT = {"Window": "#f3f4f6", "WindowText": "#1f2328", "Base": "#ffffff", "AlternateBase": "#f6f7f9",
          "Text": "#1f2328", "Button": "#f8f9fb", "ButtonText": "#1f2328", "ToolTipBase": "#ffffff",
          "ToolTipText": "#1f2328", "PlaceholderText": "#6e7781", "Mid": "#c9ced6", "Midlight": "#e4e7ec",
          "Dark": "#a0a7b1", "Light": "#ffffff", "Shadow": "#8c939d", "Highlight": ACCENT,
          "HighlightedText": "#ffffff", "Link": "#2563eb", "BrightText": "#ffffff"}
_DARK = {"Window": "#1e2126", "WindowText": "#e6e8eb", "Base": "#16181c", "AlternateBase": "#1b1e23",
         "Text": "#e6e8eb", "Button": "#2a2e35", "ButtonText": "#e6e8eb", "ToolTipBase": "#2a2e35",
         "ToolTipText": "#e6e8eb", "PlaceholderText": "#8b929c", "Mid": "#3a3f47", "Midlight": "#33373e",
         "Dark": "#101215", "Light": "#3d424a", "Shadow": "#0a0b0d", "Highlight": ACCENT,
         "HighlightedText": "#ffffff", "Link": "#7aa7ff", "BrightText": "#ffffff"}

_STYLE = """
QDockWidget::title { padding: 6px 8px; font-weight: 600; }
QMainWindow::separator { width: 1px; height: 1px; background: palette(mid); }
QStatusBar { border-top: 1px solid palette(midlight); }
QStatusBar::item { border: none; }
QToolBar { border: none; border-bottom: 1px solid palette(midlight); spacing: 2px; padding: 2px 6px; }
QToolBar::separator { width: 1px; background: palette(midlight); margin: 4px 6px; }
QToolButton { border-radius: 6px; padding: 3px; }
QToolButton:hover { background: palette(midlight); }
QToolButton:checked { background: palette(mid); }
QToolButton:focus { border: 1px solid palette(highlight); }
QToolTip { padding: 4px 6px; border: 1px solid palette(mid); }
QLineEdit { padding: 4px 6px; border-radius: 6px; border: 1px solid palette(mid); background: palette(base); }
QLineEdit:focus { border: 1px solid palette(highlight); }
QTreeView { background: palette(base); }
"""


def is_dark_scheme(app: QGuiApplication) -> bool:
    """Whether the system asks for a dark colour scheme (unknown counts as light)."""
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def make_palette(dark: bool) -> QPalette:
    """The Fusion palette for a light or dark scheme, with a blue accent."""
    colors = _DARK if dark else _LIGHT
    palette = QPalette()
    for role_name, value in colors.items():
        role = getattr(QPalette.ColorRole, role_name)
        palette.setColor(QPalette.ColorGroup.All, role, QColor(value))
    disabled = QColor(colors["PlaceholderText"])
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(app: QApplication, dark: bool | None = None) -> None:
    """Fusion style with a palette for the light or dark scheme (``None``: the system's).

    The style sheet is set again after the palette: widgets it has already polished keep the
    colours its ``palette(...)`` references had, so a scheme change at run time would otherwise
    leave dark text on dark docks.
    """
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    dark = is_dark_scheme(app) if dark is None else dark
    app.setPalette(make_palette(dark))
    app.setStyleSheet("")
    if dark:  # Fusion's box outlines vanish on a dark window
        from designer.ui.indicators import dark_style
        app.setStyleSheet(_STYLE + dark_style(ACCENT, _DARK["PlaceholderText"], _DARK["Base"]))
    else:
        app.setStyleSheet(_STYLE)


def set_scheme(app: QApplication, window, dark: bool | None = None) -> None:
    """Switch the running window to the light or dark scheme (``None``: the system's)."""
    apply_theme(app, dark)
    window.refresh_theme()


def application() -> QApplication:
    """The running QApplication (tests have one) or a new one, named for ``QSettings``."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setApplicationDisplayName(APP_NAME)
    return app


def run(file: str | None = None, schema: str | None = None, screenshot: str | None = None) -> int:
    """Start the designer; returns the exit code.

    Args:
        file: a SWML script to open (YAML or JSON), or ``None`` for a new flow.
        schema: a schema file to use instead of the preference (``None``: preference or bundled).
        screenshot: render the window to this PNG and return instead of running.
    """
    app = application()
    apply_theme(app)
    if screenshot:
        # A throw-away settings file: the picture never depends on (or changes) the user's layout.
        settings = QSettings(str(Path(tempfile.mkdtemp()) / "screenshot.ini"), QSettings.Format.IniFormat)
        window = make_window(app, schema, settings)
        window.files.interactive = False
        if file and not window.files.open_path(file):
            window.deleteLater()
            return 1
        return _screenshot(app, window, screenshot)
    window = start(app, file, schema, QSettings())
    return app.exec()


def make_session(schema: str | None, settings: QSettings) -> tuple[str | None, "EditSession"]:
    """The schema file in use (``None``: bundled) and an empty session for its catalog; a bad
    schema file is said on stderr and the bundled schema used instead."""
    from designer.ui import preferences
    from designer.ui.session import EditSession

    schema_path = schema or preferences.schema_setting(settings)
    try:
        catalog = preferences.catalog_for(schema_path)
    except Exception as exc:  # a bad schema file: say so and use the bundled one
        print(f"Cannot use the schema {schema_path}: {exc}; using the bundled schema.", file=sys.stderr)
        schema_path, catalog = None, preferences.catalog_for(None)
    return schema_path, EditSession(catalog)


def complete_window(app: QApplication, window: "MainWindow", schema: str | None) -> None:
    """Build the panels into ``window``'s frame, for ``schema`` (see :func:`make_session`)."""
    from designer.ui import icons, preferences

    app.setWindowIcon(icons.app_icon())
    schema_path, session = make_session(schema, window.settings)
    window.complete(session)
    window.schema_path = schema_path
    window.schema_label.setText(preferences.schema_label(schema_path))


def make_window(app: QApplication, schema: str | None, settings: QSettings) -> "MainWindow":
    """The whole main window for ``schema``, built at once (tests, ``--screenshot``)."""
    from designer.ui.main_window import MainWindow

    window = MainWindow(None, settings)
    complete_window(app, window, schema)
    return window


def start(app: QApplication, file: str | None, schema: str | None, settings: QSettings) -> "MainWindow":
    """Show the window's frame at once; the panels are built once it is painted, and recovery
    and ``file`` follow once they are painted (:mod:`designer.ui.first_open`). Returns the
    window: ``window.first_open.ready`` says when the panels are there, ``.finished`` when the
    flow is."""
    from designer.ui.first_open import FirstOpen
    from designer.ui.main_window import MainWindow

    window = MainWindow(None, settings)
    window.first_open = FirstOpen(window, file, lambda: _complete_started(app, window, schema))
    window.show()
    window.first_open.start()
    return window


def _complete_started(app: QApplication, window: "MainWindow", schema: str | None) -> None:
    """The panels of a window :func:`start` showed, with the crash guard and the scheme hook."""
    from designer.ui import heap
    from designer.ui.crash_guard import CrashGuard

    # Without collector passes: the modules, the catalog and the widgets made here live as long
    # as the window, yet walking them again and again (a full pass after the catalog) was a
    # tenth of the start-up. They are frozen afterwards, as after opening a file.
    with heap.building():
        complete_window(app, window, schema)
        window.crash_guard = CrashGuard(window, window.recovery.write_now, lambda: window.files.interactive).install()
        app.styleHints().colorSchemeChanged.connect(lambda _scheme=None: set_scheme(app, window))
    QTimer.singleShot(0, window.fit_later)  # once the canvas has its final size


def _screenshot(app: QApplication, window, out: str) -> int:
    window.keep_on_screen = False  # a picture of a set size, whatever the screen
    window.resize(1600, 1000)
    window.show()
    for _ in range(3):
        app.processEvents()
    window.fit_later()
    app.processEvents()
    image = window.grab()
    ok = image.save(out)
    window.files.interactive = False
    window.close()
    window.deleteLater()
    if not ok:
        print(f"Cannot write the screenshot {out}", file=sys.stderr)
        return 1
    return 0
