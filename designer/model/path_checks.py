"""Checks that follow the paths a call can take (see :mod:`designer.model.paths`).

- **Reachability**: steps no call reaches (after a ``hangup``, a ``transfer``, a ``return``),
  sections never entered, a ``goto`` that always jumps back with nothing in between that could
  end the loop, a section that ``execute``\\ s itself before anything could stop it.
- **Variables**: a variable read where nothing set it before, on any path (it would be empty)
  or on some paths; ``prompt_value`` with no ``prompt`` before; ``return_value`` with nothing
  that sets it; ``${record_call_url}`` before any recording.
- **Recording**: ``stop_record_call`` where no recording runs; a ``hangup`` while one may still
  run (a note: SignalWire stops it when the call ends).
- **Branches**: a ``switch`` case key that the variable can never hold (the values of
  ``prompt_result``, the digits a ``prompt`` collects).

Severity follows one rule: error where the call would fail, warning where it would very likely
not do what the author meant, info for style.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable, Iterable

from designer.model.document import Document, Section, Step
from designer.model.paths import MAIN, Paths, State, always_jumps
from designer.model.problems import ERROR, INFO, WARNING, Problem
from designer.model.semantics import (
    EXECUTE, GOTO, HANGUP, RETURN, TRANSFER, branches, destination_kind, semantics,
)
from designer.model.semantics_table import CALL_SCOPES
from designer.model.var_uses import Use, uses

if TYPE_CHECKING:  # pragma: no cover
    from designer.model.validation import Located

#: Variables SignalWire sets for every call or that ``play``/``prompt`` read when set.
ALWAYS_SET = frozenset(CALL_SCOPES)
#: What a person calls the method that sets a variable, for messages.
_SETTER_WORDS = {
    "prompt_value": "an Ask (prompt) block", "prompt_result": "an Ask (prompt) block",
    "record_call_url": "a Record call block", "return_value": "an execute, connect or request block",
    "request_response": "a request block with save_variables on",
}
_DIGITS = re.compile(r"^[0-9*#]+$")


def run(doc: Document, located: list["Located"], paths: Paths,
        uses_of: Callable[[Step], list[Use]] = uses) -> list[Problem]:
    """Every path problem of ``doc`` (``paths`` from :func:`designer.model.paths.analyse`);
    ``uses_of`` gives a step's variable reads (the validator passes cached ones)."""
    out: list[Problem] = []
    where = {step.id: _where(path, step) for step, path, _s in located}
    by_id = {step.id: step for step, _p, _s in located}
    _sections_never_entered(doc, paths, where, out, has_ai(step for step, _p, _s in located))
    for step, _path, section in located:
        if section is None or section not in paths.entered:
            continue
        state = paths.before.get(step.id)
        if state is None:
            _unreachable(step, paths, where, out)
            continue
        if step.form != "method":
            continue
        reads = uses_of(step)
        _variables(step, [u for u in reads if not u.name.startswith("params.")], state, where[step.id], out)
        _params(step, [u for u in reads if u.name.startswith("params.")], section, paths, where[step.id], out)
        _record_url_while_recording(step, reads, state, where[step.id], out)
        _recording(step, state, where[step.id], out)
        if step.method == "switch":
            _impossible_cases(step, state, by_id, where[step.id], out)
        if step.method == GOTO:
            _endless_goto(step, paths, where[step.id], out)
        if step.method == EXECUTE:
            _self_call(step, paths, doc, where[step.id], out)
    return out


def unreachable_ids(doc: Document, paths: Paths, ai: bool | None = None) -> frozenset[str]:
    """Ids of the steps no call reaches (drawn greyed on the canvas): dead steps of entered
    sections, and every step of a section nothing enters (unless it may be entered at run time).
    ``ai``: whether the script has an AI agent, when the caller already knows (else a walk)."""
    everywhere = not (paths.open_entry or (has_ai(doc.walk()) if ai is None else ai))
    return frozenset(sid for sid, section in paths.section_of.items()
                     if sid not in paths.before and (section in paths.entered or everywhere))


