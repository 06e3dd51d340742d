"""The call simulator: plays a call through a flow, offline, the way SignalWire runs it.

Like a debugger core (CPython's ``bdb``), the engine never waits for anyone: :meth:`Simulator.step`
runs one step and returns what happened (a :class:`SimEvent`), a :class:`Question` when only the
user can say what happens next (a callee answering, the caller pressing keys), or the
:class:`RunEnd`. The window, the command line and the flow tests drive it.

How control moves comes from the shared table in :mod:`designer.model.semantics` (so the path
checks and the simulator agree); what each method does to the call (what is heard, which
variables it sets) is in :mod:`designer.model.simulator_methods`.

A run keeps a stack of frames, each a step list and the index of the next step to run: a
section, or a branch (a case, a ``then``, ``on_return``) inside one. When a branch's list ends
the call goes on after the step that holds it; when a section entered by ``execute`` ends the
call returns there; when ``main`` (or a section reached by ``transfer``) ends, the script is over.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from designer.model import semantics as sem
from designer.model.document import Document, Section, Step, StepList
from designer.model.jsengine import ExpressionError, JsEngine, to_text
from designer.model.simulator_events import (
    END_ERROR, END_HANGUP, END_MAX_STEPS, END_SCRIPT, END_TRANSFER, Question, RunEnd, SimEvent,
    format_path,
)
from designer.model.simulator_setup import CallerInput, CallSetup


class RunError(Exception):
    """Something SignalWire would fail on at run time (a missing label, a throwing expression)."""


class _Ask(Exception):
    """Raised inside a step that needs the user: the step is run again once answered."""

    def __init__(self, question: Question) -> None:
        super().__init__(question.text)
        self.question = question


@dataclass
class _Frame:
    steps: StepList
    index: int
    section: str
    #: Set on the first frame of a section entered by ``execute``: the step to return to.
    returns_to: Step | None = None
    #: The ``params`` scope in force before this section was entered (restored on return).
    saved_params: dict[str, Any] | None = None
    root: bool = False


@dataclass
class _State:
    """The call's variables, kept apart so a question can be asked without losing them."""

    vars: dict[str, Any] = field(default_factory=dict)
    envs: dict[str, Any] = field(default_factory=dict)
    call: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)


