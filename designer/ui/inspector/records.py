"""Objects and lists of objects as small forms: ``ai`` languages and pronounce, ``pay`` prompts.

An :class:`ObjectEditor` lays an object's fields out as rows with the usual editors and keeps
any key it does not show, so editing one field never drops another. A :class:`RecordsEditor`
is a list of such cards, each with move and remove buttons, "Add" under them.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton,
                               QVBoxLayout, QWidget)

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING
from designer.ui.inspector import icons
from designer.ui.inspector.base import FieldEditor, is_empty, same_value
from designer.ui.inspector.context import EditorContext
from designer.ui.inspector.structured import _tool



def card_frame(parent: QWidget) -> QFrame:
    frame = QFrame(parent)
    frame.setObjectName("card")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    return frame


class ObjectEditor(FieldEditor):
    """The fields of one object as labelled rows; unknown keys are kept as they are.

    Each field sits in a :class:`FieldRow`, so a value that does not fit its editor (``"false"``
    written as text) shows as YAML in that row only, and ``${variables}`` work as elsewhere.
    """

    def __init__(self, spec: FieldSpec | None, ctx: EditorContext, fields: tuple[FieldSpec, ...] | None = None,
                 parent: QWidget | None = None) -> None:
        from designer.ui.inspector.registry import create_editor, is_check
        super().__init__(spec, parent)
        self.ctx = ctx
        self._data: dict[str, Any] = {}
        self.editors: dict[str, FieldEditor] = {}
        self.rows: dict[str, Any] = {}
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(6)
        self.form.setVerticalSpacing(4)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above their fields: cards sit indented in a narrow panel, so a label column
        # beside the fields would push them past the panel's edge.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for sub in (spec.fields if fields is None and spec is not None else fields or ()):
            editor = create_editor(sub, ctx)
            self.add_editor(sub.name, sub, editor, sub.label,
                            span=is_check(sub) or getattr(editor, "spans", False), caption=not is_check(sub))

    def add_editor(self, name: str, spec: FieldSpec | None, editor: FieldEditor, words: str,
                   span: bool = False, caption: bool = True, row: int = -1) -> None:
        """Show ``editor`` for the key ``name`` (at form row ``row``; -1: at the end)."""
        from designer.ui.inspector.row import FieldRow
        field_row = FieldRow((name,), spec, editor, self.ctx.variables(), self)
        self.editors[name], self.rows[name] = editor, field_row
        if span:
            if caption:
                self.form.insertRow(row, QLabel(words, self))
                row = row + 1 if row >= 0 else row
            self.form.insertRow(row, field_row)
        else:
            label = QLabel(words, self)
            label.setWordWrap(True)
            label.setToolTip(spec.description if spec is not None else "")
            self.form.insertRow(row, label, field_row)
        field_row.edited.connect(lambda value, n=name: self._sub_edited(n, value))
        field_row.committed.connect(self.committed)
        field_row.reset_requested.connect(lambda n=name: (self._sub_edited(n, MISSING), self.committed.emit()))

    def row_for(self, name: str) -> Any:
        """The row showing the key ``name``, or ``None`` (a key kept but not shown)."""
        return self.rows.get(name)

    def _sub_edited(self, name: str, value: Any) -> None:
        spec = self.editors[name].spec
        if is_empty(value) or value is MISSING or (spec is not None and spec.has_default
                                                   and same_value(value, spec.default) and name not in self._data):
            self._data.pop(name, None)
        else:
            self._data[name] = value
        self._emit(self.value())

    def value(self) -> Any:
        return dict(self._data) if self._data else MISSING

    def set_value(self, value: Any) -> None:
        self._data = dict(value) if isinstance(value, dict) else {}
        for name, row in self.rows.items():
            row.show_value(self._data.get(name, MISSING), name in self._data)

    def accepts(self, value: Any) -> bool:
        return value is MISSING or isinstance(value, dict)

    def focus_widget(self) -> QWidget:
        first = next(iter(self.rows.values()), None)
        return first.current_editor().focus_widget() if first is not None else self


class RecordsEditor(FieldEditor):
    """A list of objects, one card each (``make_body`` builds a card's editor)."""

    spans = True

    def __init__(self, spec: FieldSpec, ctx: EditorContext, add_word: str = "Add",
                 make_body: Callable[[QWidget], FieldEditor] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.ctx = ctx
        self.item_spec = spec.items
        self._make_body = make_body or (lambda holder: ObjectEditor(self.item_spec, ctx, parent=holder))
        self.cards: list[tuple[QFrame, FieldEditor, Any]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.cards_layout = QVBoxLayout()
        self.cards_layout.setSpacing(4)
        layout.addLayout(self.cards_layout)
        self.empty = QLabel("None yet", self)
        self.empty.setEnabled(False)
        layout.addWidget(self.empty)
        self.add_button = QPushButton(icons.icon("mdi6.plus", self), add_word, self)
        self.add_button.clicked.connect(lambda: self.add_card())
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _new_card(self, value: Any, expanded: bool = False) -> tuple[QFrame, FieldEditor, Any]:
        frame = card_frame(self)
        outer = QVBoxLayout(frame)
        outer.setContentsMargins(6, 4, 4, 6)
        outer.setSpacing(3)
        top = QHBoxLayout()
        top.setSpacing(2)
        title = QToolButton(frame)
        title.setObjectName("cardTitle")
        title.setCheckable(True)
        title.setAutoRaise(True)
        title.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        title.setMinimumWidth(40)  # a long title is cut, never widens the panel
        title.setToolTip("Show or hide this item's settings")
        top.addWidget(title, 1)
        up = _tool(frame, "mdi6.arrow-up", "Move up", lambda: self.move_card(self._index(frame), -1))
        down = _tool(frame, "mdi6.arrow-down", "Move down", lambda: self.move_card(self._index(frame), 1))
        remove = _tool(frame, "mdi6.close", "Remove", lambda: self.remove_card(self._index(frame)))
        for button in (up, down, remove):
            top.addWidget(button)
        outer.addLayout(top)
        body = self._make_body(frame)
        body.set_value(value)
        outer.addWidget(body)

        def fold(open_: bool) -> None:
            title.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
            body.setVisible(open_)
        title.toggled.connect(fold)
        title.setChecked(expanded)
        fold(expanded)
        body.edited.connect(lambda _v: self._changed())
        body.committed.connect(self.committed)
        return frame, body, title

    def _index(self, frame: QFrame) -> int:
        return next(i for i, (f, _b, _t) in enumerate(self.cards) if f is frame)

    def _relabel(self) -> None:
        for i, (_frame, body, title) in enumerate(self.cards):
            title.setText(f"{i + 1}. {self.card_title(body.value())}")
        self.empty.setVisible(not self.cards)

    def card_title(self, value: Any) -> str:
        """Words naming a card: its first text field's value."""
        if isinstance(value, dict):
            for item in value.values():
                if isinstance(item, str) and item:
                    return item if len(item) <= 28 else item[:27] + "…"
        return "(new)"

    def _changed(self) -> None:
        self._relabel()
        self._emit(self.value())

    # ----------------------------------------------------------------- user actions
    def add_card(self, value: Any = None) -> FieldEditor:
        """Append an item (an empty object unless ``value``); one undo step."""
        card = self._new_card({} if value is None else value, expanded=True)
        self.cards.append(card)
        self.cards_layout.addWidget(card[0])
        self._relabel()
        self._emit_and_commit(self.value_with_empty())
        card[1].focus_widget().setFocus()
        return card[1]

    def move_card(self, index: int, delta: int) -> None:
        target = index + delta
        if not 0 <= target < len(self.cards):
            return
        card = self.cards.pop(index)
        self.cards.insert(target, card)
        self.cards_layout.removeWidget(card[0])
        self.cards_layout.insertWidget(target, card[0])
        self._relabel()
        self._emit_and_commit(self.value())

    def remove_card(self, index: int) -> None:
        frame, _body, _title = self.cards.pop(index)
        frame.hide()
        frame.deleteLater()
        self._relabel()
        self._emit_and_commit(self.value())

    # ----------------------------------------------------------------- FieldEditor
    def value_with_empty(self) -> Any:
        return [self._item(body) for _f, body, _t in self.cards] if self.cards else MISSING

    def _item(self, body: FieldEditor) -> Any:
        value = body.value()
        return {} if value is MISSING else value

    def value(self) -> Any:
        return self.value_with_empty()

    def set_value(self, value: Any) -> None:
        items = value if isinstance(value, list) else []
        if same_value(self.value() if self.cards else [], items):
            return
        while len(self.cards) > len(items):
            frame, _b, _t = self.cards.pop()
            frame.hide()
            frame.deleteLater()
        for i, item in enumerate(items):
            if i < len(self.cards):
                body = self.cards[i][1]
                if not same_value(body.value(), item):
                    body.blockSignals(True)
                    body.set_value(item)
                    body.blockSignals(False)
            else:
                card = self._new_card(item)
                self.cards.append(card)
                self.cards_layout.addWidget(card[0])
        self._relabel()

    def accepts(self, value: Any) -> bool:
        if value is MISSING:
            return True
        if not isinstance(value, list):
            return False
        probe = self.cards[0][1] if self.cards else self._probe()
        return all(isinstance(v, dict) and probe.accepts(v) for v in value)

    def _probe(self) -> FieldEditor:
        """A hidden card body, to ask whether values fit before any card exists."""
        if getattr(self, "_probe_body", None) is None:
            self._probe_body = self._make_body(self)
            self._probe_body.hide()
        return self._probe_body

    def focus_widget(self) -> QWidget:
        return self.cards[0][1].focus_widget() if self.cards else self.add_button
