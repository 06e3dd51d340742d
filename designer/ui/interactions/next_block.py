"""Pick the next block from a search box: after a link dropped on empty canvas, or Ctrl+K.

Why: "drag from a port into blank space" is how node editors ask for the next block; before,
it did nothing. The box opens where the link was let go; the chosen block is added there and
connected to the port the link came from, as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF

from designer.model.branches import open_slots
from designer.model.layout import BLOCK_W
from designer.model.titles import block_title
from designer.ui.canvas.block_search import BlockSearch
from designer.ui.canvas.ports import PortRef


def _where(view, source: PortRef) -> str:
    kind = source[0]
    if kind == "start":
        return f"first block of {source[1]}"
    step = view.flow_scene.steps.get(source[1])
    if step is None:
        return "next block"
    if kind == "slot":
        found = view.flow_scene.slot_of(source)
        return f"first block of {found[1].label.lstrip('+ ')}" if found is not None else "next block"
    if kind == "branch":
        item = view.flow_scene.blocks.get(step.id)
        branches = item.look.branches if item is not None else ()
        label = branches[source[2]] if source[2] < len(branches) else "this branch"
        return f"first block of {label}"
    return f"block after \u201c{block_title(step.method)}\u201d"


def ask_next_block(view, source: PortRef, scene_pos: QPointF | None = None,
                   places: list[PortRef] | None = None) -> BlockSearch:
    """Open the search box for the block to connect to ``source``; at ``scene_pos`` it stands
    where the search opened, else in its usual place in the chain. With ``places`` (Ctrl+K on a
    block with branches) the box also offers where the block goes: after it or into a branch."""
    places = places or [source]
    # Parented to the window, not the canvas: the canvas-only keys (Enter edits a block) must not
    # reach the search line inside it.
    search = BlockSearch(view.session.catalog, f"Add the {_where(view, source)}:", view.window(),
                         places=[f"As the {_where(view, p)}" for p in places])
    view.block_search = search

    def chosen(method: str) -> None:
        view.block_search = None
        where = places[search.place_index()] if len(places) > 1 else source
        place = view.edits.target_of(where)
        if place is None:
            return
        steps, index = place
        # At the end of a chain it stands where the link was let go; into the middle of one it
        # takes its place in the chain (the blocks after it move down), so the chain stays straight.
        at = (scene_pos.x() - BLOCK_W / 2, scene_pos.y()) if scene_pos is not None and index >= len(steps) else None
        step = view.edits.insert_method(method, steps, index, at=at)
        view.session.select([step.id])
        view.reveal(step.id)
        view.setFocus()

    def dismissed() -> None:
        view.block_search = None
        view.setFocus()

    search.chosen.connect(chosen)
    search.dismissed.connect(dismissed)
    anchor = scene_pos if scene_pos is not None else view.flow_scene.port_pos(source)
    point = view.mapFromScene(anchor) if anchor is not None else view.viewport().rect().center()
    search.open_at(view.viewport().mapToGlobal(point))
    return search


def source_for_selection(view) -> PortRef | None:
    """Where Ctrl+K adds a block: after the selected block, else at the end of ``main``."""
    step = view.session.selected_step()
    if step is not None and step.parent is not None:
        return ("out", step.id)
    doc = view.session.doc
    section = doc.section("main") or (doc.sections[0] if doc.sections else None)
    if section is None:
        return None
    if len(section.steps):
        return ("out", section.steps[len(section.steps) - 1].id)
    return ("start", section.name)


def places_for(view, source: PortRef) -> list[PortRef]:
    """After the block, then each empty branch and each branch it can still get ("+ otherwise"):
    the keyboard's way into a branch, where the mouse would drop on a port."""
    out = [source]
    step = view.flow_scene.steps.get(source[1]) if source[0] == "out" else None
    if step is None:
        return out
    for k, (_path, child) in enumerate(step.child_lists()):
        if not len(child):
            out.append(("branch", step.id, k))
    slots = open_slots(step, view.session.doc.nesting(step.method))
    out += [("slot", step.id, j) for j in range(len(slots))]
    return out


def add_block_by_search(view) -> BlockSearch | None:
    """Flow > Add Block (Ctrl+K): the search box for the block after the selection."""
    source = source_for_selection(view)
    return ask_next_block(view, source, places=places_for(view, source)) if source is not None else None
