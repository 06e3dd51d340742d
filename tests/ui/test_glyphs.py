"""Icons drawn from the mdi6 font without qtawesome look exactly like qtawesome's."""

import pytest
import qtawesome
from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter

from designer.ui import glyphs, icons
from designer.ui.canvas.theme import Theme

NAMES = ["mdi6.play-circle", "mdi6.record-rec", "mdi6.source-branch", "mdi6.puzzle-outline", "mdi6.dialpad"]


def _image(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    return image


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size", [16, 20, 24, 33])
@pytest.mark.parametrize("mode", [QIcon.Mode.Normal, QIcon.Mode.Disabled])
def test_an_icon_has_qtawesomes_pixels(qapp, name, size, mode):
    color, disabled = QColor("#3e8ef7"), QColor(62, 142, 247, 100)
    ours = glyphs.icon(name, color, disabled).pixmap(QSize(size, size), mode).toImage()
    theirs = qtawesome.icon(name, color=color, color_disabled=disabled).pixmap(QSize(size, size), mode).toImage()
    assert ours == theirs


@pytest.mark.parametrize("opacity", [1.0, 0.62])
def test_a_canvas_icon_has_qtawesomes_pixels_even_on_a_faded_block(qapp, opacity):
    theme, color, rect = Theme.from_palette(), QColor("#e5484d"), QRectF(23, 21, 20, 20)
    ours, theirs = _image(64), _image(64)
    for image, draw in ((ours, lambda p: theme.paint_icon(p, "mdi6.record-rec", color, rect)),
                        (theirs, lambda p: qtawesome.icon("mdi6.record-rec", color=color).paint(p, rect.toRect()))):
        painter = QPainter(image)
        painter.setOpacity(opacity)
        draw(painter)
        painter.end()
    assert ours == theirs


def test_unknown_names_fall_back_to_a_puzzle_piece(qapp):
    color = QColor("#000000")
    unknown = icons.icon("mdi6.no-such-icon-here", color).pixmap(QSize(24, 24)).toImage()
    assert unknown == icons.icon("mdi6.puzzle-outline", color).pixmap(QSize(24, 24)).toImage()
    assert glyphs.char("mdi6.no-such-icon-here") is None and glyphs.char("fa5s.phone") is None
