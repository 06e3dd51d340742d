"""Which script variables a step reads: ``${...}``/``%{...}`` in its params, ``switch.variable``,
``cond`` conditions and ``goto.when``.

A ``${...}`` holding a plain path (``call.from``, ``vars.choice``) reads the first part of the
path; one holding JavaScript (``${prompt_value == '1'}``) reads each name the expression starts
from. Names of the call's own scopes (``call``, ``params``, ``envs``; ``vars.x`` means ``x``)
are reported as written, the checks decide what they mean. JavaScript built-ins (``Math``,
``parseInt``...) and names inside string literals are left out. The AI methods' params are not
read: their ``${args.x}``-style placeholders belong to the AI agent's own functions, not to the
script's variables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from designer.model.steps import ParamPath, Step, StepList

#: Methods whose params hold placeholders of their own (AI function arguments, meta data).
OWN_PLACEHOLDERS = frozenset({"ai", "amazon_bedrock", "ai_sidecar"})

_PLACEHOLDER = re.compile(r"[$%]\{")
_STRING = re.compile(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|`(?:\\.|[^`\\])*`")
_NAME = re.compile(r"(?<![\w$.])([A-Za-z_$][\w$]*)((?:\s*\.\s*[A-Za-z_$][\w$]*)?)")
_PREFIX_FUNC = re.compile(r"^(?:[a-z]+:)+")
_JS_WORDS = frozenset("""
    true false null undefined NaN Infinity this new typeof instanceof in of void delete if else
    return var let const function Math JSON Number String Boolean Array Object Date RegExp parseInt
    parseFloat isNaN isFinite encodeURIComponent decodeURIComponent encodeURI decodeURI escape unescape
""".split())


@dataclass(frozen=True)
class Use:
    """One read of a variable: its ``name`` (``vars.`` dropped), the param ``field`` it is in."""

    name: str
    field: ParamPath


def uses(step: Step) -> list[Use]:
    """Every variable read by ``step`` itself (its nested steps are steps of their own)."""
    if step.form != "method" or step.method in OWN_PLACEHOLDERS:
        return []
    out: list[Use] = []
    params = step.params
    if step.method == "switch" and isinstance(params, dict) and isinstance(params.get("variable"), str):
        for name in _path_root(_unwrap(params["variable"])):
            out.append(Use(name, ("variable",)))
    if step.method == "cond" and isinstance(params, list):
        for i, item in enumerate(params):
            if isinstance(item, dict) and isinstance(item.get("when"), str):
                out.extend(Use(n, (i, "when")) for n in expression_names(_unwrap(item["when"])))
    for path, text in _strings(params, ()):
        if step.method == "cond" and path[-1:] == ("when",):
            continue
        if step.method == "goto" and path == ("when",):
            out.extend(Use(n, path) for n in expression_names(_unwrap(text)))
            continue
        if "result" in path and path[-1:] == ("when",):
            out.extend(Use(n, path) for n in expression_names(_unwrap(text)))
            continue
        for body in placeholders(text):
            out.extend(Use(n, path) for n in expression_names(_PREFIX_FUNC.sub("", body)))
    return out


def placeholders(text: str) -> Iterator[str]:
    """The bodies of the ``${...}``/``%{...}`` in ``text`` (braces balanced)."""
    for match in _PLACEHOLDER.finditer(text):
        depth, start = 0, match.end()
        for i in range(start, len(text)):
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                if depth == 0:
                    yield text[start:i]
                    break
                depth -= 1


def expression_names(expr: str) -> list[str]:
    """The variable names a JavaScript expression starts from (``vars.x`` gives ``x``,
    ``params.x`` gives ``params.x``: a param passed by ``execute``/``transfer``)."""
    code = _PLACEHOLDER.sub(" ", _STRING.sub("''", expr))  # "${x} == 1" reads x (and is warned)
    found: list[str] = []
    for match in _NAME.finditer(code):
        name, member = match.group(1), match.group(2)
        after = code[match.end():].lstrip()[:1]
        if name in _JS_WORDS or (after == "(" and not member) or after == ":" and _in_object(code, match.start()):
            continue
        if name == "vars" and member:
            name = member.split(".")[-1].strip()
        elif name == "params" and member:
            name = "params." + member.split(".")[-1].strip()
        found.append(name)
    return list(dict.fromkeys(found))


def _in_object(code: str, at: int) -> bool:
    """Whether position ``at`` is a key in an object literal (``{a: 1}``) or a ``?:`` branch."""
    before = code[:at].rstrip()[-1:]
    return before in ("{", ",")


def _path_root(text: str) -> list[str]:
    text = text.strip()
    if not text:
        return []
    return expression_names(text)


def _unwrap(text: str) -> str:
    """``${x}`` -> ``x``; a condition or switch variable written as a placeholder reads the same."""
    stripped = text.strip()
    if len(stripped) > 3 and stripped[0] in "$%" and stripped[1] == "{" and stripped.endswith("}"):
        bodies = list(placeholders(stripped))
        if len(bodies) == 1 and len(bodies[0]) == len(stripped) - 3:
            return bodies[0]
    return text


def _strings(value: Any, here: ParamPath) -> Iterator[tuple[ParamPath, str]]:
    if isinstance(value, str):
        yield here, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, here + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, here + (i,))
    elif isinstance(value, StepList):
        return
