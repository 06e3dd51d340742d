"""Quick fixes for problems with a sure correction: one field, all at once, and undo."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from designer.model import swml_io
from designer.model.catalog import load_catalog
from designer.ui import fixes
from designer.ui.main_window import MainWindow
from designer.ui.session import EditSession

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCRIPT = """version: 1.0.0
sections:
  main:
    - play: "say:Hello"
    - record_call:
        stereo: "true"
        max_length: "60"
        format: ogg
"""


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(EditSession(load_catalog()), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    w.files.interactive = False
    qtbot.addWidget(w)
    w.session.replace_document(swml_io.loads(SCRIPT, "yaml", nesting=w.session.catalog.nesting))
    return w


def main(session):
    return session.doc.to_data()["sections"]["main"]


def test_each_sure_fix_is_known_and_the_enum_error_is_not(window):
    found = {(p.field, json.dumps(p.fix)) for p in fixes.fixable(window.session)}
    assert found == {((), '{"url": "say:Hello"}'), (("stereo",), "true"), (("max_length",), "60")}
    assert window.actions_by_name["fix_all"].isEnabled()


def test_fix_it_button_under_a_field_fixes_that_field_only(window):
    record = window.session.doc.sections[0].steps[1]
    window.session.select([record.id])
    row = window.inspector.form.binding_for(("stereo",)).row
    assert row.fix_button.isVisibleTo(window.inspector)
    row.fix_button.click()
    assert main(window.session)[1]["record_call"]["stereo"] is True
    assert main(window.session)[1]["record_call"]["max_length"] == "60"


def test_a_whole_step_fix_shows_at_the_top_of_the_panel(window):
    play = window.session.doc.sections[0].steps[0]
    window.session.select([play.id])
    form = window.inspector.form
    assert form.top_fix.isVisibleTo(window.inspector)
    form.top_fix.click()
    assert main(window.session)[0] == {"play": {"url": "say:Hello"}}


def test_fix_all_is_one_undo_step_and_leaves_the_rest(window):
    before = window.session.doc.to_data()
    assert window.fix_all() == 3
    assert main(window.session) == [{"play": {"url": "say:Hello"}},
                                    {"record_call": {"stereo": True, "max_length": 60, "format": "ogg"}}]
    assert [p.code for p in window.session.problems] == ["schema.enum"]
    assert not window.actions_by_name["fix_all"].isEnabled()
    window.session.undo_stack.undo()
    assert window.session.doc.to_data() == before


def test_fixing_a_real_script_keeps_the_rest_of_its_text(window):
    path = FIXTURES / "109_de-dr-bob-confirm-2.json"
    doc = swml_io.load(path)
    window.session.replace_document(doc, None)
    assert window.fix_all() == 3
    assert not [p for p in window.session.problems if p.is_error]
    before, after = path.read_text().splitlines(), swml_io.dumps(window.session.doc, "json").splitlines()
    assert len([line for line in after if line not in before]) <= 12


def test_a_check_box_field_shown_as_yaml_keeps_its_name(window):
    record = window.session.doc.sections[0].steps[1]
    window.session.select([record.id])
    row = window.inspector.form.binding_for(("stereo",)).row
    assert row.caption.isVisibleTo(window.inspector) and row.caption.text() == "Record in stereo"
    row.fix_button.click()
    row = window.inspector.form.binding_for(("stereo",)).row
    assert not row.caption.isVisibleTo(window.inspector)


def test_plain_words_typed_where_something_to_play_goes_are_fixed_with_say(window):
    text = """version: 1.0.0
sections:
  main:
    - prompt:
        play: Press 1 for sales
    - play:
        urls: ["say:hi", "Goodbye"]
"""
    window.session.replace_document(swml_io.loads(text, "yaml", nesting=window.session.catalog.nesting))
    found = {(p.field, p.fix) for p in fixes.fixable(window.session)}
    assert found == {(("play",), "say:Press 1 for sales"), (("urls", 1), "say:Goodbye")}
    assert fixes.apply_all(window.session) == 2
    assert main(window.session) == [{"prompt": {"play": "say:Press 1 for sales"}},
                                    {"play": {"urls": ["say:hi", "say:Goodbye"]}}]
