"""YAML text helpers: safe composing with marks, fresh emission in SignalWire docs style, locating.

Only PyYAML's *safe* machinery is used: nodes are composed with marks (line/column of every
value) and constructed by ``SafeConstructor``; nothing can instantiate arbitrary Python objects.
"""

from __future__ import annotations

import copy
from typing import Any, Callable

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_CLoader = getattr(yaml, "CSafeLoader", None)


class _MarkedLoader(yaml.SafeLoader):
    """A safe loader whose alias nodes are copies carrying the *alias* position.

    PyYAML returns the anchored node itself for ``*alias``, so its marks would point at the
    anchor; splicing and locating need to know where the alias text is.
    """

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # PyYAML override
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            node = super().compose_node(parent, index)
            clone = copy.copy(node)
            clone.start_mark, clone.end_mark = event.start_mark, event.end_mark
            clone.is_alias = True
            return clone
        return super().compose_node(parent, index)


def compose(text: str) -> tuple[Node | None, dict[Node, Any]]:
    """Compose ``text`` (one document) and construct it; returns the root node and node -> value.

    The map holds the constructed value of every node (keys included), so callers can compare a
    part of the original with the model without parsing again. Raises PyYAML's ``YAMLError``.
    """
    loader_cls = _CLoader if _CLoader is not None and "*" not in text else _MarkedLoader
    loader = loader_cls(text)
    try:
        root = loader.get_single_node()
        values: dict[Node, Any] = {}
        if root is not None:
            loader.construct_object(root, deep=True)
            values = dict(loader.constructed_objects)
        return root, values
    finally:
        loader.dispose()


def fast_load(text: str) -> Any:
    """Plain data of ``text`` with the fastest safe loader available."""
    return yaml.load(text, Loader=_CLoader or yaml.SafeLoader)


class _Dumper(yaml.SafeDumper):
    """Block style, key order kept, no anchors, sequences indented under their key."""

    indent_sequences = True

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, indentless and not self.indent_sequences)


class _FlatDumper(_Dumper):
    """Like :class:`_Dumper` but ``key:\\n- item`` (sequence dashes at the key's column)."""

    indent_sequences = False


#: Characters YAML reads as line breaks; PyYAML writes them raw in plain/quoted styles and
#: reads them back as spaces, so strings holding them are written double-quoted (escaped).
_BREAKS = ("\x85", "\u2028", "\u2029", "\r")


def _block_unsafe(value: str) -> bool:
    """Texts a ``|`` block cannot give back exactly once spliced between other lines: only line
    breaks, or two or more breaks at the end (``|+`` keeps them only at the end of a file)."""
    return "\n" in value and (not value.strip("\n") or value.endswith("\n\n"))


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if any(ch in value for ch in _BREAKS) or _block_unsafe(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    style = "|" if "\n" in value.rstrip("\n") or value.endswith("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


for _cls in (_Dumper, _FlatDumper):
    _cls.add_representer(str, _represent_str)


def dump(data: Any, indent_sequences: bool = True) -> str:
    """Fresh YAML text for plain ``data``: 2-space indent, unicode kept, no line wrapping."""
    return yaml.dump(
        data,
        Dumper=_Dumper if indent_sequences else _FlatDumper,
        default_flow_style=False,
        allow_unicode=True,
        sort_keys=False,
        width=10**9,
        indent=2,
    )


def dump_lines(data: Any, column: int, indent_sequences: bool = True) -> list[str]:
    """:func:`dump` split in lines, each shifted right by ``column`` spaces (empty lines kept)."""
    pad = " " * column
    return [pad + line if line else line for line in dump(data, indent_sequences).split("\n")[:-1]]


def content_end(node: Node) -> int:
    """The 0-based line of the last character that belongs to ``node``."""
    if isinstance(node, ScalarNode):
        end = node.end_mark
        if node.style in ("|", ">") and end.column == 0 and end.line > node.start_mark.line:
            return end.line - 1
        return end.line
    if node.flow_style or not node.value:
        return node.end_mark.line
    last = node.value[-1]
    return content_end(last[1] if isinstance(node, MappingNode) else last)


def key_matches(key: Any, wanted: Any) -> bool:
    """Whether a constructed mapping key stands for a path element (``1`` matches ``"1"``)."""
    if type(key) is type(wanted):
        return key == wanted
    return str(key) == str(wanted)


def locator(root: Node | None, values: dict[Node, Any]) -> Callable[[tuple], tuple[int, int] | None]:
    """A function mapping a data path to the 1-based (line, column) of its node, see ``locate``."""

    def where(node: Node, key_node: Node | None) -> tuple[int, int]:
        mark = node.start_mark
        if key_node is not None and isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style:
            mark = key_node.start_mark  # a block collection starts on the next line: point at its key
        return mark.line + 1, mark.column + 1

    indexes: dict[int, dict[str, list[tuple[Node, Node]]]] = {}

    def index(node: MappingNode) -> dict[str, list[tuple[Node, Node]]]:
        """The pairs of ``node`` by key text, built once: looking keys up one by one would make
        placing a problem in every one of many sections quadratic."""
        found = indexes.get(id(node))
        if found is None:
            found = indexes[id(node)] = {}
            for k, v in node.value:
                key = values.get(k, k.value if isinstance(k, ScalarNode) else None)
                found.setdefault(str(key), []).append((k, v))
        return found

    def find(path: tuple) -> tuple[int, int] | None:
        if root is None:
            return None
        node, key_node = root, None
        for part in path:
            child = None
            if isinstance(node, MappingNode):
                for k, v in reversed(index(node).get(str(part), ())):
                    if key_matches(values.get(k, k.value if isinstance(k, ScalarNode) else None), part):
                        child, key_node = v, k
                        break
            elif isinstance(node, SequenceNode) and isinstance(part, int) and -len(node.value) <= part < len(node.value):
                child, key_node = node.value[part], None
            if child is None:
                break
            node = child
        return where(node, key_node)

    return find


def flow_pair(key: Any, value: Any) -> str:
    """``key: value`` as it reads inside a one-line flow mapping (``{ key: value }``)."""
    text = yaml.dump({key: value}, Dumper=_Dumper, default_flow_style=True, allow_unicode=True,
                     sort_keys=False, width=10**9).strip()
    return text[1:-1]
