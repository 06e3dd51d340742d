"""The paths a call can take through a script, and what is known before each step on them.

A data-flow analysis over the script's control flow, read from the shared semantics table
(:mod:`designer.model.semantics`): ``main`` is entered first; ``execute`` and ``transfer`` to a
section enter it (``execute`` comes back to the step after it, ``transfer`` does not);
``switch``/``cond`` and ``result`` branches fork; ``goto`` jumps to its label (and, once its
condition fails or its ``max`` is spent, goes on); ``hangup`` ends the call. For each step the
call can reach, :class:`State` says which variables are set on *every* path to it (``must``), on
*some* path (``may``), which steps last set them, and whether a recording may or must be running.

Sections are analysed once whatever calls them (context-insensitive): the end of a section
returns to every ``execute`` that calls it. A destination held in a variable may enter any
section, so with one of those every section counts as entered.

Cost: each step is visited a few times until nothing changes (a loop adds one more round);
about 10 µs per step visit on the reference machine, so a few tens of ms at 5,000 steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from designer.model.document import Document, Section, Step, StepList
from designer.model.semantics import (
    EXECUTE, GOTO, HANGUP, RETURN, TRANSFER, branches, destination_kind, semantics,
)

MAIN = "main"


@dataclass(frozen=True)
class State:
    """What is known when the call reaches a step.

    ``defs`` holds ``(variable, step_id)`` pairs: the steps whose value of a variable may still
    be the current one. ``unknown`` means something before (an AI agent, a remote document,
    a request saving its reply) may have set variables nobody can name in advance.
    """

    must: frozenset[str] = frozenset()
    may: frozenset[str] = frozenset()
    defs: frozenset[tuple[str, str]] = frozenset()
    unknown: bool = False
    rec_may: bool = False
    rec_must: bool = False

    def join(self, other: "State") -> "State":
        return State(self.must & other.must, self.may | other.may, self.defs | other.defs,
                     self.unknown or other.unknown, self.rec_may or other.rec_may,
                     self.rec_must and other.rec_must)


@dataclass
class Paths:
    """The result: states before reachable steps, which sections are entered and how."""

    before: dict[str, State] = field(default_factory=dict)
    entered: set[str] = field(default_factory=set)
    #: Every section may be entered (a destination is a variable or inline SWML).
    open_entry: bool = False
    #: Section name -> the ``execute`` steps that call it.
    callers: dict[str, list[Step]] = field(default_factory=dict)
    #: Step id -> its section name, for every step in a section.
    section_of: dict[str, str] = field(default_factory=dict)
    labels: dict[str, dict[str, Step]] = field(default_factory=dict)
    #: Step id -> where the call goes when that step is done (a step or ``("exit", section)``).
    nexts: dict[str, Any] = field(default_factory=dict)

    def reached(self, step: Step) -> bool:
        return step.id in self.before


_END = object()


def analyse(doc: Document) -> Paths:
    """Follow every path of ``doc`` from ``main`` and return what holds before each step."""
    paths = Paths()
    sections = {s.name: s for s in doc.sections}
    for section in doc.sections:
        _link(section.steps, ("exit", section.name), paths.nexts)
        labels: dict[str, Step] = {}
        for step in _walk(section.steps):
            paths.section_of[step.id] = section.name
            if step.form == "method" and step.method == "label" and isinstance(step.params, str):
                labels.setdefault(step.params, step)
            if step.form == "method" and step.method in (EXECUTE, TRANSFER):
                kind = destination_kind(step.get(("dest",)))
                if kind in ("variable", "inline"):
                    paths.open_entry = True
                dest = step.get(("dest",))
                if step.method == EXECUTE and kind == "section" and dest in sections:
                    paths.callers.setdefault(dest, []).append(step)
        paths.labels[section.name] = labels
    _Runner(paths, sections).run()
    return paths


class _Runner:
    """The worklist loop: states flow from step to step until nothing changes."""

    def __init__(self, paths: Paths, sections: dict[str, Section]) -> None:
        self.paths = paths
        self.sections = sections
        self.work: list[Step] = []
        self.exits: dict[str, State] = {}

    def run(self) -> None:
        if MAIN in self.sections:
            self._enter(MAIN, State())
        if self.paths.open_entry:
            for name in self.sections:
                self._enter(name, State(unknown=True))
        while self.work:
            step = self.work.pop()
            self._step(step, self.paths.before[step.id])

    def _next(self, step: Step) -> Any:
        return self.paths.nexts.get(step.id, _END)

    # ----------------------------------------------------------------- moving the state
    def _flow(self, target: Any, state: State) -> None:
        """Send ``state`` to ``target``: a step, a section's end (``("exit", name)``) or the end."""
        if target is _END:
            return
        if isinstance(target, tuple):
            self._exit(target[1], state)
            return
        old = self.paths.before.get(target.id)
        new = state if old is None else old.join(state)
        if new != old:
            self.paths.before[target.id] = new
            self.work.append(target)

    def _enter(self, name: str, state: State) -> None:
        section = self.sections.get(name)
        if section is None:
            return
        self.paths.entered.add(name)
        self._flow(section.steps[0] if len(section.steps) else ("exit", name), state)

    def _exit(self, name: str, state: State) -> None:
        old = self.exits.get(name)
        new = state if old is None else old.join(state)
        if new == old:
            return
        self.exits[name] = new
        for caller in self.paths.callers.get(name, []):
            if caller.id in self.paths.before:
                self._after_execute(caller, new)

    def _after_execute(self, step: Step, state: State) -> None:
        sets = _add(state, "return_value", step.id)
        self._fork(step, sets)

    # ----------------------------------------------------------------- one step
    def _step(self, step: Step, state: State) -> None:
        if step.form != "method":
            self._flow(self._next(step), state)
            return
        meaning = semantics(step.method)
        after = _effect(step, meaning, state)
        flow = meaning.flow
        if flow == HANGUP:
            return
        if flow == RETURN:
            self._flow(("exit", self.paths.section_of.get(step.id, MAIN)), after)
            return
        if flow == TRANSFER:
            dest = step.get(("dest",))
            if destination_kind(dest) == "section":
                self._enter(dest, after)
            return
        if flow == GOTO:
            label = step.get(("label",))
            target = self.paths.labels.get(self.paths.section_of.get(step.id, ""), {}).get(label)
            if isinstance(label, str) and target is not None:
                self._flow(target, after)
            self._flow(self._next(step), after)
            return
        if flow == EXECUTE:
            dest = step.get(("dest",))
            kind = destination_kind(dest)
            if kind == "section" and dest in self.sections:
                self._enter(dest, after)
                exit_state = self.exits.get(dest)
                if exit_state is not None:
                    self._after_execute(step, exit_state)
                return
            if kind in ("url", "variable", "inline"):
                after = State(after.must, after.may, after.defs, True, after.rec_may, after.rec_must)
            self._after_execute(step, after)
            return
        self._fork(step, after)

    def _fork(self, step: Step, state: State) -> None:
        """Into each nested branch of ``step``, and on past it unless a group always takes one."""
        groups: dict[Any, bool] = {}
        for branch in branches(step):
            self._flow(branch.steps[0] if len(branch.steps) else self._next(step), state)
            if branch.group not in groups:
                groups[branch.group] = False
            if branch.selector in ("default", "else"):
                groups[branch.group] = True
        alternatives = {g: taken for g, taken in groups.items() if _is_alternative(step, g)}
        if not any(alternatives.values()):
            self._flow(self._next(step), state)


