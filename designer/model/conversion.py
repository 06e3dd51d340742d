"""Whether a script can be written as JSON exactly, and in plain words why not.

YAML holds values JSON has no way to write: binary data (``!!binary``), sets (``!!set``), dates,
not-a-number and infinity (``.nan``, ``.inf``), and names that are not text (``~``, ``1``,
``true``). Written anyway they came out as Python notations, as ``NaN`` (which is not JSON), or
as the text ``"None"``: a converted script that quietly says something else. Conversion is
refused instead, naming the first such value and where it is.
"""

from __future__ import annotations

import datetime
import math
from typing import Any


class LossyConversion(ValueError):
    """Writing as JSON would change the script; ``message`` says what and where."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _where(path: tuple[Any, ...]) -> str:
    return "/".join(str(p) for p in path) or "the top level"


def _problem(value: Any) -> str | None:
    if isinstance(value, (bytes, bytearray)):
        return "binary data (!!binary)"
    if isinstance(value, (set, frozenset)):
        return "a set (!!set)"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"a date ({value}); put it in quotes to keep it as text"
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return f"{'not-a-number (.nan)' if math.isnan(value) else 'infinity (.inf)'}"
    if not isinstance(value, (str, int, float, bool, type(None), dict, list)):
        return f"a value of type {type(value).__name__}"
    return None


def check_json_exact(data: Any) -> None:
    """Raise :class:`LossyConversion` if ``data`` cannot be written as JSON without change."""
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        problem = _problem(value)
        if problem is not None:
            raise LossyConversion(f"at {_where(path)} the script holds {problem}, which JSON cannot "
                                  f"hold: it was not converted (nothing was written)")
        if isinstance(value, dict):
            for key, sub in value.items():
                if not isinstance(key, str):
                    raise LossyConversion(f"at {_where(path)} the name {key!r} is not text (written "
                                          f"without quotes); JSON names are always text: put it in "
                                          f"quotes first. It was not converted (nothing was written)")
                stack.append((path + (key,), sub))
        elif isinstance(value, list):
            stack.extend((path + (i,), sub) for i, sub in enumerate(value))
