"""The validator: plain-word messages, per-step caching, innermost steps, frame checks."""

import pytest

from designer.model import swml_io
from designer.model.catalog import load_catalog
from designer.model.document import Document, Step, StepList
from designer.model.validation import Validator

from tests.conftest import CALLING_SCHEMA, FIXTURES

INVALID = FIXTURES / "invalid"


def check(validator, catalog, text):
    doc = swml_io.loads(text, "yaml", nesting=catalog.nesting)
    return doc, validator.validate(doc, text, "yaml")


def found(problems):
    return [(p.severity, p.message, p.line, p.column) for p in problems]


# --------------------------------------------------------------------------- hand-made invalid set
def run_file(validator, catalog, name):
    text = (INVALID / name).read_text("utf-8")
    doc = swml_io.loads(text, filename=name, nesting=catalog.nesting)
    return validator.validate(doc, text, swml_io.detect_format(text, name))


def test_bad_enum_says_which_formats_are_allowed(validator, catalog):
    assert found(run_file(validator, catalog, "bad_enum.yaml")) == [
        ("error", "Format must be wav, mp3 or mp4", 6, 17)]


def test_input_sensitivity_is_bounded_0_to_100(validator, catalog):
    assert found(run_file(validator, catalog, "sensitivity_out_of_range.yaml")) == [
        ("error", "Input sensitivity must be between 0 and 100", 5, 28)]


def test_unknown_field_is_named_with_its_block_title(validator, catalog):
    problems = run_file(validator, catalog, "unknown_key.yaml")
    assert found(problems) == [("error", "Unknown field 'foo' in Record the call", 6, 14)]
    assert problems[0].field == ("foo",)
    assert problems[0].data_path == ("sections", "main", 0, "record_call", "foo")


def test_unknown_method_is_a_warning_and_kept(validator, catalog):
    assert found(run_file(validator, catalog, "unknown_method.yaml")) == [
        ("warning", "Unknown method 'stream': kept as written", 4, 7)]


def test_status_url_must_be_http(validator, catalog):
    assert found(run_file(validator, catalog, "bad_status_url.yaml")) == [
        ("error", "Status URL must start with http:// or https://", 5, 21)]


def test_dangling_control_id_is_a_warning(validator, catalog):
    assert found(run_file(validator, catalog, "dangling_control_id.yaml")) == [
        ("warning", "No recording has the id 'rec2': no Record call block sets this id", 7, 21)]


def test_missing_sections_is_a_document_error(validator, catalog):
    problems = run_file(validator, catalog, "missing_sections.yaml")
    assert found(problems) == [
        ("error", "The script needs a 'sections' part with a 'main' section", 1, 1),
        ("error", "Unknown top-level key 'main': a SWML script has only version and sections", 2, 1)]
    assert problems[0].step_id is None and problems[0].code == "doc.no_sections"


def test_short_forms_get_fix_hints(validator, catalog):
    assert found(run_file(validator, catalog, "short_forms.yaml")) == [
        ("error", "'answer' is written as plain text: write it as answer: {}", 4, 7),
        ("error", "play must be followed by its settings, not 'say:Hello': write it as play: {url: 'say:Hello'}",
         5, 13),
        ("error", "Record in stereo must be true or false or a ${variable}, not 'true' (write true without quotes)",
         7, 17),
        ("warning", "Stop keys can only be phone keys 0-9, * and #, not 'x'", 8, 22),
        ("error", "Go back to a label needs “Label” filled in", 9, 13),
    ]


def test_flow_problems_in_json_with_nested_step(validator, catalog):
    assert found(run_file(validator, catalog, "bad_flow.json")) == [
        ("warning", "'record_call_url' is empty here: no Record call block comes before this step on any path", 4, 24),
        ("error", "There is no label 'nowhere' in section 'main' (goto only jumps within its section)", 5, 26),
        ("error", "There is no section 'missing_section' to execute to", 6, 28),
        ("warning", "Nothing sets 'x' before this step: it will be empty (set it with a Set block first)", 7, 31),
        ("error", "Format must be wav, mp3 or mp4", 7, 78),
    ]


# --------------------------------------------------------------------------- messages
@pytest.mark.parametrize("params, message", [
    ({"volume": 99, "url": "say:hi"}, "Volume must be between -40 and 40"),
    ({"url": "say:hi", "urls": ["say:hi"]}, "Play a message takes url or urls, not both"),
    ({}, "Play a message needs “What to play” filled in"),  # the words the block and panel show
    ({"urls": ["say:hi", "ftp://host/x.wav"]},
     "Item 2 of What to play is not something to play ('ftp://host/x.wav'): use an http(s):// address, "
     "say:TEXT, silence:SECONDS, ring:CC or a ${variable}"),
    ({"urls": ["say:hi", "Leave a message"]},  # plain words: they are meant to be spoken
     "Item 2 of What to play: to have 'Leave a message' spoken, start it with say: (say:Leave a message)"),
])
def test_play_messages(validator, params, message):
    doc = Document.new()
    doc.insert_step(doc.sections[0].steps, 0, Step("play", params))
    assert [p.message for p in validator.validate(doc)] == [message]


def test_play_urls_may_mix_urls_and_variables(validator):
    doc = Document.new()
    doc.insert_step(doc.sections[0].steps, 0, Step("record_call", {}))
    doc.insert_step(doc.sections[0].steps, 1, Step("stop_record_call", {}))
    doc.insert_step(doc.sections[0].steps, 2, Step("play", {"urls": ["say:Playing back", "${record_call_url}"]}))
    assert validator.validate(doc) == []


