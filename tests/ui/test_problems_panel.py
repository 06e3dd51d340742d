"""The problems list: errors first, counts in the title, a click goes to the block and field."""

import pytest
from PySide6.QtCore import Qt

from designer.model.catalog import load_catalog
from designer.model.document import Step
from designer.model.problems import ERROR, WARNING, Problem
from designer.ui.problems_panel import BLOCK_ROLE, FIELD_ROLE, ProblemsPanel
from designer.ui.session import EditSession


@pytest.fixture
def session(qapp):
    s = EditSession(load_catalog())
    steps = s.doc.sections[0].steps
    for method in ("answer", "record_call"):
        s.doc.insert_step(steps, len(steps), Step(method, {}))
    return s


@pytest.fixture
def panel(session, qtbot):
    widget = ProblemsPanel(session)
    qtbot.addWidget(widget)
    return widget


def inject(session, problems):
    session.problems = problems
    session.problems_changed.emit(problems)


def sample(session):
    answer, rec = session.doc.sections[0].steps
    return [
        Problem(WARNING, "This recording never stops", rec.id, (), ("sections", "main", 1)),
        Problem(ERROR, "Choose wav, mp3 or mp4", rec.id, ("format",), ("sections", "main", 1, "record_call", "format")),
        Problem(ERROR, "The flow has no version", None, (), ("version",)),
    ]


def test_errors_come_first_and_the_title_counts(panel, session):
    with_signal = []
    panel.summary_changed.connect(with_signal.append)
    inject(session, sample(session))
    assert [panel.problem_at(i).severity for i in range(3)] == [ERROR, ERROR, WARNING]
    assert panel.summary == "Problems — 2 errors, 1 warning"
    assert with_signal[-1] == panel.summary


def test_rows_show_block_section_field_and_message(panel, session):
    inject(session, sample(session))
    row = panel.tree.topLevelItem(0)
    assert row.data(0, BLOCK_ROLE) == "Record the call · main"  # the block's title, not its method
    assert row.data(0, FIELD_ROLE) == "Format"  # the field's label from the hints
    assert row.text(0) == "Choose wav, mp3 or mp4"
    assert not row.icon(0).isNull()


def test_document_level_problems_are_listed(panel, session):
    inject(session, sample(session))
    doc_row = panel.tree.topLevelItem(1)
    assert doc_row.data(0, BLOCK_ROLE) == "Flow" and doc_row.text(0) == "The flow has no version"


def test_click_selects_the_block_and_focuses_the_field(panel, session, qtbot):
    inject(session, sample(session))
    rec = session.doc.sections[0].steps[1]
    item = panel.tree.topLevelItem(0)
    rect = panel.tree.visualItemRect(item)
    panel.show()
    with qtbot.waitSignal(session.field_focus_requested) as blocker:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert session.selection == [rec.id]
    assert blocker.args == [rec.id, ("format",)]


def test_enter_on_a_row_focuses_too(panel, session, qtbot):
    inject(session, sample(session))
    panel.show()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(2))
    with qtbot.waitSignal(session.field_focus_requested) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args[1] == ()


def test_no_problems_shows_a_friendly_note(panel, session):
    inject(session, [])
    assert panel.stack.currentWidget() is panel.empty
    assert panel.summary == "Problems — none"


def test_long_messages_wrap_instead_of_being_cut(panel, session, qtbot):
    rec = session.doc.sections[0].steps[1]
    long = "This is a long message in plain words that explains what to change in the block " * 3
    inject(session, [Problem(ERROR, long, rec.id), Problem(ERROR, "Short", rec.id)])
    panel.resize(320, 400)
    panel.show()
    qtbot.waitUntil(lambda: panel.tree.visualItemRect(panel.tree.topLevelItem(0)).height() > 0)
    tall = panel.tree.visualItemRect(panel.tree.topLevelItem(0)).height()
    short = panel.tree.visualItemRect(panel.tree.topLevelItem(1)).height()
    assert tall > short * 1.8


def test_a_nested_field_is_located_in_words_not_as_a_data_path(panel, session):
    from designer.model.document import Step
    from designer.model.problems import WARNING, Problem
    from designer.ui.commands import InsertStepCommand
    from designer.ui.problems_panel import WHERE_ROLE
    steps = session.doc.sections[0].steps
    ai = Step("ai", {"params": {"debug_webhook_level": "x"}})
    session.undo_stack.push(InsertStepCommand(session.doc, steps, 0, ai))
    inject(session, [Problem(WARNING, "Must be a whole number", ai.id, ("params", "debug_webhook_level"))])
    row = panel.tree.topLevelItem(0)
    assert row.data(0, WHERE_ROLE) == "AI agent · main › Parameters › Debug webhook level"
    assert "params." not in row.toolTip(0) and "_" not in row.data(0, WHERE_ROLE)


def rows(panel):
    return [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]


def test_an_edit_that_changes_one_problem_replaces_one_row_and_keeps_the_selection(panel, session):
    answer, rec = session.doc.sections[0].steps
    problems = sample(session)
    inject(session, problems)
    before = rows(panel)
    panel.tree.setCurrentItem(before[2])  # the warning, last
    inject(session, list(problems))  # the same problems again (most edits)
    assert rows(panel) == before
    extra = Problem(ERROR, "Answer has no such setting", answer.id, ("x",), ("sections", "main", 0, "answer", "x"))
    inject(session, [extra, *problems])
    after = rows(panel)
    assert len(after) == 4 and after[0] not in before and after[1:] == before  # one new row
    assert panel.problem_at(0) == extra
    assert panel.tree.currentItem() is before[2]  # still selected
    inject(session, problems[1:])  # the first problem (a warning) fixed
    assert [panel.problem_at(i) for i in range(2)] == [problems[1], problems[2]]


def test_rows_always_show_the_problems_in_order_whatever_changed(panel, session):
    import random

    answer, rec = session.doc.sections[0].steps
    # The same words on two blocks: a row must be replaced when its block is not the same.
    pool = [Problem(severity, f"problem {i // 3}", (answer, rec)[i % 2].id, (f"f{i // 3}",),
                    ("sections", "main", i % 2))
            for i, severity in enumerate([ERROR, WARNING] * 6)]
    rng = random.Random(7)
    for _ in range(200):
        chosen = rng.sample(pool, rng.randint(0, len(pool)))
        inject(session, chosen)
        expected = sorted(chosen, key=lambda p: 0 if p.is_error else 1)
        assert [panel.problem_at(i) for i in range(panel.tree.topLevelItemCount())] == expected
        assert [item.text(0) for item in rows(panel)] == [p.message for p in expected]
        assert [item.data(0, BLOCK_ROLE) for item in rows(panel)] == [panel._where(p)[0] for p in expected]
