"""Checks that follow the call's paths: each with a flow that trips it and one that does not."""

import pytest

from designer.model.document import Document


def found(validator, catalog, sections, code_prefix="flow."):
    """(code, severity, data path, message) of the path problems of a script."""
    doc = Document.from_data({"version": "1.0.0", "sections": sections}, catalog.nesting)
    return [(p.code, p.severity, p.data_path, p.message) for p in validator.validate(doc)
            if p.code.startswith(code_prefix)]


def codes(validator, catalog, sections):
    return [(c, path) for c, _s, path, _m in found(validator, catalog, sections)]


# --------------------------------------------------------------------------- reachability
def test_steps_after_a_hangup_never_run(validator, catalog):
    got = found(validator, catalog, {"main": [{"hangup": {}}, {"play": {"url": "say:hi"}}, {"hangup": {}}]})
    assert got == [("flow.unreachable", "warning", ("sections", "main", 1, "play"),
                    "This step never runs: the call has already ended at the hangup above")]
    assert len(validator.unreachable) == 2


def test_steps_after_a_transfer_never_run_but_a_branch_that_ends_is_fine(validator, catalog):
    assert codes(validator, catalog, {"main": [{"transfer": {"dest": "other"}}, {"hangup": {}}],
                                      "other": [{"hangup": {}}]}) == [
        ("flow.unreachable", ("sections", "main", 1, "hangup"))]
    assert codes(validator, catalog, {"main": [
        {"cond": [{"when": "call.type == 'sip'", "then": [{"hangup": {}}]}]}, {"hangup": {}}]}) == []
    assert validator.unreachable == frozenset()


def test_after_a_switch_whose_every_branch_hangs_up_nothing_runs(validator, catalog):
    got = codes(validator, catalog, {"main": [
        {"switch": {"variable": "call.type", "case": {"sip": [{"hangup": {}}]}, "default": [{"hangup": {}}]}},
        {"play": {"url": "say:never"}}]})
    assert got == [("flow.unreachable", ("sections", "main", 1, "play"))]
    assert found(validator, catalog, {"main": [
        {"switch": {"variable": "call.type", "case": {"sip": [{"hangup": {}}]}, "default": [{"hangup": {}}]}},
        {"play": {"url": "say:never"}}]})[0][3] == (
        "This step never runs: every branch of the switch above ends the call or leaves")


def test_a_section_nobody_enters_is_warned_on_its_first_step(validator, catalog):
    got = found(validator, catalog, {"main": [{"hangup": {}}], "spare": [{"hangup": {}}]})
    assert got == [("flow.section_never_entered", "warning", ("sections", "spare"),
                    "No call ever enters section 'spare': no execute or transfer on the call's paths goes there")]
    assert len(validator.unreachable) == 1  # its step is greyed
    assert codes(validator, catalog, {"main": [{"execute": {"dest": "spare"}}], "spare": [{"hangup": {}}]}) == []
    assert validator.unreachable == frozenset()


def test_a_destination_decided_at_run_time_may_enter_any_section(validator, catalog):
    assert codes(validator, catalog, {"main": [{"set": {"next": "spare"}}, {"transfer": {"dest": "${next}"}}],
                                      "spare": [{"play": {"url": "say:${anything}"}}]}) == []
    assert codes(validator, catalog, {"main": [{"play": {"url": "say:${unset}"}}, {"transfer": {"dest": "${next}"}}],
                                      "spare": [{"hangup": {}}]}) == [
        ("flow.variable_not_set", ("sections", "main", 0, "play", "url")),
        ("flow.variable_not_set", ("sections", "main", 1, "transfer", "dest"))]


def test_an_unconditional_goto_back_without_max_is_a_loop(validator, catalog):
    loop = [{"label": "top"}, {"play": {"url": "say:again"}}, {"goto": {"label": "top"}}]
    got = found(validator, catalog, {"main": loop})
    assert [(c, s, p) for c, s, p, _m in got] == [("flow.endless_goto", "warning",
                                                   ("sections", "main", 2, "goto", "label"))]
    assert "repeat 100 times" in got[0][3]
    with_max = [{"label": "top"}, {"play": {"url": "say:again"}}, {"goto": {"label": "top", "max": 3}}]
    assert codes(validator, catalog, {"main": with_max}) == []
    with_exit = [{"label": "top"}, {"prompt": {"play": "say:1 to stop"}},
                 {"cond": [{"when": "prompt_value == '1'", "then": [{"hangup": {}}]}]}, {"goto": {"label": "top"}}]
    assert codes(validator, catalog, {"main": with_exit}) == []


