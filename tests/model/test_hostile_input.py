"""Hostile and unusual input (issue 10, cases 1-4, 6 and 13): refused with a plain message and a
position, quickly and within memory, with nothing built from it."""

from __future__ import annotations

import pytest

from designer.model import limits
from designer.model.swml_io import ParseError, load, loads, locate

BOMB = "\n".join(
    [f'a: &a [{", ".join(["lol"] * 9)}]']
    + [f"{b}: &{b} [{', '.join(['*' + a] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi")]) + "\n"
SCRIPT = "version: 1.0.0\nsections:\n  main:\n  - answer: {}\n"


def refused(text: str, fmt: str = "yaml") -> ParseError:
    with pytest.raises(ParseError) as info:
        loads(text, fmt)
    return info.value


def test_billion_laughs_is_refused_at_the_alias_that_crosses_the_limit():
    error = refused(BOMB)
    assert "aliases" in error.message and f"{limits.MAX_VALUES:,}" in error.message
    assert error.line is not None and error.line > 1 and error.column is not None


def test_quadratic_aliases_are_refused():
    block = "x: &x [" + ", ".join(["v"] * 2000) + "]\n"
    text = block + "y: [" + ", ".join(["*x"] * 2000) + "]\n"
    assert "aliases" in refused(text).message


def test_ordinary_aliases_still_open():
    text = ("version: 1.0.0\nsections:\n  main:\n  - play: &greeting\n      url: say:hi\n"
            "  - play: *greeting  # again\n")
    doc = loads(text)
    assert [s.params for s in doc.sections[0].steps] == [{"url": "say:hi"}] * 2


@pytest.mark.parametrize("text,fmt", [
    ("a: " + "[" * 999 + "]" * 999, "yaml"),
    ("a:\n" + "".join(" " * i + "- \n" for i in range(1, 400)), "yaml"),
    ('{"a": ' + "[" * 999 + "]" * 999 + "}", "json"),
    ("a: &d [[[[[[[[[[1]]]]]]]]]]\n" + "".join(f"b{i}: &d [*d]\n" for i in range(100)), "yaml"),
], ids=["yaml-flow", "yaml-block", "json", "deep-through-aliases"])
def test_deep_nesting_is_refused_with_a_position(text, fmt):
    error = refused(text, fmt)
    assert f"{limits.MAX_DEPTH} levels" in error.message
    assert error.line is not None and error.column is not None


def test_nesting_at_the_limit_still_opens():
    depth = limits.MAX_DEPTH - 3
    text = '{"version": "1.0.0", "sections": {"main": [], "x": ' + "[" * depth + "]" * depth + "}}"
    assert loads(text, "json").top_level["version"] == "1.0.0"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.yaml"
    with open(path, "w") as handle:
        handle.write(SCRIPT)
        handle.seek(limits.MAX_BYTES + 10)
        handle.write("\n")
    with pytest.raises(ParseError) as info:
        load(path)
    assert "MB" in info.value.message and (info.value.line, info.value.column) == (1, 1)


def test_a_text_over_the_size_limit_is_refused():
    error = refused(SCRIPT + "#" * limits.MAX_BYTES + "\n")
    assert limits.size_text(len(SCRIPT) + limits.MAX_BYTES + 1) in error.message


@pytest.mark.parametrize("text,fmt", [
    ('{"version": "1.0.0", "sections": {"main": [{"play": {"url": "\\ud800"}}]}}', "json"),
    ('version: 1.0.0\nsections:\n  main:\n  - play: {url: "\\ud800"}\n', "yaml"),
])
def test_lone_surrogate_is_a_message_not_a_traceback(text, fmt):
    error = refused(text, fmt)
    assert error.line == (1 if fmt == "json" else 4)
    assert "\\ud800" in error.message or "escape" in error.message


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_huge_integer_is_refused_with_its_position(fmt):
    number = "1" * 100_000
    text = f'{{"a": {number}}}' if fmt == "json" else f"a: {number}\n"
    error = refused(text, fmt)
    assert "digits" in error.message and error.line == 1 and error.column in (4, 7)


