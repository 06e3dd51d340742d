"""The last-resort handler: an unforeseen error shows a dialog with copyable details, makes a
recovery copy and leaves the flow as it was."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication

from designer.model.document import Step
from designer.ui.commands import InsertStepCommand
from designer.ui.crash_guard import CrashGuard


@pytest.fixture
def window(window):
    """The shared window (tests/ui/conftest.py) with one unsaved block in it."""
    steps = window.session.doc.sections[0].steps
    window.session.undo_stack.push(InsertStepCommand(window.session.doc, steps, 0, Step("answer", {})))
    return window


def test_an_unexpected_error_keeps_the_flow_copies_it_aside_and_shows_details(window, monkeypatch):
    shown = []
    guard = CrashGuard(window, window.recovery.write_now, lambda: True)
    monkeypatch.setattr(guard, "show", shown.append)
    before = window.session.doc.to_data()
    try:
        raise ZeroDivisionError("boom in a slot")
    except ZeroDivisionError:
        guard.handle(*sys.exc_info())
    assert len(shown) == 1 and "ZeroDivisionError: boom in a slot" in shown[0] and "Traceback" in shown[0]
    assert window.session.doc.to_data() == before and not window.session.undo_stack.isClean()
    assert window.recovery.file.exists() and "answer" in window.recovery.file.read_text()


def test_the_dialog_has_the_details_and_a_copy_button(window):
    box = CrashGuard(window, lambda: None, lambda: True).dialog("Traceback: the details")
    assert "Your flow is still here" in box.text() and box.detailedText() == "Traceback: the details"
    next(b for b in box.buttons() if b.text() == "Copy Details").click()
    assert QApplication.clipboard().text() == "Traceback: the details"
    box.close()


def test_install_replaces_and_uninstall_restores_the_hook(window):
    previous = sys.excepthook
    guard = CrashGuard(window, lambda: None, lambda: False).install()
    try:
        assert sys.excepthook == guard.handle
    finally:
        guard.uninstall()
    assert sys.excepthook is previous
