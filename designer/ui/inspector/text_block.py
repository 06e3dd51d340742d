"""Text over several lines (an AI prompt) and a JSON body editor.

Typing is one merged undo step, closed when the editor loses focus, like the one-line editors.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING
from designer.ui.inspector.base import FieldEditor, default_text


class TextBlockEditor(FieldEditor):
    """A multi-line text box that grows with its text up to ``max_lines``."""

    takes_text = True

    def __init__(self, spec: FieldSpec | None, min_lines: int = 4, max_lines: int = 14,
                 placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.min_lines, self.max_lines = min_lines, max_lines
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(placeholder or default_text(spec))
        self.text.setTabChangesFocus(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.text)
        self.text.textChanged.connect(self._fit)
        self.text.textChanged.connect(self._typed)
        self.text.installEventFilter(self)
        self._quiet = False
        self._fit()

    def _fit(self) -> None:
        """As tall as the wrapped text (plus a line to type on), between the line limits."""
        metrics = self.text.fontMetrics()
        width = max(40, self.text.viewport().width() - 2 * int(self.text.document().documentMargin()))
        needed = metrics.boundingRect(QRect(0, 0, width, 1_000_000), int(Qt.TextFlag.TextWordWrap),
                                      self.text.toPlainText() or " ").height()
        lines = max(self.min_lines, min(self.max_lines, needed // max(1, metrics.lineSpacing()) + 1))
        self.text.setFixedHeight(int(lines * metrics.lineSpacing() + 14))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit)  # wrapped lines are known once the new width is laid out

    def _typed(self) -> None:
        if not self._quiet:
            self._emit(self.value())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.text and event.type() == QEvent.Type.FocusOut:
            self.committed.emit()
        return False

    def value(self) -> Any:
        return self.text.toPlainText() or MISSING

    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.text.toPlainText() != text:
            self._quiet = True
            try:
                self.text.setPlainText(text)
            finally:
                self._quiet = False

    def accepts(self, value: Any) -> bool:
        return value is MISSING or isinstance(value, str)

    def focus_widget(self) -> QWidget:
        return self.text


class JsonEditor(FieldEditor):
    """A request body: JSON (written as an object) or plain text, read when focus leaves.

    Text that does not parse as JSON is kept as text, so nothing typed is ever lost; a note says
    which of the two it is.
    """

    def __init__(self, spec: FieldSpec | None, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.text = QPlainTextEdit(self)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlaceholderText('{"name": "${call.from}"}')
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(6 * self.text.fontMetrics().lineSpacing() + 14)
        self.note = QLabel(self)
        self.note.setEnabled(False)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.text)
        layout.addWidget(self.note)
        self.text.installEventFilter(self)
        self._shown: Any = MISSING

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.text and event.type() == QEvent.Type.FocusOut:
            value = self.value()
            if value != self._shown:
                self._shown = value
                self._note(value)
                self._emit_and_commit(value)
        return False

    def _note(self, value: Any) -> None:
        self.note.setText("Sent as JSON" if isinstance(value, (dict, list)) else
                          "Sent as plain text (not JSON)" if value is not MISSING else "")
        self.note.setVisible(bool(self.note.text()))

    def value(self) -> Any:
        text = self.text.toPlainText()
        if not text.strip():
            return MISSING
        try:
            parsed = json.loads(text)
        except ValueError:
            return text
        return parsed if isinstance(parsed, dict) else text

    def set_value(self, value: Any) -> None:
        self._shown = value
        if value is MISSING:
            text = ""
        elif isinstance(value, dict):
            text = json.dumps(value, indent=2, ensure_ascii=False)
        else:
            text = str(value)
        if self.text.toPlainText() != text and self.value() != value:
            self.text.setPlainText(text)
        self._note(value)

    def accepts(self, value: Any) -> bool:
        return value is MISSING or isinstance(value, (str, dict))

    def focus_widget(self) -> QWidget:
        return self.text
