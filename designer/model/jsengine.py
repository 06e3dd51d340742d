"""Evaluate SWML `${...}` / `%{...}` placeholders with a real JavaScript engine.

SignalWire evaluates placeholders with V8, so the designer does too (through mini-racer,
an embedded V8) instead of a hand-written parser that would disagree on the edges of the
language. The rules, from the variables and expressions reference pages:

- `${...}` and `%{...}` are the same thing in a calling document.
- A body that is a plain path (`call.from`, `vars.menu[0].name`, `prompt_value`) is a
  variable lookup, not JavaScript: it resolves in `vars`, then `envs`, then `call` unless it
  names its scope, and a path that is not set gives an empty string. That is also why
  `${items.length}` looks for a variable called `length`: JavaScript needs `${(items.length)}`.
- Anything else is a JavaScript expression in which bare names resolve the same way.
- A value that is exactly one placeholder keeps the expression's type (a number stays a
  number); placeholders inside longer text are turned into text.

Sandboxing: V8 alone has no file or network access and none is added here; every evaluation
has a time limit, and each `JsEngine` has its own V8 context so one run cannot leak into the
next.
"""

from __future__ import annotations

import atexit
import functools
import json
import re
import threading
import weakref
from dataclasses import dataclass
from typing import Any, Mapping

from py_mini_racer import JSTimeoutException, MiniRacer
from py_mini_racer import JSEvalException

from designer.model.js_plain import plainly_valid

#: SignalWire asks expressions to finish within 150 ms; we allow a little more before calling
#: it a run-time error, since a test machine can be slower than theirs.
TIME_LIMIT_SECONDS = 0.5

SCOPES = ("vars", "envs", "call", "params")
_LOOKUP_ORDER = ("vars", "envs", "call")
_PLAIN_PATH = re.compile(r"^\s*[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*\s*$")
_PATH_PART = re.compile(r"[A-Za-z_$][\w$]*|\[\d+\]")
_JS_LITERALS = {"true", "false", "null", "undefined", "NaN", "Infinity", "this"}

# Bare names resolve through a Proxy inside `with`: a name found in vars, envs or call (in
# that order) or a scope name wins; anything else falls through to JavaScript's globals
# (Math, parseInt, JSON...). Errors come back as values so the message can be shown plainly.
_PRELUDE = r"""
var __swml_eval = function(scopesJson, body) {
  var s = JSON.parse(scopesJson);
  var order = ["vars", "envs", "call"];
  var names = {vars: 1, envs: 1, call: 1, params: 1};
  var scope = new Proxy({}, {
    has: function(t, k) {
      if (typeof k !== "string") return false;
      if (names[k]) return true;
      for (var i = 0; i < order.length; i++) {
        var o = s[order[i]];
        if (o && Object.prototype.hasOwnProperty.call(o, k)) return true;
      }
      return false;
    },
    get: function(t, k) {
      if (k === Symbol.unscopables) return undefined;
      if (names[k]) return s[k] || {};
      for (var i = 0; i < order.length; i++) {
        var o = s[order[i]];
        if (o && Object.prototype.hasOwnProperty.call(o, k)) return o[k];
      }
      return undefined;
    }
  });
  var f;
  try {
    f = new Function("__scope", "with (__scope) { return (" + body + "\n); }");
  } catch (e) {
    return JSON.stringify({error: String(e && e.message || e), syntax: true});
  }
  try {
    var v = f(scope);
    var text = (v === undefined || v === null) ? "" :
      (typeof v === "object" ? JSON.stringify(v) : String(v));
    var out = {text: text, type: v === null ? "null" : typeof v};
    if (v !== undefined && typeof v !== "function" && typeof v !== "symbol") {
      out.value = (typeof v === "number" && !isFinite(v)) ? null : v;
    }
    return JSON.stringify(out);
  } catch (e) {
    return JSON.stringify({error: (e && e.name ? e.name + ": " : "") + String(e && e.message || e)});
  }
};
"""


class ExpressionError(Exception):
    """A placeholder that could not be evaluated; the message is plain words for a person."""

    def __init__(self, expression: str, message: str) -> None:
        super().__init__(f"The expression ${{{expression}}} failed: {message}.")
        self.expression = expression
        self.reason = message


