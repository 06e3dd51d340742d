"""Placeholders evaluate as SignalWire's V8 would: scopes, the type rule, sandbox limits."""

from __future__ import annotations

import pytest

from designer.model.jsengine import (
    ExpressionError,
    JsEngine,
    find_placeholders,
    is_plain_path,
    syntax_error,
)

SCOPES = {
    "vars": {"total": 12.5, "items": ["a", "b"], "prompt_value": "1", "user": {"name": "Al"},
             "shared": "from vars"},
    "envs": {"api": "E", "shared": "from envs", "env_only": "envy"},
    "call": {"from": "+15551234567", "type": "phone", "shared": "from call"},
    "params": {"x": 3},
}


@pytest.fixture(scope="module")
def js():
    engine = JsEngine()
    yield engine
    engine.close()


def test_a_value_that_is_one_expression_keeps_its_type(js):
    assert js.substitute("${total}", SCOPES) == 12.5
    assert js.substitute("${params.x * 2}", SCOPES) == 6
    assert js.substitute("${total > 10}", SCOPES) is True
    assert js.substitute("${user}", SCOPES) == {"name": "Al"}


def test_the_reference_calls_to_fixed_on_a_number_set_that_way(js):
    scopes = {"vars": {"total": js.substitute("${5 * 2.5}", {})}}
    assert js.substitute("say: Your total is ${total.toFixed(2)}", scopes) == (
        "say: Your total is 12.50"
    )


def test_placeholders_in_longer_text_become_text(js):
    assert js.substitute("n=${params.x} ok=${total > 1}", SCOPES) == "n=3 ok=true"


def test_bare_names_resolve_vars_then_envs_then_call(js):
    assert js.substitute("${shared}", SCOPES) == "from vars"
    assert js.substitute("${env_only}", SCOPES) == "envy"
    assert js.substitute("${from}", SCOPES) == "+15551234567"
    assert js.substitute("${shared.toUpperCase()}", SCOPES) == "FROM VARS"
    assert js.substitute("${env_only + '!'}", SCOPES) == "envy!"


def test_each_scope_can_be_named(js):
    assert js.substitute("${vars.shared}", SCOPES) == "from vars"
    assert js.substitute("${envs.shared}", SCOPES) == "from envs"
    assert js.substitute("${call.shared}", SCOPES) == "from call"
    assert js.substitute("%{params.x}", SCOPES) == 3
    assert js.substitute("${call.from.substring(0, 3)}", SCOPES) == "+15"


def test_a_plain_path_is_a_lookup_and_unset_reads_empty(js):
    assert js.substitute("${nothing.here}", SCOPES) == ""
    assert js.substitute("a${vars.nope}b", SCOPES) == "ab"
    # Property access needs parentheses to be JavaScript, as the reference says.
    assert js.substitute("${items.length}", SCOPES) == ""
    assert js.substitute("${(items.length)}", SCOPES) == 2
    assert js.substitute("${items[1]}", SCOPES) == "b"


def test_substitution_walks_lists_and_mappings(js):
    assert js.substitute({"a": ["${params.x}", "x${params.x}"]}, SCOPES) == {"a": [3, "x3"]}


def test_conditions_are_javascript_with_placeholders_replaced_first(js):
    assert js.condition("${prompt_value} == 1", SCOPES)
    assert js.condition("call.type.toLowerCase() == 'phone'", SCOPES)
    assert not js.condition("vars.missing", SCOPES)
    assert not js.condition("params.x > 5", SCOPES)


def test_a_throwing_expression_is_an_error_with_a_plain_message(js):
    with pytest.raises(ExpressionError, match="it uses nope, which is not set"):
        js.substitute("${nope.toUpperCase()}", SCOPES)


def test_an_expression_that_runs_too_long_is_stopped(js):
    with pytest.raises(ExpressionError, match="ran too long"):
        js.substitute("${[1].map(() => { while (true) {} })}", SCOPES)
    assert js.substitute("${1 + 1}", SCOPES) == 2


def test_expressions_cannot_change_the_variables(js):
    js.substitute("${vars.total = 99}", SCOPES)
    assert SCOPES["vars"]["total"] == 12.5


def test_no_file_or_network_access_exists_in_the_sandbox(js):
    assert js.substitute("${typeof require + typeof fetch + typeof XMLHttpRequest}", {}) == (
        "undefinedundefinedundefined"
    )


def test_syntax_error_compiles_without_running():
    assert syntax_error("a == 1") is None
    assert syntax_error("${call.from}") is None
    assert syntax_error("[1].map(() => { while (true) {} }).length") is None
    assert syntax_error("1 +") == "Unexpected end of input"
    assert syntax_error("   ") == "The expression is empty."


def test_placeholders_are_found_with_nested_braces_and_strings():
    text = "say: ${ {a: '}'}.a } and %{call.from}"
    bodies = [p.body for p in find_placeholders(text)]
    assert bodies == [" {a: '}'}.a ", "call.from"]
    assert is_plain_path("employees[0].name")
    assert not is_plain_path("a + b")
    assert not is_plain_path("true")


def test_syntax_error_accepts_placeholders_inside_a_condition():
    # The reference's own cond example writes `'${prompt_value} == 1'`.
    assert syntax_error("${prompt_value} == 1") is None
    assert syntax_error("%{a} > 2 && ${b.c}") is None
    assert syntax_error("${a +} == 1") == "Unexpected end of input"
    assert syntax_error("${a} ==") == "Unexpected end of input"
