"""Ports: how a connection point is named, hit-tested and drawn.

A port is named by a tuple, never by an item: ``("in", step_id)``, ``("out", step_id)``,
``("branch", step_id, k)`` for the k-th nested list of a step, ``("slot", step_id, j)`` for the
j-th branch it can still get (:func:`designer.model.branches.open_slots`), ``("start", section_name)``.
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


def draw_open_port(painter: QPainter, pos: QPointF, ring: QColor, fill: QColor) -> None:
    """A dashed ring with a small plus: a branch that does not exist yet but can be added."""
    pen = QPen(ring, 1.5, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(fill)
    painter.drawEllipse(pos, PORT_RADIUS, PORT_RADIUS)
    painter.setPen(QPen(ring, 1.5))
    arm = PORT_RADIUS - 2.5
    painter.drawLine(QPointF(pos.x() - arm, pos.y()), QPointF(pos.x() + arm, pos.y()))
    painter.drawLine(QPointF(pos.x(), pos.y() - arm), QPointF(pos.x(), pos.y() + arm))
    painter.setBrush(Qt.BrushStyle.NoBrush)
