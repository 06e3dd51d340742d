"""Canvas editing: delete, drag, clipboard, duplicate, append, auto-layout (each one undo step)."""

import yaml
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from tests.ui.test_canvas_link import drag
from tests.ui.test_canvas_link import make_view as make_linked_view

def make_view(qtbot, data):
    """The linking tests' view, centred on the main start node."""
    session, view = make_linked_view(qtbot, data)
    view.centerOn(view.flow_scene.starts["main"])
    return session, view


def ivr(fixtures_dir):
    return yaml.safe_load((fixtures_dir / "002_recipe-build-an-ivr-menu.yaml").read_text())


FLOW = {"version": "1.0.0", "sections": {"main": [{"answer": {}}, {"play": {"url": "say:hi"}}, {"hangup": {}}]}}


def test_delete_removes_blocks_with_nested_steps_and_undo_restores_exactly(qtbot, fixtures_dir):
    session, view = make_view(qtbot, ivr(fixtures_dir))
    doc = session.doc
    before = doc.to_data()
    main = doc.sections[0].steps
    answer, switch = main[0], main[2]
    nested = [s.id for _, c in switch.child_lists() for s in c]
    session.select([answer.id, switch.id])
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert [s.method for s in main] == ["prompt"]
    assert all(view.block_item(i) is None for i in [answer.id, switch.id, *nested])
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert doc.to_data() == before
    assert all(view.block_item(i) is not None for i in [answer.id, switch.id, *nested])


def test_deleting_the_last_block_of_a_detached_chain_drops_the_chain(qtbot):
    session, view = make_view(qtbot, FLOW)
    lone = view.edits.new_chain("hangup", QPointF(600, 300))
    session.select([lone.id])
    view.delete_selection()
    assert session.doc.detached == []


def test_block_drag_is_one_undo_step_snapped_to_the_grid(qtbot):
    session, view = make_view(qtbot, FLOW)
    doc = session.doc
    play = doc.sections[0].steps[1]
    item = view.block_item(play.id)
    start = item.pos()
    grab = item.mapToScene(QPointF(120, 20))
    drag(view, grab, grab + QPointF(137, 53))
    x, y = doc.positions[play.id]
    assert (x % 20, y % 20) == (0, 0)
    assert abs(x - (start.x() + 137)) <= 10 and abs(y - (start.y() + 53)) <= 10
    assert item.pos() == QPointF(x, y)
    assert session.undo_stack.count() == 1
    assert [s.method for s in doc.sections[0].steps] == ["answer", "play", "hangup"]
    session.undo_stack.undo()
    assert item.pos() == start


def test_copy_then_paste_round_trips_the_steps_as_swml_text(qtbot):
    session, view = make_view(qtbot, FLOW)
    main = session.doc.sections[0].steps
    session.select([main[1].id, main[0].id])
    text = view.copy_selection()
    assert QGuiApplication.clipboard().text() == text
    assert yaml.safe_load(text) == [{"answer": {}}, {"play": {"url": "say:hi"}}]
    session.select([main[2].id])
    new = view.paste()
    assert [s.method for s in main] == ["answer", "play", "hangup", "answer", "play"]
    assert session.selection == new and session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert [s.method for s in main] == ["answer", "play", "hangup"]


def test_paste_of_text_from_an_editor_without_selection_makes_an_unconnected_chain(qtbot):
    session, view = make_view(qtbot, FLOW)
    QGuiApplication.clipboard().setText("- play:\n    url: 'say:pasted'\n- hangup: {}\n")
    session.select([])
    view.paste()
    assert [c.to_data() for c in session.doc.detached] == [[{"play": {"url": "say:pasted"}}, {"hangup": {}}]]
    QGuiApplication.clipboard().setText("just some words")
    assert view.paste() == [] and len(session.doc.detached) == 1


def test_duplicate_inserts_copies_after_the_selection(qtbot):
    session, view = make_view(qtbot, FLOW)
    main = session.doc.sections[0].steps
    session.select([main[1].id])
    view.duplicate_selection()
    assert [s.method for s in main] == ["answer", "play", "play", "hangup"]
    assert main[2].to_data() == main[1].to_data() and main[2] is not main[1]
    assert session.selection == [main[2].id]


def test_append_method_goes_after_the_selected_block_else_to_the_end_of_main(qtbot):
    session, view = make_view(qtbot, FLOW)
    main = session.doc.sections[0].steps
    session.select([])
    view.append_method("record_call")
    assert main[-1].method == "record_call" and session.selection == [main[-1].id]
    session.select([main[0].id])
    view.append_method("play")
    assert [s.method for s in main] == ["answer", "play", "play", "hangup", "record_call"]


def test_auto_layout_is_one_undo_step_and_blocks_do_not_overlap(qtbot, fixtures_dir):
    session, view = make_view(qtbot, ivr(fixtures_dir))
    doc = session.doc
    doc.set_positions({s.id: (0.0, 0.0) for s in doc.walk()})
    view.auto_layout()
    assert session.undo_stack.count() == 1
    cards = [b.mapRectToScene(b.card_rect()) for b in view.flow_scene.blocks.values()]
    cards += [s.sceneBoundingRect().adjusted(10, 10, -10, -10) for s in view.flow_scene.starts.values()]
    for i, a in enumerate(cards):
        for b in cards[i + 1:]:
            assert not a.intersects(b), (a, b)
    session.undo_stack.undo()
    assert all(view.block_item(s.id).pos() == QPointF(0, 0) for s in doc.walk())


def test_opening_a_flow_without_positions_lays_it_out(qtbot, fixtures_dir):
    session, view = make_view(qtbot, ivr(fixtures_dir))
    assert all(s.id in session.doc.positions for s in session.doc.walk())
    assert session.undo_stack.count() == 0


def test_dragging_a_lone_block_onto_an_edge_inserts_it_in_one_undo_step(qtbot):
    session, view = make_view(qtbot, FLOW)
    doc = session.doc
    main = doc.sections[0].steps
    lone = view.edits.new_chain("record_call", QPointF(700, 400))
    count = session.undo_stack.count()
    edge = view.flow_scene.edges[(("out", main[0].id), main[1].id)]
    grab = view.block_item(lone.id).mapToScene(QPointF(120, 30))
    drag(view, grab, edge.path().pointAtPercent(0.5), steps=6)
    assert [s.method for s in main] == ["answer", "record_call", "play", "hangup"] and not doc.detached
    assert session.undo_stack.count() == count + 1
    session.undo_stack.undo()
    assert [s.method for s in main] == ["answer", "play", "hangup"] and len(doc.detached) == 1
