"""qtawesome icons with a cache, theme-aware colours and a fallback for unknown names.

Icon names come from the catalog hints (``mdi6.record-rec``...) and from the UI itself. A name
qtawesome does not know (a newer hint, a typo) must never crash a window: it falls back to a
generic puzzle piece, and if even that fails, to an empty icon.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from designer.ui import glyphs

FALLBACK = "mdi6.puzzle-outline"
_cache: dict[tuple[str, str], QIcon] = {}

#: Severity colours shared by the problems list, the preview markers and the status bar.
ERROR_COLOR = "#e5484d"
WARNING_COLOR = "#f5a524"


def text_color() -> QColor:
    """The theme's text colour, so monochrome icons read well on light and dark backgrounds."""
    app = QGuiApplication.instance()
    if app is None:
        return QColor("#3c3c3c")
    return QGuiApplication.palette().color(QPalette.ColorRole.WindowText)


def icon(name: str, color: str | QColor | None = None) -> QIcon:
    """The icon called ``name`` (qtawesome naming), tinted ``color`` or the theme's text colour."""
    tint = QColor(color) if color is not None else text_color()
    key = (name, tint.name(QColor.NameFormat.HexArgb))
    cached = _cache.get(key)
    if cached is not None:
        return cached
    result = _make(name, tint)
    if result is None and name != FALLBACK:
        result = _make(FALLBACK, tint)
    result = result if result is not None else QIcon()
    _cache[key] = result
    return result


def _make(name: str, tint: QColor) -> QIcon | None:
    disabled = QColor(tint)
    disabled.setAlphaF(0.4)
    if glyphs.handles(name):  # mdi6, drawn without importing qtawesome (see designer.ui.glyphs)
        return glyphs.icon(name, tint, disabled)
    try:
        import qtawesome as qta

        return qta.icon(name, color=tint, color_disabled=disabled)
    except Exception:  # unknown name, font not loadable: fall back, never crash
        return None


def clear_cache() -> None:
    """Forget cached icons (after the colour scheme changed)."""
    _cache.clear()


def app_icon() -> QIcon:
    """The application's own icon (``resources/icons/swml-designer.svg``), read through
    ``importlib.resources`` so it works from a wheel too."""
    from importlib import resources

    from PySide6.QtGui import QPixmap

    data = (resources.files("designer.resources") / "icons" / "swml-designer.svg").read_bytes()
    pixmap = QPixmap()
    if pixmap.loadFromData(data, "SVG"):
        return QIcon(pixmap)
    return icon("mdi6.phone-settings-outline", "#2f6fde")  # no SVG image plugin
