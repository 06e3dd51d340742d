"""The flow document: the one source of truth that canvas, inspector, preview and problems show.

A :class:`Document` holds the top-level keys of a SWML script (``version``, ``sections`` and any
unknown key, kept as it is) and an ordered list of :class:`Section`. A section's body is a
:class:`StepList`; a :class:`Step` is one SWML method call. Methods that hold nested method lists
(``switch`` cases, ``cond`` branches, ``connect`` results...) keep them *inside their params*, as
:class:`StepList` objects standing where the plain lists stood, so key order is kept for free and
the UI can address a branch as an object.

Every mutation goes through a ``Document`` method, which fires a fine-grained event
(``step_inserted``...) and then ``changed``. Views subscribe; they never mutate the model directly
(the UI does it through undoable commands that call these methods).
"""

from __future__ import annotations

import copy
from contextlib import contextmanager
from typing import Any, Iterator

from designer.model.events import Event
from designer.model.steps import (
    MISSING, NestingRules, ParamPath, Step, StepList, copy_value, has_key, iter_step_lists, lookup,
    no_nesting, walk_steps,
)

#: Names other modules import from here: the document's API speaks of steps and their params.
__all__ = ["Document", "Section", "Step", "StepList", "MISSING", "ParamPath", "NestingRules",
           "copy_value", "walk_steps", "no_nesting"]

_MISSING = MISSING


class Section:
    """A named list of steps under ``sections``; ``main`` is where a call starts."""

    def __init__(self, name: str, steps: StepList | None = None) -> None:
        self.name = name
        self.steps = steps if steps is not None else StepList()
        self.steps.owner = self
        #: A body that is not a list (invalid SWML), kept verbatim until the user replaces it.
        self.raw_body: Any = _MISSING

    def __repr__(self) -> str:
        return f"Section({self.name!r}, {len(self.steps)} steps)"


