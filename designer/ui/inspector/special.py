"""Parts of a form that are not field editors: nested-step notes, switch cases, fix-it notes."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton, QVBoxLayout,
                               QWidget)

from designer.model.branches import branch_words, next_case_key
from designer.model.document import MISSING, Document, ParamPath, Step, StepList

from designer.ui.commands import GroupCommand, SetParamCommand
from designer.ui.inspector import icons


def count_steps(step: Step, path: ParamPath) -> int:
    """How many steps the step lists at or under ``path`` hold (direct children only)."""
    return sum(len(lst) for p, lst in step.child_lists() if p[:len(path)] == path)


def steps_words(count: int) -> str:
    return f"{count} step{'s' if count != 1 else ''} — edit on the canvas"


class StepsNote(QLabel):
    """"N steps — edit on the canvas" for a field that holds nested steps."""

    def __init__(self, step: Step, path: ParamPath, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step, self.path = step, path
        self.setEnabled(False)
        self.setWordWrap(True)
        self.refresh()

    def refresh(self) -> None:
        value = self.step.get(self.path, MISSING) if self.path else self.step.params
        if isinstance(value, StepList) or value is self.step.params:
            self.setText(steps_words(count_steps(self.step, self.path)))
        elif value is MISSING:
            self.setText("not set")
        else:  # e.g. connect's serial destinations: the items are not steps, their branches are
            items = len(value) if isinstance(value, (list, dict)) else 1
            words = f"{items} item{'s' if items != 1 else ''}"
            steps = sum(len(lst) for p, lst in self.step.child_lists() if p[:len(self.path)] == self.path)
            self.setText(f"{words}; {steps_words(steps)}" if steps else words)


class CasesEditor(QWidget):
    """The case names of a ``switch`` (or of any case mapping, such as a ``connect`` result's at
    ``map_path=("result", "case")``): add, rename, remove; their steps are edited on the canvas."""

    def __init__(self, doc: Document, step: Step, push: Callable[[Any], None],
                 parent: QWidget | None = None, map_path: ParamPath = ("case",)) -> None:
        super().__init__(parent)
        self.doc, self.step, self.push = doc, step, push
        self.map_path = tuple(map_path)
        self.names: dict[str, QLineEdit] = {}
        self.counts: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        cases = step.get(self.map_path, {})
        for name in (cases if isinstance(cases, dict) else {}):
            layout.addWidget(self._case_row(str(name)))
        if not self.names:
            none = QLabel("No cases yet: only the “otherwise” steps run", self)
            none.setEnabled(False)
            none.setWordWrap(True)
            layout.addWidget(none)
        add = QPushButton(icons.icon("mdi6.plus", self), "Add case", self)
        add.clicked.connect(self.add_case)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)

    def _case_row(self, name: str) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        line = QLineEdit(name, row)
        words = branch_words(self.step.method, self.map_path + (name,))
        line.setToolTip(f"The value that selects this case ({words})" if not words.endswith(name)
                        else "The value that selects this case")
        line.setMinimumWidth(60)
        line.editingFinished.connect(lambda n=name, e=line: self.rename_case(n, e.text()))
        count = QLabel(row)
        count.setEnabled(False)
        count.setMinimumWidth(count.fontMetrics().horizontalAdvance("00 steps"))
        remove = QToolButton(row)
        remove.setIcon(icons.icon("mdi6.close", row))
        remove.setAutoRaise(True)
        remove.setToolTip("Remove this case and its steps")
        remove.clicked.connect(lambda _c=False, n=name: self.remove_case(n))
        layout.addWidget(line, 1)
        layout.addWidget(count)
        layout.addWidget(remove)
        self.names[name], self.counts[name] = line, count
        self.refresh()
        return row

    def refresh(self) -> None:
        for name, label in self.counts.items():
            n = count_steps(self.step, self.map_path + (name,))
            label.setText(f"{n} step{'s' if n != 1 else ''}")

    def _free_name(self) -> str:
        """The first outcome not handled yet (``failed`` for connect), else the next free key
        number ("1", "2"...: most switches route a pressed key)."""
        return next_case_key(self.step, self.map_path)

    def add_case(self) -> str:
        """Add a case with no steps under a new name; returns the name."""
        name = self._free_name()
        self.push(SetParamCommand(self.doc, self.step, self.map_path + (name,), StepList(),
                                  text=f"Add case {name}"))
        return name

    def rename_case(self, old: str, new: str) -> None:
        new = new.strip()
        cases = self.step.get(self.map_path, {})
        if not new or new == old or not isinstance(cases, dict) or new in cases or old not in cases:
            if old in self.names:
                self.names[old].setText(old)
            return
        add = SetParamCommand(self.doc, self.step, self.map_path + (new,), cases[old])
        drop = SetParamCommand(self.doc, self.step, self.map_path + (old,), MISSING)
        with self.doc.batch():
            self.push(GroupCommand(f"Rename case {old} to {new}", [add, drop], self.doc))

    def remove_case(self, name: str) -> None:
        command = SetParamCommand(self.doc, self.step, self.map_path + (name,), MISSING,
                                  text=f"Remove case {name}")
        self.push(command)


def note(text: str, parent: QWidget | None = None, warning: bool = False) -> QLabel:
    """A wrapped explanatory line (``warning``: in the problem colour)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.MarkdownText)
    if warning:
        label.setProperty("role", "warning")
    return label
