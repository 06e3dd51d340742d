"""Conditions so plainly valid JavaScript that V8 need not be asked.

Why: checking a ``cond`` test compiles it in V8 (:func:`designer.model.jsengine.syntax_error`),
and the first check loads V8 and creates a context: some 55 MB of memory for the rest of the
session, to learn that ``vars.attempt > 2`` is an expression. Nearly every condition in a real
flow is paths, numbers and quoted text joined by comparisons and ``&&`` / ``||``; such text is
recognised here and V8 is only loaded for the rest.

This is not a JavaScript parser and never says "invalid": it answers True only for a small
grammar every token sequence of which is valid JavaScript, and False (ask V8) for anything
else, so V8 stays the one judge of what is wrong.
"""

from __future__ import annotations

import re

#: Words a path may not start with: they are not variable names in JavaScript.
_RESERVED = frozenset("""
    await break case catch class const continue debugger default delete do else enum export
    extends false finally for function if implements import in instanceof interface let new
    null package private protected public return static super switch this throw true try
    typeof var void while with yield
""".split())

_SPACE = re.compile(r"[ \t]*")
#: A variable path (``vars.menu[0].name``); ASCII only, the first name checked separately.
_PATH = re.compile(r"([A-Za-z_$][A-Za-z0-9_$]*)(?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[(?:0|[1-9][0-9]*)\])*")
#: A decimal number without exponent, octal look or trailing dot.
_NUMBER = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?![A-Za-z0-9_$.])")
_STRING = re.compile(r"'[^'\\\n\r\u2028\u2029]*'|\"[^\"\\\n\r\u2028\u2029]*\"")
#: Binary operators, longest first so ``===`` is not read as ``==`` then ``=``.
_OPERATOR = re.compile(r"===|!==|==|!=|<=|>=|&&|\|\||[<>+*%-]|/(?![/*])")


def plainly_valid(body: str) -> bool:
    """True when ``body`` is certainly a valid JavaScript expression; False means "ask V8".

    The grammar: operand (operator operand)*, where an operand is ``!``-negated any number of
    times and is a path, a number, a quoted string without escapes, or a parenthesised
    expression; operators are the comparisons, ``&& ||`` and ``+ - * / %``.
    """
    pos, depth, end = 0, 0, len(body)
    want_operand = True
    while True:
        pos = _SPACE.match(body, pos).end()
        if pos == end:
            return not want_operand and depth == 0 and end > 0
        char = body[pos]
        if want_operand:
            if char == "!" and not body.startswith("!=", pos):
                pos += 1
                continue
            if char == "(":
                depth += 1
                pos += 1
                continue
            found = _PATH.match(body, pos)
            if found is not None and found.group(1) in _RESERVED:
                return False
            found = found or _NUMBER.match(body, pos) or _STRING.match(body, pos)
            if found is None:
                return False
            pos = found.end()
            want_operand = False
        elif char == ")" and depth > 0:
            depth -= 1
            pos += 1
        else:
            found = _OPERATOR.match(body, pos)
            if found is None:
                return False
            pos = found.end()
            want_operand = True
