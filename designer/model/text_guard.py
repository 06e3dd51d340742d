"""Checks on any text before it is parsed: the file, a paste, a value typed as YAML.

Every way text comes in (Open, drag-and-drop, the command line, paste, the raw YAML editor)
goes through here first, so the limits of :mod:`designer.model.limits` hold everywhere.
"""

from __future__ import annotations

from typing import Any

import yaml

from designer.model.limits import MAX_BYTES, too_big_message
from designer.model.parse_error import ParseError
from designer.model.yaml_guard import check_yaml


def check_text(text: str, path: str | None = None) -> None:
    """Refuse a text that is too big or not a text at all, before any parsing.

    A NUL character means a binary file or UTF-16 text (which is valid UTF-8 when every other
    byte is zero); both get a message that says so instead of a parser error at 1:1.
    """
    if len(text) > MAX_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ParseError(too_big_message(len(text.encode("utf-8", "surrogatepass"))), 1, 1, path)
    nul = text.find("\0")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        column = nul - (text.rfind("\n", 0, nul) + 1) + 1
        sample = text[:200]
        if sample.count("\0") * 3 >= len(sample):
            raise ParseError("the file looks like UTF-16 text (every other byte is zero): save it as UTF-8 "
                             "and open it again", 1, 1, path)
        raise ParseError("the file holds a NUL character (a zero byte), so it is not a text script: it may "
                         "be damaged or not a script at all", line, column, path)


def load_fragment(text: str) -> Any:
    """Plain data of a YAML fragment (a paste, a raw value) within the limits.

    Raises :class:`ParseError` over a limit and ``yaml.YAMLError`` for a syntax error, as
    ``yaml.safe_load`` would, so callers keep their own wording for typing mistakes.
    """
    check_text(text)
    check_yaml(text)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader)
