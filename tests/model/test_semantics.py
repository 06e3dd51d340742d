"""The shared table of run-time semantics: complete for the schema, read right from concrete steps."""

from pathlib import Path

import pytest

from designer.model import semantics as sem
from designer.model.catalog import load_catalog
from designer.model.document import Document

CALLING_SCHEMA = Path("/work/shared/swml/schema/calling/SWMLObject.json")


def _step(catalog, data):
    doc = Document.from_data({"sections": {"main": [data]}}, catalog.nesting)
    return doc.sections[0].steps[0]


def test_every_bundled_method_has_an_entry():
    assert sem.unknown_methods(load_catalog().schema.method_defs) == []


@pytest.mark.skipif(not CALLING_SCHEMA.exists(), reason="calling schema not available")
def test_every_method_of_the_official_calling_schema_has_an_entry():
    methods = set(load_catalog(CALLING_SCHEMA).schema.method_defs)
    assert len(methods) > 40 and sem.unknown_methods(methods) == []


def test_a_method_without_an_entry_runs_sets_nothing_and_goes_on():
    found = sem.semantics("no_such_method")
    assert found is sem.FALLBACK and found.flow == sem.CONTINUE and found.sets == ()


def test_prompt_sets_its_variables_with_their_values_from_the_reference():
    prompt = sem.semantics("prompt")
    assert prompt.variable("prompt_result").values == ("match_digits", "match_speech", "no_match",
                                                       "no_input", "failed")
    assert prompt.variable("prompt_value") is not None and prompt.outside


def test_switch_branches_name_the_variable_and_keys():
    catalog = load_catalog()
    step = _step(catalog, {"switch": {"variable": "prompt_value", "case": {"1": [{"hangup": {}}]},
                                      "default": [{"hangup": {}}]}})
    got = [(b.selector, b.variable, b.key) for b in sem.branches(step)]
    assert got == [(sem.CASE, "prompt_value", "1"), (sem.DEFAULT, "prompt_value", "")]
    assert sem.always_taken(step)


def test_cond_branches_carry_their_conditions():
    catalog = load_catalog()
    step = _step(catalog, {"cond": [{"when": "a == 1", "then": [{"hangup": {}}]}, {"else": [{"hangup": {}}]}]})
    assert [(b.selector, b.condition) for b in sem.branches(step)] == [(sem.WHEN, "a == 1"), (sem.ELSE, "")]


def test_execute_result_object_is_a_switch_on_return_value():
    catalog = load_catalog()
    step = _step(catalog, {"execute": {"dest": "sub", "on_return": [{"hangup": {}}],
                                       "result": {"case": {"ok": [{"hangup": {}}]}}}})
    got = [(b.selector, b.variable, b.key, b.group) for b in sem.branches(step)]
    assert got == [(sem.ON_RETURN, "", "", ("on_return",)), (sem.CASE, "return_value", "ok", ("result",))]
    assert not sem.always_taken(step)


@pytest.mark.parametrize("dest,kind", [
    ("sales", "section"), ("https://example.com/a.yaml", "url"), ('{"sections": {}}', "inline"),
    ("+15551234567", "phone"), ("555-1234", "phone"), ("${next}", "variable"), ("call sales", "unknown"),
])
def test_destination_kinds(dest, kind):
    assert sem.destination_kind(dest) == kind


def test_numbers_and_addresses_come_with_ranges():
    goto = sem.semantics("goto").number(("max",))
    assert (goto.path, goto.minimum, goto.maximum, goto.default) == (("max",), 1, 100, 100)
    assert ("to",) in [a.path for a in sem.semantics("connect").addresses]
    assert list(sem.match_paths({"serial": [{"to": "a"}, {"to": "b"}]}, ("serial", "*", "to"))) == [
        (("serial", 0, "to"), "a"), (("serial", 1, "to"), "b")]
