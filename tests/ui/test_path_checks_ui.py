"""Path checks in the window: the issue's five cases in the problems list, greyed dead steps,
notes shown as notes, and the "use connect instead" fix."""

import pytest
from PySide6.QtCore import QSettings

from designer.model import swml_io
from designer.model.catalog import load_catalog
from designer.ui import fixes
from designer.ui.commands import RemoveStepCommand
from designer.ui.main_window import MainWindow
from designer.ui.session import EditSession


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(EditSession(load_catalog()), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    w.files.interactive = False
    qtbot.addWidget(w)
    return w


def load(window, body):
    text = "version: 1.0.0\nsections:\n  main:\n" + body
    window.session.replace_document(swml_io.loads(text, "yaml", nesting=window.session.catalog.nesting))


def rows(window):
    panel = window.problems
    return [panel.problem_at(i) for i in range(panel.tree.topLevelItemCount())]


@pytest.mark.parametrize("body, code, words", [
    ("    - connect: {to: '555-1234'}\n", "address.phone_country", "needs its country code"),
    ("    - connect: {to: 'call sales'}\n", "address.dial", "is not something a call can go to"),
    ("    - record: {max_length: -5}\n", "range.duration", "cannot be negative: -5 seconds"),
    ("    - switch: {variable: '', case: {}}\n", "switch.empty_variable", "Say which variable"),
    ("    - switch: {variable: prompt_value, case: {'1': [{hangup: {}}]}}\n", "flow.variable_not_set",
     "no Ask (prompt) block comes before"),
    ("    - transfer: {dest: '+15551234567'}\n", "address.transfer_phone", "use Call a number (connect)"),
    ("    - cond:\n        - when: call.type == 'sip'\n          then: [{record_call: {}}]\n"
     "    - stop_record_call: {}\n", "flow.stop_maybe_not_recording", "no recording is running"),
])
def test_each_case_of_the_issue_shows_in_the_problems_list(window, body, code, words):
    load(window, body)
    found = [p for p in rows(window) if p.code == code]
    assert len(found) == 1 and words in found[0].message


def test_steps_after_a_hangup_are_greyed_on_the_canvas(window):
    load(window, "    - hangup: {}\n    - play: {url: 'say:never'}\n")
    hangup, play = window.session.doc.sections[0].steps
    blocks = window.canvas.flow_scene.blocks
    assert blocks[play.id].look.unreachable and not blocks[hangup.id].look.unreachable
    window.session.undo_stack.push(RemoveStepCommand(window.session.doc, hangup))
    assert not blocks[play.id].look.unreachable


def test_a_note_is_listed_after_warnings_with_its_own_words(window):
    load(window, "    - record_call: {}\n    - play: {url: '${nothing}'}\n    - hangup: {}\n")
    found = rows(window)
    assert [p.severity for p in found] == ["warning", "info"]
    assert window.problems.tree.topLevelItem(1).toolTip(0).startswith("Note in Hang up")
    assert window.problems.summary == "Problems — 1 warning, 1 note"
    hangup = window.session.doc.sections[0].steps[2]
    look = window.canvas.flow_scene.blocks[hangup.id].look
    assert (look.errors, look.warnings) == (0, 0) and "SignalWire stops it" in look.tooltip


def test_transfer_to_a_number_becomes_connect_and_undo_brings_it_back(window):
    load(window, "    - transfer: {dest: '+1 555 123 4567'}\n")
    before = window.session.doc.to_data()
    problem = next(p for p in fixes.fixable(window.session) if p.code == "address.transfer_phone")
    assert fixes.apply_fix(window.session, problem)
    assert window.session.doc.to_data()["sections"]["main"] == [{"connect": {"to": "+15551234567"}}]
    assert not [p for p in window.session.problems if p.code.startswith("address.")]
    window.session.undo_stack.undo()
    assert window.session.doc.to_data() == before


def test_fix_all_rewrites_a_spaced_number_to_e164(window):
    load(window, "    - connect: {to: '+44 20 7946 0958'}\n")
    assert window.fix_all() == 1
    assert window.session.doc.to_data()["sections"]["main"] == [{"connect": {"to": "+442079460958"}}]


def test_opening_builds_each_block_once_already_greyed_and_badged(window, monkeypatch):
    # The document is validated before the canvas hears of it, so blocks are built with their
    # problems and reachability; built first and fixed after, a 5,000-step flow built twice.
    from designer.ui.canvas import scene as scene_module
    built = []
    real = scene_module.look_for
    monkeypatch.setattr(scene_module, "look_for", lambda step, *a, **k: built.append(step.id) or real(step, *a, **k))
    load(window, "    - hangup: {}\n    - play: {url: 'say:${nothing}'}\n    - play: {url: 'say:never'}\n")
    hangup, play, never = window.session.doc.sections[0].steps
    blocks = window.canvas.flow_scene.blocks
    assert sorted(built) == sorted([hangup.id, play.id, never.id])
    assert blocks[play.id].look.unreachable and blocks[never.id].look.unreachable
    assert not blocks[hangup.id].look.unreachable
    assert window.problems.tree.topLevelItemCount() == len(window.session.problems) > 0
