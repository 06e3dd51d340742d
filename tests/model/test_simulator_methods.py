"""What the simulated methods do: caller input, out variables, outside-world outcomes."""

from __future__ import annotations

import textwrap

import pytest

from designer.model import swml_io
from designer.model.jsengine import JsEngine
from designer.model.semantics import known_methods, semantics
from designer.model.simulator import Simulator
from designer.model.simulator_events import Question
from designer.model.simulator_methods import CONNECT_CHOICES, METHODS, play_items
from designer.model.simulator_setup import CallSetup, CallerInput, parse_assignment


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


PROMPT = """
    sections:
      main:
        - prompt: {play: "say:Enter your code", max_digits: 4, terminators: "#"}
    """


def test_digits_up_to_the_terminator_are_collected(js):
    values = simulate(js, PROMPT, inputs=["123#"]).variables()
    assert values["prompt_value"] == "123"
    assert values["prompt_result"] == "match_digits"
    assert values["prompt_digit_terminator"] == "#"


def test_max_digits_caps_what_is_collected(js):
    sim = simulate(js, "sections:\n  main:\n    - prompt: {play: 'say:x'}\n", inputs=["42"])
    assert sim.variables()["prompt_value"] == "4"


def test_speech_is_heard_only_when_the_prompt_listens_for_speech(js):
    spoken = simulate(js, """
        sections:
          main:
            - prompt: {play: "say:Which team?", speech_hints: [sales, support]}
        """, inputs=["speech:sales"]).variables()
    assert spoken["prompt_result"] == "match_speech"
    assert spoken["prompt_value"] == "sales"
    assert 0 < spoken["prompt_speech_confidence"] <= 1
    ignored = simulate(js, PROMPT, inputs=["speech:sales"]).variables()
    assert ignored["prompt_result"] == "no_input"


def test_when_inputs_run_out_the_prompt_gets_no_input(js):
    sim = simulate(js, """
        sections:
          main:
            - prompt: {play: "say:First"}
            - prompt: {play: "say:Second"}
            - play: {url: "say:${prompt_result}"}
        """, inputs=["1"])
    assert sim.events[-1].heard() == ["no_input"]
    assert sim.variables()["prompt_value"] == ""


def test_caller_inputs_are_checked():
    assert CallerInput.parse("123#") == CallerInput(digits="123#")
    assert CallerInput.parse("speech:talk to sales") == CallerInput(speech="talk to sales")
    with pytest.raises(ValueError, match="not keys"):
        CallerInput.parse("12a")


def test_record_call_sets_an_https_url_naming_the_recording(js):
    sim = simulate(js, """
        sections:
          main:
            - record_call: {control_id: voicemail, format: mp3, beep: true}
            - stop_record_call: {control_id: voicemail}
            - play: {urls: ["say:Here it is", "${record_call_url}"]}
        """)
    values = sim.variables()
    assert values["record_call_url"].startswith("https://")
    assert values["record_call_url"].endswith("/voicemail.mp3")
    assert values["record_call_result"] == "success"
    assert values["record_control_id"] == "voicemail"
    assert values["stop_record_call_result"] == "success"
    assert sim.events[-1].play == [{"say": "Here it is"}, {"url": values["record_call_url"]}]
    assert "beep" in sim.events[0].text


def test_set_keeps_types_and_sees_earlier_values_of_the_same_step(js):
    sim = simulate(js, """
        sections:
          main:
            - set:
                quantity: "${parseInt('3')}"
                subtotal: "${quantity * 5}"
                tax: "${subtotal * 0.1}"
                label: "n=${quantity}"
            - play: {url: "say:Total ${(subtotal + tax).toFixed(2)}"}
        """)
    values = sim.variables()
    assert values["quantity"] == 3 and values["subtotal"] == 15 and values["label"] == "n=3"
    assert sim.events[-1].heard() == ["Total 16.50"]


def test_unset_forgets_variables(js):
    sim = simulate(js, "sections:\n  main:\n    - set: {a: 1, b: 2}\n    - unset: [a]\n")
    assert sim.variables() == {"b": 2}


def test_play_items_cover_every_playable_kind():
    assert play_items(["say: Hi", "silence:2", "ring:5:us", "ring:us", "https://x/a.mp3"]) == [
        {"say": "Hi"}, {"silence": 2}, {"ring": 5}, {"ring": None}, {"url": "https://x/a.mp3"}]


def test_call_fields_and_vars_from_the_setup_reach_expressions(js):
    sim = simulate(js, "sections:\n  main:\n    - play: {url: 'say:${call.from} ${greeting}'}\n",
                   call={"from": "+4420"}, vars={"greeting": "hi"})
    assert sim.events[0].heard() == ["+4420 hi"]
    assert parse_assignment("from=+15551234567", typed=False) == ("from", "+15551234567")
    assert parse_assignment("n=5") == ("n", 5)


CONNECT = """
    sections:
      main:
        - connect: {to: "+15550100001"}
        - play: {url: "say:${connect_result} ${connect_failed_reason}"}
    """


