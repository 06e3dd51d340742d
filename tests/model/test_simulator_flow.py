"""The simulator moves the call as SignalWire does: every control-flow method, ends, bounds."""

from __future__ import annotations

import textwrap

import pytest

from designer.model import swml_io
from designer.model.jsengine import JsEngine
from designer.model.simulator import Simulator
from designer.model.simulator_events import Question, RunEnd
from designer.model.simulator_setup import CallSetup, CallerInput


@pytest.fixture(scope="module")
def js():
    engine = JsEngine()
    yield engine
    engine.close()


def simulate(js, yaml_text: str, inputs=(), **setup) -> Simulator:
    doc = swml_io.loads(textwrap.dedent(yaml_text), "yaml")
    sim = Simulator(doc, CallSetup(inputs=[CallerInput.parse(i) for i in inputs], **setup), js=js)
    sim.run()
    return sim


def heard(sim: Simulator) -> list[str]:
    return [text for event in sim.events for text in event.heard()]


def paths(sim: Simulator) -> list[str]:
    return [event.path for event in sim.events]


def test_switch_takes_the_matching_case_then_goes_on_after_it(js):
    sim = simulate(js, """
        sections:
          main:
            - prompt: {play: "say:Pick"}
            - switch:
                variable: prompt_value
                case:
                  "1": [{play: {url: "say:one"}}]
                  "2": [{play: {url: "say:two"}}]
                default: [{play: {url: "say:other"}}]
            - play: {url: "say:after"}
        """, inputs=["2"])
    assert heard(sim) == ["Pick", "two", "after"]
    assert sim.end.reason == "end"


def test_switch_default_when_no_case_matches(js):
    sim = simulate(js, """
        sections:
          main:
            - set: {color: blue}
            - switch:
                variable: color
                case: {red: [{play: {url: "say:red"}}]}
                default: [{play: {url: "say:not red"}}]
        """)
    assert heard(sim) == ["not red"]


def test_cond_takes_the_first_true_when_else_the_else(js):
    text = """
        sections:
          main:
            - cond:
                - when: call.type.toLowerCase() == 'sip'
                  then: [{play: {url: "say:sip"}}]
                - when: call.type == 'phone'
                  then: [{play: {url: "say:phone"}}]
                - else: [{play: {url: "say:else"}}]
        """
    assert heard(simulate(js, text)) == ["phone"]
    assert heard(simulate(js, text, call={"type": "sip"})) == ["sip"]
    assert heard(simulate(js, text, call={"type": "webrtc"})) == ["else"]


def test_goto_max_3_jumps_three_times_so_the_steps_run_four_times(js):
    sim = simulate(js, """
        sections:
          main:
            - label: again
            - play: {url: "say:hello"}
            - goto: {label: again, max: 3}
            - play: {url: "say:done"}
        """)
    assert heard(sim) == ["hello"] * 4 + ["done"]


def test_goto_with_when_jumps_only_while_it_holds(js):
    sim = simulate(js, """
        sections:
          main:
            - set: {n: 0}
            - label: loop
            - set: {n: "${n + 1}"}
            - goto: {label: loop, when: "vars.n < 3"}
            - play: {url: "say:n is ${n}"}
        """)
    assert heard(sim) == ["n is 3"]
    assert sim.variables()["n"] == 3


def test_goto_from_inside_a_branch_back_to_a_label_in_the_section(js):
    sim = simulate(js, """
        sections:
          main:
            - label: menu
            - prompt: {play: "say:Menu"}
            - switch:
                variable: prompt_value
                case: {"1": [{play: {url: "say:sales"}}]}
                default: [{goto: {label: menu, max: 1}}]
        """, inputs=["9", "1"])
    assert heard(sim) == ["Menu", "Menu", "sales"]


def test_goto_to_a_missing_label_stops_on_that_block_with_a_plain_message(js):
    sim = simulate(js, """
        sections:
          main:
            - play: {url: "say:hi"}
            - goto: {label: nowhere}
            - play: {url: "say:never"}
        """)
    assert sim.end.reason == "error"
    assert sim.end.path == "sections.main[1]"
    assert 'no label "nowhere"' in sim.end.detail
    assert heard(sim) == ["hi"]


