"""Publishing logic shared by window and CLI: create or update, changes in words, conflicts."""

import pytest

from designer.model import swml_io
from designer.remote import publishing
from designer.remote.changes import ADDED, CHANGED, REMOVED, compare
from designer.remote.client import SignalWireClient
from designer.remote.errors import Refusal
from designer.remote.refusals import REFUSED_CODE, attribute_path, place, refusal_problems
from tests.remote_fixtures import PROJECT, SIMPLE, TOKEN, address, space  # noqa: F401


def test_changes_name_added_removed_and_changed_blocks_in_words():
    live = {"version": "1.0.0", "sections": {"main": [
        {"answer": {}}, {"record_call": {"format": "mp3"}}, {"play": {"url": "say:Bye"}}, "hangup"]}}
    local = {"version": "1.0.0", "sections": {"main": [
        {"answer": {}}, {"record_call": {"format": "wav", "beep": True}}, "hangup", {"play": {"url": "say:x"}}],
        "sales": [{"hangup": {}}]}}
    changes = compare(live, local)
    words = [(c.kind, c.text) for c in changes.items]
    assert (CHANGED, "In main, block 2 (record_call) changes: format “mp3” → “wav”; beep set to yes") in words
    assert any(k == ADDED and "Section “sales” is added with 1 block" in t for k, t in words)
    assert changes.count(REMOVED) + changes.count(ADDED) + changes.count(CHANGED) == len(words)
    assert "-        format: mp3" in changes.diff and "+        format: wav" in changes.diff
    assert changes.diff.startswith("--- on SignalWire")


def test_no_changes_says_so():
    changes = compare(SIMPLE, SIMPLE)
    assert changes.none and changes.headline().startswith("No changes")


def test_attribute_paths_in_the_forms_signalwire_writes():
    assert attribute_path("contents.sections.main[1].play.url") == ("sections", "main", 1, "play", "url")
    assert attribute_path("/contents/sections/main/1") == ("sections", "main", 1)
    assert attribute_path("contents") == ()
    assert attribute_path("name") is None and attribute_path(None) is None


def test_refusals_land_on_the_block_their_path_names():
    doc = swml_io.loads("version: 1.0.0\nsections:\n  main:\n  - answer: {}\n  - switch:\n"
                        "      variable: x\n      case:\n        '1':\n        - plya: {}\n", "yaml")
    placed = place(doc, [Refusal("unknown method", "contents.sections.main[1].switch.case.1[0].plya"),
                         Refusal("contents must be valid", "contents")])
    inner = doc.sections[0].steps[1].params["case"]["1"][0]
    assert placed[0].step is inner and placed[0].field == ()
    assert placed[1].step is None and placed[1].where == "the script"


def test_refusals_become_errors_on_their_blocks_or_on_the_flow():
    doc = swml_io.loads("version: 1.0.0\nsections:\n  main:\n  - answer: {}\n  - play:\n"
                        "      url: say:Hi\n", "yaml")
    play = doc.sections[0].steps[1]
    on_block, on_flow, nowhere = refusal_problems(doc, [
        Refusal("url is not reachable", "contents.sections.main[1].play.url"),
        Refusal("name is already taken", "name"),
        Refusal("unknown method", "contents.sections.main[7].plya")])
    assert (on_block.step_id, on_block.field, on_block.data_path) == (
        play.id, ("url",), ("sections", "main", 1, "play", "url"))
    assert on_block.is_error and on_block.code == REFUSED_CODE
    assert on_block.message == "SignalWire refused this: url is not reachable"
    assert (on_flow.step_id, on_flow.field, on_flow.message) == (None, (), "SignalWire refused this: name is already taken")
    assert nowhere.step_id is None and nowhere.data_path == ()


def test_plan_creates_first_then_updates_by_name_and_send_does_it(space, address):
    with SignalWireClient(address, PROJECT, TOKEN) as c:
        first = publishing.plan(c, SIMPLE, "Voicemail", None)
        assert first.action == publishing.CREATE and first.live is None
        made = publishing.send(c, first, SIMPLE)
        changed = {"version": "1.0.0", "sections": {"main": ["hangup"]}}
        second = publishing.plan(c, changed, "Voicemail", None)
        assert second.action == publishing.UPDATE and second.live.id == made.id and not second.conflict
        publishing.send(c, second, changed)
    assert len(space.scripts) == 1 and space.scripts[made.id]["contents"] == changed


def test_plan_notices_a_script_changed_since_it_was_opened(space, address):
    sid = space.add_script("Menu", SIMPLE)
    with SignalWireClient(address, PROJECT, TOKEN) as c:
        origin = publishing.Origin.of("test", c.get_script(sid))
        space.scripts[sid]["contents"] = {"version": "1.0.0", "sections": {"main": [{"answer": {}}]}}
        space.scripts[sid]["updated_at"] = space.tick()
        the_plan = publishing.plan(c, SIMPLE, "Menu", origin)
    assert the_plan.conflict and the_plan.action == publishing.UPDATE


def test_plan_on_a_deleted_origin_creates_it_again(space, address):
    origin = publishing.Origin("test", "script", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "Gone")
    with SignalWireClient(address, PROJECT, TOKEN) as c:
        the_plan = publishing.plan(c, SIMPLE, "Gone", origin)
    assert the_plan.action == publishing.CREATE and the_plan.gone


def test_origin_round_trips_through_json():
    origin = publishing.Origin("example", "call_flow", "id-1", "Desk", "2026", "abc")
    assert publishing.Origin.from_json(origin.to_json()) == origin
    assert publishing.Origin.from_json("not json") is None
    assert "Call Flow “Desk”" in origin.describe()


@pytest.mark.parametrize("kind", ["script", "call_flow"])
def test_where_to_assign_names_the_dashboard_path(kind):
    from designer.remote.client import RemoteScript
    text = publishing.where_to_assign(RemoteScript("i", "Menu", kind))
    assert "Phone Numbers" in text and "“Menu”" in text
