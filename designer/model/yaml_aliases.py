"""Finding ``*alias`` nodes in a composed YAML tree (marked by ``yaml_text``'s loader).

An alias copied as text follows its anchor: when an edit changes an anchored value, the splicer
writes the aliases that pointed at it out in full, and needs to know which nodes hold one.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, SequenceNode


def is_alias(node: Node) -> bool:
    """Whether ``node`` stands where an ``*alias`` was written (not the anchored original)."""
    return getattr(node, "is_alias", False)


def nodes_holding_aliases(root: Node) -> set[int]:
    """Ids of the alias nodes and of every node that holds one (walked without recursion)."""
    found: set[int] = set()
    stack: list[tuple[Node, tuple[int, ...]]] = [(root, ())]
    while stack:
        node, above = stack.pop()
        if is_alias(node):
            found.add(id(node))
            found.update(above)
            continue  # its children are the anchored node's
        here = above + (id(node),)
        if isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append((value, here))
        elif isinstance(node, SequenceNode):
            stack.extend((item, here) for item in node.value)
    return found
