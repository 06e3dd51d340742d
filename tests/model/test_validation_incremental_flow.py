"""Incremental validation over edits to what the flow checks index (labels, goto targets,
recording ids, jump destinations, section names, methods), several edits between two
validations, and undoing them: after each it must say exactly what a fresh validation says.

The indexes kept between edits can go stale in ways a single-step cache cannot: a label renamed
makes another step's goto wrong, a second recording with the same id makes a warning move to a
later step. So the names here come from a small vocabulary, to make such collisions frequent.
"""

from __future__ import annotations

import random

import pytest

from designer.model.catalog import load_catalog
from designer.model.document import Document, Step
from designer.model.steps import MISSING, StepList
from designer.model.validation import Validator

NAMES = ["a", "b", "main", "part", "${x}", "", 7]
METHODS = ["label", "goto", "record_call", "stop_record_call", "execute", "transfer", "play"]
SCRIPT = {"version": "1.0.0", "sections": {
    "main": [
        {"label": "a"},
        {"record_call": {"control_id": "a"}},
        {"goto": {"label": "a"}},
        {"switch": {"variable": "x", "case": {"1": [{"goto": {"label": "b"}}, {"label": "b"}]},
                    "default": [{"stop_record_call": {"control_id": "b"}}]}},
        {"execute": {"dest": "part"}},
        {"record_call": {"control_id": "b", "format": "mp3"}},
        {"cond": [{"when": "x == 1", "then": [{"record_call": {"control_id": "a"}}]},
                  {"else": [{"transfer": {"dest": "main"}}]}]},
        {"stop_record_call": {"control_id": "a"}},
    ],
    "part": [
        {"label": "b"},
        {"goto": {"label": "a"}},
        {"record_call": {"control_id": "b"}},
        {"stop_record_call": {"control_id": "main"}},
        {"execute": {"dest": "nowhere"}},
    ],
}}


def seen(problems):
    return [(p.step_id, p.severity, p.message, p.field, p.data_path, p.line, p.column, p.code)
            for p in problems]


class Editor:
    """Random edits of what the flow checks read, remembering how to undo each param edit."""

    def __init__(self, doc: Document, rng: random.Random, nesting) -> None:
        self.doc, self.rng, self.nesting = doc, rng, nesting
        self.undo: list[tuple[Step, tuple, object, str, str]] = []

    def param(self, step: Step, path: tuple, value: object) -> None:
        old = step.get(path, MISSING) if path else step.params
        self.undo.append((step, path, old, step.method, step.form))
        if value is MISSING:
            self.doc.unset_param(step, path)
        else:
            self.doc.set_param(step, path, value)

    def edit(self) -> None:
        doc, rng = self.doc, self.rng
        steps = list(doc.walk())
        step = rng.choice(steps)
        kind = rng.randrange(14)
        name = rng.choice(NAMES)
        if kind == 0 and step.method == "label":
            self.param(step, (), name)
        elif kind in (1, 2) and step.method in ("goto", "label"):
            self.param(step, ("label",) if step.method == "goto" else (), name)
        elif kind in (3, 4) and step.method in ("record_call", "stop_record_call"):
            self.param(step, ("control_id",), rng.choice([name, MISSING]))
        elif kind == 5 and step.method in ("execute", "transfer"):
            self.param(step, ("dest",), rng.choice(["main", "part", "nowhere", "https://example.com/x"]))
        elif kind == 6:
            self.undo.append((step, (), step.params, step.method, step.form))
            doc.set_method(step, rng.choice(METHODS))
        elif kind == 7 and self.undo:
            target, path, old, method, form = self.undo.pop()
            if (target.method, target.form) != (method, form):
                doc.set_method(target, method, form)
            elif old is MISSING:
                doc.unset_param(target, path)
            else:
                doc.set_param(target, path, old)
        elif kind == 8:
            section = rng.choice(doc.sections)
            if section.name != "main":
                new = rng.choice(["part", "nowhere", "other"])
                if doc.section(new) is None or new == section.name:
                    doc.rename_section(section, new)
        elif kind == 9 and step.parent is not None:
            method = rng.choice(METHODS)
            value = {"label": name, "goto": {"label": name}, "record_call": {"control_id": name},
                     "stop_record_call": {"control_id": name}, "execute": {"dest": name},
                     "transfer": {"dest": name}, "play": {"url": "say:hi"}}[method]
            doc.insert_step(step.parent, rng.randrange(len(step.parent) + 1), Step.from_data({method: value},
                                                                                            self.nesting))
        elif kind == 10 and step.parent is not None and len(steps) > 4:
            doc.remove_step(step)
        elif kind == 11 and step.parent is not None:
            target = rng.choice(steps)
            if target is not step and target.parent is not None and not _inside(target, step):
                doc.move_step(step, target.parent, rng.randrange(len(target.parent)))
        elif kind == 12:
            doc.add_detached(StepList([Step.from_data({"goto": {"label": name}}, self.nesting),
                                       Step.from_data({"record_call": {"control_id": name}}, self.nesting)]))
        elif kind == 13 and doc.detached:
            doc.remove_detached(rng.choice(doc.detached))
        elif step.form == "method" and isinstance(step.params, dict):
            self.param(step, ("control_id",), name)


