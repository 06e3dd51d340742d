"""The document model: structure, nesting and change events (no Qt)."""

from designer.model.document import Document, Step
from designer.model.schema import load_schema, nesting_paths


def nesting(method):
    return nesting_paths(load_schema(), method)


IVR = {
    "version": "1.0.0",
    "sections": {
        "main": [
            {"answer": {}},
            {"switch": {"variable": "x", "case": {"1": [{"hangup": {}}]}, "default": [{"play": {"url": "say:hi"}}]}},
        ],
        "other": [{"label": "top"}, "answer"],
    },
}


def test_round_trip_of_plain_data_keeps_order_and_nesting():
    doc = Document.from_data(IVR, nesting)
    assert doc.to_data() == IVR
    assert list(doc.to_data()["sections"]) == ["main", "other"]
    switch = doc.sections[0].steps[1]
    assert [p for p, _ in switch.child_lists()] == [("case", "1"), ("default",)]


def test_data_path_of_nested_step():
    doc = Document.from_data(IVR, nesting)
    switch = doc.sections[0].steps[1]
    hangup = switch.child_lists()[0][1][0]
    assert doc.data_path(hangup) == ("sections", "main", 1, "switch", "case", "1", 0)
    assert doc.section_of(hangup).name == "main"


def test_bare_method_is_kept_verbatim():
    doc = Document.from_data(IVR, nesting)
    bare = doc.sections[1].steps[1]
    assert bare.form == "bare" and bare.to_data() == "answer"


def test_events_fire_once_per_batch():
    doc = Document.new(nesting)
    seen = []
    doc.changed.connect(lambda: seen.append("changed"))
    doc.step_inserted.connect(lambda lst, i, s: seen.append(("inserted", i, s.method)))
    with doc.batch():
        doc.insert_step(doc.sections[0].steps, 0, Step("answer", {}))
        doc.insert_step(doc.sections[0].steps, 1, Step("record_call", {}))
    assert seen == [("inserted", 0, "answer"), ("inserted", 1, "record_call"), "changed"]


def test_set_and_unset_param_keep_key_order():
    doc = Document.new()
    step = Step("record_call", {"beep": True, "format": "mp3"})
    doc.insert_step(doc.sections[0].steps, 0, step)
    doc.set_param(step, ("beep",), False)
    doc.set_param(step, ("direction",), "speak")
    assert list(step.params) == ["beep", "format", "direction"]
    doc.unset_param(step, ("format",))
    assert step.to_data() == {"record_call": {"beep": False, "direction": "speak"}}


def test_move_step_between_sections():
    doc = Document.from_data(IVR, nesting)
    answer = doc.sections[0].steps[0]
    doc.move_step(answer, doc.sections[1].steps, 0)
    assert doc.to_data()["sections"]["other"][0] == {"answer": {}}
    assert doc.data_path(answer) == ("sections", "other", 0)


def test_find_step_index_follows_removals_and_undo():
    doc = Document.from_data({"sections": {"main": [{"answer": {}}, {"hangup": {}}]}})
    hangup = doc.sections[0].steps.steps[1]
    assert doc.find_step(hangup.id) is hangup
    doc.remove_step(hangup)
    assert doc.find_step(hangup.id) is None  # a stale index entry is never returned
    doc.insert_step(doc.sections[0].steps, 0, hangup)
    assert doc.find_step(hangup.id) is hangup
    section = doc.sections[0]
    doc.remove_section(section)
    assert doc.find_step(hangup.id) is None
