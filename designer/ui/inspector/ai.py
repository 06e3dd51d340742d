"""The ``ai`` prompt (and summary prompt): plain text in a big box, or sections (POM).

SWML takes the prompt either as ``text`` or as ``pom``, a list of titled sections with a body
and bullets. A person picks which; switching keeps what was written by turning the sections
into text (title, body, bullets) or the text into one section. Model tuning (temperature...)
is folded under "Tuning". Keys not shown (``contexts``) are kept.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING
from designer.ui.inspector.base import FieldEditor, same_value
from designer.ui.inspector.context import EditorContext
from designer.ui.inspector.records import ObjectEditor, RecordsEditor
from designer.ui.inspector.section import FormSection
from designer.ui.inspector.text_block import TextBlockEditor

TEXT, POM = "text", "pom"
#: Kept as written, not shown: ``contexts`` is a whole step machine of its own.
HIDDEN = ("contexts",)


def pom_to_text(sections: Any) -> str:
    """Sections as plain text: a title line, the body, then ``- bullet`` lines."""
    parts: list[str] = []
    for section in sections if isinstance(sections, list) else []:
        if not isinstance(section, dict):
            continue
        lines = [f"# {section['title']}"] if section.get("title") else []
        if section.get("body"):
            lines.append(str(section["body"]))
        lines += [f"- {b}" for b in section.get("bullets", []) if isinstance(b, str)]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


class PromptEditor(FieldEditor):
    """Text or sections, plus tuning."""

    spans = True

    def __init__(self, spec: FieldSpec, ctx: EditorContext, min_lines: int = 6,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._data: dict[str, Any] = {}
        fields = {f.name: f for f in spec.fields}
        self.mode = TEXT
        self.how = QComboBox(self)
        self.how.addItem("Plain text", TEXT)
        self.how.addItem("Sections (POM)", POM)
        self.how.setToolTip("Write the instructions as one text, or as titled sections with bullets")
        self.text = TextBlockEditor(fields.get("text"), min_lines=min_lines, max_lines=16,
                                    placeholder="Tell the agent who it is and what to do on this call")
        self.pom = RecordsEditor(fields["pom"], ctx, "Add section") if "pom" in fields else None
        tuning = tuple(f for n, f in fields.items() if n not in (TEXT, POM, *HIDDEN))
        self.fold = FormSection("Tuning", False, self)
        self.tuning = ObjectEditor(spec, ctx, tuning, self.fold.body)
        self.fold.add_row("", self.tuning)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.how)
        layout.addWidget(self.text)
        if self.pom is not None:
            layout.addWidget(self.pom)
            self.pom.edited.connect(lambda v: self._part(POM, v))
            self.pom.committed.connect(self.committed)
        layout.addWidget(self.fold)
        self.text.edited.connect(lambda v: self._part(TEXT, v))
        self.text.committed.connect(self.committed)
        self.tuning.edited.connect(self._tuned)
        self.tuning.committed.connect(self.committed)
        self.how.activated.connect(self._mode_chosen)
        self._show_mode()

    def _show_mode(self) -> None:
        self.how.setCurrentIndex(self.how.findData(self.mode))
        self.text.setVisible(self.mode == TEXT)
        if self.pom is not None:
            self.pom.setVisible(self.mode == POM)

    def _part(self, key: str, value: Any) -> None:
        if value is MISSING:
            self._data.pop(key, None)
        else:
            self._data[key] = value
        self._emit(self.value())

    def _tuned(self, value: Any) -> None:
        for name in self.tuning.editors:
            self._data.pop(name, None)
        if isinstance(value, dict):
            self._data.update({k: v for k, v in value.items() if k in self.tuning.editors})
        self._emit(self.value())

    def _mode_chosen(self, _index: int) -> None:
        new = self.how.currentData()
        if new == self.mode:
            return
        old = self._data.pop(self.mode, MISSING)
        if new == TEXT:
            converted: Any = pom_to_text(old) if old is not MISSING else MISSING
        else:
            converted = [{"title": "Instructions", "body": old}] if isinstance(old, str) and old else MISSING
        data = {}
        for key, value in self._data.items():
            data[key] = value
        if converted is not MISSING:
            data = {new: converted, **data}
        self.mode = new
        self.set_value(data)
        self._emit_and_commit(self.value())

    def value(self) -> Any:
        return dict(self._data) if self._data else MISSING

    def set_value(self, value: Any) -> None:
        data = dict(value) if isinstance(value, dict) else {}
        if same_value(self.value(), value if value is not MISSING else MISSING) and data:
            return
        self._data = data
        if POM in data and TEXT not in data:
            self.mode = POM
        elif TEXT in data:
            self.mode = TEXT
        self._show_mode()
        for key, editor in ((TEXT, self.text), (POM, self.pom)):
            if editor is not None and not (editor.focus_widget().hasFocus()
                                           and same_value(editor.value(), data.get(key, MISSING))):
                editor.set_value(data.get(key, MISSING))
        self.tuning.set_value({k: v for k, v in data.items() if k in self.tuning.editors})

    def accepts(self, value: Any) -> bool:
        if value is MISSING:
            return True
        if not isinstance(value, dict):
            return False
        if not self.text.accepts(value.get(TEXT, MISSING)):
            return False
        if self.pom is not None and not self.pom.accepts(value.get(POM, MISSING)):
            return False
        return self.tuning.accepts({k: v for k, v in value.items() if k in self.tuning.editors})

    def focus_widget(self) -> QWidget:
        return self.text.focus_widget() if self.mode == TEXT or self.pom is None else self.pom.focus_widget()
