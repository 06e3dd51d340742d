"""The method catalog is read from the schema (bundled or official), not retyped."""

import pytest

from designer.model.catalog import load_catalog
from designer.model.document import MISSING

from tests.conftest import CALLING_SCHEMA


def test_record_call_fields_come_from_the_schema(catalog):
    spec = catalog.method("record_call")
    assert spec.group == "Recording"
    fmt = spec.field("format")
    assert fmt.enum == ("wav", "mp3", "mp4") and fmt.default == "wav"
    direction = spec.field("direction")
    assert direction.enum == ("speak", "listen", "both") and direction.default == "both"
    assert set(direction.hint.choices) == set(direction.enum)
    sens = spec.field("input_sensitivity")
    assert sens.default == 44 and sens.accepts_variable and sens.hint.widget == "slider"
    assert (sens.minimum, sens.maximum) == (0, 100)  # the corrected schema, the one source of the range
    assert spec.field("max_length").default is MISSING
    assert spec.field("initial_timeout").hint.unit == "seconds"
    assert "record_call_url" in spec.sets_variables


def test_play_merges_url_and_urls_branches(catalog):
    spec = catalog.method("play")
    names = [f.name for f in spec.fields]
    assert "url" in names and "urls" in names
    volume = spec.field("volume")
    assert (volume.minimum, volume.maximum) == (-40, 40)


def test_nesting_is_exposed_for_the_document(catalog):
    assert ("case", "*") in catalog.nesting("switch")
    assert catalog.method("switch").field("default").holds_steps
    assert catalog.nesting("record_call") == ()


def test_unknown_method_gets_a_generic_spec(catalog):
    spec = catalog.method("stream")
    assert not spec.known and spec.group == "Other"


def test_every_method_is_in_a_palette_group(catalog):
    grouped = {m.name for specs in catalog.groups().values() for m in specs}
    assert grouped == set(catalog.methods)
    assert len(catalog.methods) == 39
    assert "ai_sidecar" in catalog.methods


@pytest.mark.skipif(not CALLING_SCHEMA.exists(), reason="official calling schema not beside the project")
def test_official_calling_schema_loads_with_its_extra_methods():
    official = load_catalog(CALLING_SCHEMA)
    assert len(official.methods) == 43
    assert {"ai_sidecar", "stream", "stop_stream", "transcribe", "transcribe_stop"} <= set(official.methods)
    assert official.method("record_call").field("format").enum == ("wav", "mp3", "mp4")


def test_units_come_from_the_schema_descriptions_not_field_names(catalog):
    ai_params = catalog.method("ai").field("params")
    by_name = {f.name: f for f in ai_params.fields}
    assert by_name["digit_timeout"].hint.unit == "ms"
    assert by_name["attention_timeout"].hint.unit == "ms"
    assert catalog.method("prompt").field("digit_timeout").hint.unit == "seconds"
    assert catalog.method("sleep").field("duration").hint.unit == "ms"
    assert catalog.method("connect").field("timeout").hint.unit == "seconds"
    assert by_name["ai_volume"].hint.unit == ""
