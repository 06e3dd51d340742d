"""The unit of a number field, read from the schema's own description ("in ms", "in seconds").

Field names mislead: ``ai`` ``params.digit_timeout`` is in milliseconds while ``prompt``
``digit_timeout`` is in seconds, so a unit is only ever taken from what the schema says.
"""

from __future__ import annotations

import re

MILLISECONDS = "ms"
SECONDS = "seconds"

_MS = re.compile(r"\b(in\s+ms|in\s+milliseconds|milliseconds?|\d+\s*ms)\b|_ms\b", re.IGNORECASE)
_SECONDS = re.compile(r"\b(in\s+seconds|seconds?)\b", re.IGNORECASE)


def unit_from_description(description: str) -> str:
    """``"ms"``, ``"seconds"`` or ``""`` when the description names no time unit.

    Milliseconds win when both appear ("... in ms ... 60 seconds"): fields measured in ms often
    mention a default in seconds for people, never the other way round.
    """
    if not description:
        return ""
    if _MS.search(description):
        return MILLISECONDS
    if _SECONDS.search(description):
        return SECONDS
    return ""
