"""Saving a JSON script by splicing its original text: untouched parts are copied byte for byte.

A small position-tracking scanner (:func:`scan`) records where every value and key of the
original text starts and ends. On save, :class:`JsonSource` walks the model against that tree:
a value whose data did not change keeps its original text; a changed scalar is replaced in place;
a changed object or array keeps its brackets and the whitespace around its members and is patched
member by member (removed members disappear with one separator, added ones get the separator and
indentation of their siblings, inline containers stay inline). Steps are found again by
``step.id`` wherever they moved and carry their original text block, re-indented when their depth
changed. Anything else is written fresh with :func:`json.dumps`. The caller checks the result
parses back to the new data and otherwise writes the whole document fresh.

Only whitespace outside strings is ever re-indented: JSON strings cannot hold a raw line break,
so every line break in a value's text is layout.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import partial
from json.decoder import scanstring
from typing import Any, Callable

from designer.model.document import Document
from designer.model.steps import MISSING, Step, StepList, to_plain
from designer.model.yaml_splice import _canon, _doc_tree, same

_WS = re.compile(r"[ \t\n\r]*")
_INDENT = re.compile(r"[ \t]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_WORDS = (("true", True), ("false", False), ("null", None), ("NaN", float("nan")),
          ("Infinity", float("inf")), ("-Infinity", float("-inf")))


class ScanError(ValueError):
    """The text is not JSON the scanner understands."""


class JNode:
    """One value of the original text: ``kind`` is ``"o"`` (object), ``"a"`` (array) or ``"s"``.

    ``start``/``end`` are offsets of the value text (end excluded). ``items`` holds the members:
    ``(key, key_start, key_end, node)`` for an object, nodes for an array; ``value`` a scalar's value.
    """

    __slots__ = ("kind", "start", "end", "items", "value", "_keys")

    def __init__(self, kind: str, start: int) -> None:
        self.kind, self.start, self.end = kind, start, start
        self.items: list = []
        self.value: Any = None
        self._keys: dict[str, int] | None = None

    def member(self, key: str) -> int | None:
        """Index of the member called ``key`` (the last one, as ``json.loads`` keeps it)."""
        if self._keys is None:
            self._keys = {item[0]: i for i, item in enumerate(self.items)}
        return self._keys.get(key)

    def __repr__(self) -> str:
        return f"JNode({self.kind}, {self.start}:{self.end})"


# ---------------------------------------------------------------------- scanner
def scan(text: str) -> JNode:
    """The tree of positions of a JSON text (recursive descent; raises :class:`ScanError`)."""
    node, pos = _value(text, _WS.match(text, 0).end())
    if _WS.match(text, pos).end() != len(text):
        raise ScanError(f"extra data at offset {pos}")
    return node


def _value(text: str, pos: int) -> tuple[JNode, int]:
    ch = text[pos:pos + 1]
    if ch == "{":
        return _container(text, pos, "o", "}")
    if ch == "[":
        return _container(text, pos, "a", "]")
    node = JNode("s", pos)
    if ch == '"':
        node.value, node.end = scanstring(text, pos + 1, True)
        return node, node.end
    match = _NUMBER.match(text, pos)
    if match:
        node.value = float(match.group()) if match.group(1) or match.group(2) else int(match.group())
        node.end = match.end()
        return node, node.end
    for word, value in _WORDS:
        if text.startswith(word, pos):
            node.value, node.end = value, pos + len(word)
            return node, node.end
    raise ScanError(f"unexpected character at offset {pos}")


def _container(text: str, pos: int, kind: str, close: str) -> tuple[JNode, int]:
    node = JNode(kind, pos)
    pos = _WS.match(text, pos + 1).end()
    if text.startswith(close, pos):
        node.end = pos + 1
        return node, node.end
    while True:
        if kind == "o":
            if text[pos:pos + 1] != '"':
                raise ScanError(f"expected a name at offset {pos}")
            key, key_end = scanstring(text, pos + 1, True)
            colon = _WS.match(text, key_end).end()
            if text[colon:colon + 1] != ":":
                raise ScanError(f"expected ':' at offset {colon}")
            child, end = _value(text, _WS.match(text, colon + 1).end())
            node.items.append((key, pos, key_end, child))
        else:
            child, end = _value(text, pos)
            node.items.append(child)
        pos = _WS.match(text, end).end()
        ch = text[pos:pos + 1]
        if ch == ",":
            pos = _WS.match(text, pos + 1).end()
        elif ch == close:
            node.end = pos + 1
            return node, node.end
        else:
            raise ScanError(f"expected ',' or '{close}' at offset {pos}")


def resolve(root: JNode, path: tuple) -> JNode | None:
    """The node at a data path (keys and indices), or ``None``."""
    node = root
    for part in path:
        if node.kind == "o" and isinstance(part, str):
            index = node.member(part)
            if index is None:
                return None
            node = node.items[index][3]
        elif node.kind == "a" and isinstance(part, int) and 0 <= part < len(node.items):
            node = node.items[part]
        else:
            return None
    return node


# ---------------------------------------------------------------------- model side
def step_value(step: Step) -> Any:
    """What a step stands for, with nested :class:`StepList` objects kept (not made plain)."""
    return {step.method: step.params} if step.form == "method" else step.to_data()


def equal(value: Any, node: JNode) -> bool:
    """Whether a model value (StepLists allowed) holds exactly the data of ``node``."""
    if isinstance(value, StepList):
        return node.kind == "a" and len(node.items) == len(value) and \
            all(equal(step_value(s), n) for s, n in zip(value.steps, node.items))
    if isinstance(value, dict):
        return node.kind == "o" and len(node.items) == len(value) and \
            all(type(k) is str and k == item[0] and equal(v, item[3]) for (k, v), item in zip(value.items(), node.items))
    if isinstance(value, list):
        return node.kind == "a" and len(node.items) == len(value) and \
            all(equal(v, n) for v, n in zip(value, node.items))
    return node.kind == "s" and same(value, node.value)


class JsonSource:
    """The original JSON text of a document and where each of its steps came from."""

    def __init__(self, text: str, doc: Document, indent: int | str = 2) -> None:
        self.text = text
        self.indent = indent
        self.step_paths: dict[str, tuple] = {}
        self._root: JNode | None = None
        for section in doc.sections:
            if section.raw_body is MISSING:
                self._record(section.steps, ("sections", section.name))

    def _record(self, steps: StepList, path: tuple) -> None:
        for i, step in enumerate(steps.steps):
            here = path + (i,)
            self.step_paths[step.id] = here
            if step.form == "method":
                for sub, child in step.child_lists():
                    self._record(child, here + (step.method, *sub))

    @property
    def root(self) -> JNode:
        if self._root is None:
            self._root = scan(self.text)
        return self._root

    def render(self, doc: Document) -> str:
        """The text of ``doc``: the original text wherever the data did not change."""
        root = self.root
        steps = {}
        for step_id, path in self.step_paths.items():
            node = resolve(root, path)
            if node is not None:
                steps[step_id] = node
        return splice(self.text, _doc_tree(doc), steps, self.indent, root)


def splice(text: str, new: Any, steps: dict[str, JNode] | None = None, indent: int | str = 2,
           root: JNode | None = None) -> str:
    """``text`` (the original JSON) changed to hold ``new``, touching only what changed.

    ``new`` is plain data or a model tree holding :class:`StepList` objects; ``steps`` maps step
    ids to their original nodes so moved steps keep their text. Not verified here: callers check.
    """
    root = root if root is not None else scan(text)
    splicer = _Splicer(text, steps or {}, indent)
    body = splicer.render(new, root, False, splicer.unit)
    return text[:root.start] + body + text[root.end:]


def _shift(block: str, old: str, new: str) -> str:
    """``block`` with the indentation ``old`` of its following lines changed to ``new``."""
    if old == new or "\n" not in block:
        return block
    lines = block.split("\n")
    return "\n".join(lines[:1] + [new + line[len(old):] if line.startswith(old) else line for line in lines[1:]])


class _Splicer:
    def __init__(self, text: str, steps: dict[str, JNode], indent: int | str) -> None:
        self.text = text
        self.steps = steps
        self.unit = indent if isinstance(indent, str) else " " * indent

    def indent_at(self, pos: int) -> str:
        """The indentation of the line holding offset ``pos``."""
        return _INDENT.match(self.text, self.text.rfind("\n", 0, pos) + 1).group()

    def fresh(self, value: Any, indent: str, inline: bool, unit: str) -> str:
        plain = to_plain(value)
        if inline or not isinstance(plain, (dict, list)) or not plain:
            return json.dumps(plain, ensure_ascii=False, default=str)
        return json.dumps(plain, indent=unit, ensure_ascii=False, default=str).replace("\n", "\n" + indent)

    def render(self, value: Any, node: JNode, inline: bool, unit: str) -> str:
        """The text for ``value`` standing where ``node`` stood (in the node's own indentation)."""
        if equal(value, node):
            return self.text[node.start:node.end]
        if node.items:
            if node.kind == "o" and isinstance(value, dict) and value:
                return self._object(value, node)
            if node.kind == "a" and isinstance(value, (list, StepList)) and len(value):
                return self._array(value, node)
        return self.fresh(value, self.indent_at(node.start), inline, unit)

    def _layout(self, node: JNode) -> tuple[bool, str]:
        """Whether a container is written on one line, and the indent step of its members."""
        text = self.text
        inline = text.find("\n", node.start, node.end) < 0
        first = node.items[0][1] if node.kind == "o" else node.items[0].start
        head = text[node.start:first]
        unit = self.unit
        if "\n" in head:
            base, inner = self.indent_at(node.start), head.rsplit("\n", 1)[1]
            if inner.startswith(base) and len(inner) > len(base):
                unit = inner[len(base):]
        return inline, unit

    def _object(self, value: dict, node: JNode) -> str:
        text, items = self.text, node.items
        inline, unit = self._layout(node)
        colon = text[items[0][2]:items[0][3].start]
        out: list[tuple[int | None, Callable[[str], str]]] = []
        for key, sub in value.items():
            index = node.member(key) if type(key) is str else None
            if index is not None:
                _, key_start, _, child = items[index]
                out.append((index, partial(self._kept_member, key_start, sub, child, inline, unit)))
            else:
                name = json.dumps(key if isinstance(key, str) else str(key), ensure_ascii=False)
                out.append((None, lambda target, name=name, sub=sub: name + colon + self.fresh(sub, target, inline, unit)))
        return self._join(node, out)

    def _kept_member(self, key_start: int, sub: Any, child: JNode, inline: bool, unit: str, target: str) -> str:
        return self.text[key_start:child.start] + self.render(sub, child, inline, unit)

    def _array(self, value: list | StepList, node: JNode) -> str:
        text, items = self.text, node.items
        inline, unit = self._layout(node)
        out: list[tuple[int | None, Callable[[str], str]]] = []
        if isinstance(value, StepList):
            index = {id(n): i for i, n in enumerate(items)}
            for step in value.steps:
                sub, old = step_value(step), self.steps.get(step.id)
                if old is None:
                    out.append((None, partial(self._fresh_item, sub, inline, unit)))
                else:
                    out.append((index.get(id(old)), partial(self._moved_item, sub, old, inline, unit)))
            return self._join(node, out)
        old_keys = [_canon(json.loads(text[n.start:n.end])) for n in items]
        new_keys = [_canon(to_plain(v)) for v in value]
        matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            pairs = min(i2 - i1, j2 - j1) if tag in ("equal", "replace") else 0
            for d in range(pairs):
                out.append((i1 + d, partial(self._moved_item, value[j1 + d], items[i1 + d], inline, unit)))
            for j in range(j1 + pairs, j2):
                out.append((None, partial(self._fresh_item, value[j], inline, unit)))
        return self._join(node, out)

    def _fresh_item(self, value: Any, inline: bool, unit: str, target: str) -> str:
        return self.fresh(value, target, inline, unit)

    def _moved_item(self, value: Any, old: JNode, inline: bool, unit: str, target: str) -> str:
        return _shift(self.render(value, old, inline, unit), self.indent_at(old.start), target)

    def _join(self, node: JNode, out: list[tuple[int | None, Callable[[str], str]]]) -> str:
        """The container's text: its own head, tail and separators around the new members."""
        if not out:
            return "{}" if node.kind == "o" else "[]"
        text, items = self.text, node.items
        starts = [item[1] for item in items] if node.kind == "o" else [n.start for n in items]
        ends = [item[3].end for item in items] if node.kind == "o" else [n.end for n in items]
        head, tail = text[node.start:starts[0]], text[ends[-1]:node.end]
        seps = [text[ends[i]:starts[i + 1]] for i in range(len(items) - 1)]
        typical = seps[-1] if seps else ",\n" + head.rsplit("\n", 1)[1] if "\n" in head else ", "
        base = self.indent_at(node.start)
        pieces, prev = [head], head
        for k, (old, make) in enumerate(out):
            pieces.append(make(prev.rsplit("\n", 1)[1] if "\n" in prev else base))
            if k < len(out) - 1:
                prev = seps[old] if old is not None and old < len(seps) else typical
                pieces.append(prev)
        pieces.append(tail)
        return "".join(pieces)
