"""Checks of one step from the semantics table: addresses, number ranges, branch settings."""

import pytest

from designer.model.document import Document
from designer.model.step_checks import MethodFix, e164_fix
from designer.model.steps import MISSING


def problems(validator, catalog, steps, prefixes=("address.", "range.", "switch.", "cond.")):
    doc = Document.from_data({"version": "1.0.0", "sections": {"main": steps}}, catalog.nesting)
    return [p for p in validator.validate(doc) if p.code.startswith(prefixes)]


def one(validator, catalog, step):
    found = problems(validator, catalog, [step])
    assert len(found) == 1, found
    p = found[0]
    return p.code, p.severity, p.data_path, p.message, p.fix


# --------------------------------------------------------------------------- addresses
@pytest.mark.parametrize("written, fixed", [
    ("+1 (555) 123-4567", "+15551234567"), ("0044 20 7946 0958", "+442079460958"),
    ("555-1234", None), ("(555) 123-4567", None), ("+1555", None),
])
def test_e164_fix_only_when_the_country_is_written(written, fixed):
    assert e164_fix(written) == fixed


def test_connect_to_a_number_with_dashes_but_no_country(validator, catalog):
    code, severity, path, message, fix = one(validator, catalog, {"connect": {"to": "555-1234"}})
    assert (code, severity, path, fix) == ("address.phone_country", "error", ("sections", "main", 0, "connect", "to"),
                                           MISSING)
    assert message == ("Number or address '555-1234' needs its country code: write + then the country code and the number, "
                       "e.g. +15551234567")


def test_connect_to_a_spaced_number_with_its_country_gets_a_fix(validator, catalog):
    code, _s, _p, message, fix = one(validator, catalog, {"connect": {"to": "+1 555 123 4567"}})
    assert (code, fix) == ("address.phone_format", "+15551234567")
    assert message == "Number or address '+1 555 123 4567' must be written without spaces or dashes: +15551234567"


def test_connect_to_words_is_not_an_address(validator, catalog):
    code, severity, path, message, _f = one(validator, catalog, {"connect": {"to": "call sales"}})
    assert (code, severity, path) == ("address.dial", "error", ("sections", "main", 0, "connect", "to"))
    assert "'call sales' is not something a call can go to" in message


@pytest.mark.parametrize("to", ["+15551234567", "sip:alice@example.com", "/public/room", "queue:support",
                                "stream:wss://example.com/a", "${call.to}"])
def test_what_connect_can_dial(validator, catalog, to):
    assert problems(validator, catalog, [{"connect": {"to": to}}]) == []


def test_each_serial_destination_is_checked(validator, catalog):
    found = problems(validator, catalog, [{"connect": {"serial": [{"to": "+15551234567"}, {"to": "sales"}]}}])
    assert [(p.code, p.data_path[-3:]) for p in found] == [("address.dial", ("serial", 1, "to"))]


def test_transfer_to_a_phone_number_suggests_connect(validator, catalog):
    code, severity, path, message, fix = one(validator, catalog, {"transfer": {"dest": "+15551234567"}})
    assert (code, severity, path) == ("address.transfer_phone", "error", ("sections", "main", 0, "transfer", "dest"))
    assert message == "Transfer cannot call a phone number: use Call a number (connect) instead"
    assert fix == MethodFix("connect", {"to": "+15551234567"})
    assert problems(validator, catalog, [{"transfer": {"dest": "https://example.com/next"}}]) == []


def test_execute_to_something_that_is_no_destination(validator, catalog):
    code, *_rest = one(validator, catalog, {"execute": {"dest": "call sales"}})
    assert code == "address.destination"


def test_sms_numbers_and_sip_refer_addresses(validator, catalog):
    assert one(validator, catalog, {"send_sms": {"to_number": "hello", "from_number": "+15551234567",
                                                 "body": "hi"}})[0] == "address.phone"
    assert one(validator, catalog, {"sip_refer": {"to_uri": "alice@example.com"}})[0] == "address.sip"
    assert problems(validator, catalog, [{"sip_refer": {"to_uri": "sip:alice@example.com"}}]) == []


