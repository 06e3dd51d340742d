"""The undo stack: Qt's semantics (merge, clean state, macros, actions) over plain Python commands."""

from designer.ui.undo import Command, UndoStack


class Append(Command):
    def __init__(self, log, value, merge_id=-1):
        super().__init__(f"add {value}")
        self.log, self.values, self.merge_id = log, [value], merge_id

    def id(self):
        return self.merge_id

    def mergeWith(self, other):
        self.values += other.values
        return True

    def redo(self):
        self.log.extend(self.values)

    def undo(self):
        del self.log[-len(self.values):]


def test_push_runs_and_undo_redo_walk_the_history(qapp):
    stack, log = UndoStack(), []
    stack.push(Append(log, 1))
    stack.push(Append(log, 2))
    stack.undo()
    assert log == [1] and stack.canRedo() and stack.redoText() == "add 2"
    stack.redo()
    assert log == [1, 2] and stack.index() == 2


def test_pushing_after_undo_drops_the_redo_branch(qapp):
    stack, log = UndoStack(), []
    stack.push(Append(log, 1))
    stack.undo()
    stack.push(Append(log, 3))
    assert stack.count() == 1 and not stack.canRedo() and log == [3]


def test_commands_with_the_same_id_merge_but_not_across_a_save(qapp):
    stack, log = UndoStack(), []
    stack.push(Append(log, 1, merge_id=7))
    stack.push(Append(log, 2, merge_id=7))
    assert stack.count() == 1
    stack.setClean()
    stack.push(Append(log, 3, merge_id=7))
    assert stack.count() == 2
    stack.undo()
    assert log == [1, 2] and stack.isClean()


def test_clean_state_signals_and_a_lost_clean_state(qapp, qtbot):
    stack, log = UndoStack(), []
    with qtbot.waitSignal(stack.cleanChanged) as changed:
        stack.push(Append(log, 1))
    assert changed.args == [False]
    stack.setClean()
    stack.undo()
    stack.push(Append(log, 2))  # the saved state can no longer be reached
    stack.undo()
    assert not stack.isClean()


def test_a_macro_is_one_undo_step(qapp):
    stack, log = UndoStack(), []
    stack.beginMacro("both")
    stack.push(Append(log, 1))
    stack.push(Append(log, 2))
    stack.endMacro()
    assert stack.count() == 1 and stack.undoText() == "both"
    stack.undo()
    assert log == []


def test_actions_follow_the_stack(qapp):
    stack, log = UndoStack(), []
    undo = stack.createUndoAction(None, "&Undo")
    redo = stack.createRedoAction(None, "&Redo")
    assert not undo.isEnabled() and undo.text() == "&Undo"
    stack.push(Append(log, 5))
    assert undo.isEnabled() and undo.text() == "&Undo add 5"
    undo.trigger()
    assert log == [] and redo.isEnabled() and redo.text() == "&Redo add 5"
