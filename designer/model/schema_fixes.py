"""Corrections to the SWML schema where it disagrees with SignalWire's own reference pages.

NOTES.md lists them: ``play.urls`` rejects a list mixing play URLs and ``${variables}`` (the
reference page's own example does that), ``input_sensitivity`` has no bounds (the page says
0 to 100) and ``status_url`` is only ``format: uri``, which is not checked (the page says HTTP or
HTTPS). :func:`apply_fixes` returns a corrected deep copy; it works on both the bundled agents-SDK
schema and the official calling schema because it finds the places by structure, not by file.

DTMF ``terminators`` are checked by the validator as a warning, not here (NOTES.md: "warn").
"""

from __future__ import annotations

import copy
from typing import Any, Iterator

#: Marker set on a fixed schema so applying the fixes twice is a no-op.
FIXED_MARK = "x-designer-fixed"
#: The pattern a status URL must match; messages recognise it by identity.
HTTP_URL_PATTERN = "^(https?://.+|[$%]\\{.*\\})$"
INPUT_SENSITIVITY_RANGE = (0, 100)
VAR_DEF = "SWMLVar"
PLAY_URL_DEF = "play_url"


def apply_fixes(raw: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of ``raw`` with the corrections applied (``raw`` itself is not changed)."""
    if raw.get(FIXED_MARK):
        return raw
    fixed = copy.deepcopy(raw)
    defs = fixed.get("$defs", {})
    _fix_play_urls(defs)
    _fix_input_sensitivity(defs)
    _fix_status_urls(fixed)
    fixed[FIXED_MARK] = True
    return fixed


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _method_value(defs: dict[str, Any], method: str) -> Iterator[dict[str, Any]]:
    """The value schemas of ``method`` (``{"play": X}`` wrappers' X), resolved one level."""
    for wrapper in defs.values():
        props = wrapper.get("properties") if isinstance(wrapper, dict) else None
        if isinstance(props, dict) and len(props) == 1 and method in props:
            yield props[method]


def _resolve(defs: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and str(node.get("$ref", "")).startswith("#/$defs/"):
        node = defs.get(node["$ref"].rsplit("/", 1)[-1])
    return node


def _object_variants(defs: dict[str, Any], node: Any) -> Iterator[dict[str, Any]]:
    node = _resolve(defs, node)
    if not isinstance(node, dict):
        return
    branches = node.get("oneOf") or node.get("anyOf")
    if branches:
        for sub in branches:
            yield from _object_variants(defs, sub)
    else:
        yield node


def _fix_play_urls(defs: dict[str, Any]) -> None:
    """``urls``: each item a play URL or a variable (not all-of-one-kind)."""
    item = {"anyOf": [_ref(PLAY_URL_DEF), _ref(VAR_DEF)]} if PLAY_URL_DEF in defs else {"type": "string"}
    for value in _method_value(defs, "play"):
        for variant in _object_variants(defs, value):
            urls = variant.get("properties", {}).get("urls")
            if not isinstance(urls, dict) or "anyOf" not in urls:
                continue
            del urls["anyOf"]
            urls["type"] = "array"
            urls["items"] = copy.deepcopy(item)


def _fix_input_sensitivity(defs: dict[str, Any]) -> None:
    low, high = INPUT_SENSITIVITY_RANGE
    for value in _method_value(defs, "record_call"):
        for variant in _object_variants(defs, value):
            node = variant.get("properties", {}).get("input_sensitivity")
            if not isinstance(node, dict):
                continue
            branches = node.get("anyOf") or node.get("oneOf") or [node]
            for branch in branches:
                if isinstance(branch, dict) and branch.get("type") in ("number", "integer"):
                    branch["minimum"] = low
                    branch["maximum"] = high


def _fix_status_urls(node: Any) -> None:
    """Every string ``status_url`` property must be an http(s) URL (or a ``${variable}``)."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            target = props.get("status_url")
            if isinstance(target, dict) and target.get("type") == "string" and "pattern" not in target:
                target["pattern"] = HTTP_URL_PATTERN
        for value in node.values():
            _fix_status_urls(value)
    elif isinstance(node, list):
        for value in node:
            _fix_status_urls(value)
