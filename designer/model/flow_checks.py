"""Checks over the whole document that need no paths: labels, sections, control ids, loose blocks.

Their indexes and findings are kept between edits (:class:`FlowChecks`), so an edit costs what
it changed. A ``goto`` to a missing label and an ``execute``/``transfer`` to a missing section
are errors: the call would fail there.
Checks that follow the call's paths (recordings, variables, reachability) are in
:mod:`designer.model.path_checks`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from designer.model.document import Document, Step, StepList
from designer.model.problems import ERROR, WARNING, Problem
from designer.model.sections import JUMP_METHODS
from designer.model.semantics import destination_kind

if TYPE_CHECKING:  # pragma: no cover
    from designer.model.validation import Located


class FlowChecks:
    """The flow problems of one validator's document, kept between edits.

    Each check compares one step with an index of the others: the labels of its section, the
    recordings' ids, the section names. Going over every step after each edit cost 25 ms at
    20,000 steps, for a slider moved on one recording. So the indexes and each step's problems
    are kept, and after an edit that moved no step (:meth:`update`) only the edited steps are
    checked again, with the steps that name what they changed: the gotos of a label renamed,
    the recordings and stops that share an id changed. Anything else (a step added, moved or
    removed, a section renamed, a chain left unconnected) goes through :meth:`rebuild`.
    """

    def __init__(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self._located: list["Located"] = []
        self._order: dict[str, int] = {}
        self._sections: set[str] = set()
        #: step id -> what it gives the indexes or asks of them (:func:`_fact`), steps in sections only.
        self._facts: dict[str, tuple[Any, ...]] = {}
        self._labels: dict[str, dict[str, int]] = {}  # section -> label -> how many steps
        self._gotos: dict[tuple[str, str], set[str]] = {}  # (section, label) -> gotos to it
        self._records: dict[str, set[str]] = {}  # control id -> recordings with it
        self._stops: dict[str, set[str]] = {}  # control id -> stops naming it
        self._found: dict[str, list[Problem]] = {}  # step id -> its problems, when it has any
        self._detached: list[Problem] = []
        self._joined: list[Problem] | None = None

    def rebuild(self, doc: Document, located: list["Located"], order: dict[str, int]) -> None:
        """Index and check every step again; ``order`` maps a step id to its place in ``located``."""
        self._clear()
        self._located, self._order = located, order
        self._sections = {s.name for s in doc.sections}
        # Only these methods matter here; most steps of a flow are none of them.
        read = [item for item in located if item[2] is not None and item[0].form == "method"
                and item[0].method in _READ]
        for step, _path, section in read:
            fact = _fact(step)
            if fact is not None:
                self._facts[step.id] = fact
                self._index(step.id, section, fact, True)  # type: ignore[arg-type]
        firsts: dict[str, str] = {}
        for step, _path, _section in read:
            self._check(step.id, firsts)
        for chain in doc.detached:
            for step in _walk(chain):
                self._detached.append(Problem(
                    WARNING, "This block is not linked into the flow, so it will not be in the script: "
                    "drag it under a block or start node, or delete it", step.id, (), (), code="flow.detached"))

    def update(self, changed: list["Located"]) -> None:
        """Check again after param edits of ``changed`` (steps that kept their places)."""
        again: set[str] = set()
        for step, _path, section in changed:
            if section is None:  # an unconnected block: only the warning that it is, which stays
                continue
            old, new = self._facts.get(step.id), _fact(step)
            if old == new:
                continue
            again.add(step.id)
            for fact, added in ((old, False), (new, True)):
                if fact is not None:
                    self._index(step.id, section, fact, added)
                    again.update(self._naming(section, fact))
            if new is None:
                del self._facts[step.id]
            else:
                self._facts[step.id] = new
        firsts: dict[str, str] = {}
        for step_id in again:
            self._check(step_id, firsts)

    def problems(self) -> list[Problem]:
        """Every flow problem, grouped by step (the validator orders them); do not change it."""
        if self._joined is None:
            self._joined = [p for found in self._found.values() for p in found] + self._detached
        return self._joined

    # ----------------------------------------------------------------- indexes
    def _index(self, step_id: str, section: str, fact: tuple[Any, ...], added: bool) -> None:
        kind, value = fact[0], fact[-1]
        if kind == "label":
            counts = self._labels.setdefault(section, {})
            counts[value] = counts.get(value, 0) + (1 if added else -1)
            if not counts[value]:
                del counts[value]
            return
        index, key = {"goto": (self._gotos, (section, value)), "record": (self._records, value),
                      "stop": (self._stops, value)}.get(kind, (None, None))
        if index is None:
            return
        holders = index.setdefault(key, set())
        if added:
            holders.add(step_id)
        else:
            holders.discard(step_id)
            if not holders:
                del index[key]

    def _naming(self, section: str, fact: tuple[Any, ...]) -> set[str]:
        """The steps whose problems depend on ``fact`` of another step being there."""
        kind, value = fact[0], fact[-1]
        if kind == "label":
            return self._gotos.get((section, value), set())
        if kind == "record":
            return self._records.get(value, set()) | self._stops.get(value, set())
        return set()

    def _check(self, step_id: str, firsts: dict[str, str]) -> None:
        """The problem of one step, from its fact and the indexes; ``firsts`` memoises, per
        control id, the recording that comes first (so checking many that share it stays linear)."""
        kind, *values = self._facts.get(step_id) or (None,)
        value = values[-1] if values else None
        step, path, section = self._located[self._order[step_id]]
        found: list[Problem] = []
        if kind == "record":
            if value not in firsts:
                firsts[value] = min(self._records[value], key=self._order.__getitem__)
            if firsts[value] != step_id:
                found.append(_problem(WARNING, f"Another recording already uses the id '{value}'; "
                                      "stopping it by id will be ambiguous", step, ("control_id",), path,
                                      "flow.duplicate_control_id"))
        elif kind == "stop" and value not in self._records:
            found.append(_problem(WARNING, f"No recording has the id '{value}': no Record call block "
                                  "sets this id", step, ("control_id",), path, "flow.unknown_control_id"))
        elif kind == "goto" and not self._labels.get(section or "", {}).get(value):
            found.append(_problem(ERROR, f"There is no label '{value}' in section '{section}' "
                                  "(goto only jumps within its section)", step, ("label",), path,
                                  "flow.unknown_label"))
        elif kind == "jump" and value not in self._sections:
            found.append(_problem(ERROR, f"There is no section '{value}' to {values[0]} to", step,
                                  ("dest",), path, "flow.unknown_section"))
        old = self._found.pop(step_id, None)
        if found:
            self._found[step_id] = found
        if old or found:
            self._joined = None


def _fact(step: Step) -> tuple[Any, ...] | None:
    """What a step (in a section) gives the indexes or is checked against them; equal facts,
    equal problems (its place cannot change without a :meth:`FlowChecks.rebuild`)."""
    if step.form != "method" or step.method not in _READ:
        return None
    method = step.method
    if method == "label":
        return ("label", step.params) if isinstance(step.params, str) else None
    if method in ("record_call", "stop_record_call"):
        cid = _param(step, "control_id")
        if not isinstance(cid, str) or (method == "stop_record_call" and _is_var(cid)):
            return None
        return ("record" if method == "record_call" else "stop", cid)
    if method == "goto":
        label = _param(step, "label")
        return ("goto", label) if isinstance(label, str) and label and not _is_var(label) else None
    dest = _param(step, "dest")  # JUMP_METHODS
    if isinstance(dest, str) and destination_kind(dest) == "section":
        return ("jump", method, dest)
    return None


#: The methods these checks read.
_READ = frozenset({"label", "record_call", "stop_record_call", "goto", *JUMP_METHODS})


def _param(step: Step, key: str) -> Any:
    return step.params.get(key) if isinstance(step.params, dict) else None


def _is_var(text: str) -> bool:
    return "${" in text or "%{" in text


def _where(path: tuple[Any, ...] | None, step: Step) -> tuple[Any, ...]:
    if path is None:
        return ()
    return path + ((step.method,) if step.form == "method" else ())


def _problem(severity: str, message: str, step: Step, field: tuple[Any, ...], path: tuple[Any, ...] | None,
             code: str) -> Problem:
    where = _where(path, step)  # built only for a problem: most steps have none
    return Problem(severity, message, step.id, field, where + field if where else (), code=code)


def _walk(chain: StepList) -> Iterator[Step]:
    for step in chain:
        yield step
        for _, child in step.child_lists():
            yield from _walk(child)
