"""A validation problem: what is wrong, where, in words a non-programmer understands."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field as dataclass_field
from typing import Any, Sequence

from designer.model.steps import MISSING

ERROR = "error"
WARNING = "warning"
#: A note on style: the script does what it says, but could say it more plainly.
INFO = "info"

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def format_path(path: Sequence[Any]) -> str:
    """``("sections", "main", 1, "record_call")`` -> ``sections.main[1].record_call``: how
    ``validate``, ``simulate`` and the problems list write a place in the data."""
    out = ""
    for key in path:
        if isinstance(key, int):
            out += f"[{key}]"
        elif _KEY.match(str(key)):
            out += ("." if out else "") + str(key)
        else:
            out += f"[{json.dumps(str(key))}]"
    return out or "(document)"


@dataclass(frozen=True)
class Problem:
    """One finding of the validator.

    ``step_id`` names the block (``None`` for document-level problems such as a missing
    ``sections``); ``field`` is the path inside that step's params (``("format",)``, ``()`` for the
    step itself); ``data_path`` is the full JSON path in the exported data, used to find
    ``line``/``column`` in a text. ``code`` is a short stable identifier for tests and filters.
    """

    severity: str
    message: str
    step_id: str | None = None
    field: tuple[Any, ...] = ()
    data_path: tuple[Any, ...] = ()
    line: int | None = None
    column: int | None = None
    code: str = ""
    #: A value that fixes the problem when set at ``field`` of the step (``MISSING``: none known).
    #: Only sure fixes: ``"true"`` written as text becomes ``true``, ``play: "say:Hi"`` becomes
    #: ``play: {url: "say:Hi"}``.
    fix: Any = dataclass_field(default=MISSING, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def has_fix(self) -> bool:
        return self.fix is not MISSING and self.step_id is not None
