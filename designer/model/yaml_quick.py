"""Writing a YAML script after a small edit at the cost of the edit (the preview's hot path).

The slow, always-right path writes by splicing (:mod:`designer.model.yaml_splice`) and proves the
result by parsing it whole. This module is the fast path taken first: steps the change log says
are untouched reuse the lines they were last written as, and the result is proven locally
(:mod:`designer.model.splice_check`) when the only change is inside one step of a section, or
(:mod:`designer.model.splice_items`) when it is a run of items of one section (blocks inserted,
deleted, moved, several edited). When
either cannot be done it returns ``None`` and the caller takes the slow path, which also
re-establishes the proof the next fast write starts from.
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import SequenceNode

from designer.model import splice_check, splice_items, text_positions
from designer.model.change_log import Changes
from designer.model.document import Section
from designer.model.steps import MISSING
from designer.model.yaml_splice import YamlSource, _Fallback, same
from designer.model.yaml_text import compose


def prepare(source: YamlSource) -> Changes:
    """Take the change log and drop stale step renderings; returns what changed."""
    changes = source.log.take()
    source.forget(changes.touched, changes.lists)
    return changes


def quick_text(doc: Any, source: YamlSource) -> str | None:
    """The spliced text of ``doc`` proven locally, or ``None`` (use the slow path)."""
    changes = prepare(source)
    tops = changes.tops
    proven, source.proven = source.proven, None  # re-established below or by the slow path
    if proven is None or not source.quick_ok:
        return None
    if not tops and not changes.structural:
        text = "\n".join(proven.lines)
        source.proven = proven
        return text
    if changes.structural or len(tops) != 1:
        return _items_text(doc, source, proven, changes)
    step = doc.find_step(next(iter(tops)))
    section = step.parent.owner if step is not None and step.parent is not None else None
    if not isinstance(section, Section) or section.raw_body is not MISSING:
        return None
    rendered = _render(doc, source, section.name)
    if rendered is None:
        return None
    column, lines = rendered
    index = next(i for i, s in enumerate(section.steps.steps) if s is step)
    path = ("sections", section.name, index)
    return _accept(source, lines, splice_check.local(proven, lines, path, step.to_data(), column, same))


def _items_text(doc: Any, source: YamlSource, proven: splice_check.Proven, changes: Changes) -> str | None:
    """Steps inserted, removed or moved, or several edited, all in one section: the text proven
    by parsing only the run of that section's items that changed (see
    :mod:`designer.model.splice_items`)."""
    hit = [s for s in doc.sections if s.steps.id in changes.lists]
    if len(hit) != 1 or hit[0].raw_body is not MISSING:
        return None
    section = hit[0]
    rendered = _render(doc, source, section.name)
    if rendered is None:
        return None
    column, lines = rendered

    def check(a: int, items: list, length: int) -> bool:
        steps = section.steps.steps
        return len(steps) == length and same(items, [s.to_data() for s in steps[a:a + len(items)]])

    return _accept(source, lines, splice_items.local_items(proven, lines, section.name, column, check))


def _render(doc: Any, source: YamlSource, section_name: str) -> tuple[int, list[str]] | None:
    """The dash column of the section's steps and the lines of ``doc``, or ``None`` when the
    section is not a block list in the text or the writer cannot splice (the slow path then)."""
    column = _item_column(source, section_name)
    if column is None:
        return None
    try:
        return column, source.render_lines(doc)
    except _Fallback:
        return None


def _accept(source: YamlSource, lines: list[str], result: splice_check.Proven | None) -> str | None:
    """The text of ``lines`` when ``result`` proves it (it becomes the source's proof, and the
    preview's locator for that text), else ``None``."""
    if result is None:
        return None
    source.proven = result
    text = "\n".join(lines)
    text_positions.remember_locator(text, "yaml", result.find)
    return text


#: From this many local proofs in a row, :func:`settle` re-anchors the chain when asked (the
#: window asks when editing pauses), so the forced whole parse at ``MAX_CHAIN`` rarely happens
#: in the middle of a slider drag.
SETTLE_FROM = 16


def settle(source: YamlSource) -> bool:
    """Replace a long chain of local proofs by one flat proof of the same text (a whole parse).

    Always sound: the text was proven to read back as the model when it was written, so only
    where each path stands is recomputed, not whether the text is right. Returns whether it
    parsed (nothing to do for a short chain)."""
    proven = source.proven
    if proven is None or proven.depth < SETTLE_FROM:
        return False
    text = "\n".join(proven.lines)
    root, values = compose(text)
    source.proven = splice_check.whole(proven.lines, root, values)
    text_positions.remember(text, "yaml", root, values)
    return True


def warm(doc: Any, source: YamlSource) -> bool:
    """Render every step once, so the first edit after opening pays for one step, not all.

    After a file is opened no step has a remembered rendering, and the first edit's write
    compared every step with the text it was read from (0.15 s at 5,000 steps, inside a
    slider move). Run when editing pauses, like :func:`settle`. Sound for the same reason the
    renderings are: each is of the step as it is now, and any later change of a step goes
    through the change log, which drops its rendering. Returns whether it rendered."""
    if source.rendered or source.proven is None or not source.quick_ok:
        return False
    try:
        source.render_lines(doc)
    except _Fallback:
        return False
    return True


def _item_column(source: YamlSource, section_name: str) -> int | None:
    """The dash column of a section's steps as the original text writes them, or ``None`` when
    the section is not a block list there (then its steps are not patched in place)."""
    layout = source._layout(source.root)
    sections = next((e for e in layout.entries if e.key == "sections"), None) if layout else None
    inner = source._layout(sections.node) if sections is not None else None
    entry = next((e for e in inner.entries if e.key == section_name), None) if inner else None
    steps = source._layout(entry.node) if entry is not None and isinstance(entry.node, SequenceNode) else None
    return steps.column if steps is not None else None
