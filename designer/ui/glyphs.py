"""Material Design icons drawn from the font file qtawesome ships, without importing qtawesome.

Why: importing qtawesome imports qtpy, whose ``from PySide6.QtCore import *`` (and QtGui,
QtWidgets) creates every Qt binding up front: about 0.6 s of a 2-core machine's start-up, more
than a bare PySide6 window takes to appear. Its first icon then loads twelve icon fonts and
their character maps; the designer uses one, ``mdi6``. So the ``mdi6`` font and map are read
here (once, on first use) and glyphs drawn the way qtawesome draws them by default ("text":
the glyph at 7/8 of the height in pixels, centred), so icons look exactly as before (a test
compares the pixels). A name of another set goes to qtawesome itself, imported then.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QIconEngine, QPainter, QPixmap

PREFIX = "mdi6"
_FONT_GLOB = "materialdesignicons6-webfont-*.ttf"
_MAP_GLOB = "materialdesignicons6-webfont-charmap-*.json"


class _Font:
    """The ``mdi6`` family name and character map, loaded on first use (``None``: unavailable)."""

    family: str | None = None
    charmap: dict[str, str] | None = None
    tried = False


def _fonts_folder() -> Path | None:
    spec = importlib.util.find_spec("qtawesome")  # finds the package without running it
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    return Path(locations[0]) / "fonts" if locations else None


def load() -> bool:
    """Load the ``mdi6`` font and its map (once); ``False`` when they cannot be found."""
    if not _Font.tried:
        _Font.tried = True
        try:
            folder = _fonts_folder()
            ttf = max(folder.glob(_FONT_GLOB)) if folder is not None else None
            names = max(folder.glob(_MAP_GLOB)) if folder is not None else None
            font_id = QFontDatabase.addApplicationFontFromData(ttf.read_bytes())
            families = QFontDatabase.applicationFontFamilies(font_id)
            if families:
                codes = json.loads(names.read_text("utf-8"))
                _Font.charmap = {k: chr(int(v, 16)) for k, v in codes.items()}
                _Font.family = families[0]
        except (OSError, ValueError, AttributeError, TypeError):
            _Font.family = _Font.charmap = None
    return _Font.family is not None


def handles(name: str) -> bool:
    """Whether ``name`` belongs to the set drawn here (and its font could be loaded)."""
    return name.partition(".")[0] == PREFIX and load()


def char(name: str) -> str | None:
    """The character of ``mdi6.<name>``; ``None`` for another set or an unknown name."""
    prefix, _, glyph = name.partition(".")
    if prefix != PREFIX or not load():
        return None
    return _Font.charmap.get(glyph)


def paint(painter: QPainter, character: str, color: QColor, rect: QRect) -> None:
    """Draw one glyph in ``rect`` as qtawesome's default painter does (opacity included:
    it draws at full opacity whatever the painter had)."""
    painter.save()
    painter.setPen(color)
    painter.setOpacity(1.0)
    font = QFont()
    font.setFamily(_Font.family)
    font.setPixelSize(round(0.875 * rect.height()))
    painter.setFont(font)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter), character)
    painter.restore()


class GlyphEngine(QIconEngine):
    """A QIcon's painter for one glyph: ``color``, or ``disabled`` in the disabled mode."""

    def __init__(self, character: str, color: QColor, disabled: QColor) -> None:
        super().__init__()
        self.character, self.color, self.disabled = character, QColor(color), QColor(disabled)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        paint(painter, self.character, self.disabled if mode == QIcon.Mode.Disabled else self.color, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> "GlyphEngine":
        return GlyphEngine(self.character, self.color, self.disabled)


def icon(name: str, color: QColor, disabled: QColor) -> QIcon | None:
    """The icon ``name`` (an ``mdi6`` one), or ``None`` when this module cannot draw it."""
    character = char(name)
    if character is None:
        return None
    return QIcon(GlyphEngine(character, color, disabled))
