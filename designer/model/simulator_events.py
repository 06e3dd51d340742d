"""What a simulated call reports: one event per step run, questions, and how the run ended.

Plain data, so the window, the command line and the flow tests can each present it their own
way; nothing here knows about widgets or terminals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from designer.model.problems import format_path  # noqa: F401 - the simulator's paths are validate's

#: How a run can end (``RunEnd.reason``).
END_HANGUP = "hangup"
END_SCRIPT = "end"
END_TRANSFER = "transfer"
END_MAX_STEPS = "max_steps"
END_ERROR = "error"





@dataclass
class SimEvent:
    """One step run.

    Attributes:
        step_id: the step's id in the document (to highlight or select its block).
        path: where the step is, as ``validate`` writes it (``sections.main[2]``).
        method: the SWML method.
        text: what happened, in plain words (``Transferred to section "sales"``).
        play: what the caller heard, in order: ``{"say": TEXT}``, ``{"url": URL}``,
            ``{"silence": SECONDS}``, ``{"ring": SECONDS}``.
        set: the variables this step set (name -> value).
        section: the section the step is in.
    """

    step_id: str
    path: str
    method: str
    text: str
    play: list[dict[str, Any]] = field(default_factory=list)
    set: dict[str, Any] = field(default_factory=dict)
    section: str = ""

    def to_json(self) -> dict[str, Any]:
        """The event as the command line's ``--json`` prints it."""
        out: dict[str, Any] = {"path": self.path, "method": self.method, "text": self.text}
        if self.play:
            out["play"] = list(self.play)
        if self.set:
            out["set"] = dict(self.set)
        return out

    def heard(self) -> list[str]:
        """The texts spoken to the caller by this step (``say:`` items)."""
        return [item["say"] for item in self.play if "say" in item]


@dataclass
class Question:
    """The run is waiting for something only the user can decide.

    ``kind`` is ``"outcome"`` (what the outside world does: a callee answering...) with
    ``choices``, or ``"input"`` (the caller is being asked to press keys or speak).
    """

    step_id: str
    path: str
    method: str
    kind: str
    text: str
    choices: list[str] = field(default_factory=list)
    default: str = ""


@dataclass
class RunEnd:
    """How and where the run ended; ``step_id``/``path`` name the last block run (if any)."""

    reason: str
    detail: str = ""
    step_id: str = ""
    path: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"reason": self.reason, "detail": self.detail}
        if self.path:
            out["path"] = self.path
        return out

    @property
    def normal(self) -> bool:
        """Whether the call ended as a script can end (not an error nor a runaway loop)."""
        return self.reason not in (END_ERROR, END_MAX_STEPS)


def describe_play(item: dict[str, Any]) -> str:
    """One heard item in plain words for the transcript."""
    if "say" in item:
        return f"\u201c{item['say']}\u201d"
    if "silence" in item:
        return f"{_seconds(item['silence'])} of silence"
    if "ring" in item:
        return "ringing" if item["ring"] is None else f"{_seconds(item['ring'])} of ringing"
    if "beep" in item:
        return "a beep"
    url = str(item.get("url", ""))
    if "/recordings/" in url:  # a recording made during the call: its name reads better
        return f"the recording {url.rsplit('/', 1)[-1]}"
    return f"the audio file {url}"


def _seconds(value: Any) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return f"{value} seconds"
    shown = int(number) if number.is_integer() else number
    return f"{shown} second" if shown == 1 else f"{shown} seconds"
