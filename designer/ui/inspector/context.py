"""What an editor may need to know about the flow around the step it edits (read-only)."""

from __future__ import annotations

from dataclasses import dataclass

from designer.model.catalog import Catalog
from designer.model.document import Document, Step
from designer.ui.inspector.variable import variables_before


@dataclass
class EditorContext:
    """The document, catalog and step an editor works for. Editors only read it."""

    doc: Document
    catalog: Catalog
    step: Step

    def variables(self) -> list[str]:
        """Variables set by the blocks before this one (``record_call_url``...)."""
        return variables_before(self.doc, self.catalog, self.step)

    def control_ids(self, method: str = "record_call") -> list[str]:
        """The ``control_id`` values the ``method`` blocks of this flow set, in document order."""
        found: list[str] = []
        for step in self.doc.walk():
            if step.method == method and step.form == "method" and isinstance(step.params, dict):
                value = step.params.get("control_id")
                if isinstance(value, str) and value and value not in found:
                    found.append(value)
        return found