@pytest.mark.parametrize("choice, heard", [
    ("answered", "connected"), ("busy", "failed busy"), ("no answer", "failed no_answer"),
    ("declined", "failed declined"), ("failed", "failed error")])
def test_each_connect_outcome_sets_its_variables(js, choice, heard):
    sim = simulate(js, CONNECT, outcomes={"connect": [choice]})
    assert sim.events[-1].heard() == [heard]
    assert sim.variables()["return_value"] == CONNECT_CHOICES[choice][0]


def test_connect_is_answered_by_default(js):
    assert simulate(js, CONNECT).variables()["connect_result"] == "connected"


def test_outcomes_given_as_a_list_are_used_in_turn(js):
    sim = simulate(js, """
        sections:
          main:
            - connect: {to: "+15550100001"}
            - connect: {to: "+15550100002"}
            - connect: {to: "+15550100003"}
        """, outcomes={"connect": ["busy", "answered"]})
    assert [e.set["connect_result"] for e in sim.events] == ["failed", "connected", "connected"]


def test_the_window_is_asked_for_an_outcome_and_the_answer_is_used(js):
    doc = swml_io.loads(textwrap.dedent(CONNECT), "yaml")
    sim = Simulator(doc, CallSetup(ask=True), js=js)
    question = sim.run()
    assert isinstance(question, Question) and question.kind == "outcome"
    assert question.choices == list(CONNECT_CHOICES) and question.default == "answered"
    sim.answer("busy")
    sim.run()
    assert sim.variables()["connect_failed_reason"] == "busy"


OUTSIDE = sorted(m for m in known_methods() if semantics(m).outcome and semantics(m).outcomes
                 and m not in ("prompt",))


@pytest.mark.parametrize("method", OUTSIDE)
def test_every_outside_outcome_of_the_table_can_be_chosen(js, method):
    facts = semantics(method)
    for outcome in facts.outcomes:
        if method == "connect":
            continue  # offered as answered/busy/no answer, tested above
        sim = simulate(js, f"sections:\n  main:\n    - {method}: {{}}\n",
                       outcomes={method: [outcome]})
        assert sim.end.reason in ("end", "transfer", "hangup"), sim.end
        values = sim.variables()
        assert values[facts.outcome] == outcome
        for variable in facts.sets:
            if not variable.prefix:
                assert variable.name in values, (method, variable.name)


def test_request_sets_the_response_variables(js):
    ok = simulate(js, "sections:\n  main:\n    - request: {url: 'https://api.example.com/x', method: GET}\n")
    values = ok.variables()
    assert values["request_result"] == "success" and values["request_response_code"] == 200
    assert values["request_url"] == "https://api.example.com/x"
    failed = simulate(js, "sections:\n  main:\n    - request: {url: 'https://a.example', method: GET}\n",
                      outcomes={"request": "failed"}).variables()
    assert failed["request_result"] == "failed" and failed["return_value"] == "failed"


def test_execute_of_a_url_asks_the_outside_world(js):
    sim = simulate(js, """
        sections:
          main:
            - execute: {dest: "https://example.com/sub.yaml"}
            - play: {url: "say:back"}
        """)
    assert sim.events[-1].heard() == ["back"]
    hung = simulate(js, "sections:\n  main:\n    - execute: {dest: 'https://e.com/s'}\n",
                    outcomes={"execute": ["hung up"]})
    assert hung.end.reason == "hangup"


def test_methods_still_falling_back_to_the_generic_simulation():
    """Not a bug list: these run by the table alone (outcome and variables), no own code."""
    generic = sorted(m for m in known_methods() if m not in METHODS and semantics(m).flow == "continue")
    assert "detect_machine" in generic and "play" not in generic


def test_connect_with_transfer_after_bridge_leaves_the_script_once_answered(js):
    text = """
        sections:
          main:
            - connect: {to: "+15550100001", transfer_after_bridge: "https://example.com/after"}
            - play: {url: "say:not answered"}
        """
    answered = simulate(js, text)
    assert answered.end.reason == "transfer" and "https://example.com/after" in answered.end.detail
    busy = simulate(js, text, outcomes={"connect": "busy"})
    assert busy.events[-1].heard() == ["not answered"] and busy.end.reason == "end"


@pytest.mark.parametrize("outcome, end", [("connected", "transfer"), ("hangup", "hangup"),
                                          ("timeout", "end")])
def test_enter_queue_ends_where_the_queue_sends_the_call(js, outcome, end):
    sim = simulate(js, """
        sections:
          main:
            - enter_queue: {queue_name: support, transfer_after_bridge: "https://example.com/bye"}
            - play: {url: "say:Nobody is free"}
        """, outcomes={"enter_queue": outcome})
    assert sim.end.reason == end
    assert sim.variables()["queue_result"] == outcome
    assert (sim.events[-1].heard() == ["Nobody is free"]) == (end == "end")
