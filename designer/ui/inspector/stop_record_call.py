"""The fitted ``stop_record_call`` panel: pick the recording to stop from the flow's ids."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING
from designer.ui.inspector.context import EditorContext
from designer.ui.inspector.editable_choice import EditableChoiceEditor

LAST = "the last recording started"


class ControlIdEditor(EditableChoiceEditor):
    """An editable combo of the ``control_id`` values that ``record_call`` blocks in this flow set.

    Typed ids are allowed (a recording started by another script); empty means "the last
    recording started".
    """

    def __init__(self, spec: FieldSpec, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, spec.hint.placeholder or LAST, 80, parent)
        self.combo.setMinimumContentsLength(8)

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
