"""A yes/no schema check, compiled once, to skip jsonschema for steps that are valid.

Opening a 5,000-step script spent seconds in jsonschema although almost every step is valid:
its driver builds a new validator object for every subschema it descends into and looks every
``$ref`` up through ``referencing``. Only an invalid step needs jsonschema's errors (they are
what :mod:`designer.model.messages` turns into sentences), so the validator first asks this
check, which compiles each schema node into a plain Python function once.

The answer must never differ from jsonschema's: every keyword follows jsonschema's own code
(``jsonschema/_keywords.py``: which types a keyword ignores, ``equal`` that tells ``True`` from
``1``, ``unevaluatedProperties`` with the keys ``find_evaluated_property_keys_by_schema``
collects). A keyword this module does not implement, or a ``$ref`` it cannot resolve, makes
the check answer ``None`` ("ask jsonschema"), so a newer schema the user picks stays correct.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Mapping, Sequence
from typing import Any, Callable
from urllib.parse import unquote

Check = Callable[[Any], bool]
Keys = Callable[[dict], set]

#: Keywords jsonschema's 2020-12 validator acts on; any other key of a schema is an annotation.
VALIDATING = frozenset({
    "$dynamicRef", "$ref", "additionalProperties", "allOf", "anyOf", "const", "contains",
    "dependentRequired", "dependentSchemas", "enum", "exclusiveMaximum", "exclusiveMinimum",
    "format", "if", "items", "maxItems", "maxLength", "maxProperties", "maximum", "minItems",
    "minLength", "minProperties", "minimum", "multipleOf", "not", "oneOf", "pattern",
    "patternProperties", "prefixItems", "properties", "propertyNames", "required", "type",
    "unevaluatedItems", "unevaluatedProperties", "uniqueItems",
})
#: The ones compiled here (``format`` is an annotation without a format checker, as we build).
SUPPORTED = frozenset({
    "$ref", "additionalProperties", "allOf", "anyOf", "const", "enum", "exclusiveMaximum",
    "exclusiveMinimum", "format", "items", "maxItems", "maxLength", "maxProperties", "maximum",
    "minItems", "minLength", "minProperties", "minimum", "not", "oneOf", "pattern",
    "patternProperties", "properties", "required", "type", "unevaluatedProperties",
})


class Unsure(Exception):
    """The instance reached a part of the schema this module does not compile."""


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
    "null": lambda v: v is None,
    "number": _is_number,
    "object": lambda v: isinstance(v, dict),
    "string": lambda v: isinstance(v, str),
}


def equal(one: Any, two: Any) -> bool:
    """jsonschema's equality: ``True`` is not ``1``, sequences and mappings compared item by item."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return one == two
    if isinstance(one, Sequence) and isinstance(two, Sequence):
        return len(one) == len(two) and all(equal(a, b) for a, b in zip(one, two))
    if isinstance(one, Mapping) and isinstance(two, Mapping):
        return len(one) == len(two) and all(k in two and equal(v, two[k]) for k, v in one.items())
    return _unbool(one) == _unbool(two)


_TRUE, _FALSE = object(), object()


def _unbool(value: Any) -> Any:
    return _TRUE if value is True else _FALSE if value is False else value


def _unsure(_value: Any) -> bool:
    raise Unsure


class _Node:
    """One compiled schema node: ``check`` (valid?) and ``keys`` (the property keys it evaluates,
    as jsonschema counts them for ``unevaluatedProperties``). Both start as stubs that compile
    the node on first use: a flow reaches a small part of the schema, and compiling all of it
    up front was a tenth of start-up. Callers look ``check`` up at each call, so a node's
    functions can be replaced, and recursive schemas (a ``$ref`` to an ancestor) compile."""

    __slots__ = ("check", "keys")

    def __init__(self) -> None:
        self.check: Check = _unsure
        self.keys: Keys = _unsure_keys


def _no_keys(_instance: dict) -> set:
    return set()


