"""Link paths that go around the blocks they join instead of behind them.

Why: a smooth curve is the nicest link when the next block is below (or, for a branch, to the
right), but when a block stands beside or above its port the curve cut straight through the
block it came from ("the case 2 link is drawn behind the switch"). Then the link takes a
detour with rounded corners: out of the port, round the blocks' right side, and down into the
target from above. Plain geometry, no items: the edge item calls :func:`route`.
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

#: Clearance between a detour and the blocks it goes round.
MARGIN = 24.0
CORNER = 12.0
_SAMPLES = 48


def curve(p1: QPointF, p2: QPointF, sideways: bool) -> QPainterPath:
    """A smooth curve leaving ``p1`` downwards (or rightwards) and entering ``p2`` from above."""
    path = QPainterPath(p1)
    reach = max(40.0, min(160.0, abs(p2.y() - p1.y()) * 0.5 + abs(p2.x() - p1.x()) * 0.25))
    c1 = QPointF(p1.x() + reach, p1.y()) if sideways else QPointF(p1.x(), p1.y() + reach)
    c2 = QPointF(p2.x(), p2.y() - reach)
    path.cubicTo(c1, c2, p2)
    return path


def crosses(path: QPainterPath, rect: QRectF) -> bool:
    """Whether ``path`` runs through the inside of ``rect`` (its ends may touch the border)."""
    inner = rect.adjusted(4, 4, -4, -4)
    if not path.controlPointRect().intersects(inner):  # the curve stays inside its control points
        return False
    return any(inner.contains(path.pointAtPercent(i / _SAMPLES)) for i in range(1, _SAMPLES))


def _rounded(points: list[QPointF]) -> QPainterPath:
    """A polyline through ``points`` with its corners rounded."""
    path = QPainterPath(points[0])
    for i in range(1, len(points) - 1):
        prev, here, nxt = points[i - 1], points[i], points[i + 1]
        a = _towards(here, prev, CORNER)
        b = _towards(here, nxt, CORNER)
        path.lineTo(a)
        path.quadTo(here, b)
    path.lineTo(points[-1])
    return path


def _towards(origin: QPointF, other: QPointF, distance: float) -> QPointF:
    d = other - origin
    length = (d.x() ** 2 + d.y() ** 2) ** 0.5
    if length == 0:
        return QPointF(origin)
    step = min(distance, length / 2) / length
    return origin + d * step


def detour(p1: QPointF, p2: QPointF, sideways: bool, source: QRectF, target: QRectF,
           others: Iterable[QRectF] = ()) -> QPainterPath:
    """Out of ``p1``, round the right of ``source``, ``target`` and any ``others`` in the way,
    and down into ``p2`` from above."""
    turn_y = p2.y() - MARGIN
    right = max([source.right(), target.right(), *(r.right() for r in others)])
    if sideways:
        out_x = max(p1.x(), right) + MARGIN
        if turn_y <= source.bottom():  # target level with or above the source: pass over it
            turn_y = min(turn_y, source.top() - MARGIN)
        points = [p1, QPointF(out_x, p1.y()), QPointF(out_x, turn_y), QPointF(p2.x(), turn_y), p2]
    else:
        below = p1.y() + MARGIN
        side_x = right + MARGIN
        points = [p1, QPointF(p1.x(), below), QPointF(side_x, below), QPointF(side_x, turn_y),
                  QPointF(p2.x(), turn_y), p2]
    return _rounded(points)


def route(p1: QPointF, p2: QPointF, sideways: bool, source: QRectF | None = None,
          target: QRectF | None = None, others: Iterable[QRectF] = ()) -> QPainterPath:
    """The link from port ``p1`` to input ``p2``: the curve, or a detour when the curve would
    run through the source or target block or any of ``others`` (blocks standing near it)."""
    path = curve(p1, p2, sideways)
    ends = [r for r in (source, target) if r is not None and not r.isEmpty()]
    in_way = [r for r in others if crosses(path, r)]
    if not in_way and not any(crosses(path, r) for r in ends):
        return path
    return detour(p1, p2, sideways, source or QRectF(p1, p1), target or QRectF(p2, p2), in_way)
