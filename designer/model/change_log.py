"""What changed in a document since the last time its text was written.

Writing a large script after one edit should cost what the edit changed, not what the flow
holds. The YAML writer keeps the lines it wrote for every step and reuses them until the step (or
anything nested in it) changes; this log, fed by the document's own events, says which steps did.
It is an index beside the model, never a copy of it: it holds step ids, not data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from designer.model.steps import Step


@dataclass
class Changes:
    """What one :meth:`ChangeLog.take` hands over."""

    #: Steps whose own data changed, and all their ancestors (their text contains it).
    touched: set[str] = field(default_factory=set)
    #: The outermost of those (steps sitting directly in a section or an unconnected chain).
    tops: set[str] = field(default_factory=set)
    #: Steps whose own params changed (not counting steps nested in them).
    direct: set[str] = field(default_factory=set)
    #: Step lists whose content changed (a step in them changed, or one was added or removed).
    lists: set[str] = field(default_factory=set)
    #: Steps or sections were added, removed or moved, or the top level changed.
    structural: bool = False


class ChangeLog:
    """Listens to one document and collects :class:`Changes` until :meth:`take` is called.

    A step is touched when its params change or a list nested in it gains or loses a step.
    ``structural`` tells a writer that can only patch one step in place to do the whole check.
    Each user (the YAML writer, the validator) keeps a log of its own.
    """

    def __init__(self, doc: Any) -> None:
        self.changes = Changes()
        doc.param_changed.connect(self._param_changed)
        doc.step_inserted.connect(self._list_changed)
        doc.step_removed.connect(self._list_changed)
        for event in (doc.section_added, doc.section_removed, doc.section_renamed,
                      doc.detached_changed, doc.top_level_changed):
            event.connect(self._structure_changed)

    def take(self) -> Changes:
        """What changed since the last call; the log starts empty again."""
        out, self.changes = self.changes, Changes()
        return out

    # ------------------------------------------------------------------ document events
    def _param_changed(self, step: Step, _path: tuple) -> None:
        self.changes.direct.add(step.id)
        self._touch(step)

    def _list_changed(self, step_list: Any, _index: int, step: Step) -> None:
        self.changes.structural = True
        self.changes.lists.add(step_list.id)
        self._touch(step)
        owner = step_list.owner
        if isinstance(owner, Step):
            self._touch(owner)

    def _structure_changed(self, *_args: Any) -> None:
        self.changes.structural = True

    def _touch(self, step: Step) -> None:
        while True:
            self.changes.touched.add(step.id)
            if step.parent is not None:
                self.changes.lists.add(step.parent.id)
            owner = step.parent.owner if step.parent is not None else None
            if not isinstance(owner, Step):
                self.changes.tops.add(step.id)
                return
            step = owner
