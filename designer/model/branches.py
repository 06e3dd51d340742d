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
from typing import Any, Sequence

from designer.model.steps import ParamPath, Step, StepList

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

#: Plain words for the lists that are not cases.
FIXED_WORDS: dict[str, str] = {
    "default": "otherwise",
    "on_return": "after it returns",
    "then": "then",
    "else": "otherwise",
}


@dataclass(frozen=True)
class OpenSlot:
    """A branch the step may have but does not yet: where its list would go and what it says."""

    path: ParamPath
    label: str


def case_maps(patterns: Sequence[ParamPath]) -> tuple[ParamPath, ...]:
    """Param paths of the step's case mappings: ``("case",)`` for switch, ``("result", "case")``."""
    out = [p[:-1] for p in patterns if p and p[-1] == "*" and "*" not in p[:-1] and len(p) >= 2]
    return tuple(dict.fromkeys(out))


def fixed_lists(patterns: Sequence[ParamPath]) -> tuple[ParamPath, ...]:
    """Param paths of single named lists at the top of a step (``default``, ``on_return``...)."""
    return tuple(p for p in patterns if p and "*" not in p)


def _blocked(step: Step, path: ParamPath) -> bool:
    """Whether a value on the way to ``path`` is not a mapping (e.g. ``result`` written as a
    list of conditions): then this slot does not apply, the other form is in use."""
    for i in range(1, len(path)):
        if step.has(path[:i]) and not isinstance(step.get(path[:i]), dict):
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
    named list; a result's "otherwise" is left out when the known outcomes cover every case.
    """
    if step.form != "method" or not isinstance(step.params, (dict, type(None))):
        return ()
    out: list[OpenSlot] = []
    outcomes = OUTCOMES.get(step.method, ())
    for map_path in case_maps(patterns):
        if _blocked(step, map_path + ("x",)):
            continue
        key = next_case_key(step, map_path)
        cases = step.get(map_path, {})
        if outcomes and isinstance(cases, dict) and set(outcomes) <= {str(k) for k in cases}:
            continue
        out.append(OpenSlot(map_path + (key,), "+ " + branch_words(step.method, map_path + (key,))))
    for path in fixed_lists(patterns):
        if step.has(path) or _blocked(step, path):
            continue
        if len(path) > 1 and outcomes:
            continue  # a result whose outcomes are all known needs no "otherwise"
        out.append(OpenSlot(path, "+ " + branch_words(step.method, path)))
    return tuple(out)


def creation(step: Step, slot: OpenSlot, patterns: Sequence[ParamPath],
             new: StepList | None = None) -> tuple[ParamPath, Any, StepList]:
    """The one param change that creates ``slot``: ``(path, value, new_list)``.

    Missing parent mappings are created in the same change, with an empty ``case`` mapping
    where the schema's switch-like object requires one (``result: {case: {}, default: [...]}``).
    ``new`` is the list to put there (a fresh one by default).
    """
    new = StepList() if new is None else new
    path = slot.path
    first_missing = next((i for i in range(1, len(path) + 1) if not step.has(path[:i])), len(path))
    base = path[:first_missing]
    value: Any = new
    for key in reversed(path[first_missing:]):
        value = {key: value}
    if isinstance(value, dict):
        for map_path in case_maps(patterns):
            if len(map_path) == len(base) + 1 and map_path[:len(base)] == base \
                    and map_path[-1] not in value:
                value = {map_path[-1]: {}, **value}
        if base == ("result",) and step.method in RESULT_VARIABLE:
            value = {"variable": RESULT_VARIABLE[step.method], **value}
    return base, value, new


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


def branch_words(method: str, path: ParamPath) -> str:
    """What a branch at ``path`` means, in a few words, for its port and its "Add" button."""
    parts = [p for p in path if p != "result"]
    if len(parts) >= 2 and parts[-2] == "case":
        key = str(parts[-1])
        words = OUTCOME_WORDS.get((method, key)) or (f"if {key}" if method in OUTCOMES else f"case {key}")
        prefix = " ".join(f"#{p + 1}" if isinstance(p, int) else str(p) for p in parts[:-2])
        return f"{prefix}: {words}" if prefix else words
    if parts and isinstance(parts[-1], str) and parts[-1] in FIXED_WORDS and len(parts) == 1:
        return FIXED_WORDS[parts[-1]]
    return " ".join(f"#{p + 1}" if isinstance(p, int) else str(p) for p in parts)
