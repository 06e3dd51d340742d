"""The fitted ``play`` panel: an ordered list of things to play, with helpers for each kind.

Items are play URLs (``say:TEXT``, ``silence:SECONDS``, ``ring:...``, an audio URL) or variables
set earlier in the flow (``${record_call_url}``). ``url`` vs ``urls`` stays as the user had it:
one item in a step that used ``url`` is written as ``url``, anything else as ``urls``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMenu, QToolButton, QWidget

from designer.model.variable_words import menu_text
from designer.model.catalog import FieldSpec
from designer.model.document import MISSING, Step
from designer.ui.inspector import icons
from designer.ui.inspector.context import EditorContext
from designer.ui.inspector.structured import ItemRow, ListEditor
from designer.ui.inspector.variable import is_variable


#: kind -> (prefix, words, icon, placeholder)
KINDS: dict[str, tuple[str, str, str, str]] = {
    "say": ("say:", "Say", "mdi6.account-voice", "Text to speak"),
    "silence": ("silence:", "Silence", "mdi6.timer-sand", "Seconds"),
    "ring": ("ring:", "Ring", "mdi6.bell-ring-outline", "Seconds:country, e.g. 10:us"),
    "variable": ("", "Variable", "mdi6.variable", "${variable}"),
    "audio": ("", "Audio", "mdi6.music-note", "https://.../file.mp3"),
}


def kind_of(item: Any) -> str:
    """Which helper shows ``item``: say, silence, ring, variable or audio (anything else)."""
    if isinstance(item, str):
        for kind in ("say", "silence", "ring"):
            if item.startswith(KINDS[kind][0]):
                return kind
        if is_variable(item):
            return "variable"
    return "audio"


class PlayUrlsEditor(ListEditor):
    """The list of things to play; reorder with the arrows, add with the helpers."""

    def __init__(self, spec: FieldSpec, ctx: EditorContext, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        super().__init__(spec, parent)
        self.empty.setText("Nothing to play yet: add something below")

    def _add_buttons(self) -> None:
        add = QToolButton(self)
        add.setText("Add")
        add.setIcon(icons.icon("mdi6.plus", self))
        add.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        add.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(add)
        self.add_actions: dict[str, QAction] = {}
        starts = {"say": "say:", "silence": "silence:1", "ring": "ring:10:us", "audio": "https://"}
        words = {"say": "Say text", "silence": "Silence", "audio": "Audio file (URL)", "ring": "Ringtone"}
        for kind in ("say", "silence", "audio", "ring"):
            action = menu.addAction(icons.icon(KINDS[kind][2], self), words[kind])
            action.triggered.connect(lambda _c=False, v=starts[kind]: self.add_item(v, focus=True))
            self.add_actions[kind] = action
        add.setMenu(menu)
        self.variable_button = QToolButton(self)
        self.variable_button.setText("Variable")
        self.variable_button.setIcon(icons.icon("mdi6.variable", self))
        self.variable_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.variable_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.variable_button.setToolTip("Play something an earlier block recorded or set")
        self.variable_menu = QMenu(self.variable_button)
        self.variable_menu.aboutToShow.connect(self._fill_variables)
        self.variable_button.setMenu(self.variable_menu)
        self.buttons.addWidget(add)
        self.buttons.addWidget(self.variable_button)
        self._fill_variables()

    def variable_actions(self) -> list[QAction]:
        """The "insert variable" actions, one per variable set before this block."""
        return [a for a in self.variable_menu.actions() if a.isEnabled()]

    def _fill_variables(self) -> None:
        self.variable_menu.clear()
        names = self.ctx.variables()
        for name in names:
            action = self.variable_menu.addAction(menu_text(name))  # what it holds, in words
            action.setData(f"${{{name}}}")
            action.triggered.connect(lambda _c=False, n=name: self.add_item(f"${{{n}}}"))
        if not names:
            self.variable_menu.addAction("No block before this one sets a variable").setEnabled(False)
        self.variable_menu.addSeparator()
        self.variable_menu.addAction("Type a variable…").triggered.connect(
            lambda: self.add_item("${}", focus=True))

    def make_row(self, value: Any) -> ItemRow:
        holder = QWidget(self)
        layout = QHBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        badge = QLabel(holder)
        line = QLineEdit(holder)
        line.setMinimumWidth(60)
        unit = QLabel("seconds", holder)
        layout.addWidget(badge)
        layout.addWidget(line, 1)
        layout.addWidget(unit)
        state = {"kind": "audio"}

        def put(item: Any) -> None:
            kind = kind_of(item)
            state["kind"] = kind
            prefix, words, icon_name, placeholder = KINDS[kind]
            badge.setPixmap(icons.icon(icon_name, holder).pixmap(16, 16))
            badge.setToolTip(words)
            line.setPlaceholderText(placeholder)
            unit.setVisible(kind == "silence")
            text = str(item)[len(prefix):] if prefix else str(item)
            if line.text() != text:
                line.setText(text)
                line.setCursorPosition(0)

        def get() -> Any:
            return KINDS[state["kind"]][0] + line.text()

        put(value)
        row = ItemRow(holder, get, put, self)
        line.textEdited.connect(row.changed)
        line.editingFinished.connect(row.finished)
        row.line = line  # type: ignore[attr-defined] - for focusing and tests
        return row

    def add_item(self, value: Any, focus: bool = False) -> ItemRow:
        row = super().add_item(value, focus=False)
        if focus:
            row.line.setFocus()  # type: ignore[attr-defined]
            row.line.selectAll()  # type: ignore[attr-defined]  # typing replaces the starting value ("1" second)
            if value == "${}":
                row.line.setCursorPosition(2)  # type: ignore[attr-defined]
        return row


def read_urls(step: Step) -> tuple[Any, bool]:
    """The play list as the editor shows it: ``url`` as a one-item list, else ``urls``."""
    if step.has(("url",)):
        return [step.get(("url",))], True
    if step.has(("urls",)):
        value = step.get(("urls",))
        return (value if isinstance(value, list) else value), True
    return MISSING, False


def urls_change(step: Step, items: Any) -> tuple[tuple, Any]:
    """The (path, value) one command writes for the edited list, keeping ``url`` vs ``urls``.

    When the key changes (``url`` -> ``urls``) the whole params are written with the key replaced
    in place, so key order is kept and it is one undo step.
    """
    used_url = step.has(("url",))
    empty = items is MISSING or not items
    if empty:
        return (("url",) if used_url else ("urls",)), MISSING
    if used_url and len(items) == 1:
        return ("url",), items[0]
    if not used_url:
        return ("urls",), list(items)
    params = {}
    for key, value in step.params.items():
        params["urls" if key == "url" else key] = list(items) if key == "url" else value
    return (), params
