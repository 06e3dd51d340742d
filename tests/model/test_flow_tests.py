"""Flow tests: calls files load, compare, and a recorded run plays back the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.model import flow_tests, swml_io
from designer.model.simulator import Simulator
from designer.model.simulator_setup import CallSetup

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def test_calls_file_sits_beside_the_script():
    assert flow_tests.calls_path("/x/voicemail.yaml") == Path("/x/voicemail.calls.yaml")
    assert flow_tests.script_for(EXAMPLES / "voicemail.calls.yaml") == EXAMPLES / "voicemail.yaml"


def test_a_recorded_run_is_a_case_that_passes_again(tmp_path):
    doc = swml_io.load(EXAMPLES / "ivr-menu.yaml")
    sim = Simulator(doc, CallSetup(ask=True))
    assert sim.run().kind == "input"
    sim.answer("no input")          # the caller says nothing the first time
    assert sim.run().kind == "input"
    sim.add_input("1")
    question = sim.run()
    assert question.kind == "outcome"
    sim.answer("no answer")
    sim.run()
    entry = flow_tests.case_from_run(sim, "quiet, then sales does not answer")
    assert entry["inputs"] == ["no input", "1"]
    assert entry["outcomes"] == {"connect": "no answer"}
    calls = tmp_path / "ivr.calls.yaml"
    flow_tests.append_case(calls, entry, "ivr.yaml")
    flow_tests.append_case(calls, dict(entry, name="again"), "ivr.yaml")
    assert calls.read_text().startswith("# Calls through ivr.yaml")
    cases = flow_tests.load_calls(calls)
    assert [c.name for c in cases] == ["quiet, then sales does not answer", "again"]
    result = flow_tests.run_case(doc, cases[0])
    assert result.passed, result.difference
    assert result.sim.variables()["connect_failed_reason"] == "no_answer"


def test_differences_name_the_first_mismatch():
    doc = swml_io.load(EXAMPLES / "voicemail.yaml")
    case = flow_tests.CallCase("x", CallSetup(), {"end": "transfer"})
    assert flow_tests.run_case(doc, case).difference.startswith('end: expected "transfer"')
    case = flow_tests.CallCase("x", CallSetup(), {"vars": {"record_call_result": "failed"}})
    assert "but it is 'success'" in flow_tests.run_case(doc, case).difference
    case = flow_tests.CallCase("x", CallSetup(), {"heard": []})
    assert "expected nothing more" in flow_tests.run_case(doc, case).difference


def test_a_malformed_calls_file_is_reported(tmp_path):
    bad = tmp_path / "a.calls.yaml"
    bad.write_text("calls: 3\n")
    with pytest.raises(flow_tests.CallsFileError, match="'calls:' list"):
        flow_tests.load_calls(bad)
    bad.write_text("calls:\n  - inputs: ['x1']\n")
    with pytest.raises(flow_tests.CallsFileError, match="call 1"):
        flow_tests.load_calls(bad)
