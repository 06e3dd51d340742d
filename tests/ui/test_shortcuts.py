"""Every shortcut does one thing: no key on two actions, the usual redo keys both redo."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from designer.model.document import Step
from designer.ui import shortcuts
from designer.ui.commands import InsertStepCommand


@pytest.fixture
def window(window, qtbot):
    """The shared window (tests/ui/conftest.py), shown."""
    window.show()
    qtbot.waitExposed(window)
    return window


def _all_actions(window) -> list[QAction]:
    """Every action that can fire from the keyboard: the window's, the canvas's, the docks'."""
    found = {id(a): a for a in window.findChildren(QAction)}
    for widget in (window, window.canvas):
        for action in widget.actions():
            found[id(action)] = action
    return list(found.values())


def test_no_key_is_bound_to_two_actions(window):
    owners: dict[str, str] = {}
    clashes = []
    for action in _all_actions(window):
        label = action.objectName() or action.text()
        for key in action.shortcuts():
            text = key.toString()
            if text in owners and owners[text] != label:
                clashes.append(f"{text}: {owners[text]} and {label}")
            owners.setdefault(text, label)
        texts = [k.toString() for k in action.shortcuts()]
        assert len(texts) == len(set(texts)), f"{label} has a key twice: {texts}"
    assert not clashes
    assert len(owners) > 20  # the walk did see the menus


def test_the_walk_would_catch_a_duplicate(window):
    extra = QAction("Clash", window)
    extra.setShortcut(QKeySequence("Ctrl+S"))
    window.addAction(extra)
    owners = {}
    clashes = [k.toString() for a in _all_actions(window) for k in a.shortcuts()
               if owners.setdefault(k.toString(), id(a)) != id(a)]
    assert clashes == ["Ctrl+S"]


@pytest.mark.parametrize("keys", ["Ctrl+Shift+Z", "Ctrl+Y"])
def test_both_usual_redo_keys_redo(window, qtbot, keys):
    doc = window.session.doc
    steps = doc.sections[0].steps
    window.session.undo_stack.push(InsertStepCommand(doc, steps, 0, Step("answer", {})))
    window.session.undo_stack.undo()
    assert len(steps) == 0
    window.canvas.setFocus()
    sequence = QKeySequence(keys)
    combo = sequence[0]
    qtbot.keyClick(window.canvas, combo.key(), combo.keyboardModifiers())
    assert len(steps) == 1


def test_ctrl_d_duplicates_even_where_delete_also_claims_it(window, qtbot):
    assert shortcuts.keys_for("duplicate") == [QKeySequence("Ctrl+D")]
    assert QKeySequence("Ctrl+D") not in shortcuts.keys_for("delete")
    doc = window.session.doc
    steps = doc.sections[0].steps
    window.session.undo_stack.push(InsertStepCommand(doc, steps, 0, Step("answer", {})))
    window.session.select([steps[0].id])
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [s.method for s in steps] == ["answer", "answer"]


def test_every_named_action_has_the_keys_of_the_table(window):
    for name, action in window.actions_by_name.items():
        if name in shortcuts.TABLE:
            assert action.shortcuts() == shortcuts.keys_for(name), name
    assert window.actions_by_name["quit"].shortcuts()  # even without a desktop's standard keys
