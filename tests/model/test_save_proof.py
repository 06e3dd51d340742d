"""Saving YAML: every save reads back as the document, whatever edit came before, even an edit
that bypassed the change log; and a one-step edit saves without parsing the whole text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from designer.model import save_proof, swml_io
from designer.model.catalog import load_catalog
from designer.model.document import Section, Step
from designer.model.steps import MISSING, StepList
from designer.model.swml_io import dumps, load, loads, save
from designer.model.yaml_splice import same
from tests.conftest import YAML_SCRIPTS
from tests.model.test_yaml_quick import TEXT as MENU

SCRIPTS = YAML_SCRIPTS

TEXT = MENU  # the commented menu script the fast-path tests use

ANCHORED = """version: 1.0.0
sections:
  main:
    - play: &greet
        url: say:hi   # the greeting
    - play: *greet
    - hangup: {}
"""


def nesting():
    return load_catalog().nesting


def reads_back(path: Path, doc) -> None:
    """The file at ``path`` reads back, the designer's own way, as exactly ``doc``."""
    again = load(path)
    assert same(again.to_data(), doc.to_data())


def steps_in_sections(doc) -> list:
    return [s for s in doc.walk() if doc.section_of(s) is not None]


def edit(doc, kind: str, rng: random.Random) -> None:
    """One edit of ``kind`` through the document's own methods (as the undo commands make them)."""
    steps = steps_in_sections(doc)
    lists = [s.steps for s in doc.sections if s.raw_body is MISSING]
    if kind == "param" and steps:
        step = rng.choice(steps)
        if isinstance(step.params, dict) or step.form == "bare":
            doc.set_param(step, ("x_saved",), rng.randint(0, 99))
        else:
            doc.set_method(step, step.method or "hangup")
    elif kind == "insert" and lists:
        target = rng.choice(lists)
        doc.insert_step(target, rng.randint(0, len(target)), Step("play", {"url": "say:new"}))
    elif kind == "delete" and steps:
        doc.remove_step(rng.choice(steps))
    elif kind == "move" and steps and lists:
        target = rng.choice(lists)
        step = rng.choice(steps)
        if not any(s is step for s in _owners(target)):
            doc.move_step(step, target, rng.randint(0, len(target) - (step.parent is target)))
    elif kind == "rename" and doc.sections:
        section = rng.choice(doc.sections)
        doc.rename_section(section, section.name + "_renamed")
    elif kind == "section":
        doc.add_section(Section(f"added_{rng.randint(0, 10**6)}", StepList([Step("hangup", {})])))


def opened(tmp_path):
    """TEXT saved as a file and opened as the window opens it (with the catalog's nesting)."""
    path = tmp_path / "flow.yaml"
    path.write_text(TEXT, encoding="utf-8")
    doc = load(path)
    doc.nesting = nesting()
    return path, doc


def record_of(doc):
    return next(s for s in doc.walk() if s.method == "record_call")


def _owners(step_list):
    """The steps ``step_list`` sits inside (moving one of them into it would nest it in itself)."""
    owner = step_list.owner
    while isinstance(owner, Step):
        yield owner
        owner = owner.parent.owner if owner.parent is not None else None


KINDS = ["param", "insert", "delete", "move", "rename", "section"]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_a_save_after_every_kind_of_edit_reads_back_as_the_document(script, tmp_path):
    path = tmp_path / script.name
    path.write_bytes(script.read_bytes())
    doc = load(path)
    doc.nesting = nesting()
    rng = random.Random(script.name)
    for i in range(12):
        kind = KINDS[i % len(KINDS)] if i < len(KINDS) else rng.choice(KINDS)
        edit(doc, kind, rng)
        if rng.random() < 0.5:
            dumps(doc)  # the preview's write in between, as the window does
        save(doc, path)
        reads_back(path, doc)


