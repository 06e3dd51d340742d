"""Edits that used to make Save re-dump the whole file without its comments (issue 10, case 11)."""

from __future__ import annotations

import pytest

from designer.model.swml_io import dumps, loads

BASE = ("version: 1.0.0  # v\nsections:\n  main:\n  # first\n  - play: {url: 'say:a'}  # c1\n"
        "  - set:\n      x: 'abc'  # c2\n  - hangup: {}  # end\n")


@pytest.mark.parametrize("value", ["\n", "a\n\n", "a\n\n\n", "\n\n", "a\x07b", "tab\there", "\x1b[0m"],
                         ids=["only-break", "two-breaks", "three-breaks", "two-only", "bell", "tab", "escape"])
def test_awkward_texts_are_spliced_and_read_back_exactly(value):
    doc = loads(BASE)
    doc.set_param(doc.sections[0].steps[1], ("x",), value)
    out = dumps(doc)
    assert "# v" in out and "# first" in out and "# c1" in out and "# end" in out
    assert loads(out).sections[0].steps[1].params["x"] == value
    assert out.splitlines()[:5] == BASE.splitlines()[:5] and out.splitlines()[-1] == BASE.splitlines()[-1]


def test_editing_an_anchored_step_keeps_the_comments_and_the_alias_meaning():
    text = ("version: 1.0.0\nsections:\n  main:\n  # greet twice\n  - play: &p {url: 'say:a'}  # c1\n"
            "  - play: *p  # same again\n  - hangup: {}  # end\n")
    doc = loads(text)
    doc.set_param(doc.sections[0].steps[0], ("url",), "say:b")
    out = dumps(doc)
    assert "# greet twice" in out and "# end" in out
    back = loads(out)
    assert [s.params for s in back.sections[0].steps[:2]] == [{"url": "say:b"}, {"url": "say:a"}]


def test_editing_a_block_anchor_writes_out_its_aliases_only():
    text = ("version: 1.0.0\nsections:\n  main:\n  - set:  # defaults\n      opts: &o\n        a: 1\n"
            "        b: 2\n  - play:\n      url: say:x  # keep me\n      opts: *o\n  - hangup: {}  # end\n")
    doc = loads(text)
    doc.set_param(doc.sections[0].steps[0], ("opts", "a"), 5)
    out = dumps(doc)
    assert "# defaults" in out and "# keep me" in out and "# end" in out
    back = loads(out).sections[0].steps
    assert back[0].params["opts"] == {"a": 5, "b": 2} and back[1].params["opts"] == {"a": 1, "b": 2}


def test_an_unedited_file_with_aliases_saves_byte_for_byte():
    text = "version: 1.0.0\nsections:\n  main:\n  - play: &p {url: 'say:a'}\n  - play: *p  # again\n"
    assert dumps(loads(text)) == text
