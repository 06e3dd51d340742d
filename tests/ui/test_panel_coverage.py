"""Every field the 67 real example scripts use gets a proper widget in its panel, not a YAML box.

Each example is opened, each step selected, and every field it writes is looked up in the panel
(inside cards too: a SWAIG function's ``parameters``, a language's ``voice``). A field counts as
shown properly when its row shows its typed editor or a ``${variable}``. Allowed exceptions,
listed by the test: values the schema leaves free-form (an "any" object), fields the schema
does not know (kept as written), and values the schema rejects (``stereo: "true"``), which the
row shows as YAML next to the validator's message; "kept" lists keys a two-column table keeps
but does not show (``pronounce`` ``ignore_case``). The counts are pinned: fewer proper widgets
or any new YAML box is a regression.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from designer.model import swml_io
from designer.model.catalog import load_catalog
from designer.ui.inspector import Inspector
from designer.ui.inspector.connect import DestinationsEditor
from designer.ui.inspector.name_value import NameValueEditor
from designer.ui.inspector.records import ObjectEditor, RecordsEditor
from designer.ui.inspector.row import RAW
from designer.ui.inspector.structured import YamlEditor
from designer.ui.session import EditSession

EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "swml" / "examples"
if not EXAMPLES.is_dir():
    EXAMPLES = Path("/work/shared/swml/examples")
#: Pinned: field occurrences (and distinct method.field paths) shown with a proper widget in
#: the 67 examples; raise them when panels improve, never lower them.
PROPER_AT_LEAST = 542
DISTINCT_AT_LEAST = 158


def _norm(path: tuple) -> tuple:
    return tuple("*" if isinstance(p, int) else p for p in path)


class Survey:
    def __init__(self) -> None:
        self.found = {k: Counter() for k in ("proper", "yaml", "free", "unknown", "invalid", "kept")}

    def row(self, key: tuple, row, spec, problems_here: bool, value) -> None:
        editor = row.current_editor()
        if isinstance(editor, YamlEditor) or row.mode == RAW:
            if spec is None:
                self.found["unknown"][key] += 1
            elif not spec.kinds or (spec.kinds == ("object",) and not spec.fields):
                self.found["free"][key] += 1
            elif problems_here:
                self.found["invalid"][key] += 1
            else:
                self.found["yaml"][key] += 1
            return
        self.found["proper"][key] += 1
        self.inside(key, editor, value, problems_here)

    def _unknown(self, key: tuple) -> None:
        self.found["unknown"][key] += 1

    def inside(self, key: tuple, editor, value, problems_here: bool) -> None:
        """Fields inside cards: each item key must have a proper row too."""
        if isinstance(editor, RecordsEditor) and isinstance(value, list):
            for (_frame, body, _title), item in zip(editor.cards, value):
                self.inside((key[0], key[1] + ("*",)), body, item, problems_here)
        elif isinstance(editor, DestinationsEditor) and isinstance(value, list):
            for row, item in zip(editor.numbers.rows, value):
                for name, sub in (item.items() if isinstance(item, dict) and row.details else ()):
                    if name in ("to", "result"):
                        continue  # the number itself, and the branch drawn on the canvas
                    where, shown = (key[0], key[1] + ("*", name)), row.details.row_for(name)
                    if shown is None:
                        self._unknown(where)
                    else:
                        self.row(where, shown, shown.spec, problems_here, sub)
        elif isinstance(editor, NameValueEditor) and editor.as_list and isinstance(value, list):
            for item in value:  # the two columns are shown; other keys of an item are kept
                for name in (item if isinstance(item, dict) else ()):
                    where = (key[0], key[1] + ("*", name))
                    self.found["proper" if name in editor.keys else "kept"][where] += 1
        elif isinstance(editor, ObjectEditor) and isinstance(value, dict):
            for name, item in value.items():
                row = editor.row_for(name)
                if row is None:
                    self.found["unknown"][(key[0], key[1] + (name,))] += 1
                else:
                    self.row((key[0], key[1] + (name,)), row, row.spec, problems_here, item)


def survey_examples() -> Survey:
    catalog = load_catalog()
    survey = Survey()
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix not in (".yaml", ".yml", ".json"):
            continue
        try:
            doc = swml_io.load(path)
        except Exception:  # the one broken example is reported elsewhere
            continue
        session = EditSession(catalog)
        session.replace_document(doc)
        panel = Inspector(session)
        for step in doc.walk():
            spec = catalog.method(step.method)
            if step.form != "method" or not spec.known or not isinstance(step.params, dict):
                continue
            session.select([step.id])
            problems = [tuple(p.field) for p in session.problems_for(step.id) if p.field]
            for name, value in step.params.items():
                field = spec.field(name)
                if field is not None and field.holds_steps and not field.hint.widget:
                    survey.found["proper"][(step.method, (name,))] += 1  # drawn as branches
                    continue
                _check(survey, panel.form, step.method, (name,), value, problems)
        panel.deleteLater()
    return survey


def _check(survey: Survey, form, method: str, path: tuple, value, problems: list[tuple]) -> None:
    key = (method, _norm(path))
    binding = form.binding_for(path)
    if binding is None or (not binding.path and not binding.whole):
        if isinstance(value, dict) and value:
            for name, item in value.items():
                _check(survey, form, method, path + (name,), item, problems)
        elif isinstance(value, dict):
            survey.found["proper"][key] += 1  # an empty group: its fields have rows
        else:
            survey.found["yaml"][key] += 1
        return
    here = any(p[:len(binding.path)] == binding.path for p in problems)
    survey.row(key, binding.row, binding.spec, here, value)


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="the example scripts are not beside the project")
def test_every_field_in_the_examples_has_a_proper_widget(qapp, capsys):
    survey = survey_examples()
    found = survey.found
    with capsys.disabled():
        print(f"\nfields in the examples: {sum(found['proper'].values())} shown with a proper widget "
              f"({len(found['proper'])} distinct); exceptions: "
              + ", ".join(f"{k} {sum(v.values())}" for k, v in found.items() if k != "proper"))
        for kind in ("yaml", "free", "unknown", "invalid", "kept"):
            for (method, path), n in sorted(found[kind].items()):
                print(f"  {kind}: {method}.{'.'.join(map(str, path))} x{n}")
    assert not found["yaml"], f"fields shown as YAML: {sorted(found['yaml'])}"
    assert sum(found["proper"].values()) >= PROPER_AT_LEAST
    assert len(found["proper"]) >= DISTINCT_AT_LEAST
