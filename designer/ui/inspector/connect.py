"""``connect``'s "try several": numbers rung one by one, all at once, or in groups.

SWML spells the three ways as three keys: ``serial`` (a list of destinations, in order),
``parallel`` (rung together) and ``serial_parallel`` (groups: one group after another, everyone
in a group at once). One editor shows whichever the step has, as a list of numbers. Each
destination keeps every setting it had (``timeout``, SIP credentials, its ``result`` branch):
only ``to`` is edited here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING, Step
from designer.ui.inspector import icons
from designer.ui.inspector.base import FieldEditor, same_value
from designer.ui.inspector.context import EditorContext
from designer.ui.inspector.structured import ItemRow, ListEditor

SERIAL, PARALLEL, GROUPS = "serial", "parallel", "serial_parallel"
MODES = {SERIAL: "One at a time, in order", PARALLEL: "All at the same time",
         GROUPS: "Groups: one group after another"}
KEYS = (SERIAL, PARALLEL, GROUPS)
#: A destination's own settings, editable under its number (the rest, e.g. ``result``, is kept).
#: Kept short so a destination's settings fit beside its move/remove buttons in a narrow panel.
DETAILS = ("from", "timeout", "username", "password", "codecs", "headers")


def _to_text(item: Any) -> str:
    return str(item.get("to", "")) if isinstance(item, dict) else str(item)


def _merge(old: Any, to: str) -> dict[str, Any]:
    """``old`` destination with its ``to`` replaced (``to`` stays first)."""
    item: dict[str, Any] = {"to": to}
    if isinstance(old, dict):
        for key, value in old.items():
            if key != "to":
                item[key] = value
    return item


class _Numbers(ListEditor):
    """The rows: one destination each, or for groups one group each (numbers split by commas)."""

    def __init__(self, owner: "DestinationsEditor") -> None:
        self.owner = owner
        super().__init__(None, owner)
        self.empty.setText("No destinations yet")

    def _add_buttons(self) -> None:
        add = QPushButton(icons.icon("mdi6.plus", self), "Add a number", self)
        add.clicked.connect(lambda: self.owner.add_number())
        self.buttons.addWidget(add)

    def make_row(self, value: Any) -> ItemRow:
        groups = self.owner.mode == GROUPS
        holder = QWidget(self)
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(2)
        line = QLineEdit(holder)
        line.setMinimumWidth(60)
        top.addWidget(line, 1)
        outer.addLayout(top)
        details = None if groups else self._details(holder)
        if details is not None:
            more = QToolButton(holder)
            more.setIcon(icons.icon("mdi6.tune-variant", holder))
            more.setCheckable(True)
            more.setAutoRaise(True)
            more.setToolTip("This destination's own settings (caller ID, ring time, SIP login...)")
            more.toggled.connect(details.setVisible)
            top.addWidget(more)
            outer.addWidget(details)
            details.hide()
        state = {"old": value}

        def put(item: Any) -> None:
            state["old"] = item
            text = ", ".join(_to_text(i) for i in item) if isinstance(item, list) else _to_text(item)
            if line.text() != text:
                line.setText(text)
                line.setCursorPosition(0)
            if details is not None:
                own = {k: v for k, v in item.items() if k in details.editors} if isinstance(item, dict) else {}
                details.set_value(own)

        def get() -> Any:
            old = state["old"]
            if groups:
                olds = old if isinstance(old, list) else [old]
                words = [w.strip() for w in line.text().split(",")]
                return [_merge(olds[i] if i < len(olds) else None, w) for i, w in enumerate(words) if w or i == 0]
            item = _merge(old[0] if isinstance(old, list) and old else old, line.text().strip())
            if details is not None:
                own = details.value()
                item = {k: v for k, v in item.items() if k not in details.editors}
                item.update(own if isinstance(own, dict) else {})
            return item

        put(value)
        line.setPlaceholderText("+15551234567, +15557654321" if groups else "+15551234567 or sip:desk@example.com")
        row = ItemRow(holder, get, put, self)
        row.layout().setSpacing(0)  # the arrows sit close: a destination's settings need the width
        for button in (row.up, row.down, row.remove):
            row.layout().setAlignment(button, Qt.AlignmentFlag.AlignTop)  # beside the number, not mid-settings
        line.textEdited.connect(row.changed)
        line.editingFinished.connect(row.finished)
        if details is not None:
            details.edited.connect(lambda _v: row.changed.emit())
            details.committed.connect(row.finished)
        row.line = line  # type: ignore[attr-defined] - for focusing and tests
        row.details = details  # type: ignore[attr-defined]
        return row

    def _details(self, parent: QWidget) -> Any:
        from designer.ui.inspector.records import ObjectEditor
        spec = self.owner.ctx.catalog.method("connect")
        fields = tuple(f for f in (spec.field(n) for n in DETAILS) if f is not None)
        return ObjectEditor(None, self.owner.ctx, fields, parent) if fields else None

    def accepts(self, value: Any) -> bool:
        return True


class DestinationsEditor(FieldEditor):
    """How to ring (a choice of the three ways) over the list of numbers.

    Its value is ``{way: list}`` with ``way`` one of ``serial``, ``parallel``, ``serial_parallel``.
    """

    spans = True

    def __init__(self, spec: FieldSpec, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.ctx = ctx
        self.mode = SERIAL
        self.how = QComboBox(self)
        for key, words in MODES.items():
            self.how.addItem(words, key)
        self.how.setToolTip("Ring the destinations one after another (the first to answer gets the "
                            "call), all together, or in groups")
        self.numbers = _Numbers(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.how)
        layout.addWidget(self.numbers)
        self.how.activated.connect(self._mode_chosen)
        self.numbers.edited.connect(lambda _v: self._emit(self.value()))
        self.numbers.committed.connect(self.committed)

    def _mode_chosen(self, _index: int) -> None:
        new = self.how.currentData()
        if new == self.mode:
            return
        items = self.numbers.value()
        items = [] if items is MISSING else items
        if new == GROUPS and self.mode != GROUPS:
            items = [[item] for item in items]
        elif self.mode == GROUPS and new != GROUPS:
            items = [d for group in items for d in (group if isinstance(group, list) else [group])]
        self.mode = new
        self.numbers.set_value([])
        self.numbers.set_value(items)
        self._emit_and_commit(self.value())

    def add_number(self, to: str = "") -> ItemRow:
        """Add a destination (the "Add a number" button) and focus it; returns its row.

        The first one added to a step that dials a single ``to`` comes after that number: trying
        several starts from the one already there.
        """
        step = self.ctx.step
        single = step.get(("to",)) if step.has(("to",)) and not self.numbers.rows else None
        if isinstance(single, str) and single:
            self.numbers._insert_row([{"to": single}] if self.mode == GROUPS else {"to": single})
        row = self.numbers.add_item([{"to": to}] if self.mode == GROUPS else {"to": to})
        row.line.setFocus()  # type: ignore[attr-defined]
        if to:
            row.line.setText(to)  # type: ignore[attr-defined]
            self._emit_and_commit(self.value())
        return row

    def value(self) -> Any:
        items = self.numbers.value()
        return MISSING if items is MISSING else {self.mode: items}

    def set_value(self, value: Any) -> None:
        if same_value(self.value(), value):
            return
        mode, items = SERIAL, []
        if isinstance(value, dict) and len(value) == 1:
            mode, items = next(iter(value.items()))
        if mode != self.mode:
            self.mode = mode
            self.numbers.set_value([])
        self.how.setCurrentIndex(self.how.findData(mode))
        self.numbers.set_value(items if isinstance(items, list) else [])

    def accepts(self, value: Any) -> bool:
        if value is MISSING:
            return True
        if not (isinstance(value, dict) and len(value) == 1 and next(iter(value)) in KEYS):
            return False
        mode, items = next(iter(value.items()))
        if not isinstance(items, list):
            return False
        if mode == GROUPS:
            return all(isinstance(g, list) and all(isinstance(d, dict) for d in g) for g in items)
        return all(isinstance(d, dict) for d in items)

    def focus_widget(self) -> QWidget:
        return self.numbers.focus_widget()


def read_destinations(step: Step) -> tuple[Any, bool]:
    """The step's "try several" list as ``{way: list}``."""
    for key in KEYS:
        if step.has((key,)):
            return {key: step.get((key,))}, True
    return MISSING, False


def destinations_change(step: Step, value: Any) -> tuple[tuple, Any]:
    """What to write: the list under its key, or the whole params when the key changes.

    Changing the way (``serial`` -> ``parallel``) or starting a list on a step that dials one
    ``to`` rewrites the params with the key swapped in place, so key order is kept and it is one
    undo step; the single ``to`` becomes the list's first destination.
    """
    present = next((k for k in KEYS if step.has((k,))), None)
    if value is MISSING:
        return (present or SERIAL,), MISSING
    key, items = next(iter(value.items()))
    if key == present:
        return (key,), items
    params = step.params if isinstance(step.params, dict) else {}
    had_to = present is None and "to" in params
    if had_to:
        first = params["to"]
        flat = [i for g in items for i in (g if isinstance(g, list) else [g])]
        if not any(isinstance(i, dict) and i.get("to") == first for i in flat):
            items = [[{"to": first}]] + list(items) if key == GROUPS else [{"to": first}] + list(items)
    out: dict[str, Any] = {}
    for k, v in params.items():
        if k == present or (had_to and k == "to"):
            out[key] = items
        else:
            out[k] = v
    if key not in out:
        out[key] = items
    return (), out
