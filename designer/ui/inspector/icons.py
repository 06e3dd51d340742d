"""Icons from qtawesome, coloured from the palette so they follow light and dark themes."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QWidget

from designer.ui import glyphs


def icon(name: str, widget: QWidget | None = None, role: QPalette.ColorRole = QPalette.ColorRole.Text) -> QIcon:
    """The qtawesome icon ``name`` in the palette's text colour; an empty icon if unavailable."""
    palette = widget.palette() if widget is not None else QPalette()
    if glyphs.handles(name):  # mdi6, drawn without importing qtawesome (see designer.ui.glyphs)
        color, disabled = palette.color(role), palette.color(QPalette.ColorGroup.Disabled, role)
        return glyphs.icon(name, color, disabled) or glyphs.icon("mdi6.help-box-outline", color, disabled)
    try:
        import qtawesome
    except ImportError:  # pragma: no cover - qtawesome is a dependency
        return QIcon()
    palette = widget.palette() if widget is not None else QPalette()
    try:
        return qtawesome.icon(name, color=palette.color(role), color_disabled=palette.color(
            QPalette.ColorGroup.Disabled, role))
    except Exception:  # noqa: BLE001 - an unknown icon name must not break a panel
        return qtawesome.icon("mdi6.help-box-outline", color=palette.color(role))