def test_execute_runs_a_section_with_params_then_on_return_then_goes_on(js):
    sim = simulate(js, """
        sections:
          main:
            - execute:
                dest: greet
                params: {who: "Ann"}
                on_return: [{play: {url: "say:back with ${return_value}"}}]
            - play: {url: "say:after"}
          greet:
            - play: {url: "say:hello ${params.who}"}
            - return: done
            - play: {url: "say:never"}
        """)
    assert heard(sim) == ["hello Ann", "back with done", "after"]
    assert sim.variables()["return_value"] == "done"


def test_execute_result_picks_a_case_on_return_value(js):
    sim = simulate(js, """
        sections:
          main:
            - execute:
                dest: check
                result:
                  case: {ok: [{play: {url: "say:fine"}}]}
                  default: [{play: {url: "say:bad"}}]
          check:
            - return: ok
        """)
    assert heard(sim) == ["fine"]


def test_an_executed_section_that_runs_to_its_end_returns(js):
    sim = simulate(js, """
        sections:
          main:
            - execute: {dest: part}
            - play: {url: "say:main again"}
          part:
            - play: {url: "say:in part"}
        """)
    assert heard(sim) == ["in part", "main again"]
    assert sim.end.reason == "end"


def test_return_value_keeps_its_type(js):
    sim = simulate(js, """
        sections:
          main:
            - execute: {dest: sum}
            - play: {url: "say:${return_value.toFixed(1)}"}
          sum:
            - return: "${1 + 1.5}"
        """)
    assert heard(sim) == ["2.5"]


def test_transfer_to_a_section_never_comes_back(js):
    sim = simulate(js, """
        sections:
          main:
            - transfer: {dest: other}
            - play: {url: "say:never"}
          other:
            - play: {url: "say:other"}
        """)
    assert heard(sim) == ["other"]
    assert sim.end.reason == "end"
    assert paths(sim) == ["sections.main[0]", "sections.other[0]"]


def test_transfer_to_a_url_leaves_the_script(js):
    sim = simulate(js, """
        sections:
          main:
            - transfer: {dest: "https://example.com/next.yaml"}
            - play: {url: "say:never"}
        """)
    assert sim.end.reason == "transfer"
    assert "https://example.com/next.yaml" in sim.end.detail


def test_hangup_ends_the_call(js):
    sim = simulate(js, """
        sections:
          main:
            - hangup: {}
            - play: {url: "say:never"}
        """)
    assert sim.end.reason == "hangup"
    assert sim.end.path == "sections.main[0]"


def test_the_end_of_main_ends_the_script(js):
    sim = simulate(js, "sections:\n  main:\n    - answer: {}\n")
    assert sim.end == RunEnd("end", "The script ran to its end.")


def test_return_in_main_ends_the_script(js):
    sim = simulate(js, """
        sections:
          main:
            - return: {}
            - play: {url: "say:never"}
        """)
    assert sim.end.reason == "end"
    assert heard(sim) == []


def test_an_endless_loop_stops_at_max_steps(js):
    sim = simulate(js, """
        sections:
          main:
            - execute: {dest: main}
        """, max_steps=50)
    assert sim.end.reason == "max_steps"
    assert len(sim.events) == 50


def test_the_default_bound_is_1000_steps(js):
    sim = simulate(js, """
        sections:
          main:
            - label: top
            - set: {x: 1}
            - goto: {label: top, when: "true"}
        """)
    # goto's own max (100 jumps) ends this loop first: 101 rounds of 3 steps, then the end.
    assert sim.end.reason == "end"
    assert len(sim.events) == 101 * 3
    looping = simulate(js, """
        sections:
          main:
            - transfer: {dest: main}
        """)
    assert looping.end.reason == "max_steps" and len(looping.events) == 1000


def test_a_throwing_expression_stops_on_its_block(js):
    sim = simulate(js, """
        sections:
          main:
            - play: {url: "say:${nothing.toUpperCase()}"}
        """)
    assert sim.end.reason == "error"
    assert sim.end.path == "sections.main[0]"
    assert "it uses nothing, which is not set" in sim.end.detail


