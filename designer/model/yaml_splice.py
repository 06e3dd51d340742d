"""Saving a YAML script by splicing its original text: untouched parts are copied byte for byte.

At load, :class:`YamlSource` keeps the lines of the text, the composed node tree (with marks) and,
for every step, the node it came from (steps are objects, found again by ``step.id`` wherever they
moved). On save, :meth:`YamlSource.render` walks the model: a part whose data did not change is
copied from the original lines (shifted when it moved to another depth), a changed block mapping
or sequence is patched entry by entry, anything else is emitted fresh. Comment lines directly
above an entry belong to it: they move and disappear with it.
"""

from __future__ import annotations

import difflib
import json
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from designer.model.change_log import ChangeLog
from designer.model.document import Document
from designer.model.splice_check import Proven, may_use, whole
from designer.model.steps import MISSING, Step, StepList, to_plain
from designer.model.yaml_aliases import is_alias as _is_alias
from designer.model.yaml_aliases import nodes_holding_aliases as _nodes_holding_aliases
from designer.model.yaml_quoting import quoted_like as _quoted_like
from designer.model.yaml_layout import YamlLayout, Entry, hashable, is_comment, Layout, shift
from designer.model.yaml_text import content_end, dump_lines, flow_pair


#: Types compared by ``==`` alone once their types agree (no NaN, no containers).
_LEAVES = frozenset((str, int, bool, type(None)))


def same(a: Any, b: Any) -> bool:
    """Equality that also compares types (``1`` vs ``1.0`` vs ``True``) and mapping key order.

    A save compares the whole document with what its text reads back as (5,000 steps: some
    70,000 values), so children of the common leaf types are compared in the loop, not by a
    call each."""
    t = type(a)
    if t is not type(b):
        return False
    if t in _LEAVES:
        return a == b
    if isinstance(a, dict):
        if len(a) != len(b) or list(a) != list(b):
            return False
        for key, x in a.items():
            y = b[key]
            tx = type(x)
            if tx is not type(y) or not (x == y if tx in _LEAVES else same(x, y)):
                return False
        return True
    if isinstance(a, list):
        if len(a) != len(b):
            return False
        for x, y in zip(a, b):
            tx = type(x)
            if tx is not type(y) or not (x == y if tx in _LEAVES else same(x, y)):
                return False
        return True
    if isinstance(a, float) and a != a:
        return b != b
    return a == b


