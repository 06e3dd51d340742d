"""The editing session: one open document with its catalog, undo stack, problems and selection.

Canvas, inspector, preview and problems list all take the session and react to its signals; none
of them keeps a copy of the document state. The session re-validates after every document change
(only changed steps are re-checked by the validator) and announces the new problem list.
"""

from __future__ import annotations

from pathlib import Path

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
        # Validated before the views hear of the new document, so the canvas builds every
        # block with its problems and reachability at once: validated after, each block of a
        # 5,000-step flow was built twice (the second time to grey it or badge it).
        self.problems = self.validator.validate(self.doc)
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
        self.document_changed.emit()
        self._revalidate()

    def _revalidate(self) -> None:
        self.problems = self.validator.validate(self.doc)
        self.problems_changed.emit(self.problems)

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
