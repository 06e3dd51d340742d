"""Play, stop_record_call and the reference page's "Record and play back" flow built in the panels."""

from __future__ import annotations

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from designer.model.document import Step
from designer.ui.commands import InsertStepCommand


def add(session, method, params=None):
    steps = session.doc.sections[0].steps
    step = Step.from_data({method: {} if params is None else params}, session.doc.nesting)
    session.undo_stack.push(InsertStepCommand(session.doc, steps, len(steps), step))
    return step


def main(session):
    return session.doc.to_data()["sections"]["main"]


def field(panel, *path):
    return panel.form.binding_for(tuple(path)).row.current_editor()


def say(play_editor, text):
    play_editor.add_actions["say"].trigger()
    QTest.keyClicks(play_editor.rows[-1].line, text)


def variable(play_editor, name):
    action = next(a for a in play_editor.variable_actions() if a.data() == f"${{{name}}}")
    action.trigger()


def test_play_list_helpers_build_urls_in_order(session, inspector):
    add(session, "record_call")
    step = add(session, "play", {})
    session.select([step.id])
    urls = field(inspector, "urls")
    say(urls, "Hello")
    urls.add_actions["silence"].trigger()
    # the new silence starts selected: typing replaces its starting value
    QTest.keyClicks(urls.rows[-1].line, "2")
    variable(urls, "record_call_url")
    assert main(session)[1] == {"play": {"urls": ["say:Hello", "silence:2", "${record_call_url}"]}}


def test_only_variables_of_earlier_blocks_are_offered(session, inspector):
    first = add(session, "play", {"urls": ["say:hi"]})
    add(session, "record_call")
    session.select([first.id])
    names = [a.data() for a in field(inspector, "urls").variable_actions()]
    assert "${record_call_url}" not in names


def test_play_list_reorder_and_remove(session, inspector):
    step = add(session, "play", {"urls": ["say:one", "say:two", "silence:3"]})
    session.select([step.id])
    urls = field(inspector, "urls")
    urls.rows[2].up.click()
    assert main(session) == [{"play": {"urls": ["say:one", "silence:3", "say:two"]}}]
    urls.rows[0].remove.click()
    assert main(session) == [{"play": {"urls": ["silence:3", "say:two"]}}]
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert main(session) == [{"play": {"urls": ["say:one", "say:two", "silence:3"]}}]
    assert [r.item_value() for r in urls.rows] == ["say:one", "say:two", "silence:3"]


def test_play_keeps_url_for_one_item_and_switches_to_urls_for_more(session, inspector):
    step = add(session, "play", {"url": "say:hi", "volume": 5})
    session.select([step.id])
    urls = field(inspector, "urls")
    urls.rows[0].line.end(False)
    QTest.keyClicks(urls.rows[0].line, "!")
    assert main(session) == [{"play": {"url": "say:hi!", "volume": 5}}]
    say(urls, "bye")
    assert main(session) == [{"play": {"urls": ["say:hi!", "say:bye"], "volume": 5}}]
    urls.rows[1].remove.click()
    assert main(session) == [{"play": {"urls": ["say:hi!"], "volume": 5}}]


def test_play_volume_box_and_say_voice(session, inspector):
    step = add(session, "play", {"urls": ["say:hi"]})
    session.select([step.id])
    QTest.keyClicks(field(inspector, "volume").box.line, "-6")
    QTest.keyClicks(field(inspector, "say_voice").line, "Polly.Joanna")
    assert main(session) == [{"play": {"urls": ["say:hi"], "volume": -6, "say_voice": "Polly.Joanna"}}]


def test_stop_record_call_offers_the_flow_control_ids(session, inspector):
    add(session, "record_call", {"control_id": "rec1"})
    add(session, "record_call", {"control_id": "rec2"})
    step = add(session, "stop_record_call")
    session.select([step.id])
    chooser = field(inspector, "control_id")
    assert chooser.ids() == ["rec1", "rec2"]
    chooser.combo.setCurrentIndex(2)
    chooser.combo.activated.emit(2)
    assert main(session)[2] == {"stop_record_call": {"control_id": "rec2"}}
    chooser.combo.setCurrentIndex(0)
    chooser.combo.activated.emit(0)
    assert main(session)[2] == {"stop_record_call": {}}
    QTest.keyClicks(chooser.combo.lineEdit(), "other")
    assert main(session)[2] == {"stop_record_call": {"control_id": "other"}}


def test_reference_record_and_play_back_flow_built_through_panels(session, inspector):
    record = add(session, "record_call")
    session.select([record.id])
    field(inspector, "beep").check.click()
    QTest.keyClicks(field(inspector, "terminators").line, "#")

    prompt = add(session, "play", {})
    session.select([prompt.id])
    urls = field(inspector, "urls")
    say(urls, "Leave your message now")
    urls.add_actions["silence"].trigger()
    urls.rows[-1].line.selectAll()
    QTest.keyClicks(urls.rows[-1].line, "10")

    add(session, "stop_record_call")
    playback = add(session, "play", {})
    session.select([playback.id])
    urls = field(inspector, "urls")
    say(urls, "Playing back")
    variable(urls, "record_call_url")

    assert session.doc.to_data() == {"version": "1.0.0", "sections": {"main": [
        {"record_call": {"beep": True, "terminators": "#"}},
        {"play": {"urls": ["say:Leave your message now", "silence:10"]}},
        {"stop_record_call": {}},
        {"play": {"urls": ["say:Playing back", "${record_call_url}"]}},
    ]}}
    assert [p for p in session.problems if p.severity == "error"] == []


def test_tab_walks_the_things_to_play_in_order_then_the_add_buttons(session, inspector):
    from PySide6.QtCore import Qt as _Qt
    step = add(session, "play", {"urls": ["say:Hello"]})
    session.select([step.id])
    urls = field(inspector, "urls")
    urls.add_actions["silence"].trigger()
    urls = field(inspector, "urls")  # the panel may have been rebuilt for the new item
    QApplication.processEvents()  # a row added to a shown list is shown by the next event loop turn
    stops, widget = [], urls.rows[0].line
    for _ in range(40):
        if widget.focusPolicy() & _Qt.FocusPolicy.TabFocus and widget.isVisibleTo(inspector) and widget.isEnabled():
            stops.append(widget)
        widget = widget.nextInFocusChain()
    lines = [r.line for r in urls.rows]
    add_button = next(w for w in stops if getattr(w, "text", lambda: "")() == "Add")
    assert stops.index(lines[0]) < stops.index(lines[1]) < stops.index(add_button)
    assert lines[1].accessibleName() == "What to play, item 2"  # a screen reader says which


def test_the_variable_menu_says_what_each_value_holds(session, inspector):
    add(session, "record_call")
    step = add(session, "play", {"urls": ["say:hi"]})
    session.select([step.id])
    texts = {a.data(): a.text() for a in field(inspector, "urls").variable_actions()}
    assert texts["${record_call_url}"] == "${record_call_url} \u2014 the recording being made"