@dataclass(frozen=True)
class Placeholder:
    """One `${...}` or `%{...}` found in a text: where it is and what is inside."""

    start: int
    end: int
    body: str


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder in `text`, braces inside string literals and objects matched."""
    found: list[Placeholder] = []
    i = 0
    while True:
        starts = [p for p in (text.find("${", i), text.find("%{", i)) if p >= 0]
        if not starts:
            return found
        start = min(starts)
        end = _closing_brace(text, start + 2)
        if end < 0:
            return found
        found.append(Placeholder(start, end + 1, text[start + 2 : end]))
        i = end + 1


def _closing_brace(text: str, i: int) -> int:
    """Index of the `}` that closes a placeholder opened just before `i`, or -1."""
    depth = 0
    quote = ""
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "'\"`":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return -1


def is_plain_path(body: str) -> bool:
    """True when a placeholder body is a variable lookup rather than JavaScript."""
    return bool(_PLAIN_PATH.match(body)) and body.strip() not in _JS_LITERALS


def to_text(value: Any) -> str:
    """How a value reads when substituted into longer text, as JavaScript would write it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


_MISSING = object()


def lookup_path(body: str, scopes: Mapping[str, Any]) -> Any:
    """Resolve a plain path by scope; None when it is not set (it then reads as empty)."""
    parts = _PATH_PART.findall(body.strip())
    head = parts[0]
    if head in SCOPES:
        value: Any = scopes.get(head) or {}
        rest = parts[1:]
    else:
        value = _MISSING
        for name in _LOOKUP_ORDER:
            scope = scopes.get(name) or {}
            if isinstance(scope, Mapping) and head in scope:
                value = scope[head]
                break
        if value is _MISSING:
            return None
        rest = parts[1:]
    for part in rest:
        if part.startswith("["):
            index = int(part[1:-1])
            if not isinstance(value, list) or index >= len(value):
                return None
            value = value[index]
        else:
            if not isinstance(value, Mapping) or part not in value:
                return None
            value = value[part]
    return value


class JsEngine:
    """One sandboxed V8 context that evaluates placeholders against the given scopes.

    A simulator run owns one; creating it costs about 10 ms.
    """

    def __init__(self, time_limit: float = TIME_LIMIT_SECONDS) -> None:
        self._time_limit = time_limit
        self._ctx = MiniRacer()
        self._ctx.eval(_PRELUDE)
        self._closed = False
        _live.add(self)

    def close(self) -> None:
        """Free the V8 context now (a context left open after a timeout stalls exit)."""
        if not self._closed:
            self._closed = True
            self._ctx.close()

    def evaluate(self, body: str, scopes: Mapping[str, Any]) -> Any:
        """The value of one placeholder body (without `${` `}`), with its own type.

        Raises:
            ExpressionError: the JavaScript did not compile, threw or ran too long.
        """
        if is_plain_path(body):
            found = lookup_path(body, scopes)
            return "" if found is None else found
        return self._run(body, scopes).get("value")

    def substitute(self, value: Any, scopes: Mapping[str, Any]) -> Any:
        """`value` with every placeholder replaced, recursing into lists and mappings.

        A string that is exactly one placeholder becomes the expression's value, keeping its
        type; otherwise each placeholder is replaced by its text.
        """
        if isinstance(value, list):
            return [self.substitute(item, scopes) for item in value]
        if isinstance(value, dict):
            return {key: self.substitute(item, scopes) for key, item in value.items()}
        if not isinstance(value, str):
            return value
        holes = find_placeholders(value)
        if not holes:
            return value
        if len(holes) == 1 and holes[0].start == 0 and holes[0].end == len(value):
            return self.evaluate(holes[0].body, scopes)
        parts: list[str] = []
        last = 0
        for hole in holes:
            parts.append(value[last : hole.start])
            if is_plain_path(hole.body):
                parts.append(to_text(lookup_path(hole.body, scopes)))
            else:
                parts.append(self._run(hole.body, scopes)["text"])
            last = hole.end
        parts.append(value[last:])
        return "".join(parts)

    def condition(self, text: str, scopes: Mapping[str, Any]) -> bool:
        """Whether a condition (a `cond` `when`, a `goto` `when`) holds, by JavaScript's rules.

        The text is JavaScript already; placeholders inside it are first replaced by their
        text, which is what makes `'${prompt_value} == 1'` work (and why the reference warns
        that it is fragile: a text value becomes a bare word).
        """
        body = text if isinstance(text, str) else json.dumps(text)
        if find_placeholders(body):
            whole = find_placeholders(body)
            if len(whole) == 1 and whole[0].start == 0 and whole[0].end == len(body.strip()):
                body = whole[0].body
            else:
                body = str(self.substitute(body, scopes))
        if is_plain_path(body):
            value = lookup_path(body, scopes)
            return bool(value) and value != ""
        result = self._run(body, scopes)
        if result.get("type") == "object" and result.get("value") is not None:
            return True
        return bool(result.get("value"))

    def _run(self, body: str, scopes: Mapping[str, Any]) -> dict[str, Any]:
        scopes_json = json.dumps(dict(scopes), default=str)
        call = f"__swml_eval({json.dumps(scopes_json)}, {json.dumps(body)})"
        try:
            raw = self._ctx.eval(call, timeout_sec=self._time_limit)
        except JSTimeoutException:
            raise ExpressionError(body, "it ran too long and was stopped") from None
        except JSEvalException as exc:  # pragma: no cover - the prelude catches errors
            raise ExpressionError(body, str(exc).splitlines()[0]) from None
        result = json.loads(str(raw))
        if "error" in result:
            reason = result["error"]
            if result.get("syntax"):
                reason = f"it is not valid JavaScript ({reason})"
            unset = re.match(r"^ReferenceError: ([\w$]+) is not defined$", reason)
            if unset:
                reason = (f"it uses {unset.group(1)}, which is not set (no variable, env or "
                          "call field has that name)")
            raise ExpressionError(body, reason)
        return result


