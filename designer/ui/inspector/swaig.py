"""``ai`` SWAIG functions: what the agent can do, each with its parameters and what it runs.

A function card holds its name, a description (the agent reads it to decide when to call the
function), a parameters table (name, type, description, required) written as the JSON Schema
SWML expects (``{type: object, properties: {...}, required: [...]}``), and what it does: a web
hook URL or a data map. Its other settings sit folded under "More". Keys not shown are kept.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton,
                               QToolButton, QVBoxLayout, QWidget)

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING
from designer.ui.inspector import icons
from designer.ui.inspector.base import FieldEditor, same_value
from designer.ui.inspector.context import EditorContext
from designer.ui.inspector.records import ObjectEditor, RecordsEditor
from designer.ui.inspector.section import FormSection
from designer.ui.inspector.text_block import TextBlockEditor

TYPES = ("string", "integer", "number", "boolean", "array", "object")
TYPE_WORDS = {"string": "Text", "integer": "Whole number", "number": "Number", "boolean": "Yes/no",
              "array": "List", "object": "Group"}
#: Card fields shown at the top, in this order; the rest go under "More".
MAIN = ("function", "description", "parameters", "web_hook_url", "data_map")


class ParametersEditor(FieldEditor):
    """The parameters the agent fills in when it calls the function, one row each."""

    def __init__(self, spec: FieldSpec | None, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._data: dict[str, Any] = {}
        self.rows: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(3)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(0, 1)
        layout.addLayout(self.grid)
        self.empty = QLabel("No parameters", self)
        self.empty.setEnabled(False)
        layout.addWidget(self.empty)
        self.add_button = QPushButton(icons.icon("mdi6.plus", self), "Add parameter", self)
        self.add_button.clicked.connect(lambda: self.add_parameter())
        layout.addWidget(self.add_button)

    def _row(self, name: str, prop: dict[str, Any], required: bool) -> dict[str, Any]:
        row: dict[str, Any] = {"extra": {k: v for k, v in prop.items() if k not in ("type", "description")}}
        row["name"] = QLineEdit(name, self)
        row["name"].setMinimumWidth(48)
        row["name"].setPlaceholderText("name")
        row["type"] = QComboBox(self)
        for kind in TYPES:
            row["type"].addItem(TYPE_WORDS[kind], kind)
        row["type"].setCurrentIndex(max(0, row["type"].findData(prop.get("type", "string"))))
        row["required"] = QCheckBox("Required", self)
        row["required"].setChecked(required)
        row["description"] = QLineEdit(str(prop.get("description", "")), self)
        row["description"].setPlaceholderText("what the agent should put here")
        row["description"].setCursorPosition(0)
        row["name"].setCursorPosition(0)
        row["type"].setMaximumWidth(96)
        row["remove"] = QToolButton(self)
        row["remove"].setIcon(icons.icon("mdi6.close", self))
        row["remove"].setAutoRaise(True)
        row["remove"].setToolTip("Remove this parameter")
        for key in ("name", "description"):
            row[key].textEdited.connect(lambda _t: self._emit(self.value()))
            row[key].editingFinished.connect(self.committed)
        row["type"].activated.connect(lambda _i: self._emit_and_commit(self.value()))
        row["required"].toggled.connect(lambda _on: self._emit_and_commit(self.value()))
        row["remove"].clicked.connect(lambda _c=False, r=row: self._remove(r))
        return row

    def _place(self) -> None:
        # three lines a parameter (name and type; what it is; required): the card is narrow
        for i, row in enumerate(self.rows):
            self.grid.addWidget(row["name"], 3 * i, 0)
            self.grid.addWidget(row["type"], 3 * i, 1)
            self.grid.addWidget(row["remove"], 3 * i, 2)
            self.grid.addWidget(row["description"], 3 * i + 1, 0, 1, 3)
            self.grid.addWidget(row["required"], 3 * i + 2, 0, 1, 3)
        self.empty.setVisible(not self.rows)

    def _drop(self, row: dict[str, Any]) -> None:
        for key in ("name", "type", "required", "description", "remove"):
            self.grid.removeWidget(row[key])
            row[key].hide()
            row[key].deleteLater()

    def add_parameter(self, name: str = "", kind: str = "string", description: str = "",
                      required: bool = False) -> dict[str, Any]:
        """A new row (written once it has a name); returns its widgets."""
        row = self._row(name, {"type": kind, "description": description}, required)
        self.rows.append(row)
        self._place()
        if name:
            self._emit_and_commit(self.value())
        row["name"].setFocus()
        return row

    def _remove(self, row: dict[str, Any]) -> None:
        self.rows.remove(row)
        self._drop(row)
        self._place()
        self._emit_and_commit(self.value())

    def value(self) -> Any:
        props: dict[str, Any] = {}
        required: list[str] = []
        for row in self.rows:
            name = row["name"].text().strip()
            if not name:
                continue
            prop: dict[str, Any] = {"type": row["type"].currentData()}
            if row["description"].text():
                prop["description"] = row["description"].text()
            prop.update(row["extra"])
            props[name] = prop
            if row["required"].isChecked():
                required.append(name)
        if not props and not self._data:
            return MISSING
        out = dict(self._data)
        out.setdefault("type", "object")
        out["properties"] = props
        if required:
            out["required"] = required
        else:
            out.pop("required", None)
        return out

    def set_value(self, value: Any) -> None:
        if same_value(self.value(), value):
            return
        data = value if isinstance(value, dict) else {}
        self._data = {k: v for k, v in data.items()}
        props = data.get("properties") if isinstance(data.get("properties"), dict) else {}
        required = data.get("required") if isinstance(data.get("required"), list) else []
        for row in self.rows:
            self._drop(row)
        self.rows = [self._row(str(n), p if isinstance(p, dict) else {}, n in required) for n, p in props.items()]
        self._place()

    def accepts(self, value: Any) -> bool:
        if value is MISSING:
            return True
        return (isinstance(value, dict) and isinstance(value.get("properties", {}), dict)
                and all(isinstance(p, dict) for p in value.get("properties", {}).values()))

    def focus_widget(self) -> QWidget:
        return self.rows[0]["name"] if self.rows else self.add_button


class FunctionEditor(ObjectEditor):
    """One function: name, description, parameters, what it does; the rest folded under More."""

    def __init__(self, spec: FieldSpec, ctx: EditorContext, parent: QWidget | None = None) -> None:
        fields = {f.name: f for f in spec.fields}
        main = tuple(fields[n] for n in MAIN if n in fields and n not in ("description", "parameters"))
        super().__init__(spec, ctx, main, parent)
        self.form.setContentsMargins(0, 0, 0, 0)
        described = fields.get("description")
        self.description = TextBlockEditor(described, min_lines=3, max_lines=6,
                                           placeholder="When should the agent use this?")
        self.add_editor("description", described, self.description, "Description", row=1)
        self.parameters = ParametersEditor(fields.get("parameters"), self)
        self.add_editor("parameters", fields.get("parameters"), self.parameters, "Parameters", span=True, row=2)
        rest = tuple(f for n, f in fields.items() if n not in MAIN)
        self.more = FormSection("More", False, self)
        self.more_editor = ObjectEditor(spec, ctx, rest, self.more.body)
        self.more.add_row("", self.more_editor)
        self.form.addRow(self.more)
        self.more_editor.edited.connect(self._more_edited)
        self.more_editor.committed.connect(self.committed)

    def row_for(self, name: str) -> Any:
        return self.rows.get(name) or self.more_editor.row_for(name)

    def _more_edited(self, value: Any) -> None:
        shown = {f for f in self.more_editor.editors}
        for key in shown:
            self._data.pop(key, None)
        if isinstance(value, dict):
            for key, item in value.items():
                if key in shown:
                    self._data[key] = item
        self._emit(self.value())

    def set_value(self, value: Any) -> None:
        super().set_value(value)
        self.more_editor.blockSignals(True)
        self.more_editor.set_value(value)
        self.more_editor.blockSignals(False)



class FunctionsEditor(RecordsEditor):
    """The agent's functions, one card each."""

    def __init__(self, spec: FieldSpec, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, "Add function",
                         lambda holder: FunctionEditor(spec.items, ctx, holder), parent)
        self.empty.setText("No functions: the agent only talks")

    def card_title(self, value: Any) -> str:
        name = value.get("function") if isinstance(value, dict) else None
        return str(name) if name else "(new function)"
