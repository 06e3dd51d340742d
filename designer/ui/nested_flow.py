"""Open a flow inside a block (an AI function's SWML, a connect's confirm steps) as its own flow.

The nested flow opens in a window of its own with the usual palette, canvas and settings panel,
on a session holding a copy of just that flow. "Back" stores the edited flow in the block with
one undoable change on the main flow ("Edit what “send_message” runs"); "Cancel" drops it. The
window is modal: while it is open the main flow cannot change, so the copy cannot go stale, and
the main flow's document stays the one source of truth once it closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from designer.model.document import Document, Step
from designer.model.nested_flows import NestedFlow, as_document, stored_change
from designer.model.titles import block_title
from designer.ui.canvas.view import FlowView
from designer.ui.commands import SetParamCommand
from designer.ui.inspector import Inspector
from designer.ui.palette import Palette
from designer.ui.problems_panel import ProblemsPanel
from designer.ui.session import EditSession


class NestedFlowWindow(QDialog):
    """The editor for one :class:`NestedFlow` of ``step`` in ``session`` (the main flow's)."""

    def __init__(self, session: EditSession, step: Step, flow: NestedFlow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main_session, self.step, self.flow = session, step, flow
        self.setModal(True)
        self.setWindowTitle(f"{flow.title} — {block_title(step.method)}")
        self.inner = EditSession(session.catalog, self)
        self.inner.replace_document(Document.from_data(as_document(step, flow), session.catalog.nesting))
        self.canvas = FlowView(self.inner, self)
        self.canvas.empty_hint = ("Drag a block from the Blocks list and drop it under \u201cmain\u201d: "
                                  "these steps run when the block needs them.")
        self.palette = Palette(session.catalog, self)
        self.inspector = Inspector(self.inner, self)
        self.palette.method_activated.connect(self.canvas.append_method)

        where = QLabel(f"<b>{block_title(step.method)}</b> › {flow.title}", self)
        where.setTextFormat(Qt.TextFormat.RichText)
        hint = QLabel("A flow inside a block: its own steps, run when the block needs them.", self)
        hint.setEnabled(False)
        self.back = QPushButton("Back to the main flow", self)
        self.back.setDefault(True)
        self.back.setToolTip("Keep these changes and return (one step to undo in the main flow)")
        self.back.clicked.connect(self.accept)
        cancel = QPushButton("Cancel", self)
        cancel.setToolTip("Return without keeping these changes")
        cancel.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(where)
        top.addWidget(hint, 1)
        top.addWidget(cancel)
        top.addWidget(self.back)

        self.problems = ProblemsPanel(self.inner, self)
        middle = QSplitter(Qt.Orientation.Vertical, self)
        middle.addWidget(self.canvas)
        middle.addWidget(self.problems)
        middle.setStretchFactor(0, 1)
        middle.setSizes([520, 130])
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.palette)
        split.addWidget(middle)
        split.addWidget(self.inspector)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 700, 330])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.inner.undo_stack.undo),
                           (QKeySequence.StandardKey.Redo, self.inner.undo_stack.redo)):
            QShortcut(keys, self, slot)
        self.resize(1280, 700)
        self.canvas.reset_zoom()

    def edited_document(self) -> dict:
        """The nested flow as it stands in this window (plain SWML)."""
        return self.inner.doc.to_data()

    def accept(self) -> None:
        """Store the edited flow in the block (one undo step), unless nothing changed."""
        self.apply()
        super().accept()

    def apply(self) -> bool:
        """Push the change on the main flow; returns whether anything changed."""
        change = stored_change(self.step, self.flow, self.edited_document())
        if change is None:
            return False
        path, value = change
        verb = "Edit" if self.flow.exists else "Add"
        text = f"{verb} {self.flow.title[0].lower()}{self.flow.title[1:]}"
        self.main_session.undo_stack.push(
            SetParamCommand(self.main_session.doc, self.step, path, value, text=text))
        return True


def open_nested_flow(session: EditSession, step: Step, flow: NestedFlow,
                     parent: QWidget | None = None) -> bool:
    """Show the editor for ``flow`` and wait; returns whether the block was changed."""
    window = NestedFlowWindow(session, step, flow, parent)
    before = session.undo_stack.index()
    window.exec()
    return session.undo_stack.index() != before
