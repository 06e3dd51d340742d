"""The editing session: one open document with its catalog, undo stack, problems and selection.

Canvas, inspector, preview and problems list all take the session and react to its signals; none
of them keeps a copy of the document state. The session re-validates after every document change
(only changed steps are re-checked by the validator) and announces the new problem list.

The problem list has two inputs and one output: the validator's findings (re-derived after every
change) and SignalWire's verdict on the last refused publish (set by the publish action, see
:meth:`EditSession.set_remote_problems`). ``problems`` is always the two joined; nothing else
writes it. SignalWire's verdict was about the exact SWML that was sent, so it is kept only while
the document still exports exactly that: the first edit that changes the SWML drops it (an undo
back to the sent text does not bring it back), and so do another document and a successful
publish. Moving blocks, re-checking, saving or editing a block not connected to any section
change no SWML and keep it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from designer.ui.undo import UndoStack

from designer.model.catalog import Catalog
from designer.model.document import Document, Step
from designer.model.problems import Problem
from designer.model.validation import Validator


class EditSession(QObject):
    """The hub the views share.

    Signals:
        document_replaced(): a different document was loaded or created; views rebuild.
        document_changed(): the document changed (any edit, undo or redo); derived views refresh.
        problems_changed(list): the new list of :class:`Problem` after validation.
        selection_changed(list): ids of the selected steps (order of selection).
        field_focus_requested(str, tuple): the problems list asks the inspector to focus a field.
        path_changed(str): the file the document is saved in changed ("" for a new flow).
        message_posted(str): a view refused something and says why (shown in the status bar).
    """

    document_replaced = Signal()
    document_changed = Signal()
    problems_changed = Signal(list)
    selection_changed = Signal(list)
    field_focus_requested = Signal(str, tuple)
    path_changed = Signal(str)
    message_posted = Signal(str)

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.validator = Validator(catalog)
        self.undo_stack = UndoStack(self)
        self.doc = Document.new(catalog.nesting)
        self.path: Path | None = None
        self.problems: list[Problem] = []
        #: The validator's findings for the current document (one of the two inputs above).
        self.checked_problems: list[Problem] = []
        #: SignalWire's messages about the text last sent (the other input; usually empty).
        self.remote_problems: list[Problem] = []
        self._remote_sent: Any = None  # the SWML SignalWire judged
        self.selection: list[str] = []
        self._connect_doc()
        self._revalidate()

    # ----------------------------------------------------------------- document lifetime
    def replace_document(self, doc: Document, path: Path | None = None) -> None:
        """Show another document (New, Open): clears undo history and selection."""
        self.doc.changed.disconnect(self._on_doc_changed)
        self.doc = doc
        self.path = path
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.selection = []
        self._connect_doc()
        self.remote_problems = []  # SignalWire's verdict was about the other document
        # Validated before the views hear of the new document, so the canvas builds every
        # block with its problems and reachability at once: validated after, each block of a
        # 5,000-step flow was built twice (the second time to grey it or badge it).
        self.checked_problems = self.validator.validate(self.doc)
        self.problems = self._joined()
        self.document_replaced.emit()
        self.path_changed.emit(str(path) if path else "")
        self.selection_changed.emit([])
        self.problems_changed.emit(self.problems)

    def set_path(self, path: Path | None) -> None:
        """Record where the document now lives (after Save As)."""
        self.path = path
        self.path_changed.emit(str(path) if path else "")

    def set_catalog(self, catalog: Catalog) -> None:
        """Use another schema (preference): revalidate with it."""
        self.catalog = catalog
        self.validator = Validator(catalog)
        self._revalidate()

    def _connect_doc(self) -> None:
        self.doc.changed.connect(self._on_doc_changed)

    def _on_doc_changed(self) -> None:
        if self.remote_problems and self.doc.to_data() != self._remote_sent:
            self.remote_problems = []  # the SWML SignalWire judged is not the SWML any more
        self.document_changed.emit()
        self._revalidate()

    def _revalidate(self) -> None:
        self.checked_problems = self.validator.validate(self.doc)
        self.problems = self._joined()
        self.problems_changed.emit(self.problems)

    def _joined(self) -> list[Problem]:
        """What the views show: the validator's findings, then SignalWire's."""
        return self.checked_problems + self.remote_problems if self.remote_problems else self.checked_problems

    # ----------------------------------------------------------------- SignalWire's verdict
    def set_remote_problems(self, problems: list[Problem], sent: Any = None) -> None:
        """Show SignalWire's messages about ``sent`` (the SWML of a refused publish) beside the
        validator's findings, while the document still exports ``sent`` (see the module's note)."""
        self.remote_problems = list(problems)
        self._remote_sent = sent if problems else None
        self.problems = self._joined()
        self.problems_changed.emit(self.problems)

    def clear_remote_problems(self) -> None:
        """Forget SignalWire's last verdict (a publish went through); no signal when there was none."""
        if self.remote_problems:
            self.set_remote_problems([])

    # ----------------------------------------------------------------- selection
    def select(self, step_ids: list[str]) -> None:
        """Select these steps (canvas, problems list and inspector follow)."""
        if step_ids != self.selection:
            self.selection = list(step_ids)
            self.selection_changed.emit(self.selection)

    def selected_step(self) -> Step | None:
        """The single selected step, or ``None`` when zero or several are selected."""
        if len(self.selection) != 1:
            return None
        return self.doc.find_step(self.selection[0])

    def problems_for(self, step_id: str) -> list[Problem]:
        """The current problems of one step."""
        return [p for p in self.problems if p.step_id == step_id]

    def request_field_focus(self, step_id: str, field: tuple) -> None:
        """Select a step and ask the inspector to focus one of its fields."""
        self.select([step_id])
        self.field_focus_requested.emit(step_id, tuple(field))