@pytest.mark.parametrize("script", SCRIPTS[::7], ids=lambda p: p.name)
def test_saves_with_crlf_line_ends_and_a_bom_read_back_and_keep_them(script, tmp_path):
    path = tmp_path / script.name
    path.write_bytes(b"\xef\xbb\xbf" + script.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    doc = load(path)
    doc.nesting = nesting()
    rng = random.Random(script.name)
    for kind in KINDS:
        edit(doc, kind, rng)
        dumps(doc)
        save(doc, path)
        reads_back(path, doc)
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b"\n" not in raw.replace(b"\r\n", b"")


def test_an_edit_that_bypasses_the_change_log_is_still_saved(tmp_path):
    path, doc = opened(tmp_path)
    record = record_of(doc)
    doc.set_param(record, ("format",), "wav")
    dumps(doc)  # proven locally: the chain the save would like to reuse
    record.params["beep"] = False  # straight into the model: no event, the change log never hears of it
    save(doc, path)
    reads_back(path, doc)
    text = path.read_text()
    assert "beep: false" in text and "format: wav" in text
    assert '"say:Hello"   # kept' in text and "# the greeting" in text  # spliced, not dumped afresh


def test_a_bypassing_edit_of_an_untouched_nested_step_after_a_save_is_saved(tmp_path):
    path, doc = opened(tmp_path)
    record = record_of(doc)
    doc.set_param(record, ("format",), "wav")
    save(doc, path)
    sales = next(s for s in doc.walk() if s.method == "play" and "Sales" in str(s.params))
    sales.params["url"] = "say:Bypassed"  # nested, never rendered since loading, no event
    doc.set_param(record, ("beep",), False)  # a logged edit elsewhere: the log looks complete
    save(doc, path)
    reads_back(path, doc)
    assert "say:Bypassed" in path.read_text()


def test_a_bypassing_edit_alone_is_not_taken_for_no_change(tmp_path):
    path = tmp_path / "flow.yaml"
    path.write_text(TEXT, encoding="utf-8")
    doc = load(path)
    doc.sections[1].steps.steps[0].params["reason"] = "busy"  # nothing in the change log at all
    assert "reason: busy" in dumps(doc, thorough=True)
    save(doc, path)
    reads_back(path, doc)


def test_an_anchored_value_edit_is_saved_with_its_alias_written_out(tmp_path):
    path = tmp_path / "flow.yaml"
    path.write_text(ANCHORED, encoding="utf-8")
    doc = load(path)
    doc.set_param(doc.sections[0].steps.steps[0], ("url",), "say:changed")
    save(doc, path)
    reads_back(path, doc)
    steps = load(path).to_data()["sections"]["main"]
    assert steps[0] == {"play": {"url": "say:changed"}} and steps[1] == {"play": {"url": "say:hi"}}


def test_a_one_step_edit_saves_without_a_whole_parse_nor_a_reread(tmp_path, monkeypatch):
    path, doc = opened(tmp_path)
    record = record_of(doc)
    whole = []
    real_compose = swml_io.compose
    monkeypatch.setattr(swml_io, "compose", lambda text: whole.append(text) or real_compose(text))
    monkeypatch.setattr(swml_io, "loads", lambda *a, **k: pytest.fail("the saved text was read again"))
    for value in ("wav", "ogg", "mp3"):
        doc.set_param(record, ("format",), value)
        save(doc, path)
        assert f"format: {value}" in path.read_text()
    assert whole == []
    monkeypatch.undo()
    reads_back(path, doc)


def test_consecutive_saves_change_only_the_edited_lines(tmp_path):
    path, doc = opened(tmp_path)
    main = doc.sections[0].steps
    doc.insert_step(main, 1, Step("play", {"url": "say:inserted"}))
    save(doc, path)
    first = path.read_text()
    record = record_of(doc)
    doc.set_param(record, ("format",), "wav")
    save(doc, path)
    second = path.read_text()
    assert second == first.replace("format: mp3", "format: wav")
    # The same as a save from the file just written, read afresh.
    fresh = loads(first, "yaml", nesting=nesting())
    fresh_record = next(s for s in fresh.walk() if s.method == "record_call")
    fresh.set_param(fresh_record, ("format",), "wav")
    assert dumps(fresh, thorough=True) == second


def test_kept_source_refuses_a_text_that_is_not_its_proof():
    doc = loads(TEXT, "yaml", nesting=nesting())
    finish = lambda body: body  # noqa: E731 - LF, no BOM
    assert save_proof.kept_source(doc.source, TEXT, None, finish) is not None
    assert save_proof.kept_source(doc.source, TEXT.replace("mp3", "wav"), None, finish) is None
    crlf = loads(TEXT.replace("\n", "\r\n").replace("mp3\r\n", "mp3\n"), "yaml")  # mixed line ends
    assert save_proof.kept_source(doc.source, TEXT, "json", finish) is None  # saved as another format
    assert save_proof.kept_source(None, TEXT, None, finish) is None
    assert save_proof.kept_source(crlf.source, crlf.source.text, None, finish) is None


def test_a_bypassing_edit_before_a_structural_edit_is_saved_spliced(tmp_path):
    path, doc = opened(tmp_path)
    main = doc.sections[0].steps
    doc.insert_step(main, 0, Step("answer", {}))
    save(doc, path)  # a whole render: every step's lines are remembered
    record = record_of(doc)
    record.params["beep"] = False  # no event: its remembered lines are stale
    doc.insert_step(main, 0, Step("play", {"url": "say:first"}))  # only a structural proof applies
    save(doc, path)
    reads_back(path, doc)
    text = path.read_text()
    assert "beep: false" in text and '"say:Hello"   # kept' in text  # spliced, not dumped afresh


@pytest.mark.parametrize("a,b", [
    (1, 1.0), (1, True), (0, False), ("1", 1), (None, ""), ({"a": 1, "b": 2}, {"b": 2, "a": 1}),
    ({"a": [1, 2]}, {"a": [1, 2.0]}), ([{"x": True}], [{"x": 1}]), ({1: "a"}, {"1": "a"}),
    ([1, 2], [1, 2, 3]), ({"a": None}, {"a": None, "b": None}), (b"x", "x"), ({"a": [[1]]}, {"a": [(1,)]}),
])
def test_the_comparison_a_save_relies_on_tells_types_and_order_apart(a, b):
    assert not same(a, b) and not same(b, a)
    assert same(a, a) and same(b, b)


def test_the_comparison_takes_nan_as_equal_to_itself():
    nan = float("nan")
    assert same({"a": [nan]}, {"a": [float("nan")]}) and not same({"a": nan}, {"a": 1.0})


def test_a_kept_text_ending_in_blank_lines_is_proven_as_the_whole_text_reads_it():
    text = ("version: 1.0.0\nsections:\n  main:\n    - play:\n        volume: 1\n        say: |+\n"
            "          hello\n\n    - hangup: {}\n")
    doc = loads(text, "yaml", nesting=nesting())
    assert doc.to_data()["sections"]["main"][0]["play"]["say"] == "hello\n\n"
    doc.set_param(doc.sections[0].steps.steps[0], ("volume",), 3)
    assert dumps(doc) == text.replace("volume: 1", "volume: 3")
    assert doc.source.yaml.proven.depth == 1  # the item read with what follows it: proven locally
    assert same(doc.source.yaml.proven.data, doc.to_data())
