"""Line endings are kept as they were (issue 10, case 5): CR-only files used to crash the
splicer (Save did nothing), and mixed files came back all CRLF after one edit."""

from __future__ import annotations

import pytest

from designer.model.document import Step
from designer.model.line_endings import split_endings
from designer.model.swml_io import dumps, locate, loads

LINES = ["version: 1.0.0", "sections:", "  main:", "  - answer: {}  # hi", "  - play:",
         "      url: say:hi", "  - hangup: {}", ""]


def edited(text: str) -> str:
    doc = loads(text)
    steps = doc.sections[0].steps
    doc.set_param(steps[1], ("url",), "say:bye")
    doc.insert_step(steps, 1, Step("sleep", 100))
    return dumps(doc)


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"], ids=["cr", "crlf", "lf"])
def test_one_kind_of_ending_is_kept_on_every_line(ending):
    text = ending.join(LINES)
    assert dumps(loads(text)) == text
    out = edited(text)
    assert "say:bye" in out and "# hi" in out and "sleep: 100" in out
    assert split_endings(out)[1].uniform == ending


def test_mixed_endings_stay_on_the_lines_that_had_them():
    ends = ["\n", "\r\n", "\n", "\r\n", "\n", "\r\n", "\n"]
    text = "".join(line + end for line, end in zip(LINES, ends))
    out = edited(text)
    kept = out.splitlines(keepends=True)
    assert kept[:4] == [LINES[i] + ends[i] for i in range(4)]
    assert kept[-1] == "  - hangup: {}\n" and "      url: say:bye\r\n" in kept
    assert loads(out).to_data() == loads(edited(text.replace("\r\n", "\n"))).to_data()


def test_problems_are_placed_on_the_right_line_in_a_cr_only_file():
    find = locate("\r".join(LINES), "yaml")
    assert find(("sections", "main", 2, "hangup")) == (7, 13)
