"""An editable pick-list of names the flow already uses, where any other text can be typed.

Several fields name something defined elsewhere in the flow: a section to go to, the recording
to stop. Offering what the flow has saves typing (and typos), but the value may also be
something the flow cannot know (a URL, a recording started by another script), so the list is
editable. Subclasses say what is offered; the rest (writing, focus, signals) is shared.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING
from designer.ui.inspector.base import FieldEditor
from designer.ui.inspector.context import EditorContext


class EditableChoiceEditor(FieldEditor):
    """An editable combo; :meth:`reload_ids` fills it (the form calls it on every refresh)."""

    takes_text = True

    def __init__(self, spec: FieldSpec, ctx: EditorContext, placeholder: str, min_width: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.ctx = ctx
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumWidth(min_width)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.lineEdit().setPlaceholderText(placeholder)
        #: The text part, as in the one-line editors (typing a name of one's own).
        self.line = self.combo.lineEdit()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        self.reload_ids()
        self.line.textEdited.connect(lambda _t: self._emit(self.value()))
        self.line.editingFinished.connect(self.committed)
        self.combo.activated.connect(self._picked)

    def reload_ids(self) -> None:
        """Offer what the flow has now, keeping the text shown."""
        raise NotImplementedError

    def offer(self, names: list[str]) -> None:
        """Offer ``names`` (when they changed), keeping the text shown: the form refreshes on
        every edit, and a person may be typing a name of their own."""
        if names == self.offered():
            return
        text = self.combo.currentText()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItems(names)
        self.combo.setEditText(text)
        self.combo.blockSignals(False)

    def offered(self) -> list[str]:
        """The names in the list (for tests)."""
        return [self.combo.itemText(i) for i in range(self.combo.count())]

    def _picked(self, _index: int) -> None:
        self._emit_and_commit(self.value())

    def value(self) -> Any:
        return self.combo.currentText() or MISSING

    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.combo.currentText() != text:
            self.combo.blockSignals(True)
            self.combo.setEditText(text)
            self.combo.blockSignals(False)

    def accepts(self, value: Any) -> bool:
        return value is MISSING or isinstance(value, str)

    def focus_widget(self) -> QWidget:
        return self.combo
