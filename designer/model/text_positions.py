"""Where each value stands in a recently written text, kept so it is not parsed twice.

Saving a changed YAML script parses the spliced text once to prove it reads back as the model
(see :func:`designer.model.swml_io.dumps`); the preview then needs the line of every problem and
of the selected block in that same text. Both come from one parse: the node tree of the last few
texts written or loaded is remembered here, keyed by the exact text, and ``locate`` reuses it.
A cache beside the model, not a copy of it: an entry is only ever used for a text equal to the
one it was made from.
"""

from __future__ import annotations

from typing import Any, Callable

from designer.model.yaml_text import locator

Locator = Callable[[tuple], "tuple[int, int] | None"]

#: Most recent first. One is enough: the preview locates a text right after it is made and
#: keeps that locator itself (``PreviewPanel._locator``). A second entry held the node tree of
#: a text no longer shown (the last save's, or the previously opened file's): 12 MB at
#: 5,000 steps, 50 MB at 20,000, at the peak of a save or an open.
_KEEP = 1
_recent: list[tuple[str, str, Locator]] = []


def remember(text: str, fmt: str, root: Any, values: dict) -> None:
    """Keep the parse of ``text`` (LF line ends, no BOM) for a later :func:`cached` call."""
    remember_locator(text, fmt, locator(root, values))


def remember_locator(text: str, fmt: str, find: Locator) -> None:
    """Keep a locator known to be right for ``text``."""
    global _recent
    _recent = [(fmt, text, find)] + [e for e in _recent if e[1] is not text][: _KEEP - 1]


def cached(text: str, fmt: str) -> Locator | None:
    """A locator for ``text`` if one is remembered, else ``None``."""
    for known_fmt, known_text, find in _recent:
        if known_fmt == fmt and (known_text is text or known_text == text):
            return find
    return None


def forget() -> None:
    """Drop every remembered parse (tests; freeing memory after closing a large flow)."""
    _recent.clear()
