"""Keyboard navigation over the flow: which block an arrow key goes to, and where Alt+arrow moves it.

The rules are plain functions over the document, easy to read and test: Up/Down walk a chain,
Right enters a block's first non-empty branch, Left returns to the block that holds the branch.
:func:`arrow_key` applies them for the canvas view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designer.model.document import Document
from designer.model.steps import Step
from designer.ui.commands import GroupCommand, MoveStepCommand, SetPositionsCommand

if TYPE_CHECKING:
    from designer.ui.canvas.view import FlowView


def neighbour(doc: Document, step: Step | None, key: str) -> Step | None:
    """The block ``key`` (``"up"``, ``"down"``, ``"left"``, ``"right"``) goes to from ``step``.

    With nothing selected, any arrow goes to the first block of ``main`` (or of the first
    section that has one).
    """
    if step is None or step.parent is None:
        return next((s.steps[0] for s in doc.sections if len(s.steps)), None)
    siblings = step.parent
    index = siblings.index(step)
    if key == "up":
        return siblings[index - 1] if index > 0 else None
    if key == "down":
        return siblings[index + 1] if index + 1 < len(siblings) else None
    if key == "right":
        return next((lst[0] for _, lst in step.child_lists() if len(lst)), None)
    if key == "left":
        owner = siblings.owner
        return owner if isinstance(owner, Step) else None
    return None


def moved_index(step: Step, key: str) -> int | None:
    """Where Alt+Up/Alt+Down moves ``step`` in its own list, or ``None`` at either end."""
    if step.parent is None:
        return None
    index = step.parent.index(step)
    if key == "up" and index > 0:
        return index - 1
    if key == "down" and index + 1 < len(step.parent):
        return index + 1
    return None


def arrow_key(view: "FlowView", key: str, move: bool) -> None:
    """Select the neighbouring block, or (``move``) move the selected block one place, as one
    undo step; the two blocks also swap places on the canvas so the chain stays tidy."""
    session = view.session
    step = session.selected_step()
    if not move:
        target = neighbour(session.doc, step, key)
        if target is not None:
            session.select([target.id])
            view.reveal(target.id)
        return
    index = moved_index(step, key) if step is not None else None
    if index is None:
        return
    doc, other = session.doc, step.parent[index]
    children = [MoveStepCommand(doc, step, step.parent, index)]
    here, there = doc.positions.get(step.id), doc.positions.get(other.id)
    if here is not None and there is not None:
        children.append(SetPositionsCommand(doc, {step.id: there, other.id: here}))
    session.undo_stack.push(GroupCommand(f"Move {step.method} {key}", children, doc))
