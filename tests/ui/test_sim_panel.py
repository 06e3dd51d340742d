"""Try the Call in the window: the bundled examples and a menu built by drag and drop, played
through the panel with the keypad and the question buttons, and the same calls on the
command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from designer import cli
from designer.model import examples, flow_tests, swml_io
from designer.ui.commands import SetParamCommand
from designer.ui.main_window import MainWindow
from tests.ui.conftest import shown
from tests.ui.test_end_to_end import build_phone_menu, build_record_and_play_back

MENU = "Press 1 for sales, 2 for support, or 3 to leave a message."


@pytest.fixture
def window(window, qtbot):
    """The shared window (tests/ui/conftest.py), shown at 1500x950 with the canvas at 100 %."""
    return shown(window, qtbot)


def open_example(win: MainWindow, name: str) -> None:
    doc = swml_io.loads(examples.example_text(name), "yaml", nesting=win.session.catalog.nesting)
    win.session.replace_document(doc)


def try_call(win: MainWindow):
    win.actions_by_name["try_call"].trigger()
    assert win.sim_dock.isVisible()
    return win.sim_panel


def lines(panel) -> list[str]:
    return [panel.transcript.item(i).text() for i in range(panel.transcript.count())]


def heard_lines(panel) -> list[str]:
    return [t for t in lines(panel) if "Caller hears" in t]


def press(panel, keys: str) -> None:
    for key in keys:
        QTest.mouseClick(panel.keypad.buttons[key], Qt.MouseButton.LeftButton)


def choose(panel, text: str) -> None:
    buttons = [b for b in panel.question.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    assert buttons, f"no choice {text!r} in {panel.question_text.text()!r}"
    QTest.mouseClick(buttons[0], Qt.MouseButton.LeftButton)


def test_f5_is_flow_try_the_call(window):
    action = window.actions_by_name["try_call"]
    assert action.shortcut().toString() == "F5"
    flow = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Flow")
    assert action in flow.actions()
    assert not window.sim_dock.isVisible()


def test_phone_menu_example_by_keypad_with_a_busy_callee(window):
    open_example(window, "ivr-menu")
    panel = try_call(window)
    assert panel.sim.pending.kind == "input"
    assert MENU in panel.question_text.text()
    press(panel, "9")
    assert heard_lines(panel)[-1].endswith("\u201cSorry, I did not understand.\u201d")
    press(panel, "1")
    assert "Dialling +15550100001" in panel.question_text.text()
    choose(panel, "busy")
    assert panel.sim.end.reason == "end"
    assert heard_lines(panel) == [
        f"3. Caller hears \u201c{MENU}\u201d; the caller presses 9.",
        "5. Caller hears \u201cSorry, I did not understand.\u201d",
        f"8. Caller hears \u201c{MENU}\u201d; the caller presses 1.",
        "11. Caller hears \u201cConnecting you to sales.\u201d"]
    assert lines(panel)[-2] == "12. Dials +15550100001: busy."
    values = {panel.variables.topLevelItem(i).text(0): panel.variables.topLevelItem(i).text(1)
              for i in range(panel.variables.topLevelItemCount())}
    assert values["connect_failed_reason"] == "busy" and values["prompt_value"] == "1"
    assert not panel.keypad.isVisible()


def test_clicking_a_transcript_line_selects_its_block(window):
    open_example(window, "ivr-menu")
    panel = try_call(window)
    press(panel, "2")
    choose(panel, "answered")
    item = next(panel.transcript.item(i) for i in range(panel.transcript.count())
                if "Connecting you to support" in panel.transcript.item(i).text())
    rect = panel.transcript.visualItemRect(item)
    QTest.mouseClick(panel.transcript.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    step = window.session.doc.find_step(window.session.selection[0])
    assert step.method == "play" and "support" in step.get(("url",))


def test_the_path_taken_and_the_running_block_are_drawn(window):
    open_example(window, "ivr-menu")
    panel = try_call(window)
    overlay = panel.overlay()
    prompt = window.session.doc.sections[0].steps[2]
    assert overlay._current == prompt.id and len(overlay._taken) == 2
    assert overlay.boundingRect().contains(window.canvas.flow_scene.blocks[prompt.id].sceneBoundingRect())
    panel.step_button.click()  # waiting on the caller: Step is off until they answer
    press(panel, "3")
    assert prompt.id in overlay._taken


def test_voicemail_example_runs_to_its_hangup(window):
    open_example(window, "voicemail")
    panel = try_call(window)
    assert panel.sim.end.reason == "hangup"
    assert heard_lines(panel) == [
        "2. Caller hears \u201cSorry, nobody can take your call right now. Please leave a message "
        "after the beep.\u201d",
        "4. Caller hears 120 seconds of silence.",
        "6. Caller hears \u201cThank you. Goodbye.\u201d"]
    assert "Recording started; the caller hears a beep." in lines(panel)[2]
    assert lines(panel)[-1] == "Call over."


def test_record_and_play_back_example_plays_the_recording_step_by_step(window):
    open_example(window, "record-and-play-back")
    panel = try_call(window)
    panel.restart(run=False)
    for _ in range(5):
        panel.step_button.click()
    assert len(lines(panel)) == 5
    assert panel.sim.end is None
    url = panel.sim.variables()["record_call_url"]
    assert url.startswith("https://") and url.endswith("recording-1.wav")
    assert lines(panel)[-1] == ("5. Caller hears \u201cHere is what you said.\u201d, then the recording "
                                "recording-1.wav.")
    panel.run_button.click()
    assert panel.sim.end.reason == "hangup"


def test_a_run_time_error_stops_on_its_block_even_in_an_invalid_flow(window):
    doc = swml_io.loads("sections:\n  main:\n    - answer\n    - goto: {label: nowhere}\n", "yaml",
                        nesting=window.session.catalog.nesting)
    window.session.replace_document(doc)
    assert window.session.problems  # the bare "answer" is invalid SWML
    panel = try_call(window)
    assert panel.sim.end.reason == "error"
    goto = doc.sections[0].steps[1]
    assert window.session.selection == [goto.id]
    assert lines(panel)[-1] == ('Stopped by an error: There is no label "nowhere" in section "main" '
                                "to go to.")
    assert panel.overlay()._error


def test_an_edit_marks_the_run_out_of_date_and_run_starts_again(window):
    open_example(window, "voicemail")
    panel = try_call(window)
    play = window.session.doc.sections[0].steps[1]
    window.session.undo_stack.push(SetParamCommand(window.session.doc, play, ("url",), "say:Hello there"))
    assert "changed" in panel.status.text()
    panel.run_button.click()
    assert heard_lines(panel)[0] == "2. Caller hears \u201cHello there\u201d"


def test_the_run_is_saved_as_a_test_case_that_passes(window, tmp_path):
    script = tmp_path / "menu.yaml"
    script.write_text(examples.example_text("ivr-menu"))
    assert window.files.open_path(str(script))
    panel = try_call(window)
    press(panel, "2")
    choose(panel, "no answer")
    saved = panel.record_test("support does not answer")
    assert saved == str(tmp_path / "menu.calls.yaml")
    case = flow_tests.load_calls(saved)[0]
    assert case.setup.outcomes == {"connect": ["no answer"]}
    assert cli.main(["test", str(script)]) == 0


def build_menu(window, monkeypatch) -> None:
    """A two-option menu made the way a person makes it: blocks dragged from the palette."""
    session = window.session
    prompt = build_phone_menu(window, monkeypatch, name_hangups=True)
    session.undo_stack.push(SetParamCommand(session.doc, prompt, ("play",),
                                            "say:Press 1 for sales, 2 for support"))


def test_a_menu_built_by_drag_and_drop_runs_in_the_panel_and_on_the_command_line(
        window, monkeypatch, tmp_path, capsys):
    build_menu(window, monkeypatch)
    panel = try_call(window)
    press(panel, "2")
    assert panel.sim.end.reason == "hangup"
    assert [line.split(". ", 1)[1] for line in lines(panel)[:-1]] == [
        "Answers the call.",
        "Caller hears \u201cPress 1 for sales, 2 for support\u201d; the caller presses 2.",
        'prompt_value is "2": takes case "2".',
        'Transferred to section "support"; the steps after this one never run.',
        "Hung up (support)."]
    assert lines(panel)[-1] == "Call over."
    script = tmp_path / "built.yaml"
    script.write_text(window.preview.text())
    assert cli.main(["simulate", str(script), "--input", "1", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [e["text"] for e in result["events"]][-2:] == [
        'Transferred to section "sales"; the steps after this one never run.', "Hung up (sales)."]
    assert result["end"] == {"reason": "hangup", "detail": "Hung up (sales).",
                             "path": "sections.sales[0]"}


def test_the_readme_first_flow_built_by_hand_plays_the_recording_back(window, tmp_path, capsys):
    build_record_and_play_back(window, None)  # README "Your first flow", steps 1 to 3
    panel = try_call(window)
    assert panel.sim.end.reason == "end"
    url = panel.sim.variables()["record_call_url"]
    assert url.startswith("https://") and url.endswith(".wav")
    assert [line.split(". ", 1)[1] for line in lines(panel)[:-1]] == [
        "Recording started; the caller hears a beep.",
        "Caller hears \u201cLeave your message now\u201d, then 10 seconds of silence.",
        "Recording stopped.",
        "Caller hears \u201cPlaying back\u201d, then the recording recording-1.wav."]
    script = tmp_path / "first.yaml"
    script.write_text(window.preview.text())
    assert cli.main(["simulate", str(script), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [e.get("play") for e in result["events"]] == [
        None, [{"say": "Leave your message now"}, {"silence": 10}], None,
        [{"say": "Playing back"}, {"url": result["vars"]["record_call_url"]}]]
    assert result["end"]["reason"] == "end"


def test_saving_a_test_needs_the_flow_saved_first(window, tmp_path):
    open_example(window, "voicemail")
    panel = try_call(window)
    assert panel.record_test("unsaved") is None
    assert "Save the flow first" in panel.status.text()
    script = tmp_path / "vm.yaml"
    script.write_text(examples.example_text("voicemail"))
    assert window.files.open_path(str(script))
    play = window.session.doc.sections[0].steps[1]
    window.session.undo_stack.push(SetParamCommand(window.session.doc, play, ("url",), "say:Hi"))
    panel.restart()
    assert panel.record_test("edited") is None
    assert "Save your changes first" in panel.status.text()
    assert not (tmp_path / "vm.calls.yaml").exists()


def test_keys_typed_on_the_keyboard_press_the_keypad(window):
    open_example(window, "ivr-menu")
    panel = try_call(window)
    panel.transcript.setFocus()
    QTest.keyClick(panel.transcript, Qt.Key.Key_3)
    assert panel.sim.end is not None and panel.sim.end.reason == "hangup"
    assert any("the caller presses 3" in line for line in lines(panel))


def test_a_key_pressed_after_an_edit_starts_a_fresh_call_with_it(window):
    open_example(window, "ivr-menu")
    panel = try_call(window)
    prompt = window.session.doc.sections[0].steps[2]
    window.session.undo_stack.push(SetParamCommand(window.session.doc, prompt, ("play",),
                                                   "say:Press 2 for support"))
    press(panel, "2")
    assert heard_lines(panel)[0] == "3. Caller hears \u201cPress 2 for support\u201d; the caller presses 2."
    assert "Dialling +15550100002" in panel.question_text.text()


def test_the_speech_box_answers_a_prompt_that_listens_for_words(window):
    path = Path(__file__).resolve().parents[1] / "fixtures" / "008_recipe-collect-speech-input-and-branch.yaml"
    assert window.files.open_path(str(path))
    panel = try_call(window)
    press(panel, "1")  # keys go unheard: this prompt only listens for speech
    assert "only listens for speech: no input" in lines(panel)[1]
    panel.keypad.speech.setFocus()
    QTest.keyClicks(panel.keypad.speech, "sales")
    QTest.keyClick(panel.keypad.speech, Qt.Key.Key_Return)
    assert any('the caller says "sales"' in line for line in lines(panel))
    assert "Dialling +15550100001" in panel.question_text.text()


def test_the_params_of_an_executed_section_are_shown_while_it_runs(window):
    doc = swml_io.loads("sections:\n  main:\n    - execute: {dest: greet, params: {who: Ann}}\n"
                        "  greet:\n    - play: {url: 'say:Hi ${params.who}'}\n", "yaml",
                        nesting=window.session.catalog.nesting)
    window.session.replace_document(doc)
    panel = try_call(window)
    panel.restart(run=False)
    panel.step_button.click()
    rows = {panel.variables.topLevelItem(i).text(0): panel.variables.topLevelItem(i).text(1)
            for i in range(panel.variables.topLevelItemCount())}
    assert rows == {"params.who": "Ann"}


def test_keys_gather_until_hash_when_the_prompt_takes_several(window):
    doc = swml_io.loads("sections:\n  main:\n    - prompt: {play: 'say:Your PIN, then hash', "
                        "max_digits: 6, terminators: '#'}\n"
                        "    - play: {url: 'say:PIN ${prompt_value}'}\n", "yaml",
                        nesting=window.session.catalog.nesting)
    window.session.replace_document(doc)
    panel = try_call(window)
    press(panel, "123")
    assert panel.keypad.keys.text() == "123" and panel.sim.pending is not None
    press(panel, "#")
    assert panel.sim.end.reason == "end"
    assert heard_lines(panel)[-1] == "2. Caller hears \u201cPIN 123\u201d"
    assert panel.sim.variables()["prompt_digit_terminator"] == "#"