def _inside(step: Step, ancestor: Step) -> bool:
    """Whether ``step`` is ``ancestor`` or nested in it (it cannot be moved into itself)."""
    while step is not None:
        if step is ancestor:
            return True
        owner = step.parent.owner if step.parent is not None else None
        step = owner if isinstance(owner, Step) else None
    return False


@pytest.mark.parametrize("seed", range(12))
def test_flow_index_edits_match_a_fresh_validation(seed):
    catalog = load_catalog()
    doc = Document.from_data(SCRIPT, catalog.nesting)
    validator = Validator(catalog)
    validator.validate(doc)
    rng = random.Random(seed)
    editor = Editor(doc, rng, catalog.nesting)
    for _ in range(80):
        for _ in range(rng.choice([1, 1, 1, 2, 3])):  # several edits between two validations
            editor.edit()
        fresh = Validator(catalog)
        assert seen(validator.validate(doc)) == seen(fresh.validate(doc))
        assert validator.unreachable == fresh.unreachable


def test_param_edits_only_reach_the_steps_they_name():
    """Most edits change the params of one step: the flow problems stay exact through a run of
    such edits alone (no walk), which is the path the window takes on every keystroke."""
    catalog = load_catalog()
    doc = Document.from_data(SCRIPT, catalog.nesting)
    validator = Validator(catalog)
    validator.validate(doc)
    rng = random.Random(99)
    editor = Editor(doc, rng, catalog.nesting)
    for _ in range(300):
        step = rng.choice(list(doc.walk()))
        if step.method == "label":
            editor.param(step, (), rng.choice(NAMES))
        elif step.method == "goto":
            editor.param(step, ("label",), rng.choice(NAMES))
        elif step.method in ("record_call", "stop_record_call"):
            editor.param(step, ("control_id",), rng.choice(NAMES + [MISSING]))
        elif step.method in ("execute", "transfer"):
            editor.param(step, ("dest",), rng.choice(["main", "part", "nowhere"]))
        assert seen(validator.validate(doc)) == seen(Validator(catalog).validate(doc))


def test_a_param_edit_neither_walks_the_flow_nor_rebuilds_the_flow_checks():
    """What keeps an edit's cost to what it changed: a param edit (even of a label, a goto or
    a recording id) reuses the walk and patches the flow checks' indexes."""
    catalog = load_catalog()
    doc = Document.from_data(SCRIPT, catalog.nesting)
    validator = Validator(catalog)
    validator.validate(doc)
    calls = []
    real_walk, real_rebuild = validator._walk_flow, validator._flow.rebuild
    validator._walk_flow = lambda d: calls.append("walk") or real_walk(d)
    validator._flow.rebuild = lambda *a: calls.append("rebuild") or real_rebuild(*a)
    steps = doc.sections[0].steps.steps
    for step, path, value in [(steps[1], ("input_sensitivity",), 30), (steps[1], ("control_id",), "b"),
                              (steps[0], (), "z"), (steps[2], ("label",), "z"), (steps[4], ("dest",), "main")]:
        doc.set_param(step, path, value)
        assert seen(validator.validate(doc)) == seen(Validator(catalog).validate(doc))
    assert calls == []
