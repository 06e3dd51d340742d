"""``live_transcribe`` / ``live_translate`` ``action``: start, stop, summarize (or inject).

SWML writes ``action: stop`` as text and the others as ``{start: {...}}``; ``summarize`` may be
either (text: summarize with the defaults). A choice box picks the action and the chosen one's
settings appear under it, each action's settings kept while the person looks at another.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING
from designer.ui.inspector.base import FieldEditor, same_value
from designer.ui.inspector.context import EditorContext
from designer.ui.inspector.records import ObjectEditor

WORDS = {"start": "Start", "stop": "Stop", "summarize": "Summarize", "inject": "Say a message (inject)"}
#: Actions that SWML also accepts as plain text.
AS_TEXT = ("stop", "summarize")


class ActionEditor(FieldEditor):
    """The action as a choice, with the chosen action's settings below."""

    spans = True

    def __init__(self, spec: FieldSpec, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.choice = QComboBox(self)
        self.bodies: dict[str, ObjectEditor] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.choice)
        names = [f.name for f in spec.fields]
        order = [n for n in ("start", "stop", "summarize", "inject") if n in names or n == "stop"]
        order += [n for n in names if n not in order]
        for name in order:
            self.choice.addItem(WORDS.get(name, name.capitalize()), name)
            sub = next((f for f in spec.fields if f.name == name), None)
            if sub is not None and sub.fields:
                body = ObjectEditor(sub, ctx, parent=self)
                body.edited.connect(lambda _v: self._emit(self.value()))
                body.committed.connect(self.committed)
                layout.addWidget(body)
                self.bodies[name] = body
        self.choice.activated.connect(lambda _i: self._chosen())
        self._show()

    def current(self) -> str:
        return str(self.choice.currentData())

    def _show(self) -> None:
        for name, body in self.bodies.items():
            body.setVisible(name == self.current())

    def _chosen(self) -> None:
        self._show()
        self._emit_and_commit(self.value())

    def value(self) -> Any:
        name = self.current()
        body = self.bodies.get(name)
        settings = body.value() if body is not None else MISSING
        if settings is MISSING and name in AS_TEXT:
            return name
        return {name: {} if settings is MISSING else settings}

    def set_value(self, value: Any) -> None:
        if same_value(self.value(), value):
            return
        if isinstance(value, str):
            name, settings = value, MISSING
        elif isinstance(value, dict) and len(value) == 1:
            name, settings = next(iter(value.items()))
        else:
            name, settings = "start", MISSING
        index = self.choice.findData(name)
        self.choice.setCurrentIndex(max(index, 0))
        body = self.bodies.get(name)
        if body is not None:
            body.set_value(settings)
        self._show()

    def accepts(self, value: Any) -> bool:
        if value is MISSING:
            return True
        if isinstance(value, str):
            return self.choice.findData(value) >= 0 and value in AS_TEXT
        if isinstance(value, dict) and len(value) == 1:
            name, settings = next(iter(value.items()))
            body = self.bodies.get(name)
            return body is not None and body.accepts(settings)
        return False

    def focus_widget(self) -> QWidget:
        return self.choice
