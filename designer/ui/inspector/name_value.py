"""A table of names and values: ``set``'s variables, ``params``, SIP and HTTP headers.

Two shapes are edited: a mapping (``{name: value}``, as ``set`` and ``params`` write it) and a
list of ``{name, value}`` items (``connect.headers``, ``pay.parameters``). With ``typed`` each
value has a kind a person picks: text, number, yes/no, a ``${expression}``, or, for lists and
objects the flow already holds, YAML; so ``42`` stays a number and ``"42"`` stays text.
A row whose name is still empty is kept on screen but not written.
"""

from __future__ import annotations

from typing import Any

import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QToolButton,
                               QVBoxLayout, QWidget)

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING
from designer.ui.inspector import icons
from designer.ui.inspector.base import FieldEditor, same_value
from designer.ui.inspector.variable import is_variable

TEXT, NUMBER, YESNO, EXPR, YAML = "text", "number", "yesno", "expr", "yaml"
#: kind -> words in the kind box (short: the table must fit a narrow panel).
KIND_WORDS = {TEXT: "Text", NUMBER: "Number", YESNO: "Yes/no", EXPR: "${…}", YAML: "YAML"}
KIND_TIPS = {TEXT: "Plain text", NUMBER: "A number", YESNO: "Yes or no (true/false)",
             EXPR: "An expression worked out during the call, e.g. ${call.from}",
             YAML: "A list or group of values, written as YAML"}


def kind_of(value: Any) -> str:
    """The kind a value is shown as."""
    if isinstance(value, bool):
        return YESNO
    if isinstance(value, (int, float)):
        return NUMBER
    if isinstance(value, str):
        return EXPR if is_variable(value) else TEXT
    return YAML


def _yaml_text(value: Any) -> str:
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000, sort_keys=False)
    return text[:-5] if text.endswith("\n...\n") else text.rstrip("\n")


def _number(text: str) -> Any:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return text
    return int(number) if number.is_integer() and "." not in text and "," not in text else number


def convert(value: Any, kind: str) -> Any:
    """``value`` turned into ``kind`` when the person switches the kind box."""
    if kind == YESNO:
        return value if isinstance(value, bool) else str(value).strip().lower() in ("true", "yes", "1", "on")
    if kind == NUMBER:
        result = _number(str(value)) if not isinstance(value, bool) else int(value)
        return result if isinstance(result, (int, float)) else 0
    if kind == EXPR:
        text = "" if value is None else str(value)
        return text if is_variable(text) else "${" + text + "}"
    if kind == TEXT:
        return "" if value is None else (_yaml_text(value) if isinstance(value, (list, dict)) else str(value))
    return value


class _Row:
    """The widgets of one name/value pair."""

    def __init__(self, table: "NameValueEditor", name: str, value: Any) -> None:
        self.table = table
        parent = table
        self.kind = kind_of(value) if table.typed else TEXT
        self.name = QLineEdit(name, parent)
        self.name.setPlaceholderText(table.name_word)
        self.name.setMinimumWidth(40)
        self.kind_box = QComboBox(parent)
        for kind, words in KIND_WORDS.items():
            self.kind_box.addItem(words, kind)
            self.kind_box.setItemData(self.kind_box.count() - 1, KIND_TIPS[kind], Qt.ItemDataRole.ToolTipRole)
        self.kind_box.setToolTip("What kind of value this is")
        self.kind_box.setMaximumWidth(78)
        self.kind_box.setVisible(table.typed)
        self.text = QLineEdit(parent)
        self.text.setPlaceholderText(table.value_word)
        self.text.setMinimumWidth(40)
        self.check = QCheckBox("Yes", parent)
        self.remove = QToolButton(parent)
        self.remove.setIcon(icons.icon("mdi6.close", parent))
        self.remove.setAutoRaise(True)
        self.remove.setToolTip("Remove this row")
        self.value: Any = value
        self.show(name, value)
        self.name.textEdited.connect(lambda _t: table.row_changed())
        self.name.editingFinished.connect(table.committed)
        self.text.textEdited.connect(self._typed)
        self.text.editingFinished.connect(table.committed)
        self.check.toggled.connect(self._checked)
        self.kind_box.activated.connect(self._kind_chosen)
        self.remove.clicked.connect(lambda: table.remove_row(self))

    def widgets(self) -> list[QWidget]:
        return [self.name, self.kind_box, self.text, self.check, self.remove]

    def show(self, name: str, value: Any) -> None:
        if self.name.text() != name:
            self.name.setText(name)
            self.name.setCursorPosition(0)
        self.value = value
        if self.table.typed:
            self.kind = kind_of(value)
        self.kind_box.setCurrentIndex(self.kind_box.findData(self.kind))
        self.check.setVisible(self.kind == YESNO)
        self.text.setVisible(self.kind != YESNO)
        if self.kind == YESNO:
            self.check.blockSignals(True)
            self.check.setChecked(bool(value))
            self.check.blockSignals(False)
        else:
            text = _yaml_text(value) if self.kind == YAML else ("" if value is None else str(value))
            if self.text.text() != text:
                self.text.setText(text)
                self.text.setCursorPosition(0)
        self.text.setPlaceholderText({EXPR: "${call.from}", NUMBER: "0"}.get(self.kind, self.table.value_word))

    def _typed(self, text: str) -> None:
        if self.kind == NUMBER:
            self.value = _number(text)
        elif self.kind == YAML:
            try:
                self.value = yaml.safe_load(text) if text.strip() else None
            except yaml.YAMLError:
                return  # keep the last good value until the text parses
        else:
            self.value = text
        self.table.row_changed()

    def _checked(self, on: bool) -> None:
        self.value = on
        self.table.row_changed(commit=True)

    def _kind_chosen(self, _index: int) -> None:
        kind = self.kind_box.currentData()
        if kind == self.kind:
            return
        self.show(self.name.text(), convert(self.value, kind))
        self.kind = kind
        self.table.row_changed(commit=True)


