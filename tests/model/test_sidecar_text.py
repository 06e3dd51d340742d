"""The sidecar's fast JSON text is byte for byte what ``json.dumps(indent=1)`` wrote before."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from designer.model import sidecar_text
from designer.model.layout import auto_layout, sidecar_data
from designer.model.swml_io import load


def reference(data):
    return json.dumps(data, indent=1, ensure_ascii=False, default=str)


CASES = [
    {"version": 1, "positions": {"sections/main/0": [20.0, 40.0]}, "detached": []},
    {"version": 1, "positions": {"section:main": [0, -20], "sections/é \"q\" \\ \n\u2028\x01/0": [1.5e300, -0.0]},
     "detached": [[{"play": {"url": "say:hi", "positions": {}}}]]},
    {"version": 1, "positions": {"a": [math.nan, math.inf, -math.inf, 10**20]}, "detached": []},
    {"version": 1, "positions": {"a": [], "b": [1.0], "c": [1.0, 2.0, 3.0]}, "detached": []},
    {"version": 1, "positions": {}, "detached": [["hangup"]]},
    {"version": 1, "positions": {"a": [True, 1.0]}, "detached": []},  # not numbers: json.dumps whole
    {"version": 1, "positions": {"a": (1.0, 2.0)}, "detached": []},
    {"version": 1, "positions": {1: [1.0, 2.0]}, "detached": []},
    {"positions": {"a": [1.0, 2.0]}, "version": 1, 2: "x"},
]


@pytest.mark.parametrize("data", CASES)
def test_the_text_is_what_json_dumps_writes(data):
    assert sidecar_text.dumps(data) == reference(data)


def test_a_real_flows_sidecar_is_unchanged(fixtures_dir):
    for path in sorted(Path(fixtures_dir).glob("*.yaml"))[:10]:
        doc = load(path)
        doc.positions.update(auto_layout(doc))
        data = sidecar_data(doc)
        if data is not None:
            assert sidecar_text.dumps(data) == reference(data)


def test_positions_are_not_left_to_json_dumps(monkeypatch):
    seen = []
    real = sidecar_text._slow
    monkeypatch.setattr(sidecar_text, "_slow", lambda data: seen.append(data) or real(data))
    data = {"version": 1, "positions": {f"sections/main/{i}": [i * 20.0, 40.0] for i in range(50)}, "detached": []}
    assert sidecar_text.dumps(data) == reference(data)
    assert [d["positions"] for d in seen] == [{}]
