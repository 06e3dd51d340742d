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
    color, disabled = palette.color(role), palette.color(QPalette.ColorGroup.Disabled, role)
    key = (name, color.rgba(), disabled.rgba())
    cached = _CACHE.get(key)
    if cached is not None:  # panels ask for the same few icons hundreds of times
        return cached
    try:
        made = qtawesome.icon(name, color=color, color_disabled=disabled)
    except Exception:  # noqa: BLE001 - an unknown icon name must not break a panel
        made = qtawesome.icon("mdi6.help-box-outline", color=color)
    _CACHE[key] = made
    return made


_CACHE: dict[tuple[str, int, int], QIcon] = {}
