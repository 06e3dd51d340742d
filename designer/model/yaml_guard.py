"""A cheap first pass over YAML text that refuses what would hang, crash or lose data later.

PyYAML builds values recursively and expands every alias into a full copy, so a few hundred
bytes of nested aliases ("billion laughs") or a few hundred levels of nesting exhaust memory or
the stack long before a message could be shown. This pass reads only the parser's *events*
(no values are built, no recursion), counting for each anchor how many values it stands for
and how deep it goes, so a document over :mod:`designer.model.limits` is refused at the line
and column where it crosses the limit. The same pass reports, with both positions, a name
written twice in one mapping (the second silently replaces the first, and saving would then
drop a block), and turns custom tags, several documents and huge numbers into plain messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from designer.model.limits import MAX_DEPTH, MAX_NUMBER_DIGITS, MAX_VALUES
from designer.model.parse_error import ParseError

_Parser = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
#: Tags the safe loader builds; any other tag is refused in plain words.
_KNOWN_TAGS = {f"tag:yaml.org,2002:{name}" for name in (
    "str", "int", "float", "bool", "null", "map", "seq", "binary", "set", "omap", "pairs",
    "timestamp", "merge")} | {"!"}
_SURROGATE = re.compile("[\ud800-\udfff]")
_NUMBERISH = re.compile(r"[-+]?[0-9][0-9_:.eExXoObB+-]*[0-9a-fA-F]?\Z")


@dataclass
class _Open:
    """A mapping or sequence being read: values so far, depth below it, names seen (mappings)."""

    anchor: str | None
    mapping: bool
    count: int = 1
    below: int = 0
    want_key: bool = True
    keys: dict[Any, Any] = field(default_factory=dict)


def _where(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def check_yaml(text: str, path: str | None = None) -> None:
    """Raise :class:`ParseError` if ``text`` breaks a limit or holds what SWML cannot keep.

    Syntax errors are left to the real parse (which words them), so this never reports one.
    """
    for parser in dict.fromkeys((_Parser, yaml.SafeLoader)):
        loader = parser(text)
        try:
            _scan(loader, path)
            return
        except yaml.YAMLError:
            # libyaml and PyYAML disagree on a few edge cases: a text libyaml rejects is scanned
            # again by PyYAML's parser (the one the composer uses), so no limit is skipped.
            continue
        finally:
            loader.dispose()


def _scan(loader: Any, path: str | None) -> None:
    stack: list[_Open] = []
    anchors: dict[str, tuple[int, int]] = {}
    total = 0
    documents = 0

    def refuse(message: str, mark: Any) -> None:
        raise ParseError(message, *_where(mark), path)

    def slot(event: Any) -> None:
        """Note that a value took the next place in the open mapping (key, then value)."""
        top = stack[-1] if stack else None
        if top is None or not top.mapping:
            return
        if top.want_key and isinstance(event, yaml.ScalarEvent):
            name = (event.value, event.implicit[0])
            first = top.keys.get(name)
            if first is not None:
                line, column = _where(first)
                refuse(f"the name '{event.value}' is written twice in the same place (first at line "
                       f"{line}, column {column}); only one can be kept: remove or rename one", event.start_mark)
            top.keys[name] = event.start_mark
        top.want_key = not top.want_key

    while loader.check_event():
        event = loader.get_event()
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                refuse("the file holds several documents (separated by ---); a SWML script is exactly "
                       "one: split it into one file per script", event.start_mark)
            continue
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            tag = event.tag
            if tag is not None and tag not in _KNOWN_TAGS:
                refuse(f"'{tag}' is a custom tag, which SWML does not use: remove it and write the "
                       f"value plainly", event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            _check_scalar(event, refuse)
            slot(event)
            total += 1
            if stack:
                stack[-1].count += 1
                stack[-1].below = max(stack[-1].below, 1)
            if event.anchor:
                anchors[event.anchor] = (1, 1)
        elif isinstance(event, yaml.AliasEvent):
            slot(event)
            size, depth = anchors.get(event.anchor, (1, 1))
            total += size
            if len(stack) + depth > MAX_DEPTH:
                refuse(f"the alias *{event.anchor} nests values more than {MAX_DEPTH} levels deep, "
                       f"the most the designer reads", event.start_mark)
            if total > MAX_VALUES:
                refuse(f"the aliases (*name) in this file stand for more than {MAX_VALUES:,} values, the "
                       f"most the designer reads: this alias is where the limit is crossed (a file "
                       f"like this is usually made to exhaust memory)", event.start_mark)
            if stack:
                stack[-1].count += size
                stack[-1].below = max(stack[-1].below, depth)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            slot(event)
            total += 1
            stack.append(_Open(event.anchor, isinstance(event, yaml.MappingStartEvent)))
            if len(stack) > MAX_DEPTH:
                refuse(f"the values are nested more than {MAX_DEPTH} levels deep, the most the designer "
                       f"reads (real scripts need fewer than 20)", event.start_mark)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            done = stack.pop()
            if done.anchor:
                anchors[done.anchor] = (done.count, done.below + 1)
            if stack:
                stack[-1].count += done.count
                stack[-1].below = max(stack[-1].below, done.below + 1)
        if total > MAX_VALUES:
            refuse(f"the file holds more than {MAX_VALUES:,} values, the most the designer reads",
                   event.start_mark)


def _check_scalar(event: Any, refuse: Any) -> None:
    value = event.value
    if _SURROGATE.search(value):
        refuse("a text holds half of a character pair (a lone \\ud800-\\udfff escape), which no file "
               "can store: remove that escape", event.start_mark)
    if event.implicit[0] and len(value) > MAX_NUMBER_DIGITS and _NUMBERISH.match(value):
        refuse(f"a number has more than {MAX_NUMBER_DIGITS:,} digits, the most the designer reads: "
               f"put it in quotes if it is meant as text", event.start_mark)
