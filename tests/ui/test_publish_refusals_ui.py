"""SignalWire's own refusal (422) of a publish, listed in Problems on the blocks it names, and gone
once the SWML it judged has changed (see designer/ui/session.py), against the stand-in space."""

from PySide6.QtCore import Qt

from designer.remote.refusals import REFUSED_CODE
from designer.ui.commands import SetPositionsCommand
from tests.remote_fixtures import address, memory_keyring, space  # noqa: F401
from tests.ui.test_publish_window import GOOD, add_hangup, answers, open_file, sign_in, window  # noqa: F401

PLYA = GOOD.replace("  - hangup: {}\n", "  - plya: {}\n")
VERSION_REFUSAL = {"type": "validation_error", "code": "invalid_parameter_value",
                   "message": "version 1.0.0 is not enabled for this space", "attribute": "contents.version",
                   "url": "https://signalwire.com/docs/apis/error-codes"}


def shown(window):
    """The Problems panel's rows that came from SignalWire."""
    panel = window.problems
    rows = [panel.problem_at(i) for i in range(panel.tree.topLevelItemCount())]
    return [(row, p) for row, p in enumerate(rows) if p.code == REFUSED_CODE]


def refuse(window, tmp_path, text=PLYA, where=None):
    sign_in(window, where)
    open_file(window, tmp_path, text)
    assert not window.remote.publish()


def test_a_refused_publish_lists_signalwires_message_on_its_block_and_counts_it(
        qtbot, window, tmp_path, address, answers):
    open_file(window, tmp_path, PLYA)
    assert not [p for p in window.session.problems if p.is_error]  # the designer only warns of "plya"
    refuse(window, tmp_path, where=address)
    bad = window.session.doc.sections[0].steps[2]
    (row, problem), = shown(window)
    assert problem.step_id == bad.id and problem.is_error
    assert problem.message == "SignalWire refused this: unknown SWML method 'plya'"
    item = window.problems.tree.topLevelItem(row)
    assert "SignalWire refused this" in item.text(0) and "main" in item.toolTip(0)
    assert window.docks["problems"].windowTitle().startswith("Problems — 1 error")
    assert " · 1 error · " in window.counts.text()
    window.show()
    qtbot.waitExposed(window)
    window.session.select([])
    assert not window.problems.tree.visualItemRect(item).isEmpty()
    qtbot.mouseClick(window.problems.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.problems.tree.visualItemRect(item).center())
    assert window.session.selection == [bad.id]


def test_signalwires_message_stays_while_the_swml_is_what_was_sent_and_goes_with_an_edit(
        window, tmp_path, address, answers):
    refuse(window, tmp_path, where=address)
    doc = window.session.doc
    bad = doc.sections[0].steps[2]
    window.session.undo_stack.push(SetPositionsCommand(doc, {bad.id: (400.0, 300.0)}))  # layout only
    window.validate_now()
    assert len(shown(window)) == 1
    add_hangup(window)
    assert shown(window) == [] and not [p for p in window.session.problems if p.is_error]
    assert window.docks["problems"].windowTitle() != "" and "error" not in window.docks["problems"].windowTitle()
    window.session.undo_stack.undo()  # back to the text sent: SignalWire has not judged it again
    assert shown(window) == []


def test_opening_another_file_drops_signalwires_message(window, tmp_path, address, answers):
    refuse(window, tmp_path, where=address)
    assert len(shown(window)) == 1
    open_file(window, tmp_path, PLYA, name="other.yaml")
    assert shown(window) == [] and window.session.remote_problems == []


def test_a_message_whose_path_names_no_block_lands_on_the_flow_and_a_retry_that_works_clears_it(
        window, tmp_path, space, address, answers):
    space.also_refuse = [VERSION_REFUSAL]
    refuse(window, tmp_path, GOOD, where=address)
    (row, problem), = shown(window)
    assert problem.step_id is None and problem.message.endswith("version 1.0.0 is not enabled for this space")
    assert window.problems.tree.topLevelItem(row).data(0, Qt.ItemDataRole.UserRole + 3) == "Flow"
    space.also_refuse = []  # the space's setting was changed: the same flow is taken now
    assert window.remote.publish()
    assert shown(window) == [] and space.scripts
