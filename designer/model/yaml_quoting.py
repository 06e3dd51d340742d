"""Writing a changed text in the quote style the old one had, when that style can hold it."""

from __future__ import annotations

import json
import re
from typing import Any


#: What YAML allows raw in a file (its "printable" set; line breaks are refused separately);
#: anything else must be written escaped, which only a fresh double-quoted dump does.
YAML_PRINTABLE = re.compile("[\t\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")


def quoted_like(style: str | None, value: Any) -> str | None:
    """``value`` written in the quote style the replaced scalar had (``"mp3"`` stays
    double-quoted when it becomes ``"wav"``); ``None`` when that style does not fit."""
    if not isinstance(value, str) or any(ch in value for ch in "\n\r\x85\u2028\u2029") \
            or not YAML_PRINTABLE.fullmatch(value):
        return None
    if style == '"':
        return json.dumps(value, ensure_ascii=False)
    if style == "'":
        if any(not ch.isprintable() for ch in value):  # single quotes cannot escape control characters
            return None
        return "'" + value.replace("'", "''") + "'"
    return None
