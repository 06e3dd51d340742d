"""SignalWire's own validation messages (422) placed on the blocks they are about.

An error item names the request field it is about in ``attribute``: ``contents`` for the whole
script, or a path into it. Paths are accepted as SignalWire's validators write them in practice
(``contents.sections.main[1].play.url``, ``contents.sections.main.1.play``, or a JSON pointer
``/contents/sections/main/1``); when the path reaches a block, the message is shown on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from designer.model.document import Document, Step
from designer.model.validation import iter_located
from designer.remote.errors import Refusal

_TOKEN = re.compile(r"\[(\d+)\]|\[\"([^\"]*)\"\]|([^./\[\]]+)")
_ROOTS = ("contents", "relayml", "swml_script", "call_flow")


@dataclass(frozen=True)
class PlacedRefusal:
    """A refusal with the block it is about (``step`` is ``None`` for the whole script)."""

    message: str
    step: Step | None = None
    field: tuple[Any, ...] = ()
    where: str = ""


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
        out.append(PlacedRefusal(refusal.message, step, tuple(rest), where))
    return out


def _starts_with(path: tuple[Any, ...], prefix: tuple[Any, ...]) -> bool:
    """Prefix test where ``1`` and ``"1"`` match: a case key may be written either way."""
    return len(path) >= len(prefix) and all(str(a) == str(b) for a, b in zip(path, prefix))
