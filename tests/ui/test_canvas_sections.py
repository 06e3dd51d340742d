"""Sections on the canvas: rename (jumps follow), delete, and the right-click menus."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from designer.model import swml_io
from designer.model.examples import example_text
from designer.ui.canvas import menus
from designer.ui.canvas.view import FlowView


class Answers:
    """Fixed answers for the section prompts, with a record of what was said."""

    def __init__(self, name=None, confirm=True):
        self.name, self.yes, self.told = name, confirm, []

    def ask_name(self, title, current):
        return self.name

    def confirm(self, title, text):
        self.told.append(text)
        return self.yes

    def tell(self, title, text):
        self.told.append(text)


def make_view(qtbot, session, answers):
    session.replace_document(swml_io.loads(example_text("ivr-menu"), "yaml", nesting=session.catalog.nesting))
    view = FlowView(session)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.prompts = answers
    return view


def dests(session):
    return [s.params["dest"] for s in session.doc.walk() if s.method == "transfer"]


def test_rename_points_jumps_at_the_new_name_in_one_undo_step(qtbot, session):
    view = make_view(qtbot, session, Answers("helpdesk"))
    before = session.doc.to_data()
    place = session.doc.positions.get("section:support")
    assert menus.rename_section(view, "support")
    assert [s.name for s in session.doc.sections] == ["main", "sales", "helpdesk", "message"]
    assert dests(session) == ["sales", "helpdesk", "message"]
    assert session.doc.positions.get("section:helpdesk") == place
    assert "helpdesk" in view.flow_scene.starts and "support" not in view.flow_scene.starts
    session.undo_stack.undo()
    assert session.doc.to_data() == before and session.undo_stack.index() == 0


def test_a_bad_name_is_explained_and_changes_nothing(qtbot, session):
    answers = Answers("help desk")
    view = make_view(qtbot, session, answers)
    before = session.doc.to_data()
    assert not menus.rename_section(view, "support")
    assert "no spaces" in answers.told[0] and session.doc.to_data() == before
    answers.name = "sales"
    assert not menus.rename_section(view, "support")
    assert "already a section" in answers.told[1]


def test_main_can_be_neither_renamed_nor_deleted(qtbot, session):
    view = make_view(qtbot, session, Answers("start"))
    assert not menus.rename_section(view, "main") and not menus.delete_section(view, "main")
    menu = menus.context_menu(view, view.flow_scene.starts["main"].sceneBoundingRect().center())
    assert [a.isEnabled() for a in menu.actions()] == [False, False]


def test_delete_asks_first_and_undo_brings_the_blocks_back(qtbot, session):
    answers = Answers(confirm=False)
    view = make_view(qtbot, session, answers)
    before = session.doc.to_data()
    assert not menus.delete_section(view, "sales")
    assert "2 blocks" in answers.told[0] and "1 block still sends" in answers.told[0]
    answers.yes = True
    assert menus.delete_section(view, "sales")
    assert session.doc.section("sales") is None and "sales" not in view.flow_scene.starts
    assert any(p.code == "flow.unknown_section" for p in session.problems)
    session.undo_stack.undo()
    assert session.doc.to_data() == before


def test_double_click_on_a_start_node_renames_it(qtbot, session):
    view = make_view(qtbot, session, Answers("helpdesk"))
    start = view.flow_scene.starts["support"]
    view.centerOn(start)
    point = view.mapFromScene(start.sceneBoundingRect().center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert session.doc.section("helpdesk") is not None


def test_block_menu_selects_the_block_and_offers_delete(qtbot, session):
    view = make_view(qtbot, session, Answers())
    answer = session.doc.sections[0].steps[0]
    item = view.block_item(answer.id)
    menu = menus.context_menu(view, item.sceneBoundingRect().center() + QPointF(0, -10))
    assert session.selection == [answer.id]
    delete = next(a for a in menu.actions() if a.text() == "Delete")
    delete.trigger()
    assert session.doc.sections[0].steps[0].method == "label"


def test_a_block_selected_elsewhere_is_scrolled_into_view(qtbot, session):
    view = make_view(qtbot, session, Answers())
    view.reset_zoom()
    view.centerOn(view.flow_scene.starts["main"])
    far = next(s for s in session.doc.walk() if s.method == "hangup")  # in the last section
    item = view.block_item(far.id)
    shown = lambda: view.mapToScene(view.viewport().rect()).boundingRect()  # noqa: E731
    assert not shown().contains(item.sceneBoundingRect())
    session.request_field_focus(far.id, ())
    assert shown().contains(item.sceneBoundingRect())


def test_a_rename_that_cannot_be_used_is_asked_again_with_the_typed_name(qtbot, session):
    """Found by hand with Add section: after the "no spaces" message the typed name was lost."""
    class Twice(Answers):
        def __init__(self):
            super().__init__()
            self.asked, self.answers = [], iter(["sales team", "sales_team"])

        def ask_name(self, title, current):
            self.asked.append(current)
            return next(self.answers)

    answers = Twice()
    view = make_view(qtbot, session, answers)
    assert menus.rename_section(view, "sales")
    assert answers.asked == ["sales", "sales team"]
    assert "no spaces" in answers.told[0]
    assert session.doc.section("sales_team") is not None and "sales_team" in dests(session)
