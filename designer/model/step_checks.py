"""Checks of one step on its own, from the semantics table: addresses, number ranges, branches.

They need nothing but the step, so the validator caches them with its schema findings (only an
edited step is checked again).

- **Addresses**: phone numbers in E.164 (``+`` and 8 to 15 digits), SIP URIs (``sip:user@host``),
  http(s) URLs where URLs go, what ``connect`` can dial, ``transfer``/``execute`` destinations.
  A number written with spaces, dashes or brackets gets a fix to E.164 when its country code is
  written (``+1 (555) 123-4567``); without it the country is a guess, so there is no fix.
- **Numbers**: durations, counts and volumes within the ranges of the reference pages.
- **Branches**: a ``switch`` with no variable or with ``${...}`` around the name; a condition
  written inside ``${...}`` (the reference says conditions see the variables already); a
  condition that is not JavaScript (checked with the same V8 the simulator uses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from designer.model.messages import Finding
from designer.model.problems import ERROR, WARNING
from designer.model.semantics import (
    CALLER_ID, DESTINATION, DIAL, PHONE, SIP, URL, destination_kind, looks_like_phone, match_paths, semantics,
)
from designer.model.steps import MISSING, Step

E164 = re.compile(r"^\+[1-9]\d{7,14}$")
SIP_URI = re.compile(r"^sips?:[^@\s]+@[^@\s]+$")
HTTP_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)
_VAR = re.compile(r"[$%]\{")
_PLACEHOLDER_DIGITS = re.compile(r"^\+?\d*[Xx]{3,}")
_SEPARATORS = re.compile(r"[\s().\-/]")

#: ``field_label(method, path)``: the name a person sees for a param (from the catalog).
Labeller = Callable[[str, tuple[Any, ...]], str]


@dataclass(frozen=True)
class MethodFix:
    """A fix that turns the step into another method (``transfer`` to a number -> ``connect``)."""

    method: str
    params: Any


def check(step: Step, label: Labeller, syntax_error: Callable[[str], str | None] | None = None) -> list[Finding]:
    """Every address, number and branch finding of ``step``."""
    if step.form != "method":
        return []
    out: list[Finding] = []
    meaning = semantics(step.method)
    params = step.params
    for address in meaning.addresses:
        for path, value in match_paths(params, address.path):
            if isinstance(value, str) and not _VAR.search(value):
                out.extend(_address(step, address.kind, path, value, label))
    for number in meaning.numbers:
        for path, value in match_paths(params, number.path):
            out.extend(_number(step, number, path, value, label))
    out.extend(_branches(step, syntax_error))
    return out


# ----------------------------------------------------------------------------- addresses
def e164_fix(text: str) -> str | None:
    """``+1 (555) 123-4567`` -> ``+15551234567``, ``0044 20 7946 0958`` -> ``+442079460958``;
    ``None`` when the country code is not written (the number is then ambiguous)."""
    compact = _SEPARATORS.sub("", text.strip())
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+") and E164.match(compact):
        return compact
    return None


def _address(step: Step, kind: str, path: tuple[Any, ...], value: str, label: Labeller) -> Iterator[Finding]:
    name = label(step.method, path)
    text = value.strip()
    if kind == DESTINATION:
        yield from _destination(step, path, text)
        return
    if kind in (PHONE, DIAL, CALLER_ID) and (E164.match(text) or (kind != PHONE and SIP_URI.match(text))):
        return
    if kind == DIAL and (text.startswith(("/", "queue:", "stream:wss://", "stream:ws://")) or SIP_URI.match(text)):
        return
    if kind in (PHONE, DIAL, CALLER_ID) and _PLACEHOLDER_DIGITS.search(text):
        yield Finding(ERROR, f"{name} '{value}' is a placeholder: put the real phone number", path,
                      "address.placeholder")
        return
    if kind in (PHONE, DIAL, CALLER_ID) and looks_like_phone(text):
        fixed = e164_fix(text)
        if fixed:
            yield Finding(ERROR, f"{name} '{value}' must be written without spaces or dashes: {fixed}",
                          path, "address.phone_format", fixed)
        else:
            yield Finding(ERROR, f"{name} '{value}' needs its country code: write + then the country code and "
                          "the number, e.g. +15551234567", path, "address.phone_country")
        return
    if kind == PHONE:
        yield Finding(ERROR, f"{name} '{value}' is not a phone number: write + then the country code and the "
                      "number, e.g. +15551234567", path, "address.phone")
    elif kind == DIAL:
        yield Finding(ERROR, f"{name} '{value}' is not something a call can go to: use a phone number "
                      "(+15551234567) or a SIP address (sip:alice@example.com)", path, "address.dial")
    elif kind == CALLER_ID:
        yield Finding(WARNING, f"{name} '{value}' is not a phone number or SIP address: the call may be refused",
                      path, "address.caller_id")
    elif kind == SIP and not SIP_URI.match(text):
        yield Finding(ERROR, f"{name} '{value}' is not a SIP address: write it as sip:user@example.com",
                      path, "address.sip")
    elif kind == URL and not HTTP_URL.match(text):
        severity = WARNING if re.search(r"status|callback|call_state", str(path[-1])) else ERROR
        yield Finding(severity, f"{name} '{value}' is not a web address: it must start with https:// (or http://)",
                      path, "address.url")


def _destination(step: Step, path: tuple[Any, ...], text: str) -> Iterator[Finding]:
    kind = destination_kind(text)
    if kind == "phone":
        to = e164_fix(text) or text
        params = {"to": to}
        yield Finding(ERROR, f"{step.method.capitalize()} cannot call a phone number: use Call a number (connect) "
                      "instead", path, f"address.{step.method}_phone", MethodFix("connect", params))
    elif kind == "unknown" and not text.startswith("{"):
        yield Finding(ERROR, f"'{text}' is not a section name (letters, digits, _ and -), a web address "
                      "(https://...) or a SWML document", path, "address.destination")


# ----------------------------------------------------------------------------- numbers
_UNITS = {"s": "seconds", "ms": "milliseconds", "dB": "dB", "": ""}


def _number(step: Step, spec: Any, path: tuple[Any, ...], value: Any, label: Labeller) -> Iterator[Finding]:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value in spec.also:
        return
    low, high = spec.minimum, spec.maximum
    below = low is not None and (value < low or (spec.exclusive_minimum and value == low))
    above = high is not None and value > high
    if not (below or above):
        return
    name = label(step.method, path) if path else step.method
    unit = _UNITS.get(spec.unit, spec.unit)
    shown = f"{_plain(value)} {unit}".strip()
    also = f" (or {', '.join(_plain(a) for a in spec.also)})" if spec.also else ""
    if low is not None and high is not None:
        message = f"{name} must be between {_plain(low)} and {_plain(high)}{' ' + unit if unit else ''}{also}, not {shown}"
    elif spec.kind == "duration" and value < 0:
        message = f"{name} cannot be negative{also}: {shown}"
    elif spec.exclusive_minimum:
        message = f"{name} must be more than {_plain(low)}{also}, not {shown}"
    else:
        message = f"{name} must be at least {_plain(low)}{also}, not {shown}"
    yield Finding(ERROR, message, path, f"range.{spec.kind}")


def _plain(number: Any) -> str:
    return str(int(number)) if isinstance(number, float) and number.is_integer() else str(number)


# ----------------------------------------------------------------------------- branches
def _branches(step: Step, syntax_error: Callable[[str], str | None] | None) -> Iterator[Finding]:
    params = step.params
    if step.method == "switch" and isinstance(params, dict):
        variable = params.get("variable", MISSING)
        if isinstance(variable, str) and not variable.strip():
            yield Finding(WARNING, "Say which variable to compare: with none, every call takes the "
                          "\u201cotherwise\u201d steps",
                          ("variable",), "switch.empty_variable")
        elif isinstance(variable, str) and _whole_placeholder(variable):
            yield Finding(WARNING, f"Write the variable's name without ${{...}}: {_whole_placeholder(variable)} "
                          "(with it, its value is taken as the name)", ("variable",), "switch.variable_placeholder",
                          _whole_placeholder(variable))
    for path, condition in _conditions(step):
        inner = _whole_placeholder(condition)
        if inner:
            yield Finding(WARNING, "Write the condition without ${...}: conditions already see the variables",
                          path, "cond.placeholder", inner)
            continue
        if _VAR.search(condition):
            yield Finding(WARNING, "Write the condition without ${...}: conditions already see the variables "
                          "(e.g. prompt_value == '1')", path, "cond.placeholder")
            continue
        if syntax_error is not None and condition.strip():
            problem = syntax_error(condition)
            if problem:
                yield Finding(ERROR, f"This condition is not a valid JavaScript expression ({problem})", path,
                              "cond.syntax")


def _conditions(step: Step) -> Iterator[tuple[tuple[Any, ...], str]]:
    params = step.params
    if step.method == "cond" and isinstance(params, list):
        items: list[tuple[tuple[Any, ...], Any]] = [((i,), item) for i, item in enumerate(params)]
    elif step.method == "goto" and isinstance(params, dict) and isinstance(params.get("when"), str):
        yield ("when",), params["when"]
        return
    elif isinstance(params, dict) and isinstance(params.get("result"), list):
        items = [(("result", i), item) for i, item in enumerate(params["result"])]
    else:
        return
    for base, item in items:
        if isinstance(item, dict) and isinstance(item.get("when"), str):
            yield base + ("when",), item["when"]


def _whole_placeholder(text: str) -> str:
    """The inside of a text that is one ``${...}`` and nothing else, else ``""``."""
    stripped = text.strip()
    if len(stripped) > 3 and stripped[:2] in ("${", "%{") and stripped.endswith("}") \
            and stripped.count("{") == 1 and stripped.count("}") == 1:
        return stripped[2:-1].strip()
    return ""
