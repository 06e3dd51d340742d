"""Finding the flows inside blocks in the real example scripts, and storing an edited one back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from designer.model.catalog import load_catalog
from designer.model.document import Document
from designer.model.nested_flows import as_document, find_nested_flows, stored_value
from designer.model.steps import MISSING

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _load(name: str) -> Document:
    text = (FIXTURES / name).read_text("utf-8")
    data = json.loads(text) if name.endswith(".json") else yaml.safe_load(text)
    return Document.from_data(data, load_catalog().nesting)


def _count_swml(value) -> int:
    if isinstance(value, dict):
        return (1 if isinstance(value.get("SWML"), dict) else 0) + sum(_count_swml(v) for v in value.values())
    if isinstance(value, list):
        return sum(_count_swml(v) for v in value)
    return 0


def test_every_swml_inside_an_ai_function_of_the_examples_is_found():
    total = 0
    for path in sorted(FIXTURES.glob("1*_de-*")):
        try:
            doc = _load(path.name)
        except Exception:  # noqa: BLE001 - the broken-on-purpose example
            continue
        for step in doc.walk():
            if step.method == "ai":
                found = [f for f in find_nested_flows(step) if f.kind == "swml" and f.exists]
                assert len(found) == _count_swml(step.to_data()), path.name
                total += len(found)
    assert total >= 2


def test_a_confirm_list_round_trips_through_the_flow_document():
    doc = Document.from_data({"sections": {"main": [
        {"connect": {"to": "+1", "confirm": [{"play": {"url": "say:Press 1"}}]}}]}}, load_catalog().nesting)
    step = doc.sections[0].steps[0]
    flow, = find_nested_flows(step)
    document = as_document(step, flow)
    assert document == {"sections": {"main": [{"play": {"url": "say:Press 1"}}]}}
    assert stored_value(flow, document) == [{"play": {"url": "say:Press 1"}}]
    assert stored_value(flow, {"sections": {"main": []}}) is MISSING


def test_a_confirm_url_is_not_a_flow_and_is_left_alone():
    doc = Document.from_data({"sections": {"main": [
        {"connect": {"to": "+1", "confirm": "https://example.com/confirm.swml"}}]}}, load_catalog().nesting)
    assert find_nested_flows(doc.sections[0].steps[0]) == []


def _method_lists(value, here, methods):
    """Paths of every list of method mappings inside ``value`` (plain data)."""
    if isinstance(value, list):
        if value and all(isinstance(i, dict) and len(i) == 1 and next(iter(i)) in methods for i in value):
            yield here
        for i, sub in enumerate(value):
            yield from _method_lists(sub, here + (i,), methods)
    elif isinstance(value, dict):
        for k, sub in value.items():
            yield from _method_lists(sub, here + (k,), methods)


def test_every_method_list_in_the_examples_is_drawn_as_a_branch_or_opens_as_a_flow():
    catalog = load_catalog()
    checked = 0
    for path in sorted(FIXTURES.glob("*.*")):
        if path.suffix not in (".yaml", ".yml", ".json"):
            continue
        try:
            doc = _load(path.name)
        except Exception:  # noqa: BLE001 - the broken-on-purpose example
            continue
        for step in doc.walk():
            if step.form != "method":
                continue
            drawn = {p for p, _ in step.child_lists()}
            flows = [f.path for f in find_nested_flows(step)]
            plain = step.to_data()[step.method]
            for found in _method_lists(plain, (), set(catalog.methods)):
                if found == ():
                    continue  # cond's own list of conditions is not a method list
                inside_drawn = any(found[:len(p)] == p for p in drawn)
                inside_flow = any(found[:len(p)] == p for p in flows)
                assert inside_drawn or inside_flow, (path.name, step.method, found)
                checked += 1
    print(f"{checked} nested method lists in the examples, each drawn or openable")
    assert checked > 20


def _ai(functions):
    doc = Document.from_data({"sections": {"main": [{"ai": {"prompt": {"text": "Hi"}, "SWAIG": {
        "functions": functions}}}]}}, load_catalog().nesting)
    return doc, doc.sections[0].steps[0]


PLAY = {"version": "1.0.0", "sections": {"main": [{"play": {"url": "say:Your order is on its way"}}]}}


def test_a_function_without_swml_offers_a_new_one_in_its_data_map_output():
    from designer.model.nested_flows import stored_change
    from designer.model.validation import Validator
    doc, step = _ai([{"function": "track_order", "description": "Where is my order",
                      "web_hook_url": "https://example.com/track"},
                     {"function": "say_status", "description": "Tell the status"}])
    flow, = find_nested_flows(step)  # the web hook's server answers for itself: none for it
    assert (flow.title, flow.kind, flow.exists) == ("What “say_status” runs", "swml", False)
    assert as_document(step, flow) == {"version": "1.0.0", "sections": {"main": []}}
    assert stored_change(step, flow, as_document(step, flow)) is None  # left empty: nothing made
    path, value = stored_change(step, flow, PLAY)
    assert path == ("SWAIG", "functions", 1, "data_map")
    assert value == {"output": {"response": "Done.", "action": [{"SWML": PLAY}]}}
    doc.set_param(step, path, value)
    assert not [p for p in Validator(load_catalog()).validate(doc) if p.is_error]
    again, = find_nested_flows(step)
    assert again.exists and again.path == ("SWAIG", "functions", 1, "data_map", "output", "action", 0, "SWML")


def test_a_new_swml_joins_the_actions_the_output_already_has():
    from designer.model.nested_flows import stored_change
    _, step = _ai([{"function": "bye", "description": "End", "data_map": {"output": {
        "response": "Bye", "action": [{"hangup": True}]}}}])
    flow, = find_nested_flows(step)
    assert flow.path[-2:] == (1, "SWML")
    assert stored_change(step, flow, PLAY) == (
        ("SWAIG", "functions", 0, "data_map", "output", "action"), [{"hangup": True}, {"SWML": PLAY}])


def test_functions_with_expressions_get_no_guessed_swml():
    _, step = _ai([{"function": "f", "description": "d", "data_map": {"expressions": [
        {"string": "x", "pattern": ".*", "output": {"response": "ok"}}]}}])
    assert find_nested_flows(step) == []


@pytest.mark.parametrize("method", ["ai_sidecar", "amazon_bedrock"])
def test_every_agent_with_swaig_functions_offers_their_flows(method):
    doc = Document.from_data({"sections": {"main": [{method: {"SWAIG": {"functions": [
        {"function": "say_status", "description": "Tell the status"}]}}}]}}, load_catalog().nesting)
    flow, = find_nested_flows(doc.sections[0].steps[0])
    assert (flow.title, flow.exists) == ("What “say_status” runs", False)
