"""Lossless SWML load/save: untouched text keeps its bytes, an edit changes only its own lines."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.model.document import Document, Step
from designer.model.schema import load_schema
from designer.model.swml_io import ParseError, detect_format, dumps, load, loads, locate, save
from designer.model.yaml_splice import same

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ALL = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
BROKEN = {"106_de-tap-tool.json"}
GOOD = [p for p in ALL if p.name not in BROKEN]
YAMLS = [p for p in GOOD if p.suffix != ".json"]
#: JSON files, hand-made layout included (inline arrays, odd indentation, lines of spaces): an edit
#: splices the original text (more JSON cases in test_json_splice.py).
JSONS = [p for p in GOOD if p.suffix == ".json"]


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def order(data) -> str:
    return json.dumps(data, default=str)


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        (removed if line.startswith("-") else added).append(line[1:])
    return removed, added


def middle_step(doc: Document, want=lambda s: True) -> Step:
    steps = [s for s in doc.walk() if want(s)]
    return steps[len(steps) // 2]


# ---------------------------------------------------------------------- bar 1 and 2
@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_unchanged_script_saves_byte_identical(path):
    assert dumps(load(path)) == read(path)


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_save_then_load_gives_equal_data_in_same_order(path, fmt):
    doc = load(path)
    again = loads(dumps(doc, fmt), fmt)
    assert same(again.to_data(), doc.to_data())
    assert order(again.to_data()) == order(doc.to_data())


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_edited_script_reloads_to_the_model_data(path):
    doc = load(path)
    step = middle_step(doc)
    doc.set_param(step, ("format",), "mp3")
    assert same(loads(dumps(doc), doc.source.fmt).to_data(), doc.to_data())


def test_broken_json_fixture_reports_line_and_column():
    with pytest.raises(ParseError) as info:
        load(FIXTURES / "106_de-tap-tool.json")
    err = info.value
    assert (err.line, err.column) == (11, 7)
    assert err.path.endswith("106_de-tap-tool.json")
    assert "comma" in err.message


# ---------------------------------------------------------------------- bar 3: minimal diffs
@pytest.mark.parametrize("path", YAMLS + JSONS, ids=lambda p: p.name)
def test_setting_one_param_changes_only_that_step_lines(path):
    doc = load(path)
    if not any(s.form == "method" and isinstance(s.params, dict) for s in doc.walk()):
        pytest.skip("no step with a params mapping")
    step = middle_step(doc, lambda s: s.form == "method" and isinstance(s.params, dict))
    value = "mp4" if step.get(("format",)) == "mp3" else "mp3"
    # JSON: an empty ``{}`` gaining its first key opens up with the detected indent (3 lines)
    most = 3 if path.suffix == ".json" and not step.params else 2
    doc.set_param(step, ("format",), value)
    removed, added = changed_lines(read(path), dumps(doc))
    assert len(removed) <= 1 and 1 <= len(added) <= most
    assert any(value in line for line in added)
    if path.suffix == ".json":  # the line before the new key only gains a comma
        added = [line for line in added if line.rstrip(",") not in removed]
        removed = []
    assert all("format" in line or step.method in line or line.strip() == "}" for line in removed + added)


@pytest.mark.parametrize("path", YAMLS, ids=lambda p: p.name)
def test_inserting_a_step_adds_one_line(path):
    doc = load(path)
    step = middle_step(doc)
    doc.insert_step(step.parent, step.parent.index(step), Step("hangup", {}))
    removed, added = changed_lines(read(path), dumps(doc))
    assert removed == [] and len(added) == 1 and added[0].strip() == "- hangup: {}"


@pytest.mark.parametrize("path", YAMLS, ids=lambda p: p.name)
def test_removing_a_step_removes_only_its_lines(path):
    doc = load(path)
    steps = [s for s in doc.walk() if len(s.parent) > 1]
    if not steps:
        pytest.skip("no list with two steps")
    step = steps[len(steps) // 2]
    doc.remove_step(step)
    before = read(path).splitlines()
    removed, added = changed_lines("\n".join(before), dumps(doc))
    assert added == [] and removed
    start = next(i for i in range(len(before)) if before[i:i + len(removed)] == removed)
    assert start >= 0  # one contiguous block of the original


@pytest.mark.parametrize("path", YAMLS, ids=lambda p: p.name)
def test_moving_a_step_moves_its_lines_unchanged(path):
    doc = load(path)
    main = doc.sections[0].steps
    if len(main) < 2:
        pytest.skip("one step only")
    doc.move_step(main[len(main) - 1], main, 0)
    removed, added = changed_lines(read(path), dumps(doc))
    assert sorted(removed) == sorted(added)
    assert same(loads(dumps(doc)).to_data(), doc.to_data())


# ---------------------------------------------------------------------- bar 4: comments follow steps
COMMENTED = """\
# header stays
version: 1.0.0
sections:
  main:
    # greet first
    - answer: {}
    # then record
    - record_call:
        format: wav   # keep this note
        stereo: true
    - hangup: {}