_live: "weakref.WeakSet[JsEngine]" = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    """Close every V8 context before the interpreter goes: after an evaluation was stopped
    for running too long, an unclosed context makes the process hang on exit."""
    for engine in list(_live):
        engine.close()
    if _shared_ctx is not None:
        _shared_ctx.close()


_shared_lock = threading.Lock()
_shared_ctx: MiniRacer | None = None


def syntax_error(expr: str) -> str | None:
    """Why `expr` (a placeholder body or a `cond` test) is not valid JavaScript, or None.

    It only compiles the text, never runs it, so it is safe on anything a user typed.
    A plain path is always fine: it is a lookup, not JavaScript.
    """
    body = expr.strip()
    holes = find_placeholders(body)
    if len(holes) == 1 and holes[0].start == 0 and holes[0].end == len(body):
        body = holes[0].body
    elif holes:
        # A condition with placeholders inside (`${prompt_value} == 1`): each one is replaced
        # by its text before the JavaScript runs, so check each body, then the rest with a
        # stand-in name where each placeholder was.
        for hole in holes:
            problem = syntax_error(hole.body)
            if problem:
                return problem
        parts, last = [], 0
        for hole in holes:
            parts += [body[last:hole.start], "__swml_value"]
            last = hole.end
        body = "".join(parts) + body[last:]
    if not body.strip():
        return "The expression is empty."
    if is_plain_path(body) or plainly_valid(body):
        return None
    return _compile_error(body)


@functools.lru_cache(maxsize=4096)
def _compile_error(body: str) -> str | None:
    """Compile ``body`` the way :class:`JsEngine` runs it, without running it.

    Remembered per text (compiling the same text always says the same): scripts repeat their
    conditions, and each call into V8 costs a round trip to its thread (a 5,000-step flow
    with 416 conditions spent a fifth of its validation here).

    The error's line number tells whether V8 stumbled inside the user's text or only on the
    wrapper after it: the latter means the text stopped too early ("Unexpected end of input"
    reads better than our own bracket being "unexpected").
    """
    global _shared_ctx
    wrapped = "with (__scope) { return (" + body + "\n); }"
    with _shared_lock:
        if _shared_ctx is None:
            _shared_ctx = MiniRacer()
        try:
            _shared_ctx.eval(f"void new Function('__scope', {json.dumps(wrapped)})", timeout_sec=1.0)
        except JSTimeoutException:  # pragma: no cover - compiling does not loop
            return "The expression is too complex to check."
        except JSEvalException as exc:
            first = str(exc).splitlines()[0] if str(exc) else ""
            found = re.match(r"^[^:]*:(\d+): \w*Error: (.*)$", first)
            if not found:
                return first or "This is not valid JavaScript."
            # The function's text starts with two lines of its own before the user's text.
            if int(found.group(1)) > 2 + body.count("\n") + 1:
                return "Unexpected end of input"
            return found.group(2)
    return None
