"""The preview's fast path: after a small edit the YAML text is written and proven at the cost of
the edit, and it is exactly what the slow, whole-text path writes, with the same line numbers."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from designer.model import splice_check, text_positions, yaml_quick
from designer.model.catalog import load_catalog
from designer.model.document import Section, Step
from designer.model.steps import StepList
from designer.model.swml_io import dumps, load, loads, locate
from designer.model.validation import iter_located
from designer.model.yaml_text import compose, locator

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
YAMLS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".yaml", ".yml"))

TEXT = """# a menu
version: 1.0.0
sections:
  main:
    - answer: {}
    # the greeting
    - play:
        url: "say:Hello"   # kept

    - record_call:
        format: mp3
        beep: true
    - switch:
        variable: prompt_value
        case:
          '1':
            - play: { url: "say:Sales" }
        default:
          - hangup: {}
  other:
    - hangup: {}
"""


def nesting():
    return load_catalog().nesting


def whole_locator(text: str):
    root, values = compose(text)
    return locator(root, values)


def proven_depth(doc) -> int:
    proven = doc.source.yaml.proven
    return -1 if proven is None else proven.depth


def assert_same_as_slow(doc) -> str:
    """The fast text equals the slow one, and every path is located on the same line."""
    quick = dumps(doc)
    slow_doc_text = dumps(doc, thorough=True)
    assert quick == slow_doc_text
    fast_find, full_find = locate(quick, "yaml"), whole_locator(quick)
    for _step, path, _section in iter_located(doc):
        if path is not None:
            assert fast_find(path) == full_find(path), path
    return quick


def test_one_param_edit_takes_the_fast_path_and_matches_the_slow_one():
    doc = loads(TEXT, "yaml", nesting=nesting())
    record = next(s for s in doc.walk() if s.method == "record_call")
    doc.set_param(record, ("format",), "wav")
    text = dumps(doc)
    assert proven_depth(doc) == 1  # proven locally, not by parsing the whole text
    assert "format: wav" in text and "# the greeting" in text and '"say:Hello"   # kept' in text
    assert text == loads(TEXT, "yaml", nesting=nesting()).source.text.replace("format: mp3", "format: wav")
    assert_same_as_slow(doc)


def test_edits_inside_a_nested_step_and_growing_a_step_keep_lines_right():
    doc = loads(TEXT, "yaml", nesting=nesting())
    sales = next(s for s in doc.walk() if s.method == "play" and "Sales" in str(s.params))
    doc.set_param(sales, ("volume",), 5)
    assert_same_as_slow(doc)
    greeting = next(s for s in doc.walk() if s.method == "play")
    doc.set_param(greeting, ("urls",), ["say:one", "say:two", "silence:2"])  # more lines than before
    dumps(doc)
    assert proven_depth(doc) >= 1
    assert_same_as_slow(doc)


def test_inserts_and_several_steps_in_one_section_are_proven_by_the_changed_items():
    doc = loads(TEXT, "yaml", nesting=nesting())
    main = doc.sections[0].steps
    doc.insert_step(main, 1, Step("hangup", {}))
    dumps(doc)
    assert proven_depth(doc) == 1  # the run of changed items parsed, not the whole text
    assert_same_as_slow(doc)
    first, second = main.steps[0], main.steps[2]
    doc.set_param(first, ("x",), 1)
    doc.set_param(second, ("volume",), 3)
    dumps(doc)
    assert proven_depth(doc) == 2  # one more link in the chain of local proofs
    assert_same_as_slow(doc)


def test_changes_in_two_sections_or_to_sections_take_the_slow_path():
    doc = loads(TEXT, "yaml", nesting=nesting())
    main, other = doc.sections[0].steps, doc.sections[1].steps
    doc.move_step(main.steps[0], other, 0)
    dumps(doc)
    assert proven_depth(doc) == 0  # parsed whole
    doc.rename_section(doc.sections[1], "later")
    dumps(doc)
    assert proven_depth(doc) == 0
    doc.add_section(Section("third", StepList([Step("hangup", {})])))
    dumps(doc)
    assert proven_depth(doc) == 0
    assert_same_as_slow(doc)


def test_a_splicing_mistake_outside_the_edited_step_is_caught():
    doc = loads(TEXT, "yaml", nesting=nesting())
    dumps(doc)
    source = doc.source.yaml
    record = next(s for s in doc.walk() if s.method == "record_call")
    doc.set_param(record, ("format",), "wav")
    real = source.render_lines

    def broken(d):
        lines = real(d)
        return [line.replace("prompt_value", "prompt_valu") for line in lines]

    source.render_lines = broken
    assert yaml_quick.quick_text(doc, source) is None  # the change is not confined to the step


def test_a_wrong_rendering_of_the_edited_step_is_caught():
    doc = loads(TEXT, "yaml", nesting=nesting())
    source = doc.source.yaml
    record = next(s for s in doc.walk() if s.method == "record_call")
    doc.set_param(record, ("format",), "wav")
    real = source.render_lines
    source.render_lines = lambda d: [line.replace("format: wav", "format: ogg") for line in real(d)]
    assert yaml_quick.quick_text(doc, source) is None


def test_anchors_turn_the_fast_path_off():
    text = "version: 1.0.0\nsections:\n  main:\n    - play: &greet {url: 'say:hi'}\n    - play: *greet\n"
    doc = loads(text, "yaml", nesting=nesting())
    assert not doc.source.yaml.quick_ok
    doc.set_param(doc.sections[0].steps.steps[0], ("volume",), 2)
    dumps(doc)
    assert proven_depth(doc) <= 0  # never a local proof


def test_the_chain_of_local_proofs_is_bounded():
    doc = loads(TEXT, "yaml", nesting=nesting())
    record = next(s for s in doc.walk() if s.method == "record_call")
    depths = []
    for i in range(splice_check.MAX_CHAIN + 3):
        doc.set_param(record, ("input_sensitivity",), i)
        dumps(doc)
        depths.append(proven_depth(doc))
    assert max(depths) == splice_check.MAX_CHAIN and 0 in depths
    assert_same_as_slow(doc)


@pytest.mark.parametrize("path", YAMLS, ids=lambda p: p.name)
def test_random_param_edits_on_real_scripts_match_the_slow_path(path):
    doc = load(path)
    doc.nesting = nesting()
    rng = random.Random(path.name)
    steps = [s for s in doc.walk() if s.form == "method" and isinstance(s.params, dict)
             and doc.section_of(s) is not None]
    if not steps:
        pytest.skip("no step with a params mapping")
    for i in range(6):
        step = rng.choice(steps)
        keys = [k for k, v in step.params.items() if isinstance(v, (str, int, bool))]
        if keys and rng.random() < 0.7:
            doc.set_param(step, (rng.choice(keys),), f"edited {i}")
        else:
            doc.set_param(step, (f"x_{i}",), i)
        assert_same_as_slow(doc)


def test_most_single_step_edits_of_real_scripts_are_proven_locally():
    fast = total = 0
    for path in YAMLS:
        doc = load(path)
        rng = random.Random(path.name)
        steps = [s for s in doc.walk() if s.form == "method" and isinstance(s.params, dict)
                 and doc.section_of(s) is not None]
        for i in range(3 if steps else 0):
            doc.set_param(rng.choice(steps), (f"x_{i}",), i)
            dumps(doc)
            fast += proven_depth(doc) > 0
            total += 1
    assert total > 100 and fast / total > 0.9, (fast, total)


def test_settle_flattens_a_long_chain_without_changing_the_text():
    from designer.model.swml_io import settle
    doc = loads(TEXT, "yaml", nesting=nesting())
    record = next(s for s in doc.walk() if s.method == "record_call")
    assert settle(doc)  # the first pause after opening renders every step once
    assert not settle(doc)  # nothing to do now
    for i in range(yaml_quick.SETTLE_FROM + 1):
        doc.set_param(record, ("input_sensitivity",), i)
        text = dumps(doc)
    assert proven_depth(doc) > yaml_quick.SETTLE_FROM - 1
    assert settle(doc) and proven_depth(doc) == 0
    assert dumps(doc) == text
    doc.set_param(record, ("input_sensitivity",), 99)
    dumps(doc)
    assert proven_depth(doc) == 1  # the next edit is proven locally again
    assert_same_as_slow(doc)


def test_a_pause_after_opening_renders_every_step_once_so_the_first_edit_renders_one(monkeypatch):
    from designer.model.swml_io import settle
    from designer.model.yaml_splice import YamlSource
    doc = loads(TEXT, "yaml", nesting=nesting())
    assert settle(doc)
    rendered = []
    real = YamlSource._step_lines
    monkeypatch.setattr(YamlSource, "_step_lines", lambda self, step, column: rendered.append(step.id) or real(self, step, column))
    record = next(s for s in doc.walk() if s.method == "record_call")
    doc.set_param(record, ("format",), "wav")
    text = dumps(doc)
    assert rendered == [record.id] and proven_depth(doc) == 1
    assert text == loads(TEXT, "yaml", nesting=nesting()).source.text.replace("format: mp3", "format: wav")
    assert_same_as_slow(doc)
