"""Path checks run again exactly when something they read changed, and reuse findings otherwise."""

import pytest

from designer.model import path_run
from designer.model.document import Document
from designer.model.validation import Validator

SCRIPT = {"main": [
    {"label": "top"},
    {"prompt": {"play": "say:Press 1", "max_digits": 1}},
    {"switch": {"variable": "prompt_value", "case": {"1": [{"hangup": {}}]}, "default": [{"goto": {"label": "top"}}]}},
    {"set": {"a": 1}},
    {"execute": {"dest": "sub"}},
    {"record_call": {"control_id": "r"}},
    {"stop_record_call": {"control_id": "r"}},
    {"request": {"url": "https://example.com", "method": "GET"}},
    {"cond": [{"when": "a == 1", "then": [{"play": {"url": "say:${a}"}}]}]},
], "sub": [{"return": 1}]}


@pytest.fixture
def counted(monkeypatch, catalog):
    runs = []
    real = path_run.analyse
    monkeypatch.setattr(path_run, "analyse", lambda doc: runs.append(1) or real(doc))
    doc = Document.from_data({"version": "1.0.0", "sections": SCRIPT}, catalog.nesting)
    validator = Validator(catalog)
    validator.validate(doc)
    assert len(runs) == 1
    return doc, validator, runs


def step(doc, index, section=0):
    return doc.sections[section].steps[index]


@pytest.mark.parametrize("index, path, value", [
    (0, (), "start"), (1, ("max_digits",), 2), (1, ("speech_hints",), ["yes"]),
    (2, ("variable",), "call.type"), (2, ("case", "2"), []), (3, ("b",), 2), (4, ("dest",), "main"),
    (6, ("control_id",), 5), (7, ("save_variables",), True), (8, (0, "when"), "a == 2"),
    (2, ("default",), None),
])
def test_an_edit_the_paths_depend_on_runs_them_again(counted, index, path, value):
    doc, validator, runs = counted
    doc.set_param(step(doc, index), path, value)
    validator.validate(doc)
    assert len(runs) == 2


def test_a_new_variable_read_runs_them_again(counted):
    doc, validator, runs = counted
    doc.set_param(step(doc, 1), ("play",), "say:Hello ${who}")
    problems = validator.validate(doc)
    assert len(runs) == 2 and any(p.code == "flow.variable_not_set" for p in problems)


def test_moving_or_removing_a_step_runs_them_again(counted):
    doc, validator, runs = counted
    doc.remove_step(step(doc, 6))
    validator.validate(doc)
    assert len(runs) == 2


def test_a_text_edit_reuses_the_findings(counted):
    doc, validator, runs = counted
    before = [(p.code, p.data_path) for p in validator.validate(doc)]
    doc.set_param(step(doc, 1), ("play",), "say:Press 1 for sales")
    doc.set_param(step(doc, 7), ("url",), "https://example.com/other")
    doc.set_param(step(doc, 5), ("control_id",), "rs")  # only whether it is text matters to them
    doc.set_param(step(doc, 6), ("control_id",), "rs")
    after = [(p.code, p.data_path) for p in validator.validate(doc)]
    assert len(runs) == 1 and after == before