def test_a_section_that_executes_itself_before_anything_else_never_ends(validator, catalog):
    got = found(validator, catalog, {"main": [{"execute": {"dest": "a"}}],
                                     "a": [{"play": {"url": "say:hi"}}, {"execute": {"dest": "b"}}],
                                     "b": [{"execute": {"dest": "a"}}]})
    assert [(c, s, p) for c, s, p, _m in got] == [
        ("flow.execute_recursion", "error", ("sections", "a", 1, "execute", "dest")),
        ("flow.execute_recursion", "error", ("sections", "b", 0, "execute", "dest"))]
    assert "a -> b -> a" in got[0][3]
    guarded = {"main": [{"execute": {"dest": "a"}}],
               "a": [{"prompt": {"play": "say:again?"}},
                     {"cond": [{"when": "prompt_value == '1'", "then": [{"execute": {"dest": "a"}}]}]}]}
    assert codes(validator, catalog, guarded) == []


# --------------------------------------------------------------------------- variables
def test_prompt_value_after_its_prompt_was_deleted(validator, catalog):
    switch = {"switch": {"variable": "prompt_value", "case": {"1": [{"hangup": {}}]}}}
    got = found(validator, catalog, {"main": [switch]})
    assert got == [("flow.variable_not_set", "warning", ("sections", "main", 0, "switch", "variable"),
                    "'prompt_value' is empty here: no Ask (prompt) block comes before this step on any path")]
    assert codes(validator, catalog, {"main": [{"prompt": {"play": "say:Press 1"}}, switch]}) == []


def test_a_variable_set_on_one_branch_only_may_be_empty(validator, catalog):
    sections = {"main": [
        {"cond": [{"when": "call.type == 'sip'", "then": [{"set": {"who": "sip"}}]}]},
        {"play": {"url": "say:Hello ${who}"}}]}
    assert found(validator, catalog, sections) == [
        ("flow.variable_maybe_not_set", "warning", ("sections", "main", 1, "play", "url"),
         "On some paths to this step nothing sets 'who': it may be empty")]
    sections["main"][0]["cond"].append({"else": [{"set": {"who": "phone"}}]})
    assert codes(validator, catalog, sections) == []


def test_variables_carry_into_executed_sections_and_call_fields_are_always_set(validator, catalog):
    assert codes(validator, catalog, {
        "main": [{"set": {"lang": "en"}}, {"execute": {"dest": "greet", "params": {"x": 1}}}],
        "greet": [{"play": {"url": "say:${lang} ${call.from} %{params.x} ${vars.lang}"}}]}) == []


def test_return_value_needs_something_that_sets_it(validator, catalog):
    got = found(validator, catalog, {"main": [{"play": {"url": "say:${return_value}"}}]})
    assert got[0][0:3] == ("flow.variable_not_set", "warning", ("sections", "main", 0, "play", "url"))
    assert "no execute, connect or request block" in got[0][3]
    assert codes(validator, catalog, {"main": [{"execute": {"dest": "sub", "on_return": [
        {"play": {"url": "say:${return_value}"}}]}}], "sub": [{"return": 5}]}) == []


def test_an_ai_agent_may_set_anything_so_later_uses_are_not_guessed(validator, catalog):
    assert codes(validator, catalog, {"main": [{"ai": {"prompt": {"text": "hi"}}},
                                               {"play": {"url": "say:${whatever}"}}]}) == []


def test_unset_empties_a_variable_again(validator, catalog):
    assert codes(validator, catalog, {"main": [{"set": {"a": 1}}, {"unset": "a"}, {"play": {"url": "say:${a}"}}]}) == [
        ("flow.variable_not_set", ("sections", "main", 2, "play", "url"))]


def test_record_url_before_a_recording(validator, catalog):
    assert codes(validator, catalog, {"main": [{"play": {"url": "${record_call_url}"}}, {"record_call": {}}]}) == [
        ("flow.record_url_before_record", ("sections", "main", 0, "play", "url"))]


# --------------------------------------------------------------------------- recording
def test_stop_recording_reached_through_a_branch_where_none_started(validator, catalog):
    sections = {"main": [
        {"cond": [{"when": "call.type == 'sip'", "then": [{"record_call": {}}]}]},
        {"stop_record_call": {}}]}
    assert found(validator, catalog, sections) == [
        ("flow.stop_maybe_not_recording", "warning", ("sections", "main", 1, "stop_record_call"),
         "On some paths to this step no recording is running: nothing to stop there")]
    sections["main"].insert(0, {"record_call": {}})
    assert codes(validator, catalog, sections) == []


def test_stop_recording_where_none_ever_started(validator, catalog):
    assert codes(validator, catalog, {"main": [{"stop_record_call": {}}]}) == [
        ("flow.stop_before_record", ("sections", "main", 0, "stop_record_call"))]


def test_a_recording_running_at_hangup_is_only_a_note(validator, catalog):
    got = found(validator, catalog, {"main": [{"record_call": {}}, {"hangup": {}}]})
    assert [(c, s, p) for c, s, p, _m in got] == [("flow.recording_not_stopped", "info",
                                                   ("sections", "main", 1, "hangup"))]
    assert codes(validator, catalog, {"main": [{"record_call": {}}, {"stop_record_call": {}}, {"hangup": {}}]}) == []


