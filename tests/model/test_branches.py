"""Open branch slots: what can still be added to a block, and the one change that adds it."""

from __future__ import annotations

import pytest

from designer.model.branches import branch_words, creation, open_slots
from designer.model.catalog import load_catalog
from designer.model.document import Document
from designer.model.steps import Step
from designer.model.validation import Validator


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _step(catalog, item):
    doc = Document.from_data({"sections": {"main": [item], "menu": [{"hangup": {}}]}}, catalog.nesting)
    return doc, doc.sections[0].steps[0]


def _labels(catalog, item):
    _, step = _step(catalog, item)
    return [s.label for s in open_slots(step, catalog.nesting(step.method))]


def test_new_switch_offers_a_first_case_and_otherwise(catalog):
    assert _labels(catalog, {"switch": {"variable": "x", "case": {}}}) == ["+ case 1", "+ otherwise"]


def test_switch_with_default_offers_only_the_next_case(catalog):
    item = {"switch": {"variable": "x", "case": {"1": [], "2": []}, "default": []}}
    assert _labels(catalog, item) == ["+ case 3"]


def test_connect_offers_its_outcomes_then_otherwise_until_all_are_handled(catalog):
    assert _labels(catalog, {"connect": {"to": "+15550100001"}}) == ["+ if nobody answered"]
    item = {"connect": {"to": "+1", "result": {"case": {"failed": []}}}}
    assert _labels(catalog, item) == ["+ if answered", "+ otherwise"]
    item = {"connect": {"to": "+1", "result": {"case": {"failed": [], "connected": []}}}}
    assert _labels(catalog, item) == []


def test_execute_offers_on_return_a_case_and_otherwise(catalog):
    assert _labels(catalog, {"execute": {"dest": "menu"}}) == ["+ case 1", "+ after it returns", "+ otherwise"]


def test_result_written_as_conditions_offers_conditions_not_cases(catalog):
    item = {"execute": {"dest": "menu", "result": [{"when": "true", "then": []}]}}
    assert _labels(catalog, item) == ["+ after it returns", "+ condition", "+ otherwise"]


def test_each_connect_destination_offers_its_own_result_branch(catalog):
    item = {"connect": {"serial": [{"to": "+1"}, {"to": "+2", "result": {"case": {"failed": []}}}]}}
    assert _labels(catalog, item) == ["+ if nobody answered", "+ #1: if not answered", "+ #2: if answered",
                                      "+ #2: otherwise"]
    item = {"connect": {"serial": [{"to": "+1", "result": {"case": {"failed": []}}}, {"to": "+2"}]}}
    assert _labels(catalog, item) == ["+ if nobody answered", "+ #1: if answered", "+ #1: otherwise",
                                      "+ #2: if not answered"]  # each destination's together
    groups = {"connect": {"serial_parallel": [[{"to": "+1"}], [{"to": "+2"}, {"to": "+3"}]]}}
    assert _labels(catalog, groups) == ["+ if nobody answered", "+ #1.1: if not answered",
                                        "+ #2.1: if not answered", "+ #2.2: if not answered"]


def test_cond_offers_a_condition_before_its_otherwise(catalog):
    item = {"cond": [{"when": "vars.a == 1", "then": []}]}
    assert _labels(catalog, item) == ["+ condition", "+ otherwise"]
    item = {"cond": [{"when": "vars.a == 1", "then": []}, {"else": []}]}
    _, step = _step(catalog, item)
    slots = open_slots(step, catalog.nesting("cond"))
    assert [(s.label, s.path) for s in slots] == [("+ condition", (1, "then"))]


@pytest.mark.parametrize("item, slot_index, expected", [
    ({"switch": {"variable": "x", "case": {}}}, 1, {"switch": {"variable": "x", "case": {}, "default": [{"hangup": {}}]}}),
    ({"connect": {"to": "+15550100001"}}, 0,
     {"connect": {"to": "+15550100001", "result": {"case": {"failed": [{"hangup": {}}]}}}}),
    ({"execute": {"dest": "menu"}}, 2,
     {"execute": {"dest": "menu", "result": {"case": {}, "default": [{"hangup": {}}]}}}),
    ({"execute": {"dest": "menu"}}, 1, {"execute": {"dest": "menu", "on_return": [{"hangup": {}}]}}),
    ({"connect": {"serial": [{"to": "+15550100001"}, {"to": "+15550100002"}]}}, 2,
     {"connect": {"serial": [{"to": "+15550100001"}, {"to": "+15550100002", "result": {"case": {"failed": [{"hangup": {}}]}}}]}}),
    ({"connect": {"serial_parallel": [[{"to": "+15550100001"}, {"to": "+15550100002"}]]}}, 2,
     {"connect": {"serial_parallel": [[{"to": "+15550100001"}, {"to": "+15550100002", "result": {"case": {"failed": [{"hangup": {}}]}}}]]}}),
    ({"cond": [{"when": "vars.a == 1", "then": [{"answer": {}}]}, {"else": []}]}, 0,
     {"cond": [{"when": "vars.a == 1", "then": [{"answer": {}}]}, {"when": "", "then": [{"hangup": {}}]}, {"else": []}]}),
    ({"execute": {"dest": "menu", "result": [{"when": "true", "then": []}]}}, 2,
     {"execute": {"dest": "menu", "result": [{"when": "true", "then": []}, {"else": [{"hangup": {}}]}]}}),
    ({"join_conference": {"name": "room"}}, 0,
     {"join_conference": {"name": "room", "result": {"variable": "join_conference_result", "case": {"completed": [{"hangup": {}}]}}}}),
])
def test_creating_a_slot_is_one_param_change_and_stays_valid(catalog, item, slot_index, expected):
    doc, step = _step(catalog, item)
    slot = open_slots(step, catalog.nesting(step.method))[slot_index]
    path, value, new = creation(step, slot, catalog.nesting(step.method))
    doc.set_param(step, path, value)
    from designer.model.steps import Step
    doc.insert_step(new, 0, Step("hangup", {}))
    assert step.to_data() == expected
    data = doc.to_data()
    assert not [p for p in Validator(catalog).validate(doc) if p.is_error]


def test_branch_words_are_plain(catalog):
    assert branch_words("switch", ("default",)) == "otherwise"
    assert branch_words("connect", ("result", "default")) == "otherwise"
    assert branch_words("connect", ("result", "case", "failed")) == "if nobody answered"
    assert branch_words("execute", ("on_return",)) == "after it returns"
    assert branch_words("connect", ("serial", 0, "result", "case", "failed")) == "#1: if not answered"
    assert branch_words("connect", ("serial_parallel", 1, 0, "result", "case", "failed")) == "#2.1: if not answered"
    assert branch_words("switch", ("case", "1")) == "case 1"
    assert branch_words("cond", (1, "then")) == "condition 2"
    assert branch_words("cond", (2, "else")) == "otherwise"
    assert branch_words("connect", ("serial", 0, "result", 1, "then")) == "#1: condition 2"
