"""What the validator keeps between edits: the walk of the flow, and per step its findings,
problems and a content token.

A step's findings depend only on its own data, so they are kept until the change log says its
params changed. Keeping them was not enough: going over 20,000 steps after every edit to collect
their (mostly empty) problem lists and tokens cost more than checking the edited step. So the
problems are also kept joined, and an edit that moved no step replaces only its steps' parts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from designer.model.change_log import Changes
from designer.model.messages import Finding
from designer.model.problems import Problem
from designer.model.steps import Step

if TYPE_CHECKING:  # pragma: no cover
    from designer.model.validation import Located


class Walk:
    """Every step with its place (JSON path, section), kept while no step moves.

    Walking the flow builds every path; after an edit that only changed params the places
    are as they were, so the walk is reused and only the edited steps are looked at.
    """

    def __init__(self) -> None:
        self.located: list["Located"] = []
        #: step id -> its index in :attr:`located` (walk order: the order of the problems).
        self.order: dict[str, int] = {}
        self._branches: dict[str, tuple[str, ...]] = {}
        self._walked = False

    def redo(self, located: list["Located"]) -> None:
        """Take a new walk of the flow."""
        self.located, self._walked = located, True
        self.order = {step.id: i for i, (step, _p, _s) in enumerate(located)}
        self._branches = {step.id: _branch_ids(step) for step, _p, _s in located}

    def edited_in_place(self, changes: Changes) -> list["Located"] | None:
        """The steps whose params changed, with their places, when no step or branch was added,
        removed or moved and no method renamed (every place is as at the last walk); ``None``
        when the flow must be walked again."""
        if changes.structural or not self._walked:
            return None
        out: list["Located"] = []
        for step_id in changes.direct:
            index = self.order.get(step_id)
            if index is None:  # not in the flow walked last
                return None
            item = self.located[index]
            if self._branches.get(step_id) != _branch_ids(item[0]):
                return None
            out.append(item)
        return out


def _branch_ids(step: Step) -> tuple[str, ...]:
    """What of a step decides the places of the steps nested in it: their lists, and its
    method (their paths name it, ``...0, switch, case...``)."""
    return (step.form, step.method, *(f"{path}{child.id}" for path, child in step.child_lists()))


class StepCache:
    """Per-step findings, the problems built from them and a token of each step's content."""

    def __init__(self, check: Callable[[Step], list[Finding]]) -> None:
        #: Checks one step (looked up at each call: tests count the validator's checks).
        self._check = check
        #: step id -> (its findings, the problems built from them or ``None`` after a re-walk,
        #: a token naming this check).
        self._entries: dict[str, tuple[list[Finding], list[Problem] | None, str]] = {}
        #: step id -> a token that changes whenever the step does (the path checks' content key).
        self.tokens: dict[str, str] = {}
        self._problems: dict[str, list[Problem]] = {}  # step id -> its problems, when it has any
        self._joined: list[Problem] | None = None
        self._serial = 0  # numbers each (re)check of a step

    def clear(self) -> None:
        """Forget everything (another document)."""
        self._entries, self.tokens, self._problems, self._joined = {}, {}, {}, None

    def rewalked(self, located: list["Located"]) -> None:
        """The flow was walked again: paths may have moved, so problems are rebuilt from the
        findings kept; steps no longer in the flow are forgotten."""
        entries = self._entries
        self._entries = {step.id: (entries[step.id][0], None, entries[step.id][2])
                         for step, _p, _s in located if step.id in entries}
        self.tokens, self._problems, self._joined = {}, {}, None

    def update(self, step: Step, path: "tuple[Any, ...] | None", again: bool) -> None:
        """Bring one step up to date at ``path``; ``again``: its params changed, check it again."""
        known = None if again else self._entries.get(step.id)
        if known is None:
            self._serial += 1
            findings, token = self._check(step), str(self._serial)
        elif known[1] is None:
            findings, token = known[0], known[2]
        else:
            return
        base = () if path is None else path + ((step.method,) if step.form == "method" else ())
        built = [Problem(f.severity, f.message, step.id, f.field,
                         base + f.field if path is not None else (), code=f.code, fix=f.fix)
                 for f in findings]
        self._entries[step.id] = (findings, built, token)
        self.tokens[step.id] = token
        old = self._problems.pop(step.id, None)
        if built:
            self._problems[step.id] = built
        if old or built:
            self._joined = None

    def problems(self) -> list[Problem]:
        """Every step's problems, each step's together in order (the validator orders the steps);
        do not change it."""
        if self._joined is None:
            self._joined = [p for built in self._problems.values() for p in built]
        return self._joined
