"""Pick an editor for a field from its catalog spec: the hint's widget first, then the schema kind.

enum -> combo box; boolean -> check box; integer/number -> number box (slider with a range hint);
string -> line edit; several kinds -> variant picker; array of simple items -> list editor;
anything else -> raw YAML. Objects with known fields are laid out as nested groups by the form.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from designer.model.catalog import FieldSpec
from designer.ui.inspector import refusals
from designer.ui.inspector.refusals import explain_refusals
from designer.ui.inspector.base import VARIABLE_PATTERN, FieldEditor
from designer.ui.inspector.context import EditorContext
from designer.ui.inspector.scalars import (CheckEditor, ComboEditor, LineEditor, NumberEditor, RadioEditor,
                                           SliderEditor)
from designer.ui.inspector.structured import ListEditor, VariantEditor, YamlEditor

#: An object with more fields than this is edited as a name/value table of the keys it uses.
MANY_FIELDS = 20
Factory = Callable[[FieldSpec, EditorContext], FieldEditor]
#: Dial keys only: what ``terminators`` may hold.
DTMF_PATTERN = r"[0-9*#]*"

_KIND_WORDS = {"string": "Text", "array": "List", "object": "Settings", "integer": "Whole number",
               "number": "Number", "boolean": "On/off"}


def _dtmf(spec: FieldSpec, ctx: EditorContext) -> FieldEditor:
    editor = LineEditor(spec, pattern=f"^({DTMF_PATTERN}|{VARIABLE_PATTERN})$")
    explain_refusals(editor.line, refusals.PHONE_KEYS)
    return editor


def _url(spec: FieldSpec, ctx: EditorContext) -> FieldEditor:
    return LineEditor(spec, placeholder=spec.hint.placeholder or "https://...")


def _fitted() -> dict[str, Factory]:
    from designer.ui.inspector import address, connect, name_value, records, tags, text_block
    from designer.ui.inspector.ai import PromptEditor
    from designer.ui.inspector.actions import ActionEditor
    from designer.ui.inspector.play import PlayUrlsEditor
    from designer.ui.inspector.stop_record_call import ControlIdEditor
    from designer.ui.inspector.swaig import FunctionsEditor
    from designer.ui.inspector.variable_name import VariableNameEditor
    return {
        "play_urls": lambda spec, ctx: PlayUrlsEditor(spec, ctx),
        "control_id_choice": lambda spec, ctx: ControlIdEditor(spec, ctx),
        "name_value": lambda spec, ctx: name_value.NameValueEditor(spec),
        "name_value_list": lambda spec, ctx: name_value.NameValueEditor(spec, typed=False, as_list=True),
        "tags": lambda spec, ctx: tags.TagsEditor(spec),
        "pronounce": lambda spec, ctx: name_value.NameValueEditor(
            spec, typed=False, as_list=True, name_word="Word", value_word="Say it as",
            keys=("replace", "with")),
        "multiline": lambda spec, ctx: text_block.TextBlockEditor(spec),
        "json_body": lambda spec, ctx: text_block.JsonEditor(spec),
        "records": lambda spec, ctx: records.RecordsEditor(spec, ctx),
        "dial_address": lambda spec, ctx: address.DialAddressEditor(spec),
        "section_or_url": lambda spec, ctx: address.SectionOrUrlEditor(spec, ctx),
        "destinations": lambda spec, ctx: connect.DestinationsEditor(spec, ctx),
        # the main prompt gets room to write; the summary prompt is usually a sentence
        "prompt_text": lambda spec, ctx: PromptEditor(spec, ctx, min_lines=6 if spec.name == "prompt" else 3),
        "swaig_functions": lambda spec, ctx: FunctionsEditor(spec, ctx),
        "action_variant": lambda spec, ctx: ActionEditor(spec, ctx),
        "variable_name": lambda spec, ctx: VariableNameEditor(spec, ctx),
    }


WIDGETS: dict[str, Factory] = {
    "combo": lambda spec, ctx: ComboEditor(spec),
    "radio": lambda spec, ctx: RadioEditor(spec),
    "slider": lambda spec, ctx: SliderEditor(spec),
    "dtmf": _dtmf,
    "url": _url,
}


def is_check(spec: FieldSpec) -> bool:
    """Whether the field is shown as a check box spanning the row (its label is the box's text)."""
    return not spec.hint.widget and spec.kinds == ("boolean",)


def create_editor(spec: FieldSpec, ctx: EditorContext) -> FieldEditor:
    """The editor for ``spec`` (never ``None``: raw YAML is the fallback)."""
    widget = spec.hint.widget
    if widget:
        factory = WIDGETS.get(widget) or _fitted().get(widget)
        if factory is not None:
            return factory(spec, ctx)
    kinds = tuple(k for k in spec.kinds if k != "null")
    if spec.enum:
        return ComboEditor(spec)
    if kinds == ("boolean",):
        return CheckEditor(spec, spec.label)
    if kinds in (("integer",), ("number",), ("integer", "number"), ("number", "integer")):
        return NumberEditor(spec, integer=kinds == ("integer",), unit=spec.hint.unit)
    if kinds == ("string",):
        return LineEditor(spec)
    if kinds == ("array",) and _simple_items(spec):
        return ListEditor(spec)
    if kinds == ("array",) and spec.items is not None and spec.items.kinds == ("object",) and spec.items.fields:
        from designer.ui.inspector.records import RecordsEditor
        return RecordsEditor(spec, ctx)
    if kinds == ("object",) and len(spec.fields) > MANY_FIELDS:
        # e.g. fillers: one optional list per language code (55 of them): only the used ones
        from designer.ui.inspector.name_value import NameValueEditor
        return NameValueEditor(spec, name_word="Language code", value_word="Phrases")
    if kinds == ("object",) and spec.fields:
        from designer.ui.inspector.records import ObjectEditor
        return ObjectEditor(spec, ctx)
    if len(kinds) > 1 and (not spec.fields or set(kinds) == {"array", "object"}):
        options = []
        for kind in kinds:
            sub = replace(spec, kinds=(kind,), enum=None, accepts_variable=False)
            options.append((kind, _KIND_WORDS.get(kind, kind), create_editor(sub, ctx)))
        return VariantEditor(spec, options)
    return YamlEditor(spec)


def _simple_items(spec: FieldSpec) -> bool:
    items = spec.items
    return items is not None and bool(items.kinds) and set(items.kinds) <= {"string", "integer", "number"}