class Simulator:
    """One simulated call through ``doc``, stepped by its driver.

    Attributes:
        events: the steps run so far, in order.
        end: how the run ended, once it has.
        pending: the question the run waits on, if any.
        taken: ids of the steps run so far, in order (the path drawn on the canvas).
    """

    def __init__(self, doc: Document, setup: CallSetup | None = None,
                 js: JsEngine | None = None) -> None:
        self.doc = doc
        self.setup = setup or CallSetup()
        self._own_js = js is None
        self.js = js or JsEngine()
        self.state = _State(vars=copy.deepcopy(self.setup.vars), envs=copy.deepcopy(self.setup.envs),
                            call=self.setup.call_fields())
        self.inputs: list[CallerInput] = list(self.setup.inputs)
        self._outcomes = {m: [v] if isinstance(v, str) else list(v)
                          for m, v in self.setup.outcomes.items()}
        self._answer: str | None = None
        #: What the caller did at each prompt and what the outside world did, per method, in
        #: order: enough to play the same call again (a flow test recorded from the window).
        self.consumed_inputs: list[CallerInput] = []
        self.answers: dict[str, list[str]] = {}
        self.events: list[SimEvent] = []
        self.taken: list[str] = []
        self.end: RunEnd | None = None
        self.pending: Question | None = None
        self.goto_counts: dict[str, int] = {}
        self.counters: dict[str, int] = {}
        self.background: list[str] = []
        self._frames: list[_Frame] = []
        main = self.section("main")
        if main is None:
            self.end = RunEnd(END_ERROR, "The script has no main section, where every call starts.")
        else:
            self._frames.append(_Frame(main.steps, 0, "main", root=True))

    # ----------------------------------------------------------------- driving
    def step(self) -> SimEvent | Question | RunEnd:
        """Run the next step; returns its event, the question it waits on, or the end."""
        if self.end is not None:
            return self.end
        if self.pending is not None:
            return self.pending
        step = self._advance_to_step()
        if step is None:
            return self.end or self._finish(END_SCRIPT, "The script ran to its end.")
        if len(self.events) >= self.setup.max_steps:
            return self._finish(END_MAX_STEPS, f"Stopped after {self.setup.max_steps} steps: the call "
                                "seems to go round in a loop.", step)
        try:
            event = self._run(step)
        except _Ask as ask:
            self.pending = ask.question
            return ask.question
        except (RunError, ExpressionError) as exc:
            self._answer = None
            self.taken.append(step.id)
            return self._finish(END_ERROR, str(exc), step)
        except Exception as exc:  # noqa: BLE001 - a block the simulator cannot read must not
            # take the window down; the message says it is the designer's fault, not the flow's.
            self._answer = None
            self.taken.append(step.id)
            return self._finish(END_ERROR, f"The simulator could not run this block "
                                f"({type(exc).__name__}: {exc}); please report it.", step)
        self._answer = None
        self.taken.append(step.id)
        self.events.append(event)
        return event

    def run(self) -> RunEnd | Question:
        """Step until the run ends or waits on a question."""
        while True:
            result = self.step()
            if isinstance(result, (RunEnd, Question)):
                return result

    def answer(self, choice: str) -> None:
        """Answer the pending question (an outcome, or ``""`` for "the caller does nothing")."""
        self.pending = None
        self._answer = choice

    def add_input(self, text: str) -> None:
        """Queue what the caller does next (``2``, ``123#``, ``speech:sales``); answers an
        input question.

        Raises:
            ValueError: not keys nor speech.
        """
        self.inputs.append(CallerInput.parse(text))
        if self.pending is not None and self.pending.kind == "input":
            self.pending = None

    def next_step(self) -> Step | None:
        """The step that will run next (for highlighting), without running anything."""
        if self.end is not None:
            return None
        for frame in reversed(self._frames):
            if frame.index < len(frame.steps):
                return frame.steps[frame.index]
            if frame.returns_to is not None or frame.root:
                return None
        return None

    def close(self) -> None:
        """Free the JavaScript engine if this run made it."""
        if self._own_js:
            self.js.close()

    # ----------------------------------------------------------------- helpers for methods
    def scopes(self) -> dict[str, Any]:
        """The scopes expressions see."""
        return {"vars": self.state.vars, "envs": self.state.envs, "call": self.state.call,
                "params": self.state.params}

    def sub(self, value: Any) -> Any:
        """``value`` with its placeholders evaluated (raises :class:`ExpressionError`)."""
        return self.js.substitute(value, self.scopes())

    def where(self, step: Step) -> str:
        """The step's path as ``validate`` writes it."""
        path = self.doc.data_path(step)
        return format_path(path) if path else f"(unconnected {step.method})"

    def section(self, name: str) -> Section | None:
        return next((s for s in self.doc.sections if s.name == name), None)

    @property
    def current_section(self) -> str:
        return self._frames[-1].section if self._frames else ""

    def outcome(self, step: Step, choices: list[str], default: str, text: str) -> str:
        """What the outside world does at ``step``: given in the setup, answered, the default,
        or asked (window: only for methods the table marks ``outside``, such as ``connect``;
        a recording that starts is not worth a question every time)."""
        if self._answer is not None:
            value = self._answer or default
        elif self._outcomes.get(step.method):
            given = self._outcomes[step.method]
            value = given.pop(0) if len(given) > 1 else given[0]
        elif self.setup.ask and (sem.semantics(step.method).outside or step.method == "execute"):
            raise _Ask(Question(step.id, self.where(step), step.method, "outcome", text,
                                list(choices), default))
        else:
            value = default
        self.answers.setdefault(step.method, []).append(value)
        return value

    def take_input(self, step: Step, text: str) -> CallerInput | None:
        """The caller's next input, None when there is none (asks first in the window)."""
        if self.inputs:
            entry = self.inputs.pop(0)
            self.consumed_inputs.append(entry)
            return entry if entry.digits or entry.speech else None
        if self.setup.ask and self._answer is None:
            raise _Ask(Question(step.id, self.where(step), step.method, "input", text,
                                ["no input"], "no input"))
        if self.setup.ask:
            self.consumed_inputs.append(CallerInput())
        return None

    def event(self, step: Step, text: str, play: list[dict[str, Any]] | None = None,
              sets: dict[str, Any] | None = None) -> SimEvent:
        """Make the event for ``step`` and set the variables it sets."""
        sets = dict(sets or {})
        self.state.vars.update(sets)
        return SimEvent(step.id, self.where(step), step.method, text, list(play or []), sets,
                        self.current_section)

    def count(self, name: str) -> int:
        """1, 2, 3... per name: numbers recordings and the like."""
        self.counters[name] = self.counters.get(name, 0) + 1
        return self.counters[name]

    # ----------------------------------------------------------------- the loop
    def _advance_to_step(self) -> Step | None:
        """Pop finished frames (returning from executed sections) until a step is next."""
        while self._frames:
            frame = self._frames[-1]
            if frame.index < len(frame.steps):
                return frame.steps[frame.index]
            self._frames.pop()
            if frame.returns_to is not None:
                self._return_to(frame, None, explicit=False)
            elif frame.root:
                self._frames.clear()
        return None

    def _run(self, step: Step) -> SimEvent:
        frame = self._frames[-1]
        if step.form != "method":
            frame.index += 1
            return self.event(step, "This block is not a SWML method; SignalWire would reject the "
                              "script. It is skipped here.")
        kind = sem.semantics(step.method).flow
        from designer.model import simulator_control as control
        from designer.model import simulator_methods as methods
        handler = control.HANDLERS.get(step.method) if kind != sem.CONTINUE else None
        if handler is not None:
            return handler(self, step)
        event = methods.run(self, step)
        frame.index += 1
        self._take_result_branch(step)
        return event

    def _take_result_branch(self, step: Step) -> None:
        """After a method with ``result`` branches (``connect``), run the one ``return_value``
        picks."""
        from designer.model.simulator_control import pick_branches
        chosen = pick_branches(self, step, ("result",))
        for branch in reversed(chosen):
            self.push(branch, self.current_section)

    # ----------------------------------------------------------------- frame moves (control)
    def push(self, steps: StepList, section: str, **kwargs: Any) -> None:
        self._frames.append(_Frame(steps, 0, section, **kwargs))

    def frames(self) -> list[_Frame]:
        return self._frames

    def transfer_to(self, section: Section, params: dict[str, Any]) -> None:
        """Leave everything running and start ``section`` (it never comes back)."""
        self._frames.clear()
        self.state.params = params
        self._frames.append(_Frame(section.steps, 0, section.name, root=True))

    def execute(self, section: Section, params: dict[str, Any], caller: Step) -> None:
        """Run ``section`` as a subroutine returning to ``caller``."""
        saved = self.state.params
        self.state.params = params
        self._frames.append(_Frame(section.steps, 0, section.name, returns_to=caller, saved_params=saved))

    def return_from_section(self, value: Any) -> bool:
        """``return``: leave the executed section; False when there is none (the script ends)."""
        while self._frames:
            frame = self._frames.pop()
            if frame.returns_to is not None:
                self._return_to(frame, value, explicit=True)
                return True
        return False

    def _return_to(self, frame: _Frame, value: Any, explicit: bool) -> None:
        self.state.params = frame.saved_params or {}
        if explicit:
            self.state.vars["return_value"] = value
        caller = frame.returns_to
        assert caller is not None
        chosen = []
        on_return = caller.get(("on_return",))
        if isinstance(on_return, StepList):
            chosen.append(on_return)
        from designer.model.simulator_control import pick_branches
        chosen += pick_branches(self, caller, ("result",))
        for branch in reversed(chosen):
            self.push(branch, self.current_section)

    def _finish(self, reason: str, detail: str, step: Step | None = None) -> RunEnd:
        self.end = RunEnd(reason, detail, step.id if step else "", self.where(step) if step else "")
        self._frames.clear()
        return self.end

    def finish(self, reason: str, detail: str, step: Step) -> None:
        """End the call at ``step`` (hangup, transfer out of the script...)."""
        self._finish(reason, detail, step)

    def variables(self) -> dict[str, Any]:
        """The variables as they are now (a copy)."""
        return copy.deepcopy(self.state.vars)


def quote(value: Any) -> str:
    """A value as it reads in a message: text in quotes, the rest as JavaScript writes it."""
    return f'"{value}"' if isinstance(value, str) else to_text(value) or "nothing"


__all__ = ["Simulator", "RunError", "quote", "END_HANGUP", "END_TRANSFER"]
