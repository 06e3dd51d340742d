"""Every real example gets the official schema's verdict, except where NOTES.md corrects it.

The raw official calling schema is run once over the fixtures (whole-document validation, the
slow but unquestionable way) and our verdict must match it, but for the fixtures pinned in
``CORRECTED``. The reference page's own examples must validate clean with either schema.
"""

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from designer.model import swml_io
from designer.model.catalog import load_catalog
from designer.model.validation import validator_for

from tests.conftest import CALLING_SCHEMA, FIXTURES

EXAMPLES = sorted(p for p in FIXTURES.glob("[0-9]*") if p.suffix in (".yaml", ".json"))
REFERENCE = sorted(FIXTURES.glob("reference_*"))
#: Fixtures whose verdict differs from the raw official schema, and the correction that flips them.
CORRECTED = {
    "018_docs-swml-record_call.yaml": "play.urls may mix play URLs and ${variables}",
}
#: Fixtures the schema accepts but SignalWire could not run as written (run-time checks, issue 8).
STRICTER = {
    "064_docs-swml-call-whisper.yaml": "connect.to '+1XXXXXXXXXX' is a placeholder, not a number to call",
}
PARSE_ERROR = {"106_de-tap-tool.json": (11, 7)}

needs_calling = pytest.mark.skipif(not CALLING_SCHEMA.exists(),
                                   reason="official calling schema not beside the project")


def _sources_verdicts() -> dict[str, str]:
    """The "schema result" column of SOURCES.md: valid / INVALID / PARSE ERROR."""
    out = {}
    for line in (FIXTURES / "SOURCES.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 3 and re.match(r"^\d{3}_", cells[1]):
            out[cells[1]] = cells[3].split(":")[0]
    return out


@pytest.fixture(scope="module")
def raw_verdicts():
    schema = json.loads(CALLING_SCHEMA.read_text("utf-8"))
    raw = Draft202012Validator(schema)
    out = {}
    for path in EXAMPLES:
        if path.name in PARSE_ERROR:
            continue
        data = swml_io.loads(path.read_text("utf-8"), filename=path.name).to_data()
        out[path.name] = "valid" if raw.is_valid(data) else "INVALID"
    return out


def _ours(path: Path, schema=None) -> str:
    catalog = load_catalog(schema)
    text = path.read_text("utf-8")
    doc = swml_io.loads(text, filename=path.name, nesting=catalog.nesting)
    problems = validator_for(catalog).validate(doc, text, swml_io.detect_format(text, path.name))
    return "INVALID" if any(p.is_error for p in problems) else "valid"


def test_every_example_is_listed_in_sources():
    assert {p.name for p in EXAMPLES} == set(_sources_verdicts())


@needs_calling
def test_raw_official_schema_agrees_with_sources_md(raw_verdicts):
    listed = _sources_verdicts()
    assert {name: listed[name] for name in raw_verdicts} == raw_verdicts


@needs_calling
@pytest.mark.parametrize("path", [p for p in EXAMPLES if p.name not in PARSE_ERROR], ids=lambda p: p.name)
def test_example_gets_the_official_verdict_unless_corrected(path, raw_verdicts):
    expected = raw_verdicts[path.name]
    if path.name in CORRECTED:
        expected = "valid" if expected == "INVALID" else "INVALID"
    if path.name in STRICTER:
        expected = "INVALID"
    assert _ours(path, CALLING_SCHEMA) == expected


@needs_calling
def test_corrections_really_flip_the_raw_verdict(raw_verdicts):
    assert all(raw_verdicts[name] == "INVALID" for name in CORRECTED)
    assert all(raw_verdicts[name] == "valid" for name in STRICTER)


@pytest.mark.parametrize("name, where", PARSE_ERROR.items())
def test_broken_json_fixture_is_a_parse_error_with_position(name, where):
    with pytest.raises(swml_io.ParseError) as info:
        swml_io.loads((FIXTURES / name).read_text("utf-8"), filename=name)
    assert (info.value.line, info.value.column) == where


def test_reference_examples_are_fixtures_in_both_formats():
    stems = {p.stem for p in REFERENCE}
    assert stems == {"reference_mp3", "reference_playback_both", "reference_playback_speaker"}
    assert {p.suffix for p in REFERENCE} == {".yaml", ".json"}
    for stem in stems:
        yaml_doc = swml_io.loads((FIXTURES / f"{stem}.yaml").read_text("utf-8"), "yaml")
        json_doc = swml_io.loads((FIXTURES / f"{stem}.json").read_text("utf-8"), "json")
        assert yaml_doc.to_data() == json_doc.to_data()


@pytest.mark.parametrize("schema", [None, pytest.param(CALLING_SCHEMA, marks=needs_calling)],
                         ids=["bundled", "calling"])
@pytest.mark.parametrize("path", REFERENCE, ids=lambda p: p.name)
def test_reference_examples_validate_clean(path, schema):
    catalog = load_catalog(schema)
    text = path.read_text("utf-8")
    doc = swml_io.loads(text, filename=path.name, nesting=catalog.nesting)
    assert validator_for(catalog).validate(doc, text, swml_io.detect_format(text, path.name)) == []


def test_bundled_schema_verdicts_match_the_calling_ones_for_record_play_fixtures():
    for name in ("001_recipe-record-a-call.yaml", "018_docs-swml-record_call.yaml",
                 "028_docs-swml-recording-calls.yaml", "030_docs-swml-voicemail.yaml"):
        assert _ours(FIXTURES / name) == "valid", name
    assert _ours(FIXTURES / "090_docs-swml-making-and-receiving-calls.yaml") == "INVALID"
