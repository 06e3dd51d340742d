"""The undo stack: plain Python commands behind a small QObject that offers Qt's signals and actions.

Why not ``QUndoStack``/``QUndoCommand``? With PySide, Python subclasses of ``QUndoCommand`` live
half in C++: a command created with a Qt ``parent=`` loses its Python side once no Python
reference is left, and a stack destroyed by Python's cycle collector deletes commands whose Python
side was already cleared. Both crashed the process (PySide 6.11/6.12). Keeping the commands in
Python removes that class of bugs; the API below follows ``QUndoStack``'s names so the rest of the
UI reads as Qt code does.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction


class Command:
    """One undoable edit. Subclasses implement :meth:`redo` and :meth:`undo`.

    As in Qt, a command whose :meth:`id` is not -1 may absorb the next command with the same id
    through :meth:`mergeWith` (a run of typing in one field becomes one undo step).
    """

    def __init__(self, text: str = "") -> None:
        self._text = text

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._text = text

    def id(self) -> int:  # noqa: A003 - Qt's name
        return -1

    def mergeWith(self, other: "Command") -> bool:  # noqa: N802 - Qt's name
        return False

    def redo(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError


class MacroCommand(Command):
    """Commands pushed between ``beginMacro`` and ``endMacro``: one undo step."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.commands: list[Command] = []

    def redo(self) -> None:
        for command in self.commands:
            command.redo()

    def undo(self) -> None:
        for command in reversed(self.commands):
            command.undo()


class UndoStack(QObject):
    """A ``QUndoStack`` look-alike holding plain Python :class:`Command` objects.

    Signals (as in Qt): ``indexChanged(int)``, ``cleanChanged(bool)``, ``canUndoChanged(bool)``,
    ``canRedoChanged(bool)``, ``undoTextChanged(str)``, ``redoTextChanged(str)``.
    """

    indexChanged = Signal(int)
    cleanChanged = Signal(bool)
    canUndoChanged = Signal(bool)
    canRedoChanged = Signal(bool)
    undoTextChanged = Signal(str)
    redoTextChanged = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._commands: list[Command] = []
        self._index = 0
        #: Index at which the document matches its file; -1 when that state was discarded.
        self._clean = 0
        self._macros: list[MacroCommand] = []

    # ----------------------------------------------------------------- queries
    def count(self) -> int:
        return len(self._commands)

    def index(self) -> int:
        return self._index

    def command(self, index: int) -> Command | None:
        return self._commands[index] if 0 <= index < len(self._commands) else None

    def canUndo(self) -> bool:  # noqa: N802 - Qt's name
        return not self._macros and self._index > 0

    def canRedo(self) -> bool:  # noqa: N802 - Qt's name
        return not self._macros and self._index < len(self._commands)

    def undoText(self) -> str:  # noqa: N802 - Qt's name
        return self._commands[self._index - 1].text() if self.canUndo() else ""

    def redoText(self) -> str:  # noqa: N802 - Qt's name
        return self._commands[self._index].text() if self.canRedo() else ""

    def isClean(self) -> bool:  # noqa: N802 - Qt's name
        return not self._macros and self._index == self._clean

    # ----------------------------------------------------------------- editing
    def push(self, command: Command) -> None:
        """Run ``command`` and keep it for undo; merges with the top command when both agree."""
        command.redo()
        if self._macros:
            self._macros[-1].commands.append(command)
            return
        with self._announcing():
            del self._commands[self._index:]
            if self._clean > self._index:
                self._clean = -1
            top = self._commands[-1] if self._commands else None
            if (top is not None and command.id() != -1 and top.id() == command.id()
                    and self._index != self._clean and top.mergeWith(command)):
                return
            self._commands.append(command)
            self._index = len(self._commands)

    def undo(self) -> None:
        if self.canUndo():
            with self._announcing():
                self._index -= 1
                self._commands[self._index].undo()

    def redo(self) -> None:
        if self.canRedo():
            with self._announcing():
                self._commands[self._index].redo()
                self._index += 1

    def clear(self) -> None:
        """Forget every command (a new document); the empty stack is clean."""
        with self._announcing():
            self._commands.clear()
            self._macros.clear()
            self._index = self._clean = 0

    def setClean(self) -> None:  # noqa: N802 - Qt's name
        """Mark the current state as saved."""
        with self._announcing():
            self._clean = self._index

    def resetClean(self) -> None:  # noqa: N802 - Qt's name
        """Leave the clean state (the document differs from its file, e.g. restored work)."""
        with self._announcing():
            self._clean = -1

    def beginMacro(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Group the following pushes into one undo step, until :meth:`endMacro`."""
        self._macros.append(MacroCommand(text))

    def endMacro(self) -> None:  # noqa: N802 - Qt's name
        macro = self._macros.pop()
        if self._macros:
            self._macros[-1].commands.append(macro)
        elif macro.commands:
            self._push_done(macro)

    def _push_done(self, command: Command) -> None:
        """Record an already-run command (a finished macro)."""
        with self._announcing():
            del self._commands[self._index:]
            if self._clean > self._index:
                self._clean = -1
            self._commands.append(command)
            self._index = len(self._commands)

    # ----------------------------------------------------------------- actions
    def createUndoAction(self, parent: QObject, prefix: str = "Undo") -> QAction:  # noqa: N802
        """An action that undoes, enabled and titled after the stack ("Undo Change format")."""
        return self._action(parent, prefix, self.undo, self.canUndo, self.undoText,
                            self.canUndoChanged, self.undoTextChanged)

    def createRedoAction(self, parent: QObject, prefix: str = "Redo") -> QAction:  # noqa: N802
        return self._action(parent, prefix, self.redo, self.canRedo, self.redoText,
                            self.canRedoChanged, self.redoTextChanged)

    @staticmethod
    def _action(parent, prefix, run, enabled, text, enabled_changed, text_changed) -> QAction:
        action = QAction(prefix, parent)

        def update(*_args) -> None:
            action.setEnabled(enabled())
            action.setText(f"{prefix} {text()}".strip())

        action.triggered.connect(run)
        enabled_changed.connect(update)
        text_changed.connect(update)
        update()
        return action

    # ----------------------------------------------------------------- signals
    def _announcing(self):
        return _Announce(self)


class _Announce:
    """Compares the stack's observable state before and after a change and emits what changed."""

    def __init__(self, stack: UndoStack) -> None:
        self.stack = stack

    def _state(self) -> tuple:
        s = self.stack
        return s.index(), s.isClean(), s.canUndo(), s.canRedo(), s.undoText(), s.redoText()

    def __enter__(self) -> None:
        self.before = self._state()

    def __exit__(self, *exc) -> None:
        after = self._state()
        signals = (self.stack.indexChanged, self.stack.cleanChanged, self.stack.canUndoChanged,
                   self.stack.canRedoChanged, self.stack.undoTextChanged, self.stack.redoTextChanged)
        for old, new, signal in zip(self.before, after, signals):
            if old != new:
                signal.emit(new)
