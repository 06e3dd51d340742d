"""Editors for values with structure: raw YAML, lists of items, and several allowed kinds."""

from __future__ import annotations

from typing import Any, Callable

import yaml

from designer.model.parse_error import ParseError
from designer.model.text_guard import load_fragment
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QToolButton, QVBoxLayout, QWidget)

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING
from designer.ui.inspector.base import FieldEditor, default_text, same_value
from designer.ui.inspector import icons


def dump_yaml(value: Any) -> str:
    """YAML text for a value, without the ``...`` end marker a scalar gets."""
    if value is MISSING:
        return ""
    text = yaml.safe_dump(value, sort_keys=False, allow_unicode=True, default_flow_style=False, width=60)
    if text.endswith("\n...\n"):
        text = text[:-5]
    return text.rstrip("\n")


class YamlEditor(FieldEditor):
    """Any value as YAML text, read with ``yaml.safe_load`` when the editor loses focus.

    A parse error is shown under the text and changes nothing. Empty text means "not set".
    """

    def __init__(self, spec: FieldSpec | None, parent: QWidget | None = None, min_lines: int = 1) -> None:
        super().__init__(spec, parent)
        self.text = QPlainTextEdit(self)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlaceholderText(default_text(spec, "YAML value"))
        self.text.setTabChangesFocus(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.min_lines = min_lines
        self.error = QLabel(self)
        self.error.setProperty("role", "problem")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        self._shown = ""
        self.text.textChanged.connect(self._fit)
        self.text.installEventFilter(self)
        self._fit()

    def _fit(self) -> None:
        lines = max(self.min_lines, min(10, self.text.document().blockCount()))
        metrics = self.text.fontMetrics()
        self.text.setFixedHeight(lines * metrics.lineSpacing() + 14)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.text and event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False

    def commit(self) -> None:
        """Parse the text; on success emit ``edited`` then ``committed``; on error show it."""
        text = self.text.toPlainText()
        if text == self._shown:
            return
        try:
            value = load_fragment(text) if text.strip() else MISSING
        except ParseError as exc:
            self.error.setText(f"Not used (line {exc.line}): {exc.message}. Nothing was changed.")
            self.error.show()
            return
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 1})" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            self.error.setText(f"Not valid YAML{where}: {problem}. Nothing was changed.")
            self.error.show()
            return
        self.error.hide()
        self._shown = text
        self._emit_and_commit(value)

    def value(self) -> Any:
        try:
            text = self.text.toPlainText()
            return load_fragment(text) if text.strip() else MISSING
        except (yaml.YAMLError, ParseError):
            return MISSING

    def set_value(self, value: Any) -> None:
        text = dump_yaml(value)
        self.error.hide()
        if self.text.toPlainText() != text:
            self.text.setPlainText(text)
        self._shown = text

    def focus_widget(self) -> QWidget:
        return self.text