def test_request_url_must_be_a_web_address(validator, catalog):
    code, severity, *_rest = one(validator, catalog, {"request": {"url": "example.com/api", "method": "GET"}})
    assert (code, severity) == ("address.url", "error")


# --------------------------------------------------------------------------- numbers
def test_negative_record_length(validator, catalog):
    code, severity, path, message, _f = one(validator, catalog, {"record": {"max_length": -5}})
    assert (code, severity, path) == ("range.duration", "error", ("sections", "main", 0, "record", "max_length"))
    assert message == "Max length cannot be negative: -5 seconds" or message.endswith("cannot be negative: -5 seconds")
    assert problems(validator, catalog, [{"record": {"max_length": 30}}]) == []


@pytest.mark.parametrize("step, code", [
    ({"goto": {"label": "x", "max": 0}}, "schema."), ({"goto": {"label": "x", "max": 101}}, "schema."),
    ({"prompt": {"play": "say:hi", "max_digits": 0}}, "range.count"),
    ({"prompt": {"play": "say:hi", "volume": 50}}, "schema."),
    ({"sleep": {"duration": -5}}, "schema."), ({"sleep": -5}, "range.duration"),
    ({"answer": {"max_duration": -1}}, "range.duration"),
    ({"detect_machine": {"timeout": -3}}, "schema."),
    ({"connect": {"to": "+15551234567", "timeout": -3}}, "range.duration"),
])
def test_ranges_from_the_reference_pages_are_reported_once(validator, catalog, step, code):
    """Where the corrected schema already knows the range it reports it; the table covers the rest."""
    found = [p.code for p in problems(validator, catalog, [{"label": "x"}, step], ("range.", "schema."))]
    assert len(found) == 1 and found[0].startswith(code), found


def test_sleep_forever_is_allowed(validator, catalog):
    assert problems(validator, catalog, [{"sleep": {"duration": -1}}, {"sleep": 500}]) == []


# --------------------------------------------------------------------------- branches
def test_switch_with_an_empty_variable(validator, catalog):
    code, severity, path, message, _f = one(validator, catalog, {"switch": {"variable": "", "case": {}}})
    assert (code, severity, path) == ("switch.empty_variable", "warning",
                                      ("sections", "main", 0, "switch", "variable"))
    assert message.startswith("Say which variable to compare")


def test_switch_variable_written_as_a_placeholder_gets_a_fix(validator, catalog):
    found = problems(validator, catalog, [{"set": {"x": 1}}, {"switch": {"variable": "${x}", "case": {}}}])
    assert [(p.code, p.fix) for p in found] == [("switch.variable_placeholder", "x")]


def test_condition_inside_a_placeholder_gets_a_fix(validator, catalog):
    found = problems(validator, catalog, [{"cond": [{"when": "${call.type == 'sip'}", "then": []}]}])
    assert [(p.code, p.field, p.fix) for p in found] == [("cond.placeholder", (0, "when"), "call.type == 'sip'")]


def test_a_condition_that_is_not_javascript(validator, catalog):
    found = problems(validator, catalog, [{"cond": [{"when": "call.type = = 'sip'", "then": []},
                                                    {"when": "call.type == 'sip' && call.to != ''", "then": []}]}])
    assert [(p.code, p.severity, p.field) for p in found] == [("cond.syntax", "error", (0, "when"))]
    assert found[0].message.startswith("This condition is not a valid JavaScript expression (")


def test_goto_conditions_are_checked_too(validator, catalog):
    found = problems(validator, catalog, [{"label": "a"}, {"goto": {"label": "a", "when": "call.to ==", "max": 2}}])
    assert [(p.code, p.field) for p in found] == [("cond.syntax", ("when",))]


def test_a_placeholder_inside_a_condition_is_warned_without_a_fix(validator, catalog):
    found = problems(validator, catalog, [{"prompt": {"play": "say:hi"}},
                                          {"cond": [{"when": "${prompt_value} == 1", "then": []}]}])
    assert [(p.code, p.field, p.has_fix) for p in found] == [("cond.placeholder", (0, "when"), False)]
