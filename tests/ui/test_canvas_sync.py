"""The canvas follows the model incrementally, selection both ways, and problem badges."""

from PySide6.QtCore import QPointF

from designer.model.document import Step
from designer.model.problems import ERROR, WARNING, Problem
from designer.ui.commands import InsertStepCommand, SetParamCommand
from tests.ui.test_canvas_edit import FLOW, make_view


def test_a_param_edit_updates_the_summary_without_recreating_items(qtbot):
    session, view = make_view(qtbot, FLOW)
    play = session.doc.sections[0].steps[1]
    items = dict(view.flow_scene.blocks)
    edges = dict(view.flow_scene.edges)
    session.undo_stack.push(SetParamCommand(session.doc, play, ("url",), "say:Goodbye"))
    assert view.block_item(play.id).look.summary == "say: Goodbye"
    assert view.flow_scene.blocks == items and view.flow_scene.edges == edges


def test_inserting_a_step_adds_one_item_and_relinks(qtbot):
    session, view = make_view(qtbot, FLOW)
    main = session.doc.sections[0].steps
    items = dict(view.flow_scene.blocks)
    step = Step("sleep", {"duration": 2000})
    session.undo_stack.push(InsertStepCommand(session.doc, main, 1, step))
    scene = view.flow_scene
    assert set(scene.blocks) == set(items) | {step.id}
    assert all(scene.blocks[k] is v for k, v in items.items())
    assert (("out", main[0].id), step.id) in scene.edges and (("out", step.id), main[2].id) in scene.edges
    assert (("out", main[0].id), main[2].id) not in scene.edges
    assert scene.blocks[step.id].pos() != scene.blocks[main[0].id].pos()  # placed next to its predecessor


def test_selection_follows_both_ways(qtbot):
    session, view = make_view(qtbot, FLOW)
    main = session.doc.sections[0].steps
    session.select([main[1].id])
    assert view.flow_scene.selected_step_ids() == [main[1].id]
    view.flow_scene.clearSelection()
    view.block_item(main[2].id).setSelected(True)
    assert session.selection == [main[2].id]
    view.select_all()
    assert set(view.flow_scene.selected_step_ids()) == {s.id for s in main}


def test_problem_badges_count_errors_else_warnings_with_messages_in_the_tooltip(qtbot):
    session, view = make_view(qtbot, FLOW)
    answer, play = session.doc.sections[0].steps[0], session.doc.sections[0].steps[1]
    session.problems = [Problem(ERROR, "Something is wrong", answer.id), Problem(ERROR, "Also this", answer.id),
                        Problem(WARNING, "Just a warning", play.id)]
    session.problems_changed.emit(session.problems)
    a, p = view.block_item(answer.id).look, view.block_item(play.id).look
    assert (a.errors, a.warnings) == (2, 0) and "Something is wrong" in a.tooltip and "Also this" in a.tooltip
    assert (p.errors, p.warnings) == (0, 1) and "Just a warning" in view.block_item(play.id).toolTip()


def test_moving_positions_in_the_model_moves_items_and_their_edges(qtbot):
    session, view = make_view(qtbot, FLOW)
    main = session.doc.sections[0].steps
    edge = view.flow_scene.edges[(("out", main[0].id), main[1].id)]
    old_end = edge.end_point()
    session.doc.set_positions({main[1].id: (500.0, 500.0)})
    assert view.block_item(main[1].id).pos() == QPointF(500, 500)
    assert edge.end_point() != old_end and edge.end_point() == QPointF(500 + 120, 500)


def test_document_replaced_rebuilds_everything(qtbot):
    session, view = make_view(qtbot, FLOW)
    from designer.model.document import Document

    session.replace_document(Document.new(session.catalog.nesting))
    assert view.flow_scene.blocks == {} and list(view.flow_scene.starts) == ["main"]


def test_wheel_zooms_around_the_cursor_and_middle_button_pans(qtbot):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tests.ui.test_canvas_link import move

    session, view = make_view(qtbot, FLOW)
    at = QPoint(300, 200)
    under = view.mapToScene(at)
    wheel = QWheelEvent(QPointF(at), QPointF(view.viewport().mapToGlobal(at)), QPoint(), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() > 1.2
    assert (view.mapToScene(at) - under).manhattanLength() < 3
    before = view.mapToScene(QPoint(0, 0))
    QTest.mousePress(view.viewport(), Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, at)
    move(view, at + QPoint(-100, -60), Qt.MouseButton.MiddleButton)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, at)
    assert view.mapToScene(QPoint(0, 0)) != before and view.interaction is None
    assert session.undo_stack.count() == 0


def test_renaming_a_section_keeps_its_start_node_in_place(qtbot):
    from designer.ui.commands import RenameSectionCommand

    session, view = make_view(qtbot, FLOW)
    item = view.flow_scene.starts["main"]
    pos = item.pos()
    session.undo_stack.push(RenameSectionCommand(session.doc, session.doc.sections[0], "start"))
    assert view.flow_scene.starts == {"start": item} and item.pos() == pos and item.section_name == "start"
    first = session.doc.sections[0].steps[0].id
    assert (("start", "start"), first) in view.flow_scene.edges


def test_an_empty_canvas_tells_how_to_start_until_a_block_is_added(qtbot):
    from designer.model.catalog import load_catalog
    from designer.model.document import Step
    from designer.ui.canvas.view import FlowView
    from designer.ui.commands import InsertStepCommand
    from designer.ui.session import EditSession

    session = EditSession(load_catalog())
    view = FlowView(session)
    qtbot.addWidget(view)
    assert view.is_empty_flow() and view._showing_hint
    steps = session.doc.sections[0].steps
    session.undo_stack.push(InsertStepCommand(session.doc, steps, 0, Step("answer", {})))
    assert not view.is_empty_flow() and not view._showing_hint
    session.undo_stack.undo()
    assert view._showing_hint



def test_after_another_flow_is_shown_the_view_shows_its_blocks(qtbot):
    # The scene is rebuilt with its views detached (Qt keeps data per item and view for what
    # turns dirty while a view watches); the view must be watching again afterwards.
    from designer.model.document import Document
    session, view = make_view(qtbot, FLOW)
    other = Document.from_data({"version": "1.0.0", "sections": {"main": [{"answer": {}}, {"hangup": {}}]}})
    session.replace_document(other)
    assert view.scene() is view.flow_scene and view.flow_scene.views() == [view]
    hangup = view.block_item(other.sections[0].steps[1].id)
    view.centerOn(hangup)
    view.viewport().repaint()
    assert view.itemAt(view.mapFromScene(hangup.sceneBoundingRect().center())) is hangup