class ItemRow(QWidget):
    """One item of a :class:`ListEditor`: a widget for the value with move/remove buttons."""

    changed = Signal()
    finished = Signal()
    move_requested = Signal(int)
    remove_requested = Signal()

    def __init__(self, body: QWidget, get: Callable[[], Any], put: Callable[[Any], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body, self._get, self._put = body, get, put
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(body, 1)
        self.up = _tool(self, "mdi6.arrow-up", "Move up", lambda: self.move_requested.emit(-1))
        self.down = _tool(self, "mdi6.arrow-down", "Move down", lambda: self.move_requested.emit(1))
        self.remove = _tool(self, "mdi6.close", "Remove", self.remove_requested.emit)
        for button in (self.up, self.down, self.remove):
            layout.addWidget(button)

    def item_value(self) -> Any:
        return self._get()

    def set_item_value(self, value: Any) -> None:
        self._put(value)


def _tool(parent: QWidget, icon: str, tip: str, slot: Callable[[], Any]) -> QToolButton:
    button = QToolButton(parent)
    button.setIcon(icons.icon(icon, parent))
    button.setToolTip(tip)
    button.setAutoRaise(True)
    button.clicked.connect(slot)
    return button


def _tab_stops(widget: QWidget, include_self: bool = False) -> list[QWidget]:
    """Widgets in ``widget`` (and itself) that Tab stops at, in the order they were made."""
    found = ([widget] if include_self else []) + widget.findChildren(QWidget)
    return [w for w in found if w.focusPolicy() & Qt.FocusPolicy.TabFocus]


class ListEditor(FieldEditor):
    """An editable, reorderable list of simple items (text or numbers), one row each."""

    def __init__(self, spec: FieldSpec | None, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.rows: list[ItemRow] = []
        self.item_kinds = spec.items.kinds if spec is not None and spec.items is not None else ("string",)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(3)
        layout.addLayout(self.rows_layout)
        self.empty = QLabel(default_text(spec, "Empty"), self)
        self.empty.setWordWrap(True)  # a narrow panel wraps it rather than scrolling sideways
        self.empty.setEnabled(False)
        layout.addWidget(self.empty)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(4)
        layout.addLayout(self.buttons)
        self._add_buttons()
        self.buttons.addStretch(1)

    def _add_buttons(self) -> None:
        add = QPushButton(icons.icon("mdi6.plus", self), "Add", self)
        add.clicked.connect(lambda: self.add_item("", focus=True))
        self.buttons.addWidget(add)

    # ----------------------------------------------------------------- rows
    def make_row(self, value: Any) -> ItemRow:
        """A row for ``value``; subclasses build richer rows (see the play list)."""
        line = QLineEdit(self)
        _set_text(line, value)
        row = ItemRow(line, lambda: self._convert(line.text()), lambda v: _set_text(line, v), self)
        line.textEdited.connect(row.changed)
        line.editingFinished.connect(row.finished)
        return row

    def _convert(self, text: str) -> Any:
        if "string" not in self.item_kinds and self.item_kinds:
            try:
                number = float(text)
                return int(number) if number.is_integer() and "number" not in self.item_kinds else number
            except ValueError:
                return text
        return text

    def _insert_row(self, value: Any, index: int | None = None) -> ItemRow:
        row = self.make_row(value)
        row.changed.connect(self._changed)
        row.finished.connect(self.committed)
        row.move_requested.connect(lambda delta, r=row: self.move_item(self.rows.index(r), delta))
        row.remove_requested.connect(lambda r=row: self.remove_item(self.rows.index(r)))
        index = len(self.rows) if index is None else index
        self.rows.insert(index, row)
        self.rows_layout.insertWidget(index, row)
        self._update_buttons()
        return row

    def _update_buttons(self) -> None:
        for i, row in enumerate(self.rows):
            row.up.setEnabled(i > 0)
            row.down.setEnabled(i < len(self.rows) - 1)
        self.empty.setVisible(not self.rows)
        label = self.spec.label if self.spec is not None else "Item"
        for i, row in enumerate(self.rows):
            for widget in _tab_stops(row):
                if isinstance(widget, QLineEdit):
                    widget.setAccessibleName(f"{label}, item {i + 1}")
        self._retab()

    def _retab(self) -> None:
        """Tab goes through the rows top to bottom, then the buttons under them: rows are made
        after the buttons, so by default Tab left the list from the last row. The rows are put
        just before the first button; everything else keeps its place."""
        buttons = []
        for i in range(self.buttons.count()):
            item = self.buttons.itemAt(i)
            if item is not None and item.widget() is not None:
                buttons += _tab_stops(item.widget(), include_self=True)
        rows = [w for row in self.rows for w in _tab_stops(row)]
        if not buttons or not rows:
            return
        anchor = buttons[0].previousInFocusChain()
        # Qt ignores a tab order from a widget that takes no focus: go back to one that does.
        while anchor is not buttons[0] and (anchor in rows or anchor.focusPolicy() == Qt.FocusPolicy.NoFocus):
            anchor = anchor.previousInFocusChain()
        for first, second in zip([anchor, *rows], rows):
            QWidget.setTabOrder(first, second)

    def _changed(self) -> None:
        self._emit(self.value())

    # ----------------------------------------------------------------- user actions
    def add_item(self, value: Any, focus: bool = False) -> ItemRow:
        """Append an item (as the user's edit: emits ``edited`` and ``committed``)."""
        row = self._insert_row(value)
        self._emit_and_commit(self.value())
        if focus:
            row.body.setFocus()
        return row

    def move_item(self, index: int, delta: int) -> None:
        """Move item ``index`` by ``delta`` places (one undo step)."""
        target = index + delta
        if not (0 <= index < len(self.rows) and 0 <= target < len(self.rows)):
            return
        row = self.rows.pop(index)
        self.rows.insert(target, row)
        self.rows_layout.removeWidget(row)
        self.rows_layout.insertWidget(target, row)
        self._update_buttons()
        self._emit_and_commit(self.value())

    def remove_item(self, index: int) -> None:
        row = self.rows.pop(index)
        row.hide()
        row.deleteLater()
        self._update_buttons()
        self._emit_and_commit(self.value())

    # ----------------------------------------------------------------- FieldEditor
    def value(self) -> Any:
        return [row.item_value() for row in self.rows] if self.rows else MISSING

    def set_value(self, value: Any) -> None:
        items = value if isinstance(value, list) else []
        if same_value(self.value() if self.rows else [], items):
            return
        while len(self.rows) > len(items):
            row = self.rows.pop()
            row.hide()
            row.deleteLater()
        for i, item in enumerate(items):
            if i < len(self.rows):
                if not same_value(self.rows[i].item_value(), item):
                    self.rows[i].set_item_value(item)
            else:
                self._insert_row(item)
        self._update_buttons()

    def accepts(self, value: Any) -> bool:
        return value is MISSING or (isinstance(value, list)
                                    and all(isinstance(v, (str, int, float)) and not isinstance(v, bool)
                                            for v in value))

    def focus_widget(self) -> QWidget:
        return self.rows[0].body if self.rows else self


def _set_text(line: QLineEdit, value: Any) -> None:
    text = "" if value is None else str(value)
    if line.text() != text:
        line.setText(text)
        line.setCursorPosition(0)


class VariantEditor(FieldEditor):
    """For a field that takes several kinds (text or list...): pick the kind, then edit."""

    def __init__(self, spec: FieldSpec, options: list[tuple[str, str, FieldEditor]],
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.options = options  # (kind, words, editor)
        self.kind = QComboBox(self)
        for _kind, words, _editor in options:
            self.kind.addItem(words)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.kind, 0, Qt.AlignmentFlag.AlignLeft)
        for _kind, _words, editor in options:
            layout.addWidget(editor)
            editor.edited.connect(self._emit)
            editor.committed.connect(self.committed)
            editor.hide()
        self.kind.activated.connect(self._kind_chosen)
        self._show(0)

    def _show(self, index: int) -> None:
        for i, (_k, _w, editor) in enumerate(self.options):
            editor.setVisible(i == index)
        self.kind.setCurrentIndex(index)

    def _kind_chosen(self, index: int) -> None:
        self._show(index)
        self._emit_and_commit(self.options[index][2].value())

    def current(self) -> FieldEditor:
        return self.options[self.kind.currentIndex()][2]

    def value(self) -> Any:
        return self.current().value()

    def set_value(self, value: Any) -> None:
        for i, (_k, _w, editor) in enumerate(self.options):
            if value is not MISSING and editor.accepts(value):
                self._show(i)
                editor.set_value(value)
                return
        self.current().set_value(MISSING)

    def accepts(self, value: Any) -> bool:
        return any(editor.accepts(value) for _k, _w, editor in self.options)

    def focus_widget(self) -> QWidget:
        return self.current().focus_widget()
