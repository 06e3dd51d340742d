"""Keyboard on the canvas: arrows walk the flow, Alt+Up/Down reorder a chain (one undo step)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from designer.model import swml_io
from designer.model.examples import example_text
from designer.ui.canvas import navigation
from designer.ui.canvas.view import FlowView


def make_view(qtbot, session):
    session.replace_document(swml_io.loads(example_text("ivr-menu"), "yaml", nesting=session.catalog.nesting))
    view = FlowView(session)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.setFocus()
    return view


def press(view, key, alt=False):
    QTest.keyClick(view, key, Qt.KeyboardModifier.AltModifier if alt else Qt.KeyboardModifier.NoModifier)


def methods(steps):
    return [s.method for s in steps]


def test_arrows_walk_down_a_chain_into_a_branch_and_back(qtbot, session):
    view = make_view(qtbot, session)
    main = session.doc.sections[0].steps
    press(view, Qt.Key.Key_Down)  # nothing selected: the first block of main
    assert session.selection == [main[0].id]
    for _ in range(3):
        press(view, Qt.Key.Key_Down)
    switch = main[3]
    assert session.selection == [switch.id]
    press(view, Qt.Key.Key_Down)  # the end of the chain: stays
    assert session.selection == [switch.id]
    press(view, Qt.Key.Key_Right)
    first_case = switch.child_lists()[0][1][0]
    assert session.selection == [first_case.id]
    press(view, Qt.Key.Key_Left)
    assert session.selection == [switch.id]


def test_alt_arrows_reorder_the_chain_and_swap_canvas_places(qtbot, session):
    view = make_view(qtbot, session)
    main = session.doc.sections[0].steps
    answer, label = main[0], main[1]
    places = dict(session.doc.positions)
    session.select([label.id])
    press(view, Qt.Key.Key_Up, alt=True)
    assert methods(main)[:2] == ["label", "answer"]
    assert session.doc.positions[label.id] == places[answer.id]
    assert session.doc.positions[answer.id] == places[label.id]
    press(view, Qt.Key.Key_Up, alt=True)  # already first: nothing
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert methods(main)[:2] == ["answer", "label"] and session.doc.positions == places


def test_neighbour_rules_without_a_view(session):
    doc = swml_io.loads(example_text("ivr-menu"), "yaml", nesting=session.catalog.nesting)
    sales = doc.section("sales").steps
    assert navigation.neighbour(doc, sales[0], "up") is None
    assert navigation.neighbour(doc, sales[0], "down") is sales[1]
    assert navigation.neighbour(doc, sales[0], "left") is None
    assert navigation.moved_index(sales[1], "down") is None


def test_fit_to_view_stops_at_a_readable_zoom_on_a_big_flow(qtbot):
    from designer.ui.canvas.view import FIT_MIN_ZOOM
    from tests.ui.canvas_helpers import make_view as _make
    data = {"version": "1.0.0", "sections": {"main": [{"play": {"url": f"say:{i}"}} for i in range(60)]}}
    session, view = _make(qtbot, data, size=(800, 500))
    view.fit_to_view()
    assert view.zoom() == pytest.approx(FIT_MIN_ZOOM)
    start = view.flow_scene.starts["main"]
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(start.sceneBoundingRect())  # the flow's start, the rest by scrolling
    small = {"version": "1.0.0", "sections": {"main": [{"answer": {}}]}}
    session2, view2 = _make(qtbot, small, size=(800, 500))
    view2.fit_to_view()
    assert view2.zoom() == pytest.approx(1.0)
