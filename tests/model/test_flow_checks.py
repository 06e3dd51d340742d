"""Flow checks: recordings, labels, sections and loose blocks, in document order."""

import pytest

from designer.model.document import Document


def codes(validator, catalog, sections):
    doc = Document.from_data({"version": "1.0.0", "sections": sections}, catalog.nesting)
    return [(p.code, p.severity, p.field) for p in validator.validate(doc)]


def test_stop_without_any_recording_before_is_warned(validator, catalog):
    assert codes(validator, catalog, {"main": [{"stop_record_call": {}}, {"record_call": {}}]}) == [
        ("flow.stop_before_record", "warning", ())]


def test_stop_after_recording_is_fine(validator, catalog):
    assert codes(validator, catalog, {"main": [{"record_call": {"control_id": "a"}},
                                               {"stop_record_call": {"control_id": "a"}}]}) == []


def test_stop_with_unknown_control_id(validator, catalog):
    assert codes(validator, catalog, {"main": [{"record_call": {"control_id": "a"}},
                                               {"stop_record_call": {"control_id": "b"}}]}) == [
        ("flow.unknown_control_id", "warning", ("control_id",))]


def test_control_id_from_a_variable_is_not_checked(validator, catalog):
    assert codes(validator, catalog, {"main": [{"record_call": {}},
                                               {"stop_record_call": {"control_id": "${record_control_id}"}}]}) == []


def test_recording_in_main_counts_for_other_sections(validator, catalog):
    assert codes(validator, catalog, {
        "main": [{"record_call": {}}, {"execute": {"dest": "finish"}}],
        "finish": [{"stop_record_call": {}}, {"play": {"url": "${record_call_url}"}}]}) == []


def test_record_url_before_recording(validator, catalog):
    assert codes(validator, catalog, {"main": [{"play": {"urls": ["say:hi", "%{record_call_url}"]}},
                                               {"record_call": {}}]}) == [
        ("flow.record_url_before_record", "warning", ("urls", 1))]


def test_duplicate_control_ids(validator, catalog):
    assert codes(validator, catalog, {"main": [{"record_call": {"control_id": "a"}},
                                               {"record_call": {"control_id": "a"}}]}) == [
        ("flow.duplicate_control_id", "warning", ("control_id",))]


def test_goto_needs_a_label_in_its_own_section(validator, catalog):
    assert codes(validator, catalog, {"main": [{"label": "top"}, {"goto": {"label": "top"}},
                                               {"execute": {"dest": "other"}}],
                                      "other": [{"goto": {"label": "top"}}]}) == [
        ("flow.unknown_label", "error", ("label",))]


def test_label_inside_a_branch_counts_for_its_section(validator, catalog):
    assert codes(validator, catalog, {"main": [
        {"cond": [{"when": "x", "then": [{"label": "inner"}]}]}, {"goto": {"label": "inner"}}]}) == []


@pytest.mark.parametrize("dest, expected", [
    ("other", []),
    ("missing", [("flow.unknown_section", "error", ("dest",))]),
    ("https://example.com/swml", []),
    ("${next_section}", []),
    ('{"version": "1.0.0", "sections": {"main": []}}', []),
])
def test_execute_and_transfer_destinations(validator, catalog, dest, expected):
    for method in ("execute", "transfer"):
        assert codes(validator, catalog, {"main": [{method: {"dest": dest}}], "other": []}) == expected


def test_bundled_schema_warns_calling_only_methods(validator, catalog):
    for method in ("stream", "stop_stream", "transcribe", "transcribe_stop"):
        assert codes(validator, catalog, {"main": [{method: {}}]}) == [("method.unknown", "warning", ())]
