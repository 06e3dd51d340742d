"""Flows inside a step that are not branches: whole SWML documents and confirm step lists.

Two kinds of method lists sit deeper than the canvas's branches:

- an ``ai`` SWAIG function's action may hold ``SWML: {version, sections}``, a whole document the
  agent runs (the schema refers back to the root there, so it is not a nesting rule);
- ``connect.confirm`` (and each destination's ``confirm``) may be a list of the methods the
  person answering hears first, from a narrower set than a section's.

A function that has none yet can get one: its data map's ``output`` action list (the schema's
``Output.action`` items include ``SWMLAction``), created with the parents it needs in one change.

Each is opened as a flow of its own (:mod:`designer.ui.nested_flow`): this module finds them,
names them for people, turns one into the plain document that editor shows, and turns the edited
document back into the single param change that stores it. No Qt here.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Iterator

from designer.model.steps import MISSING, ParamPath, Step, copy_value, lookup, to_plain

CONFIRM = "confirm"
SWML_KEY = "SWML"


@dataclass(frozen=True)
class NestedFlow:
    """One flow inside a step: where it is, what it is called, and its kind.

    ``kind`` is ``"swml"`` (a whole document: all its sections are edited) or ``"steps"`` (one
    method list, shown as the document's ``main``). ``exists`` is false for a confirm list the
    step could get but does not have yet.
    """

    path: ParamPath
    title: str
    kind: str
    exists: bool = True


def find_nested_flows(step: Step) -> list[NestedFlow]:
    """Every nested flow of ``step`` in params order; a ``connect`` without ``confirm`` gets a
    not-yet-existing one, so the answering person's steps can be started from the panel."""
    if step.form != "method" or not isinstance(step.params, dict):
        return []
    found = list(_walk(step, step.params, ()))
    if isinstance(step.get(FUNCTIONS), list):  # ai, ai_sidecar, amazon_bedrock: all have SWAIG
        found += _new_function_flows(step, found)
    if step.method == "connect" and not any(f.path == (CONFIRM,) for f in found) \
            and not step.has((CONFIRM,)):
        found.insert(0, NestedFlow((CONFIRM,), confirm_title(()), "steps", exists=False))
    return found


def _walk(step: Step, value: Any, here: ParamPath) -> Iterator[NestedFlow]:
    if isinstance(value, dict):
        for key, sub in value.items():
            path = here + (key,)
            if key == SWML_KEY and isinstance(sub, dict) and isinstance(sub.get("sections"), dict):
                yield NestedFlow(path, swml_title(step, path), "swml")
            elif key == CONFIRM and step.method == "connect" and isinstance(sub, list):
                yield NestedFlow(path, confirm_title(here), "steps")
            else:
                yield from _walk(step, sub, path)
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _walk(step, sub, here + (i,))


#: What a data map's ``output`` tells the agent when the function was called (the schema requires
#: a ``response``); the person can change it with the function's other settings.
DEFAULT_RESPONSE = "Done."
FUNCTIONS = ("SWAIG", "functions")


def _new_function_flows(step: Step, found: list[NestedFlow]) -> list[NestedFlow]:
    """A not-yet-existing SWML flow for each SWAIG function without one that can hold one here:
    not a web hook function (its server answers with the actions) and no expressions or web hooks
    in its data map (each of those has its own output, too many places to guess from)."""
    functions = step.get(FUNCTIONS)
    out: list[NestedFlow] = []
    for i, function in enumerate(functions if isinstance(functions, list) else []):
        here = FUNCTIONS + (i,)
        if not isinstance(function, dict) or "web_hook_url" in function \
                or any(f.path[:len(here)] == here for f in found):
            continue
        data_map = function.get("data_map", {})
        if not isinstance(data_map, dict) or "expressions" in data_map or "webhooks" in data_map:
            continue
        output = data_map.get("output", {})
        actions = output.get("action", []) if isinstance(output, dict) else None
        if not isinstance(actions, list):
            continue
        path = here + ("data_map", "output", "action", len(actions), SWML_KEY)
        out.append(NestedFlow(path, swml_title(step, path), "swml", exists=False))
    return out


def swml_title(step: Step, path: ParamPath) -> str:
    """"What send_message runs" for an AI function's SWML; "SWML inside" elsewhere."""
    if len(path) >= 3 and path[0] == "SWAIG" and path[1] == "functions" and isinstance(path[2], int):
        name = step.get(("SWAIG", "functions", path[2], "function"))
        if isinstance(name, str) and name:
            return f"What “{name}” runs"
        return f"What function #{path[2] + 1} runs"
    return "SWML inside"


def confirm_title(prefix: ParamPath) -> str:
    """"What the person answering hears first" (for one destination: "... (destination #2)")."""
    base = "What the person answering hears first"
    numbers = [p for p in prefix if isinstance(p, int)]
    return f"{base} (destination #{numbers[-1] + 1})" if numbers else base


def as_document(step: Step, flow: NestedFlow) -> dict[str, Any]:
    """The plain SWML document the flow editor opens (a copy: the step is not touched)."""
    value = lookup(step.params, flow.path)
    if flow.kind == "swml":
        if isinstance(value, dict):
            return copy.deepcopy(to_plain(value))
        return {"version": "1.0.0", "sections": {"main": []}}
    steps = to_plain(value) if isinstance(value, list) else []
    return {"sections": {"main": copy.deepcopy(steps)}}


def stored_value(flow: NestedFlow, document: dict[str, Any]) -> Any:
    """What goes back at ``flow.path`` for an edited ``document`` (``MISSING`` to remove an
    empty confirm list, which would mean nothing)."""
    if flow.kind == "swml":
        sections = document.get("sections", {})
        empty = not any(isinstance(v, list) and v for v in sections.values()) \
            if isinstance(sections, dict) else False
        return MISSING if empty and not flow.exists else document
    steps = document.get("sections", {}).get("main", [])
    return steps if steps else MISSING


def stored_change(step: Step, flow: NestedFlow, document: dict[str, Any]) -> tuple[ParamPath, Any] | None:
    """The one param change that stores ``document`` as ``flow`` in ``step``: ``(path, value)``,
    or ``None`` when nothing changed (a new flow left empty is not created).

    A new flow whose parents are missing (a function's ``data_map``, its ``output``, the
    ``action`` list) is written at the deepest part that exists, with the parents built around
    it: one change, so one undo step.
    """
    value = stored_value(flow, document)
    old = lookup(step.params, flow.path)
    old = MISSING if old is MISSING else to_plain(old)
    if (value is MISSING and old is MISSING) or value == old:
        return None
    path = flow.path
    if old is not MISSING or value is MISSING:
        return path, value
    have = max(i for i in range(len(path)) if not i or lookup(step.params, path[:i]) is not MISSING)
    if isinstance(path[have], int):  # append to the list that is there
        items = lookup(step.params, path[:have])
        return path[:have], copy_value(items) + [_build(path[have + 1:], value)]
    return path[:have + 1], _build(path[have + 1:], value)


def _build(rest: ParamPath, value: Any) -> Any:
    """``value`` wrapped in the missing keys ``rest``; a new data-map ``output`` gets its
    required ``response``."""
    inner: Any = value
    for k in reversed(rest):
        if isinstance(k, int):
            inner = [inner]
        else:
            inner = {"response": DEFAULT_RESPONSE, k: inner} if k == "action" else {k: inner}
    return inner
