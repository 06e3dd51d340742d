"""How the simulator moves the call for the control-flow methods of the semantics table.

One small function per method, gathered in :data:`HANDLERS` (the shape of ``jsonschema``'s
keyword table): ``switch``, ``cond``, ``goto``, ``execute``, ``return``, ``transfer`` and ``hangup`` (a
``label`` is only a jump target: it runs as an ordinary step). Each moves the simulator's frames and returns the
event for the step. Which lists are branches and what selects them comes from
:func:`designer.model.semantics.branches`, the same reading the path checks use.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Callable

from designer.model import semantics as sem
from designer.model.document import Step, StepList
from designer.model.jsengine import is_plain_path, lookup_path, to_text
from designer.model.simulator_events import END_HANGUP, END_SCRIPT, END_TRANSFER, SimEvent
from designer.model.steps import walk_steps

if TYPE_CHECKING:
    from designer.model.simulator import Simulator

#: A goto without ``max`` may jump this many times (the goto reference page).
GOTO_DEFAULT_MAX = 100


def _error(message: str) -> Exception:
    from designer.model.simulator import RunError
    return RunError(message)


def _quote(value: Any) -> str:
    from designer.model.simulator import quote
    return quote(value)


# ----------------------------------------------------------------------------- branches
def _switch_value(sim: "Simulator", name: Any) -> Any:
    """The value a ``switch`` compares: a variable name (``prompt_value``, ``call.type``) or a
    placeholder."""
    if not isinstance(name, str) or not name.strip():
        return None
    if "${" in name or "%{" in name:
        return sim.sub(name)
    if is_plain_path(name):
        return lookup_path(name, sim.scopes())
    return sim.js.evaluate(name, sim.scopes())


def pick_branches(sim: "Simulator", step: Step, group: tuple[Any, ...] = ()) -> list[StepList]:
    """The nested list(s) of ``step`` the call takes now, from the alternatives in ``group``.

    Cases compare text (a case key is text in SWML); ``when`` conditions are tried in order
    and the first that holds wins; ``default``/``else`` when nothing matched.
    """
    found = [b for b in sem.branches(step) if b.group == group and b.selector in
             (sem.CASE, sem.DEFAULT, sem.WHEN, sem.ELSE)]
    if not found:
        return []
    cases = [b for b in found if b.selector == sem.CASE]
    if cases:
        value = _switch_value(sim, cases[0].variable)
        text = to_text(value)
        for branch in cases:
            if branch.key == text:
                return [branch.steps]
    for branch in found:
        if branch.selector != sem.WHEN:
            continue
        if not branch.condition.strip():
            raise _error('A "when" has no condition to test (it should be JavaScript text, '
                         "such as prompt_value == '1').")
        if sim.js.condition(branch.condition, sim.scopes()):
            return [branch.steps]
    fallback = [b.steps for b in found if b.selector in (sem.DEFAULT, sem.ELSE)]
    return fallback[:1]


def _branch_name(step: Step, chosen: StepList) -> str:
    for branch in sem.branches(step):
        if branch.steps is chosen:
            if branch.selector == sem.CASE:
                return f'case "{branch.key}"'
            if branch.selector == sem.WHEN:
                return f"the branch when {branch.condition}"
            return "the \u201cotherwise\u201d steps"  # default / else: the canvas's word for both
    return "a branch"


def run_switch(sim: "Simulator", step: Step) -> SimEvent:
    name = step.get(("variable",))
    value = _switch_value(sim, name)
    chosen = pick_branches(sim, step)
    sim.frames()[-1].index += 1
    shown = f"{name} is {_quote(value if value is not None else '')}"
    if not chosen:
        return sim.event(step, f"{shown}: no case matches and there are no \u201cotherwise\u201d steps; goes on.")
    sim.push(chosen[0], sim.current_section)
    return sim.event(step, f"{shown}: takes {_branch_name(step, chosen[0])}.")


def run_cond(sim: "Simulator", step: Step) -> SimEvent:
    chosen = pick_branches(sim, step)
    sim.frames()[-1].index += 1
    if not chosen:
        return sim.event(step, "No condition holds and there is no else; goes on.")
    sim.push(chosen[0], sim.current_section)
    name = _branch_name(step, chosen[0])
    if name == '"else"':
        return sim.event(step, 'No condition holds: takes "else".')
    return sim.event(step, f"Takes {name}.")


# ----------------------------------------------------------------------------- jumps
def run_goto(sim: "Simulator", step: Step) -> SimEvent:
    label = step.get(("label",))
    when = step.get(("when",))
    frame = sim.frames()[-1]
    if when not in (None, "") and not sim.js.condition(when, sim.scopes()):
        frame.index += 1
        return sim.event(step, f"The condition {when} does not hold: no jump.")
    limit = step.get(("max",), GOTO_DEFAULT_MAX)
    limit = int(limit) if isinstance(limit, (int, float)) else GOTO_DEFAULT_MAX
    done = sim.goto_counts.get(step.id, 0)
    if done >= limit:
        frame.index += 1
        return sim.event(step, f'Already jumped to "{label}" {done} time(s), its maximum: goes on.')
    target = _find_label(sim, str(label))
    if target is None:
        raise _error(f'There is no label "{label}" in section "{sim.current_section}" to go to.')
    sim.goto_counts[step.id] = done + 1
    _jump(sim, target)
    return sim.event(step, f'Jumps to label "{label}" ({done + 1} of at most {limit}).')


def _find_label(sim: "Simulator", label: str) -> Step | None:
    section = sim.section(sim.current_section)
    if section is None:
        return None
    for candidate in walk_steps(section.steps):
        if candidate.method == "label" and candidate.params == label:
            return candidate
    return None


def _jump(sim: "Simulator", target: Step) -> None:
    """Rebuild the frames of the current section down to ``target`` (it may sit in a branch)."""
    chain: list[tuple[StepList, int]] = []
    current = target
    while current.parent is not None:
        chain.insert(0, (current.parent, current.parent.index(current)))
        owner = current.parent.owner
        if not isinstance(owner, Step):
            break
        current = owner
    frames = sim.frames()
    base = max(i for i, f in enumerate(frames) if f.root or f.returns_to is not None)
    section_frame = frames[base]
    del frames[base + 1:]
    section_frame.index = chain[0][1]
    for steps, index in chain[1:]:
        frames[-1].index += 1  # the step holding the branch counts as run
        sim.push(steps, section_frame.section)
        frames[-1].index = index


# ----------------------------------------------------------------------------- leaving
def _destination(sim: "Simulator", step: Step) -> tuple[str, Any]:
    dest = sim.sub(step.get(("dest",)))
    params = step.get(("params",))
    params = sim.sub(params) if isinstance(params, dict) else {}
    return (dest if isinstance(dest, str) else json.dumps(dest)), params


def run_transfer(sim: "Simulator", step: Step) -> SimEvent:
    dest, params = _destination(sim, step)
    kind = sem.destination_kind(dest)
    if kind == "section":
        section = sim.section(dest)
        if section is None:
            raise _error(f'There is no section "{dest}" to transfer to.')
        event = sim.event(step, f'Transferred to section "{dest}"; the steps after this one never run.')
        sim.transfer_to(section, params)
        return event
    event = sim.event(step, f"Transferred out of the script to {dest}.")
    sim.finish(END_TRANSFER, f"Transferred to {dest}", step)
    return event


def run_execute(sim: "Simulator", step: Step) -> SimEvent:
    dest, params = _destination(sim, step)
    kind = sem.destination_kind(dest)
    if kind == "section":
        section = sim.section(dest)
        if section is None:
            raise _error(f'There is no section "{dest}" to execute.')
        sim.frames()[-1].index += 1
        event = sim.event(step, f'Runs section "{dest}", then comes back here.')
        sim.execute(section, params, step)
        return event
    from designer.model.simulator_methods import EXECUTE_CHOICES
    # Asked before anything moves: a question re-runs this step once answered.
    value = sim.outcome(step, list(EXECUTE_CHOICES), "returned",
                        f"The script at {dest} runs elsewhere. What happens?")
    sim.frames()[-1].index += 1
    if value == "hung up":
        event = sim.event(step, f"Ran the script at {dest}; it hung up.")
        sim.finish(END_HANGUP, f"The script at {dest} hung up", step)
        return event
    event = sim.event(step, f"Ran the script at {dest}; it came back.", sets={"return_value": ""})
    chosen = []
    on_return = step.get(("on_return",))
    if isinstance(on_return, StepList):
        chosen.append(on_return)
    chosen += pick_branches(sim, step, ("result",))
    for branch in reversed(chosen):
        sim.push(branch, sim.current_section)
    return event


def run_return(sim: "Simulator", step: Step) -> SimEvent:
    value = sim.sub(step.params)
    event = sim.event(step, f"Returns {_quote(value)}." if value not in (None, {}) else "Returns.",
                      sets={"return_value": value})
    if not sim.return_from_section(value):
        sim.finish(END_SCRIPT, "Returned from main: the script is over.", step)
    return event


def run_hangup(sim: "Simulator", step: Step) -> SimEvent:
    reason = step.get(("reason",))
    text = "Hung up." if not reason else f"Hung up ({reason})."
    event = sim.event(step, text)
    sim.finish(END_HANGUP, text, step)
    return event


HANDLERS: dict[str, Callable[["Simulator", Step], SimEvent]] = {
    "switch": run_switch,
    "cond": run_cond,
    "goto": run_goto,
    "execute": run_execute,
    "return": run_return,
    "transfer": run_transfer,
    "hangup": run_hangup,
}
