"""Every real script in the fixtures plays through the simulator to a clean end: no crash, and
an error only where the script itself would fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.model import swml_io
from designer.model.jsengine import JsEngine
from designer.model.simulator import Simulator
from designer.model.simulator_setup import CallSetup, CallerInput

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCRIPTS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".yaml", ".json") and p.name[:3].isdigit())


@pytest.fixture(scope="module")
def js():
    engine = JsEngine()
    yield engine
    engine.close()


def _load(path: Path):
    try:
        return swml_io.load(path)
    except swml_io.ParseError:
        pytest.skip("a script that does not parse (reported by validate)")


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_each_real_script_runs_to_an_end(js, path):
    sim = Simulator(_load(path), CallSetup(inputs=[CallerInput.parse("1")], max_steps=300), js=js)
    end = sim.run()
    assert end.reason in ("hangup", "end", "transfer", "max_steps"), end
    assert sim.events, "not a single step ran"


def test_an_ivr_that_loops_on_silence_hits_the_step_bound(js):
    sim = Simulator(_load(FIXTURES / "002_recipe-build-an-ivr-menu.yaml"), CallSetup(max_steps=100), js=js)
    assert sim.run().reason == "max_steps"
    assert len(sim.events) == 100
    assert sum('Transferred to section "main"' in e.text for e in sim.events) >= 20
    assert {e.set.get("prompt_result") for e in sim.events if e.method == "prompt"} == {"no_input"}
