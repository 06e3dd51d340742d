"""The limits on what the designer reads, in one place (the README's "Limits" section quotes them).

They are far above what real scripts need (the largest of the 67 real scripts in
``swml/examples`` is 10.5 KB, nested 19 levels deep, with no alias expanding to more than a few
dozen values) and low enough that a script at the limit opens, validates and saves in seconds
within a few hundred megabytes. A text over a limit is refused *before* the expensive work
(building values, copying, validating) with a message naming the limit and, where it has one,
the line and column; nothing is changed.
"""

from __future__ import annotations

#: Largest script, in bytes (UTF-8): about 200 times the largest real script, and room for the
#: 20,000-step flows the speed benchmark edits (1.4 MB). Valid steps are checked by a compiled
#: yes/no check (about 20 us a step; jsonschema only describes invalid ones), so at the limit
#: (about 28,000 steps) a script opens to the window in about 7 s within about 800 MB.
MAX_BYTES = 2_000_000
#: Deepest nesting of lists and mappings (aliases counted as what they stand for). Real scripts
#: reach 19; Python's own recursion would fail near 300.
MAX_DEPTH = 100
#: Most values a script may hold once every alias (``*name``) is replaced by what it stands
#: for. Defeats "billion laughs" files (a few hundred bytes that expand to billions of values)
#: while a script at the size limit written out in full (about 260,000 values) still fits.
MAX_VALUES = 400_000
#: Most digits in one number: Python refuses to read integers over 4,300 digits, and no phone
#: flow needs more than a few dozen.
MAX_NUMBER_DIGITS = 1_000


def size_text(count: int) -> str:
    """``1234567`` -> ``"1.2 MB"`` (plain words for messages)."""
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f} MB"
    if count >= 1_000:
        return f"{count / 1_000:.0f} KB"
    return f"{count} bytes"


def too_big_message(count: int) -> str:
    """The message for a script over :data:`MAX_BYTES` (``count`` bytes long)."""
    return (f"the file is {size_text(count)}, more than the {size_text(MAX_BYTES)} the designer "
            f"opens (real scripts are a few KB); it was not read")
