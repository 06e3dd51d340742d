"""Letting a link go on empty canvas opens a block search there; the block picked is connected."""

from PySide6.QtCore import QPointF, Qt

from tests.ui.canvas_helpers import make_view
from tests.ui.test_canvas_link import drag

MENU = {"version": "1.0.0", "sections": {"main": [
    {"answer": {}}, {"switch": {"variable": "prompt_value", "case": {"1": []}}}]}}


def test_a_link_let_go_on_empty_canvas_opens_the_search_there_and_connects_the_pick(qtbot):
    session, view = make_view(qtbot, MENU, size=(1200, 800), centre="all")
    switch = session.doc.sections[0].steps[1]
    port = view.block_item(switch.id).port_pos(("branch", switch.id, 0))
    blank = port + QPointF(260, 60)
    assert view.flow_scene.block_at(blank) is None
    drag(view, port, blank)
    search = view.block_search
    assert search is not None and search.isVisible()
    assert "case 1" in search.title.text()
    search.line.setText("play")  # typing filters the list
    assert "play" in search.visible_methods() and "hangup" not in search.visible_methods()
    qtbot.keyClick(search.line, Qt.Key.Key_Return)
    case1 = switch.params["case"]["1"]
    assert [s.method for s in case1] == ["play"]
    item = view.block_item(case1[0].id)
    assert abs(item.sceneBoundingRect().center().x() - blank.x()) <= 20  # where the link was let go
    assert session.selection == [case1[0].id] and view.block_search is None
    session.undo_stack.undo()  # one step
    assert len(case1) == 0


def test_escape_closes_the_search_and_changes_nothing(qtbot):
    session, view = make_view(qtbot, MENU, size=(1200, 800), centre="all")
    answer = session.doc.sections[0].steps[0]
    out = view.block_item(answer.id).port_pos(("out", answer.id))
    before = session.doc.to_data()
    count = session.undo_stack.count()
    drag(view, out, out + QPointF(-300, 40))
    search = view.block_search
    assert search is not None
    qtbot.keyClick(search.line, Qt.Key.Key_Escape)
    assert view.block_search is None and session.doc.to_data() == before
    assert session.undo_stack.count() == count


def test_a_click_on_a_port_without_pulling_opens_nothing(qtbot):
    session, view = make_view(qtbot, MENU, size=(1200, 800), centre="all")
    answer = session.doc.sections[0].steps[0]
    out = view.block_item(answer.id).port_pos(("out", answer.id))
    drag(view, out, out + QPointF(3, 3))
    assert view.block_search is None


def test_ctrl_k_adds_the_picked_block_after_the_selected_one(qtbot):
    from designer.ui.interactions.next_block import add_block_by_search
    session, view = make_view(qtbot, MENU)
    answer = session.doc.sections[0].steps[0]
    session.select([answer.id])
    search = add_block_by_search(view)
    assert "after \u201cAnswer the call\u201d" in search.title.text()
    search.line.setText("record call")
    qtbot.keyClick(search.line, Qt.Key.Key_Down)  # arrows walk the list from the search line
    search.choose(search.list.currentItem().data(Qt.ItemDataRole.UserRole + 1))
    assert [s.method for s in session.doc.sections[0].steps][:2] == ["answer", search.visible_methods()[1]]


def test_ctrl_k_on_a_switch_offers_its_empty_branches_and_puts_the_block_there(qtbot):
    from designer.ui.interactions.next_block import add_block_by_search
    session, view = make_view(qtbot, MENU)
    switch = session.doc.sections[0].steps[1]
    session.select([switch.id])
    search = add_block_by_search(view)
    places = [search.where.itemText(i) for i in range(search.where.count())]
    assert not search.where.isHidden() and places[0].startswith("As the block after")
    assert any("case 1" in p for p in places) and any("otherwise" in p for p in places)
    search.where.setCurrentIndex(next(i for i, p in enumerate(places) if "otherwise" in p))
    search.line.setText("hang up")
    qtbot.keyClick(search.line, Qt.Key.Key_Return)
    assert [s.method for s in switch.params["default"]] == ["hangup"]  # "+ otherwise" made, block in it
    assert [s.method for s in session.doc.sections[0].steps] == ["answer", "switch"]


def test_from_the_search_line_tab_goes_to_the_place_chooser_and_enter_there_adds(qtbot):
    from designer.ui.interactions.next_block import add_block_by_search
    session, view = make_view(qtbot, MENU)
    switch = session.doc.sections[0].steps[1]
    session.select([switch.id])
    search = add_block_by_search(view)
    qtbot.waitExposed(search)
    search.line.setFocus()
    search.line.setText("hang up")
    qtbot.keyClick(search.line, Qt.Key.Key_Tab)
    assert search.focusWidget() is search.where
    qtbot.keyClick(search.where, Qt.Key.Key_Down)
    assert search.where.currentIndex() == 1
    qtbot.keyClick(search.where, Qt.Key.Key_Return)
    assert [s.method for s in switch.params["case"]["1"]] == ["hangup"]


def test_the_view_follows_a_block_added_below_what_is_shown(qtbot):
    data = {"version": "1.0.0", "sections": {"main": [{"play": {"url": f"say:{i}"}} for i in range(12)]}}
    session, view = make_view(qtbot, data, size=(600, 300))
    last = session.doc.sections[0].steps[11]
    session.select([last.id])
    view.centerOn(view.flow_scene.starts["main"])  # the chain's end is far below
    new_id = view.append_method("hangup")  # what a double-click in the block list does
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(view.block_item(new_id).sceneBoundingRect())
