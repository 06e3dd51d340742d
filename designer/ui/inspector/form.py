"""The form for one step: rows built from the catalog, edits pushed as undoable commands.

Rules (see the issue): an edit that equals the schema default or empties a field unsets it; a
field nobody touched is never rewritten; typing and dragging merge into one undo step, closed
when the editor loses focus or the slider is released. Model events refresh the rows in place.
"""

from __future__ import annotations

import html

from dataclasses import dataclass, replace
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from designer.model.catalog import FieldSpec, MethodSpec
from designer.model.document import MISSING, ParamPath, Step
from designer.model.messages import field_label
from designer.model.problems import Problem
from designer.ui.icons import ERROR_COLOR
from designer.ui import fixes as fixes_module
from designer.ui.commands import SetParamCommand
from designer.ui.inspector import icons
from designer.ui.inspector.base import is_empty, same_value
from designer.ui.inspector.cond import ConditionsEditor, descriptions, is_cond_list
from designer.ui.inspector.context import EditorContext
from designer.ui.inspector.row import FieldRow
from designer.ui.inspector.section import FormSection
from designer.ui.inspector import branches
from designer.ui.inspector import nested as nested_ui
from designer.ui.inspector.special import StepsNote
from designer.ui.inspector.structured import YamlEditor



#: Warning text colour of the panel (the amber of the field outlines, readable on light and dark).
WARNING_TEXT_COLOR = "#d98e04"


@dataclass
class Binding:
    """A row and where its value lives; ``read``/``change`` override the plain path mapping."""

    path: ParamPath
    spec: FieldSpec | None
    row: FieldRow
    read: Callable[[Step], tuple[Any, bool]] | None = None
    change: Callable[[Step, Any], tuple[ParamPath, Any]] | None = None
    aliases: tuple[ParamPath, ...] = ()
    section: FormSection | None = None
    whole: bool = False


def form_shape(step: Step, spec: MethodSpec) -> tuple:
    """What decides the form's widgets: when it changes the form is rebuilt, else refreshed."""
    params = step.params
    known = {f.name for f in spec.fields}
    unknown = tuple(k for k in params if k not in known) if isinstance(params, dict) else ()
    if step.method == "set":  # its keys are rows of one table, not unknown fields
        unknown = ()
    # A fitted widget (connect's destinations) edits its field whether set or not: starting the
    # list must not rebuild the form under the cursor (the new row's text would be lost).
    nested = tuple(type(step.get(f.path)).__name__ for f in spec.fields if f.holds_steps and not f.hint.widget)
    branches = tuple(path for path, _ in step.child_lists())  # case names, added branches
    return (step.method, step.form, spec.known, type(params).__name__, unknown, branches, nested)


