"""SignalWire's own validation messages (422) placed on the blocks they are about.

An error item names the request field it is about in ``attribute``: ``contents`` for the whole
script, or a path into it. Paths are accepted as SignalWire's validators write them in practice
(``contents.sections.main[1].play.url``, ``contents.sections.main.1.play``, or a JSON pointer
``/contents/sections/main/1``); when the path reaches a block, the message is shown on it.

:func:`refusal_problems` turns them into :class:`~designer.model.problems.Problem` rows for the
Problems list, so SignalWire's verdict is read where the validator's findings are, not only in a
message box that is gone once closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from designer.model.document import Document, Step
from designer.model.problems import ERROR, Problem
from designer.model.validation import iter_located
from designer.remote.errors import Refusal

_TOKEN = re.compile(r"\[(\d+)\]|\[\"([^\"]*)\"\]|([^./\[\]]+)")
_ROOTS = ("contents", "relayml", "swml_script", "call_flow")
#: ``Problem.code`` of SignalWire's own messages (the validator never uses it).
REFUSED_CODE = "signalwire.refused"


@dataclass(frozen=True)
class PlacedRefusal:
    """A refusal with the block it is about (``step`` is ``None`` for the whole script)."""

    message: str
    step: Step | None = None
    field: tuple[Any, ...] = ()
    where: str = ""
    #: The path in the sent SWML the message names (``()`` when it names no block).
    data_path: tuple[Any, ...] = ()


def attribute_path(attribute: str | None) -> tuple[Any, ...] | None:
    """The path inside the SWML named by ``attribute``; ``None`` when it is not about the SWML."""
    if not attribute:
        return None
    parts: list[Any] = []
    for index, quoted, name in _TOKEN.findall(attribute):
        if index:
            parts.append(int(index))
        elif quoted:
            parts.append(quoted)
        else:
            parts.append(int(name) if name.isdigit() else name)
    if not parts or parts[0] not in _ROOTS:
        return None
    return tuple(parts[1:])


def place(doc: Document, refusals: list[Refusal]) -> list[PlacedRefusal]:
    """Each refusal with the deepest block its path reaches (document order of ``doc``)."""
    located = [(step, path) for step, path, _section in iter_located(doc) if path is not None]
    out = []
    for refusal in refusals:
        path = attribute_path(refusal.attribute)
        best: tuple[Step, tuple[Any, ...]] | None = None
        for step, step_path in located:
            if path is not None and _starts_with(path, step_path) and \
                    (best is None or len(step_path) > len(best[1])):
                best = (step, step_path)
        if best is None:
            out.append(PlacedRefusal(refusal.message, where="the script"))
            continue
        step, step_path = best
        rest = path[len(step_path):] if path is not None else ()
        if rest and step.form == "method" and str(rest[0]) == step.method:
            rest = rest[1:]
        section, index = step_path[1], step_path[-1]
        where = f"{step.method or 'block'} (block {index + 1 if isinstance(index, int) else index} in {section})"
        out.append(PlacedRefusal(refusal.message, step, tuple(rest), where, tuple(path or ())))
    return out


def refusal_problems(doc: Document, refusals: list[Refusal]) -> list[Problem]:
    """SignalWire's messages as errors on the blocks their paths name (on the flow when the path
    names no block of ``doc``), worded so nobody mistakes them for the designer's own checks."""
    return [problem_of(placed) for placed in place(doc, refusals)]


def problem_of(placed: PlacedRefusal) -> Problem:
    """One placed refusal as a Problem: always an error (SignalWire did not take the flow)."""
    text = placed.message.strip() or "(no reason given)"
    return Problem(ERROR, f"SignalWire refused this: {text}",
                   step_id=placed.step.id if placed.step is not None else None,
                   field=placed.field if placed.step is not None else (),
                   data_path=placed.data_path if placed.step is not None else (),
                   code=REFUSED_CODE)


def _starts_with(path: tuple[Any, ...], prefix: tuple[Any, ...]) -> bool:
    """Prefix test where ``1`` and ``"1"`` match: a case key may be written either way."""
    return len(path) >= len(prefix) and all(str(a) == str(b) for a, b in zip(path, prefix))
