"""The panel creates every branch the canvas can: switch otherwise, connect/execute results, on_return."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from designer.model.document import Document
from designer.ui.inspector.branches import BranchesEditor
from designer.ui.inspector.special import CasesEditor, StepsNote


def load(session, steps, **sections):
    data = {"version": "1.0.0", "sections": {"main": steps, **sections}}
    session.replace_document(Document.from_data(data, session.catalog.nesting))
    return list(session.doc.sections[0].steps)


def main(session):
    return session.doc.to_data()["sections"]["main"]


def editors(inspector):
    return inspector.form.findChildren(BranchesEditor)


def button(inspector, words):
    for editor in editors(inspector):
        if words in editor.add_buttons:
            return editor.add_buttons[words]
    raise AssertionError(f"no Add button for {words!r}: "
                         f"{[list(e.add_buttons) for e in editors(inspector)]}")


def test_switch_otherwise_is_added_from_the_panel_in_one_undo_step(session, inspector):
    switch, = load(session, [{"switch": {"variable": "x", "case": {"1": []}}}])
    session.select([switch.id])
    assert button(inspector, "otherwise").text() == "Add branch: otherwise"
    button(inspector, "otherwise").click()
    assert main(session) == [{"switch": {"variable": "x", "case": {"1": []}, "default": []}}]
    note = inspector.form.findChild(StepsNote)
    assert note.text() == "0 steps — edit on the canvas"
    assert all("otherwise" not in e.add_buttons for e in editors(inspector))
    session.undo_stack.undo()
    assert main(session) == [{"switch": {"variable": "x", "case": {"1": []}}}]


def test_connect_result_cases_are_added_and_renamed_like_switch_cases(session, inspector):
    connect, = load(session, [{"connect": {"to": "+15550100001"}}])
    session.select([connect.id])
    button(inspector, "if nobody answered").click()
    assert main(session) == [{"connect": {"to": "+15550100001", "result": {"case": {"failed": []}}}}]
    cases = inspector.form.findChild(CasesEditor)
    assert cases.map_path == ("result", "case") and list(cases.names) == ["failed"]
    assert cases.add_case() == "connected"
    cases = inspector.form.findChild(CasesEditor)
    cases.names["connected"].setText("busy")
    cases.names["connected"].editingFinished.emit()
    assert main(session)[0]["connect"]["result"] == {"case": {"failed": [], "busy": []}}
    assert session.undo_stack.count() == 3


def test_execute_on_return_and_result_otherwise_from_the_panel(session, inspector):
    execute, = load(session, [{"execute": {"dest": "menu"}}], menu=[{"hangup": {}}])
    session.select([execute.id])
    button(inspector, "after it returns").click()
    button(inspector, "otherwise").click()
    assert main(session) == [{"execute": {"dest": "menu", "on_return": [],
                                          "result": {"case": {}, "default": []}}}]
    assert [p.message for p in session.problems if p.is_error] == []


def test_join_conference_result_gets_the_variable_its_schema_requires(session, inspector):
    step, = load(session, [{"join_conference": {"name": "team"}}])
    session.select([step.id])
    button(inspector, "if completed").click()
    assert main(session) == [{"join_conference": {"name": "team", "result": {
        "variable": "join_conference_result", "case": {"completed": []}}}}]
    assert [p.message for p in session.problems if p.is_error] == []


def test_a_list_whose_items_hold_branches_is_not_called_zero_steps(session, qtbot):
    """A field like connect's serial holds steps only inside each item's result: where a form
    falls back to a note, it says what is there (2 items), not "0 steps"."""
    connect, = load(session, [{"connect": {"serial": [{"to": "+15550100001"}, {"to": "+15550100002"}]}}])
    serial, parallel = StepsNote(connect, ("serial",)), StepsNote(connect, ("parallel",))
    qtbot.addWidget(serial)
    qtbot.addWidget(parallel)
    assert serial.text() == "2 items"
    assert parallel.text() == "not set"


def test_each_destination_gets_its_nobody_answered_branch_from_the_panel(session, inspector):
    connect, = load(session, [{"connect": {"serial": [{"to": "+15550100001"}, {"to": "+15550100002"}]}}])
    session.select([connect.id])
    add = button(inspector, "#1: if not answered")
    assert add.text() == "Add branch: if not answered"
    assert "Destination #1 (+15550100001)" in [label.text() for label in editors(inspector)[1].findChildren(QLabel)]
    add.click()
    assert main(session) == [{"connect": {"serial": [
        {"to": "+15550100001", "result": {"case": {"failed": []}}}, {"to": "+15550100002"}]}}]
    assert session.undo_stack.count() == 1
    cases = [c for c in inspector.form.findChildren(CasesEditor)]
    assert [c.map_path for c in cases] == [("serial", 0, "result", "case")]
    assert "#2: if not answered" in [w for e in editors(inspector) for w in e.add_buttons]
    session.undo_stack.undo()
    assert main(session) == [{"connect": {"serial": [{"to": "+15550100001"}, {"to": "+15550100002"}]}}]


def test_a_destination_added_in_the_panel_gets_its_add_branch_button(session, inspector):
    from designer.ui.inspector.connect import DestinationsEditor
    connect, = load(session, [{"connect": {"serial": [{"to": "+15550100001"}]}}])
    session.select([connect.id])
    assert "#2: if not answered" not in [w for e in editors(inspector) for w in e.add_buttons]
    inspector.form.findChild(DestinationsEditor).add_number("+15550100002")
    assert main(session)[0]["connect"]["serial"][1] == {"to": "+15550100002"}
    add = button(inspector, "#2: if not answered")
    assert add.toolTip().startswith("Destination #2 (+15550100002):")
    add.click()
    assert main(session)[0]["connect"]["serial"][1] == {"to": "+15550100002", "result": {"case": {"failed": []}}}


def test_typing_the_first_destination_is_not_lost_to_a_panel_rebuild(session, inspector, qtbot):
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
    from designer.ui.inspector.connect import DestinationsEditor
    connect, = load(session, [{"connect": {}}])
    session.select([connect.id])
    inspector.activateWindow()
    assert not [w for e in editors(inspector) for w in e.add_buttons if w.startswith("#")]
    destinations = inspector.form.findChild(DestinationsEditor)
    next(b for b in destinations.findChildren(QPushButton) if b.text() == "Add a number").click()
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit) and destinations.isAncestorOf(line)
    qtbot.keyClicks(line, "+15550100001")
    line.editingFinished.emit()
    assert main(session) == [{"connect": {"serial": [{"to": "+15550100001"}]}}]
    assert button(inspector, "#1: if not answered").isVisibleTo(inspector)
