"""Proofs of a run of changed items: never wrong, whatever the change (they may only decline),
and taken for the edits they are for (insert, delete, move within a section)."""

from __future__ import annotations

import random

import pytest

from designer.model import splice_check
from designer.model.catalog import load_catalog
from designer.model.document import Step
from designer.model.splice_items import local_items
from designer.model.swml_io import dumps, load, loads, locate
from designer.model.yaml_splice import same
from designer.model.yaml_text import compose, locator
from tests.conftest import YAML_SCRIPTS

SCRIPTS = YAML_SCRIPTS

TEXT = """# a menu
version: 1.0.0
sections:
  main:
    - answer: {}
    # the greeting
    - play:
        url: "say:Hello"   # kept

    - record_call:
        say: |+
          kept blank lines

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

LINES = ["    - hangup: {}", "    - play: say:x", "        url: y", "      x: 1", "    # note", "", "  other:",
         "    - 'a", "    - [b,", "    -", "  - z: 1", "          more", "    - ~", "    - &a 1", "    - <<: {}",
         "    - a: |+", "        - nested", "- top", "    - c: d", "      - e"]


def whole(lines):
    root, values = compose("\n".join(lines))
    return values.get(root), locator(root, values)


def proof_of(text):
    lines = text.split("\n")
    root, values = compose(text)
    return splice_check.whole(lines, root, values)


def item_paths(data):
    for name, items in data["sections"].items():
        if isinstance(items, list):
            for k in range(-len(items) - 1, len(items) + 1):
                yield ("sections", name, k)
                yield ("sections", name, k, "play", "url")


def assert_right(result, lines):
    """A proof given must say exactly what the whole text says."""
    if result is None:
        return False
    try:
        data, find = whole(lines)
    except Exception:  # noqa: BLE001
        pytest.fail("a proof was given for a text that does not parse")
    assert same(result.data, data)
    for path in item_paths(data):
        assert result.find(path) == find(path), path
    return True


def test_random_changes_of_lines_never_give_a_wrong_proof():
    rng = random.Random(11)
    prev = proof_of(TEXT)
    proven = 0
    for _ in range(3000):
        lines = list(prev.lines)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(lines))
            move = rng.random()
            if move < 0.35:
                lines.insert(at, rng.choice(LINES))
            elif move < 0.6 and len(lines) > 3:
                del lines[at]
            elif move < 0.8:
                lines[at] = rng.choice(LINES)
            else:  # a run of lines moved elsewhere, as a moved block is
                end = min(len(lines), at + rng.randint(1, 6))
                run = lines[at:end]
                del lines[at:end]
                spot = rng.randint(0, len(lines))
                lines[spot:spot] = run
        for name in ("main", "other"):
            proven += assert_right(local_items(prev, lines, name, 4, lambda *_: True), lines)
    assert proven > 100  # the changes that are whole items are proven


@pytest.mark.parametrize("script", SCRIPTS[::3], ids=lambda p: p.name)
def test_inserts_deletes_and_moves_in_real_scripts_are_proven_locally_and_right(script):
    doc = load(script)
    doc.nesting = load_catalog().nesting
    rng = random.Random(script.name)
    fast = 0
    for i in range(8):
        sections = [s for s in doc.sections if len(s.steps)]
        if not sections:
            pytest.skip("no section with steps")
        steps = rng.choice(sections).steps
        kind = i % 3
        if kind == 0:
            doc.insert_step(steps, rng.randint(0, len(steps)), Step("play", {"url": f"say:{i}"}))
        elif kind == 1 and len(steps) > 1:
            doc.remove_step(rng.choice(steps.steps))
        else:
            step = rng.choice(steps.steps)
            doc.move_step(step, steps, rng.randint(0, len(steps) - 1))
        before = doc.source.yaml.proven
        quick = dumps(doc)
        after = doc.source.yaml.proven
        fast += after is not None and before is not None and after.depth == before.depth + 1
        data, find = whole(quick.replace("\r\n", "\n").removeprefix("\ufeff").split("\n"))
        assert same(data, doc.to_data())
        assert after is None or same(after.data, data)
        assert dumps(doc, thorough=True) == quick
        fast_find = locate(quick, "yaml")
        for path in item_paths(data):
            assert fast_find(path) == find(path), path
    if doc.source.yaml.quick_ok and "\n  - " not in doc.source.text:
        assert fast > 0


def test_a_wrong_item_in_the_run_is_caught_by_the_model_check():
    doc = loads(TEXT, "yaml", nesting=load_catalog().nesting)
    main = doc.sections[0].steps
    doc.insert_step(main, 1, Step("hangup", {}))
    source = doc.source.yaml
    real = source.render_lines
    source.render_lines = lambda d: [line.replace("- hangup: {}", "- hangup: {x: 1}") for line in real(d)]
    from designer.model import yaml_quick
    assert yaml_quick.quick_text(doc, source) is None


def test_random_changes_never_give_a_wrong_one_item_proof_either():
    rng = random.Random(12)
    prev = proof_of(TEXT)
    proven = 0
    for _ in range(3000):
        lines = list(prev.lines)
        at = rng.randrange(len(lines))
        if rng.random() < 0.5:
            lines.insert(at, rng.choice(LINES))
        else:
            lines[at] = rng.choice(LINES)
        for name, count in (("main", 4), ("other", 1)):
            for index in range(count):
                result = splice_check.local(prev, lines, ("sections", name, index), None, 4, lambda *_: True)
                proven += assert_right(result, lines)
    assert proven > 100
