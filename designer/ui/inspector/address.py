"""Where a call or the flow goes: a number/SIP address to dial, or a section/URL to run.

The dial box explains what was typed as you type ("Phone number", "SIP address"...) and says
what is wrong with a phone number missing its country code, the most common slip (E.164).
"""

from __future__ import annotations

import re
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from designer.model.catalog import FieldSpec
from designer.ui.inspector.context import EditorContext
from designer.ui.inspector.editable_choice import EditableChoiceEditor
from designer.ui.inspector.scalars import LineEditor
from designer.ui.inspector.variable import is_variable

E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def describe_address(text: str) -> tuple[str, bool]:
    """Plain words for a dial address, and whether it looks right."""
    text = text.strip()
    if not text:
        return "Phone number with country code (+15551234567) or sip:name@host", True
    if is_variable(text):
        return "Worked out during the call from a variable", True
    if text.startswith(("sip:", "sips:")):
        return "SIP address", "@" in text or "." in text
    if E164.match(text):
        return "Phone number", True
    digits = re.sub(r"[\s().-]", "", text)
    if digits.lstrip("+").isdigit():
        if not digits.startswith("+"):
            return "Add the country code with +, e.g. +1 for the US: +" + digits, False
        return "Write the number without spaces or dashes: " + digits, False
    return "Not a phone number (+15551234567) or SIP address (sip:name@host)", False


class DialAddressEditor(LineEditor):
    """The number or address to call, with a line saying what it is."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, placeholder=spec.hint.placeholder, parent=parent)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.help.setEnabled(False)
        self.layout().setSpacing(2)
        box = self.layout()
        # the line edit sits in an HBox: stack the help line under it
        outer = QVBoxLayout()
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        box.removeWidget(self.line)
        outer.addWidget(self.line)
        outer.addWidget(self.help)
        box.addLayout(outer)
        self.line.textChanged.connect(self._explain)
        self._explain(self.line.text())

    def _explain(self, text: str) -> None:
        words, fine = describe_address(text)
        self.help.setText(words)
        self.help.setEnabled(not fine)
        self.help.setProperty("role", "" if fine else "warning-text")
        self.help.style().unpolish(self.help)
        self.help.style().polish(self.help)


class SectionOrUrlEditor(EditableChoiceEditor):
    """An editable pick-list of the flow's sections; a URL or ``${variable}`` can be typed too."""

    def __init__(self, spec: FieldSpec, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, "a section, or https://...", 60, parent)

    def reload_ids(self) -> None:
        """Offer the sections the flow has now (the form calls this on every refresh)."""
        self.offer([s.name for s in self.ctx.doc.sections])
