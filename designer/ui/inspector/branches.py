"""The branches under one field of a step, as the panel shows them: every one can be added here.

Generic over the schema's nesting rules (:mod:`designer.model.branches`), so a ``switch``'s
``default``, a ``connect`` or ``join_conference`` ``result`` and an ``execute``'s ``on_return``
and ``result`` all work the same way, and a fitted panel gets it by placing the field:

- a case mapping shows its case names (rename, remove, add) with :class:`CasesEditor`;
- a named list (``otherwise``, ``after it returns``) shows how many steps it holds and can be
  removed;
- every branch the step can still get under the field has an "Add" button, pushing the same one
  param change as the canvas's "+" port.

The steps inside a branch are edited on the canvas.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from designer.model.branches import (branch_words, case_maps, concrete, condition_lists, creation,
                                     fixed_lists, open_slots, owner_words)
from designer.model.document import MISSING, Document, ParamPath, Step
from designer.ui.commands import SetParamCommand
from designer.ui.inspector import icons
from designer.ui.inspector.cond import ConditionsEditor
from designer.ui.inspector.special import CasesEditor, StepsNote


def _under(path: ParamPath, field: ParamPath) -> bool:
    return tuple(path[:len(field)]) == tuple(field)


def handles(field: ParamPath, patterns: Sequence[ParamPath]) -> bool:
    """Whether a field holds branches this editor shows (else the caller keeps a plain note)."""
    return any(_under(p, field) for p in (*case_maps(patterns), *fixed_lists(patterns)))


def field_label(method: str, field: ParamPath, patterns: Sequence[ParamPath], fallback: str) -> str:
    """The row label of a field that is one named branch, in the canvas's words ("Otherwise",
    "After it returns"); other fields keep ``fallback``."""
    if tuple(field) in fixed_lists(patterns):
        words = branch_words(method, tuple(field))
        return words[:1].upper() + words[1:]
    return fallback


class BranchesEditor(QWidget):
    """Case names, named lists and "Add" buttons for the branches at or under ``field``."""

    def __init__(self, doc: Document, step: Step, field: ParamPath, patterns: Sequence[ParamPath],
                 push: Callable[[Any], None], parent: QWidget | None = None,
                 close_run: Callable[[], None] = lambda: None) -> None:
        super().__init__(parent)
        self.doc, self.step, self.field, self.push = doc, step, tuple(field), push
        self.close_run = close_run
        self.patterns = tuple(patterns)
        self.cases: list[CasesEditor] = []
        self.conditions: list[ConditionsEditor] = []
        self.notes: list[StepsNote] = []
        self.add_buttons: dict[str, QPushButton] = {}
        self._key: tuple = ()
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.body: QWidget | None = None
        self._label: QLabel | None = None
        self._build()

    def follow_presence(self, label: QLabel | None) -> None:
        """Show this row (and its ``label``) only while the step has the field: for a field a
        fitted widget edits, whose branches mean nothing before it is set."""
        self._label = label
        self._show_presence()

    def _show_presence(self) -> None:
        if self._label is None:
            return
        present = self.step.has(self.field)
        self.setVisible(present)
        self._label.setVisible(present)

    def _shape(self) -> tuple:
        """What decides the widgets: branches there are and branches that can be added."""
        slots = open_slots(self.step, self.patterns)
        return (tuple(p for p, _ in self.step.child_lists()), tuple(s.label for s in slots),
                tuple(owner_words(self.step, s.path) for s in slots))

    def _build(self) -> None:
        """(Re)build the rows; a destination added or removed in the panel changes them."""
        step, doc, push = self.step, self.doc, self.push
        self._key = self._shape()
        if self.body is not None:
            self.body.hide()
            self.body.deleteLater()  # we may be inside one of its buttons' signals
        self.body = QWidget(self)
        self.outer.addWidget(self.body)
        self.cases, self.notes, self.add_buttons, self.conditions = [], [], {}, []
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        maps = [c for m in case_maps(self.patterns) for c in concrete(step, m) if _under(c, self.field)]
        shown_maps = [m for m in maps if isinstance(step.get(m), dict)]
        caption = ""
        for map_path in shown_maps:
            if len(maps) > 1 or map_path != self.field:
                caption = owner_words(step, map_path) or "Cases"
                layout.addWidget(self._caption(caption))
            editor = CasesEditor(doc, step, push, self.body, map_path=map_path)
            self.cases.append(editor)
            layout.addWidget(editor)
        for path in (c for p in fixed_lists(self.patterns) for c in concrete(step, p)
                     if _under(c, self.field) and step.has(c)):
            layout.addWidget(self._list_row(path))
        for path in (c for p in condition_lists(self.patterns) for c in concrete(step, p)
                     if _under(c, self.field) and c != self.field and isinstance(step.get(c), list)):
            layout.addWidget(self._caption(f"{owner_words(step, path) or 'Result'}: conditions"))
            conditions = ConditionsEditor(doc, step, path, push, self.close_run, parent=self.body)
            self.conditions.append(conditions)
            layout.addWidget(conditions)
        for slot in open_slots(step, self.patterns):
            if not _under(slot.path, self.field) or any(_under(slot.path, m) for m in shown_maps) \
                    or slot.kind != "list":
                continue  # a shown case editor has its own "Add case"; conditions have theirs
            words = slot.label[2:]
            whose = owner_words(step, slot.path)
            if whose and whose != caption:  # "Destination #2 (+1555...)" over its buttons
                caption = whose
                layout.addWidget(self._caption(caption))
            text = f"Add branch: {words.split(': ', 1)[-1] if whose else words}"
            button = QPushButton(icons.icon("mdi6.plus", self.body), text, self.body)
            button.setToolTip(f"{whose}: adds this branch; drop blocks into it on the canvas" if whose
                              else "Adds this branch; drop blocks into it on the canvas")
            button.clicked.connect(lambda _c=False, s=slot: self.add(s))
            self.add_buttons[words] = button
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.show()  # filled first: a child added to a shown widget would stay hidden

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self.body)
        label.setEnabled(False)
        return label

    def _list_row(self, path: ParamPath) -> QWidget:
        row = QWidget(self.body)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        words = branch_words(self.step.method, path)
        note = StepsNote(self.step, path, row)
        self.notes.append(note)
        remove = QToolButton(row)
        remove.setIcon(icons.icon("mdi6.close", row))
        remove.setAutoRaise(True)
        remove.setToolTip(f"Remove the “{words}” branch and its steps")
        remove.clicked.connect(lambda _c=False, p=path, w=words: self.push(
            SetParamCommand(self.doc, self.step, p, MISSING, text=f"Remove {w}")))
        if path != self.field:  # else the form row's own label already names it
            layout.addWidget(QLabel(words[:1].upper() + words[1:] + ":", row))
        layout.addWidget(note, 1)
        layout.addWidget(remove)
        return row

    def add(self, slot) -> None:
        """Create ``slot`` (one undo step, the same change as the canvas's "+" port)."""
        path, value, _new = creation(self.step, slot, self.patterns)
        self.push(SetParamCommand(self.doc, self.step, path, value, text=f"Add {slot.label[2:]}"))

    def refresh(self) -> None:
        self._show_presence()
        if self._shape() != self._key:
            self._build()
            return
        for editor in (*self.cases, *self.conditions):
            editor.refresh()
        for note in self.notes:
            note.refresh()
