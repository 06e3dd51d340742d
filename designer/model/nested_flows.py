"""Flows inside a step that are not branches: whole SWML documents and confirm step lists.

Two kinds of method lists sit deeper than the canvas's branches:

- an ``ai`` SWAIG function's action may hold ``SWML: {version, sections}``, a whole document the
  agent runs (the schema refers back to the root there, so it is not a nesting rule);
- ``connect.confirm`` (and each destination's ``confirm``) may be a list of the methods the
  person answering hears first, from a narrower set than a section's.

Each is opened as a flow of its own (:mod:`designer.ui.nested_flow`): this module finds them,
names them for people, turns one into the plain document that editor shows, and turns the edited
document back into the single param change that stores it. No Qt here.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Iterator

from designer.model.steps import ParamPath, Step, lookup, MISSING, to_plain

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
        return copy.deepcopy(to_plain(value)) if isinstance(value, dict) else {"sections": {"main": []}}
    steps = to_plain(value) if isinstance(value, list) else []
    return {"sections": {"main": copy.deepcopy(steps)}}


def stored_value(flow: NestedFlow, document: dict[str, Any]) -> Any:
    """What goes back at ``flow.path`` for an edited ``document`` (``MISSING`` to remove an
    empty confirm list, which would mean nothing)."""
    if flow.kind == "swml":
        return document
    steps = document.get("sections", {}).get("main", [])
    return steps if steps else MISSING
