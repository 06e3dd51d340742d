"""Block summaries: a person reads what a step does in one line."""

from designer.model.document import Document, Step
from designer.model.summary import summarize


def test_record_call_reads_format_direction_and_beep():
    step = Step("record_call", {"format": "mp3", "direction": "both", "beep": True})
    assert summarize(step) == "mp3 · both sides · beep"


def test_play_urls_read_as_what_is_said_and_silence():
    step = Step("play", {"urls": ["say:Leave your message now", "silence:10"]})
    assert summarize(step) == "say: Leave your message now · silence 10s"


def test_play_single_url_and_file():
    assert summarize(Step("play", {"url": "https://x.example/a/hello.mp3"})) == "file hello.mp3"


def test_generic_method_shows_first_three_set_fields():
    step = Step("send_sms", {"to_number": "+1555", "from_number": "+1666", "body": "hi", "media": []})
    assert summarize(step) == "to number: +1555 · from number: +1666 · body: hi"


def test_switch_summary_counts_cases_and_skips_nested_steps():
    doc = Document.from_data({"sections": {"main": [{"switch": {"variable": "v", "case": {"1": [{"hangup": {}}]},
                                                                "default": [{"hangup": {}}]}}]}},
                             lambda m: (("case", "*"), ("default",)) if m == "switch" else ())
    assert summarize(doc.sections[0].steps[0]) == "on v · 1 case"


def test_long_summary_is_clipped_and_bare_steps_are_explained():
    long = Step("play", {"url": "say:" + "word " * 40})
    assert len(summarize(long)) <= 80 and summarize(long).endswith("…")
    assert summarize(Step("answer", None, form="bare")) == "written without settings"
    assert summarize(Step("goto", {"label": "top", "max": 3})) == "→ top · max 3 times"


def test_playing_the_recording_variable_reads_as_the_recording():
    step = Step("play", {"urls": ["say:Playing back", "${record_call_url}"]})
    assert summarize(step) == "say: Playing back · the recording"


def test_connect_counts_destinations_and_groups_in_plain_words():
    from designer.model.steps import Step
    from designer.model.summary import summarize
    assert summarize(Step("connect", {"serial": [{"to": "+15550100001"}]})) == "to +15550100001"
    assert summarize(Step("connect", {"serial": [{"to": ""}]})) == "1 destination"
    assert summarize(Step("connect", {"parallel": [{"to": "+1"}, {"to": "+2"}]})) == "2 destinations all at once"
    assert summarize(Step("connect", {"serial_parallel": [[{"to": "+1"}]]})) == "1 group in waves"
