"""Block titles fit their card: a long one is drawn a little smaller instead of cut.

Found opening the phone-menu example: its label block read "Label a point to go b…"; at a
fixed 10 pt, 14 of the plain block titles were cut on the canvas.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from designer.model.layout import BLOCK_W
from designer.model.titles import block_title
from designer.ui.canvas.block_item import TITLE_MIN_PT, TITLE_PT, TITLE_RIGHT, TITLE_X, title_point_size

WIDTH = BLOCK_W - TITLE_X - TITLE_RIGHT


def _fits(title: str, size: float) -> bool:
    font = QFont(QApplication.font())
    font.setBold(True)
    font.setPointSizeF(size)
    return QFontMetricsF(font).horizontalAdvance(title) <= WIDTH


def test_short_titles_keep_the_usual_size(qapp):
    assert title_point_size(QApplication.font(), block_title("answer"), WIDTH) == TITLE_PT


def test_label_and_the_other_long_titles_now_fit(qapp):
    for method in ("label", "denoise", "live_transcribe", "stop_stream", "amazon_bedrock", "user_event",
                   "sip_refer", "execute", "detect_machine"):
        title = block_title(method)
        size = title_point_size(QApplication.font(), title, WIDTH)
        assert TITLE_MIN_PT <= size <= TITLE_PT and _fits(title, size), (title, size)
