"""JSON saving splices the original text: an edit changes only its own lines, the rest keeps its bytes."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.model.document import Step
from designer.model.json_splice import scan, splice
from tests.model.test_swml_io import changed_lines
from designer.model.swml_io import dumps, load, loads, save
from designer.model.yaml_splice import same

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
JSONS = sorted(p for p in FIXTURES.glob("*.json") if p.name != "106_de-tap-tool.json")


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def spliced(doc) -> str:
    """The spliced text, checked to be what ``dumps`` writes (no fallback to a whole re-dump)."""
    text = dumps(doc)
    raw = doc.source.json.render(doc)
    assert text == raw, "the splice was rejected and the document re-dumped"
    assert same(json.loads(text), doc.to_data())
    return text


def test_every_json_fixture_is_covered():
    assert {p.name for p in JSONS} >= {"072_docs-swml-executing_swml.json", "100_docs-server-sdks-swml.json",
                                        "103_de-ai-calendar-demo.json", "105_de-moviebot.json"}


@pytest.mark.parametrize("path", JSONS, ids=lambda p: p.name)
def test_scanner_positions_match_the_text(path):
    text = read(path)
    root = scan(text)
    assert json.loads(text[root.start:root.end]) == json.loads(text)
    stack = [root]
    while stack:
        node = stack.pop()
        if node.kind == "o":
            for key, key_start, key_end, child in node.items:
                assert json.loads(text[key_start:key_end]) == key
                stack.append(child)
        elif node.kind == "a":
            stack.extend(node.items)
        else:
            assert same(json.loads(text[node.start:node.end]), node.value)


@pytest.mark.parametrize("path", JSONS, ids=lambda p: p.name)
def test_unchanged_json_saves_byte_identical(path):
    assert dumps(load(path)) == read(path)


@pytest.mark.parametrize("path", JSONS, ids=lambda p: p.name)
def test_setting_one_param_changes_only_that_line(path):
    doc = load(path)
    steps = [s for s in doc.walk() if s.form == "method" and isinstance(s.params, dict) and s.params]
    step = steps[len(steps) // 2]
    value = "mp4" if step.get(("format",)) == "mp3" else "mp3"
    doc.set_param(step, ("format",), value)
    removed, added = changed_lines(read(path), spliced(doc))
    assert len(removed) <= 1 and 1 <= len(added) <= 2
    assert [line for line in added if value in line] and all('"format"' in line for line in added if value in line)
    if len(added) == 2:  # a new last key: the line before only gains a comma
        assert removed and removed[0] + "," in added


@pytest.mark.parametrize("path", JSONS, ids=lambda p: p.name)
def test_inserting_a_step_only_adds_lines(path):
    doc = load(path)
    steps = list(doc.walk())
    step = steps[len(steps) // 2]
    doc.insert_step(step.parent, step.parent.index(step), Step("hangup", {}))
    removed, added = changed_lines(read(path), spliced(doc))
    assert removed == [] and 1 <= len(added) <= 3
    assert any('"hangup": {}' in line for line in added)


def drop_comma_change(removed: list[str], added: list[str]) -> list[str]:
    """Removed lines without the one line that only lost its comma (it shows up added without it)."""
    assert len(added) <= 1
    if added:
        match = [i for i, line in enumerate(removed) if line.rstrip(",") == added[0].rstrip(",") and line != added[0]]
        assert match, added
        removed = removed[:match[0]] + removed[match[0] + 1:]
    return removed


@pytest.mark.parametrize("path", JSONS, ids=lambda p: p.name)
def test_removing_a_step_removes_only_its_lines(path):
    doc = load(path)
    steps = [s for s in doc.walk() if len(s.parent) > 1]
    if not steps:
        pytest.skip("no list with two steps")
    for index in (len(steps) // 2, -1, 0):
        doc = load(path)
        doc.remove_step([s for s in doc.walk() if len(s.parent) > 1][index])
        before = read(path).splitlines()
        removed, added = changed_lines(read(path), spliced(doc))
        removed = drop_comma_change(removed, added)
        assert removed
        assert any(before[i:i + len(removed)] == removed for i in range(len(before))), "not one contiguous block"


@pytest.mark.parametrize("path", JSONS, ids=lambda p: p.name)
@pytest.mark.parametrize("where", ["first", "last"])
def test_moving_a_step_moves_its_lines(path, where):
    doc = load(path)
    lists = [s.parent for s in doc.walk() if len(s.parent) > 1]
    if not lists:
        pytest.skip("no list with two steps")
    steps = lists[0]
    if where == "first":
        doc.move_step(steps[len(steps) - 1], steps, 0)
    else:
        doc.move_step(steps[0], steps, len(steps) - 1)
    removed, added = changed_lines(read(path), spliced(doc))
    assert removed and sorted(x.rstrip(",") for x in removed) == sorted(x.rstrip(",") for x in added)


# ---------------------------------------------------------------------- small hand-made cases
HAND = '{\n   "version": "1.0.0",\n  "sections": {\n    "main": [\n      { "answer": {} },\n    \n      {\n' \
       '        "switch": {\n          "variable": "x",\n          "case": { "a": [ { "stop": true } ] },\n' \
       '          "hints": ["a", "b"]\n        }\n      },\n      {\n        "hangup": {}\n      }\n    ]\n  }\n}'


def test_inline_containers_stay_inline_and_odd_lines_stay():
    doc = loads(HAND, "json")
    switch = doc.sections[0].steps[1]
    doc.set_param(switch, ("hints",), ["a", "b", "c"])
    text = spliced(doc)
    assert text == HAND.replace('["a", "b"]', '["a", "b", "c"]')


def test_changed_scalar_is_replaced_in_place():
    doc = loads(HAND, "json")
    doc.set_param(doc.sections[0].steps[1], ("variable",), "ÿ\"q")
    assert spliced(doc) == HAND.replace('"variable": "x"', '"variable": "ÿ\\"q"')


def test_removing_the_last_key_drops_its_comma():
    doc = loads(HAND, "json")
    doc.unset_param(doc.sections[0].steps[1], ("hints",))
    assert spliced(doc) == HAND.replace(',\n          "hints": ["a", "b"]', "")


def test_step_moved_into_a_nested_list_keeps_its_text_reindented():
    doc = loads(HAND, "json")
    main = doc.sections[0].steps
    branch = main[1].child_lists()[0][1]
    doc.move_step(main[2], branch, 1)
    text = spliced(doc)
    assert '"case": { "a": [ { "stop": true }, {\n            "hangup": {}\n          } ] },' in text
    assert text.startswith('{\n   "version": "1.0.0",\n') and not text.endswith("\n")


def test_step_moved_out_of_a_nested_list():
    text = '{\n  "sections": {\n    "main": [\n      {\n        "cond": [\n          {\n            "when": "x",\n' \
           '            "then": [\n              {\n                "play": {\n                  "url": "a"\n' \
           '                }\n              }\n            ]\n          }\n        ]\n      }\n    ]\n  }\n}\n'
    doc = loads(text, "json")
    main = doc.sections[0].steps
    inner = main[0].child_lists()[0][1]
    doc.move_step(inner[0], main, 1)
    out = spliced(doc)
    assert '      },\n      {\n        "play": {\n          "url": "a"\n        }\n      }\n    ]' in out


def test_save_refreshes_the_step_map(tmp_path):
    path = tmp_path / "flow.json"
    path.write_text(HAND, encoding="utf-8")
    doc = load(path)
    main = doc.sections[0].steps
    doc.move_step(main[2], main, 0)
    save(doc, path)
    doc.move_step(main[0], main, 2)  # moved back with the ids of the saved file's steps
    lines = [line for line in spliced(doc).split("\n") if line.strip()]
    assert lines == [line for line in HAND.split("\n") if line.strip()]  # a blank separator line may move


# ---------------------------------------------------------------------- property test
KEYS = st.sampled_from(["a", "b", "c", "d", "é", "k\"q", "x y"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-1000, 1000),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=6))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(KEYS, inner, max_size=4)), max_leaves=20)
DOCS = st.dictionaries(KEYS, VALUES, min_size=1, max_size=4)


def render(value, draw, indent: str = "") -> str:
    """``value`` as JSON text in a random hand-made style (inline or not, odd indents, blank lines)."""
    if not isinstance(value, (dict, list)) or not value:
        return json.dumps(value, ensure_ascii=draw(st.booleans()))
    opening, closing = "{}" if isinstance(value, dict) else "[]"
    items = list(value.items()) if isinstance(value, dict) else list(enumerate(value))
    if draw(st.integers(0, 3)) == 0:  # inline
        pad = draw(st.sampled_from(["", " "]))
        sep = draw(st.sampled_from([", ", ",", " , "]))
        inner = indent
    else:
        inner = indent + draw(st.sampled_from([" ", "  ", "   ", "    ", "\t"]))
        blank = draw(st.sampled_from(["", "", "\n  ", "\n"]))
        pad = "\n" + inner
        sep = "," + blank + "\n" + inner
        closing = "\n" + indent + closing
        opening += blank
    colon = draw(st.sampled_from([": ", ":", " : "]))
    parts = [(json.dumps(k) + colon if isinstance(value, dict) else "") + render(v, draw, inner) for k, v in items]
    return opening + pad + sep.join(parts) + (closing if closing.startswith("\n") else pad + closing)


def containers(value, path=()):
    if isinstance(value, (dict, list)):
        yield path, value
        for k, v in (value.items() if isinstance(value, dict) else enumerate(value)):
            yield from containers(v, path + (k,))


def edit(value, draw):
    """One random edit somewhere in ``value`` (changed in place)."""
    path, target = draw(st.sampled_from(list(containers(value))))
    op = draw(st.sampled_from(["set", "add", "remove", "move", "replace"]))
    if isinstance(target, dict):
        keys = list(target)
        if op == "add" or not keys:
            target[draw(st.text(min_size=1, max_size=3))] = draw(VALUES)
        elif op == "remove":
            del target[draw(st.sampled_from(keys))]
        elif op == "move":
            key = draw(st.sampled_from(keys))
            target[key] = target.pop(key)
        else:
            target[draw(st.sampled_from(keys))] = draw(VALUES if op == "replace" else SCALARS)
    else:
        if op == "add" or not target:
            target.insert(draw(st.integers(0, len(target))), draw(VALUES))
        elif op == "remove":
            del target[draw(st.integers(0, len(target) - 1))]
        elif op == "move":
            item = target.pop(draw(st.integers(0, len(target) - 1)))
            target.insert(draw(st.integers(0, len(target))), item)
        else:
            target[draw(st.integers(0, len(target) - 1))] = draw(VALUES if op == "replace" else SCALARS)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS, st.data())
def test_random_hand_formatted_documents_splice_to_the_new_data(data, drawer):
    text = render(data, drawer.draw) + drawer.draw(st.sampled_from(["", "\n", "  \n"]))
    assert same(json.loads(text), data)
    assert splice(text, data) == text
    new = copy.deepcopy(data)
    for _ in range(drawer.draw(st.integers(1, 3))):
        edit(new, drawer.draw)
    out = splice(text, new)
    assert same(json.loads(out), new)
    assert json.dumps(json.loads(out)) == json.dumps(new)  # key order too


METHODS = st.sampled_from(["answer", "play", "hangup", "cond", "goto"])
STEPS = st.builds(lambda m, p: {m: p}, METHODS, st.dictionaries(KEYS, SCALARS, max_size=3))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["main", "b", "c"]), st.lists(STEPS, min_size=1, max_size=4), min_size=1),
       st.data())
def test_random_step_moves_keep_their_text(sections, drawer):
    data = {"version": "1.0.0", "sections": sections}
    text = render(data, drawer.draw)
    doc = loads(text, "json")
    for _ in range(drawer.draw(st.integers(1, 3))):
        lists = [s.steps for s in doc.sections]
        source = drawer.draw(st.sampled_from([lst for lst in lists if len(lst)] or [None]))
        if source is None:
            break
        step = source[drawer.draw(st.integers(0, len(source) - 1))]
        target = drawer.draw(st.sampled_from(lists))
        doc.move_step(step, target, drawer.draw(st.integers(0, len(target) - (target is source))))
    out = spliced(doc)
    for step in doc.walk():  # each moved step is still written as it was
        assert out.count(json.dumps(step.method)) >= 1
