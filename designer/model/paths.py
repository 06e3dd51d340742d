"""The paths a call can take through a script, and what is known before each step on them.

A data-flow analysis over the script's control flow, read from the shared semantics table
(:mod:`designer.model.semantics`): ``main`` is entered first; ``execute`` and ``transfer`` to a
section enter it (``execute`` comes back to the step after it, ``transfer`` does not);
``switch``/``cond`` and ``result`` branches fork; ``goto`` jumps to its label (and, once its
condition fails or its ``max`` is spent, goes on; one with neither counts as jumping every time,
see :func:`always_jumps`); ``hangup`` ends the call. For each step the
call can reach, :class:`State` says which variables are set on *every* path to it (``must``), on
*some* path (``may``), which steps last set them, and whether a recording may or must be running.

Sections are analysed once whatever calls them (context-insensitive): the end of a section
returns to every ``execute`` that calls it. A destination held in a variable may enter any
section, so with one of those every section counts as entered.

Cost: each step is visited a few times until nothing changes (a loop adds one more round);
about 10 µs per step visit on the reference machine, so a few tens of ms at 5,000 steps.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Any, Iterator

from designer.model.document import Document, Section, Step, StepList
from designer.model.semantics import (
    EXECUTE, GOTO, HANGUP, RETURN, TRANSFER, branches, destination_kind, semantics,
)

MAIN = "main"


def _tracked() -> frozenset[str]:
    """Variables whose setting steps are remembered: those with known values (``prompt_result``,
    ``connect_result``...) and ``prompt_value`` (its digits are known from the prompt). Others
    only need set/not set, and remembering every setter would grow with the script."""
    from designer.model.semantics_table import TABLE
    names = {v.name for meaning in TABLE.values() for v in meaning.sets if v.values}
    return frozenset(names | {"prompt_value"})


TRACKED = _tracked()


@dataclass(frozen=True)
class State:
    """What is known when the call reaches a step.

    ``defs`` holds ``(variable, step_id)`` pairs: the steps whose value of a variable may still
    be the current one (for the variables in :data:`TRACKED` only). ``unknown`` means something before (an AI agent, a remote document,
    a request saving its reply) may have set variables nobody can name in advance.
    """

    must: frozenset[str] = frozenset()
    may: frozenset[str] = frozenset()
    defs: frozenset[tuple[str, str]] = frozenset()
    unknown: bool = False
    rec_may: bool = False
    rec_must: bool = False

    def join(self, other: "State") -> "State":
        return State(self.must & other.must, self.may | other.may, _cap(self.defs | other.defs),
                     self.unknown or other.unknown, self.rec_may or other.rec_may,
                     self.rec_must and other.rec_must)


#: More setters than this for one variable: remembered as ``(name, MANY)``, "too many to say".
MAX_SETTERS = 6
MANY = "*"


def _cap(defs: frozenset[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """Keep at most :data:`MAX_SETTERS` setters per variable, so states stay small in long scripts."""
    if len(defs) <= MAX_SETTERS:
        return defs
    counts: dict[str, int] = {}
    for name, _sid in defs:
        counts[name] = counts.get(name, 0) + 1
    many = {name for name, n in counts.items() if n > MAX_SETTERS}
    if not many:
        return defs
    return frozenset({d for d in defs if d[0] not in many} | {(name, MANY) for name in many})


@dataclass
class Paths:
    """The result: states before reachable steps, which sections are entered and how."""

    before: dict[str, State] = field(default_factory=dict)
    entered: set[str] = field(default_factory=set)
    #: Every section may be entered (a destination is a variable or inline SWML).
    open_entry: bool = False
    #: Section name -> the ``execute`` steps that call it.
    callers: dict[str, list[Step]] = field(default_factory=dict)
    #: Section name -> the ``execute`` and ``transfer`` steps that name it as their destination.
    entries: dict[str, list[Step]] = field(default_factory=dict)
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
    runner = _Runner(paths, sections)
    for section in doc.sections:
        paths.labels[section.name] = {}
        runner.index(section.steps, section.name, ("exit", section.name))
    for step in runner.jumps:
        dest = step.get(("dest",))
        kind = destination_kind(dest)
        if kind in ("variable", "inline"):
            paths.open_entry = True
        if kind == "section" and dest in sections:
            paths.entries.setdefault(dest, []).append(step)
            if step.method == EXECUTE:
                paths.callers.setdefault(dest, []).append(step)
    runner.run()
    return paths


class _Runner:
    """The worklist loop: states flow from step to step until nothing changes."""

    def __init__(self, paths: Paths, sections: dict[str, Section]) -> None:
        self.paths = paths
        self.sections = sections
        #: Steps waiting to be (re)visited, taken in document order so that what comes first
        #: settles before what follows (each step is then visited a few times, not once per change).
        self.work: list[tuple[int, str]] = []
        self.queued: set[str] = set()
        self.order: dict[str, int] = {}
        self.by_id: dict[str, Step] = {}
        #: Steps holding nested lists (the only ones :func:`branches` needs to read).
        self.forks: dict[str, list[tuple[Any, StepList]]] = {}
        self.jumps: list[Step] = []
        self.exits: dict[str, State] = {}

    def index(self, steps: StepList, section: str, after: Any) -> None:
        """One walk over a section: order, ids, where each step leads next, labels, jumps."""
        paths = self.paths
        count = len(steps)
        for i, step in enumerate(steps):
            following = steps[i + 1] if i + 1 < count else after
            sid = step.id
            self.order[sid] = len(self.order)
            self.by_id[sid] = step
            paths.nexts[sid] = following
            paths.section_of[sid] = section
            if step.form == "method":
                if step.method == "label" and isinstance(step.params, str):
                    paths.labels[section].setdefault(step.params, step)
                elif step.method in (EXECUTE, TRANSFER):
                    self.jumps.append(step)
            children = step.child_lists()
            if children:
                self.forks[sid] = children
                for _, child in children:
                    self.index(child, section, following)

    def run(self) -> None:
        if MAIN in self.sections:
            self._enter(MAIN, State())
        if self.paths.open_entry:  # main is where the call starts: what runs first there is known
            for name in self.sections:
                if name != MAIN:
                    self._enter(name, State(unknown=True))
        while self.work:
            _, step_id = heapq.heappop(self.work)
            self.queued.discard(step_id)
            self._step(self.by_id[step_id], self.paths.before[step_id])

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
            if target.id not in self.queued:
                self.queued.add(target.id)
                heapq.heappush(self.work, (self.order[target.id], target.id))

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
                if always_jumps(step):
                    return
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
        if step.id not in self.forks:
            self._flow(self._next(step), state)
            return
        groups: dict[Any, bool] = {}
        for branch in branches(step, self.forks[step.id]):
            self._flow(branch.steps[0] if len(branch.steps) else self._next(step), state)
            if branch.group not in groups:
                groups[branch.group] = False
            if branch.selector in ("default", "else"):
                groups[branch.group] = True
        alternatives = {g: taken for g, taken in groups.items() if _is_alternative(step, g)}
        if not any(alternatives.values()):
            self._flow(self._next(step), state)


def always_jumps(step: Step) -> bool:
    """A ``goto`` with no condition and no ``max``: read as "jump back every time". SignalWire
    goes on after 100 jumps (its default max), but an author who sets no limit means a loop
    that does not end there, so the steps after it count as never reached (and the loop is
    warned about in :mod:`designer.model.path_checks`)."""
    return step.get(("when",)) in (None, "") and not step.has(("max",))


def _is_alternative(step: Step, group: Any) -> bool:
    """Branch groups that are choices (switch, cond, result); ``on_return`` always runs and goes on."""
    return group == () or (isinstance(group, tuple) and group[-1:] == ("result",))


def _effect(step: Step, meaning: Any, state: State) -> State:
    """The state once ``step`` has run: the variables it set, a recording started or stopped."""
    method = step.method
    if method == "set":
        names = frozenset(_root(str(k)) for k in step.params) if isinstance(step.params, dict) else frozenset()
    else:
        names = _method_names(meaning)
        if method == "request" and step.get(("save_variables",)) is not True:
            names = names - {"request_response"}
    unknown = state.unknown or (meaning.sets_unknown and method != "set")
    rec_may, rec_must = state.rec_may, state.rec_must
    if meaning.starts == "recording":
        rec_may = rec_must = True
    elif meaning.stops == "recording":
        rec_may = rec_must = False
    must, may, defs = state.must, state.may, state.defs
    if names:
        must, may = must | names, may | names
        tracked = names & TRACKED
        if tracked:
            defs = frozenset({d for d in defs if d[0] not in tracked} | {(n, step.id) for n in tracked})
    if method == "unset":
        gone = frozenset(_unset_names(step.params))
        must, may = must - gone, may - gone
        defs = frozenset(d for d in defs if d[0] not in gone)
    if (must is state.must and may is state.may and defs is state.defs and unknown == state.unknown
            and rec_may == state.rec_may and rec_must == state.rec_must):
        return state
    return State(must, may, defs, unknown, rec_may, rec_must)


_NAMES: dict[int, frozenset[str]] = {}


def _method_names(meaning: Any) -> frozenset[str]:
    """The variable names (first part of each) a method's table entry sets, computed once."""
    found = _NAMES.get(id(meaning))
    if found is None:
        found = _NAMES[id(meaning)] = frozenset(_root(v.name) for v in meaning.sets)
    return found


def _add(state: State, name: str, step_id: str) -> State:
    defs = state.defs
    if name in TRACKED:
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


def _walk(steps: StepList) -> Iterator[Step]:
    for step in steps:
        yield step
        for _, child in step.child_lists():
            yield from _walk(child)
