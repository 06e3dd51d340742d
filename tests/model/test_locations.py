"""Problem locations and field names in plain words, the same word for the same thing."""

from designer.model.catalog import load_catalog
from designer.model.locations import plain_location, words_for_key


def test_a_nested_setting_reads_as_block_title_and_labels():
    catalog = load_catalog()
    assert plain_location(catalog, "ai", ("params", "debug_webhook_level")) == \
        "AI agent \u203a Parameters \u203a Debug webhook level"
    assert plain_location(catalog, "record_call", ("status_url",)) == "Record the call \u203a Status URL"
    assert plain_location(catalog, "play", ("urls", 1)).endswith("What to play \u203a item 2")


def test_keys_become_words_with_abbreviations_kept_upright():
    assert words_for_key("debug_webhook_level") == "Debug webhook level"
    assert words_for_key("ai_model") == "AI model"
    assert words_for_key("call_id") == "Call ID"


def test_stop_keys_are_called_stop_keys_in_every_block():
    catalog = load_catalog()
    labels = {(m.name, f.label) for m in catalog.methods.values() for f in m.fields if f.name == "terminators"}
    assert labels and all(label == "Stop keys" for _m, label in labels), labels


def test_every_timeout_number_says_its_unit():
    catalog = load_catalog()
    missing = [(m.name, f.name) for m in catalog.methods.values() for f in m.fields
               if f.name.endswith("timeout") and {"integer", "number"} & set(f.kinds) and not f.hint.unit]
    assert missing == []
