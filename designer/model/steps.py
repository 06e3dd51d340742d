"""Steps: one SWML method call each, and the ordered lists that hold them.

A :class:`Step` keeps its params as plain data in file order, except that nested method lists
(``switch`` cases, ``cond`` branches, ``connect`` results...) stand inside the params as
:class:`StepList` objects, found through the schema's nesting rules. The helpers here walk,
copy and flatten such params; :mod:`designer.model.document` builds the document on them.
"""

from __future__ import annotations

import copy
import itertools
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

if TYPE_CHECKING:
    from designer.model.document import Section

#: A path inside a step's params: keys for mappings, indices for lists. ``()`` is the whole value.
ParamPath = tuple[Any, ...]
#: For a method name, the param paths that hold nested step lists; ``"*"`` matches any key/index.
NestingRules = Callable[[str], Sequence[ParamPath]]

_MISSING = object()
_ids = itertools.count(1)


def new_id(prefix: str = "s") -> str:
    """A process-unique id for a step or list; ids are for the UI only and never saved to SWML."""
    return f"{prefix}{next(_ids)}"


def no_nesting(method: str) -> Sequence[ParamPath]:
    """Nesting rules that treat every method as flat (for tests and schema-less use)."""
    return ()


class StepList:
    """An ordered list of steps: a section body, a nested branch, or an unconnected chain."""

    def __init__(self, steps: Sequence["Step"] = ()) -> None:
        self.id = new_id("l")
        self.owner: Section | Step | None = None
        self.steps: list[Step] = []
        for step in steps:
            self._attach(step, len(self.steps))

    def _attach(self, step: "Step", index: int) -> None:
        step.parent = self
        self.steps.insert(index, step)

    def __iter__(self) -> Iterator["Step"]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def __getitem__(self, index: int) -> "Step":
        return self.steps[index]

    def index(self, step: "Step") -> int:
        """Position of ``step`` compared by identity (two equal steps are still two steps)."""
        for i, candidate in enumerate(self.steps):
            if candidate is step:
                return i
        raise ValueError(f"step {step.id} is not in list {self.id}")

    def to_data(self) -> list[Any]:
        """The plain SWML list of method mappings."""
        return [step.to_data() for step in self.steps]

    def __repr__(self) -> str:
        return f"StepList({self.id}, {[s.method for s in self.steps]})"


class Step:
    """One SWML method call.

    ``form`` says how it was written: ``"method"`` is the normal one-key mapping
    (``record_call: {...}``); ``"bare"`` is a plain string such as ``- answer`` (invalid SWML,
    kept so nothing is lost and reported by validation); ``"raw"`` is anything else that is not a
    method at all (a mapping with several keys, a number...), kept verbatim in ``params``.
    """

    def __init__(self, method: str, params: Any = None, form: str = "method") -> None:
        self.id = new_id("s")
        self.method = method
        self.form = form
        self.parent: StepList | None = None
        self.params: Any = None
        self._set_params(params)

    def _set_params(self, params: Any) -> None:
        self.params = params
        for _, child in iter_step_lists(params, ()):
            child.owner = self

    @classmethod
    def from_data(cls, item: Any, nesting: NestingRules = no_nesting) -> "Step":
        """Build a step from one plain SWML list item, turning nested method lists into steps."""
        if isinstance(item, dict) and len(item) == 1 and isinstance(next(iter(item)), str):
            method, value = next(iter(item.items()))
            return cls(method, _nest(value, (), nesting(method), nesting))
        if isinstance(item, str):
            return cls(item, None, form="bare")
        return cls("", item, form="raw")

    def to_data(self) -> Any:
        """The plain SWML item this step stands for."""
        if self.form == "bare":
            return self.method
        if self.form == "raw":
            return to_plain(self.params)
        return {self.method: to_plain(self.params)}

    def child_lists(self) -> list[tuple[ParamPath, StepList]]:
        """The nested step lists in params order, each with its param path (e.g. ``("case", "1")``)."""
        out: list[tuple[ParamPath, StepList]] = []
        _collect_step_lists(self.params, (), out)
        return out

    def get(self, path: ParamPath, default: Any = None) -> Any:
        """The param value at ``path`` or ``default`` when any part of the path is missing."""
        value = lookup(self.params, path)
        return default if value is _MISSING else value

    def has(self, path: ParamPath) -> bool:
        """Whether ``path`` is set in params (a key present with any value, ``None`` included)."""
        return lookup(self.params, path) is not _MISSING

    def __repr__(self) -> str:
        return f"Step({self.id}, {self.method!r})"


MISSING = _MISSING


def walk_steps(step_list: StepList) -> Iterator[Step]:
    """Depth-first walk: each step, then the steps of its nested lists."""
    for step in step_list:
        yield step
        for _, child in step.child_lists():
            yield from walk_steps(child)


def copy_value(value: Any) -> Any:
    """A copy of a param value that shares no mutable containers with ``value`` but keeps its
    :class:`StepList` objects themselves: canvas items and undo commands refer to those steps."""
    if isinstance(value, StepList):
        return value
    if isinstance(value, dict):
        return {k: copy_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_value(v) for v in value]
    return copy.deepcopy(value)


def to_plain(value: Any) -> Any:
    """A deep copy of ``value`` with every :class:`StepList` turned into plain SWML data."""
    if isinstance(value, StepList):
        return value.to_data()
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    return copy.deepcopy(value)


def _nest(value: Any, here: ParamPath, patterns: Sequence[ParamPath], nesting: NestingRules) -> Any:
    """Copy ``value`` replacing lists found at any of ``patterns`` by step lists."""
    if not patterns:
        return copy.deepcopy(value)
    if isinstance(value, list) and any(_matches(p, here) for p in patterns):
        return StepList([Step.from_data(item, nesting) for item in value])
    if isinstance(value, dict):
        return {k: _nest(v, here + (k,), patterns, nesting) for k, v in value.items()}
    if isinstance(value, list):
        return [_nest(v, here + (i,), patterns, nesting) for i, v in enumerate(value)]
    return copy.deepcopy(value)


def _matches(pattern: ParamPath, path: ParamPath) -> bool:
    return len(pattern) == len(path) and all(p == "*" or p == k for p, k in zip(pattern, path))


def iter_step_lists(value: Any, here: ParamPath) -> Iterator[tuple[ParamPath, StepList]]:
    """Every step list inside ``value`` with its path below ``here``, in order."""
    out: list[tuple[ParamPath, StepList]] = []
    _collect_step_lists(value, here, out)
    return iter(out)


def _collect_step_lists(value: Any, here: ParamPath, out: list) -> None:
    # A plain recursion that skips scalars: walking the flow asks every step for its nested
    # lists, so this runs for every value of every step after each edit.
    if isinstance(value, StepList):
        out.append((here, value))
    elif isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, _CONTAINERS):
                _collect_step_lists(v, here + (k,), out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            if isinstance(v, _CONTAINERS):
                _collect_step_lists(v, here + (i,), out)


_CONTAINERS = (dict, list, StepList)


def has_key(container: Any, key: Any) -> bool:
    if isinstance(container, dict):
        return key in container
    if isinstance(container, list):
        return isinstance(key, int) and -len(container) <= key < len(container)
    return False


def lookup(value: Any, path: ParamPath) -> Any:
    for key in path:
        if not has_key(value, key):
            return _MISSING
        value = value[key]
    return value
