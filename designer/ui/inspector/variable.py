"""``${variable}`` expressions: an editor for them and the variables a flow has set so far."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression, QStringListModel
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from designer.model.catalog import Catalog, FieldSpec
from designer.model.document import MISSING, Document, Step
from designer.ui.inspector.base import VARIABLE_PATTERN, FieldEditor

_VAR = QRegularExpression(f"^{VARIABLE_PATTERN}$")


def is_variable(value: Any) -> bool:
    """Whether ``value`` is a ``${...}`` / ``%{...}`` expression."""
    return isinstance(value, str) and _VAR.match(value).hasMatch()


def variables_before(doc: Document, catalog: Catalog, step: Step) -> list[str]:
    """Variables set by the blocks before ``step`` in document order (``record_call_url``...).

    ``set`` blocks contribute their keys. The order is the order they are first set.
    """
    found: list[str] = []
    for other in doc.walk():
        if other is step:
            break
        names: list[str] = list(catalog.method(other.method).sets_variables) if other.form == "method" else []
        if other.method == "set" and isinstance(other.params, dict):
            names += [str(k) for k in other.params]
        for name in names:
            if name not in found:
                found.append(name)
    return found


class VariableEditor(FieldEditor):
    """A line edit accepting only ``${name}`` or ``%{name}``; offers the known variables."""

    def __init__(self, spec: FieldSpec | None, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText("${variable}")
        self.line.setMinimumWidth(60)
        self.line.setValidator(QRegularExpressionValidator(_VAR, self.line))
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self.line)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.line.setCompleter(completer)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self.committed)
        completer.activated.connect(lambda text: self._emit_and_commit(text))

    def set_variables(self, names: list[str]) -> None:
        """The variables offered for completion (plain names, shown as ``${name}``)."""
        self._names.setStringList([f"${{{n}}}" for n in names])

    def _typed(self, _text: str) -> None:
        if not self.line.text() or self.line.hasAcceptableInput():
            self._emit(self.value())

    def value(self) -> Any:
        return self.line.text() if self.line.text() else MISSING

    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.line.text() != text:
            self.line.setText(text)

    def accepts(self, value: Any) -> bool:
        return value is MISSING or is_variable(value)

    def focus_widget(self) -> QWidget:
        return self.line
