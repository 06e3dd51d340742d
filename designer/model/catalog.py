"""The method catalog: what each SWML method is and which fields it takes, read from the schema.

The palette, the property panels and the block summaries are built from this, so a newer schema
file brings new methods and fields without code changes. Where the schema is thin, a small
hand-written layer (:mod:`designer.model.hints`) adds widgets, units, plain-language labels and
corrected ranges; schema facts (types, enums, defaults, descriptions) are never retyped there.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from designer.model.document import MISSING, ParamPath
from designer.model import hints
from designer.model.schema import Schema, bundled_schema_text, load_schema, nesting_paths
from designer.model.units import unit_from_description

VAR_DEF = "SWMLVar"


@dataclass(frozen=True)
class FieldSpec:
    """One field of a method's params, flattened from the schema for editors.

    ``kinds`` are JSON types accepted (``"string"``, ``"boolean"``, ``"integer"``, ``"number"``,
    ``"object"``, ``"array"``, ``"null"``); an empty tuple means "anything". ``enum`` lists the
    allowed values when the schema gives a closed set. ``accepts_variable`` is true when a
    ``${variable}`` expression (``SWMLVar``) is allowed in place of the typed value.
    """

    name: str
    path: ParamPath
    kinds: tuple[str, ...] = ()
    enum: tuple[Any, ...] | None = None
    default: Any = MISSING
    minimum: float | None = None
    maximum: float | None = None
    title: str = ""
    description: str = ""
    examples: tuple[Any, ...] = ()
    accepts_variable: bool = False
    required: bool = False
    holds_steps: bool = False
    pattern: str | None = None
    fields: tuple["FieldSpec", ...] = ()
    items: "FieldSpec | None" = None
    schema: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    hint: hints.FieldHint = field(default_factory=hints.FieldHint)

    @property
    def label(self) -> str:
        """The label a person reads: the hint's, else the field name in plain words."""
        return self.hint.label or hints.name_in_words(self.name)

    @property
    def has_default(self) -> bool:
        return self.default is not MISSING

    def __getstate__(self) -> dict[str, Any]:
        """For pickling, only what differs from the class-level defaults (the rest is read from
        the class): the catalog's disk cache (:mod:`designer.model.catalog_cache`) holds some
        5,000 fields, and reading back all their defaults was a third of reading it at start-up."""
        cls = type(self)
        return {name: value for name, value in self.__dict__.items()
                if not _is_class_default(cls, name, value)}


@dataclass(frozen=True)
class MethodSpec:
    """One SWML method: its name, words for people, and its fields."""

    name: str
    title: str
    description: str
    group: str
    icon: str
    summary_line: str
    #: ``"object"`` for the usual mapping; otherwise the shape of the value (``label`` is a string).
    value_kinds: tuple[str, ...]
    fields: tuple[FieldSpec, ...]
    nesting: tuple[ParamPath, ...]
    #: Variables this method sets for later steps (``record_call`` -> ``record_call_url``...).
    sets_variables: tuple[str, ...] = ()
    known: bool = True

    def field(self, name: str) -> FieldSpec | None:
        """The top-level field called ``name``, or ``None``."""
        return next((f for f in self.fields if f.name == name), None)

    @property
    def empty_value(self) -> Any:
        """The value a new block of this method starts with (``{}`` for object methods)."""
        return hints.NEW_VALUES.get(self.name, {} if "object" in self.value_kinds else "")


def _is_class_default(cls: type, name: str, value: Any) -> bool:
    default = cls.__dict__.get(name, _NO_CLASS_DEFAULT)  # none for default_factory fields
    return default is not _NO_CLASS_DEFAULT and type(value) is type(default) and value == default


_NO_CLASS_DEFAULT = object()


