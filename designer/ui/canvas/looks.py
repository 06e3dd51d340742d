"""Derive what a block shows (:class:`BlockLook`) from the model, the catalog and the problems."""

from __future__ import annotations

from typing import Any

from designer.model.branches import branch_words, open_slots
from designer.model.catalog import Catalog
from designer.model.document import Step
from designer.model.problems import Problem
from designer.model.summary import summarize
from designer.model.titles import block_title
from designer.ui.canvas.block_item import BlockLook

ProblemIndex = dict[str, tuple[int, int, tuple[str, ...]]]


def branch_label(path: tuple[Any, ...], method: str = "") -> str:
    """A nested list's port label in plain words: ``("case", "1")`` -> ``case 1``, ``default`` ->
    ``otherwise``, ``(0, "then")`` -> ``condition 1`` (see :func:`designer.model.branches.branch_words`)."""
    return branch_words(method, tuple(path))


#: Longest condition text shown on a branch port before its middle is cut out ("…").
CONDITION_CHARS = 22


def branch_text(step: Step, path: tuple[Any, ...], nesting: tuple[tuple[Any, ...], ...]) -> str:
    """A port label that says when the branch runs: ``if prompt_value == '1'`` / ``otherwise``.

    Only for the items of a list of conditions (``cond``, a ``result`` list); anything else, or a
    condition with no text yet, gets :func:`branch_label`.
    """
    if len(path) >= 2 and path[-1] in ("then", "else") and isinstance(path[-2], int) \
            and tuple(path[:-2]) + ("*", "then") in nesting:
        item = step.get(tuple(path[:-1]))
        if isinstance(item, dict):
            when = item.get("when")
            if path[-1] == "else" and "when" not in item and "then" not in item:
                return "otherwise"
            if path[-1] == "else":  # a condition's own else, beside its then
                return f"else of condition {path[-2] + 1}"
            if path[-1] == "then" and isinstance(when, str) and when.strip():
                text = " ".join(when.split())
                if len(text) > CONDITION_CHARS:  # keep both ends: "== 'sip'" is what differs
                    head = (CONDITION_CHARS - 1) // 2
                    text = text[:head] + "…" + text[len(text) - (CONDITION_CHARS - 1 - head):]
                return f"if {text}"
    return branch_label(path, step.method)


def index_problems(problems: list[Problem]) -> ProblemIndex:
    """Step id -> (errors, warnings, messages)."""
    found: dict[str, list] = {}
    for p in problems:
        if p.step_id is None:
            continue
        entry = found.setdefault(p.step_id, [0, 0, []])
        if p.severity != "info":  # a note on style is in the tooltip, not on the badge
            entry[0 if p.is_error else 1] += 1
        entry[2].append(("⛔ " if p.is_error else "ℹ " if p.severity == "info" else "⚠ ") + p.message)
    return {k: (e, w, tuple(m)) for k, (e, w, m) in found.items()}


def look_for(step: Step, catalog: Catalog, detached: bool, problems: ProblemIndex,
             connected_in: bool, connected_out: bool, unreachable: bool = False) -> BlockLook:
    """The look of ``step``'s block; ``unreachable`` greys a step no call reaches."""
    spec = catalog.method(step.method)
    children = step.child_lists()
    errors, warnings, messages = problems.get(step.id, (0, 0, ()))
    title = block_title(step.method) if step.method else "not a method"
    tip = [f"{title} ({step.method})" if step.method else title]
    if spec.summary_line:
        tip.append(spec.summary_line)
    if detached:
        tip.append("Not connected to a start node: this block is not part of the call flow.")
    elif unreachable:
        tip.append("No call ever reaches this block.")
    tip.extend(messages)
    return BlockLook(
        title=title,
        summary=summarize(step),
        icon=spec.icon,
        group=spec.group,
        branches=tuple(branch_text(step, path, spec.nesting) for path, _ in children),
        detached=detached,
        errors=errors,
        warnings=warnings,
        tooltip="\n".join(tip),
        connected_in=connected_in,
        connected_out=connected_out,
        connected_branches=tuple(bool(len(lst)) for _, lst in children),
        method=step.method,
        slots=tuple(s.label for s in open_slots(step, spec.nesting)),
        unreachable=unreachable and not detached,
    )
