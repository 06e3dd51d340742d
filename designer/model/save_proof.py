"""Saving a large YAML script at the cost of the edit, yet proven against the document itself.

A save must never write a text that does not read back as the document. Parsing the whole
spliced text proves it, but at 5,000 steps that alone costs more than the 150 ms a save may
take. The preview's path already writes the text after a small edit at the cost of the edit
(:mod:`designer.model.yaml_quick`) and knows, from the text alone, what it reads back as
(``Proven.data``: the last whole parse with each local parse patched in). A save takes that
text only when ``Proven.data`` equals the document's own data, compared in full: the change log
only chose which step to re-parse, so an edit that bypassed it makes the comparison fail, and
the save falls back to re-rendering every step from the model and parsing the whole text.

This holds only while ``doc.to_data()`` is built from the model itself: were it served from
caches dropped by the change events, the comparison would trust those events again (the tests
that edit a step behind the log's back would then fail).

After a save the source is not parsed again (:func:`kept_source`): the text just written was
spliced from the loaded text and proven, so the loaded node tree, the step renderings and the
proof stay valid, and the next save is again minimal.
"""

from __future__ import annotations

import dataclasses
import gc
from contextlib import contextmanager
from typing import Any, Iterator

from designer.model import yaml_quick
from designer.model.yaml_splice import YamlSource, same


def quick_save_text(doc: Any, source: YamlSource, data: Any) -> str | None:
    """The spliced text of ``doc`` when it is proven to read back as ``data`` (the document's
    own data) without a whole parse, else ``None`` (the caller parses the whole text)."""
    text = yaml_quick.quick_text(doc, source)
    proven = source.proven
    if text is None or proven is None or proven.data is None:
        return None
    if same(data, proven.data):
        return text
    # The text does not say what the document says: some edit did not reach the change log.
    # Nothing remembered can be trusted; the caller renders every step afresh.
    forget_renderings(source)
    return None


def forget_renderings(source: YamlSource) -> None:
    """Drop every remembered step rendering and the proof (after a failed proof)."""
    source.proven = None
    source.forget(set(source.rendered), set(source.rendered_lists))


def kept_source(source: Any, text: str, fmt: str | None, finish: Any) -> Any | None:
    """The source describing ``text`` just saved (as ``fmt``, ``None``: the source's), without
    parsing it again, or ``None`` when that cannot be shown (then the caller re-reads the text).

    ``source`` is the document's ``SourceText`` or ``None``; ``finish`` puts its line ends and
    byte-order mark on LF text. The loaded text, its node tree and its step renderings stay the splicing
    base: splicing is a function of that base and the data, so what the next save writes for
    an untouched part is what this save wrote for it. Only for a YAML source with one kind of
    line end (mixed ones are matched line by line against the loaded text) whose current proof
    is exactly ``text``.
    """
    yaml_source = getattr(source, "yaml", None)
    proven = yaml_source.proven if yaml_source is not None else None
    if proven is None or proven.data is None or source.fmt != "yaml" or (fmt or "yaml") != "yaml" \
            or source.endings.uniform is None:
        return None
    body = "\n".join(proven.lines)
    if finish(body) != text:
        return None
    return dataclasses.replace(source, text=text, data=proven.data, final_newline=body.endswith("\n"))


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection during a save: a full pass over a 5,000-step flow (a few hundred
    thousand objects) landed inside some saves and tripled them; it runs after instead."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