def test_duplicate_yaml_names_report_both_places():
    text = "version: 1.0.0\nsections:\n  main:\n  - answer: {}\n  main:\n  - hangup: {}\n"
    error = refused(text)
    assert (error.line, error.column) == (5, 3)
    assert "'main' is written twice" in error.message and "line 3, column 3" in error.message


def test_duplicate_json_names_report_both_places():
    text = '{"version": "1.0.0",\n "sections": {"main": [],\n  "main": []}}'
    error = refused(text, "json")
    assert (error.line, error.column) == (3, 3)
    assert '"main" is written twice' in error.message and "line 2, column 15" in error.message


def test_same_name_in_different_mappings_is_fine():
    doc = loads("version: 1.0.0\nsections:\n  main:\n  - play: {url: a}\n  - play: {url: b}\n")
    assert len(doc.sections[0].steps) == 2


@pytest.mark.parametrize("text,fmt,where,words", [
    ("a: 1\0\n", "yaml", (1, 5), "NUL character"),
    ("version: 1.0.0\n".encode("utf-16-le").decode("utf-8"), "yaml", (1, 1), "UTF-16"),
    ("a:\n\tb: 1\n", "yaml", (2, 1), "tab"),
    ("a: 1\n---\nb: 2\n", "yaml", (2, 1), "several documents"),
    ("a: !Ref x\n", "yaml", (1, 4), "custom tag"),
    ('{"a": {"b": 1,\n "c": 2\n', "json", (1, 7), "{ opened here is never closed"),
    ("a: {b: 1,\n  c: 2\n", "yaml", (1, 4), "{ opened here is never closed"),
])
def test_unfriendly_input_gets_one_plain_message_at_the_right_place(text, fmt, where, words):
    error = refused(text, fmt)
    assert (error.line, error.column) == where
    assert words in error.message
    assert error.message.count("tab") <= 2 and "\n" not in error.message


def test_json_problems_are_placed_without_the_yaml_composer():
    text = '{\n  "version": "1.0.0",\n  "sections": {\n    "main": [\n      {"play": {"url": 5}}\n    ]\n  }\n}\n'
    find = locate(text, "json")
    assert find(("sections", "main", 0, "play", "url")) == (5, 24)
    assert find(("sections", "main", 0, "play", "nothing")) == (5, 16)


def test_pasted_alias_bomb_is_refused_before_it_is_expanded():
    from designer.model.text_guard import load_fragment
    with pytest.raises(ParseError):
        load_fragment("- play: " + BOMB.replace("\n", "\n  ").replace("a: &a", "{}\n  a: &a", 1))
    with pytest.raises(ParseError):
        load_fragment(BOMB)


def _many_sections(count: int) -> str:
    lines = ["version: 1.0.0", "sections:", "  main:", "  - execute: {dest: s0}"]
    for i in range(count):
        lines += [f"  s{i}:", "  - frobnicate: {}", f"  - transfer: {{dest: s{i + 1}}}"]
    return "\n".join(lines) + "\n"


def test_placing_problems_costs_the_same_per_section_however_many_there_are(monkeypatch):
    """Was quadratic: every lookup walked every section. Counted in key comparisons, not time."""
    from designer.model import yaml_text
    from designer.model.catalog import load_catalog
    from designer.model.validation import validator_for

    calls = {"n": 0}
    real = yaml_text.key_matches

    def counting(key, wanted):
        calls["n"] += 1
        return real(key, wanted)

    monkeypatch.setattr(yaml_text, "key_matches", counting)
    catalog = load_catalog(None)
    work = []
    for count in (300, 600):
        text = _many_sections(count)
        doc = loads(text, "yaml", nesting=catalog.nesting)
        calls["n"] = 0
        problems = validator_for(catalog).validate(doc, text, "yaml")
        assert sum(1 for p in problems if p.line) >= count
        work.append(calls["n"])
    assert work[1] <= 2.2 * work[0] + 50, work
