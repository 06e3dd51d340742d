"""Every branch slot the bundled schema nests can be created: slots enumerated from the schema.

For each method and each of its nesting rules (:func:`designer.model.schema.nesting_paths`), a
step is seeded from the schema with just the containers the rule passes through (one connect
destination for ``serial.*.result``, one group for ``serial_parallel.*.*``, an empty list of
conditions for ``result.*.then``). Then, as a person would, the branches offered are added one
at a time until one lands where the rule says; that must happen within a few additions.
The UI tests (``tests/ui/test_branch_slots_ui.py``) do the same by "+" ports and panel buttons.
"""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from designer.model.branches import OpenSlot, creation, open_slots
from designer.model.catalog import load_catalog
from designer.model.document import Document
from designer.model.schema import Schema
from designer.model.steps import ParamPath, Step, StepList

CATALOG = load_catalog()


def all_rules() -> list[tuple[str, ParamPath]]:
    """(method, nesting rule) for every method of the bundled schema that nests steps."""
    return [(m, p) for m in sorted(CATALOG.methods) for p in CATALOG.nesting(m)]


def fits(path: ParamPath, pattern: ParamPath) -> bool:
    return len(path) == len(pattern) and all(p == "*" or p == k for p, k in zip(pattern, path))


def _branches(schema: Schema, node: Any, depth: int = 0) -> Iterator[dict]:
    """The plain object/array nodes behind ``node`` ($ref, anyOf, oneOf, allOf followed)."""
    node = schema.resolve(node)
    if not isinstance(node, dict) or depth > 8:
        return
    subs = [s for k in ("anyOf", "oneOf", "allOf") for s in node.get(k, [])]
    if not subs or "properties" in node or "items" in node:
        yield node
    for sub in subs:
        yield from _branches(schema, sub, depth + 1)


def _minimal(schema: Schema, node: Any) -> Any:
    """A small value of ``node``'s type with its required properties filled in."""
    for branch in _branches(schema, node):
        kind = branch.get("type")
        if "properties" in branch or kind == "object":
            return {k: _minimal(schema, branch.get("properties", {}).get(k, {}))
                    for k in branch.get("required", [])}
        if kind == "array" or "items" in branch:
            return []
        if kind == "string":
            return str((branch.get("examples") or ["+15550100001"])[0])
        if kind in ("integer", "number"):
            return 1
        if kind == "boolean":
            return True
    return "x"


def _build(schema: Schema, node: Any, rest: ParamPath, leaf: Any) -> Any:
    """A value of ``node`` in which the containers along ``rest`` exist (``leaf`` at the end)."""
    if not rest:
        return _minimal(schema, node) if leaf is None else leaf
    key = rest[0]
    for branch in _branches(schema, node):
        if key == "*" and ("items" in branch or branch.get("type") == "array"):
            return [_build(schema, branch.get("items", {}), rest[1:], leaf)]
        if key == "*" and isinstance(branch.get("additionalProperties"), dict):
            return {"x": _build(schema, branch["additionalProperties"], rest[1:], leaf)}
        if key != "*" and key in branch.get("properties", {}):
            base = _minimal(schema, branch)
            base = base if isinstance(base, dict) else {}
            base[key] = _build(schema, branch["properties"][key], rest[1:], leaf)
            return base
    raise AssertionError(f"schema has no way to {rest}")


def seed(method: str, pattern: ParamPath) -> Any:
    """The method's value with the containers ``pattern`` passes through, from the schema."""
    if len(pattern) >= 2 and pattern[-2] == "*" and pattern[-1] in ("then", "else"):
        rest, leaf = pattern[:-2], []  # a list of conditions: it must exist to grow
    else:
        cut = max((i for i, p in enumerate(pattern[:-1]) if p == "*"), default=-1)
        rest, leaf = pattern[:cut + 1], None
    return _build(CATALOG.schema, CATALOG.schema.method_schema(method), tuple(rest), leaf)


def seeded_step(method: str, pattern: ParamPath) -> tuple[Document, Step]:
    data = {"version": "1.0.0", "sections": {"main": [{method: seed(method, pattern)}], "other": []}}
    doc = Document.from_data(data, CATALOG.nesting)
    return doc, doc.sections[0].steps[0]


def reaching(step: Step, pattern: ParamPath) -> OpenSlot | None:
    """The open slot whose branch would sit where ``pattern`` says, if offered now."""
    return next((s for s in open_slots(step, CATALOG.nesting(step.method)) if fits(s.path, pattern)), None)


def lists_at(step: Step, pattern: ParamPath) -> list[StepList]:
    return [lst for path, lst in step.child_lists() if fits(path, pattern)]


def add_until_reached(step: Step, pattern: ParamPath, add) -> OpenSlot:
    """Add offered branches (``add(slot)``) the way a person would until ``pattern``'s is offered."""
    for _ in range(4):
        slot = reaching(step, pattern)
        if slot is not None:
            return slot
        slots = open_slots(step, CATALOG.nesting(step.method))
        assert slots, f"{step.method}: nothing offered on the way to {pattern}"
        add(slots[0])
    raise AssertionError(f"{step.method}: {pattern} never offered")


def test_the_schema_nests_steps_in_the_expected_methods():
    methods = {m for m, _ in all_rules()}
    assert {"switch", "cond", "connect", "execute", "join_conference"} <= methods
    print(f"{len(all_rules())} nesting rules in {len(methods)} methods")
    assert len(all_rules()) >= 20


@pytest.mark.parametrize("method, pattern", all_rules(), ids=lambda v: ".".join(map(str, v))
                         if isinstance(v, tuple) else v)
def test_every_nesting_rule_has_a_slot_that_creates_it_in_one_change(method, pattern):
    doc, step = seeded_step(method, pattern)
    nesting = CATALOG.nesting(method)

    def add(slot: OpenSlot) -> StepList:
        path, value, new = creation(step, slot, nesting)
        doc.set_param(step, path, value)
        return new

    slot = add_until_reached(step, pattern, add)
    before = len(lists_at(step, pattern))
    new = add(slot)
    doc.insert_step(new, 0, Step("hangup", {}))
    assert len(lists_at(step, pattern)) == before + 1
    assert any(lst is new for lst in lists_at(step, pattern))
    assert reaching(step, pattern) != slot  # the slot is used up (or the next case is offered)
