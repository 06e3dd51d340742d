"""The simulator and the checks call a switch's ``default`` and a cond's ``else`` "otherwise".

Why: the canvas and the panel show those branches as "otherwise" ("+ otherwise", "Add branch:
otherwise"); trying an IVR by hand, the simulator then said "takes the default" and the empty
Variable warning spoke of "the default branch", words found nowhere on the screen.
"""

from __future__ import annotations

import pytest

from designer.model.jsengine import JsEngine
from tests.model.test_simulator_flow import simulate
from tests.model.test_step_checks import one


@pytest.fixture(scope="module")
def js():
    engine = JsEngine()
    yield engine
    engine.close()


def _switch_text(sim) -> str:
    return next(e.text for e in sim.events if e.method == "switch")


def test_the_simulator_says_otherwise_for_a_switch_default_and_a_missing_one(js):
    taken = simulate(js, """
        sections:
          main:
            - set: {color: blue}
            - switch: {variable: color, case: {red: [{hangup: {}}]}, default: [{hangup: {}}]}
        """)
    assert _switch_text(taken) == 'color is "blue": takes the \u201cotherwise\u201d steps.'
    none = simulate(js, """
        sections:
          main:
            - set: {color: blue}
            - switch: {variable: color, case: {red: [{hangup: {}}]}}
        """)
    assert "no \u201cotherwise\u201d steps" in _switch_text(none) and "default" not in _switch_text(none)


def test_the_simulator_says_otherwise_for_a_cond_else(js):
    sim = simulate(js, """
        sections:
          main:
            - cond:
                - when: "1 == 2"
                  then: [{hangup: {}}]
                - else: [{hangup: {}}]
        """)
    text = next(e.text for e in sim.events if e.method == "cond")
    assert "\u201cotherwise\u201d" in text and '"else"' not in text


def test_the_empty_variable_warning_names_the_otherwise_steps(validator, catalog):
    message = one(validator, catalog, {"switch": {"variable": "", "case": {}}})[3]
    assert "otherwise" in message and "default" not in message
