"""What a simulated call starts with: the caller's inputs, the call fields, outside outcomes.

Kept apart from the engine so the panel, the command line and the flow tests build the same
thing from their own sources (widgets, ``--input`` options, a ``.calls.yaml`` file).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

#: The call fields a call has before the first step (the ``call`` scope of the calling
#: webhook payload in the reference), with believable values a user can change.
DEFAULT_CALL: dict[str, Any] = {
    "call_id": "3fa2c8d1-5b7e-4c09-9d1a-6e2f0b8a7c41",
    "call_state": "created",
    "direction": "inbound",
    "from": "+15551230000",
    "to": "+15559870000",
    "type": "phone",
    "headers": [],
    "node_id": "a1b2c3d4-0000-4000-8000-000000000001",
    "project_id": "7d0c1e2f-1111-4111-8111-000000000002",
    "segment_id": "5e6f7a8b-2222-4222-8222-000000000003",
    "space_id": "9c8b7a6d-3333-4333-8333-000000000004",
}

#: The steps a run may take before it is stopped as an endless loop.
DEFAULT_MAX_STEPS = 1000

DIGIT_KEYS = "0123456789*#"
#: The input that stands for the caller doing nothing when asked.
NO_INPUT = "no input"


@dataclass(frozen=True)
class CallerInput:
    """One thing the caller does when asked: press keys (``2``, ``123#``) or say words."""

    digits: str = ""
    speech: str = ""

    @classmethod
    def parse(cls, text: str) -> "CallerInput":
        """``"speech:sales"`` is speech; ``"no input"`` is the caller doing nothing (a prompt
        then gets no input); anything else is keys pressed.

        Raises:
            ValueError: keys other than 0-9, * and #.
        """
        text = str(text)
        if text.strip().lower() == NO_INPUT:
            return cls()
        if text.lower().startswith("speech:"):
            return cls(speech=text.split(":", 1)[1].strip())
        keys = text.strip()
        bad = sorted({k for k in keys if k not in DIGIT_KEYS})
        if bad or not keys:
            raise ValueError(f"'{text}' is not keys a phone can press (0-9, * and #) nor "
                             "'speech:WORDS'")
        return cls(digits=keys)

    def __str__(self) -> str:
        return f"speech:{self.speech}" if self.speech else self.digits or NO_INPUT

    def describe(self) -> str:
        """Plain words for the transcript."""
        return f'says "{self.speech}"' if self.speech else f"presses {self.digits}"


@dataclass
class CallSetup:
    """Everything a run needs that is not in the script.

    Attributes:
        inputs: what the caller does at each prompt, in order.
        call: call fields; missing ones take :data:`DEFAULT_CALL`.
        vars: variables set before the first step.
        envs: environment values (``envs`` scope).
        outcomes: per method, what the outside world does (``{"connect": ["failed"]}``); each
            time the method runs it takes the next one, the last one repeating.
        ask: when no outcome is given, stop and ask (the window) instead of taking the
            default (command line, tests).
        max_steps: steps before the run is stopped as an endless loop.
    """

    inputs: list[CallerInput] = field(default_factory=list)
    call: dict[str, Any] = field(default_factory=dict)
    vars: dict[str, Any] = field(default_factory=dict)
    envs: dict[str, Any] = field(default_factory=dict)
    outcomes: dict[str, list[str]] = field(default_factory=dict)
    ask: bool = False
    max_steps: int = DEFAULT_MAX_STEPS

    def call_fields(self) -> dict[str, Any]:
        """The ``call`` scope: defaults overlaid with what the user set."""
        fields = copy.deepcopy(DEFAULT_CALL)
        fields.update(copy.deepcopy(self.call))
        return fields

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "CallSetup":
        """Build from plain data (a flow-test case): ``inputs``, ``call``, ``vars``, ``envs``,
        ``outcomes`` (a value or a list per method), ``max_steps``.

        Raises:
            ValueError: an input that is neither keys nor speech, an outcome a method cannot
                have.
        """
        outcomes: dict[str, list[str]] = {}
        for method, value in dict(data.get("outcomes") or {}).items():
            values = value if isinstance(value, list) else [value]
            outcomes[str(method)] = [str(v) for v in values]
        from designer.model.simulator_methods import check_outcomes
        check_outcomes(outcomes)
        return cls(
            inputs=[CallerInput.parse(str(i)) for i in data.get("inputs") or []],
            call=dict(data.get("call") or {}),
            vars=dict(data.get("vars") or {}),
            envs=dict(data.get("envs") or {}),
            outcomes=outcomes,
            max_steps=int(data.get("max_steps") or DEFAULT_MAX_STEPS),
        )

    def to_mapping(self) -> dict[str, Any]:
        """The plain data :meth:`from_mapping` reads, leaving out what is default."""
        out: dict[str, Any] = {}
        if self.inputs:
            out["inputs"] = [str(i) for i in self.inputs]
        if self.call:
            out["call"] = dict(self.call)
        if self.vars:
            out["vars"] = dict(self.vars)
        if self.envs:
            out["envs"] = dict(self.envs)
        if self.outcomes:
            out["outcomes"] = {m: (v[0] if len(v) == 1 else list(v)) for m, v in self.outcomes.items()}
        if self.max_steps != DEFAULT_MAX_STEPS:
            out["max_steps"] = self.max_steps
        return out


def parse_assignment(text: str, typed: bool = True) -> tuple[str, Any]:
    """``"NAME=VALUE"`` from the command line. With ``typed``, a VALUE written as a plain
    number or true/false becomes one (``+1555...`` and ``007`` stay text: phone numbers).

    Raises:
        ValueError: no ``=`` or an empty name.
    """
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise ValueError(f"'{text}' should be NAME=VALUE")
    return name.strip(), (_scalar(value) if typed else value)


_INT = re.compile(r"^-?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^-?(0|[1-9][0-9]*)\.[0-9]+$")


def _scalar(value: str) -> Any:
    lowered = value.strip().lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value
