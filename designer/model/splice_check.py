"""Proving that a spliced YAML text reads back as the model, at the cost of the change.

After splicing, the writer must be sure the new text parses to exactly the document's data: a
splicing mistake must never reach a user's file or the preview. Parsing the whole text proves
it, but costs what the flow holds (80 ms at 1,000 steps), on every slider move. When the
document's change log says only one step of a section changed (its params, or steps nested in
it), the proof can be local:

- every line before that step's list item and after it is byte-identical to the last proven
  text, and the model outside that step did not change, so that part still reads back right;
- the item's new lines (from its dash to the next line indented no deeper than the dash) are
  parsed on their own, dedented and followed by a sentinel item standing for that next line,
  and must give exactly that step's data;
- a block list item's content ends where indentation returns to its dash, so those lines parse
  the same inside the whole text as on their own (anything open at the cut, such as a quote,
  makes the local parse fail, and the whole text is parsed instead).

Positions for the preview come from the last proven text's locator, with lines after the item
shifted, and the item's own parse. After ``MAX_CHAIN`` local proofs in a row, or for anything
else (inserts, moves, several steps, anchors), the caller parses the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from yaml.nodes import ScalarNode, SequenceNode

from designer.model.yaml_text import compose, locator

Locator = Callable[[tuple], "tuple[int, int] | None"]

#: Local proofs in a row before the whole text is parsed again. Bounds the chain of locators
#: (each link keeps only its own item's parse and a memo of the paths asked for); the window
#: flattens the chain sooner, when editing pauses (``yaml_quick.settle``).
MAX_CHAIN = 512
_ANCHOR = re.compile(r"(?:^|[\s\[\]{},:-])[&*][^\s\[\]{},]|(?:^|[\s{,])<<\s*:")


@dataclass
class Proven:
    """A text known to read back as the model, with where each path stands in it.

    ``data`` is what ``lines`` read back as, derived from the text alone (the whole parse, then
    each local parse patched in): a save compares it with the document itself, so it proves the
    text without trusting the change log that chose which step to re-parse.
    """

    lines: list[str]
    find: Locator
    depth: int = 0
    data: Any = None


def whole(lines: list[str], root: Any, values: dict) -> Proven:
    """The proof a full parse gives."""
    return Proven(lines, locator(root, values), 0, values.get(root) if root is not None else None)


def may_use(text: str) -> bool:
    """Whether local proofs are sound for a script of this text: not with anchors or aliases
    (a changed anchored value would change data elsewhere), nor with merge keys (``<<:``: a
    value would be read at another place than where it is written)."""
    return _ANCHOR.search(text) is None


def local(prev: Proven, lines: list[str], path: tuple, data: Any, column: int,
          same: Callable[[Any, Any], bool]) -> Proven | None:
    """A proof for ``lines`` when the only change since ``prev`` is the list item at ``path``
    (``("sections", name, index)``, written with its dash at ``column``) whose data is now
    ``data``; ``None`` when that cannot be shown locally."""
    if prev.depth >= MAX_CHAIN:
        return None
    found = prev.find(path)
    start = found[0] - 1 if found else -1
    if not (0 <= start < len(prev.lines) and start < len(lines)) or not _dash(prev.lines[start], column) \
            or not _dash(lines[start], column):
        return None
    head = common_prefix(prev.lines, lines)
    if head < start:
        return None
    tail = common_suffix(prev.lines, lines, head)
    end = _item_end(lines, start, column)
    if end is None or end < len(lines) - tail:
        return None
    delta = len(lines) - len(prev.lines)
    old_end = end - delta
    if old_end <= start or _item_end(prev.lines, start, column) != old_end:
        return None
    parsed = parse_window(lines[start:end], column, closed=end < len(lines))
    if parsed is None or len(parsed[0]) != 1 or not same(parsed[0], [data]):
        return None
    items, inner = parsed
    new_data = _replaced(prev.data, path, items[0])
    if new_data is None:
        return None
    base = prev.find
    size = len(path)
    count = len(new_data["sections"][next(k for k in new_data["sections"] if str(k) == str(path[1]))])

    memo: dict[tuple, tuple[int, int] | None] = {}

    def find(target: tuple) -> tuple[int, int] | None:
        # Remembered per path: the preview asks for the same paths (its problems, the selected
        # block) after every edit, so a lookup goes down the chain of proofs once per path.
        target = tuple(target)
        if target in memo:
            return memo[target]
        asked = target
        if len(target) >= size and target[:size - 1] == path[:-1] and isinstance(target[size - 1], int) \
                and target[size - 1] < 0:  # counted from the end of the list: the same item or not
            index = target[size - 1] + count
            target = (*path[:-1], index, *target[size:]) if index >= 0 else path[:-1]
        if target[:size] == path:
            at = inner((0, *target[size:]))
            found = (at[0] + start, at[1] + column) if at else None
        else:
            found = moved_after(base(target), old_end, delta)
        memo[asked] = found
        return found

    return Proven(lines, find, prev.depth + 1, new_data)


def moved_after(at: tuple[int, int] | None, cut: int, delta: int) -> tuple[int, int] | None:
    """Where a place ``at`` of the last proven text stands now, when the lines from ``cut`` on
    (0-based; ``at`` is 1-based) moved by ``delta`` and the lines before it did not change.
    Both local proofs map what lies outside their window this way."""
    return (at[0] + delta, at[1]) if at is not None and at[0] - 1 >= cut else at


def _replaced(data: Any, path: tuple, item: Any) -> Any:
    """``data`` with the list item at ``path`` (``("sections", name, index)``) replaced by
    ``item``, copying only the containers on the way (``data`` is shared with the source and
    with earlier proofs, so it is never changed in place); ``None`` when ``path`` does not name
    exactly one list item there (a key written twice as ``1`` and ``"1"``, say)."""
    if len(path) != 3:
        return None
    top_key, name, index = path
    if not isinstance(data, dict) or not isinstance(data.get(top_key), dict):
        return None
    sections = data[top_key]
    keys = [k for k in sections if str(k) == str(name)]
    if len(keys) != 1 or not isinstance(sections[keys[0]], list) or not 0 <= index < len(sections[keys[0]]):
        return None
    items = list(sections[keys[0]])
    items[index] = item
    return {**data, top_key: {**sections, keys[0]: items}}


#: The item standing for the line after a window: ``- ~`` at column 0.
SENTINEL = "\n- ~"


def parse_window(window: list[str], column: int, closed: bool) -> tuple[list, Locator | None] | None:
    """The items ``window`` (whole list items, dashes at ``column``) reads as on its own, and
    where paths stand in it; ``None`` when it cannot be read so.

    What follows the window in the whole text (a line indented no deeper than the dash) ends
    it there; ``closed`` says something follows, and a sentinel item stands for it here, so
    trailing blank lines count as they do in the whole text (a ``|+`` text keeps them)."""
    if not window:
        return [], None
    dedented = [_dedent(line, column) for line in window]
    if any(line is None for line in dedented):
        return None
    text = "\n".join(dedented) + (SENTINEL if closed else "")
    if not may_use(text):
        return None
    try:
        root, values = compose(text)
    except Exception:  # noqa: BLE001 - any parse failure: prove it the long way
        return None
    if not isinstance(root, SequenceNode) or len(root.value) < 1 + closed \
            or (closed and not ends_in_sentinel(root, text)):
        return None
    items = values.get(root)
    return (items[:-1] if closed else items), locator(root, values)


def ends_in_sentinel(root: SequenceNode, text: str) -> bool:
    """Whether the last item of ``root`` is the sentinel on the last line of ``text`` (not
    swallowed by an item left open, so the items before it are exactly the window's)."""
    last = root.value[-1] if root.value else None
    return isinstance(last, ScalarNode) and not last.style and last.value == "~" \
        and last.start_mark.line == text.count("\n") and last.start_mark.column == 2


def _dash(line: str, column: int) -> bool:
    return line[column:column + 1] == "-" and not line[:column].strip(" ") and line[column + 1:column + 2] in (" ", "")


def _item_end(lines: list[str], start: int, column: int) -> int | None:
    """The first line after ``start`` indented no deeper than ``column`` (comments and blank
    lines belong to the item); ``None`` when a tab indents a line."""
    for i in range(start + 1, len(lines)):
        line = lines[i]
        body = line.lstrip(" ")
        if body.startswith("\t"):
            return None
        if body and not body.startswith("#") and len(line) - len(body) <= column:
            return i
    return len(lines)


def _dedent(line: str, column: int) -> str | None:
    if line[:column].strip(" "):
        return line if line.lstrip().startswith("#") else None
    return line[column:] if len(line) >= column else line.lstrip(" ")


def common_prefix(a: Sequence[Any], b: Sequence[Any]) -> int:
    """Length of the common prefix of two lists or strings, by bisection on slice equality
    (compared in C): a change in the middle of 40,000 lines costs microseconds."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_suffix(a: Sequence[Any], b: Sequence[Any], head: int = 0) -> int:
    """Length of the common suffix of two lists or strings that does not overlap their first
    ``head`` items (see :func:`common_prefix`)."""
    lo, hi = 0, min(len(a), len(b)) - head
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:len(a) - lo] == b[len(b) - mid:len(b) - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo
