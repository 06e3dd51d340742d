"""The compiled yes/no schema check says what jsonschema says, or ``None`` ("ask jsonschema").

The validator skips jsonschema for steps this check calls valid, so a wrong "valid" would hide
a problem: every case here compares both on the same instance.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from designer.model import swml_io
from designer.model.validation import ROOT_ID, Validator, frame_data, iter_located
from designer.model.validity import ValidityCheck

from tests.conftest import FIXTURES

FILES = sorted(p for p in FIXTURES.glob("*") if p.suffix in (".yaml", ".json"))


@pytest.fixture(scope="module")
def both(validator):
    """method -> (the compiled check, jsonschema's validator), on the designer's corrected schema."""
    compiled = ValidityCheck(validator.raw, ROOT_ID)
    return {m: (compiled.for_ref(f"{ROOT_ID}#/$defs/{d}"), validator.method_validator(m))
            for m, d in validator.catalog.schema.method_defs.items()}


def _agree(both, method: str, data: Any, definite: bool = True) -> bool | None:
    """The quick check never contradicts jsonschema. ``None`` ("ask jsonschema") is always safe
    (the validator then runs jsonschema); ``definite`` also requires an answer."""
    quick, full = both[method]
    answer = quick(data)
    truth = not any(True for _ in full.iter_errors(data))
    assert answer == truth or (answer is None and not definite), (method, data, answer)
    return truth


def _fixture_steps(catalog):
    for path in FILES:
        try:
            doc = swml_io.loads(path.read_text("utf-8"), filename=path, nesting=catalog.nesting)
        except swml_io.ParseError:
            continue
        for step, _path, _section in iter_located(doc):
            if step.form == "method" and step.method in catalog.schema.method_defs:
                yield step.method, frame_data(step)


def test_every_step_of_every_fixture_gets_jsonschemas_verdict(both, catalog):
    verdicts = [_agree(both, method, data) for method, data in _fixture_steps(catalog)]
    assert len(verdicts) > 200 and False in verdicts  # valid and invalid steps were both compared


def test_the_schemas_own_examples_get_jsonschemas_verdict(both, catalog):
    """Each field's examples, alone in its method and as the method's whole value."""
    compared = 0
    for method, spec in catalog.methods.items():
        for field in spec.fields:
            for example in field.examples:
                _agree(both, method, {method: {field.name: example}})
                _agree(both, method, {method: example})
                compared += 2
    assert compared > 300


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.floats(-2, 200, allow_nan=False)
    | st.sampled_from(["", "mp3", "wav", "say:hi", "https://x.example/a.mp3", "${v}", "1", "true", "#"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["url", "urls", "format", "beep", "x", "when", "then", "else", "case"]), inner, max_size=3),
    max_leaves=6)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_values_in_real_fields_get_jsonschemas_verdict(both, catalog, data):
    method = data.draw(st.sampled_from(sorted(catalog.methods)))
    fields = [f.name for f in catalog.methods[method].fields] or ["x"]
    value = data.draw(st.dictionaries(st.sampled_from(fields + ["unknown"]), JSON, max_size=3))
    # Random values reach keywords the check leaves to jsonschema (uniqueItems...): unsure is fine.
    _agree(both, method, {method: value}, definite=False)


@pytest.mark.parametrize("value", [
    {"input_sensitivity": True}, {"input_sensitivity": 1.0}, {"input_sensitivity": 101},
    {"input_sensitivity": "44"}, {"beep": 1}, {"beep": "true"}, {"format": "ogg"},
    {"format": "${fmt}"}, {"extra": 1}, {"stereo": None}, [], "mp3", None,
])
def test_tricky_record_call_values(both, value):
    _agree(both, "record_call", {"record_call": value})


@pytest.mark.parametrize("value", [{"url": "say:x"}, {"urls": ["say:x"]}, {"url": "a", "urls": []},
                                   {}, {"url": "say:x", "volume": 1.5}, {"urls": "say:x"}])
def test_play_url_or_urls(both, value):
    _agree(both, "play", {"play": value})


def _quick(schema: dict) -> Any:
    return ValidityCheck(schema, "S.json").for_ref("S.json#/$defs/x")


@pytest.mark.parametrize("unsupported", [
    {"if": {"type": "string"}, "then": {"minLength": 2}},
    {"uniqueItems": True},
    {"$ref": "other.json#/x"},
    {"$ref": "#anchor"},
    {"type": "no-such-type"},
])
def test_what_is_not_compiled_is_left_to_jsonschema(unsupported):
    assert _quick({"$defs": {"x": unsupported}})("ab") is None


def test_const_tells_true_from_one_as_jsonschema_does():
    check = _quick({"$defs": {"x": {"const": 1}}})
    assert (check(1), check(1.0), check(True)) == (True, True, False)


def test_unevaluated_properties_see_keys_of_valid_branches_only():
    schema = {"$defs": {"x": {"anyOf": [{"properties": {"a": {"type": "string"}}},
                                        {"properties": {"b": {}}}],
                              "unevaluatedProperties": False}}}
    check = _quick(schema)
    full = Draft202012Validator({"$ref": "S.json#/$defs/x"},
                                registry=Registry().with_resource("S.json", Resource.from_contents(
                                    schema, default_specification=DRAFT202012)))
    for value in ({"a": "s"}, {"a": 1}, {"b": 1}, {"a": 1, "b": 1}, {"c": 1}, {}):
        assert check(value) == full.is_valid(value), value


def test_the_validator_finds_the_same_problems_with_and_without_the_check(catalog, monkeypatch):
    def problems():
        validator = Validator(catalog)
        out = []
        for path in FILES:
            try:
                doc = swml_io.loads(path.read_text("utf-8"), filename=path, nesting=catalog.nesting)
            except swml_io.ParseError:
                continue
            out.append([(p.severity, p.message, p.data_path, p.code) for p in validator.validate(doc)])
        return out

    quick = problems()
    monkeypatch.setattr(ValidityCheck, "for_ref", lambda self, ref: lambda instance: None)
    assert quick == problems()


@pytest.mark.parametrize("frame", [
    {}, {"sections": {}}, {"sections": {"main": []}}, {"version": "1.0.0", "sections": {"main": []}},
    {"version": "2", "sections": {"main": []}}, {"sections": {"main": [], "other": []}},
    {"sections": {"main": [], "other": 3}}, {"sections": [], "extra": 1}, {"sections": {"main": "x"}},
])
def test_the_document_frame_gets_jsonschemas_verdict(validator, frame):
    full = Draft202012Validator(validator._frame_schema)
    assert validator._frame_quick(frame) == full.is_valid(frame)