def _is_alternative(step: Step, group: Any) -> bool:
    """Branch groups that are choices (switch, cond, result); ``on_return`` always runs and goes on."""
    return group == () or (isinstance(group, tuple) and group[-1:] == ("result",))


def _effect(step: Step, meaning: Any, state: State) -> State:
    """The state once ``step`` has run: the variables it set, a recording started or stopped."""
    must, may, defs = set(state.must), set(state.may), set(state.defs)
    unknown = state.unknown
    names: list[str] = [v.name for v in meaning.sets]
    if step.method == "set" and isinstance(step.params, dict):
        names = [str(k) for k in step.params]
    elif meaning.sets_unknown:
        unknown = True
    if step.method == "request" and step.get(("save_variables",)) is not True:
        names = [n for n in names if n != "request_response."]
    for full in names:
        name = _root(full)
        must.add(name)
        may.add(name)
        defs = {d for d in defs if d[0] != name}
        defs.add((name, step.id))
    if step.method == "unset":
        for name in _unset_names(step.params):
            must.discard(name)
            may.discard(name)
            defs = {d for d in defs if d[0] != name}
    rec_may, rec_must = state.rec_may, state.rec_must
    if meaning.starts == "recording":
        rec_may = rec_must = True
    elif meaning.stops == "recording":
        rec_may = rec_must = False
    return State(frozenset(must), frozenset(may), frozenset(defs), unknown, rec_may, rec_must)


def _add(state: State, name: str, step_id: str) -> State:
    defs = frozenset({d for d in state.defs if d[0] != name} | {(name, step_id)})
    return State(state.must | {name}, state.may | {name}, defs, state.unknown, state.rec_may, state.rec_must)


def _root(name: str) -> str:
    name = name[5:] if name.startswith("vars.") else name
    return name.split(".", 1)[0]


def _unset_names(params: Any) -> list[str]:
    if isinstance(params, str):
        return [_root(params)]
    if isinstance(params, list):
        return [_root(p) for p in params if isinstance(p, str)]
    return []


def _link(steps: StepList, after: Any, nexts: dict[str, Any]) -> None:
    """Record where the call goes when each step is done: the next step in its list, else past
    the step holding the list (``after``), else the end of the section."""
    count = len(steps)
    for i, step in enumerate(steps):
        following = steps[i + 1] if i + 1 < count else after
        nexts[step.id] = following
        for _, child in step.child_lists():
            _link(child, following, nexts)


def _walk(steps: StepList) -> Iterator[Step]:
    for step in steps:
        yield step
        for _, child in step.child_lists():
            yield from _walk(child)
