"""The base every field editor shares: show a value, report user edits, show a problem.

Editors never touch the document. They emit :attr:`FieldEditor.edited` for each user change
(typing, dragging: the form merges a run into one undo step) and :attr:`FieldEditor.committed`
when a run ends (focus left, slider released, a discrete choice made). ``MISSING`` stands for
"not written in the SWML": the editor then shows the schema default as a placeholder.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING

VARIABLE_PATTERN = r"[$%]\{[^{}]*\}"


def default_text(spec: FieldSpec | None, fallback: str = "") -> str:
    """The placeholder for an unset field: ``"44 (default)"``, the hint's words, or ``fallback``."""
    if spec is None:
        return fallback
    if spec.hint.placeholder:
        return spec.hint.placeholder
    if spec.has_default and spec.default not in ("", None, [], {}):
        value = spec.default
        if isinstance(value, bool):
            value = "on" if value else "off"
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        return f"{value} (default)"
    return fallback


def same_value(a: Any, b: Any) -> bool:
    """Equality that keeps ``True`` apart from ``1`` and ``"1"`` apart from ``1``."""
    if a is MISSING or b is MISSING:
        return a is b
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def is_empty(value: Any) -> bool:
    """Values that mean "nothing written": an empty text or list."""
    return value is None or (isinstance(value, (str, list, dict)) and not value)


class FieldEditor(QWidget):
    """Base of all field editors.

    Signals:
        edited(object): the user changed the value (``MISSING`` when emptied); may repeat in a run.
        committed(): the current run of edits is finished (the next edit is a new undo step).
        reset_requested(): the user asked to remove the field (use the default again).
    """

    edited = Signal(object)
    committed = Signal()
    reset_requested = Signal()
    #: True for editors where any text (``${var}`` included) can be typed: no ``{x}`` switch needed.
    takes_text = False

    def __init__(self, spec: FieldSpec | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._problem: str | None = None

    # ----------------------------------------------------------------- to override
    def value(self) -> Any:
        """The value shown, as SWML data; ``MISSING`` when empty."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` (``MISSING``: not set, show the default). Emits nothing."""
        raise NotImplementedError

    def accepts(self, value: Any) -> bool:
        """Whether this editor can show ``value`` faithfully (else the row falls back to raw YAML)."""
        return True

    def focus_widget(self) -> QWidget:
        """The widget that takes keyboard focus when the field is focused from a problem."""
        return self

    # ----------------------------------------------------------------- shared
    def set_problem(self, message: str | None) -> None:
        """Mark the editor (red outline through the ``problem`` property); ``None`` clears."""
        self._problem = message
        self.setProperty("problem", bool(message))
        self.style().unpolish(self)
        self.style().polish(self)

    def problem(self) -> str | None:
        return self._problem

    def _emit(self, value: Any) -> None:
        self.edited.emit(value)

    def _emit_and_commit(self, value: Any) -> None:
        self.edited.emit(value)
        self.committed.emit()
