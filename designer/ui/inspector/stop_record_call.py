"""The fitted ``stop_record_call`` panel: pick the recording to stop from the flow's ids."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING
from designer.ui.inspector.base import FieldEditor
from designer.ui.inspector.context import EditorContext

LAST = "the last recording started"


class ControlIdEditor(FieldEditor):
    """An editable combo of the ``control_id`` values that ``record_call`` blocks in this flow set.

    Typed ids are allowed (a recording started by another script); empty means "the last
    recording started".
    """

    takes_text = True

    def __init__(self, spec: FieldSpec, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.ctx = ctx
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumWidth(80)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(8)
        self.combo.lineEdit().setPlaceholderText(spec.hint.placeholder or LAST)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        self.reload_ids()
        self.combo.lineEdit().textEdited.connect(lambda _t: self._emit(self.value()))
        self.combo.lineEdit().editingFinished.connect(self.committed)
        self.combo.activated.connect(self._picked)

    def reload_ids(self) -> None:
        """Offer the ids the flow's ``record_call`` blocks set now (keeps the text shown)."""
        text = self.combo.currentText()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(f"({LAST})", "")
        for control_id in self.ctx.control_ids("record_call"):
            self.combo.addItem(control_id, control_id)
        self.combo.setEditText(text)
        self.combo.blockSignals(False)

    def ids(self) -> list[str]:
        """The ids offered (for tests and tooltips)."""
        return [self.combo.itemData(i) for i in range(1, self.combo.count())]

    def _picked(self, index: int) -> None:
        value = self.combo.itemData(index)
        self.combo.setEditText(value or "")
        self._emit_and_commit(value or MISSING)

    def value(self) -> Any:
        return self.combo.currentText() or MISSING

    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.combo.currentText() != text:
            self.combo.setEditText(text)

    def accepts(self, value: Any) -> bool:
        return value is MISSING or isinstance(value, str)

    def focus_widget(self) -> QWidget:
        return self.combo
