"""Checks over the whole document that need no paths: labels, sections, control ids, loose blocks.

They run over every step each time (a few microseconds per step). A ``goto`` to a missing label
and an ``execute``/``transfer`` to a missing section are errors: the call would fail there.
Checks that follow the call's paths (recordings, variables, reachability) are in
:mod:`designer.model.path_checks`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from designer.model.catalog import Catalog
from designer.model.document import Document, Step, StepList
from designer.model.problems import ERROR, WARNING, Problem
from designer.model.sections import JUMP_METHODS
from designer.model.semantics import destination_kind

if TYPE_CHECKING:  # pragma: no cover
    from designer.model.validation import Located



def run(doc: Document, located: list["Located"], catalog: Catalog) -> list[Problem]:
    """Every flow problem of ``doc``; ``located`` is the validator's walk (step, path, section)."""
    out: list[Problem] = []
    sections = {s.name for s in doc.sections}
    labels: dict[str, set[str]] = {}
    control_ids: dict[str, Step] = {}
    # Only these methods matter here; most steps of a flow are none of them, and skipping them
    # by one set lookup keeps this at a few ms for 5,000 steps (it runs after every edit).
    located = [item for item in located if item[0].form == "method" and item[0].method in _READ]
    for step, _path, section in located:
        if section is not None and _is(step, "label") and isinstance(step.params, str):
            labels.setdefault(section, set()).add(step.params)
        if section is not None and _is(step, "record_call"):
            cid = _param(step, "control_id")
            if isinstance(cid, str):
                control_ids.setdefault(cid, step)

    seen_ids: set[str] = set()
    for step, path, section in located:
        if section is None:
            continue
        if _is(step, "record_call"):
            cid = _param(step, "control_id")
            if isinstance(cid, str):
                if cid in seen_ids:
                    out.append(_problem(WARNING, f"Another recording already uses the id '{cid}'; "
                                        "stopping it by id will be ambiguous", step, ("control_id",), path,
                                        "flow.duplicate_control_id"))
                seen_ids.add(cid)
        if _is(step, "stop_record_call"):
            cid = _param(step, "control_id")
            if isinstance(cid, str) and not _is_var(cid) and cid not in control_ids:
                out.append(_problem(WARNING, f"No recording has the id '{cid}': no Record call block "
                                    "sets this id", step, ("control_id",), path, "flow.unknown_control_id"))
        if _is(step, "goto"):
            label = _param(step, "label")
            if isinstance(label, str) and label and not _is_var(label) \
                    and label not in labels.get(section, set()):
                out.append(_problem(ERROR, f"There is no label '{label}' in section '{section}' "
                                    "(goto only jumps within its section)", step, ("label",), path,
                                    "flow.unknown_label"))
        if step.form == "method" and step.method in JUMP_METHODS:
            dest = _param(step, "dest")
            if isinstance(dest, str) and destination_kind(dest) == "section" and dest not in sections:
                out.append(_problem(ERROR, f"There is no section '{dest}' to {step.method} to", step,
                                    ("dest",), path, "flow.unknown_section"))

    for chain in doc.detached:
        for step in _walk(chain):
            out.append(Problem(WARNING, "This block is not linked into the flow, so it will not be in the script: "
                               "drag it under a block or start node, or delete it",
                               step.id, (), (), code="flow.detached"))
    return out


#: The methods these checks read.
_READ = frozenset({"label", "record_call", "stop_record_call", "goto", *JUMP_METHODS})


def _is(step: Step, method: str) -> bool:
    return step.form == "method" and step.method == method


def _param(step: Step, key: str) -> Any:
    return step.params.get(key) if isinstance(step.params, dict) else None


def _is_var(text: str) -> bool:
    return "${" in text or "%{" in text


def _where(path: tuple[Any, ...] | None, step: Step) -> tuple[Any, ...]:
    if path is None:
        return ()
    return path + ((step.method,) if step.form == "method" else ())


def _problem(severity: str, message: str, step: Step, field: tuple[Any, ...], path: tuple[Any, ...] | None,
             code: str) -> Problem:
    where = _where(path, step)  # built only for a problem: most steps have none
    return Problem(severity, message, step.id, field, where + field if where else (), code=code)


def _walk(chain: StepList) -> Iterator[Step]:
    for step in chain:
        yield step
        for _, child in step.child_lists():
            yield from _walk(child)
