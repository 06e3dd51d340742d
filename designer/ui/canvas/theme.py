"""Painting colours and cached icons for the canvas, following the application palette.

A theme object decides colours so items stay small (one theme per scene). Light or dark comes
from ``QStyleHints.colorScheme()`` when known, else from the palette's window lightness.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette

from designer.ui import glyphs

FALLBACK_ICON = "mdi6.puzzle-outline"

#: Accent per palette group (hue families chosen to stay readable on light and dark cards).
GROUP_ACCENTS = {
    "Recording": "#d6409f",  # not the error red: a record block must not look like a mistake
    "Media": "#3e8ef7",
    "Call": "#30a46c",
    "Flow": "#8e4ec6",
    "Data": "#a0785a",  # not the warning amber
    "AI": "#12a594",
    "Other": "#8b8d98",
}


@dataclass
class Theme:
    """Colours for one light/dark scheme plus an icon pixmap cache."""

    dark: bool
    background: QColor
    grid: QColor
    card: QColor
    card_border: QColor
    text: QColor
    muted: QColor
    edge: QColor
    selection: QColor
    shadow: QColor
    start: QColor
    error: QColor = field(default_factory=lambda: QColor("#e5484d"))
    warning: QColor = field(default_factory=lambda: QColor("#f5a524"))
    _icons: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_palette(cls, palette: QPalette | None = None) -> "Theme":
        load_icon_fonts()
        palette = palette or QGuiApplication.palette()
        window = palette.color(QPalette.ColorRole.Window)
        if window.isValid():  # the app sets its palette from the colour scheme; follow what it shows
            dark = window.lightness() < 128
        else:
            dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
        highlight = palette.color(QPalette.ColorRole.Highlight)
        if dark:
            return cls(True, QColor("#17181c"), QColor(255, 255, 255, 28), QColor("#23252b"),
                       QColor("#34373f"), QColor("#eceef2"), QColor("#9a9ea8"), QColor("#6b7080"),
                       highlight, QColor(0, 0, 0, 90), QColor("#30a46c"))
        return cls(False, QColor("#f6f7f9"), QColor(0, 0, 0, 38), QColor("#ffffff"),
                   QColor("#dcdfe5"), QColor("#1c2024"), QColor("#6b7079"), QColor("#9aa0aa"),
                   highlight, QColor(16, 24, 40, 26), QColor("#30a46c"))

    def refresh(self, palette: QPalette | None = None) -> None:
        """Take the colours of the current palette in place (items keep this object)."""
        fresh = Theme.from_palette(palette)
        for name in self.__dataclass_fields__:
            if name != "_icons":
                setattr(self, name, getattr(fresh, name))
        self._icons.clear()

    def accent(self, group: str) -> QColor:
        return QColor(GROUP_ACCENTS.get(group, GROUP_ACCENTS["Other"]))

    def paint_icon(self, painter: QPainter, name: str, color: QColor, rect: QRectF) -> None:
        """Draw a qtawesome icon straight onto the canvas painter.

        The icon (a font glyph) is kept per (name, colour); no pixmap is cached. Cached
        pixmaps rendered through qtawesome's icon engine were drawn while invalid after some
        garbage-collector passes (a crash inside ``QPainter::drawPixmap``); painting the glyph
        with our own painter has no such intermediate object.
        """
        if glyphs.handles(name):  # mdi6, drawn without importing qtawesome (see designer.ui.glyphs)
            glyph = glyphs.char(name) or glyphs.char(FALLBACK_ICON)
            if glyph is not None:
                glyphs.paint(painter, glyph, color, rect.toRect())
                return
        key = (name, color.rgba())
        icon = self._icons.get(key)
        if icon is None:
            import qtawesome

            try:
                icon = qtawesome.icon(name, color=color)
            except Exception:  # an icon name this qtawesome does not know
                icon = qtawesome.icon(FALLBACK_ICON, color=color)
            self._icons[key] = icon
        icon.paint(painter, rect.toRect())


def load_icon_fonts() -> None:
    """Load the icon font now, outside any paint event.

    qtawesome loaded its fonts on the first icon asked for. When that first request came from a
    block's ``paint()``, the process crashed a little later inside ``QPainter`` (reproduced in
    the test suite; loading the fonts beforehand removed it), so scenes load the font up front.
    """
    glyphs.load()
