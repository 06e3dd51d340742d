"""Check boxes and radio buttons that stay visible on the dark scheme.

Why: Fusion draws an unticked box with an outline a shade darker than the window, which on the
dark scheme is nearly black on near-black: "Record in stereo" looked like it had no box at all.
On the dark scheme the indicators get a light outline, and a ticked box the accent colour with a
white tick (drawn once into a small picture, since a style sheet can only show a tick as one).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap

_TICK: Path | None = None


def tick_image() -> Path:
    """A white tick on a transparent 28 px square (shown at 14 px, sharp on HiDPI)."""
    global _TICK
    if _TICK is not None and _TICK.exists():
        return _TICK
    pixmap = QPixmap(28, 28)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor("white"), 3.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    path = QPainterPath(QPointF(6.5, 14.5))
    path.lineTo(11.5, 19.5)
    path.lineTo(21.5, 8.5)
    painter.drawPath(path)
    painter.end()
    _TICK = Path(tempfile.mkdtemp(prefix="swml-designer-")) / "tick.png"
    pixmap.save(str(_TICK))
    return _TICK


def dark_style(accent: str, outline: str, base: str) -> str:
    """Style sheet lines for readable indicators on the dark scheme."""
    tick = tick_image().as_posix()
    return f"""
QCheckBox::indicator, QRadioButton::indicator {{ width: 14px; height: 14px;
    border: 1px solid {outline}; background: {base}; }}
QCheckBox::indicator {{ border-radius: 3px; }}
QRadioButton::indicator {{ border-radius: 8px; }}
QCheckBox::indicator:checked {{ background: {accent}; border-color: {accent}; image: url({tick}); }}
QRadioButton::indicator:checked {{ border-color: {accent};
    background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
                                stop:0 {accent}, stop:0.45 {accent}, stop:0.55 {base}, stop:1 {base}); }}
QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border: 2px solid {accent}; }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-color: {base}; }}
"""
