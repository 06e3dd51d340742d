"""Canvas edits as undoable commands: insert, connect, split, delete, paste.

Each public method is one gesture and pushes one macro (inside ``doc.batch()`` so views refresh
once). Commands only call the document API; positions of new blocks are part of the same macro,
and blocks after an insertion point move down to make room.
"""

from __future__ import annotations

import copy
from typing import Any, Iterable

import yaml

from designer.model.text_guard import load_fragment
from PySide6.QtCore import QPointF

from designer.model.branches import OpenSlot, PendingList, creation
from designer.model.steps import Step, StepList, walk_steps
from designer.model.layout import BLOCK_W, H_GAP, START_H, V_GAP, snap, step_height
from designer.ui.canvas.ports import PortRef
from designer.ui.commands import (AddDetachedCommand, GroupCommand, InsertStepCommand, MoveStepCommand,
                                  RemoveDetachedCommand, RemoveStepCommand, SetParamCommand,
                                  SetPositionsCommand)

Pos = tuple[float, float]


class CanvasEdits:
    """Gesture-level edits for one scene (which knows where blocks are drawn)."""

    def __init__(self, scene) -> None:
        self.scene = scene

    @property
    def session(self):
        return self.scene.session

    @property
    def doc(self):
        return self.scene.session.doc

    # ----------------------------------------------------------------- helpers
    def _push(self, cmd: GroupCommand) -> None:
        if cmd.commands:
            self.session.undo_stack.push(cmd)

    def pos_of(self, key: str) -> Pos | None:
        if key in self.doc.positions:
            return self.doc.positions[key]
        item = self.scene.item_for_key(key)
        return (item.pos().x(), item.pos().y()) if item is not None else None

    def new_step(self, method: str) -> Step:
        value = copy.deepcopy(self.session.catalog.method(method).empty_value)
        return Step.from_data({method: value}, self.doc.nesting)

    def list_start(self, target: StepList) -> Pos:
        """Where the first block of ``target`` goes."""
        owner = target.owner
        if isinstance(owner, Step):
            x, y = self.pos_of(owner.id) or (0.0, 0.0)
            # A column of its own, right of the owner's other branches: a first "case 2" block
            # must not land on top of case 1's chain.
            column = x + BLOCK_W + H_GAP
            for _, other in owner.child_lists():
                if other is target:
                    continue
                for s in walk_steps(other):
                    pos = self.pos_of(s.id)
                    if pos is not None:
                        column = max(column, pos[0] + BLOCK_W + H_GAP)
            return (column, snap(y + step_height(owner, self.doc.nesting) + V_GAP))
        if owner is not None and hasattr(owner, "name"):
            x, y = self.pos_of(f"section:{owner.name}") or (0.0, 0.0)
            return (x - (BLOCK_W - 160) / 2, y + START_H + V_GAP)
        return (0.0, 0.0)

    def slot(self, target: StepList, index: int) -> Pos:
        """Where a block inserted at ``index`` of ``target`` goes."""
        if index < len(target):
            pos = self.pos_of(target[index].id)
            if pos is not None:
                return pos
        if index > 0:
            prev = target[index - 1]
            x, y = self.pos_of(prev.id) or (0.0, 0.0)
            return (x, snap(y + step_height(prev, self.doc.nesting) + V_GAP))
        return self.list_start(target)

    def _make_room(self, target: StepList, index: int, dy: float, parent: GroupCommand) -> None:
        """Move the blocks from ``index`` on (with their nested blocks) down by ``dy``."""
        moved: dict[str, Pos] = {}
        for step in target.steps[index:]:
            for s in [step, *[n for _, c in step.child_lists() for n in walk_steps(c)]]:
                pos = self.pos_of(s.id)
                if pos is not None:
                    moved[s.id] = (pos[0], pos[1] + dy)
        if moved:
            parent.add(SetPositionsCommand(self.doc, moved))

    def target_of(self, ref: PortRef) -> tuple[StepList, int] | None:
        """The list and index a block connected to output port ``ref`` goes to."""
        if ref[0] == "start":
            section = self.doc.section(ref[1])
            return (section.steps, 0) if section else None
        step = self.scene.steps.get(ref[1])
        if step is None or step.parent is None:
            return None
        if ref[0] == "out":
            return step.parent, step.parent.index(step) + 1
        if ref[0] == "slot":  # a branch it does not have yet: created by the edit that fills it
            found = self.scene.slot_of(ref)
            return (PendingList(*found), 0) if found is not None else None
        children = step.child_lists()
        return (children[ref[2]][1], 0) if ref[2] < len(children) else None

    # ----------------------------------------------------------------- inserting
    def insert_method(self, method: str, target: StepList, index: int, text: str | None = None,
                      at: Pos | None = None) -> Step:
        """A new block of ``method`` at ``index`` of ``target``; later blocks make room (unless
        it is placed ``at`` a point the user chose)."""
        step = self.new_step(method)
        cmd = GroupCommand(text or f"Add {method}", doc=self.doc)
        self._open_pending(target, cmd)
        if at is not None:
            pos = (snap(at[0]), snap(at[1]))
        else:
            pos = self.slot(target, index)
            self._make_room(target, index, step_height(step, self.doc.nesting) + V_GAP, cmd)
        cmd.add(InsertStepCommand(self.doc, target, index, step))
        cmd.add(SetPositionsCommand(self.doc, {step.id: pos}))
        self._push(cmd)
        return step

    def new_chain(self, method: str, pos: QPointF) -> Step:
        """A new unconnected block at ``pos`` (its own detached chain)."""
        step = self.new_step(method)
        cmd = GroupCommand(f"Add {method}", doc=self.doc)
        cmd.add(AddDetachedCommand(self.doc, StepList([step])))
        cmd.add(SetPositionsCommand(self.doc, {step.id: (snap(pos.x()), snap(pos.y()))}))
        self._push(cmd)
        return step

    def append_method(self, method: str, after: Step | None) -> Step | None:
        """Palette double-click: after ``after``, else at the end of ``main`` (or the first section)."""
        if after is not None and after.parent is not None:
            return self.insert_method(method, after.parent, after.parent.index(after) + 1)
        section = self.doc.section("main") or (self.doc.sections[0] if self.doc.sections else None)
        if section is None:
            return None
        return self.insert_method(method, section.steps, len(section.steps))

    def insert_into_slot(self, method: str, owner: Step, slot: OpenSlot) -> Step:
        """A new block of ``method`` as the first of a branch ``owner`` does not have yet
        (``switch`` otherwise, ``connect`` if nobody answered...): one undo step."""
        return self.insert_method(method, PendingList(owner, slot), 0)

    def _open_pending(self, target: StepList, cmd: GroupCommand) -> None:
        """If ``target`` is an open slot's list, add the param change creating it to ``cmd``."""
        if isinstance(target, PendingList) and target.is_open():
            owner, slot = target.owner, target.slot
            path, value, _ = creation(owner, slot, self.doc.nesting(owner.method), target)
            cmd.add(SetParamCommand(self.doc, owner, path, value, text=f"Add {slot.label[2:]}"))

    # ----------------------------------------------------------------- connecting
    def connect(self, source: PortRef, target_id: str) -> bool:
        """Splice the target block and the blocks after it in its list right after ``source``.

        From a ``("slot", ...)`` port the branch is created in the same undo step."""
        place = self.target_of(source)
        step = self.scene.steps.get(target_id)
        if place is None or step is None or step.parent is None:
            return False
        target, index = place
        moving = step.parent.steps[step.parent.index(step):]
        if step.parent is target and step.parent.index(step) == index:
            return False  # already connected there
        inside = {s.id for m in moving for s in [m, *[n for _, c in m.child_lists() for n in walk_steps(c)]]}
        owner = target.owner
        while isinstance(owner, Step):  # no block may move into its own branch or before itself
            if owner.id in inside:
                return False
            owner = owner.parent.owner if owner.parent else None
        if step.parent is target and step.parent.index(step) < index:
            return False
        source_list = step.parent
        cmd = GroupCommand("Connect blocks", doc=self.doc)
        self._open_pending(target, cmd)
        for offset, s in enumerate(moving):
            cmd.add(MoveStepCommand(self.doc, s, target, index + offset))
        if len(moving) == len(source_list) and any(c is source_list for c in self.doc.detached):
            cmd.add(RemoveDetachedCommand(self.doc, source_list))
        self._push(cmd)
        return True

    def split_before(self, step_ids: Iterable[str], text: str = "Disconnect blocks") -> bool:
        """Cut the link into each step: it and the steps after it become a detached chain."""
        cmd = GroupCommand(text, doc=self.doc)
        for step_id in step_ids:
            step = self.scene.steps.get(step_id)
            if step is None or step.parent is None:
                continue
            lst = step.parent
            start = lst.index(step)
            if start == 0 and any(c is lst for c in self.doc.detached):
                continue  # already the head of an unconnected chain
            chain = StepList()
            cmd.add(AddDetachedCommand(self.doc, chain))
            for offset, s in enumerate(lst.steps[start:]):
                cmd.add(MoveStepCommand(self.doc, s, chain, offset))
        self._push(cmd)
        return bool(cmd.commands)

    # ----------------------------------------------------------------- deleting
    def delete_steps(self, step_ids: Iterable[str]) -> bool:
        """Remove blocks (with their nested blocks); emptied detached chains go too."""
        chosen = [self.scene.steps[i] for i in step_ids if i in self.scene.steps]
        ids = {s.id for s in chosen}
        top = [s for s in chosen if not _has_ancestor(s, ids)]
        if not top:
            return False
        cmd = GroupCommand(f"Delete {top[0].method}" if len(top) == 1 else f"Delete {len(top)} blocks", doc=self.doc)
        by_list: dict[int, tuple[StepList, list[Step]]] = {}
        for s in top:
            by_list.setdefault(id(s.parent), (s.parent, []))[1].append(s)
        for lst, steps in by_list.values():
            for s in sorted(steps, key=lst.index, reverse=True):
                cmd.add(RemoveStepCommand(self.doc, s))
            if len(steps) == len(lst) and any(c is lst for c in self.doc.detached):
                cmd.add(RemoveDetachedCommand(self.doc, lst))
        self._push(cmd)
        return True

    # ----------------------------------------------------------------- clipboard
    def copy_text(self, step_ids: Iterable[str]) -> str:
        """SWML YAML of the chosen steps (document order, nested steps inside their parent)."""
        ids = set(step_ids)
        steps = [s for s in self.doc.walk() if s.id in ids and not _has_ancestor(s, ids)]
        if not steps:
            return ""
        return yaml.safe_dump([s.to_data() for s in steps], sort_keys=False, allow_unicode=True,
                              default_flow_style=False)

    def paste_items(self, items: list[Any], after: Step | None, pos: QPointF | None,
                    text: str = "Paste blocks") -> list[str]:
        """Insert plain SWML steps after ``after``, else as a new detached chain at ``pos``."""
        steps = [Step.from_data(copy.deepcopy(item), self.doc.nesting) for item in items]
        if not steps:
            return []
        cmd = GroupCommand(text, doc=self.doc)
        positions: dict[str, Pos] = {}
        if after is not None and after.parent is not None:
            lst, index = after.parent, after.parent.index(after) + 1
            x, y = self.slot(lst, index)
            height = sum(step_height(s, self.doc.nesting) + V_GAP for s in steps)
            self._make_room(lst, index, height, cmd)
            for offset, s in enumerate(steps):
                cmd.add(InsertStepCommand(self.doc, lst, index + offset, s))
                positions[s.id] = (x, y)
                y = snap(y + step_height(s, self.doc.nesting) + V_GAP)
        else:
            cmd.add(AddDetachedCommand(self.doc, StepList(steps)))
            x, y = (snap(pos.x()), snap(pos.y())) if pos is not None else (0.0, 0.0)
            for s in steps:
                positions[s.id] = (x, y)
                y = snap(y + step_height(s, self.doc.nesting) + V_GAP)
        cmd.add(SetPositionsCommand(self.doc, positions))
        self._push(cmd)
        return [s.id for s in steps]


def parse_clipboard(text: str, known_methods: Iterable[str] = ()) -> list[Any] | None:
    """Steps from clipboard text: a YAML list of steps, one ``method: {...}`` mapping, or a whole
    SWML document (its first section). ``None`` when the text is not SWML steps.

    Raises ``ParseError`` for text over the limits (an alias bomb would freeze the window)."""
    try:
        data = load_fragment(text)
    except yaml.YAMLError:
        return None
    if isinstance(data, dict) and isinstance(data.get("sections"), dict):
        bodies = [b for b in data["sections"].values() if isinstance(b, list)]
        data = bodies[0] if bodies else None
    elif isinstance(data, dict) and len(data) == 1:
        data = [data]
    elif isinstance(data, str) and data in set(known_methods):
        data = [data]
    if not isinstance(data, list) or not data:
        return None
    ok = all((isinstance(i, dict) and len(i) == 1 and isinstance(next(iter(i)), str)) or isinstance(i, str)
             for i in data)
    return data if ok else None


def _has_ancestor(step: Step, ids: set[str]) -> bool:
    owner = step.parent.owner if step.parent else None
    while isinstance(owner, Step):
        if owner.id in ids:
            return True
        owner = owner.parent.owner if owner.parent else None
    return False
