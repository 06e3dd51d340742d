"""Loading the SWML JSON Schema: the bundled MIT copy or a newer official file the user picks.

Both shapes NOTES.md describes work: a ``$defs`` table with ``SWMLMethod`` as an ``anyOf`` of
``{"$ref": "#/$defs/X"}``, each ``X`` an object with exactly one property, the method name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

from designer.model.document import ParamPath
from designer.model.schema_fixes import apply_fixes

BUNDLED_SCHEMA = "swml-schema.json"
METHOD_UNION = "SWMLMethod"


class SchemaError(Exception):
    """The schema file cannot be read or is not a SWML schema."""


@dataclass(frozen=True)
class Schema:
    """A parsed SWML schema and the index the designer needs from it."""

    raw: dict[str, Any]
    origin: str
    #: method name -> the ``$defs`` key of its wrapper object (``record_call`` -> ``RecordCall``).
    method_defs: dict[str, str] = field(default_factory=dict)

    @property
    def defs(self) -> dict[str, Any]:
        return self.raw.get("$defs", {})

    def method_schema(self, method: str) -> dict[str, Any] | None:
        """The schema of a method's value (what goes after ``record_call:``), or ``None``."""
        def_name = self.method_defs.get(method)
        if def_name is None:
            return None
        return self.defs[def_name]["properties"][method]

    def resolve(self, node: Any) -> Any:
        """Follow a local ``$ref`` (``#/$defs/X``); other nodes are returned as they are."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 50:
            target = self.ref_target(node["$ref"])
            if target is None:
                return node
            node = target
            seen += 1
        return node

    def ref_target(self, ref: str) -> Any:
        """The node a ``$ref`` points at inside this schema, or ``None`` (root and foreign refs)."""
        prefix = "#/$defs/"
        if ref.startswith("SWMLObject.json#/$defs/"):
            ref = ref[len("SWMLObject.json"):]
        if ref.startswith(prefix):
            return self.defs.get(ref[len(prefix):])
        return None


def bundled_schema_text() -> str:
    """The text of the schema shipped inside the package."""
    return (resources.files("designer.resources") / "schema" / BUNDLED_SCHEMA).read_text("utf-8")


def load_schema(path: str | Path | None = None) -> Schema:
    """Load the bundled schema (``path=None``) or the schema file at ``path``.

    Raises :class:`SchemaError` with a plain message when the file is missing, is not JSON, or
    has no ``SWMLMethod`` union.
    """
    if path is None:
        return _bundled()
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise SchemaError(f"cannot read schema file {path}: {exc.strerror or exc}") from exc
    return _parse(text, str(path))


@lru_cache(maxsize=1)
def _bundled() -> Schema:
    return _parse(bundled_schema_text(), "bundled")


def _parse(text: str, origin: str) -> Schema:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"{origin}: not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    if not isinstance(raw, dict) or METHOD_UNION not in raw.get("$defs", {}):
        raise SchemaError(f"{origin}: not a SWML schema (no $defs/{METHOD_UNION})")
    # One source for forms and validator: both read the schema with NOTES.md's corrections.
    schema = Schema(apply_fixes(raw), origin)
    schema.method_defs.update(_index_methods(schema))
    return schema


def _index_methods(schema: Schema) -> Iterator[tuple[str, str]]:
    union = schema.defs[METHOD_UNION]
    for branch in union.get("anyOf", union.get("oneOf", [])):
        ref = branch.get("$ref", "")
        def_name = ref.rsplit("/", 1)[-1]
        wrapper = schema.defs.get(def_name, {})
        props = wrapper.get("properties", {})
        if len(props) == 1:
            yield next(iter(props)), def_name


def nesting_paths(schema: Schema, method: str) -> tuple[ParamPath, ...]:
    """The param paths of ``method`` that hold nested method lists, with ``"*"`` wildcards.

    Found by walking the method's schema for arrays whose items are ``SWMLMethod``:
    ``switch`` -> ``("case", "*")``, ``("default",)``; ``cond`` -> ``("*", "then")``, ``("*", "else")``.
    Whole embedded documents (``SWML`` inside AI actions refer to the root) are not followed.
    """
    root = schema.method_schema(method)
    if root is None:
        return ()
    found: list[ParamPath] = []
    _walk_nesting(schema, root, (), found, set(), 0)
    return tuple(dict.fromkeys(found))


def _is_method_ref(node: Any) -> bool:
    return isinstance(node, dict) and str(node.get("$ref", "")).endswith("/" + METHOD_UNION)


def _walk_nesting(schema: Schema, node: Any, here: ParamPath, found: list[ParamPath],
                  active: set[str], depth: int) -> None:
    if not isinstance(node, dict) or depth > 12:
        return
    ref = node.get("$ref")
    if ref is not None:
        if ref in active or schema.ref_target(ref) is None or _is_method_ref(node):
            return
        _walk_nesting(schema, schema.ref_target(ref), here, found, active | {ref}, depth + 1)
        return
    if node.get("type") == "array" and _is_method_ref(node.get("items")):
        found.append(here)
        return
    for key, sub in node.get("properties", {}).items():
        _walk_nesting(schema, sub, here + (key,), found, active, depth + 1)
    for key in ("additionalProperties", "unevaluatedProperties", "items"):
        if isinstance(node.get(key), dict):
            _walk_nesting(schema, node[key], here + ("*",), found, active, depth + 1)
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in node.get(key, []):
            _walk_nesting(schema, sub, here, found, active, depth + 1)
