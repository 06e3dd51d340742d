"""What publishing will change: blocks added, removed and changed, in plain words, and the text diff.

Shown before an update so nobody replaces a live script blind. Blocks are compared per section in
order (like a text diff, one block per line); a block whose settings differ is "changed" with the
settings named. Blocks nested in a branch count as part of the block that holds them.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from typing import Any

from designer.model.steps import Step
from designer.model.summary import summarize
from designer.model.yaml_text import dump

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class Change:
    """One difference: ``kind`` is added/removed/changed; ``text`` says it in words."""

    kind: str
    text: str


@dataclass
class Changes:
    """Everything that differs between the live script and the one about to be published."""

    items: list[Change] = field(default_factory=list)
    diff: str = ""

    @property
    def none(self) -> bool:
        return not self.items and not self.diff

    def count(self, kind: str) -> int:
        return sum(1 for c in self.items if c.kind == kind)

    def headline(self) -> str:
        """``2 blocks added, 1 removed, 1 changed`` (or ``No changes``)."""
        if self.none:
            return "No changes: SignalWire already has exactly this script"
        parts = [f"{self.count(k)} {k}" for k in (ADDED, REMOVED, CHANGED) if self.count(k)]
        return ("Changes: " + ", ".join(parts)) if parts else "Only layout or formatting differs"


def compare(live: dict[str, Any] | None, local: dict[str, Any]) -> Changes:
    """The changes that turn ``live`` (``None``: nothing there yet) into ``local``."""
    live = live or {}
    changes = Changes(diff=text_diff(live, local) if live else "")
    for key in _keys(live, local):
        if key != "sections" and live.get(key) != local.get(key):
            changes.items.append(Change(CHANGED, f"The script's {key} changes from "
                                        f"{_value(live.get(key))} to {_value(local.get(key))}"))
    old, new = _sections(live), _sections(local)
    for name in _keys(old, new):
        if name not in new:
            changes.items.append(Change(REMOVED, f"Section “{name}” is removed with its {_blocks(old[name])}"))
        elif name not in old:
            changes.items.append(Change(ADDED, f"Section “{name}” is added with {_blocks(new[name])}"))
        else:
            changes.items.extend(_section_changes(name, old[name], new[name]))
    return changes


def text_diff(live: dict[str, Any], local: dict[str, Any]) -> str:
    """A unified diff of the two scripts written the same way (YAML), live first."""
    lines = difflib.unified_diff(dump(live).splitlines(), dump(local).splitlines(),
                                 "on SignalWire", "to publish", lineterm="", n=2)
    return "\n".join(lines)


def _section_changes(name: str, old: list[Any], new: list[Any]) -> list[Change]:
    keys_old, keys_new = [_canon(i) for i in old], [_canon(i) for i in new]
    out: list[Change] = []
    matcher = difflib.SequenceMatcher(a=keys_old, b=keys_new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        # Inside a replaced run, blocks of the same method in the same order are edits of each other.
        methods = difflib.SequenceMatcher(a=[_method(i) for i in old[a1:a2]],
                                          b=[_method(i) for i in new[b1:b2]], autojunk=False)
        for sub, c1, c2, d1, d2 in methods.get_opcodes():
            if sub == "equal":
                out += [Change(CHANGED, f"In {name}, block {j + 1} ({_method(new[j])}) changes: "
                               + _what_changed(old[i], new[j]))
                        for i, j in zip(range(a1 + c1, a1 + c2), range(b1 + d1, b1 + d2))]
                continue
            out += [Change(REMOVED, f"In {name}, block {i + 1} ({_describe(old[i])}) is removed")
                    for i in range(a1 + c1, a1 + c2)]
            out += [Change(ADDED, f"In {name}, block {j + 1} ({_describe(new[j])}) is added")
                    for j in range(b1 + d1, b1 + d2)]
    return out


def _what_changed(old: Any, new: Any) -> str:
    """``format mp3 → wav; beep added`` for two blocks of the same method."""
    a, b = _params(old), _params(new)
    if not isinstance(a, dict) or not isinstance(b, dict):
        return f"{_value(a)} → {_value(b)}"
    parts = []
    for key in _keys(a, b):
        if key not in b:
            parts.append(f"{key} removed")
        elif key not in a:
            parts.append(f"{key} set to {_value(b[key])}")
        elif a[key] != b[key]:
            parts.append(f"{key} {_value(a[key])} → {_value(b[key])}")
    return "; ".join(parts) or "written differently"


def _describe(item: Any) -> str:
    step = Step.from_data(item)
    summary = summarize(step)
    label = step.method or "not a method"
    return f"{label}: {summary}" if summary else label


def _method(item: Any) -> str:
    if isinstance(item, dict) and len(item) == 1:
        return str(next(iter(item)))
    return item if isinstance(item, str) else ""


def _params(item: Any) -> Any:
    return next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item


def _sections(data: dict[str, Any]) -> dict[str, list[Any]]:
    sections = data.get("sections")
    if not isinstance(sections, dict):
        return {}
    return {str(k): v if isinstance(v, list) else [v] for k, v in sections.items()}


def _keys(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    return list(a) + [k for k in b if k not in a]


def _canon(item: Any) -> str:
    return json.dumps(item, sort_keys=True, default=str)


def _blocks(items: list[Any]) -> str:
    return f"{len(items)} block{'s' if len(items) != 1 else ''}"


def _value(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= 40 else f"“{text[:39]}…”"
