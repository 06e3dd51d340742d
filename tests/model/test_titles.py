"""Plain titles and task words: every method of both schemas has one, and search finds by task."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from designer.model import titles

SHARED = Path("/work/shared/swml/schema")


def _schema_methods(path: Path) -> set[str]:
    data = json.loads(path.read_text())
    defs = data["$defs"]
    out: set[str] = set()
    for ref in defs["SWMLMethod"]["anyOf"]:
        node = defs[ref["$ref"].rsplit("/", 1)[-1]]
        out.update(node.get("properties", {}))
    return out


@pytest.mark.parametrize("name", ["signalwire-sdk/schema.json", "agents-sdk/schema.json"])
def test_every_schema_method_has_a_hand_written_title(name: str) -> None:
    path = SHARED / name
    if not path.exists():
        pytest.skip("shared schema not on this machine")
    missing = _schema_methods(path) - set(titles.known_methods())
    assert not missing


def test_titles_are_plain_words_not_code_names() -> None:
    for method in titles.known_methods():
        title = titles.block_title(method)
        assert "_" not in title and title[0].isupper(), method


def test_the_titles_people_asked_for() -> None:
    assert titles.block_title("record_call") == "Record the call"
    assert titles.block_title("play") == "Play a message"
    assert titles.block_title("prompt") == "Ask for a key press"
    assert titles.block_title("connect") == "Call a number"
    assert titles.block_title("ai") == "AI agent"


def test_unknown_method_falls_back_to_its_name_in_plain_words() -> None:
    assert titles.block_title("brand_new_thing") == "Brand new thing"
    assert titles.search_words("brand_new_thing") == ()


@pytest.mark.parametrize("text, method", [
    ("menu", "prompt"), ("voicemail", "record"), ("forward", "connect"),
    ("key press", "prompt"), ("press key", "prompt"), ("business hours", "cond"),
    ("Record the", "record_call"), ("record_call", "record_call"), ("play", "play"),
])
def test_search_finds_by_title_name_and_task_words(text: str, method: str) -> None:
    assert titles.matches(method, text)


def test_search_needs_every_typed_word() -> None:
    assert not titles.matches("hangup", "menu")
    assert not titles.matches("prompt", "key fax")
