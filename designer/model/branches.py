"""Branch slots: the nested step lists a block has, and the ones a person can still add.

A ``switch`` without ``default``, a ``connect`` without a ``result``, an ``execute`` without
``on_return``: the schema allows these lists but the document does not hold them yet, so
nothing on the canvas could receive a block. This module lists those *open slots* from the
schema's nesting rules alone (no table per method beyond the outcomes the reference pages
name), says in plain words what each branch means, and builds the single param change that
creates one. The canvas draws an open slot as a "+" port, the inspector as an "Add" button; both
push that one change, so creating a branch is one undo step wherever it starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Sequence

from designer.model.steps import MISSING, ParamPath, Step, StepList, copy_value

#: The values a method's own result variable takes, from the SignalWire reference pages
#: (connect: ``connect_result``; join_conference: ``join_conference_result``), first the one
#: people handle most. A result with every outcome covered needs no "otherwise" branch.
OUTCOMES: dict[str, tuple[str, ...]] = {
    "connect": ("failed", "connected"),
    "join_conference": ("completed", "no-answer", "failed", "answered", "canceled"),
}

#: Result objects whose schema requires ``variable`` (join_conference's does, connect's and
#: execute's default to their own result): the variable its reference page says holds the outcome.
RESULT_VARIABLE: dict[str, str] = {"join_conference": "join_conference_result"}

#: Plain words for an outcome key on a branch port.
OUTCOME_WORDS: dict[tuple[str, str], str] = {
    ("connect", "failed"): "if nobody answered",
    ("connect", "connected"): "if answered",
    ("join_conference", "no-answer"): "if no answer",
}

#: Plain words for one destination's outcome, where they differ ("#2: if not answered": that
#: number did not pick up; "if nobody answered" is for the whole call).
ONE_DESTINATION_WORDS: dict[tuple[str, str], str] = {("connect", "failed"): "if not answered"}

#: Plain words for the lists that are not cases.
FIXED_WORDS: dict[str, str] = {
    "default": "otherwise",
    "on_return": "after it returns",
    "then": "then",
    "else": "otherwise",
}


@dataclass(frozen=True)
class OpenSlot:
    """A branch the step may have but does not yet: where its list would go and what it says.

    ``kind`` is ``"list"`` for a named list or a case (created at ``path``), ``"condition"`` or
    ``"otherwise"`` for a new item of the list of conditions at ``path[:-2]`` (``path`` is where
    that item's ``then``/``else`` steps go).
    """

    path: ParamPath
    label: str
    kind: str = "list"


def case_maps(patterns: Sequence[ParamPath]) -> tuple[ParamPath, ...]:
    """Param paths of the step's case mappings: ``("case",)`` for switch, ``("result", "case")``;
    with ``"*"`` where they sit inside list items (``("serial", "*", "result", "case")``)."""
    out = [p[:-1] for p in patterns if len(p) >= 2 and p[-1] == "*" and p[-2] != "*"]
    return tuple(dict.fromkeys(out))


def fixed_lists(patterns: Sequence[ParamPath]) -> tuple[ParamPath, ...]:
    """Param paths of single named lists (``default``, ``on_return``, a destination's
    ``("serial", "*", "result", "default")``...): patterns not ending in a case or condition."""
    return tuple(p for p in patterns if p and p[-1] != "*" and not _is_condition(p))


def condition_lists(patterns: Sequence[ParamPath]) -> tuple[ParamPath, ...]:
    """Param paths of lists of conditions (``()`` for ``cond``, ``("result",)``): the patterns
    ``(..., "*", "then")`` whose items hold ``then``/``else`` steps."""
    out = [p[:-2] for p in patterns if _is_condition(p)]
    return tuple(dict.fromkeys(out))


def _is_condition(pattern: ParamPath) -> bool:
    return len(pattern) >= 2 and pattern[-1] in ("then", "else") and pattern[-2] == "*"


def concrete(step: Step, pattern: ParamPath) -> Iterator[ParamPath]:
    """``pattern`` with each ``"*"`` replaced by the keys or indices the step's params have there
    (one destination's ``("serial", 0, "result", "case")`` per destination); nothing when a
    container on the way is missing."""
    if "*" not in pattern:
        yield tuple(pattern)
        return
    i = pattern.index("*")
    head = tuple(pattern[:i])
    value = step.params if not head else step.get(head, MISSING)
    keys: Iterable[Any] = ()
    if isinstance(value, dict):
        keys = list(value)
    elif isinstance(value, list):
        keys = range(len(value))
    for key in keys:
        yield from concrete(step, head + (key,) + tuple(pattern[i + 1:]))


def _blocked(step: Step, path: ParamPath) -> bool:
    """Whether a value on the way to ``path`` has the wrong shape (e.g. ``result`` written as a
    list of conditions where a mapping is wanted): then this slot does not apply, the other
    form is in use."""
    for i in range(1, len(path)):
        if not step.has(path[:i]):
            continue
        value = step.get(path[:i])
        if not (isinstance(value, dict) or (isinstance(value, list) and isinstance(path[i], int))):
            return True
    return False


def next_case_key(step: Step, map_path: ParamPath) -> str:
    """The key a new case gets: the first outcome not yet handled, else the next free number
    ("1", "2"...: most switches route a pressed key)."""
    cases = step.get(map_path, {})
    taken = {str(k) for k in cases} if isinstance(cases, dict) else set()
    for outcome in OUTCOMES.get(step.method, ()):
        if outcome not in taken:
            return outcome
    n = 1
    while str(n) in taken:
        n += 1
    return str(n)


def open_slots(step: Step, patterns: Sequence[ParamPath]) -> tuple[OpenSlot, ...]:
    """The branches ``step`` can still get, in the order they are shown (after existing ones).

    One "+ case" per case mapping (named after the key it would create), then each missing
    named list, then "+ condition" / "+ otherwise" per list of conditions the step has; a
    result's "otherwise" is left out when the known outcomes cover every case. Slots inside list
    items (each ``connect`` destination's result) come once per item.
    """
    if step.form != "method" or not isinstance(step.params, (dict, list, type(None))):
        return ()
    out: list[OpenSlot] = []
    outcomes = OUTCOMES.get(step.method, ())
    for pattern in case_maps(patterns):
        for map_path in concrete(step, pattern):
            if _blocked(step, map_path + ("x",)):
                continue
            key = next_case_key(step, map_path)
            cases = step.get(map_path, {})
            if outcomes and isinstance(cases, dict) and set(outcomes) <= {str(k) for k in cases}:
                continue
            out.append(OpenSlot(map_path + (key,), "+ " + branch_words(step.method, map_path + (key,))))
    for pattern in fixed_lists(patterns):
        for path in concrete(step, pattern):
            if step.has(path) or _blocked(step, path) or not _otherwise_useful(step, path, outcomes):
                continue
            out.append(OpenSlot(path, "+ " + branch_words(step.method, path)))
    for pattern in condition_lists(patterns):
        for path in concrete(step, pattern):
            items = step.params if not path else step.get(path)
            if not isinstance(items, list):
                continue  # only a list of conditions already written grows here
            at = len(items) - 1 if items and _is_otherwise(items[-1]) else len(items)
            where = branch_words(step.method, path) if path else ""
            prefix = f"{where}: " if where else ""
            out.append(OpenSlot(path + (at, "then"), f"+ {prefix}condition", "condition"))
            if not any(_is_otherwise(item) for item in items):
                out.append(OpenSlot(path + (len(items), "else"), f"+ {prefix}otherwise", "otherwise"))
    return tuple(sorted(out, key=_owner))  # stable: each destination's slots stay together


def _owner(slot: OpenSlot) -> tuple[int, ...]:
    """The list items a slot sits in (``(1,)`` for the second destination; ``()`` for the
    step's own branches), so "#1: if answered" and "#1: otherwise" are shown side by side."""
    path = slot.path[:-2] if slot.kind != "list" else slot.path
    return tuple(p for p in path if isinstance(p, int))


def _otherwise_useful(step: Step, path: ParamPath, outcomes: tuple[str, ...]) -> bool:
    """A result's "otherwise" of a method whose outcomes are known is offered once one outcome
    has its branch and until all have: before, the outcome itself is what people add; after,
    nothing is left for it to catch."""
    if len(path) < 2 or not outcomes or path[-1] != "default":
        return True
    cases = step.get(tuple(path[:-1]) + ("case",))
    taken = {str(k) for k in cases} if isinstance(cases, dict) else set()
    return bool(taken) and not set(outcomes) <= taken


def _is_otherwise(item: Any) -> bool:
    return isinstance(item, dict) and "else" in item and "when" not in item and "then" not in item


def creation(step: Step, slot: OpenSlot, patterns: Sequence[ParamPath],
             new: StepList | None = None) -> tuple[ParamPath, Any, StepList]:
    """The one param change that creates ``slot``: ``(path, value, new_list)``.

    Missing parent mappings are created in the same change, with an empty ``case`` mapping
    where the schema's switch-like object requires one (``result: {case: {}, default: [...]}``).
    A new condition is inserted before the otherwise branch with an empty ``when`` for the person
    to fill in; the whole list of conditions is the value then (its other branches' step lists
    are the very same objects). ``new`` is the list to put there (a fresh one by default).
    """
    new = StepList() if new is None else new
    if slot.kind in ("condition", "otherwise"):
        where = slot.path[:-2]
        items = step.params if not where else step.get(where)
        value = copy_value(items) if isinstance(items, list) else []
        value.insert(slot.path[-2], {"when": "", "then": new} if slot.kind == "condition" else {"else": new})
        return where, value, new
    path = slot.path
    first_missing = next((i for i in range(1, len(path) + 1) if not step.has(path[:i])), len(path))
    base = path[:first_missing]
    value: Any = new
    for key in reversed(path[first_missing:]):
        value = {key: value}
    if isinstance(value, dict):
        for map_pattern in case_maps(patterns):
            if len(map_pattern) == len(base) + 1 and _fits(base, map_pattern[:-1]) \
                    and map_pattern[-1] not in value:
                value = {map_pattern[-1]: {}, **value}
        if base == ("result",) and step.method in RESULT_VARIABLE:
            value = {"variable": RESULT_VARIABLE[step.method], **value}
    return base, value, new


def _fits(path: ParamPath, pattern: ParamPath) -> bool:
    return len(path) == len(pattern) and all(p == "*" or p == k for p, k in zip(pattern, path))


class PendingList(StepList):
    """The (still empty) list of an open slot, before the param change that creates it.

    Canvas code that asks "which list does this port feed?" gets one, so inserting or linking
    into a "+" port works like any branch port: the edit adds :func:`creation`'s change first,
    in the same undo step. ``owner`` is set from the start so placement can use it.
    """

    def __init__(self, owner: Step, slot: OpenSlot) -> None:
        super().__init__()
        self.owner = owner
        self.slot = slot

    def is_open(self) -> bool:
        """Whether the slot still has to be created (this list is not in the step yet)."""
        return self.owner.get(self.slot.path) is not self


#: Keys of ``connect``'s destination lists: their items are numbered on ports ("#2: ..."),
#: the key itself is not shown (the panel says how they are rung).
DESTINATION_KEYS = ("serial", "parallel", "serial_parallel")


def _where(parts: Sequence[Any]) -> str:
    """``["serial", 0]`` -> ``#1``; ``["serial_parallel", 1, 0]`` -> ``#2.1``; other keys as is."""
    words: list[str] = []
    numbers: list[str] = []
    for part in parts:
        if isinstance(part, int):
            numbers.append(str(part + 1))
            continue
        if numbers:
            words.append("#" + ".".join(numbers))
            numbers = []
        if part not in DESTINATION_KEYS:
            words.append(str(part))
    if numbers:
        words.append("#" + ".".join(numbers))
    return " ".join(words)


def owner_words(step: Step, path: ParamPath) -> str:
    """Who a branch inside a list item belongs to, for the panel: "Destination #2
    (+15557654321)" for a connect destination's result; "" for a step's own branches."""
    if not path or path[0] not in DESTINATION_KEYS:
        return ""
    n = 1
    while n < len(path) and isinstance(path[n], int):
        n += 1
    if n == 1:
        return ""
    to = step.get(tuple(path[:n]) + ("to",))
    number = _where(path[:n])
    return f"Destination {number} ({to})" if isinstance(to, str) and to else f"Destination {number}"


def branch_words(method: str, path: ParamPath) -> str:
    """What a branch at ``path`` means, in a few words, for its port and its "Add" button:
    ``otherwise``, ``if nobody answered``, ``#2: if not answered`` (the second destination)."""
    parts = [p for p in path if p != "result"]
    if len(parts) >= 2 and parts[-2] == "case":
        key = str(parts[-1])
        prefix = _where(parts[:-2])
        words = (prefix and ONE_DESTINATION_WORDS.get((method, key))) or OUTCOME_WORDS.get((method, key)) \
            or (f"if {key}" if method in OUTCOMES else f"case {key}")
        return f"{prefix}: {words}" if prefix else words
    if len(parts) >= 2 and parts[-1] in ("then", "else") and isinstance(parts[-2], int):
        # an item of a list of conditions (its text, when it has one, is shown by the canvas)
        prefix = _where(parts[:-2])
        words = f"condition {parts[-2] + 1}" if parts[-1] == "then" else "otherwise"
        return f"{prefix}: {words}" if prefix else words
    if parts and isinstance(parts[-1], str) and parts[-1] in FIXED_WORDS:
        prefix = _where(parts[:-1])
        return f"{prefix}: {FIXED_WORDS[parts[-1]]}" if prefix else FIXED_WORDS[parts[-1]]
    return _where(parts)
