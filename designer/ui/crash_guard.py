"""The last resort: an error nobody foresaw becomes a dialog, never a lost flow.

Qt calls ``sys.excepthook`` for an exception raised in a slot or event handler and then carries
on; by default Python only prints it to a terminal the person does not see, so the action just
silently did nothing. :class:`CrashGuard` instead copies the unsaved work aside at once (the
recovery copy), and shows what happened in plain words with the technical details below, ready
to copy into a bug report. The document is left as it was: the person can save and go on.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType
from typing import Callable

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

TITLE = "Something went wrong"
TEXT = ("The designer ran into a problem it did not expect, and the last action may not have "
        "finished. Your flow is still here and a recovery copy was just made.\n\n"
        "Save your work now (Save As keeps the original file untouched). The details below "
        "help us fix it: use Copy Details and send them with your bug report.")


class CrashGuard:
    """Replaces ``sys.excepthook`` while a window runs; :meth:`uninstall` puts the old one back."""

    def __init__(self, window: QWidget, save_copy: Callable[[], None], interactive: Callable[[], bool]) -> None:
        self.window = window
        self.save_copy = save_copy
        self.interactive = interactive
        self.previous = sys.excepthook
        self.last_details: str | None = None
        self._busy = False

    def install(self) -> "CrashGuard":
        sys.excepthook = self.handle
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self.previous

    def handle(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        """Keep the work, then tell the person; never raises (an error here would loop)."""
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        self.last_details = details
        print(details, file=sys.stderr)
        if self._busy:
            return  # an error while showing the dialog: printed, not shown twice
        self._busy = True
        try:
            try:
                self.save_copy()
            except Exception as exc:  # noqa: BLE001 - the dialog matters more than the copy
                details += f"\n(The recovery copy could not be made either: {exc})\n"
            if self.interactive():
                self.show(details)
        finally:
            self._busy = False

    def show(self, details: str) -> None:
        """Show :meth:`dialog` and wait until the person closes it."""
        self.dialog(details).exec()

    def dialog(self, details: str) -> QMessageBox:
        """Plain words, with the details in a box that can be selected, and a Copy Details button."""
        box = QMessageBox(QMessageBox.Icon.Critical, TITLE, TEXT, QMessageBox.StandardButton.Ok, self.window)
        box.setDetailedText(details)
        copy = box.addButton("Copy Details", QMessageBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        return box
