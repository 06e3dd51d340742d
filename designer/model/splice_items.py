"""Proving a text locally when its change spans whole items of one section's step list.

:func:`designer.model.splice_check.local` proves one changed step; a block inserted, deleted or
moved within a section (or several steps of one section edited at once) changed a run of items
instead, and proving that by parsing the whole text cost 150 ms or more at 5,000 steps, in the
preview after every such edit and in a save made before the preview caught up. The same argument
holds for a run of items as for one:

- the lines before item ``a`` of the section and from item ``b`` on are byte-identical to the
  last proven text (whose items start where its locator says, each on a dash at the column);
- the new lines in between, dedented and followed by a sentinel item standing for the line that
  follows them (a dash at the column or a line indented less), parse on their own as a block
  sequence of ``m`` items: in the whole text they are items ``a`` to ``a + m`` of the section;
- so the whole text reads back as the last proof's data with items ``a:b`` of that section
  replaced by those ``m`` (``Proven.data``, from the text alone; a save compares it with the
  whole document, see :mod:`designer.model.save_proof`).

Only the text is trusted here. ``check`` lets the preview compare the new items with the model.
"""

from __future__ import annotations

from typing import Callable

from designer.model.splice_check import (MAX_CHAIN, Proven, _dash, _item_end, common_prefix,
                                         common_suffix, moved_after, parse_window)

#: ``check(a, items, length)``: whether the model's section holds ``items`` from index ``a`` on
#: and ``length`` steps in all.
Check = Callable[[int, list, int], bool]


def local_items(prev: Proven, lines: list[str], name: str, column: int, check: Check) -> Proven | None:
    """A proof for ``lines`` when they differ from ``prev``'s only in whole items of the block
    list of section ``name`` (dashes at ``column``); ``None`` when that cannot be shown."""
    if prev.depth >= MAX_CHAIN or not isinstance(prev.data, dict):
        return None
    head = common_prefix(prev.lines, lines)
    tail = common_suffix(prev.lines, lines, head)
    sections = prev.data.get("sections")
    keys = [k for k in sections if str(k) == name] if isinstance(sections, dict) else []
    items = sections[keys[0]] if len(keys) == 1 else None
    if not isinstance(items, list) or not items:
        return None
    section = ("sections", name)
    starts: dict[int, int | None] = {}

    def start(k: int) -> int | None:
        """The line of item ``k`` of the section in ``prev`` (its dash), or ``None``."""
        if k not in starts:
            found = prev.find((*section, k))
            row = found[0] - 1 if found else -1
            ok = 0 <= row < len(prev.lines) and _dash(prev.lines[row], column)
            starts[k] = row if ok else None
        return starts[k]

    n = len(items)
    # The item starting before the first changed line, not at it: when a block is inserted or
    # deleted next to one written the same, the common lines run into it, so the run of items
    # that changed may begin one item earlier than the first line that differs.
    a = 0 if start(0) == head else _last_at_or_before(start, n, head - 1)
    if a is None:
        return None
    prev_end = len(prev.lines) - tail
    b = _first_at_or_after(start, a, n, prev_end)
    if b is None:
        return None
    if b < n:
        cut = start(b)
    else:
        last = start(n - 1)
        cut = _item_end(prev.lines, last, column) if last is not None else None
        if cut is None or cut < prev_end:
            return None
    first = start(a)
    delta = len(lines) - len(prev.lines)
    new_cut = cut + delta
    if first is None or new_cut < first:
        return None
    window = lines[first:new_cut]
    if window and not _dash(window[0], column):
        return None
    parsed = parse_window(window, column, closed=new_cut < len(lines))
    if parsed is None:
        return None
    new_items, inner = parsed
    m = len(new_items)
    length = n - (b - a) + m
    if length == 0 or not check(a, new_items, length):  # no item left: the list itself is gone
        return None
    data = {**prev.data, "sections": {**sections, keys[0]: items[:a] + new_items + items[b:]}}
    base = prev.find
    memo: dict[tuple, tuple[int, int] | None] = {}

    def find(target: tuple) -> tuple[int, int] | None:
        # Remembered per path, as for one item (see splice_check.local).
        target = tuple(target)
        if target in memo:
            return memo[target]
        if len(target) > 2 and target[0] == "sections" and str(target[1]) == name and isinstance(target[2], int):
            k = target[2] + length if target[2] < 0 else target[2]
            rest = target[3:]
            if 0 <= k < a:
                found = base((*section, k, *rest))
            elif a <= k < a + m:
                at = inner((k - a, *rest))
                found = (at[0] + first, at[1] + column) if at else None
            elif a + m <= k < length:
                found = moved_after(base((*section, k - m + b - a, *rest)), cut, delta)
            else:
                found = base(section)  # no such item: where the section is, as a whole parse says
        else:
            found = moved_after(base(target), cut, delta)
        memo[target] = found
        return found

    return Proven(lines, find, prev.depth + 1, data)


def _last_at_or_before(start: Callable[[int], int | None], n: int, row: int) -> int | None:
    """The last item starting at or before ``row`` (items start in order), by bisection."""
    first = start(0)
    if first is None or first > row:
        return None
    lo, hi = 0, n - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        at = start(mid)
        if at is None:
            return None
        if at <= row:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _first_at_or_after(start: Callable[[int], int | None], a: int, n: int, row: int) -> int | None:
    """The first item from ``a`` on starting at or after ``row`` (``n`` when none does)."""
    lo, hi = a, n
    while lo < hi:
        mid = (lo + hi) // 2
        at = start(mid)
        if at is None:
            return None
        if at >= row:
            hi = mid
        else:
            lo = mid + 1
    return lo