class StepForm(QWidget):
    """All the rows of one step, grouped in sections."""

    def __init__(self, session: Any, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.step = session, step
        self.spec = session.catalog.method(step.method)
        self.ctx = EditorContext(session.doc, session.catalog, step)
        self.bindings: list[Binding] = []
        self.sections: list[FormSection] = []
        self._refreshers: list[Callable[[], None]] = []
        #: Editors that show some problems themselves: they get the list and return the rest.
        self._problem_takers: list[Callable[[list[Problem]], list[Problem]]] = []
        self._last: SetParamCommand | None = None
        #: "Open as flow" buttons of the flows inside this block (AI function SWML, confirm steps)
        self.nested_flows: Any = None
        self.shape = form_shape(step, self.spec)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(8, 6, 8, 10)
        self.layout_.setSpacing(6)
        self.top_problems = QLabel(self)
        self.top_problems.setProperty("role", "problem")
        self.top_problems.setWordWrap(True)
        self.top_problems.setTextFormat(Qt.TextFormat.RichText)
        self.top_problems.hide()
        self.layout_.addWidget(self.top_problems)
        self.top_fix = QPushButton("Fix it", self)
        self.top_fix.setIcon(icons.icon("mdi6.auto-fix", self))
        self.top_fix.setToolTip("Apply the correction the message describes")
        self.top_fix.hide()
        self._top_fixable: list[Problem] = []
        self.top_fix.clicked.connect(self._fix_top)
        self.layout_.addWidget(self.top_fix, 0, Qt.AlignmentFlag.AlignLeft)
        self._build()
        self.layout_.addStretch(1)
        self.refresh()
        self.set_problems(session.problems_for(step.id))

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        from designer.ui.inspector.fitted import build_special
        from designer.ui.inspector.whole import build_whole_value
        if build_special(self):
            return
        params = self.step.params
        if self.step.form != "method" or not self.spec.known or not (
                "object" in self.spec.value_kinds and isinstance(params, dict)):
            build_whole_value(self)
            return
        self._build_object()

    def _build_object(self) -> None:
        from designer.ui.inspector import fitted
        fitted.build_object(self)
        self.nested_flows = nested_ui.add_nested_flows(self)

    @property
    def nested_flow_buttons(self) -> list[QPushButton]:
        """The "Open as flow" / "Add steps…" buttons of the "Flows inside" section, as shown now."""
        return list(self.nested_flows.buttons) if self.nested_flows is not None else []

    def add_section(self, title: str, expanded: bool = True, parent: QWidget | None = None) -> FormSection:
        section = FormSection(title, expanded, self)
        self.sections.append(section)
        self.layout_.addWidget(section)
        return section

    def _add_nested(self, section: FormSection, spec: FieldSpec) -> None:
        if is_cond_list(self.spec.nesting, spec.path) and isinstance(self.step.get(spec.path), list):
            section.add_row("", QLabel(f"{spec.label}: conditions", section.body))
            self.add_conditions(section, spec.path, spec.description)
            return
        elif branches.handles(spec.path, self.spec.nesting):
            widget: Any = branches.BranchesEditor(self.session.doc, self.step, spec.path, self.spec.nesting,
                                                  self._push, section.body, close_run=self.close_run)
        else:
            widget = StepsNote(self.step, spec.path, section.body)
        widget.setToolTip(spec.description)
        self._refreshers.append(widget.refresh)
        label = branches.field_label(self.step.method, spec.path, self.spec.nesting, spec.label)
        if not isinstance(widget, branches.BranchesEditor):
            section.add_row(label, widget, spec.description)
            return
        # Branch rows take the panel's width under a caption: "Add branch: if nobody answered"
        # beside a label column was wider than the dock.
        words = QLabel(label, section.body)
        words.setObjectName("caption")
        words.setToolTip(spec.description)
        section.add_row("", words)
        section.add_row("", widget)
        if spec.hint.widget:
            widget.follow_presence(words)  # e.g. connect's destinations, shown once there are some

    def add_conditions(self, section: FormSection, path: ParamPath, tooltip: str) -> ConditionsEditor:
        """A :class:`ConditionsEditor` for the list of conditions at ``path``, spanning the row."""
        editor = ConditionsEditor(self.session.doc, self.step, path, self._push, self.close_run,
                                  descriptions(self.session.catalog), section.body)
        editor.setToolTip(tooltip)
        self._refreshers.append(editor.refresh)
        self._problem_takers.append(editor.take_problems)
        section.add_row("", editor)
        return editor

    def add_row(self, section: FormSection, path: ParamPath, spec: FieldSpec | None, editor: Any,
                label: str, whole: bool = False) -> Binding:
        row = FieldRow(path, spec, editor, self.ctx.variables(), section.body)
        binding = Binding(path, spec, row, section=section, whole=whole)
        if whole:
            row.set_resettable(False)
        row.edited.connect(lambda value, b=binding: self._edited(b, value))
        row.committed.connect(self.close_run)
        row.reset_requested.connect(lambda b=binding: self._reset(b))
        section.add_row(label, row, spec.description if spec else "Not in the schema: kept as written")
        self.bindings.append(binding)
        return binding

    # ----------------------------------------------------------------- edits
    def _edited(self, binding: Binding, value: Any) -> None:
        step = self.step
        if binding.change is not None:
            path, value = binding.change(step, value)
        elif binding.whole:
            path = binding.path
            if value is MISSING:
                value = self.spec.empty_value if self.spec.known else None
        else:
            path = binding.path
            spec = binding.spec
            if is_empty(value) or (spec is not None and spec.has_default and same_value(value, spec.default)):
                value = MISSING
        if value is MISSING and not step.has(path):
            return
        if value is not MISSING and step.has(path) and same_value(step.get(path), value):
            return
        self._push(SetParamCommand(self.session.doc, step, path, value, text=f"Change {self._words(step, path)}"))

    def _reset(self, binding: Binding) -> None:
        self.close_run()
        for path in (binding.path, *binding.aliases):
            if self.step.has(path):
                self._push(SetParamCommand(self.session.doc, self.step, path, MISSING,
                                           text=f"Reset {self._words(self.step, path)}"))
        self.close_run()

    def _words(self, step: Step, path: ParamPath) -> str:
        """The field as the panel names it, for Edit > Undo: "Change What to play", not "Change urls"."""
        return field_label(self.session.catalog, step.method, path)

    def _push(self, command: Any) -> None:
        stack = self.session.undo_stack
        before = stack.index()
        stack.push(command)
        if stack.index() != before and isinstance(command, SetParamCommand):
            self._last = command

    def close_run(self) -> None:
        """End the current run of merged edits (the next edit is a new undo step)."""
        stack = self.session.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() > 0 else None
        for command in (self._last, top):
            if isinstance(command, SetParamCommand):
                command.close()
        self._last = None

    # ----------------------------------------------------------------- model -> widgets
    def refresh(self) -> None:
        """Show the step's current values (no signals are emitted, nothing is rebuilt)."""
        names = self.ctx.variables()
        for b in self.bindings:
            if b.read is not None:
                value, is_set = b.read(self.step)
            else:
                is_set = self.step.has(b.path)
                value = self.step.get(b.path) if is_set else MISSING
            b.row.set_variables(names)
            reload = getattr(b.row.editor, "reload_ids", None)
            if reload is not None:
                reload()
            b.row.show_value(value, is_set and not b.whole)
        for refresh in self._refreshers:
            refresh()

    def binding_for(self, path: ParamPath) -> Binding | None:
        """The row that shows ``path`` (the longest matching field path), or ``None``."""
        best: tuple[int, Binding] | None = None
        for b in self.bindings:
            for candidate in (b.path, *b.aliases):
                if tuple(path[:len(candidate)]) == candidate and (b.whole or candidate):
                    if best is None or len(candidate) > best[0]:
                        best = (len(candidate), b)
        return best[1] if best else None

    def set_problems(self, problems: list[Problem]) -> None:
        """Red outline + message under each field with a problem; the rest at the top."""
        by_row: dict[int, list[Problem]] = {}
        top: list[Problem] = []
        self._top_fixable = []
        for take in self._problem_takers:
            problems = take(problems)
        for problem in problems:
            binding = self.binding_for(tuple(problem.field)) if problem.field else None
            if binding is None:
                top.append(problem)
                if problem.has_fix:
                    self._top_fixable.append(problem)
            else:
                by_row.setdefault(id(binding), []).append(problem)
        for b in self.bindings:
            found = by_row.get(id(b), [])
            severity = "error" if any(p.is_error for p in found) else "warning"
            fixes = [p for p in found if p.has_fix]
            fix = (lambda chosen=fixes[0]: fixes_module.apply_fix(self.session, chosen)) if fixes else None
            b.row.set_problem("\n".join(p.message for p in found) if found else None, severity, fix)
        # Red for errors, amber for warnings: a warning shown red reads as "broken".
        self.top_problems.setText("<br>".join(
            f"<span style='color:{ERROR_COLOR if p.is_error else WARNING_TEXT_COLOR}'>• {html.escape(p.message)}</span>"
            for p in top))
        self.top_problems.setVisible(bool(top))
        self.top_fix.setVisible(bool(self._top_fixable))

    def _fix_top(self) -> None:
        if self._top_fixable:
            fixes_module.apply_fix(self.session, self._top_fixable[0])

    def focus_field(self, path: ParamPath) -> QWidget | None:
        """Unfold and focus the row showing ``path``; returns it (for scrolling) or ``None``."""
        binding = self.binding_for(tuple(path))
        if binding is None:
            return None
        widget: Any = binding.row
        while widget is not None and widget is not self:
            if isinstance(widget, FormSection):
                widget.expand()
            widget = widget.parentWidget()
        binding.row.focus()
        return binding.row


def whole_spec(spec: MethodSpec, kinds: tuple[str, ...]) -> FieldSpec:
    """A field spec standing for a method's whole value (``label: intro``)."""
    return replace(FieldSpec(spec.name, ()), kinds=kinds, description=spec.description)
