"""Where each entry of a YAML text stands: the line ranges splicing copies and patches.

The part of :class:`designer.model.yaml_splice.YamlSource` that only reads the original text:
for a block mapping or sequence, each entry's first comment line above it, its key or dash line
and its end; which sequence holds which item; whether sequences are indented under their key.
Computed once per node and cached, since every save after an edit asks again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, SequenceNode

from designer.model.steps import MISSING
from designer.model.yaml_text import content_end


@dataclass
class Entry:
    """Where one mapping pair or sequence item sits in the original lines (0-based, end excluded)."""

    key: Any
    node: Node  # the value (mapping) or the item (sequence)
    key_node: Node | None
    lead: int  # first comment line above it that belongs to it
    head: int  # the key line or the dash line
    end: int


@dataclass
class Layout:
    column: int  # key column (mapping) or dash column (sequence)
    entries: list[Entry]


def shift(lines: list[str], delta: int) -> list[str]:
    if delta > 0:
        pad = " " * delta
        return [pad + line if line else line for line in lines]
    if delta < 0:
        return [line[min(-delta, len(line) - len(line.lstrip(" "))):] for line in lines]
    return list(lines)


def is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


class YamlLayout:
    """The lines and node tree of an original text, and the layout of its collections."""

    lines: list[str]
    root: Node
    values: dict[Node, Any]
    layouts: dict[int, "Layout | None"]

    def _detect_sequence_style(self) -> bool:
        """Whether block sequences under a key are indented (``key:\\n  - x``), by majority."""
        votes = [0, 0]
        stack = [self.root]
        while stack:
            node = stack.pop()
            if isinstance(node, MappingNode):
                for k, v in node.value:
                    if isinstance(v, SequenceNode) and not v.flow_style and v.value:
                        votes[v.start_mark.column > k.start_mark.column] += 1
                    stack.append(v)
            elif isinstance(node, SequenceNode):
                stack.extend(node.value)
        return votes[1] >= votes[0]

    # ------------------------------------------------------------------ layout of the original
    def _layout(self, node: Node) -> Layout | None:
        """Entries of a block collection with their line ranges; ``None`` for flow style/odd shapes."""
        cached = self.layouts.get(id(node), MISSING)
        if cached is not MISSING:
            return cached
        layout = None
        if isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
            layout = self._compute_layout(node)
        self.layouts[id(node)] = layout
        return layout

    def _compute_layout(self, node: Node) -> Layout | None:
        lines = self.lines
        column = node.start_mark.column
        entries: list[Entry] = []
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                key = self.values.get(key_node, MISSING)
                if not hashable(key) or key_node.start_mark.column != column:
                    return None
                entries.append(Entry(key, value_node, key_node, 0, key_node.start_mark.line, 0))
        else:
            for item in node.value:
                head = item.start_mark.line
                while head > 0 and not (len(lines[head]) > column and lines[head][column] == "-"):
                    head -= 1
                entries.append(Entry(None, item, None, 0, head, 0))
        floor = 0
        for i, entry in enumerate(entries):
            lead = entry.head
            if (i > 0 or node is not self.root) and not lines[entry.head][:column].strip():
                while lead - 1 >= floor and is_comment(lines[lead - 1]):
                    lead -= 1
            entry.lead = lead
            if i:
                entries[i - 1].end = lead
            floor = content_end(entry.node) + 1
        entries[-1].end = floor
        return Layout(column, entries)

    def _find_entry(self, item: Node) -> tuple[Entry, int] | None:
        if not hasattr(self, "_entry_map"):
            self._entry_map: dict[int, tuple[Entry, int] | None] = {}
        if id(item) not in self._entry_map:
            parent = self._parents().get(id(item))
            layout = self._layout(parent) if parent is not None else None
            for entry in layout.entries if layout is not None else ():
                self._entry_map[id(entry.node)] = (entry, layout.column)
        return self._entry_map.get(id(item))

    def _parents(self) -> dict[int, Node]:
        if not hasattr(self, "_parent_map"):
            parents: dict[int, Node] = {}
            stack = [self.root]
            while stack:
                node = stack.pop()
                if isinstance(node, SequenceNode):
                    for item in node.value:
                        parents[id(item)] = node
                    stack.extend(node.value)
                elif isinstance(node, MappingNode):
                    stack.extend(v for _, v in node.value)
            self._parent_map = parents
        return self._parent_map


def hashable(key: Any) -> bool:
    try:
        hash(key)
    except TypeError:
        return False
    return key is not MISSING
