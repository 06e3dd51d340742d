"""The name of a variable to compare (``switch``'s ``variable``): pick one the flow sets, or type.

Why: an IVR's "Choose by a value" block has to name ``prompt_value``, a word a support lead
cannot guess. The flow knows which variables the blocks before this one set (Ask for a key
press sets ``prompt_value``), so they are offered in a drop-down; any other name can still be
typed (a variable set by the script that transferred here).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from designer.model.catalog import FieldSpec
from designer.ui.inspector.context import EditorContext
from designer.ui.inspector.editable_choice import EditableChoiceEditor


class VariableNameEditor(EditableChoiceEditor):
    """An editable pick-list of the variables set before this block (plain names, no ``${}``)."""

    def __init__(self, spec: FieldSpec, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, spec.hint.placeholder or "a variable's name", 60, parent)

    def reload_ids(self) -> None:
        """Offer the variables the blocks before this one set now (keeps the text shown)."""
        self.offer(self.ctx.variables())

    def names(self) -> list[str]:
        """The names offered (for tests)."""
        return self.offered()