class Catalog:
    """Every method the schema knows, with fields, plus the nesting rules for the document."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.methods: dict[str, MethodSpec] = {
            name: _method_spec(schema, name) for name in schema.method_defs
        }

    def method(self, name: str) -> MethodSpec:
        """The spec of ``name``; an unknown method gets a generic spec (kept, warned, editable)."""
        spec = self.methods.get(name)
        if spec is None:
            return MethodSpec(name, name, "A method this schema does not know. It is kept as written.",
                              "Other", hints.UNKNOWN_ICON, "", (), (), (), known=False)
        return spec

    def nesting(self, method: str) -> tuple[ParamPath, ...]:
        """Nesting rules for :class:`designer.model.document.Document`."""
        spec = self.methods.get(method)
        return spec.nesting if spec else ()

    def groups(self) -> dict[str, list[MethodSpec]]:
        """Palette groups in display order, methods in each by hint order then name."""
        out: dict[str, list[MethodSpec]] = {g: [] for g in hints.GROUP_ORDER}
        for spec in self.methods.values():
            out.setdefault(spec.group, []).append(spec)
        for group, specs in out.items():
            specs.sort(key=lambda s: (hints.method_rank(s.name), s.name))
        return {g: s for g, s in out.items() if s}


@lru_cache(maxsize=4)
def _cached_catalog(path: str | None) -> Catalog:
    # Built once per run, and kept on disk between runs (start-up): see catalog_cache.
    from designer.model import catalog_cache

    return catalog_cache.cached(_schema_text(path), lambda: Catalog(load_schema(path)), Catalog)


def _schema_text(path: str | None) -> str | None:
    try:
        return bundled_schema_text() if path is None else Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # load_schema reports it


def load_catalog(schema_path: str | Path | None = None) -> Catalog:
    """The catalog for the bundled schema (``None``) or a schema file; built once per file."""
    return _cached_catalog(None if schema_path is None else str(Path(schema_path).resolve()))


# ----------------------------------------------------------------------------- building specs
def _method_spec(schema: Schema, name: str) -> MethodSpec:
    wrapper = schema.defs[schema.method_defs[name]]
    value = schema.method_schema(name) or {}
    description = value.get("description") or wrapper.get("description") or ""
    nesting = nesting_paths(schema, name)
    info = _analyse(schema, value)
    fields = tuple(_object_fields(schema, value, (), nesting, name))
    hint = hints.method_hint(name)
    return MethodSpec(
        name=name,
        title=value.get("title") or name,
        description=description.strip(),
        group=hint.group,
        icon=hint.icon,
        summary_line=_first_sentence(description),
        value_kinds=info["kinds"] or (),
        fields=fields,
        nesting=nesting,
        sets_variables=hint.sets_variables,
    )


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    for end in (". ", ".\n"):
        if end in text:
            return text.split(end, 1)[0] + "."
    return text


def _branches(schema: Schema, node: Any) -> list[dict[str, Any]]:
    """The resolved alternatives of a node (itself when it is no union)."""
    node = schema.resolve(node)
    if not isinstance(node, dict):
        return []
    for key in ("anyOf", "oneOf"):
        if key in node:
            out: list[dict[str, Any]] = []
            for sub in node[key]:
                if isinstance(sub, dict) and str(sub.get("$ref", "")).endswith("/" + VAR_DEF):
                    out.append({"$swmlvar": True})
                else:
                    out.extend(_branches(schema, sub))
            return out
    return [node]


def _analyse(schema: Schema, node: Any) -> dict[str, Any]:
    """Kinds, enum, range and variable support of a (possibly union) schema node."""
    node = schema.resolve(node)
    branches = _branches(schema, node)
    accepts_var = any(b.get("$swmlvar") for b in branches)
    typed = [b for b in branches if not b.get("$swmlvar")]
    kinds: list[str] = []
    consts: list[Any] = []
    all_const = bool(typed)
    for b in typed:
        t = b.get("type")
        for k in (t if isinstance(t, list) else [t] if t else []):
            if k not in kinds:
                kinds.append(k)
        if "const" in b:
            consts.append(b["const"])
        elif "enum" in b:
            consts.extend(b["enum"])
        else:
            all_const = False
    minimum = next((b.get("minimum") for b in [node, *typed] if isinstance(b, dict) and "minimum" in b), None)
    maximum = next((b.get("maximum") for b in [node, *typed] if isinstance(b, dict) and "maximum" in b), None)
    pattern = next((b.get("pattern") for b in typed if "pattern" in b), None)
    return {
        "kinds": tuple(kinds),
        "enum": tuple(consts) if all_const and consts else None,
        "accepts_variable": accepts_var,
        "minimum": minimum,
        "maximum": maximum,
        "pattern": pattern,
        "typed": typed,
    }


def _object_fields(schema: Schema, node: Any, here: ParamPath, nesting: tuple[ParamPath, ...],
                   method: str, depth: int = 0) -> list[FieldSpec]:
    """Fields of an object schema; union branches (``play``'s url/urls) are merged in order."""
    if depth > 9:
        return []
    seen: dict[str, FieldSpec] = {}
    for branch in _branches(schema, node):
        required = set(branch.get("required", []))
        for name, sub in branch.get("properties", {}).items():
            if name not in seen:
                seen[name] = _field_spec(schema, name, sub, here + (name,), name in required,
                                         nesting, method, depth)
    return list(seen.values())


def _field_spec(schema: Schema, name: str, node: Any, path: ParamPath, required: bool,
                nesting: tuple[ParamPath, ...], method: str, depth: int) -> FieldSpec:
    resolved = schema.resolve(node)
    info = _analyse(schema, resolved)
    holds_steps = any(len(p) >= len(path) and p[:len(path)] == path for p in nesting)
    typed = info["typed"]
    fields: tuple[FieldSpec, ...] = ()
    items: FieldSpec | None = None
    if "object" in info["kinds"] and not holds_steps:
        fields = tuple(_object_fields(schema, {"anyOf": typed} if len(typed) > 1 else typed[0],
                                      path, nesting, method, depth + 1)) if typed else ()
    if "array" in info["kinds"]:
        arr = next((b for b in typed if b.get("type") == "array"), {})
        if isinstance(arr.get("items"), dict) and not holds_steps:
            items = _field_spec(schema, "item", arr["items"], path + ("*",), False, nesting, method, depth + 1)
    meta = resolved if isinstance(resolved, dict) else {}
    description = (meta.get("description") or "").strip()
    hint = hints.field_hint(method, path)
    if not hint.unit and ({"integer", "number"} & set(info["kinds"])):
        hint = replace(hint, unit=unit_from_description(description))
    return FieldSpec(
        name=name,
        path=path,
        kinds=info["kinds"],
        enum=info["enum"],
        default=meta.get("default", MISSING),
        minimum=info["minimum"],
        maximum=info["maximum"],
        title=meta.get("title", ""),
        description=description,
        examples=tuple(meta.get("examples", ())),
        accepts_variable=info["accepts_variable"],
        required=required,
        holds_steps=holds_steps,
        pattern=info["pattern"],
        fields=fields,
        items=items,
        schema=meta,
        hint=hint,
    )
