"""Ports: how a connection point is named, hit-tested and drawn.

A port is named by a tuple, never by an item: ``("in", step_id)``, ``("out", step_id)``,
``("branch", step_id, k)`` for the k-th nested list of a step, ``("start", section_name)``.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

PORT_RADIUS = 5.5
PORT_HIT = 11.0

PortRef = tuple


def draw_port(painter: QPainter, pos: QPointF, ring: QColor, fill: QColor, connected: bool) -> None:
    """A ring; filled with the ring colour when something is connected to it."""
    painter.setPen(QPen(ring, 2))
    painter.setBrush(ring if connected else fill)
    painter.drawEllipse(pos, PORT_RADIUS, PORT_RADIUS)
    painter.setBrush(Qt.BrushStyle.NoBrush)