def test_variables_are_accepted_where_the_schema_allows(validator):
    doc = Document.new()
    doc.insert_step(doc.sections[0].steps, 0, Step("record_call", {"stereo": "${x}", "input_sensitivity": "%{y}",
                                                                   "terminators": "${keys}"}))
    doc.insert_step(doc.sections[0].steps, 0, Step("set", {"x": True, "y": 50, "keys": "#"}))
    assert validator.validate(doc) == []


# --------------------------------------------------------------------------- structure
def test_problems_point_at_the_innermost_step(validator, catalog):
    text = "sections:\n  main:\n    - switch:\n        variable: call.to\n        case:\n          a:\n" \
           "            - record_call: {format: ogg}\n        default:\n          - hangup: {}\n"
    doc, problems = check(validator, catalog, text)
    inner = doc.sections[0].steps[0].child_lists()[0][1][0]
    assert [(p.step_id, p.field, p.data_path) for p in problems] == [
        (inner.id, ("format",), ("sections", "main", 0, "switch", "case", "a", 0, "record_call", "format"))]
    assert (problems[0].line, problems[0].column) == (7, 37)


def test_detached_blocks_are_warned_each(validator):
    doc = Document.new()
    chain = StepList([Step("answer", {}), Step("hangup", {})])
    doc.add_detached(chain)
    problems = validator.validate(doc)
    assert [(p.step_id, p.message) for p in problems] == [
        (s.id, "This block is not linked into the flow, so it will not be in the script: "
               "drag it under a block or start node, or delete it") for s in chain]


class CountingValidator:
    """Counts how often the validator checks a step of one method (valid steps never reach
    jsonschema, so the step check is what is counted)."""

    def __init__(self, validator, method):
        self.calls, inner = 0, validator._check_step

        def check(step, data):
            self.calls += step.method == method
            return inner(step, data)
        validator._check_step = check


def test_revalidating_after_one_edit_checks_only_that_step(catalog):
    validator = Validator(catalog)
    counter = CountingValidator(validator, "record_call")
    doc = Document.new(catalog.nesting)
    steps = [Step("record_call", {"control_id": f"r{i}"}) for i in range(5)]
    for i, step in enumerate(steps):
        doc.insert_step(doc.sections[0].steps, i, step)
    validator.validate(doc)
    assert counter.calls == 5
    validator.validate(doc)
    assert counter.calls == 5
    doc.set_param(steps[2], ("format",), "ogg")
    problems = validator.validate(doc)
    assert counter.calls == 6
    assert [(p.step_id, p.message) for p in problems] == [(steps[2].id, "Format must be wav, mp3 or mp4")]


def test_editing_a_nested_step_does_not_recheck_its_parent(catalog):
    validator = Validator(catalog)
    counter = CountingValidator(validator, "switch")
    doc = Document.from_data({"sections": {"main": [{"switch": {"variable": "x", "case": {"a": [{"hangup": {}}]}}}]}},
                             catalog.nesting)
    validator.validate(doc)
    inner = next(s for s in doc.walk() if s.method == "hangup")
    doc.set_param(inner, ("reason",), "busy")
    validator.validate(doc)
    assert counter.calls == 1


def test_moved_step_keeps_its_cache_but_gets_its_new_path(catalog):
    validator = Validator(catalog)
    doc = Document.new(catalog.nesting)
    bad = Step("record_call", {"format": "ogg"})
    doc.insert_step(doc.sections[0].steps, 0, bad)
    doc.insert_step(doc.sections[0].steps, 1, Step("answer", {}))
    assert validator.validate(doc)[0].data_path[2] == 0
    doc.move_step(bad, doc.sections[0].steps, 1)
    assert validator.validate(doc)[0].data_path[2] == 1


@pytest.mark.skipif(not CALLING_SCHEMA.exists(), reason="official calling schema not beside the project")
def test_calling_schema_knows_stream():
    catalog = load_catalog(CALLING_SCHEMA)
    doc = Document.from_data({"sections": {"main": [{"stream": {"url": "wss://example.com/a"}}]}}, catalog.nesting)
    assert Validator(catalog).validate(doc) == []


def test_fixed_schema_puts_sensitivity_bounds_in_the_catalog(catalog):
    spec = catalog.method("record_call").field("input_sensitivity")
    assert (spec.minimum, spec.maximum) == (0, 100)


def test_validate_file_reads_places_and_checks(tmp_path):
    from designer.model.validation import validate_file
    path = tmp_path / "flow.json"
    path.write_text('{"sections": {"main": [{"record_call": {"input_sensitivity": -1}}]}}', "utf-8")
    problems = validate_file(path)
    assert [(p.message, p.line, p.column) for p in problems] == [
        ("Input sensitivity must be between 0 and 100", 1, 62)]


def test_parse_error_from_validate_file(tmp_path):
    from designer.model.validation import validate_file
    path = tmp_path / "flow.yaml"
    path.write_text("sections:\n  main:\n    - answer: {\n", "utf-8")
    with pytest.raises(swml_io.ParseError):
        validate_file(path)


def test_an_empty_condition_is_a_warning_on_its_when_field(validator, catalog):
    from designer.model.document import Document

    doc = Document.from_data({"version": "1.0.0", "sections": {"main": [
        {"prompt": {"play": "say:Press 1"}},
        {"cond": [{"when": "", "then": []}, {"when": "prompt_value == '1'", "then": []}]}]}}, catalog.nesting)
    found = [(p.severity, p.field, p.code) for p in validator.validate(doc)]
    assert found == [("warning", (0, "when"), "cond.empty_when")]
