"""What each SWML method does when a call runs it: one table shared by the path checks and the
call simulator, so the two can never disagree.

The facts come from SignalWire's reference pages (``shared/swml/reference/methods/calling``):
which variables a method sets (and, where the page lists them, their possible values), how it
moves the call on, which outcomes come from the outside world, and which params are addresses,
durations, counts or volumes with their ranges. The table itself is in
:mod:`designer.model.semantics_table`; this module holds the types and the functions that read
a concrete step (its branches, where it sends the call).

How a call moves (the ``flow`` of a method):

- :data:`CONTINUE`: runs, then the next step of the same list.
- :data:`HANGUP`: the call ends here.
- :data:`TRANSFER`: the call leaves for ``dest`` (a section, a URL, inline SWML) and does not come
  back: steps after it in the same list never run.
- :data:`GOTO`: jumps to ``label`` in the same section; with ``when``, only if that JavaScript
  condition holds (otherwise it goes on); ``max`` (1 to 100, default 100) bounds the jumps.
- :data:`EXECUTE`: runs ``dest`` as a subroutine; when it returns, ``on_return`` runs, then the
  ``result`` branches (picked by ``return_value``), then the next step.
- :data:`RETURN`: leaves the executed section (back to the ``execute``); in ``main``, ends the
  script.
- :data:`BRANCH`: ``switch``/``cond`` pick one nested list (see :func:`branches`).

After a nested list (a case, a ``then``, ``on_return``...) runs to its end, the call goes on with
the step after the one that holds it. At the end of a section entered by ``execute`` the call
returns to the caller; at the end of ``main`` (or of a section reached by ``transfer``) the script
is over. Methods without an entry in the table fall back to :data:`FALLBACK`: runs, sets nothing,
goes on (see :func:`unknown_methods`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from designer.model.steps import ParamPath, Step, StepList

CONTINUE = "continue"
HANGUP = "hangup"
TRANSFER = "transfer"
GOTO = "goto"
EXECUTE = "execute"
RETURN = "return"
BRANCH = "branch"

#: Kinds of address a param may hold (:attr:`Address.kind`).
PHONE = "phone"             # E.164: + and 8 to 15 digits
SIP = "sip"                 # sip:user@host
URL = "url"                 # http:// or https://
DIAL = "dial"               # what connect dials: phone, SIP, /resource, queue:..., stream:wss://...
CALLER_ID = "caller_id"     # phone or SIP
DESTINATION = "destination"  # transfer/execute: section name, URL, inline SWML (JSON), relay:...


@dataclass(frozen=True)
class Variable:
    """A variable a method sets; ``values`` lists what it can hold when the page says (else empty)."""

    name: str
    values: tuple[str, ...] = ()
    #: A variable whose name is a prefix: ``request_response.`` covers ``request_response.status``.
    prefix: bool = False


@dataclass(frozen=True)
class Number:
    """A numeric param and its range from the reference page.

    ``path`` may hold ``"*"`` for any list index or key. ``kind`` is ``"duration"``, ``"count"``,
    ``"volume"`` or ``"level"``; ``unit`` is ``"s"``, ``"ms"``, ``"dB"`` or ``""``. ``also`` lists
    values allowed outside the range (``sleep`` takes ``-1``: forever).
    """

    path: ParamPath
    kind: str
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    also: tuple[float, ...] = ()
    #: ``True`` when the page says the value must be above ``minimum`` (not equal to it).
    exclusive_minimum: bool = False
    #: The value when the param is left out, where the page gives one (``goto.max``: 100).
    default: float | None = None


@dataclass(frozen=True)
class Address:
    """A param holding an address of ``kind`` (:data:`PHONE`, :data:`URL`...); ``path`` as in :class:`Number`."""

    path: ParamPath
    kind: str


@dataclass(frozen=True)
class Semantics:
    """What one method does at run time.

    Attributes:
        flow: how it moves the call on (:data:`CONTINUE`, :data:`HANGUP`...).
        sets: the variables it sets.
        sets_unknown: it may set variables that cannot be known from the script (``set`` sets
            its own keys; ``ai`` functions, ``request`` with ``save_variables``, a remote
            document reached by ``execute``).
        outcome: the variable the outside world decides (``connect_result``), or ``""``.
        outcomes: the values an outside-world outcome can take, for the simulator to offer.
        outside: ``True`` when what happens depends on the world outside the script (a callee
            answering, a server replying, the caller pressing keys): the simulator asks.
        numbers, addresses: params with ranges and params holding addresses.
        starts, stops: the background activity it starts or stops (``"recording"``...).
        source: the reference page the facts come from.
    """

    flow: str = CONTINUE
    sets: tuple[Variable, ...] = ()
    sets_unknown: bool = False
    outcome: str = ""
    outcomes: tuple[str, ...] = ()
    outside: bool = False
    numbers: tuple[Number, ...] = ()
    addresses: tuple[Address, ...] = ()
    starts: str = ""
    stops: str = ""
    source: str = ""

    def variable(self, name: str) -> Variable | None:
        """The variable ``name`` this method sets, or ``None``."""
        return next((v for v in self.sets if v.name == name), None)

    def number(self, path: ParamPath) -> Number | None:
        """The range entry of the param at ``path`` (``("max",)``), or ``None``."""
        return next((n for n in self.numbers if n.path == tuple(path)), None)


#: What a method without an entry does: runs, sets nothing, goes on.
FALLBACK = Semantics()


def semantics(method: str) -> Semantics:
    """The run-time facts of ``method`` (:data:`FALLBACK` for a method the table lacks)."""
    from designer.model.semantics_table import TABLE
    return TABLE.get(method, FALLBACK)


def known_methods() -> frozenset[str]:
    """The methods the table describes."""
    from designer.model.semantics_table import TABLE
    return frozenset(TABLE)


def unknown_methods(methods: "Iterator[str] | list[str] | set[str]") -> list[str]:
    """Of ``methods`` (e.g. a schema's), those the table lacks: they run with :data:`FALLBACK`."""
    known = known_methods()
    return sorted(m for m in methods if m not in known)


# ----------------------------------------------------------------------------- branches
#: What selects a nested list (:attr:`Branch.selector`).
CASE = "case"            # switch-like: taken when ``variable`` equals ``key``
DEFAULT = "default"      # switch-like: taken when no case matched
WHEN = "when"            # cond-like: taken when the JavaScript ``condition`` is true (first one wins)
ELSE = "else"            # cond-like: taken when no condition held
ON_RETURN = "on_return"  # execute: runs when the executed section or URL returns
CONFIRM = "confirm"      # connect: runs on the callee's leg once it answers (not the caller's)


@dataclass(frozen=True)
class Branch:
    """One nested step list of a concrete step and what makes the call take it.

    ``path`` is the list's param path in the step (``("case", "1")``, ``(0, "then")``,
    ``("result", "default")``); ``variable`` is the variable a ``case`` compares (``switch``'s own
    ``variable``, or ``return_value`` for ``result``); ``key`` the case's value; ``condition`` the
    ``when`` text. Branches of one *group* (same ``group`` path) are alternatives: exactly one of
    them runs (or none, when no case matches and there is no default).
    """

    path: ParamPath
    selector: str
    steps: StepList
    group: ParamPath = ()
    variable: str = ""
    key: str = ""
    condition: str = ""


def branches(step: Step, children: "list[tuple[ParamPath, StepList]] | None" = None) -> list[Branch]:
    """The nested lists of ``step`` with what selects each, in params order.

    ``switch`` and ``cond`` use their own params; ``connect``, ``execute`` and
    ``join_conference`` hold a ``result`` that is switch-shaped (an object: cases on
    ``return_value``) or cond-shaped (a list of ``when``/``then``); ``connect``'s per-destination
    ``result`` entries in ``serial``/``parallel`` are read the same way. ``children`` is
    ``step.child_lists()`` when the caller has it already.
    """
    out: list[Branch] = []
    for path, child in (step.child_lists() if children is None else children):
        out.append(_branch(step, path, child))
    return out


def _branch(step: Step, path: ParamPath, child: StepList) -> Branch:
    last = path[-1] if path else ""
    if step.method == "switch":
        if path[:1] == ("case",) and len(path) == 2:
            return Branch(path, CASE, child, (), _text(step.get(("variable",))), str(path[1]))
        return Branch(path, DEFAULT, child, (), _text(step.get(("variable",))))
    if step.method == "cond":
        if last == "then":
            return Branch(path, WHEN, child, (), condition=_text(step.get(path[:-1] + ("when",))))
        return Branch(path, ELSE, child, ())
    if path == ("on_return",):
        return Branch(path, ON_RETURN, child, path)
    if "result" in path:
        group = path[:path.index("result") + 1]
        rest = path[len(group):]
        if rest[:1] == ("case",) and len(rest) == 2:
            return Branch(path, CASE, child, group, "return_value", str(rest[1]))
        if rest == ("default",):
            return Branch(path, DEFAULT, child, group, "return_value")
        if last == "then":
            return Branch(path, WHEN, child, group, condition=_text(step.get(path[:-1] + ("when",))))
        if last == "else":
            return Branch(path, ELSE, child, group)
    if "confirm" in path:
        return Branch(path, CONFIRM, child, path)
    return Branch(path, ON_RETURN, child, path)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def always_taken(step: Step) -> bool:
    """Whether one of ``step``'s alternative branches runs whatever the values (a default/else).

    Used to tell if the steps after a ``switch`` can be reached when every branch ends the call.
    """
    found = branches(step)
    return any(b.selector in (DEFAULT, ELSE) for b in found if b.group == ()) if found else False


# ----------------------------------------------------------------------------- destinations
SECTION_DEST = re.compile(r"^[A-Za-z0-9_\-]+$")
_VARIABLE_IN = re.compile(r"[$%]\{")


def destination_kind(dest: Any) -> str:
    """What a ``transfer``/``execute`` ``dest`` names: ``"section"``, ``"url"``, ``"inline"``
    (a SWML document as JSON text), ``"relay"``, ``"variable"`` (decided at run time),
    ``"phone"`` (looks like a phone number: not a valid destination) or ``"unknown"``."""
    if not isinstance(dest, str):
        return "unknown"
    text = dest.strip()
    if _VARIABLE_IN.search(text):
        return "variable"
    if re.match(r"^https?://", text, re.I):
        return "url"
    if text.startswith("{"):
        return "inline"
    if text.startswith("relay:"):
        return "relay"
    if looks_like_phone(text):
        return "phone"
    if SECTION_DEST.match(text):
        return "section"
    return "unknown"


_PHONE_CHARS = re.compile(r"^\+?[\d\s().\-/]+$")


def looks_like_phone(text: str) -> bool:
    """A string a person would read as a phone number (``+1 555 123 4567``, ``555-1234``)."""
    digits = sum(c.isdigit() for c in text)
    return bool(_PHONE_CHARS.match(text.strip())) and digits >= 7 and (
        text.strip().startswith("+") or not text.strip().isdigit() or digits >= 10)


def match_paths(value: Any, pattern: ParamPath, here: ParamPath = ()) -> Iterator[tuple[ParamPath, Any]]:
    """Every (path, value) inside ``value`` matching ``pattern`` (``"*"`` matches any key/index)."""
    if not pattern:
        yield here, value
        return
    head, rest = pattern[0], pattern[1:]
    if isinstance(value, dict):
        keys = list(value) if head == "*" else [head] if head in value else []
        for k in keys:
            yield from match_paths(value[k], rest, here + (k,))
    elif isinstance(value, list):
        indices = range(len(value)) if head == "*" else [head] if isinstance(head, int) and 0 <= head < len(value) else []
        for i in indices:
            yield from match_paths(value[i], rest, here + (i,))


__all__ = [
    "CONTINUE", "HANGUP", "TRANSFER", "GOTO", "EXECUTE", "RETURN", "BRANCH",
    "PHONE", "SIP", "URL", "DIAL", "CALLER_ID", "DESTINATION",
    "CASE", "DEFAULT", "WHEN", "ELSE", "ON_RETURN", "CONFIRM",
    "Variable", "Number", "Address", "Semantics", "Branch", "FALLBACK",
    "semantics", "known_methods", "unknown_methods", "branches", "always_taken",
    "destination_kind", "looks_like_phone", "match_paths",
]