class ValidityCheck:
    """Compiled checks for one root schema registered under ``base`` (its ``$id``)."""

    def __init__(self, root: Any, base: str) -> None:
        self.root = root
        self.base = base
        self._nodes: dict[int, _Node] = {}
        self._keep: list[Any] = []  # the schemas whose ids key ``_nodes`` stay alive

    def for_ref(self, ref: str) -> Callable[[Any], bool | None]:
        """A function answering whether an instance is valid against ``{"$ref": ref}``:
        ``True``/``False``, or ``None`` when only jsonschema can tell."""
        node = self._node({"$ref": ref})

        def valid(instance: Any) -> bool | None:
            try:
                return node.check(instance)
            except (Unsure, RecursionError):
                return None
        return valid

    # ----------------------------------------------------------------- compiling
    def _node(self, schema: Any) -> _Node:
        found = self._nodes.get(id(schema))
        if found is not None:
            return found
        node = self._nodes[id(schema)] = _Node()
        self._keep.append(schema)

        def check(value: Any) -> bool:
            self._compile(node, schema)
            return node.check(value)

        def keys(value: dict) -> set:
            self._compile(node, schema)
            return node.keys(value)
        node.check, node.keys = check, keys
        return node

    def _compile(self, node: _Node, schema: Any) -> None:
        node.check, node.keys = _unsure, _unsure_keys  # unless compiled below: jsonschema decides
        if schema is True or schema is False:
            node.check, node.keys = ((lambda _v: True) if schema else (lambda _v: False)), _no_keys
        elif not isinstance(schema, dict) or set(schema) & VALIDATING - SUPPORTED \
                or ("$id" in schema and schema is not self.root):
            return
        else:
            try:
                checks = [self._keyword(key, value, schema) for key, value in schema.items()
                          if key in VALIDATING and key != "format"]
                keys = self._keys(schema)
            except (Unsure, KeyError, TypeError, AttributeError, re.error):
                return  # an unknown type name, a malformed keyword...
            node.check, node.keys = _all(checks), keys

    def _resolve(self, ref: str) -> Any:
        uri, _, fragment = ref.partition("#")
        if uri not in ("", self.base):
            raise Unsure
        target = self.root
        if fragment and not fragment.startswith("/"):
            raise Unsure
        for part in fragment.split("/")[1:] if fragment else ():
            part = unquote(part).replace("~1", "/").replace("~0", "~")
            if isinstance(target, dict) and part in target:
                target = target[part]
            elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
                target = target[int(part)]
            else:
                raise Unsure
        return target

    def _keyword(self, key: str, value: Any, schema: dict) -> Check:
        """The check of one keyword, following ``jsonschema/_keywords.py``."""
        if key == "$ref":
            target = self._node(self._resolve(value))
            return lambda v: target.check(v)
        if key == "type":
            tests = [_TYPES[t] for t in (value if isinstance(value, list) else [value])]
            return tests[0] if len(tests) == 1 else lambda v: any(test(v) for test in tests)
        if key == "properties":
            return _properties({name: self._node(sub) for name, sub in value.items()})
        if key == "required":
            return lambda v: not isinstance(v, dict) or all(name in v for name in value)
        if key == "unevaluatedProperties":
            return self._unevaluated(value, schema)
        if key == "additionalProperties":
            return self._additional(value, schema)
        if key == "patternProperties":
            pats = [(re.compile(p).search, self._node(sub)) for p, sub in value.items()]
            return lambda v: not isinstance(v, dict) or all(
                n.check(item) for search, n in pats for k, item in v.items() if search(k))
        if key in ("anyOf", "oneOf", "allOf"):
            return _combined(key, [self._node(sub) for sub in value])
        if key == "not":
            inner = self._node(value)
            return lambda v: not inner.check(v)
        if key == "items":
            if "prefixItems" in schema:
                raise Unsure
            if value is False:
                return lambda v: not isinstance(v, list) or not v
            each = self._node(value)
            return lambda v: not isinstance(v, list) or all(each.check(item) for item in v)
        if key == "const":
            return lambda v: equal(v, value)
        if key == "enum":
            return lambda v: any(equal(each, v) for each in value)
        if key == "pattern":
            search = re.compile(value).search
            return lambda v: not isinstance(v, str) or search(v) is not None
        return _bound(key, value)

    def _unevaluated(self, value: Any, schema: dict) -> Check:
        """Keys no other keyword of this schema evaluated must be valid under ``value``."""
        inner = self._node(value)
        others = {k: v for k, v in schema.items() if k != "unevaluatedProperties"}
        evaluated = self._keys(others)
        names = frozenset(others.get("properties") or ()) if isinstance(others.get("properties"), dict) else None
        if names is not None and not set(others) & {"$ref", "additionalProperties", "patternProperties",
                                                     "allOf", "oneOf", "anyOf", "$dynamicRef",
                                                     "dependentSchemas", "if"}:
            def check_static(v: Any) -> bool:  # only ``properties`` evaluate keys: no walk needed
                if isinstance(v, dict):
                    for k, item in v.items():
                        if k not in names and not inner.check(item):
                            return False
                return True
            return check_static

        def check(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            done = evaluated(v)
            for k, item in v.items():
                if k not in done and not inner.check(item):
                    return False
            return True
        return check

    def _additional(self, value: Any, schema: dict) -> Check:
        props = schema.get("properties", {})
        pats = [re.compile(p).search for p in schema.get("patternProperties", {})]

        def extras(v: dict) -> list:
            return [k for k in v if k not in props and not any(s(k) for s in pats)]
        if value is False:
            return lambda v: not isinstance(v, dict) or not extras(v)
        inner = self._node(value)
        return lambda v: not isinstance(v, dict) or all(inner.check(v[k]) for k in extras(v))

    def _keys(self, schema: dict) -> Keys:
        """``find_evaluated_property_keys_by_schema`` for ``schema``, compiled."""
        if set(schema) & {"$dynamicRef", "dependentSchemas", "if"}:
            return _unsure_keys
        parts: list[Keys] = []
        if "$ref" in schema:
            target = self._node(self._resolve(schema["$ref"]))
            parts.append(lambda v: target.keys(v))  # jsonschema follows $ref without checking it
        props = schema.get("properties")
        if isinstance(props, dict):
            names = frozenset(props)
            parts.append(lambda v: v.keys() & names)
        for key in ("additionalProperties", "unevaluatedProperties"):
            if key in schema:
                sub = self._node(schema[key])
                parts.append(lambda v, sub=sub: {k for k, item in v.items() if sub.check(item)})
        if "patternProperties" in schema:
            searches = [re.compile(p).search for p in schema["patternProperties"]]
            parts.append(lambda v: {k for k in v if any(s(k) for s in searches)})
        for key in ("allOf", "oneOf", "anyOf"):
            for sub_schema in schema.get(key, []):
                sub = self._node(sub_schema)
                parts.append(lambda v, sub=sub: sub.keys(v) if sub.check(v) else set())

        def keys(v: dict) -> set:
            out: set = set()
            for part in parts:
                out |= part(v)
            return out
        return keys


def _unsure_keys(_instance: dict) -> set:
    raise Unsure


def _all(checks: list[Check]) -> Check:
    if not checks:
        return lambda _v: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)

    def every(v: Any) -> bool:
        for check in checks:
            if not check(v):
                return False
        return True
    return every


