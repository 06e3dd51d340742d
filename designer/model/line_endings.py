"""Line endings kept as they were: LF, CRLF, old-Mac CR, or a mix of them.

The loader works on text with ``\\n`` only (YAML itself treats CR, CRLF and LF alike, and JSON
allows them only between tokens, so nothing changes meaning). :class:`Endings` remembers what
each line ended with, and :meth:`Endings.apply` puts them back on saving: a file written with
one kind of ending gets it on every line; in a mixed file, every line that was not edited keeps
its own ending and new lines get the most common one.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Endings:
    """The line endings of one text: ``uniform`` when all agree, else each line's in ``each``."""

    uniform: str | None = "\n"
    each: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    @property
    def common(self) -> str:
        """The ending new lines get: the uniform one, or the most frequent one."""
        if self.uniform is not None:
            return self.uniform
        return Counter(self.each).most_common(1)[0][0]

    def apply(self, text: str) -> str:
        """``text`` (with ``\\n`` endings) with the original endings put back."""
        if self.uniform is not None:
            return text if self.uniform == "\n" else text.replace("\n", self.uniform)
        new = text.split("\n")
        out_endings = [self.common] * (len(new) - 1)
        matcher = difflib.SequenceMatcher(None, self.lines, new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):  # an edited line keeps its own
                for k in range(i2 - i1):
                    if i1 + k < len(self.each) and j1 + k < len(out_endings):
                        out_endings[j1 + k] = self.each[i1 + k]
        return "".join(line + end for line, end in zip(new, out_endings)) + new[-1]


def split_endings(text: str) -> tuple[str, Endings]:
    """``text`` with ``\\n`` endings only, and what its endings were."""
    if "\r" not in text:  # the common case, and the preview's after every edit: one fast scan
        return text, Endings("\n")
    each = _BREAK.findall(text)
    kinds = set(each)
    if len(kinds) <= 1:
        uniform = kinds.pop() if kinds else "\n"
        body = text if uniform == "\n" else text.replace(uniform, "\n")
        return body, Endings(uniform)
    body = _BREAK.sub("\n", text)
    return body, Endings(None, each, body.split("\n"))