def test_a_missing_section_is_a_run_time_error(js):
    sim = simulate(js, "sections:\n  main:\n    - execute: {dest: ghost}\n")
    assert sim.end.reason == "error" and 'no section "ghost"' in sim.end.detail


def test_an_invalid_flow_can_still_be_tried(js):
    sim = simulate(js, """
        sections:
          main:
            - answer
            - play: {url: "say:still runs", volume: 900}
        """)
    assert heard(sim) == ["still runs"]


def test_next_step_shows_the_block_about_to_run(js):
    doc = swml_io.loads("sections:\n  main:\n    - answer: {}\n    - hangup: {}\n", "yaml")
    sim = Simulator(doc, js=js)
    first = sim.next_step()
    assert first is not None and first.method == "answer"
    sim.step()
    assert sim.next_step().method == "hangup"
    sim.step()
    assert sim.next_step() is None and isinstance(sim.step(), RunEnd)
    assert sim.taken == [first.id, doc.sections[0].steps[1].id]


def test_the_window_is_asked_when_the_caller_has_nothing_queued(js):
    doc = swml_io.loads("sections:\n  main:\n    - prompt: {play: 'say:Key?'}\n"
                        "    - play: {url: 'say:you said ${prompt_value}'}\n", "yaml")
    sim = Simulator(doc, CallSetup(ask=True), js=js)
    question = sim.run()
    assert isinstance(question, Question) and question.kind == "input"
    sim.add_input("7")
    sim.run()
    assert heard(sim) == ["Key?", "you said 7"]


def test_nested_executes_each_see_their_own_params_and_return_in_order(js):
    sim = simulate(js, """
        sections:
          main:
            - execute: {dest: outer, params: {name: outer}}
            - play: {url: "say:main sees ${params.name}."}
          outer:
            - execute: {dest: inner, params: {name: inner}}
            - play: {url: "say:outer sees ${params.name}"}
          inner:
            - label: top
            - set: {n: "${(vars.n || 0) + 1}"}
            - goto: {label: top, max: 1}
            - play: {url: "say:inner sees ${params.name} ${n}"}
        """)
    assert heard(sim) == ["inner sees inner 2", "outer sees outer", "main sees ."]


def test_a_transfer_inside_an_executed_section_does_not_come_back(js):
    sim = simulate(js, """
        sections:
          main:
            - execute: {dest: part}
            - play: {url: "say:never"}
          part:
            - transfer: {dest: other}
          other:
            - play: {url: "say:other"}
        """)
    assert heard(sim) == ["other"] and sim.end.reason == "end"


def test_an_answered_question_runs_its_step_once(js):
    doc = swml_io.loads(textwrap.dedent("""
        sections:
          main:
            - execute: {dest: "https://example.com/elsewhere"}
            - play: {url: "say:one"}
            - play: {url: "say:two"}
        """), "yaml")
    sim = Simulator(doc, CallSetup(ask=True), js=js)
    question = sim.run()
    assert isinstance(question, Question) and question.choices == ["returned", "hung up"]
    sim.answer("returned")
    sim.run()
    assert heard(sim) == ["one", "two"]
    assert [e.method for e in sim.events] == ["execute", "play", "play"]


def test_blocks_with_odd_params_run_or_stop_with_a_message(js):
    sim = simulate(js, """
        sections:
          main:
            - play: {url: 5}
            - play: {urls: [null, 3, "say:x"]}
            - prompt: {play: 7, max_digits: "three", terminators: 5}
            - switch: {variable: 5, case: {"1": [{hangup: {}}]}}
            - cond: [{when: "5 > 9", then: [{play: {url: "say:five"}}]}, {else: []}]
            - sleep: "abc"
            - set: [1, 2]
            - unset: {a: 1}
            - record_call: "x"
            - connect: "x"
            - request: 5
            - return: [1, 2]
        """)
    assert sim.end.reason == "end" and len(sim.events) == 12
    empty_when = simulate(js, "sections:\n  main:\n    - cond: [{when: 5, then: []}]\n")
    assert empty_when.end.reason == "error" and 'A "when" has no condition' in empty_when.end.detail
