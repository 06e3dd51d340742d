"""Lay a step's fields out in sections: a fitted panel's (see :mod:`layouts`), then the rest.

Also the few fields whose row reads or writes something other than its own path: ``play``'s
``url``/``urls`` pair, ``prompt.play`` (one sound or a list), ``connect``'s three shapes of
"try several", and ``set``, whose whole value is its table of variables.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from designer.model.catalog import FieldSpec, MethodSpec
from designer.model.document import MISSING, Step
from designer.ui.inspector import play
from designer.ui.inspector.layouts import PANELS
from designer.ui.inspector.registry import create_editor, is_check
from designer.ui.inspector.section import FormSection
from designer.ui.inspector.structured import YamlEditor

NESTED_DEPTH = 2
#: Editors that take the whole width of the panel (their label becomes a caption above them).
SPANNING = {"play_urls", "name_value", "name_value_list", "pronounce", "records", "destinations", "swaig_functions",
            "prompt_text", "json_body", "action_variant", "tags"}
#: Methods whose whole value is one table: all its keys are the table's rows, not unknown fields.
WHOLE_TABLE = {"set"}


def field_at(spec: MethodSpec, dotted: str) -> FieldSpec | None:
    """The field at a dotted path (``"params.ai_model"``), or ``None`` when the schema has none."""
    fields, found = spec.fields, None
    for name in dotted.split("."):
        found = next((f for f in fields if f.name == name), None)
        if found is None:
            return None
        fields = found.fields
    return found


def is_group(spec: FieldSpec) -> bool:
    """An object shown as nested rows (not one editor)."""
    return (spec.kinds == ("object",) and bool(spec.fields) and not spec.holds_steps
            and not spec.hint.widget)


def build_object(form: Any) -> None:
    """Fill ``form`` for a step whose value is a settings object."""
    spec, step = form.spec, form.step
    if step.method in WHOLE_TABLE:
        _build_set(form)
        return
    panel = PANELS.get(step.method)
    placed: set[tuple] = {(name,) for name in (panel.merged if panel else {})}
    if panel is not None:
        for section_spec in panel.sections:
            fields = [f for f in (field_at(spec, p) for p in section_spec.paths) if f is not None]
            if not fields:
                continue
            expanded = not section_spec.folded or any(step.has(f.path) for f in fields)
            section = form.add_section(section_spec.title, expanded=expanded)
            for sub in fields:
                add_field(form, section, sub, caption=len(fields) > 1 or sub.label != section_spec.title)
                placed.add(sub.path)
    _build_rest(form, spec.fields, placed, more=panel is not None)


def _covered(path: tuple, placed: set[tuple]) -> bool:
    return any(path[:len(p)] == p for p in placed)


def _partly(path: tuple, placed: set[tuple]) -> bool:
    return any(p[:len(path)] == path and len(p) > len(path) for p in placed)


def _unplaced(fields: tuple[FieldSpec, ...], placed: set[tuple]) -> list[FieldSpec]:
    """Fields no section shows, looking inside groups a section shows part of."""
    out: list[FieldSpec] = []
    for sub in fields:
        if _partly(sub.path, placed):
            out += _unplaced(sub.fields, placed)
        elif not _covered(sub.path, placed):
            out.append(sub)
    return out


def _build_rest(form: Any, fields: tuple[FieldSpec, ...], placed: set[tuple], more: bool) -> None:
    step = form.step
    rest = [f for f in fields if not _covered(f.path, placed)]
    plain = [f for f in rest if not f.holds_steps and not is_group(f)]
    if plain:
        section = form.add_section("More settings" if more else "Settings", expanded=not more or any(
            step.has(f.path) for f in plain))
        for sub in plain:
            add_field(form, section, sub)
    for group in (f for f in rest if is_group(f)):
        subs = _unplaced(group.fields, placed)
        if not subs:
            continue
        title = f"{group.label}: more" if _partly(group.path, placed) else group.label
        section = form.add_section(title, expanded=step.has(group.path) and not _partly(group.path, placed))
        section.setToolTip(group.description)
        for sub in subs:
            add_field(form, section, sub)
    nested = [f for f in rest if f.holds_steps and not f.hint.widget]
    # Fields a fitted widget edits (connect's destinations) may hold branches in their items:
    # those are listed under Branches too, so each can be added from the panel.
    nested += [f for f in form.spec.fields if f.holds_steps and f.hint.widget]
    if nested:
        section = form.add_section("Branches")
        for sub in nested:
            form._add_nested(section, sub)
    known = {f.name for f in form.spec.fields}
    unknown = [k for k in step.params if k not in known]
    if unknown:
        section = form.add_section("Other fields")
        section.setToolTip("Fields this schema does not know: kept exactly as written")
        for key in unknown:
            form.add_row(section, (key,), None, YamlEditor(None), str(key))


def add_field(form: Any, section: FormSection, spec: FieldSpec, depth: int = 1, caption: bool = True) -> None:
    """One field's row (or nested group, or steps note) in ``section``."""
    if spec.holds_steps and not spec.hint.widget:
        form._add_nested(section, spec)
        return
    if is_group(spec) and depth < NESTED_DEPTH:
        group = FormSection(spec.label, form.step.has(spec.path), section.body)
        group.setToolTip(spec.description)
        section.add_row("", group)
        for sub in spec.fields:
            add_field(form, group, sub, depth + 1)
        return
    editor = create_editor(spec, form.ctx)
    spans = is_check(spec) or spec.hint.widget in SPANNING or getattr(editor, "spans", False)
    if spans and caption and not is_check(spec):
        words = QLabel(spec.label, section.body)
        words.setObjectName("caption")
        words.setToolTip(spec.description)
        section.add_row("", words)
    binding = form.add_row(section, spec.path, spec, editor, "" if spans else spec.label)
    hook = HOOKS.get((form.step.method, spec.path))
    if hook is not None:
        binding.read, binding.change, binding.aliases, required = hook
        if required:
            binding.row.set_resettable(False)


