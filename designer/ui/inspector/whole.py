"""Forms for steps whose value is not a settings object, and for steps that are not methods.

``label: intro`` (text), ``sleep: 500`` (a number), ``unset: [a, b]`` (text or list), ``return``
(anything) get one editor for the whole value; ``cond`` gets the conditions editor (its branches'
steps are edited on the canvas).
Unknown methods and steps that are not methods at all get raw YAML and a note saying why.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton

from designer.model.document import StepList
from designer.ui.commands import GroupCommand, SetMethodCommand, SetParamCommand
from designer.ui.inspector.cond import is_cond_list
from designer.ui.inspector.registry import create_editor
from designer.ui.inspector.special import StepsNote, note
from designer.ui.inspector.structured import YamlEditor


def build_whole_value(form: Any) -> None:
    """Fill ``form`` (a :class:`~designer.ui.inspector.form.StepForm`) for a non-object value."""
    from designer.ui.inspector.form import whole_spec
    step, spec = form.step, form.spec
    if step.form == "bare":
        _bare(form)
        return
    if step.form == "raw":
        section = form.add_section("Not a method")
        section.add_row("", note("This step is not written as one method with its settings "
                                 "(e.g. `answer: {}`). It is kept exactly as written; edit it as YAML below.",
                                 section.body, warning=True))
        form.add_row(section, (), None, YamlEditor(None, min_lines=3), "", whole=True)
        return
    if not spec.known:
        section = form.add_section("Unknown method")
        section.add_row("", note(f"This schema does not know `{step.method}`. It is kept exactly as "
                                 "written and exported unchanged; its settings are shown as YAML.",
                                 section.body, warning=True))
        form.add_row(section, (), None, YamlEditor(None, min_lines=3), "", whole=True)
        return
    if is_cond_list(spec.nesting, ()) and isinstance(step.params, (list, type(None))):
        form.add_conditions(form.add_section("Conditions"), (), spec.description)
        return
    section = form.add_section("Settings")
    if spec.nesting and not isinstance(step.params, dict):
        widget = StepsNote(step, (), section.body)
        form._refreshers.append(widget.refresh)
        section.add_row("Branches", widget, spec.description)
        return
    params = step.params
    kinds = tuple(k for k in spec.value_kinds if k != "object")
    if isinstance(params, (int, float)) and not isinstance(params, bool):
        kinds = tuple(k for k in kinds if k in ("integer", "number")) or kinds
    field = whole_spec(spec, kinds)
    editor = create_editor(field, form.ctx) if kinds else YamlEditor(field, min_lines=2)
    form.add_row(section, (), field, editor, "Value", whole=True)


def _bare(form: Any) -> None:
    step, spec, session = form.step, form.spec, form.session
    section = form.add_section("Written as plain text")
    if spec.known:
        value = spec.empty_value
        shown = "{}" if value == {} else str(value)
        section.add_row("", note(f"`{step.method}` is written as plain text, which SWML does not accept. "
                                 f"It should be written as `{step.method}: {shown}`.", section.body, warning=True))
        fix = QPushButton(f"Fix: write as {step.method}: {shown}", section.body)
        section.add_row("", fix)

        def apply() -> None:
            new = value if not isinstance(value, StepList) else StepList()
            children = [SetMethodCommand(session.doc, step, step.method, "method"),
                        SetParamCommand(session.doc, step, (), new)]
            with session.doc.batch():
                session.undo_stack.push(GroupCommand(f"Write {step.method} as a method", children, session.doc))
        fix.clicked.connect(apply)
        form.fix_button = fix
    else:
        section.add_row("", note(f"`{step.method}` is written as plain text and this schema knows no method "
                                 "of that name. It is kept exactly as written.", section.body, warning=True))