# ----------------------------------------------------------------------------- reachability
def _sections_never_entered(doc: Document, paths: Paths, where: dict[str, tuple[Any, ...]],
                            out: list[Problem], ai: bool) -> None:
    if paths.open_entry or ai:
        return  # a destination decided at run time (or an AI agent) may enter any section
    for section in doc.sections:
        if section.name in paths.entered or section.name == MAIN or not len(section.steps):
            continue
        first = section.steps[0]
        out.append(Problem(WARNING, f"No call ever enters section '{section.name}': no execute or transfer "
                           "on the call's paths goes there", first.id, (), ("sections", section.name),
                           code="flow.section_never_entered"))


def has_ai(steps: Iterable[Step]) -> bool:
    """Whether any of ``steps`` is an AI agent (it may send the call to any section). Callers
    pass the validator's list of steps when they have it: a walk of 5,000 steps costs 20 ms."""
    return any(s.form == "method" and s.method in ("ai", "amazon_bedrock") for s in steps)


def _unreachable(step: Step, paths: Paths, where: dict[str, tuple[Any, ...]], out: list[Problem]) -> None:
    """One warning per run of dead steps: on the first step after the one that ends the path."""
    parent = step.parent
    if parent is None:
        return
    index = parent.index(step)
    if index == 0:
        owner = parent.owner
        if isinstance(owner, Step) and owner.id not in paths.before:
            return  # inside a step that is itself never reached
        if isinstance(owner, Step):
            why = ("the section the execute calls never comes back (it ends the call or leaves)"
                   if owner.method == EXECUTE else "the call cannot get here")
            out.append(_problem(WARNING, f"This branch never runs: {why}", step, (), where, "flow.unreachable"))
        return
    previous = parent[index - 1]
    if previous.id not in paths.before:
        return
    flow = semantics(previous.method).flow if previous.form == "method" else ""
    reason = {HANGUP: "the call has already ended at the hangup above",
              TRANSFER: "the call has already left with the transfer above",
              RETURN: "the call has already returned above"}.get(flow, "")
    if not reason and flow == GOTO and always_jumps(previous):
        reason = (f"the goto above jumps back to '{previous.get(('label',))}' every time (only after its default "
                  "max of 100 jumps would the call go on)")
    if not reason and flow == EXECUTE:
        reason = "the section the execute above calls never comes back (it ends the call or leaves)"
    if not reason and branches(previous):
        reason = f"every branch of the {previous.method} above ends the call or leaves"
    reason = reason or "the call cannot get past the step above"
    out.append(_problem(WARNING, f"This step never runs: {reason}", step, (), where, "flow.unreachable"))


def _endless_goto(step: Step, paths: Paths, where: tuple[Any, ...], out: list[Problem]) -> None:
    """An unconditional ``goto`` with no ``max``, back to a label in its own list with nothing
    between that can leave the loop: the steps repeat 100 times (goto.mdx: default max)."""
    if step.get(("when",)) not in (None, "") or step.has(("max",)) or step.parent is None:
        return
    label = step.get(("label",))
    target = paths.labels.get(paths.section_of.get(step.id, ""), {}).get(label)
    if target is None or target.parent is not step.parent:
        return
    steps = step.parent.steps
    start, end = step.parent.index(target), step.parent.index(step)
    if start > end:
        return
    for between in steps[start + 1:end]:
        meaning = semantics(between.method) if between.form == "method" else None
        if meaning is None or meaning.flow != "continue" or meaning.outside or branches(between):
            return
    rounds = _plain_number(semantics(GOTO).number(("max",)).default)
    out.append(Problem(WARNING, f"This goto always jumps back to '{label}' and nothing in between can end the "
                       f"loop: those steps repeat {rounds} times (the default max), then the call goes on. Add a "
                       "condition (when), a max or a way out", step.id, ("label",), where + ("label",),
                       code="flow.endless_goto"))


