"""Turning jsonschema errors into sentences a non-programmer understands.

jsonschema reports a wrong ``format`` as "'ogg' is not valid under any of the given schemas" with
three ``const`` errors inside. People need "Format must be wav, mp3 or mp4". This module picks the
branch of an ``anyOf``/``oneOf`` that the value was most likely meant to match, treats ``SWMLVar``
branches as "or a ${variable}", and names fields with the catalog's labels.

The result is a :class:`Finding`: a message and the path of the field inside the step's params,
not yet tied to a step (the validator caches findings per step and places them later).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from designer.model.titles import block_title
from designer.model.catalog import Catalog, FieldSpec
from designer.model.hints import name_in_words
from designer.model.steps import MISSING
from designer.model.schema_fixes import HTTP_URL_PATTERN, PLAY_URL_DEF, VAR_DEF

if TYPE_CHECKING:  # jsonschema is imported only when a step is invalid (start-up stays light)
    from jsonschema.exceptions import ValidationError

VARIABLE = "a ${variable}"
_TYPE_WORDS = {
    "boolean": "true or false",
    "number": "a number",
    "integer": "a whole number",
    "string": "text",
    "object": "a group of settings",
    "array": "a list",
    "null": "empty",
}


@dataclass(frozen=True)
class Finding:
    """One problem inside a step, before it is placed in the document."""

    severity: str
    message: str
    field: tuple[Any, ...]
    code: str
    #: The value that would fix it, set at ``field`` (``MISSING``: no sure fix).
    fix: Any = dataclass_field(default=MISSING, compare=False)


# ----------------------------------------------------------------------------- words
def join_or(words: Sequence[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b or c"``."""
    words = list(dict.fromkeys(words))
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " or " + words[-1]


def article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def show(value: Any) -> str:
    """A short quote of a value for a message."""
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return f"'{text}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of settings"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def field_spec(catalog: Catalog, method: str, path: Sequence[Any]) -> FieldSpec | None:
    """The catalog spec of the field at ``path`` in ``method``'s params (list indices skipped)."""
    spec = catalog.method(method)
    fields: Iterable[FieldSpec] = spec.fields
    found: FieldSpec | None = None
    for key in path:
        if isinstance(key, int):
            if found is not None and found.items is not None:
                found = found.items
                fields = found.fields
            continue
        found = next((f for f in fields if f.name == key), None)
        if found is None:
            return None
        fields = found.fields
    return found


def field_label(catalog: Catalog, method: str, path: Sequence[Any]) -> str:
    """How a person calls the field at ``path``: "Format", "Item 2 of What to play", "record_call"."""
    names = [k for k in path if isinstance(k, str)]
    if not names:
        return block_title(method) if method else "This block"  # the name the block shows
    named = tuple(path)
    while named and isinstance(named[-1], int):
        named = named[:-1]
    spec = field_spec(catalog, method, named)
    label = spec.label if spec is not None and spec.hint.label else name_in_words(names[-1])
    if path and isinstance(path[-1], int):
        return f"Item {path[-1] + 1} of {label}"
    return label


# ----------------------------------------------------------------------------- branches
def _is_var_branch(schema: Any) -> bool:
    return isinstance(schema, dict) and str(schema.get("$ref", "")).endswith("/" + VAR_DEF)


def _branches(error: ValidationError) -> list[tuple[bool, list[ValidationError]]]:
    """Per branch of an anyOf/oneOf error: (is a ${variable} branch, its errors)."""
    subs = error.schema.get(error.validator, []) if isinstance(error.schema, dict) else []
    grouped: dict[int, list[ValidationError]] = {i: [] for i in range(len(subs))}
    for sub in error.context or ():
        grouped.setdefault(sub.relative_schema_path[0], []).append(sub)
    return [(_is_var_branch(subs[i]) if i < len(subs) else False, errs) for i, errs in grouped.items()]


def _root(errors: list[ValidationError]) -> list[ValidationError]:
    return [e for e in errors if not e.relative_path]


def _type_mismatch(errors: list[ValidationError]) -> bool:
    return any(e.validator in ("type", "const", "enum") for e in _root(errors))


def _wanted(error: ValidationError) -> list[str]:
    """What one failed ``const``/``enum``/``type`` check wanted, in words."""
    if error.validator == "const":
        return [show(error.validator_value).strip("'")]
    if error.validator == "enum":
        return [show(v).strip("'") for v in error.validator_value]
    if error.validator == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return [_TYPE_WORDS.get(k, k) for k in kinds]
    return []


def _expected(errors: list[ValidationError]) -> list[str]:
    """What a failed branch wanted, in words (for "must be X or Y")."""
    return [w for e in _root(errors) for w in _wanted(e)]