def _properties(table: dict[str, _Node]) -> Check:
    def check(v: Any) -> bool:
        if isinstance(v, dict):
            for name, item in v.items():
                node = table.get(name)
                if node is not None and not node.check(item):
                    return False
        return True
    return check


def _combined(key: str, subs: list[_Node]) -> Check:
    if key == "anyOf":
        def any_of(v: Any) -> bool:
            for node in subs:
                if node.check(v):
                    return True
            return False
        return any_of
    if key == "allOf":
        def all_of(v: Any) -> bool:
            for node in subs:
                if not node.check(v):
                    return False
            return True
        return all_of

    def one_of(v: Any) -> bool:
        found = 0
        for node in subs:
            if node.check(v):
                found += 1
                if found > 1:
                    return False
        return found == 1
    return one_of


def _bound(key: str, limit: Any) -> Check:
    """Sizes and ranges: each applies to one type only and lets every other type pass."""
    if key == "minimum":
        return lambda v: not _is_number(v) or not v < limit
    if key == "maximum":
        return lambda v: not _is_number(v) or not v > limit
    if key == "exclusiveMinimum":
        return lambda v: not _is_number(v) or not v <= limit
    if key == "exclusiveMaximum":
        return lambda v: not _is_number(v) or not v >= limit
    kind = {"minItems": list, "maxItems": list, "minLength": str, "maxLength": str,
            "minProperties": dict, "maxProperties": dict}[key]
    if key.startswith("min"):
        return lambda v: not isinstance(v, kind) or not len(v) < limit
    return lambda v: not isinstance(v, kind) or not len(v) > limit