def _self_call(step: Step, paths: Paths, doc: Document, where: tuple[Any, ...], out: list[Problem]) -> None:
    """A section that executes a section leading back to itself before any step could stop it."""
    dest = step.get(("dest",))
    home = paths.section_of.get(step.id)
    if destination_kind(dest) != "section" or home is None or not _unconditional(step):
        return
    seen, chain = {home}, [dest]
    current = dest
    while current not in seen:
        seen.add(current)
        section = doc.section(current)
        nxt = next((s for s in (section.steps if section else []) if _unconditional(s)
                    and s.form == "method" and s.method == EXECUTE), None) if section else None
        if nxt is None:
            return
        current = nxt.get(("dest",))
        if destination_kind(current) != "section":
            return
        chain.append(current)
    if current != home:
        return
    through = " -> ".join([home] + chain)
    out.append(Problem(ERROR, f"Section '{home}' calls itself again before anything can stop it ({through}): "
                       "the call would never get past this step", step.id, ("dest",), where + ("dest",),
                       code="flow.execute_recursion"))


def _plain_number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _unconditional(step: Step) -> bool:
    """Whether every call entering ``step``'s section reaches ``step`` (nothing before it branches,
    jumps or ends the call)."""
    parent = step.parent
    if parent is None or not isinstance(parent.owner, Section):
        return False
    for before in parent.steps[:parent.index(step)]:
        if before.form != "method":
            continue
        meaning = semantics(before.method)
        if meaning.flow != "continue" or meaning.outside or branches(before):
            return False
    return True


# ----------------------------------------------------------------------------- variables
def _variables(step: Step, reads: list[Use], state: State, where: tuple[Any, ...], out: list[Problem]) -> None:
    reported: set[tuple[str, tuple[Any, ...]]] = set()
    for use in reads:
        name = use.name
        if name in ALWAYS_SET or name in state.must or (name, use.field) in reported:
            continue
        if step.method == "set" and isinstance(step.params, dict) and name in step.params:
            continue
        reported.add((name, use.field))
        setter = _SETTER_WORDS.get(name)
        if name not in state.may and not state.unknown:
            if setter:
                message = f"'{name}' is empty here: no {setter.split(' ', 1)[1]} comes before this step on any path"
            else:
                message = f"Nothing sets '{name}' before this step: it will be empty (set it with a Set block first)"
            code = "flow.record_url_before_record" if name == "record_call_url" else "flow.variable_not_set"
            out.append(_problem(WARNING, message, step, use.field, where, code))
        elif name not in state.may or state.unknown:
            continue
        else:
            message = f"On some paths to this step nothing sets '{name}': it may be empty"
            if setter:
                message = f"On some paths to this step no {setter.split(' ', 1)[1]} comes before: '{name}' may be empty"
            out.append(_problem(WARNING, message, step, use.field, where, "flow.variable_maybe_not_set"))


def _params(step: Step, reads: list[Use], section: str, paths: Paths, where: tuple[Any, ...],
            out: list[Problem]) -> None:
    """``params.x`` in a section that every ``execute``/``transfer`` into it leaves without ``x``."""
    entries = paths.entries.get(section, [])
    if not reads or section == MAIN or paths.open_entry or not entries:
        return
    passed: set[str] = set()
    for entry in entries:
        given = entry.get(("params",))
        if not isinstance(given, dict):
            if given is not None:
                return  # params from a variable: could hold anything
            continue
        passed.update(str(k) for k in given)
    for use in reads:
        key = use.name.split(".", 1)[1]
        if key not in passed:
            out.append(_problem(WARNING, f"No execute or transfer into section '{section}' passes '{key}' in its "
                                f"params: params.{key} will be empty", step, use.field, where, "flow.param_not_passed"))


