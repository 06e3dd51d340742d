"""What lies under a point of the flow scene: ports, links, blocks, empty branches, "+" slots
and the end of a chain a dropped block would join.

A mixin of :class:`designer.ui.canvas.scene.FlowScene` (which holds ``steps`` and ``doc``), kept
apart because these questions are asked by the view's drag and drop, not by the projection of
the model the scene module is about.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from designer.model.branches import OpenSlot, open_slots
from designer.model.document import Step, StepList
from designer.ui.canvas.block_item import BlockItem
from designer.ui.canvas.edge_item import EdgeItem
from designer.ui.canvas.ports import PORT_HIT, PortRef
from designer.ui.canvas.start_item import StartItem

TAIL_REACH = 60.0


class SceneHits:
    """Hit tests over the scene's items; needs ``items()`` (QGraphicsScene), ``steps`` and ``doc``."""

    def port_at(self, pos: QPointF) -> PortRef | None:
        """The port under ``pos`` (blocks and start nodes), or ``None``."""
        area = QRectF(pos.x() - PORT_HIT, pos.y() - PORT_HIT, 2 * PORT_HIT, 2 * PORT_HIT)
        for item in self.items(area):
            if isinstance(item, (BlockItem, StartItem)):
                ref = item.port_at(pos)
                if ref is not None:
                    return ref
        return None

    def edge_at(self, pos: QPointF) -> EdgeItem | None:
        for item in self.items(QRectF(pos.x() - 4, pos.y() - 4, 8, 8)):
            if isinstance(item, EdgeItem):
                return item
        return None

    def block_at(self, pos: QPointF) -> BlockItem | None:
        return next((i for i in self.items(pos) if isinstance(i, BlockItem)), None)

    def empty_branch_at(self, pos: QPointF, reach: float = 36.0) -> StepList | None:
        """The empty nested list whose port is within ``reach`` of ``pos``."""
        area = QRectF(pos.x() - reach, pos.y() - reach, 2 * reach, 2 * reach)
        for item in self.items(area):
            step = self.steps.get(getattr(item, "step_id", None))
            if not isinstance(item, BlockItem) or step is None:
                continue
            for k, (_, child) in enumerate(step.child_lists()):
                d = item.port_pos(("branch", step.id, k)) - pos
                if not len(child) and (d.x() ** 2 + d.y() ** 2) ** 0.5 <= reach:
                    return child
        return None

    def open_slot_at(self, pos: QPointF, reach: float = 36.0) -> tuple[Step, OpenSlot] | None:
        """The "+" port nearest to ``pos`` within ``reach`` (twice as far to its right, where a
        dropped block lands), so of two stacked "+" rows the one pointed at wins."""
        area = QRectF(pos.x() - 2 * reach, pos.y() - reach, 3 * reach, 2 * reach)
        best: tuple[float, Step, OpenSlot] | None = None
        for item in self.items(area):
            step = self.steps.get(getattr(item, "step_id", None))
            if not isinstance(item, BlockItem) or step is None:
                continue
            for j, slot in enumerate(open_slots(step, self.doc.nesting(step.method))):
                d = pos - item.port_pos(("slot", step.id, j))
                dx = d.x() / 2 if d.x() > 0 else d.x()
                distance = (dx ** 2 + d.y() ** 2) ** 0.5
                if distance <= reach and (best is None or distance < best[0]):
                    best = (distance, step, slot)
        return (best[1], best[2]) if best is not None else None

    def slot_of(self, ref: PortRef) -> tuple[Step, OpenSlot] | None:
        """The step and open slot a ``("slot", step_id, j)`` port stands for."""
        step = self.steps.get(ref[1]) if ref and ref[0] == "slot" else None
        if step is None:
            return None
        slots = open_slots(step, self.doc.nesting(step.method))
        return (step, slots[ref[2]]) if ref[2] < len(slots) else None

    def tail_near(self, pos: QPointF, reach: float = TAIL_REACH) -> StepList | None:
        """The list whose end is within ``reach`` of ``pos``: a chain's last block, an empty
        section's start node or an empty branch port."""
        area = QRectF(pos.x() - reach, pos.y() - reach, 2 * reach, 2 * reach)
        best, best_d = None, reach + 1
        for item in self.items(area):
            candidates: list[tuple[StepList, float]] = []
            if isinstance(item, BlockItem) and item.step_id in self.steps:
                step = self.steps[item.step_id]
                if step.parent is not None and step.parent[len(step.parent) - 1] is step:
                    candidates.append((step.parent, _distance(item.sceneBoundingRect(), pos, item)))
                for k, (_, child) in enumerate(step.child_lists()):
                    if not len(child):
                        d = (item.port_pos(("branch", step.id, k)) - pos).manhattanLength() * 0.75
                        candidates.append((child, d))
            elif isinstance(item, StartItem):
                section = self.doc.section(item.section_name)
                if section is not None and not len(section.steps):
                    rect = item.mapRectToScene(QRectF(0, 0, 160, 40))
                    candidates.append((section.steps, _rect_distance(rect, pos)))
            for lst, d in candidates:
                if d < best_d:
                    best, best_d = lst, d
        return best if best_d <= reach else None


def _rect_distance(rect: QRectF, pos: QPointF) -> float:
    dx = max(rect.left() - pos.x(), 0.0, pos.x() - rect.right())
    dy = max(rect.top() - pos.y(), 0.0, pos.y() - rect.bottom())
    return (dx * dx + dy * dy) ** 0.5


def _distance(_bounds: QRectF, pos: QPointF, item: BlockItem) -> float:
    return _rect_distance(item.mapRectToScene(item.card_rect()), pos)