class NameValueEditor(FieldEditor):
    """Rows of name, (kind,) value and a remove button, with "Add" under them."""

    def __init__(self, spec: FieldSpec | None, typed: bool = True, as_list: bool = False,
                 name_word: str = "Name", value_word: str = "Value", add_word: str = "Add",
                 keys: tuple[str, str] = ("name", "value"), parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.typed, self.as_list = typed, as_list
        #: With ``as_list``: the item keys holding the name and the value (``replace``/``with``
        #: for ``ai.pronounce``); any other key of an item is kept as it was.
        self.keys = keys
        self.name_word, self.value_word = name_word, value_word
        self.rows: list[_Row] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(3)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(2, 3)
        layout.addLayout(self.grid)
        self.empty = QLabel("None yet", self)
        self.empty.setEnabled(False)
        layout.addWidget(self.empty)
        self.add_button = QPushButton(icons.icon("mdi6.plus", self), add_word, self)
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    # ----------------------------------------------------------------- rows
    def _place(self) -> None:
        for i, row in enumerate(self.rows):
            self.grid.addWidget(row.name, i, 0)
            self.grid.addWidget(row.kind_box, i, 1)
            self.grid.addWidget(row.text, i, 2)
            self.grid.addWidget(row.check, i, 2)
            self.grid.addWidget(row.remove, i, 3)
        self.empty.setVisible(not self.rows)

    def add_row(self, name: str = "", value: Any = "", focus: bool = False) -> _Row:
        """A new row (written once it has a name)."""
        row = _Row(self, name, value)
        self.rows.append(row)
        self._place()
        if name:
            self._emit_and_commit(self.value())
        if focus:
            row.name.setFocus()
        return row

    def remove_row(self, row: _Row) -> None:
        self.rows.remove(row)
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._place()
        self._emit_and_commit(self.value())

    def row_changed(self, commit: bool = False) -> None:
        if commit:
            self._emit_and_commit(self.value())
        else:
            self._emit(self.value())

    # ----------------------------------------------------------------- FieldEditor
    def pairs(self) -> list[tuple[str, Any]]:
        """The named rows, in order."""
        return [(row.name.text(), row.value) for row in self.rows if row.name.text()]

    def value(self) -> Any:
        named = [row for row in self.rows if row.name.text()]
        if not named:
            return MISSING
        if self.as_list:
            name_key, value_key = self.keys
            return [{name_key: row.name.text(), value_key: row.value, **getattr(row, "extra", {})}
                    for row in named]
        return dict(self.pairs())

    def _incoming(self, value: Any) -> list[tuple[str, Any, dict]]:
        if isinstance(value, dict):
            return [(str(k), v, {}) for k, v in value.items()]
        if isinstance(value, list):
            name_key, value_key = self.keys
            return [(str(item.get(name_key, "")), item.get(value_key, ""),
                     {k: v for k, v in item.items() if k not in self.keys})
                    for item in value if isinstance(item, dict)]
        return []

    def set_value(self, value: Any) -> None:
        current = self.value()
        if same_value(current, value) or (current is MISSING and value in ({}, [])):
            return
        pairs = self._incoming(value)
        while len(self.rows) > len(pairs):
            row = self.rows.pop()
            for widget in row.widgets():
                self.grid.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        for i, (name, item, extra) in enumerate(pairs):
            if i < len(self.rows):
                self.rows[i].show(name, item)
            else:
                self.rows.append(_Row(self, name, item))
            self.rows[i].extra = extra
        self._place()

    def accepts(self, value: Any) -> bool:
        if value is MISSING:
            return True
        if self.as_list:
            name_key, value_key = self.keys
            ok = isinstance(value, list) and all(
                isinstance(i, dict) and isinstance(i.get(name_key, ""), str) for i in value)
            values = [i.get(value_key, "") for i in value] if ok else []
        else:
            ok = isinstance(value, dict)
            values = list(value.values()) if ok else []
        if ok and not self.typed:
            ok = all(isinstance(v, str) for v in values)
        return ok

    def focus_widget(self) -> QWidget:
        return self.rows[0].name if self.rows else self.add_button