class Document:
    """A SWML script being edited, with change events for the views.

    ``top_level`` keeps every top-level key in file order; the value under ``"sections"`` is
    ignored there (the sections live in :attr:`sections`). ``detached`` holds chains of blocks
    the user has not connected to any section: SWML has no place for them, so they are never
    exported but are kept in the layout file beside the script.
    """

    def __init__(self, nesting: NestingRules = no_nesting) -> None:
        self.nesting = nesting
        self.top_level: dict[str, Any] = {"version": "1.0.0", "sections": None}
        self.sections: list[Section] = []
        self.detached: list[StepList] = []
        self._ids: dict[str, Step] = {}  # find_step's index, see there
        #: Set by the loader: where the document came from, to save it back losslessly.
        self.source: Any = None
        #: Canvas positions, by step id or ``"section:<name>"`` for a section's start node.
        #: Layout only: never exported to SWML; kept in the layout file beside the script.
        self.positions: dict[str, tuple[float, float]] = {}

        self.step_inserted = Event("(step_list, index, step) after a step was inserted")
        self.step_removed = Event("(step_list, index, step) after a step was removed")
        self.param_changed = Event("(step, path) after a param was set or unset")
        self.section_added = Event("(section, index) after a section was added")
        self.section_removed = Event("(section, index) after a section was removed")
        self.section_renamed = Event("(section, old_name) after a section was renamed")
        self.detached_changed = Event("() after a detached chain was added or removed")
        self.top_level_changed = Event("(key) after a top-level key such as version changed")
        self.positions_changed = Event("(keys) after canvas positions were set (layout only)")
        self.changed = Event("() once after any mutation or batch of mutations")
        self._batch_depth = 0
        self._batch_dirty = False
        #: Where a removed param key stood and the keys left after it, by (step id, path):
        #: setting it again while those keys are unchanged puts it back there, so retyping a
        #: cleared field keeps the key order (and the saved file unchanged).
        self._removed_at: dict[tuple[str, tuple], tuple[int, tuple]] = {}

    # ----------------------------------------------------------------- construction
    @classmethod
    def new(cls, nesting: NestingRules = no_nesting) -> "Document":
        """An empty flow: ``version: 1.0.0`` and an empty ``main`` section."""
        doc = cls(nesting)
        doc.sections.append(Section("main"))
        return doc

    @classmethod
    def from_data(cls, data: Any, nesting: NestingRules = no_nesting) -> "Document":
        """Build a document from plain SWML data (as a YAML or JSON parser returns it).

        Anything that is not a well-formed document is kept rather than dropped: a non-mapping
        ``sections`` stays in ``top_level`` and validation reports it.
        """
        doc = cls(nesting)
        doc.top_level = dict(data) if isinstance(data, dict) else {}
        sections = doc.top_level.get("sections")
        if isinstance(sections, dict):
            doc.top_level["sections"] = None
            for name, body in sections.items():
                items = body if isinstance(body, list) else []
                section = Section(str(name), StepList([Step.from_data(i, nesting) for i in items]))
                if not isinstance(body, list):
                    section.raw_body = copy.deepcopy(body)
                doc.sections.append(section)
        return doc

    def to_data(self) -> dict[str, Any]:
        """The plain SWML data for this document, keys in their original order."""
        data: dict[str, Any] = {}
        for key, value in self.top_level.items():
            if key == "sections" and value is None:
                data[key] = {
                    s.name: s.steps.to_data() if s.raw_body is _MISSING else copy.deepcopy(s.raw_body)
                    for s in self.sections
                }
            else:
                data[key] = copy.deepcopy(value)
        return data

    # ----------------------------------------------------------------- queries
    def section(self, name: str) -> Section | None:
        """The section called ``name``, or ``None``."""
        return next((s for s in self.sections if s.name == name), None)

    def walk(self) -> Iterator[Step]:
        """Every step in document order, nested steps right after their parent; detached last."""
        for section in self.sections:
            yield from walk_steps(section.steps)
        for chain in self.detached:
            yield from walk_steps(chain)

    def find_step(self, step_id: str) -> Step | None:
        """The step with ``step_id`` anywhere in the document, or ``None``.

        Looked up in an index of ids beside the model (the problems list, the canvas and the
        inspector ask once per problem after every edit; a walk each time made that quadratic).
        The index is never trusted blindly: a hit is checked to still belong to this document
        (a walk up its parents), and a miss or a stale hit rebuilds it from the model.
        """
        step = self._ids.get(step_id)
        if step is None or not self._holds(step):
            self._ids = {s.id: s for s in self.walk()}
            step = self._ids.get(step_id)
        return step

    def _holds(self, step: Step) -> bool:
        """Whether ``step`` is in one of this document's sections or detached chains now."""
        while True:
            parent = step.parent
            if parent is None:
                return False
            owner = parent.owner
            if isinstance(owner, Step):
                step = owner
                continue
            if isinstance(owner, Section):
                return any(s is owner for s in self.sections)
            return any(chain is parent for chain in self.detached)

    def section_of(self, step: Step) -> Section | None:
        """The section a step belongs to, through any nesting; ``None`` when detached."""
        owner: Any = step.parent.owner if step.parent else None
        while isinstance(owner, Step):
            owner = owner.parent.owner if owner.parent else None
        return owner if isinstance(owner, Section) else None

    def data_path(self, step: Step) -> tuple[Any, ...] | None:
        """The JSON path of ``step`` in :meth:`to_data` (``("sections", "main", 0)``...).

        ``None`` for detached steps, which are not part of the exported SWML.
        """
        parts: list[Any] = []
        current: Step = step
        while True:
            parent = current.parent
            if parent is None:
                return None
            parts.insert(0, parent.index(current))
            owner = parent.owner
            if isinstance(owner, Section):
                return ("sections", owner.name, *parts)
            if not isinstance(owner, Step):
                return None
            path = next(p for p, lst in owner.child_lists() if lst is parent)
            parts[0:0] = list(path)
            if owner.form == "method":
                parts.insert(0, owner.method)
            current = owner

    # ----------------------------------------------------------------- batching
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Fire ``changed`` once at the end of a group of mutations (one undo macro, one preview)."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._batch_dirty:
                self._batch_dirty = False
                self.changed.emit()

    def _changed(self) -> None:
        if self._batch_depth:
            self._batch_dirty = True
        else:
            self.changed.emit()

    # ----------------------------------------------------------------- step mutations
    def insert_step(self, step_list: StepList, index: int, step: Step) -> None:
        """Insert ``step`` (not in any list) at ``index`` of ``step_list``."""
        if step.parent is not None:
            raise ValueError(f"step {step.id} is already in list {step.parent.id}")
        index = max(0, min(index, len(step_list)))
        step_list._attach(step, index)
        self.step_inserted.emit(step_list, index, step)
        self._changed()

    def remove_step(self, step: Step) -> tuple[StepList, int]:
        """Take ``step`` out of its list; returns where it was, for undo."""
        step_list = step.parent
        if step_list is None:
            raise ValueError(f"step {step.id} is not in a list")
        index = step_list.index(step)
        del step_list.steps[index]
        step.parent = None
        self.step_removed.emit(step_list, index, step)
        self._changed()
        return step_list, index

    def move_step(self, step: Step, target: StepList, index: int) -> tuple[StepList, int]:
        """Move ``step`` to ``index`` of ``target`` (index counted after removal); returns the old place."""
        with self.batch():
            old = self.remove_step(step)
            self.insert_step(target, index, step)
        return old

    # ----------------------------------------------------------------- params
    def set_param(self, step: Step, path: ParamPath, value: Any, index: int | None = None) -> None:
        """Set the param at ``path`` (``()`` replaces the whole value), creating parent mappings.

        A key that is not there yet goes at ``index`` of its mapping when given (undo puts a
        removed key back where it was), else where it was last removed from if nothing else
        changed in that mapping since (retyping a cleared field), else last.
        """
        value = copy_value(value)
        if not path:
            step._set_params(value)
        else:
            if not isinstance(step.params, (dict, list)):
                step.params = {}
            container = step.params
            for key in path[:-1]:
                nxt = container[key] if has_key(container, key) else _MISSING
                if not isinstance(nxt, (dict, list)):
                    nxt = {}
                    container[key] = nxt
                container = nxt
            removed = self._removed_at.pop((step.id, tuple(path)), None)
            if index is None and removed is not None and isinstance(container, dict) \
                    and tuple(container) == removed[1]:
                index = removed[0]
            if isinstance(container, dict) and path[-1] not in container and index is not None:
                _insert_at(container, index, path[-1], value)
            else:
                container[path[-1]] = value
            for _, child in iter_step_lists(value, ()):
                child.owner = step
            if isinstance(value, StepList):
                value.owner = step
        if step.form == "bare" and path:
            step.form = "method"
        self.param_changed.emit(step, path)
        self._changed()

    def unset_param(self, step: Step, path: ParamPath) -> None:
        """Remove the key at ``path``; the method keeps its (possibly empty) mapping."""
        if not path:
            step._set_params({})
        else:
            container = lookup(step.params, path[:-1])
            if container is _MISSING or not has_key(container, path[-1]):
                return
            place = list(container).index(path[-1]) if isinstance(container, dict) else None
            del container[path[-1]]
            if place is not None:  # retyping a cleared field puts it back here, see set_param
                self._removed_at[(step.id, tuple(path))] = (place, tuple(container))
        self.param_changed.emit(step, path)
        self._changed()

    def set_method(self, step: Step, method: str, form: str = "method") -> None:
        """Rename a step's method (fixing an unknown or bare method); params are kept."""
        step.method = method
        step.form = form
        self.param_changed.emit(step, ())
        self._changed()

    # ----------------------------------------------------------------- sections
    def add_section(self, section: Section, index: int | None = None) -> None:
        """Add a section (its name must be new) at ``index`` (default: last)."""
        if self.section(section.name) is not None:
            raise ValueError(f"a section called {section.name!r} exists already")
        index = len(self.sections) if index is None else index
        self.sections.insert(index, section)
        self.section_added.emit(section, index)
        self._changed()

    def remove_section(self, section: Section) -> int:
        """Remove a section with its steps; returns its index, for undo."""
        index = self.sections.index(section)
        del self.sections[index]
        self.section_removed.emit(section, index)
        self._changed()
        return index

    def rename_section(self, section: Section, name: str) -> None:
        """Rename a section (its start node keeps its place); ``execute``/``transfer``
        destinations are not rewritten here (see :func:`designer.model.sections.jumps_to`)."""
        if name != section.name and self.section(name) is not None:
            raise ValueError(f"a section called {name!r} exists already")
        old, section.name = section.name, name
        if f"section:{old}" in self.positions:
            self.positions[f"section:{name}"] = self.positions.pop(f"section:{old}")
        self.section_renamed.emit(section, old)
        self._changed()

    def set_top_level(self, key: str, value: Any = _MISSING) -> None:
        """Set (or, with no value, remove) a top-level key other than ``sections``."""
        if value is _MISSING:
            self.top_level.pop(key, None)
        else:
            self.top_level[key] = copy.deepcopy(value)
        self.top_level_changed.emit(key)
        self._changed()

    # ----------------------------------------------------------------- layout
    def set_positions(self, positions: dict[str, tuple[float, float] | None]) -> None:
        """Set canvas positions (``None`` forgets one). Fires ``positions_changed`` only: moving a
        block changes no SWML, so the preview and validation are not redone."""
        for key, pos in positions.items():
            if pos is None:
                self.positions.pop(key, None)
            else:
                self.positions[key] = (float(pos[0]), float(pos[1]))
        self.positions_changed.emit(list(positions))

    # ----------------------------------------------------------------- detached chains
    def add_detached(self, chain: StepList, index: int | None = None) -> None:
        """Keep an unconnected chain (not exported, saved in the layout file)."""
        chain.owner = None
        self.detached.insert(len(self.detached) if index is None else index, chain)
        self.detached_changed.emit()
        self._changed()

    def remove_detached(self, chain: StepList) -> int:
        """Forget an unconnected chain; returns its index, for undo."""
        index = next(i for i, c in enumerate(self.detached) if c is chain)
        del self.detached[index]
        self.detached_changed.emit()
        self._changed()
        return index


def _insert_at(mapping: dict, index: int, key: Any, value: Any) -> None:
    """Put ``key`` at ``index`` of ``mapping`` in place (other holders see the same dict)."""
    items = list(mapping.items())
    items.insert(min(index, len(items)), (key, value))
    mapping.clear()
    mapping.update(items)


def key_index(params: Any, path: ParamPath) -> int | None:
    """Position of the key at ``path`` in its mapping, or ``None`` (absent, or not a mapping)."""
    container = lookup(params, path[:-1]) if path else _MISSING
    if isinstance(container, dict) and path[-1] in container:
        return list(container).index(path[-1])
    return None
