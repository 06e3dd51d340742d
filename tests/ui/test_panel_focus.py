"""Keyboard users move between panels with F6 and edit the selected block with Enter."""

import pytest
from PySide6.QtCore import QSettings

from designer.model.catalog import load_catalog
from designer.model.document import Step
from designer.ui import panel_focus
from designer.ui.commands import InsertStepCommand
from designer.ui.main_window import MainWindow
from designer.ui.session import EditSession


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(EditSession(load_catalog()), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    w.files.interactive = False
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    doc = w.session.doc
    step = Step("record_call", {})
    w.session.undo_stack.push(InsertStepCommand(doc, doc.sections[0].steps, 0, step))
    w.session.select([step.id])
    w.canvas.setFocus()
    return w


def test_f6_walks_canvas_properties_preview_problems_blocks_and_back(window):
    names = [panel_focus.move(window, 1) for _ in range(4)]
    assert names == ["properties", "preview", "blocks", "canvas"]  # no problems: that list is skipped
    from designer.model.problems import ERROR, Problem
    window.session.problems = [Problem(ERROR, "Something is wrong", None)]
    window.session.problems_changed.emit(window.session.problems)
    names = [panel_focus.move(window, 1) for _ in range(5)]
    assert names == ["properties", "preview", "problems", "blocks", "canvas"]
    assert window.focusWidget() is window.canvas
    assert panel_focus.move(window, -1) == "blocks" and window.focusWidget() is window.palette_panel.search


def test_enter_on_the_canvas_goes_to_the_selected_blocks_first_field(window):
    window.actions_by_name["edit_block"].trigger()
    focus = window.focusWidget()
    assert focus is not None and window.inspector.form.isAncestorOf(focus)
    assert focus.accessibleName() == "Format"  # the first input, not the section header


def test_enter_with_nothing_selected_does_nothing(window):
    window.session.select([])
    assert not panel_focus.edit_selected(window)


def test_enter_in_the_block_search_picks_the_block_not_the_edit_key(window, qtbot):
    from PySide6.QtCore import Qt
    from designer.ui.interactions.next_block import add_block_by_search
    search = add_block_by_search(window.canvas)
    search.line.setText("hang up")
    qtbot.keyClick(search.line, Qt.Key.Key_Return)
    assert [s.method for s in window.session.doc.sections[0].steps] == ["record_call", "hangup"]


def test_enter_on_a_key_press_block_goes_to_the_words_to_say_not_the_kind_chooser(window):
    from PySide6.QtWidgets import QLineEdit
    doc = window.session.doc
    step = Step("prompt", {"play": "say:Press 1"})
    window.session.undo_stack.push(InsertStepCommand(doc, doc.sections[0].steps, 1, step))
    window.session.select([step.id])
    window.canvas.setFocus()
    assert panel_focus.edit_selected(window)
    assert isinstance(window.focusWidget(), QLineEdit)
