"""Rubber-band selection: QGraphicsView's built-in ``RubberBandDrag`` on empty canvas.

Ctrl/Shift-drag adds to the selection (``IntersectsItemShape`` so a band touching a block picks
it). Kept as its own module so the gesture has one home, like the others.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsView


def enable(view: QGraphicsView) -> None:
    """Turn on band selection for ``view``."""
    view.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
    view.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
