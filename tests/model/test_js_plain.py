"""The plain-condition shortcut never calls valid what V8 rejects, and spares loading V8."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
import textwrap

import pytest

from designer.model import jsengine
from designer.model.js_plain import plainly_valid

#: Pieces that glue into valid and invalid JavaScript in many ways, including the traps of a
#: hand-made recogniser: HTML comments (<!-- and -->), regex and comment starts, decrements,
#: octal-looking and dotted numbers, reserved words, escapes and calls.
PIECES = [
    "a", "vars.x", "call.from", "x[0]", "x[01]", "if", "new", "typeof", "this", "in", "undefined",
    "0", "1", "01", "08", "1.5", "1.", ".5", "2e3", "'s'", '"d"', "'\\''", "'", "`t`",
    "==", "===", "!=", "!==", "<", ">", "<=", ">=", "&&", "||", "+", "-", "*", "/", "%",
    "!", "(", ")", "<!--", "-->", "--", "++", "//", "/*", "*/", "=", ".", ",", "?", ":", "[", "]",
    " ", "\t", "\n",
]


def _v8_accepts(body: str) -> bool:
    return jsengine._compile_error(body) is None


def test_common_conditions_are_plainly_valid():
    for body in ("vars.attempt > 2", "prompt_value == '1'", "call.from != \"\" && !(vars.x[0] >= 1.5)",
                 "a + b * 2 % 3 - 1 / 4 === 7", "(vars.a || vars.b) && !!vars.c"):
        assert plainly_valid(body), body
        assert _v8_accepts(body), body


def test_anything_unusual_is_left_to_v8():
    for body in ("", "a ==", "a <!-- b", "a --> b", "1 - -1", "if > 2", "a in b", "f(1)", "x = 1",
                 "01 == 1", "1. == 1", "'a\\'b' == a", "a\n== b", "a // b", "a /* b */"):
        assert not plainly_valid(body), body


@pytest.mark.parametrize("length", [1, 2, 3, 4])
def test_every_short_combination_called_plainly_valid_is_valid_for_v8(length):
    # Exhaustive over the short ones (length 3: ~200,000 bodies, checked by a fast filter first).
    pieces = PIECES if length <= 2 else [p for p in PIECES if p.strip()]
    combos = itertools.product(pieces, repeat=length)
    if length == 4:
        rng = random.Random(11)
        combos = ([rng.choice(pieces) for _ in range(length)] for _ in range(60_000))
    bodies = (glue.join(c) for c in combos for glue in ("", " "))
    accepted = {body for body in bodies if plainly_valid(body)}
    assert accepted  # the shortcut does take something
    wrong = [body for body in sorted(accepted) if not _v8_accepts(body)]
    assert not wrong, wrong[:20]


def test_validating_a_flow_with_plain_conditions_does_not_load_v8():
    script = textwrap.dedent("""
        import sys
        from designer.model import swml_io
        from designer.model.catalog import load_catalog
        from designer.model.validation import Validator
        text = '''version: 1.0.0
        sections:
          main:
          - prompt: {play: 'say:Press 1', max_digits: 1}
          - cond:
            - when: prompt_value == '1' && vars.tries < 3
              then: [{hangup: {}}]
            - else: [{play: {url: 'say:Bye'}}]
        '''
        doc = swml_io.loads(text, "yaml")
        problems = Validator(load_catalog()).validate(doc)
        assert not [p for p in problems if "JavaScript" in p.message], problems
        print("py_mini_racer" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_condition_outside_the_shortcut_is_still_judged_by_v8():
    assert jsengine.syntax_error("[1, 2].includes(vars.x)") is None
    assert jsengine.syntax_error("vars.x ==") == "Unexpected end of input"
    assert jsengine.syntax_error("a <!-- b") is None  # an HTML comment: V8 reads `a`
