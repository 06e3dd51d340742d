"""Run the path checks only when something they read has changed.

The path analysis and its checks cost more than all the per-step checks put together (they
follow every path through the whole script). Most edits do not touch what they read: typing a
sentence to say, a timeout, a recording format. So a *signature* of the script is taken: for
every step its place (the JSON path), its method, the variables it reads and the few params that
steer the call (``dest``, ``label``, ``when``, ``max``, ``variable``, case keys, the keys a
``set`` writes, how many digits a ``prompt`` collects...). When the signature is the same as at
the last run, the last findings are still right and are reused.

:func:`flow_facts` must name every param :mod:`designer.model.path_checks` and
:mod:`designer.model.paths` read; ``tests/model/test_path_run.py`` pins that an edit to each of
them re-runs the checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from designer.model import path_checks
from designer.model.document import Document, Step
from designer.model.paths import analyse
from designer.model.problems import Problem
from designer.model.var_uses import Use, uses

if TYPE_CHECKING:  # pragma: no cover
    from designer.model.validation import Located

#: Params that steer the call or that the path checks read, wherever a method has them.
FLOW_KEYS = ("dest", "label", "when", "max", "variable", "save_variables", "max_digits")
#: Params of which the checks read only whether they are text (``stop_record_call`` with a
#: ``control_id`` stops that recording only): typing an id must not re-run every path.
KIND_KEYS = ("control_id",)


def flow_facts(step: Step) -> tuple[Any, ...]:
    """What of ``step`` the path analysis and checks depend on, as a comparable tuple."""
    params = step.params
    facts: list[Any] = [step.form, step.method]
    if isinstance(params, dict):
        facts.extend((k, repr(params[k])) for k in FLOW_KEYS if k in params)
        facts.extend((k, isinstance(params[k], str)) for k in KIND_KEYS if k in params)
        facts.append(tuple(str(k) for k in params if str(k).startswith("speech_")))
        if step.method == "set":
            facts.append(tuple(str(k) for k in params))
        if isinstance(params.get("params"), dict):
            facts.append(("params", tuple(str(k) for k in params["params"])))
        for holder in (params, params.get("result")):
            if isinstance(holder, dict) and isinstance(holder.get("case"), dict):
                facts.append(("case", tuple(str(k) for k in holder["case"])))
        if isinstance(params.get("result"), list):
            facts.append(("result", tuple(tuple(i) if isinstance(i, dict) else () for i in params["result"])))
    elif isinstance(params, list):
        facts.append(tuple((tuple(i), repr(i.get("when"))) if isinstance(i, dict) else () for i in params))
    elif isinstance(params, (str, int, float)) or params is None:
        facts.append(repr(params))
    facts.append(tuple(path for path, _ in step.child_lists()))
    return tuple(facts)


class PathChecker:
    """Path findings for one validator, recomputed only when the script's signature changes."""

    def __init__(self) -> None:
        self._signature: Any = None
        self._problems: list[Problem] = []
        self._unreachable: frozenset[str] = frozenset()
        #: (step id, content) -> ((flow facts, reads), reads): a step's part of the signature,
        #: worked out once per content of the step.
        self._facts: dict[tuple[str, str], tuple[Any, list[Use]]] = {}
        #: The validator's list of located steps and the tokens seen at the last run.
        self._located: list["Located"] | None = None
        self._content: dict[str, str] = {}

    def run(self, doc: Document, located: list["Located"], content: dict[str, str],
            edited: list[Step] | None = None) -> tuple[list[Problem], frozenset[str]]:
        """The path problems of ``doc`` and the ids of steps no call reaches.

        ``content`` maps a step id to a token of its data (the validator's cache key), so a
        step's variable reads and flow facts are found once per content, not once per run.
        ``edited``: the only steps whose token can have changed since the last run, when the
        validator knows them (``None``: look at every step).
        """
        if located is self._located and self._same_facts(doc, located, content, edited):
            return list(self._problems), self._unreachable
        found: dict[tuple[str, str], tuple[Any, list[Use]]] = {}
        by_id: dict[str, list[Use]] = {}
        parts = []
        for step, path, section in located:
            key = (step.id, content.get(step.id, ""))
            known = self._facts.get(key) if key[1] else None
            if known is None:
                reads = uses(step)
                known = ((flow_facts(step), tuple(reads)), reads)
            found[key] = known
            by_id[step.id] = known[1]
            parts.append((step.id, path, section, known[0]))
        self._facts = found
        self._located, self._content = located, dict(content)
        signature = (tuple(s.name for s in doc.sections), tuple(parts))
        if signature != self._signature:
            paths = analyse(doc)
            self._problems = path_checks.run(doc, located, paths, lambda s: by_id.get(s.id, []))
            self._unreachable = path_checks.unreachable_ids(
                doc, paths, path_checks.has_ai(step for step, _p, _s in located))
            self._signature = signature
        return list(self._problems), self._unreachable

    def _same_facts(self, doc: Document, located: list["Located"], content: dict[str, str],
                    edited: list[Step] | None) -> bool:
        """Whether the signature is unchanged, looking only at steps whose token changed.

        ``located`` being the very list of the last run means the validator did not walk the
        flow again: no step was added, removed or moved, so every place is as it was. Then only
        steps with a new token can have new facts; building the whole signature again cost
        10 ms a keystroke at 5,000 steps, and finding those steps among all 11 ms at 20,000,
        hence ``edited``. When a fact did change, the caller starts over."""
        if self._signature is None or tuple(s.name for s in doc.sections) != self._signature[0]:
            return False
        last = self._content
        candidates = edited if edited is not None else (step for step, _p, _s in located)
        changed = [step for step in candidates if last.get(step.id) != content.get(step.id)]
        for step in changed:
            token = content.get(step.id, "")
            old = self._facts.get((step.id, last.get(step.id, "")))
            if not token or old is None:
                return False
            reads = uses(step)
            known = ((flow_facts(step), tuple(reads)), reads)
            if known[0] != old[0]:
                return False
        for step in changed:  # same facts: only the tokens they are filed under move
            token = content[step.id]
            self._facts[(step.id, token)] = self._facts.pop((step.id, last[step.id]))
            last[step.id] = token
        return True