def build_special(form: Any) -> bool:
    """Panels for values that are not settings objects (``unset``); ``False`` when none fits."""
    if form.step.method != "unset" or form.step.form != "method" or not form.spec.known:
        return False
    if not isinstance(form.step.params, (str, list, type(None))):
        return False
    from designer.ui.inspector.form import whole_spec
    from designer.ui.inspector.unset import UnsetEditor, read_unset, unset_change
    section = form.add_section("Variables to forget")
    spec = whole_spec(form.spec, ("string", "array"))
    binding = form.add_row(section, (), spec, UnsetEditor(spec, form.ctx), "", whole=True)
    binding.read, binding.change = read_unset, unset_change
    return True


def _build_set(form: Any) -> None:
    from designer.ui.inspector.name_value import NameValueEditor
    from designer.ui.inspector.form import whole_spec
    section = form.add_section("Variables")
    spec = whole_spec(form.spec, ("object",))
    editor = NameValueEditor(spec, typed=True, name_word="Variable name", value_word="Value",
                             add_word="Add variable")
    editor.empty.setText("No variables yet: add one below")
    form.add_row(section, (), spec, editor, "", whole=True)


# ----------------------------------------------------------------------------- read/change hooks
def _read_one_or_list(path: tuple):
    def read(step: Step) -> tuple[Any, bool]:
        if not step.has(path):
            return MISSING, False
        value = step.get(path)
        return ([value] if isinstance(value, str) else value), True
    return read


def _change_one_or_list(path: tuple):
    """A list of one written back as the single text it was (``play: "say:Hi"``)."""
    def change(step: Step, items: Any) -> tuple[tuple, Any]:
        if items is MISSING or not items:
            return path, MISSING
        if isinstance(step.get(path), str) and len(items) == 1:
            return path, items[0]
        return path, list(items)
    return change


def _destinations_hook():
    from designer.ui.inspector.connect import read_destinations, destinations_change
    return read_destinations, destinations_change, (("parallel",), ("serial_parallel",)), False


class _Hooks(dict):
    """(method, path) -> (read, change, aliases, required); connect's is imported on first use."""

    def get(self, key: Any, default: Any = None) -> Any:  # noqa: D102
        if key == ("connect", ("serial",)):
            return _destinations_hook()
        return super().get(key, default)


HOOKS: dict[tuple[str, tuple], tuple] = _Hooks({
    ("play", ("urls",)): (play.read_urls, play.urls_change, (("url",),), True),
    ("prompt", ("play",)): (_read_one_or_list(("play",)), _change_one_or_list(("play",)), (), True),
})