class YamlSource(YamlLayout):
    """The original YAML text of a document and the map from model objects to its nodes."""

    def __init__(self, text: str, root: Node, values: dict[Node, Any], doc: Document) -> None:
        self.lines = text.split("\n")
        self.root = root
        self.values = values
        self.layouts: dict[int, Layout | None] = {}
        self.step_nodes: dict[str, Node] = {}
        #: step id -> (column, lines) of its last rendering; valid until the step changes
        #: (see :meth:`forget`): a step's text depends only on its data, its original node and
        #: the column it is written at.
        self.rendered: dict[str, tuple[int, list[str]]] = {}
        #: The same for whole step lists (a section's steps), by step list id.
        self.rendered_lists: dict[str, tuple[int, list[str]]] = {}
        #: Which steps changed since the last rendering (see :mod:`designer.model.yaml_quick`).
        self.log = ChangeLog(doc)
        #: The last text proven to read back as the model, for local proofs after small edits.
        self.proven: Proven | None = whole(self.lines, root, values)
        self.quick_ok = may_use(text)
        self.indent_sequences = self._detect_sequence_style()
        self._record_doc(doc)

    # ------------------------------------------------------------------ recording
    def _record_doc(self, doc: Document) -> None:
        if not isinstance(self.root, MappingNode):
            return
        for key_node, value_node in self.root.value:
            if self.values.get(key_node) == "sections" and isinstance(value_node, MappingNode):
                by_name = {str(self.values.get(k)): v for k, v in value_node.value}
                for section in doc.sections:
                    if section.name in by_name:
                        self._record(section.steps, by_name[section.name])

    def _record(self, value: Any, node: Node) -> None:
        if isinstance(value, StepList) and isinstance(node, SequenceNode):
            if len(value) != len(node.value):
                return
            for step, item in zip(value.steps, node.value):
                self.step_nodes[step.id] = item
                if step.form == "method" and isinstance(item, MappingNode) and len(item.value) == 1:
                    self._record(step.params, item.value[0][1])
        elif isinstance(value, dict) and isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                key = self.values.get(key_node, MISSING)
                if hashable(key) and key in value:
                    self._record(value[key], value_node)
        elif isinstance(value, list) and isinstance(node, SequenceNode) and len(value) == len(node.value):
            for sub, item in zip(value, node.value):
                self._record(sub, item)

    # ------------------------------------------------------------------ rendering
    def render(self, doc: Document, expand_aliases: bool = False) -> str:
        """The text of ``doc``: the original lines wherever the data did not change.

        With ``expand_aliases`` every ``*alias`` is written out as the value it stood for (used
        when an edit changed an anchored value: copied as is, the alias would follow the edit).
        """
        return "\n".join(self.render_lines(doc, expand_aliases))

    def render_lines(self, doc: Document, expand_aliases: bool = False) -> list[str]:
        """:meth:`render` as a list of lines (no line ends)."""
        if expand_aliases != getattr(self, "expand", False):
            self.forget(set(self.rendered), set(self.rendered_lists))  # made in the other mode
        self.expand = expand_aliases
        tree = _doc_tree(doc)
        layout = self._layout(self.root)
        if layout is None:
            raise _Fallback
        prefix = self.lines[: layout.entries[0].lead]
        suffix = self.lines[layout.entries[-1].end:]
        body = self._mapping(tree, self.root, layout.column)
        return prefix + body + suffix

    def forget(self, step_ids: set[str], list_ids: set[str]) -> None:
        """Drop the remembered renderings of these steps and step lists: they changed."""
        for step_id in step_ids:
            self.rendered.pop(step_id, None)
        for list_id in list_ids:
            self.rendered_lists.pop(list_id, None)

    def _old(self, node: Node) -> Any:
        return self.values.get(node, MISSING)

    def _mapping(self, value: dict, node: Node | None, column: int) -> list[str]:
        layout = self._layout(node) if isinstance(node, MappingNode) else None
        if layout is None:
            return dump_lines({k: to_plain(v) for k, v in value.items()}, column, self.indent_sequences)
        by_key = {e.key: e for e in layout.entries}
        delta = column - layout.column
        out: list[str] = []
        for key, sub in value.items():
            entry = by_key.get(key) if hashable(key) else None
            if entry is None:
                out += dump_lines({key: to_plain(sub)}, column, self.indent_sequences)
            elif not self._descends(sub, entry) and same(to_plain(sub), self._old(entry.node)) \
                    and not self._alias_inside(entry.node):
                out += shift(self._own(entry.lead, entry.end, layout.column), delta)
            else:
                out += shift(self.lines[entry.lead:entry.head], delta)
                out += self._pair(key, sub, entry, column, delta, layout.column)
                out += self._trail(entry, delta)
        return out

    def _descends(self, value: Any, entry: Entry) -> bool:
        """Whether to write a value holding steps part by part rather than compare it whole:
        its steps' renderings are remembered, so walking it costs little, while comparing it
        as plain data costs the whole flow. Only where part-by-part gives the same lines."""
        node = entry.node
        holds = isinstance(value, StepList) or (isinstance(value, dict) and any(
            isinstance(v, StepList) for v in value.values()))
        return holds and _kind(value) is not None and _kind(value) == type(node) \
            and not node.flow_style and node.start_mark.line > entry.head and self._layout(node) is not None

    def _trail(self, entry: Entry, delta: int) -> list[str]:
        """Blank lines and loose comments after an entry's content, up to the next entry: a
        changed entry is written anew, but what follows it is not its to drop."""
        start = content_end(entry.node) + 1
        last = entry.end - 1  # marks can point elsewhere (an *alias is marked at its anchor)
        while last > entry.head and (not self.lines[last].strip() or is_comment(self.lines[last])):
            last -= 1
        start = max(start, last + 1)
        return shift(self.lines[start:entry.end], delta) if start < entry.end else []

    def _own(self, start: int, end: int, column: int) -> list[str]:
        """Lines ``start:end``; a first line shared with a list dash (``- key: v``) gets spaces there."""
        lines = self.lines[start:end]
        if lines and lines[0][:column].strip():
            lines[0] = " " * column + lines[0][column:]
        return lines

    def _pair(self, key: Any, value: Any, entry: Entry, column: int, delta: int, old_column: int) -> list[str]:
        node = entry.node
        kind = _kind(value)
        if kind and isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value \
                and kind == type(node) and node.start_mark.line > entry.head:
            inner = self._layout(node)
            if inner is not None:
                key_lines = shift(self._own(entry.head, inner.entries[0].lead, old_column), delta)
                return key_lines + self._collection(value, node, inner.column + delta)
        fresh = dump_lines({key: to_plain(value)}, column, self.indent_sequences)
        if isinstance(node, ScalarNode) and len(fresh) == 1 and node.style not in ("|", ">") \
                and node.start_mark.line == node.end_mark.line == entry.head \
                and node.end_mark.column > node.start_mark.column:
            key_text = " " * column + dump_lines({key: None}, 0)[0][: -len("null")]
            if fresh[0].startswith(key_text):  # keep the rest of the line, e.g. a trailing comment
                line = self._own(entry.head, entry.head + 1, old_column)[0]
                text = _quoted_like(node.style, value) or fresh[0][len(key_text):]
                patched = line[: node.start_mark.column] + text + line[node.end_mark.column:]
                return shift([patched], delta)
        if _is_alias(node):
            return fresh
        if isinstance(node, MappingNode) and node.flow_style and node.value and isinstance(value, dict) \
                and not self._alias_inside(node):
            return self._flow_mapping(value, entry, old_column, delta) or fresh
        return fresh

    def _flow_mapping(self, value: dict, entry: Entry, old_column: int, delta: int) -> list[str] | None:
        """A changed one-line flow mapping of scalars (``{ url: "x" }``), patched on its line."""
        node, row = entry.node, entry.head
        if not node.start_mark.line == node.end_mark.line == row:
            return None
        line = self._own(row, row + 1, old_column)[0]
        text = line[node.start_mark.column:node.end_mark.column]
        pad = " " if text.startswith("{ ") else ""
        old = {self.values.get(k): v for k, v in node.value}
        pieces = []
        for key, sub in value.items():
            if isinstance(sub, (dict, list, StepList)) or not hashable(key):
                return None
            old_value = old.get(key)
            if old_value is not None and same(sub, self._old(old_value)) and old_value.end_mark.line == row:
                key_node = next(k for k, v in node.value if v is old_value)
                pieces.append(line[key_node.start_mark.column:old_value.end_mark.column])
            else:
                pieces.append(flow_pair(key, sub))
        new = "{" + pad + ", ".join(pieces) + pad + "}" if pieces else "{}"
        return shift([line[: node.start_mark.column] + new + line[node.end_mark.column:]], delta)

    def _collection(self, value: Any, node: Node, column: int) -> list[str]:
        if isinstance(value, dict):
            return self._mapping(value, node, column)
        return self._sequence(value, node, column)

    def _sequence(self, value: list | StepList, node: Node | None, column: int) -> list[str]:
        layout = self._layout(node) if isinstance(node, SequenceNode) else None
        if isinstance(value, StepList):
            known = self.rendered_lists.get(value.id)
            if known is not None and known[0] == column:
                return known[1]
            out: list[str] = []
            for step in value.steps:
                out += self._step(step, column)
            self.rendered_lists[value.id] = (column, out)
            return out
        if layout is None:
            return dump_lines(to_plain(value), column, self.indent_sequences)
        old = [self._old(e.node) for e in layout.entries]
        new = [to_plain(v) for v in value]
        matcher = difflib.SequenceMatcher(None, [_canon(v) for v in old], [_canon(v) for v in new], autojunk=False)
        delta = column - layout.column
        out = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for entry, sub in zip(layout.entries[i1:i2], value[j1:j2]):
                    if self._alias_inside(entry.node):
                        out += shift(self.lines[entry.lead:entry.head], delta)
                        out += self._item(sub, entry, layout.column, column)
                    else:
                        out += shift(self.lines[entry.lead:entry.end], delta)
            elif tag == "replace" and i2 - i1 == j2 - j1:
                for entry, sub in zip(layout.entries[i1:i2], value[j1:j2]):
                    out += shift(self.lines[entry.lead:entry.head], delta)
                    out += self._item(sub, entry, layout.column, column)
                    out += self._trail(entry, delta)
            else:
                out += dump_lines(new[j1:j2], column, self.indent_sequences) if j2 > j1 else []
        return out

    def _step(self, step: Step, column: int) -> list[str]:
        known = self.rendered.get(step.id)
        if known is not None and known[0] == column:
            return known[1]
        lines = self._step_lines(step, column)
        self.rendered[step.id] = (column, lines)
        return lines

    def _step_lines(self, step: Step, column: int) -> list[str]:
        item = self.step_nodes.get(step.id)
        plain = step.to_data()
        found = self._find_entry(item) if item is not None else None
        if found is None:
            return dump_lines([plain], column, self.indent_sequences)
        entry, old_column = found
        delta = column - old_column
        if same(plain, self._old(item)) and not self._alias_inside(item):
            return shift(self.lines[entry.lead:entry.end], delta)
        value = {step.method: step.params} if step.form == "method" else plain
        return (shift(self.lines[entry.lead:entry.head], delta) + self._item(value, entry, old_column, column)
                + self._trail(entry, delta))

    def _alias_inside(self, node: Node) -> bool:
        """In ``expand_aliases`` mode: whether ``node`` is or holds an ``*alias``."""
        if not getattr(self, "expand", False):
            return False
        if not hasattr(self, "_with_alias"):
            self._with_alias = _nodes_holding_aliases(self.root)
        return id(node) in self._with_alias

    def _item(self, value: Any, entry: Entry, old_column: int, column: int) -> list[str]:
        """A changed sequence item: patched in place when it was a compact block mapping/sequence."""
        node = entry.node
        if _is_alias(node):
            return dump_lines([to_plain(value)], column, self.indent_sequences)
        offset = node.start_mark.column - old_column
        kind = _kind(value)
        compact = node.start_mark.line == entry.head and not self.lines[entry.head][old_column + 1:node.start_mark.column].strip()
        if kind and kind == type(node) and compact and not node.flow_style and node.value and offset >= 2:
            inner = self._layout(node)
            if inner is not None:
                lines = self._collection(value, node, column + offset)
                for i, line in enumerate(lines):
                    if line.strip() and not is_comment(line):
                        if line[column:column + 2] == "  ":
                            lines[i] = line[:column] + "- " + line[column + 2:]
                            return lines
                        break
        return dump_lines([to_plain(value)], column, self.indent_sequences)


class _Fallback(Exception):
    """Splicing is not possible for this text; the caller emits the document fresh."""


def _doc_tree(doc: Document) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for key, value in doc.top_level.items():
        if key == "sections" and value is None:
            tree[key] = {s.name: s.steps if s.raw_body is MISSING else s.raw_body for s in doc.sections}
        else:
            tree[key] = value
    return tree


def _kind(value: Any) -> type | None:
    if isinstance(value, dict) and value:
        return MappingNode
    if isinstance(value, (list, StepList)) and len(value):
        return SequenceNode
    return None


def _canon(value: Any) -> str:
    return json.dumps(value, default=repr) + type(value).__name__
