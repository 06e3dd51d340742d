"""The ``unset`` panel: the variables to forget, each picked from those the flow set before.

SWML takes one name as text (``unset: temp``) or several as a list; one name stays text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING, Step
from designer.ui.inspector.context import EditorContext
from designer.ui.inspector.structured import ItemRow, ListEditor


class UnsetEditor(ListEditor):
    """Names, one row each; every row offers the variables set before this block."""

    def __init__(self, spec: FieldSpec, ctx: EditorContext, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        super().__init__(spec, parent)
        self.empty.setText("No variables chosen yet")
        self.buttons.itemAt(0).widget().setText("Add a variable")

    def make_row(self, value: Any) -> ItemRow:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(self.ctx.variables())
        combo.lineEdit().setPlaceholderText("variable name")
        combo.setMinimumWidth(60)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        def put(item: Any) -> None:
            text = "" if item is None else str(item)
            if combo.currentText() != text:
                combo.setEditText(text)

        put(value)
        row = ItemRow(combo, combo.currentText, put, self)
        combo.lineEdit().textEdited.connect(lambda _t: row.changed.emit())
        combo.lineEdit().editingFinished.connect(row.finished)
        combo.activated.connect(lambda _i: (row.changed.emit(), row.finished.emit()))
        row.combo = combo  # type: ignore[attr-defined] - for tests
        return row

    def accepts(self, value: Any) -> bool:
        return value is MISSING or isinstance(value, str) or (
            isinstance(value, list) and all(isinstance(v, str) for v in value))

    def set_value(self, value: Any) -> None:
        super().set_value([value] if isinstance(value, str) and value else value)


def unset_change(step: Step, items: Any) -> tuple[tuple, Any]:
    """One name is written as text, several as a list (as SWML examples do)."""
    if items is MISSING or not items:
        return (), ""
    names = [str(i) for i in items]
    if len(names) == 1 and not isinstance(step.params, list):
        return (), names[0]
    return (), names


def read_unset(step: Step) -> tuple[Any, bool]:
    value = step.params
    if value in (None, ""):
        return MISSING, True
    return ([value] if isinstance(value, str) else value), True
