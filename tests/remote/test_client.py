"""The REST client against the fake space: routes, auth, errors in plain words, pagination."""

import base64

import pytest

from designer.remote import errors
from designer.remote.client import CALL_FLOW, SignalWireClient
from designer.remote.space import SpaceError, space_url
from tests.remote_fixtures import PROJECT, SIMPLE, TOKEN, address, offline_address, space  # noqa: F401


def client(where, token=TOKEN):
    return SignalWireClient(where, PROJECT, token)


def test_space_names_become_signalwire_addresses_and_loopback_is_plain_http():
    assert space_url("example") == "https://example.signalwire.com"
    assert space_url("Example.signalwire.com") == "https://example.signalwire.com"
    assert space_url("https://example.signalwire.com/") == "https://example.signalwire.com"
    assert space_url("127.0.0.1:8765") == "http://127.0.0.1:8765"
    assert space_url("localhost:8765") == "http://localhost:8765"
    for bad in ("", "evil.com", "example.com:80", "http://10.0.0.1:80", "a b"):
        with pytest.raises(SpaceError):
            space_url(bad)


def test_create_then_get_sends_basic_auth_and_the_swml_object(space, address):
    with client(address) as c:
        made = c.create_script("Voicemail", SIMPLE)
        again = c.get_script(made.id)
    assert again.name == "Voicemail" and again.contents == SIMPLE
    assert made.request_url.endswith(f"/swml_scripts/{made.id}/swml")
    post = space.requests[0]
    assert (post.method, post.path) == ("POST", "/api/fabric/resources/swml_scripts")
    assert post.body == {"name": "Voicemail", "script_type": "calling", "contents": SIMPLE}
    assert post.headers["Authorization"] == "Basic " + base64.b64encode(f"{PROJECT}:{TOKEN}".encode()).decode()


def test_update_changes_the_contents_and_the_time(space, address):
    sid = space.add_script("Menu", SIMPLE)
    before = space.scripts[sid]["updated_at"]
    changed = {"version": "1.0.0", "sections": {"main": ["hangup"]}}
    with client(address) as c:
        result = c.update_script(sid, changed)
    assert result.contents == changed and result.updated_at != before
    assert space.requests[-1].method == "PUT"


def test_listing_follows_every_page(space, address):
    space.page_size = 2
    for i in range(5):
        space.add_script(f"s{i}", SIMPLE)
    with client(address) as c:
        names = [s.name for s in c.list_scripts()]
    assert names == [f"s{i}" for i in range(5)]
    assert sum(1 for r in space.requests if r.method == "GET") == 3
    assert "page_token=" in space.requests[1].path


def test_contents_sent_back_as_text_are_read_too(space, address):
    space.contents_as_text = True
    sid = space.add_script("Old", SIMPLE)
    with client(address) as c:
        assert c.get_script(sid).contents == SIMPLE


def test_a_wrong_token_says_to_check_the_token_and_never_shows_it(space, address):
    with client(address, token="wrong-token") as c, pytest.raises(errors.RemoteError) as caught:
        c.list_scripts()
    assert caught.value.kind == errors.AUTH and caught.value.was_refused
    assert "token" in caught.value.message and "wrong-token" not in caught.value.message


def test_a_missing_script_is_a_plain_not_found(address):
    with client(address) as c, pytest.raises(errors.RemoteError) as caught:
        c.get_script("3fa85f64-5717-4562-b3fc-2c963f66afa6")
    assert caught.value.kind == errors.NOT_FOUND and "deleted" in caught.value.message


def test_a_refusal_carries_signalwires_messages_and_attributes(address):
    bad = {"version": "1.0.0", "sections": {"main": [{"answer": {}}, {"plya": {"url": "say:Hi"}}]}}
    with client(address) as c, pytest.raises(errors.RemoteError) as caught:
        c.create_script("Bad", bad)
    error = caught.value
    assert error.kind == errors.REFUSED and error.status == 422
    assert error.refusals[0].attribute == "contents.sections.main[1].plya"
    assert "unknown SWML method 'plya'" in error.message


def test_signalwires_own_trouble_is_not_blamed_on_the_user(space, address):
    space.fail_with = 500
    with client(address) as c, pytest.raises(errors.RemoteError) as caught:
        c.list_scripts()
    assert caught.value.kind == errors.SERVER and not caught.value.was_refused
    assert "try again" in caught.value.message


def test_offline_is_a_network_error_with_advice(offline_address):
    with client(offline_address) as c, pytest.raises(errors.RemoteError) as caught:
        c.list_scripts()
    assert caught.value.kind == errors.NETWORK and "internet connection" in caught.value.message


def test_call_flows_list_get_and_update_with_the_next_version(space, address):
    fid = space.add_flow("Front desk", SIMPLE, version=3)
    with client(address) as c:
        flows = c.list_call_flows()
        assert [(f.name, f.kind, f.version) for f in flows] == [("Front desk", CALL_FLOW, 3)]
        flow = c.get_call_flow(fid)
        assert flow.contents == SIMPLE
        updated = c.update_call_flow(flow, {"version": "1.0.0", "sections": {"main": ["hangup"]}})
    assert updated.version == 4 and space.flows[fid]["relayml"]["sections"]["main"] == ["hangup"]
    assert space.requests[-1].body["document_version"] == 4


def test_pagination_links_to_another_host_are_followed_on_this_space_only(space, address):
    with client(address) as c:
        assert c._same_space("https://evil.example/api/fabric/x?page_number=1") == "/api/fabric/x?page_number=1"


def test_a_redirect_is_not_followed_and_not_taken_for_an_empty_list():
    import httpx

    def answer(request):
        return httpx.Response(302, headers={"Location": "https://elsewhere.example/login"})
    with SignalWireClient("example", PROJECT, TOKEN, transport=httpx.MockTransport(answer)) as c, \
            pytest.raises(errors.RemoteError) as caught:
        c.list_scripts()
    assert caught.value.kind == errors.BAD_ANSWER and "space name" in caught.value.message