# trailing comment stays
"""


def test_comment_above_a_step_moves_with_it():
    doc = loads(COMMENTED)
    main = doc.sections[0].steps
    doc.move_step(main[1], main, 0)
    text = dumps(doc)
    assert text.splitlines()[4:7] == ["    # then record", "    - record_call:", "        format: wav   # keep this note"]
    assert text.startswith("# header stays\n") and text.endswith("# trailing comment stays\n")


def test_comment_above_a_step_goes_away_with_it():
    doc = loads(COMMENTED)
    doc.remove_step(doc.sections[0].steps[1])
    text = dumps(doc)
    assert "then record" not in text and "keep this note" not in text
    assert "# greet first" in text


def test_changing_a_value_keeps_the_comment_on_its_line():
    doc = loads(COMMENTED)
    doc.set_param(doc.sections[0].steps[1], ("format",), "mp3")
    assert "        format: mp3   # keep this note\n" in dumps(doc)


def test_step_moved_into_a_nested_list_is_reindented():
    text = "sections:\n  main:\n    - answer: {}\n    - switch:\n        variable: x\n        case:\n          a:\n            - hangup: {}\n"
    doc = loads(text)
    main = doc.sections[0].steps
    branch = main[1].child_lists()[0][1]
    doc.move_step(main[0], branch, 0)
    out = dumps(doc)
    assert "            - answer: {}\n            - hangup: {}\n" in out
    assert same(loads(out).to_data(), doc.to_data())


# ---------------------------------------------------------------------- scalars, formats, new docs
SCALARS = 'version: "1.0.0"\nsections:\n  main:\n    - set:\n        a: 30\n        b: 30.0\n        c: "1.0.0"\n        d: 1.0.0\n        e: "true"\n        f: true\n'


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_scalar_types_survive_edit_and_format_change(fmt):
    doc = loads(SCALARS)
    doc.set_param(doc.sections[0].steps[0], ("g",), "x")
    again = loads(dumps(doc, fmt), fmt).sections[0].steps[0].params
    assert [type(again[k]) for k in "abcdef"] == [int, float, str, str, str, bool]
    assert again["d"] == "1.0.0"


def test_new_document_is_written_in_docs_style():
    doc = Document.new()
    doc.insert_step(doc.sections[0].steps, 0, Step("answer", {}))
    doc.insert_step(doc.sections[0].steps, 1, Step("play", {"url": "say:Grüß dich"}))
    assert dumps(doc) == "version: 1.0.0\nsections:\n  main:\n    - answer: {}\n    - play:\n        url: say:Grüß dich\n"
    assert dumps(doc, "json").endswith("}\n") and json.loads(dumps(doc, "json")) == doc.to_data()


def test_bom_and_crlf_are_kept():
    text = "\ufeffversion: 1.0.0\r\nsections:\r\n  main:\r\n    - answer: {}\r\n"
    doc = loads(text)
    assert dumps(doc) == text
    doc.insert_step(doc.sections[0].steps, 1, Step("hangup", {}))
    assert dumps(doc) == text + "    - hangup: {}\r\n"


def test_detect_format():
    assert detect_format("{}", "a.yaml") == "yaml"
    assert detect_format("x: 1", "a.JSON") == "json"
    assert detect_format('  {"a": 1}') == "json"
    assert detect_format("a: 1") == "yaml"


@pytest.mark.parametrize("text,line", [("- answer\n", 1), ("sections:\n  main: [\n", 3), ("a: b: c\n", 1)])
def test_bad_yaml_raises_parse_error_with_position(text, line):
    with pytest.raises(ParseError) as info:
        loads(text, "yaml")
    assert info.value.line == line and info.value.column >= 1 and info.value.message


def test_save_is_atomic_and_refreshes_the_source(tmp_path):
    path = tmp_path / "flow.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    doc = load(path)
    doc.set_param(doc.sections[0].steps[1], ("format",), "mp3")
    save(doc, path)
    assert "format: mp3   # keep this note" in path.read_text()
    doc.set_param(doc.sections[0].steps[1], ("beep",), True)
    save(doc, path)
    removed, added = changed_lines(COMMENTED.replace("format: wav", "format: mp3"), path.read_text())
    assert removed == [] and added == ["        beep: true"]
    save(doc, tmp_path / "flow.json")
    assert json.loads((tmp_path / "flow.json").read_text()) == doc.to_data()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_locate_points_at_values_in_yaml_and_json():
    where = locate(COMMENTED, "yaml")
    assert where(("sections", "main", 1, "record_call", "format")) == (9, 17)
    assert where(("sections", "main", 1, "record_call", "missing")) == (8, 7)
    assert where(("version",)) == (2, 10)
    text = dumps(loads(COMMENTED), "json")
    where = locate(text, "json")
    line, col = where(("sections", "main", 1, "record_call", "format"))
    assert text.splitlines()[line - 1][col - 1:].startswith('"wav"')


# ---------------------------------------------------------------------- property test
METHODS = sorted(load_schema().method_defs)
KEYS = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True)
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                   st.floats(allow_nan=False, allow_infinity=False, width=32), st.text(max_size=20))
STEP = st.builds(lambda m, p: {m: p}, st.sampled_from(METHODS), st.dictionaries(KEYS, SCALAR, max_size=4))
DOCS = st.builds(lambda sections: {"version": "1.0.0", "sections": sections},
                 st.dictionaries(KEYS, st.lists(STEP, max_size=5), min_size=1, max_size=3))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS, st.sampled_from(["yaml", "json"]))
def test_random_documents_round_trip(data, fmt):
    doc = Document.from_data(data)
    text = dumps(doc, fmt)
    again = loads(text, fmt).to_data()
    assert same(again, doc.to_data())
    assert same(loads(dumps(loads(text, fmt), fmt), fmt).to_data(), again)


def test_a_changed_quoted_value_keeps_its_quotes_and_trailing_comment():
    src = ('version: "1.0.0"\nsections:\n  main:\n    - record_call:\n'
           '        format: "mp3"  # smaller files\n        control_id: \'rec\'\n')
    doc = loads(src, "yaml")
    step = doc.sections[0].steps[0]
    doc.set_param(step, ("format",), "wav")
    doc.set_param(step, ("control_id",), "it's")
    out = dumps(doc)
    assert out == src.replace('"mp3"', '"wav"').replace("'rec'", "'it''s'")
    assert loads(out, "yaml").to_data() == doc.to_data()


@pytest.mark.parametrize("edit", ["first section", "step before a blank line"])
def test_blank_lines_and_loose_comments_after_a_changed_entry_are_kept(edit):
    text = ("version: 1.0.0\nsections:\n  main:\n    - answer: {}\n    - play:\n        url: say:hi\n"
            "        volume: 2\n\n    # a loose comment\n\n    - hangup: {}\n\n  # about b\n\n  b:\n    - hangup: {}\n")
    doc = loads(text, "yaml")
    play = doc.sections[0].steps.steps[1]
    doc.set_param(play, ("url",), "say:yo")
    if edit == "first section":
        doc.set_param(doc.sections[0].steps.steps[2], ("reason",), "busy")
    out = dumps(doc, thorough=True)
    removed, added = changed_lines(text, out)
    assert [r.strip() for r in removed] == ["url: say:hi"] + (["- hangup: {}"] if edit == "first section" else [])
    assert "# a loose comment" in out and "# about b" in out and out.count("\n\n") == text.count("\n\n")