# --------------------------------------------------------------------------- branches
@pytest.mark.parametrize("prompt, cases, bad", [
    ({"play": "say:Press a key"}, ["1", "12", "a"], ["12", "a"]),
    ({"play": "say:Enter PIN", "max_digits": 4}, ["1234", "12345"], ["12345"]),
    ({"play": "say:Say it", "speech_hints": ["yes"]}, ["yes", "12"], []),
])
def test_a_case_the_prompt_can_never_give(validator, catalog, prompt, cases, bad):
    switch = {"switch": {"variable": "prompt_value", "case": {k: [{"hangup": {}}] for k in cases}}}
    got = found(validator, catalog, {"main": [{"prompt": prompt}, switch]})
    assert [p[-1] for c, _s, p, _m in got if c == "flow.impossible_case"] == bad


def test_a_case_outside_a_result_variables_values(validator, catalog):
    switch = {"switch": {"variable": "prompt_result", "case": {"match_digits": [], "timeout": []}}}
    got = found(validator, catalog, {"main": [{"prompt": {"play": "say:hi"}}, switch]})
    assert [(c, p[-1]) for c, _s, p, _m in got] == [("flow.impossible_case", "timeout")]
    assert "one of failed, match_digits, match_speech, no_input, no_match" in got[0][3]


def test_a_param_no_caller_passes(validator, catalog):
    sections = {"main": [{"execute": {"dest": "greet", "params": {"name": "Ann"}}}],
                "greet": [{"play": {"url": "say:Hello ${params.name} from ${params.town}"}}]}
    assert found(validator, catalog, sections) == [
        ("flow.param_not_passed", "warning", ("sections", "greet", 0, "play", "url"),
         "No execute or transfer into section 'greet' passes 'town' in its params: params.town will be empty")]
    sections["main"][0]["execute"]["params"]["town"] = "Oslo"
    assert codes(validator, catalog, sections) == []


def test_playing_the_recording_back_before_stopping_it(validator, catalog):
    sections = {"main": [{"record_call": {}}, {"play": {"urls": ["say:Playing back", "${record_call_url}"]}}]}
    assert found(validator, catalog, sections) == [
        ("flow.record_url_while_recording", "warning", ("sections", "main", 1, "play", "urls", 1),
         "The recording is still running here: stop it (Stop recording) before playing it back")]
    sections["main"].insert(1, {"stop_record_call": {}})
    assert codes(validator, catalog, sections) == []


def test_names_are_read_from_expressions_and_strings_are_skipped():
    from designer.model.var_uses import expression_names
    assert expression_names("${prompt_value} == 1") == ["prompt_value"]
    assert expression_names("vars.total > 5 && 'call' != name.trim() && Math.max(a, 1)") == ["total", "name", "a"]
    assert expression_names("params.town + call.from") == ["params.town", "call"]


def test_after_an_execute_whose_section_never_comes_back(validator, catalog):
    got = found(validator, catalog, {"main": [{"execute": {"dest": "sub", "on_return": [{"play": {"url": "say:x"}}]}},
                                              {"play": {"url": "say:back"}}],
                                     "sub": [{"hangup": {}}]})
    assert [(c, p[-1], m) for c, _s, p, m in got] == [
        ("flow.unreachable", "play", "This branch never runs: the section the execute calls never comes back "
                                     "(it ends the call or leaves)"),
        ("flow.unreachable", "play", "This step never runs: the section the execute above calls never comes back "
                                     "(it ends the call or leaves)")]


def test_a_request_reply_needs_save_variables(validator, catalog):
    request = {"request": {"url": "https://example.com/api", "method": "GET"}}
    play = {"play": {"url": "say:${request_response.status}"}}
    got = found(validator, catalog, {"main": [request, play]})
    assert [(c, m) for c, _s, _p, m in got] == [("flow.variable_not_set", "'request_response' is empty here: no "
                                                "request block with save_variables on comes before this step on any path")]
    request["request"]["save_variables"] = True
    assert codes(validator, catalog, {"main": [request, play]}) == []


def test_steps_after_a_goto_that_always_jumps_back(validator, catalog):
    loop = [{"label": "top"}, {"prompt": {"play": "say:1 to stop"}},
            {"cond": [{"when": "prompt_value == '1'", "then": [{"hangup": {}}]}]},
            {"goto": {"label": "top"}}, {"play": {"url": "say:after"}}]
    got = found(validator, catalog, {"main": loop})
    assert [(c, p[-2:], m) for c, _s, p, m in got] == [
        ("flow.unreachable", (4, "play"), "This step never runs: the goto above jumps back to 'top' every time "
                                          "(only after its default max of 100 jumps would the call go on)")]
    loop[3]["goto"]["max"] = 3
    assert codes(validator, catalog, {"main": loop}) == []
