"""Validation after an edit reuses what the edit did not touch; it must always say exactly what
a fresh validation of the same document says."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from designer.model.catalog import load_catalog
from designer.model.document import Step
from designer.model.steps import StepList
from designer.model.swml_io import load
from designer.model.validation import Validator

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCRIPTS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".yaml", ".yml", ".json"))[::3]


def seen(problems):
    return [(p.step_id, p.severity, p.message, p.data_path, p.code) for p in problems]


def random_edit(doc, rng, nesting):
    steps = [s for s in doc.walk() if doc.section_of(s) is not None]
    step = rng.choice(steps)
    kind = rng.randrange(8)
    if kind == 5 and step.form == "method" and isinstance(step.params, dict):
        # Params the path checks read: some change their findings, some only a token.
        key = rng.choice(["control_id", "label", "dest", "variable", "max_digits"])
        doc.set_param(step, (key,), rng.choice(["a", "b", "main", 7, "${x}"]))
    elif kind == 6 and step.form == "method" and isinstance(step.params, dict):
        doc.set_param(step, ("url",), rng.choice(["say:${prompt_value}", "say:hi", "${record_call_url}"]))
    elif kind == 7 and step.form == "method" and isinstance(step.params, dict):
        doc.set_param(step, ("control_id",), rng.choice(["r", "rs", "s"]))
    elif kind == 0 and step.form == "method":
        doc.set_param(step, ("volume",), rng.choice([3, "loud", -100]))
    elif kind == 1:
        doc.insert_step(step.parent, rng.randrange(len(step.parent) + 1),
                        Step.from_data({"record_call": {"format": rng.choice(["mp3", "ogg"])}}, nesting))
    elif kind == 2 and len(steps) > 2:
        doc.remove_step(step)
    elif kind == 3:
        switch = Step.from_data({"switch": {"variable": "x", "case": {}}}, nesting)
        doc.insert_step(step.parent, 0, switch)
        doc.set_param(switch, ("default",), StepList([Step.from_data({"play": {"volume": "x"}}, nesting)]))
    elif step.form == "method" and isinstance(step.params, dict) and step.params:
        doc.unset_param(step, (rng.choice(list(step.params)),))


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_incremental_validation_matches_a_fresh_one(path):
    catalog = load_catalog()
    try:
        doc = load(path)
    except Exception:
        pytest.skip("not a readable script")
    doc.nesting = catalog.nesting
    validator = Validator(catalog)
    validator.validate(doc)
    rng = random.Random(path.name)
    for _ in range(24):
        random_edit(doc, rng, catalog.nesting)
        assert seen(validator.validate(doc)) == seen(Validator(catalog).validate(doc))
        assert validator.step_count == sum(1 for _ in doc.walk())


def test_a_branch_added_by_a_param_edit_is_walked_into():
    catalog = load_catalog()
    from designer.model.document import Document
    doc = Document.from_data({"sections": {"main": [{"switch": {"variable": "x", "case": {}}}]}}, catalog.nesting)
    validator = Validator(catalog)
    validator.validate(doc)
    switch = doc.sections[0].steps.steps[0]
    doc.set_param(switch, ("default",), StepList([Step.from_data({"play": {"volume": "loud"}}, catalog.nesting)]))
    problems = validator.validate(doc)
    assert any(p.data_path[:5] == ("sections", "main", 0, "switch", "default") for p in problems)
    assert seen(problems) == seen(Validator(catalog).validate(doc))
    doc.unset_param(switch, ("default",))
    assert seen(validator.validate(doc)) == seen(Validator(catalog).validate(doc))
    assert not any(p.data_path[4:5] == ("default",) for p in validator.validate(doc))


def test_renaming_a_parents_method_moves_its_nested_steps_paths():
    """Nested steps' paths name their parent's method (``...0, switch, case...``): renaming it
    must walk the flow again, or their problems keep pointing into the old method."""
    catalog = load_catalog()
    from designer.model.document import Document
    doc = Document.from_data({"sections": {"main": [
        {"switch": {"variable": "x", "case": {"a": [{"play": {"volume": "loud"}}]}}}]}}, catalog.nesting)
    validator = Validator(catalog)
    validator.validate(doc)
    doc.set_method(doc.sections[0].steps.steps[0], "switchy")
    assert seen(validator.validate(doc)) == seen(Validator(catalog).validate(doc))
