"""Undoable edits: every change the UI makes to the document is one of these ``Command``s.

Commands call the :class:`~designer.model.document.Document` API only; they never touch
graphics items or widgets (views follow the model's events). Repeated edits of one field (typing,
dragging a slider) merge into a single undo step through ``id()``/``mergeWith()``.
"""

from __future__ import annotations

import contextlib
from typing import Any

from designer.model.document import Document, Section, key_index
from designer.model.steps import MISSING, ParamPath, Step, StepList, copy_value
from designer.ui.undo import Command

_SET_PARAM_ID = 1001


class InsertStepCommand(Command):
    """Insert a new (or previously removed) step into a list."""

    def __init__(self, doc: Document, step_list: StepList, index: int, step: Step,
                 text: str | None = None) -> None:
        super().__init__(text or f"Add {step.method or 'block'}")
        self.doc, self.step_list, self.index, self.step = doc, step_list, index, step

    def redo(self) -> None:
        self.doc.insert_step(self.step_list, self.index, self.step)
        self.index = self.step_list.index(self.step)

    def undo(self) -> None:
        self.doc.remove_step(self.step)


class RemoveStepCommand(Command):
    """Remove a step (with its nested steps); undo puts it back at the same index."""

    def __init__(self, doc: Document, step: Step) -> None:
        super().__init__(f"Delete {step.method or 'block'}")
        self.doc, self.step = doc, step
        self.place: tuple[StepList, int] | None = None

    def redo(self) -> None:
        self.place = self.doc.remove_step(self.step)

    def undo(self) -> None:
        assert self.place is not None
        step_list, index = self.place
        self.doc.insert_step(step_list, index, self.step)


class MoveStepCommand(Command):
    """Move a step to another place (same list, another list, a detached chain)."""

    def __init__(self, doc: Document, step: Step, target: StepList, index: int) -> None:
        super().__init__(f"Move {step.method or 'block'}")
        self.doc, self.step, self.target, self.index = doc, step, target, index
        self.old: tuple[StepList, int] | None = None

    def redo(self) -> None:
        self.old = self.doc.move_step(self.step, self.target, self.index)

    def undo(self) -> None:
        assert self.old is not None
        self.doc.move_step(self.step, *self.old)


class SetParamCommand(Command):
    """Set one param (or, with ``value=MISSING``, remove it so the default applies).

    Consecutive commands on the same step and path merge: a slider drag or a run of typing is
    one undo step. Call :meth:`close` (or push any other command) to end a run.
    """

    def __init__(self, doc: Document, step: Step, path: ParamPath, value: Any,
                 text: str | None = None) -> None:
        name = ".".join(str(p) for p in path) or step.method
        super().__init__(text or f"Change {name}")
        self.doc, self.step, self.path = doc, step, tuple(path)
        self.old = copy_value(step.get(self.path)) if step.has(self.path) else MISSING
        self.old_index = key_index(step.params, self.path)  # undo puts the key back exactly here
        self.new_index: int | None = None
        self.old_form = step.form
        self.new = value
        self.open = True

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _SET_PARAM_ID

    def mergeWith(self, other: Command) -> bool:  # noqa: N802 - Qt's name
        if not (isinstance(other, SetParamCommand) and self.open and other.step is self.step
                and other.path == self.path):
            return False
        self.new, self.new_index = other.new, other.new_index
        return True

    def close(self) -> None:
        """End the merge run, so that the next edit of this field is its own undo step."""
        self.open = False

    def redo(self) -> None:
        _apply(self.doc, self.step, self.path, self.new, self.new_index)
        self.new_index = key_index(self.step.params, self.path)  # a redo after undo goes here again

    def undo(self) -> None:
        _apply(self.doc, self.step, self.path, self.old, self.old_index)
        self.step.form = self.old_form


def _apply(doc: Document, step: Step, path: ParamPath, value: Any, index: int | None = None) -> None:
    if value is MISSING:
        doc.unset_param(step, path)
    else:
        doc.set_param(step, path, value, index)