def _record_url_while_recording(step: Step, reads: list[Use], state: State, where: tuple[Any, ...],
                                out: list[Problem]) -> None:
    """Playing ``${record_call_url}`` back while the recording may still run (stop it first)."""
    if step.method not in ("play", "prompt") or not state.rec_may:
        return
    for use in reads:
        if use.name == "record_call_url":
            words = "is still running" if state.rec_must else "may still be running"
            out.append(_problem(WARNING, f"The recording {words} here: stop it (Stop recording) before playing "
                                "it back", step, use.field, where, "flow.record_url_while_recording"))
            return


# ----------------------------------------------------------------------------- recording
def _recording(step: Step, state: State, where: tuple[Any, ...], out: list[Problem]) -> None:
    if step.method == "stop_record_call" and not state.rec_must:
        cid = step.get(("control_id",))
        if not state.rec_may:
            out.append(_problem(WARNING, "Nothing is being recorded here: no Record call block runs before "
                                "this one on any path", step, (), where, "flow.stop_before_record"))
        elif not isinstance(cid, str):
            out.append(_problem(WARNING, "On some paths to this step no recording is running: nothing to stop "
                                "there", step, (), where, "flow.stop_maybe_not_recording"))
    if step.method == "hangup" and state.rec_may:
        out.append(_problem(INFO, "A recording may still be running at this hangup: SignalWire stops it when the "
                            "call ends (add Stop recording to stop it yourself)", step, (), where,
                            "flow.recording_not_stopped"))


# ----------------------------------------------------------------------------- branches
def _impossible_cases(step: Step, state: State, by_id: dict[str, Step], where: tuple[Any, ...],
                      out: list[Problem]) -> None:
    variable = step.get(("variable",))
    cases = step.get(("case",))
    if not isinstance(variable, str) or not isinstance(cases, dict) or state.unknown:
        return
    name = variable.strip()
    name = name[5:] if name.startswith("vars.") else name
    setters = [sid for var, sid in state.defs if var == name]
    if not setters or name not in state.must:
        return
    allowed: set[str] = set()
    digits: int | None = 0
    for sid in setters:
        setter = by_id.get(sid)
        if setter is None or setter.method == "set":
            return
        known = semantics(setter.method).variable(name)
        if name == "prompt_value" and setter.method == "prompt":
            most = _digits_only(setter)
            if most is None:
                return
            digits = None if digits is None else max(digits, most)
            continue
        if known is None or not known.values:
            return
        allowed.update(known.values)
        digits = None
    for key in cases:
        text = str(key)
        if digits:
            if not _DIGITS.match(text) or len(text) > digits:
                keys = "1 key" if digits == 1 else f"up to {digits} keys"
                out.append(_problem(WARNING, f"Case '{text}' can never match: the Ask block before collects {keys} "
                                    "(0-9, *, #)", step, ("case", key), where, "flow.impossible_case"))
        elif allowed and text not in allowed:
            values = ", ".join(sorted(allowed))
            out.append(_problem(WARNING, f"Case '{text}' can never match: {name} is one of {values}", step,
                                ("case", key), where, "flow.impossible_case"))


def _digits_only(prompt: Step) -> int | None:
    """How many keys a keys-only ``prompt`` collects (``max_digits``, default 1); ``None`` when it
    also listens for speech or the count is not a plain number."""
    params = prompt.params if isinstance(prompt.params, dict) else {}
    if any(str(k).startswith("speech_") for k in params):
        return None
    most = params.get("max_digits", 1)
    return most if isinstance(most, int) and not isinstance(most, bool) and most > 0 else None


# ----------------------------------------------------------------------------- helpers
def _where(path: tuple[Any, ...] | None, step: Step) -> tuple[Any, ...]:
    if path is None:
        return ()
    return path + ((step.method,) if step.form == "method" else ())


def _problem(severity: str, message: str, step: Step, field: tuple[Any, ...], where: Any, code: str) -> Problem:
    base = where[step.id] if isinstance(where, dict) else where
    return Problem(severity, message, step.id, field, base + field if base else (), code=code)
