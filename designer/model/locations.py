"""Where a problem is, in words: "AI agent › Parameters › Debug webhook level".

Why: the problems list and the messages under fields used to show data paths such as
``params.debug_webhook_level``, which mean nothing to the people this designer is for. Here a
path inside a block's settings becomes the block's title followed by each field's label, read
from the catalog where it knows the field, else the key in plain words; list positions are
counted from 1 ("item 2"). Plain Python, no Qt: the CLI can use it too.
"""

from __future__ import annotations

from typing import Any, Iterable

from designer.model.catalog import Catalog, FieldSpec
from designer.model.hints import ABBREVIATIONS
from designer.model.titles import block_title

SEPARATOR = " \u203a "

#: Abbreviations kept upright when a key is turned into words.
_UPPER = ABBREVIATIONS
#: Whole keys that read better as other words.
_KEYS = {"params": "Parameters", "urls": "What to play", "url": "What to play"}


def words_for_key(key: str) -> str:
    """``debug_webhook_level`` -> "Debug webhook level", ``status_url`` -> "Status URL"."""
    if str(key).lower() in _KEYS:
        return _KEYS[str(key).lower()]
    parts = [p for p in str(key).replace("-", "_").split("_") if p]
    if not parts:
        return str(key)
    out = [_UPPER.get(p.lower(), p.lower() if i else p) for i, p in enumerate(parts)]
    first = out[0]
    out[0] = first if first in _UPPER.values() else first[:1].upper() + first[1:]
    return " ".join(out)


def _child(spec: FieldSpec | None, key: Any) -> FieldSpec | None:
    if spec is None:
        return None
    if isinstance(key, int):
        return spec.items
    return next((f for f in spec.fields if f.name == key), None)


def field_words(catalog: Catalog, method: str, path: Iterable[Any]) -> list[str]:
    """Each step of ``path`` inside a ``method`` block's settings, as a person reads it."""
    spec_method = catalog.methods.get(method) if hasattr(catalog, "methods") else None
    out: list[str] = []
    current: FieldSpec | None = None
    for depth, key in enumerate(path):
        if isinstance(key, int):
            out.append(f"item {key + 1}")
            current = _child(current, key)
            continue
        spec = spec_method.field(str(key)) if depth == 0 and spec_method is not None else _child(current, key)
        out.append(spec.hint.label if spec is not None and spec.hint.label else words_for_key(str(key)))
        current = spec
    return out


def plain_location(catalog: Catalog, method: str | None, path: Iterable[Any]) -> str:
    """"AI agent › Parameters › Debug webhook level" for ``params.debug_webhook_level`` of ``ai``."""
    head = [block_title(method)] if method else []
    return SEPARATOR.join(head + field_words(catalog, method or "", path))