class SetMethodCommand(Command):
    """Rename a step's method (e.g. fix ``- answer`` written as a bare string)."""

    def __init__(self, doc: Document, step: Step, method: str, form: str = "method") -> None:
        super().__init__(f"Change method to {method}")
        self.doc, self.step, self.new = doc, step, (method, form)
        self.old = (step.method, step.form)

    def redo(self) -> None:
        self.doc.set_method(self.step, *self.new)

    def undo(self) -> None:
        self.doc.set_method(self.step, *self.old)


class AddSectionCommand(Command):
    """Add a section (a new start node on the canvas)."""

    def __init__(self, doc: Document, section: Section, index: int | None = None) -> None:
        super().__init__(f"Add section {section.name}")
        self.doc, self.section, self.index = doc, section, index

    def redo(self) -> None:
        self.doc.add_section(self.section, self.index)

    def undo(self) -> None:
        self.index = self.doc.remove_section(self.section)


class RemoveSectionCommand(Command):
    """Remove a section with all its steps; undo restores it at the same position."""

    def __init__(self, doc: Document, section: Section) -> None:
        super().__init__(f"Delete section {section.name}")
        self.doc, self.section, self.index = doc, section, 0

    def redo(self) -> None:
        self.index = self.doc.remove_section(self.section)

    def undo(self) -> None:
        self.doc.add_section(self.section, self.index)


class RenameSectionCommand(Command):
    """Rename a section."""

    def __init__(self, doc: Document, section: Section, name: str) -> None:
        super().__init__(f"Rename section to {name}")
        self.doc, self.section, self.new, self.old = doc, section, name, section.name

    def redo(self) -> None:
        self.doc.rename_section(self.section, self.new)

    def undo(self) -> None:
        self.doc.rename_section(self.section, self.old)


class AddDetachedCommand(Command):
    """Keep a chain of blocks that is not connected to any section."""

    def __init__(self, doc: Document, chain: StepList) -> None:
        super().__init__("Add unconnected blocks")
        self.doc, self.chain, self.index = doc, chain, None

    def redo(self) -> None:
        self.doc.add_detached(self.chain, self.index)

    def undo(self) -> None:
        self.index = self.doc.remove_detached(self.chain)


class RemoveDetachedCommand(Command):
    """Drop an (empty or unwanted) unconnected chain."""

    def __init__(self, doc: Document, chain: StepList) -> None:
        super().__init__("Remove unconnected blocks")
        self.doc, self.chain, self.index = doc, chain, 0

    def redo(self) -> None:
        self.index = self.doc.remove_detached(self.chain)

    def undo(self) -> None:
        self.doc.add_detached(self.chain, self.index)


class GroupCommand(Command):
    """Several commands as one undo step: run in order on redo, in reverse on undo.

    With ``doc`` given, each redo/undo runs inside ``doc.batch()``, so the preview and problems
    refresh once per undo step, not once per child.
    """

    def __init__(self, text: str, children: list[Command] | None = None,
                 doc: Document | None = None) -> None:
        super().__init__(text)
        self.commands: list[Command] = list(children or [])
        self.doc = doc

    def add(self, command: Command) -> Command:
        """Append a child command (before the group is pushed); returns it."""
        self.commands.append(command)
        return command

    def redo(self) -> None:
        with self._batch():
            for command in self.commands:
                command.redo()

    def undo(self) -> None:
        with self._batch():
            for command in reversed(self.commands):
                command.undo()

    def _batch(self):
        return self.doc.batch() if self.doc is not None else contextlib.nullcontext()


class SetPositionsCommand(Command):
    """Move blocks on the canvas (a finished drag, or auto-layout): one undo step."""

    def __init__(self, doc: Document, positions: dict[str, tuple[float, float]], text: str = "Move blocks") -> None:
        super().__init__(text)
        self.doc = doc
        self.new = dict(positions)
        self.old = {key: doc.positions.get(key) for key in positions}

    def redo(self) -> None:
        self.doc.set_positions(self.new)

    def undo(self) -> None:
        self.doc.set_positions(self.old)