# ----------------------------------------------------------------------------- describing
class Describer:
    """Describes the errors of one step's validation against its method's schema."""

    def __init__(self, catalog: Catalog, method: str) -> None:
        self.catalog = catalog
        self.method = method

    def describe(self, errors: Iterable[ValidationError]) -> list[Finding]:
        out: list[Finding] = []
        for error in errors:
            out.extend(self._one(error))
        return list(dict.fromkeys(out))

    def _field(self, error: ValidationError) -> tuple[Any, ...]:
        path = tuple(error.absolute_path)
        return path[1:] if path and path[0] == self.method else path

    def _label(self, field: tuple[Any, ...]) -> str:
        return field_label(self.catalog, self.method, field)

    def _finding(self, message: str, field: tuple[Any, ...], code: str, fix: Any = MISSING) -> Finding:
        return Finding("error", message, field, code, fix)

    def _one(self, error: ValidationError) -> list[Finding]:
        field = self._field(error)
        label = self._label(field)
        kind = error.validator
        if kind in ("anyOf", "oneOf"):
            return self._union(error, field, label)
        if kind in ("unevaluatedProperties", "additionalProperties"):
            return [self._finding(f"Unknown field '{key}' in {label}", field + (key,), "schema.unknown_field")
                    for key in _unknown_keys(error)]
        if kind == "required":
            missing = _quoted(error.message)
            if not missing:
                return [self._finding(f"{label} needs a value", field, "schema.required")]
            wanted = field_label(self.catalog, self.method, tuple(field) + (missing,))
            return [self._finding(f"{label} needs \u201c{wanted}\u201d filled in", field, "schema.required")]
        if kind == "type":
            return [self._type(error, field, label, [], False)]
        if kind in ("const", "enum"):
            wanted = _wanted(error)
            return [self._finding(f"{label} must be {join_or(wanted)}", field, "schema.enum")]
        if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            return [self._range(error, field, label)]
        if kind == "pattern":
            return [self._pattern(error, field, label, False)]
        if kind in ("minItems", "maxItems", "minLength", "maxLength", "minProperties", "maxProperties"):
            return [self._finding(f"{label}: {error.message}", field, "schema.size")]
        return [self._finding(f"{label}: {error.message}", field, "schema.other")]

    def _type(self, error: ValidationError, field: tuple[Any, ...], label: str,
              wanted: list[str], with_var: bool) -> Finding:
        wanted = wanted or _wanted(error)
        instance = error.instance
        if not field and "a group of settings" in wanted:
            message = (f"{self.method} must be followed by its settings, not {show(instance)}")
            fix: Any = MISSING
            if self.method == "play" and isinstance(instance, (str, list)):
                url = instance if isinstance(instance, str) else None
                message += (f": write it as play: {{url: '{url}'}}" if url is not None
                            else ": write it as play: {urls: [...]}")
                fix = {"url": instance} if url is not None else {"urls": list(instance)}
            else:
                message += f": write it as {self.method}: {{...}}"
            return self._finding(message, field, "schema.type", fix)
        words = join_or(wanted + ([VARIABLE] if with_var else []))
        message = f"{label} must be {words}, not {show(instance)}"
        fix = MISSING
        if isinstance(instance, str) and instance.strip().lower() in ("true", "false") and "true or false" in wanted:
            message += f" (write {instance.strip().lower()} without quotes)"
            fix = instance.strip().lower() == "true"
        elif isinstance(instance, str) and re.fullmatch(r"\s*-?[0-9.]+\s*", instance) \
                and ("a number" in wanted or "a whole number" in wanted):
            message += f" (write {instance.strip()} without quotes)"
            fix = _number_from(instance.strip(), whole="a number" not in wanted)
        return self._finding(message, field, "schema.type", fix)

    def _range(self, error: ValidationError, field: tuple[Any, ...], label: str) -> Finding:
        schema = error.schema if isinstance(error.schema, dict) else {}
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            message = f"{label} must be between {_number(low)} and {_number(high)}"
        elif low is not None:
            message = f"{label} must be at least {_number(low)}"
        elif high is not None:
            message = f"{label} must be at most {_number(high)}"
        else:
            message = f"{label}: {error.message}"
        return self._finding(message, field, "schema.range")

    def _pattern(self, error: ValidationError, field: tuple[Any, ...], label: str, with_var: bool) -> Finding:
        pattern = error.validator_value
        if pattern == HTTP_URL_PATTERN:
            return self._finding(f"{label} must start with http:// or https://", field, "schema.url")
        if self._is_play_url_pattern(pattern):
            text = error.instance
            if isinstance(text, str) and text.strip() and ":" not in text.split(" ")[0] and "${" not in text:
                # Plain words: what a person types to have them spoken. Sure fix: say: in front.
                return self._finding(f"{label}: to have {show(text)} spoken, start it with say: "
                                     f"(say:{text})", field, "schema.play_url", fix=f"say:{text}")
            return self._finding(
                f"{label} is not something to play ({show(error.instance)}): use an http(s):// address, "
                "say:TEXT, silence:SECONDS, ring:CC or a ${variable}", field, "schema.play_url")
        if isinstance(pattern, str) and pattern.startswith("^[\\$%]"):
            return self._finding(f"{label} must be {VARIABLE}, not {show(error.instance)}", field, "schema.pattern")
        extra = f" or {VARIABLE}" if with_var else ""
        return self._finding(f"{label} has the wrong form{extra}: {show(error.instance)} does not match {pattern}",
                             field, "schema.pattern")

    def _is_play_url_pattern(self, pattern: Any) -> bool:
        target = self.catalog.schema.defs.get(PLAY_URL_DEF, {})
        return isinstance(target, dict) and target.get("pattern") == pattern

    def _union(self, error: ValidationError, field: tuple[Any, ...], label: str) -> list[Finding]:
        branches = _branches(error)
        with_var = any(is_var for is_var, _ in branches)
        typed = [errs for is_var, errs in branches if not is_var]
        instance = error.instance
        if error.validator == "oneOf" and not error.context:
            return [self._finding(f"{label} matches more than one form; remove one of its fields",
                                  field, "schema.ambiguous")]
        if isinstance(instance, dict):
            either = self._either(error, instance, field, label)
            if either is not None:
                return [either]
        fitting = [errs for errs in typed if not _type_mismatch(errs)]
        if not fitting:
            wanted = [w for errs in typed for w in _expected(errs)]
            if all(e.validator in ("const", "enum") for errs in typed for e in _root(errs)) and wanted:
                extra = [VARIABLE] if with_var else []
                return [self._finding(f"{label} must be {join_or(wanted + extra)}", field, "schema.enum")]
            if not typed and with_var:
                return [self._finding(f"{label} must be {VARIABLE}, not {show(instance)}", field, "schema.pattern")]
            return [self._type(error, field, label, wanted, with_var)]
        best = min(fitting, key=lambda errs: (len(_root(errs)), len(errs)))
        out: list[Finding] = []
        for sub in best:
            if sub.validator == "pattern" and not sub.relative_path:
                out.append(self._pattern(sub, field, label, with_var))
            else:
                out.extend(self._one(sub))
        return out

    def _either(self, error: ValidationError, instance: dict[str, Any], field: tuple[Any, ...],
                label: str) -> Finding | None:
        """``play`` with both ``url`` and ``urls`` (or neither): the branches differ by a required key."""
        sets: list[set[str]] = []
        for sub in error.schema.get(error.validator, []):
            resolved = self.catalog.schema.resolve(sub)
            sets.append(set(resolved.get("required", [])) if isinstance(resolved, dict) else set())
        common = set.intersection(*sets) if sets else set()
        own = [s - common for s in sets]
        if len(own) < 2 or any(len(s) != 1 for s in own):
            return None
        keys = [next(iter(s)) for s in own]
        if len(set(keys)) != len(keys):
            return None
        present = [k for k in keys if k in instance]
        if len(present) > 1:
            return self._finding(f"{label} takes {join_or(keys)}, not both", field, "schema.either")
        if not present:
            wanted = list(dict.fromkeys(field_label(self.catalog, self.method, tuple(field) + (k,)) for k in keys))
            return self._finding(f"{label} needs {join_or([f'“{w}”' for w in wanted])} filled in", field,
                                 "schema.required")
        return None


def _quoted(message: str) -> str | None:
    match = re.match(r"'([^']*)'", message)
    return match.group(1) if match else None


def _unknown_keys(error: ValidationError) -> list[str]:
    match = re.search(r"\((.*) (?:was|were) unevaluated", error.message) or \
        re.search(r"\((.*) (?:was|were) unexpected", error.message)
    if match:
        return re.findall(r"'([^']*)'", match.group(1))
    instance = error.instance if isinstance(error.instance, dict) else {}
    known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
    return [k for k in instance if k not in known]


def _number_from(text: str, whole: bool) -> Any:
    """``"2"`` -> 2, ``"2.5"`` -> 2.5; ``MISSING`` when a whole number is wanted but not given."""
    try:
        value = float(text)
    except ValueError:
        return MISSING
    if value.is_integer() and ("." not in text or whole):
        return int(value)
    return MISSING if whole else value
