"""The conditions of a ``cond`` (and of a ``result`` written as a list of conditions).

One row per branch, in order: a condition (``when``, typed in a line edit) with its step count, or
"Otherwise" (an item with only ``else``). Branches can be added, removed and moved; their steps
stay on the canvas. Every structural change replaces the whole list with one undoable command
built with :func:`~designer.model.document.copy_value`, so the branches' ``StepList`` objects (and
the blocks in them) are the very same after undo.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from designer.model.document import Document
from designer.model.steps import ParamPath, Step, StepList, copy_value
from designer.model.problems import Problem
from designer.ui.commands import SetParamCommand
from designer.ui.inspector import icons
from designer.ui.inspector.special import count_steps

WHEN_PLACEHOLDER = "e.g. prompt_value == '1'"
_FALLBACK = {
    "when": "The JavaScript condition to act on.",
    "then": "Sequence of SWML methods to execute when the condition evaluates to true.",
    "else": "Sequence of SWML methods to execute when none of the other conditions evaluate to true.",
}
REG, ELSE, OTHER = "condition", "otherwise", "other"


def is_cond_list(nesting: tuple[ParamPath, ...], path: ParamPath) -> bool:
    """Whether the value at ``path`` is a list of conditions (its items' ``then`` hold steps)."""
    return tuple(path) + ("*", "then") in nesting


def branch_kind(item: Any) -> str:
    """``condition`` (has ``when``/``then``), ``otherwise`` (only ``else``) or ``other``."""
    if isinstance(item, dict):
        if "when" in item or "then" in item:
            return REG
        if "else" in item:
            return ELSE
    return OTHER


def descriptions(catalog: Any) -> dict[str, str]:
    """The schema's words for ``when``/``then``/``else`` (``CondReg``), for tooltips."""
    try:
        props = catalog.schema.defs["CondReg"]["properties"]
        return {k: (props.get(k, {}).get("description") or v).strip() for k, v in _FALLBACK.items()}
    except (AttributeError, KeyError, TypeError):
        return dict(_FALLBACK)


def _steps(n: int) -> str:
    return f"{n} step{'s' if n != 1 else ''}"


class _Row(QFrame):
    """One branch: condition text (or "Otherwise"), step count, move/remove buttons, problem line."""

    def __init__(self, kind: str, tips: dict[str, str], parent: QWidget) -> None:
        super().__init__(parent)
        self.kind = kind
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(2)
        self.line: QLineEdit | None = None
        if kind == REG:
            self.prefix = QLabel("If", self)
            self.line = QLineEdit(self)
            self.line.setPlaceholderText(WHEN_PLACEHOLDER)
            self.line.setToolTip(tips["when"])
            self.line.setMinimumWidth(60)
            top.addWidget(self.prefix)
            top.addWidget(self.line, 1)
        else:
            self.prefix = QLabel("Otherwise" if kind == ELSE else "Not a condition (kept as written)", self)
            self.prefix.setToolTip(tips["else"] if kind == ELSE else "")
            top.addWidget(self.prefix, 1)
        self.count = QLabel(self)
        self.count.setEnabled(False)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("00 steps"))
        self.count.setToolTip("Edit these steps on the canvas")
        top.addWidget(self.count)
        self.up = self._button("mdi6.arrow-up", "Move this branch up (it is checked earlier)")
        self.down = self._button("mdi6.arrow-down", "Move this branch down (it is checked later)")
        self.remove = self._button("mdi6.close", "Remove this branch and its steps")
        for button in (self.up, self.down, self.remove):
            top.addWidget(button)
        outer.addLayout(top)
        self.problem = QLabel(self)
        self.problem.setProperty("role", "problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        outer.addWidget(self.problem)

    def _button(self, icon: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icons.icon(icon, self))
        button.setAutoRaise(True)
        button.setToolTip(tip)
        return button


class ConditionsEditor(QWidget):
    """Edit the list of conditions at ``path`` of ``step`` (``()`` for ``cond`` itself).

    ``push`` pushes a command on the undo stack (the form's, which tracks typing runs);
    ``close_run`` ends a run of typing so the next edit is a new undo step.
    """

    def __init__(self, doc: Document, step: Step, path: ParamPath, push: Callable[[Any], None],
                 close_run: Callable[[], None], tips: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.step, self.path = doc, step, tuple(path)
        self.push, self.close_run = push, close_run
        self.tips = tips or dict(_FALLBACK)
        self.rows: list[_Row] = []
        self._kinds: tuple[str, ...] | None = None
        self._problems: dict[int, list[Problem]] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.rows_box.setSpacing(4)
        layout.addLayout(self.rows_box)
        self.empty = QLabel("No conditions yet: add one, then connect its steps on the canvas", self)
        self.empty.setEnabled(False)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(icons.icon("mdi6.plus", self), "Add condition", self)
        self.add_button.setToolTip("A new condition, checked before the otherwise branch")
        self.add_button.clicked.connect(lambda: self.add_condition())
        self.else_button = QPushButton(icons.icon("mdi6.plus", self), "Add otherwise", self)
        self.else_button.setToolTip(self.tips["else"])
        self.else_button.clicked.connect(lambda: self.add_otherwise())
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.else_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.refresh()

    # ----------------------------------------------------------------- model -> widgets
    def items(self) -> list[Any]:
        value = self.step.get(self.path)
        return value if isinstance(value, list) else []

    def refresh(self) -> None:
        """Show the current branches; rows are rebuilt only when the kinds of branches changed."""
        items = self.items()
        kinds = tuple(branch_kind(item) for item in items)
        if kinds != self._kinds:
            self._rebuild(kinds)
        for i, (row, item) in enumerate(zip(self.rows, items)):
            if row.line is not None:
                text = item.get("when") if isinstance(item.get("when"), str) else ""
                if row.line.text() != text:
                    cursor = row.line.cursorPosition()
                    row.line.setText(text)
                    row.line.setCursorPosition(min(cursor, len(text)))
            row.count.setText(self._count_words(i, item))
            row.up.setEnabled(self._can_move(kinds, i, -1))
            row.down.setEnabled(self._can_move(kinds, i, 1))
        self.empty.setVisible(not items)
        self.else_button.setVisible(not self.has_otherwise())
        self._show_problems()

    def _rebuild(self, kinds: tuple[str, ...]) -> None:
        for row in self.rows:
            row.hide()
            row.deleteLater()  # we may be inside one of its buttons' signals
        self.rows = []
        self._kinds = kinds
        for i, kind in enumerate(kinds):
            row = _Row(kind, self.tips, self)
            if row.line is not None:
                row.line.textEdited.connect(lambda text, n=i: self.set_when(n, text))
                row.line.editingFinished.connect(self.close_run)
            row.up.clicked.connect(lambda _c=False, n=i: self.move(n, -1))
            row.down.clicked.connect(lambda _c=False, n=i: self.move(n, 1))
            row.remove.clicked.connect(lambda _c=False, n=i: self.remove(n))
            self.rows_box.addWidget(row)
            self.rows.append(row)

    def has_otherwise(self) -> bool:
        return any(isinstance(item, dict) and "else" in item for item in self.items())

    # ----------------------------------------------------------------- problems
    def take_problems(self, problems: list[Problem]) -> list[Problem]:
        """Keep the problems of one branch (shown under its row); return the others."""
        self._problems, rest = {}, []
        n = len(self.path)
        for problem in problems:
            field = tuple(problem.field or ())
            if len(field) > n and field[:n] == self.path and isinstance(field[n], int) \
                    and 0 <= field[n] < len(self.rows):
                self._problems.setdefault(field[n], []).append(problem)
            else:
                rest.append(problem)
        self._show_problems()
        return rest

    def _show_problems(self) -> None:
        for i, row in enumerate(self.rows):
            found = self._problems.get(i, [])
            row.problem.setText("\n".join(p.message for p in found))
            row.problem.setVisible(bool(found))

    # ----------------------------------------------------------------- edits
    def set_when(self, index: int, text: str) -> None:
        """Typing in a condition: one undo step per run (closed when the field loses focus)."""
        path = self.path + (index, "when")
        if self.step.get(path) == text:
            return
        self.push(SetParamCommand(self.doc, self.step, path, text, text=f"Change condition {index + 1}"))

    def _replace(self, new: list[Any], text: str) -> None:
        self.close_run()
        command = SetParamCommand(self.doc, self.step, self.path, new, text=text)
        self.push(command)
        command.close()  # a structural edit never merges with the next one

    def add_condition(self) -> int:
        """Add an empty condition before a trailing otherwise branch; returns its index."""
        new = copy_value(self.items())
        index = len(new) - 1 if new and branch_kind(new[-1]) == ELSE else len(new)
        new.insert(index, {"when": "", "then": StepList()})
        self._replace(new, "Add condition")
        if index < len(self.rows) and self.rows[index].line is not None:
            self.rows[index].line.setFocus()
        return index

    def add_otherwise(self) -> None:
        """Add the branch that runs when no condition is true (only one is allowed)."""
        if self.has_otherwise():
            return
        self._replace(copy_value(self.items()) + [{"else": StepList()}], "Add otherwise")

    def remove(self, index: int) -> None:
        """Remove a branch with its steps (undo puts back the very same steps)."""
        new = copy_value(self.items())
        if 0 <= index < len(new):
            word = "otherwise" if branch_kind(new[index]) == ELSE else f"condition {index + 1}"
            del new[index]
            self._replace(new, f"Remove {word}")

    def _count_words(self, index: int, item: Any) -> str:
        """"2 steps", or "2 steps, else 1" for a condition that also has its own else branch."""
        base = self.path + (index,)
        if isinstance(item, dict) and "when" in item and "else" in item:
            then = count_steps(self.step, base + ("then",))
            return f"{_steps(then)}, else {count_steps(self.step, base + ('else',))}"
        return _steps(count_steps(self.step, base))

    @staticmethod
    def _can_move(kinds: tuple[str, ...], index: int, delta: int) -> bool:
        """Conditions reorder among themselves; an otherwise branch stays last (a condition
        after it could never be reached)."""
        other = index + delta
        return (0 <= other < len(kinds) and kinds[index] != ELSE and kinds[other] != ELSE)

    def move(self, index: int, delta: int) -> None:
        """Move a branch up (``-1``) or down (``1``): conditions are checked in order."""
        new = copy_value(self.items())
        other = index + delta
        if self._can_move(tuple(branch_kind(item) for item in new), index, delta):
            new[index], new[other] = new[other], new[index]
            self._replace(new, "Move branch " + ("up" if delta < 0 else "down"))
            button = self.rows[other].up if delta < 0 else self.rows[other].down
            (button if button.isEnabled() else self.rows[other].remove).setFocus()
