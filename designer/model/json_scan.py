"""One flat pass over JSON text: limits, duplicate names, unclosed brackets and value positions.

Python's ``json`` module keeps the last of two equal names without a word, recurses on nesting
(a few hundred ``[`` raise ``RecursionError``), refuses integers over 4,300 digits with a bare
``ValueError``, accepts a lone ``\\ud800`` that no file can store, and on a missing ``}`` points
at the end of the file. This pass walks the tokens once with an explicit stack (no recursion)
and refuses all of those with plain words and the position that matters. With ``record=True``
it also keeps the 1-based position of every value by data path, which is how problems are
placed on JSON lines without a second parse.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Any

from designer.model.limits import MAX_DEPTH, MAX_NUMBER_DIGITS, MAX_VALUES
from designer.model.parse_error import ParseError

_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[{}\[\]:,]|-?[0-9][0-9.eE+-]*|[A-Za-z]+|[^\s]')
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class _Open:
    """A ``{`` or ``[`` being read."""

    char: str
    offset: int
    path: tuple[Any, ...]
    index: int = 0
    key: Any = None
    want_key: bool = True
    keys: dict[str, int] = field(default_factory=dict)


@dataclass
class JsonScan:
    """What the pass found: value positions by path (if recorded) and the innermost unclosed bracket."""

    positions: dict[tuple[Any, ...], tuple[int, int]]
    unclosed: tuple[str, int, int] | None


class _Lines:
    """Offset -> 1-based (line, column), by binary search over line starts."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def _decode(token: str) -> str | None:
    if "\\" not in token:
        return token[1:-1]
    try:
        return json.loads(token)
    except ValueError:
        return None


def scan_json(text: str, path: str | None = None, record: bool = False) -> JsonScan:
    """Check ``text`` against the limits; raises :class:`ParseError` (syntax is left to ``json``)."""
    where = _Lines(text)
    positions: dict[tuple[Any, ...], tuple[int, int]] = {}
    stack: list[_Open] = []
    count = 0

    def refuse(message: str, offset: int) -> None:
        raise ParseError(message, *where(offset), path)

    def value_at(offset: int) -> tuple[Any, ...] | None:
        """The path of a value starting at ``offset`` (and note that its place is taken)."""
        nonlocal count
        count += 1
        if count > MAX_VALUES:
            refuse(f"the file holds more than {MAX_VALUES:,} values, the most the designer reads", offset)
        if not stack:
            here: tuple[Any, ...] = ()
        elif stack[-1].char == "[":
            here = stack[-1].path + (stack[-1].index,)
            stack[-1].index += 1
        else:
            here = stack[-1].path + (stack[-1].key,)
        if record:
            positions[here] = where(offset)
        return here

    for match in _TOKEN.finditer(text):
        token, offset = match.group(), match.start()
        first = token[0]
        top = stack[-1] if stack else None
        if first == '"':
            decoded = _decode(token)
            if decoded is not None and _SURROGATE.search(decoded):
                refuse("a text holds half of a character pair (a lone \\ud800-\\udfff escape), which no "
                       "file can store: remove that escape", offset)
            if top is not None and top.char == "{" and top.want_key:
                if decoded in top.keys:
                    line, column = where(top.keys[decoded])
                    refuse(f"the name \"{decoded}\" is written twice in the same place (first at line "
                           f"{line}, column {column}); only one can be kept: remove or rename one", offset)
                if decoded is not None:
                    top.keys[decoded] = offset
                top.key, top.want_key = decoded, False
            else:
                value_at(offset)
        elif first in "{[":
            here = value_at(offset)
            stack.append(_Open(first, offset, here or ()))
            if len(stack) > MAX_DEPTH:
                refuse(f"the values are nested more than {MAX_DEPTH} levels deep, the most the designer "
                       f"reads (real scripts need fewer than 20)", offset)
        elif first in "}]":
            if stack and stack[-1].char == ("{" if first == "}" else "["):
                stack.pop()
            else:
                break  # a stray bracket: json's own message is the right one
        elif first == ",":
            if top is not None and top.char == "{":
                top.want_key = True
        elif first == ":":
            continue
        elif first == "-" or first.isdigit():
            if sum(c.isdigit() for c in token) > MAX_NUMBER_DIGITS:
                refuse(f"a number has more than {MAX_NUMBER_DIGITS:,} digits, the most the designer "
                       f"reads: put it in quotes if it is meant as text", offset)
            value_at(offset)
        else:
            value_at(offset)
    unclosed = None
    if stack:
        line, column = where(stack[-1].offset)
        unclosed = (stack[-1].char, line, column)
    return JsonScan(positions, unclosed)
