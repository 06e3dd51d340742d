"""One field in a form: its editor, a ``{x}`` switch to a variable, a reset button, a problem line.

A row shows the typed editor when the value fits it, the variable editor for ``${...}`` values
(where the schema allows them), and a raw YAML editor for anything else (e.g. ``stereo: "true"``
written as text), so every value is shown and nothing is rewritten unless the user edits it.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING, ParamPath
from designer.ui.accessibility import name_editors
from designer.ui.inspector import icons
from designer.ui.inspector.base import FieldEditor, same_value
from designer.ui.inspector.scalars import CheckEditor
from designer.ui.inspector.structured import YamlEditor
from designer.ui.inspector.variable import VariableEditor, is_variable

TYPED, VARIABLE, RAW = "typed", "variable", "raw"


class FieldRow(QWidget):
    """The right-hand side of a form row for one field at ``path``.

    Signals:
        edited(object): the user changed the value (``MISSING``: unset).
        committed(): the current run of edits ended.
        reset_requested(): the reset button was pressed.
    """

    edited = Signal(object)
    committed = Signal()
    reset_requested = Signal()

    def __init__(self, path: ParamPath, spec: FieldSpec | None, editor: FieldEditor,
                 variables: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path, self.spec, self.editor = path, spec, editor
        self.mode = TYPED
        self._resettable = True
        self._variables = variables or []
        self.var_editor: VariableEditor | None = None
        self.raw_editor: YamlEditor | None = None
        # A check box carries its own label and spans the form row; shown as YAML or a
        # ${variable} instead, the row would lose its name, so a caption stands in for it.
        self.caption = QLabel(spec.label, self) if spec is not None and isinstance(editor, CheckEditor) else None
        if self.caption is not None:
            self.caption.hide()
        self.frame = QFrame(self)
        self.frame.setObjectName("fieldFrame")
        self.frame_layout = QHBoxLayout(self.frame)
        self.frame_layout.setContentsMargins(1, 1, 1, 1)
        self.frame_layout.setSpacing(2)
        self._attach(editor)
        self.var_toggle: QToolButton | None = None
        if spec is not None and spec.accepts_variable and not editor.takes_text:
            self.var_toggle = QToolButton(self)
            self.var_toggle.setText("{x}")
            self.var_toggle.setCheckable(True)
            self.var_toggle.setAutoRaise(True)
            self.var_toggle.setToolTip("Use a value the call fills in as it runs (such as the key the "
                                       "caller pressed) instead of typing a fixed one")
            self.var_toggle.setAccessibleName(f"Use a call value for {spec.label}")
            self.var_toggle.toggled.connect(self._toggle_variable)
            # as narrow as its text allows: the panel must fit beside the canvas on a 1366 px screen
            self.var_toggle.setFixedWidth(self.var_toggle.fontMetrics().horizontalAdvance("{x}") + 12)
        self.reset = QToolButton(self)
        self.reset.setIcon(icons.icon("mdi6.backup-restore", self))
        self.reset.setAutoRaise(True)
        self.reset.setToolTip("Reset: remove this setting (the default applies)")
        self.reset.clicked.connect(self.reset_requested)
        self.reset.setFixedWidth(22)
        keep = self.reset.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.reset.setSizePolicy(keep)
        self.reset.setVisible(False)
        self.problem_label = QLabel(self)
        self.problem_label.setProperty("role", "problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.fix_button = QPushButton("Fix it", self)
        self.fix_button.setIcon(icons.icon("mdi6.auto-fix", self))
        self.fix_button.setToolTip("Apply the correction the message describes")
        self.fix_button.hide()
        self._fix: Callable[[], object] | None = None
        self.fix_button.clicked.connect(lambda: self._fix() if self._fix else None)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(2)
        top.addWidget(self.frame, 1)
        if self.var_toggle is not None:
            top.addWidget(self.var_toggle, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.reset, 0, Qt.AlignmentFlag.AlignTop)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        if self.caption is not None:
            outer.addWidget(self.caption)
        outer.addLayout(top)
        outer.addWidget(self.problem_label)
        outer.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignLeft)
        if spec is not None and spec.description:
            self.setToolTip(spec.description)

    def _attach(self, editor: FieldEditor) -> None:
        self.frame_layout.addWidget(editor, 1)
        if self.spec is not None:  # what a screen reader says on reaching the field
            name_editors(editor, self.spec.label, getattr(self.spec.hint, "unit", "") or "")
        editor.edited.connect(self.edited)
        editor.committed.connect(self.committed)
        editor.reset_requested.connect(self.reset_requested)

    def _ensure(self, mode: str) -> FieldEditor:
        if mode == VARIABLE:
            if self.var_editor is None:
                self.var_editor = VariableEditor(self.spec, self.frame)
                self.var_editor.set_variables(self._variables)
                self._attach(self.var_editor)
                self._keep_tab_place(self.var_editor)
            return self.var_editor
        if mode == RAW:
            if self.raw_editor is None:
                self.raw_editor = YamlEditor(self.spec, self.frame)
                self.raw_editor.setToolTip("This value does not fit the usual editor; it is shown as YAML")
                self._attach(self.raw_editor)
                self._keep_tab_place(self.raw_editor)
            return self.raw_editor
        return self.editor

    def _keep_tab_place(self, editor: FieldEditor) -> None:
        """An editor made later goes where the typed one is in the Tab order, not at the end
        of the window's chain (Tab from it used to jump out of Properties)."""
        QWidget.setTabOrder(self.editor.focus_widget(), editor.focus_widget())

    def current_editor(self) -> FieldEditor:
        return self._ensure(self.mode)

    def _set_mode(self, mode: str) -> None:
        self.mode = mode
        current = self._ensure(mode)
        for editor in (self.editor, self.var_editor, self.raw_editor):
            if editor is not None:
                editor.setVisible(editor is current)
        if self.caption is not None:
            self.caption.setVisible(current is not self.editor)
        if self.var_toggle is not None:
            self.var_toggle.blockSignals(True)
            self.var_toggle.setChecked(mode == VARIABLE)
            self.var_toggle.blockSignals(False)

    def _toggle_variable(self, on: bool) -> None:
        self._set_mode(VARIABLE if on else TYPED)
        current = self.current_editor()
        current.blockSignals(True)
        current.set_value(MISSING)
        current.blockSignals(False)
        current.focus_widget().setFocus()
        if not on:  # back to a fixed value: drop the variable
            self.edited.emit(MISSING)
            self.committed.emit()

    def set_resettable(self, allowed: bool) -> None:
        """Whether the row offers a reset button at all (not for whole values or required lists)."""
        self._resettable = allowed
        policy = self.reset.sizePolicy()
        policy.setRetainSizeWhenHidden(allowed)
        self.reset.setSizePolicy(policy)
        if not allowed:
            self.reset.hide()

    def set_variables(self, names: list[str]) -> None:
        self._variables = names
        if self.var_editor is not None:
            self.var_editor.set_variables(names)

    # ----------------------------------------------------------------- showing values
    def show_value(self, value: Any, is_set: bool) -> None:
        """Show the model's value without emitting anything; keeps what the user is typing."""
        if value is MISSING:
            mode = VARIABLE if self.mode == VARIABLE else TYPED
        elif is_variable(value) and self.var_toggle is not None:
            mode = VARIABLE
        elif self.editor.accepts(value):
            mode = TYPED
        else:
            mode = RAW
        if mode != self.mode or self.current_editor().isHidden():
            self._set_mode(mode)
        editor = self.current_editor()
        editor.blockSignals(True)
        try:
            shown = editor.value()
            if not (editor.focus_widget().hasFocus() and _equivalent(self.spec, shown, value)):
                editor.set_value(value)
        finally:
            editor.blockSignals(False)
        self.reset.setVisible(is_set and self._resettable)

    def set_problem(self, message: str | None, severity: str = "error",
                    fix: Callable[[], object] | None = None) -> None:
        """Red (amber for warnings) outline and the message under the field; ``None`` clears.
        With ``fix``, a "Fix it" button under the message applies the known correction."""
        self._fix = fix if message else None
        self.fix_button.setVisible(self._fix is not None)
        if getattr(self, "_problem_shown", None) != (message, severity):
            # Re-polishing the styles costs ~0.2 ms a row, and this runs after every edit.
            self._problem_shown = (message, severity)
            self.frame.setProperty("problem", severity if message else "")
            self.problem_label.setProperty("role", "problem" if severity == "error" else "warning-text")
            self.problem_label.style().unpolish(self.problem_label)
            self.problem_label.style().polish(self.problem_label)
            self.frame.style().unpolish(self.frame)
            self.frame.style().polish(self.frame)
        self.current_editor().set_problem(message)
        self.problem_label.setText(message or "")
        self.problem_label.setVisible(bool(message))

    def focus(self) -> None:
        self.current_editor().focus_widget().setFocus()


def _equivalent(spec: FieldSpec | None, shown: Any, stored: Any) -> bool:
    """Whether what the editor shows writes to what is stored (``44`` typed = default = unset)."""
    if same_value(shown, stored):
        return True
    if stored is MISSING and spec is not None and spec.has_default:
        return same_value(shown, spec.default)
    return False
