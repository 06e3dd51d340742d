"""Where a block dropped at a point would go, and the marker that shows it while dragging.

One function, :func:`find_target`, answers "where would it go?" for the drag preview and for the
drop itself, so the block always lands where the marker said. In order:

1. on a link: inserted into that link;
2. on a block: added right after it;
3. otherwise the nearest open place within :data:`SNAP_REACH`: the end of a chain (under its
   last block, or under an empty section's start node), an empty branch port ("case 2") or a
   "+" port of a branch the block can still get ("+ otherwise", created with the drop),
   measured to the port and to the spot the new block would take, whichever is nearer;
4. nothing near: a new unconnected block (``None``).

The reach is generous on purpose (a new user drops "about under" main, not on a pixel), and the
marker appears as soon as a place is within reach, so the snap distance is visible.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.model.branches import PendingList, open_slots
from designer.model.document import Step, StepList
from designer.model.titles import block_title
from designer.model.layout import BLOCK_BASE_H, BLOCK_W

#: How far (scene units) from a chain end or empty branch a drop still attaches there.
SNAP_REACH = 110.0


@dataclass
class DropTarget:
    """A place a new block can go: ``steps[index]``, drawn at ``ghost``, fed from ``anchor``."""

    kind: str          # "link", "after", "end", "branch"
    steps: StepList
    index: int
    ghost: QRectF      # where the new block will stand
    anchor: QPointF    # the port the new block hangs from
    words: str         # what the marker says ("Add after play", "First block of case 2")
    edge: object = None  # the link it splits, for "link"


def _distance(rect: QRectF, pos: QPointF) -> float:
    dx = max(rect.left() - pos.x(), 0.0, pos.x() - rect.right())
    dy = max(rect.top() - pos.y(), 0.0, pos.y() - rect.bottom())
    return (dx * dx + dy * dy) ** 0.5


def _point_distance(a: QPointF, b: QPointF) -> float:
    d = a - b
    return (d.x() ** 2 + d.y() ** 2) ** 0.5


def _ghost(edits, steps: StepList, index: int) -> QRectF:
    x, y = edits.slot(steps, index)
    return QRectF(x, y, BLOCK_W, BLOCK_BASE_H)


def _branch_label(step: Step, k: int, scene) -> str:
    item = scene.blocks.get(step.id)
    branches = item.look.branches if item is not None else ()
    return branches[k] if k < len(branches) else f"branch {k + 1}"


def _open_places(scene, edits):
    """(steps, index, anchor, words, kind) for every chain end (sections, branches, unconnected
    chains), the start of every section and branch, and every "+" branch on the canvas."""
    doc = scene.doc
    for section in doc.sections:
        start = scene.starts.get(section.name)
        if start is not None:  # empty: its first block; else in front of the first one
            yield section.steps, 0, start.port_pos(("start", section.name)), f"First block of {section.name}", "end"
    for step_id, step in scene.steps.items():
        item = scene.blocks.get(step_id)
        if item is None:
            continue
        chain = step.parent
        if chain is not None and len(chain) and chain[len(chain) - 1] is step:  # the end of its chain
            yield chain, len(chain), item.port_pos(("out", step_id)), f"Add after {block_title(step.method)}", "end"
        for k, (_, child) in enumerate(step.child_lists()):  # beside "case 2": the start of case 2
            yield (child, 0, item.port_pos(("branch", step_id, k)),
                   f"First block of {_branch_label(step, k, scene)}", "branch")
        for j, slot in enumerate(open_slots(step, doc.nesting(step.method))):
            yield (PendingList(step, slot), 0, item.port_pos(("slot", step_id, j)),
                   f"First block of {slot.label.lstrip('+ ')}", "branch")


def find_target(scene, edits, pos: QPointF, reach: float = SNAP_REACH) -> DropTarget | None:
    """Where a block dropped at scene point ``pos`` goes (``None``: a new unconnected block)."""
    edge = scene.edge_at(pos)
    if edge is not None and edge.target_id in scene.steps:
        target = scene.steps[edge.target_id]
        index = target.parent.index(target)
        return DropTarget("link", target.parent, index, _ghost(edits, target.parent, index),
                          scene.port_pos(edge.source) or pos, f"Insert before {block_title(target.method)}", edge)
    block = scene.block_at(pos)
    if block is not None and block.step_id in scene.steps:
        anchor = scene.steps[block.step_id]
        if anchor.parent is not None:
            index = anchor.parent.index(anchor) + 1
            return DropTarget("after", anchor.parent, index, _ghost(edits, anchor.parent, index),
                              block.port_pos(("out", anchor.id)), f"Add after {block_title(anchor.method)}")
    best: DropTarget | None = None
    best_d = reach
    for steps, index, anchor, words, kind in _open_places(scene, edits):
        ghost = _ghost(edits, steps, index)
        d = min(_distance(ghost, pos), _point_distance(anchor, pos))
        if d <= best_d:
            best, best_d = DropTarget(kind, steps, index, ghost, anchor, words), d
    return best


class DropMarker(QGraphicsItem):
    """The outline of where a dragged block will land, a line from its port, and a few words."""

    def __init__(self, color: QColor) -> None:
        super().__init__()
        self.color = QColor(color)
        self.target: DropTarget | None = None
        self._bounds = QRectF()
        self.setZValue(20)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)

    def show_target(self, target: DropTarget | None) -> None:
        """Show ``target`` (``None`` hides the marker). Geometry is set here, never in paint."""
        self.prepareGeometryChange()
        self.target = target
        if target is None:
            self._bounds = QRectF()
            self.setVisible(False)
            return
        top = QPointF(target.ghost.center().x(), target.ghost.top())
        self._bounds = target.ghost.united(QRectF(target.anchor, top).normalized()).adjusted(-8, -28, 8, 8)
        self.setVisible(True)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        target = self.target
        if target is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fill = QColor(self.color)
        fill.setAlpha(40)
        pen = QPen(self.color, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(target.ghost, 8, 8)
        top = QPointF(target.ghost.center().x(), target.ghost.top())
        if target.kind != "link":
            path = QPainterPath(target.anchor)
            path.lineTo(top)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        painter.setBrush(self.color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(target.anchor, 6, 6)
        font = QFont(painter.font())
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(self.color)
        painter.drawText(target.ghost.adjusted(12, 0, -8, 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, target.words)
