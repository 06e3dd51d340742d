"""The inspector panel: the selected block's settings, generated from the catalog.

It follows the session: selection picks the step, ``document_changed`` refreshes the rows in
place (or rebuilds the form when its shape changed: a key added, a case renamed...),
``problems_changed`` marks fields, and ``field_focus_requested`` scrolls to a field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QScrollArea, QStackedWidget, QVBoxLayout,
                               QWidget)

from designer.model.titles import block_title
from designer.model.document import Step
from designer.ui.inspector import icons

if TYPE_CHECKING:
    from designer.ui.inspector.form import StepForm

EMPTY_NONE = "Select a block to edit it"
#: Narrowest the panel gets; every form fits it (labels go above fields), so it never scrolls sideways.
MIN_WIDTH = 300
EMPTY_MANY = "{n} blocks are selected.\nSelect one block to edit it."

STYLE = """
QFrame#fieldFrame { border: 1px solid transparent; border-radius: 5px; }
QFrame#fieldFrame[problem="error"] { border: 1px solid #e5484d; }
QFrame#fieldFrame[problem="warning"] { border: 1px solid #d98e04; }
QLabel[role="problem"] { color: #e5484d; }
QLabel[role="warning-text"] { color: #d98e04; }
QLabel[role="warning"] { color: palette(text); background: rgba(245, 166, 35, 0.16);
                         border-radius: 6px; padding: 6px; }
QToolButton#sectionHeader { font-weight: 600; border: 1px solid transparent; padding: 4px 0; }
QToolButton#sectionHeader:focus { border: 1px solid palette(highlight); }
"""


class Inspector(QWidget):
    """Property panel for the single selected block (``Inspector(session)``)."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.form: StepForm | None = None
        self.setMinimumWidth(MIN_WIDTH)
        self.setStyleSheet(STYLE)
        self.stack = QStackedWidget(self)
        self.empty = QLabel(EMPTY_NONE, self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.stack.addWidget(self.empty)
        self.page = QWidget(self)
        page = QVBoxLayout(self.page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        page.addWidget(self._header())
        line = QFrame(self.page)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        page.addWidget(line)
        self.scroll = QScrollArea(self.page)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Never sideways: a sideways scroll jumps when a field takes focus and hides label starts.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page.addWidget(self.scroll, 1)
        self.stack.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        session.selection_changed.connect(self._selection_changed)
        session.document_changed.connect(self._document_changed)
        session.document_replaced.connect(self._show_selection)
        session.problems_changed.connect(self._problems_changed)
        session.field_focus_requested.connect(self.focus_field)
        self._show_selection()

    def _header(self) -> QWidget:
        header = QWidget(self.page)
        layout = QHBoxLayout(header)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(10)
        self.icon = QLabel(header)
        self.icon.setFixedSize(32, 32)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(1)
        self.title = QLabel(header)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.method_name = QLabel(header)
        self.method_name.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.method_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description = QLabel(header)
        self.description.setWordWrap(True)
        self.description.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        words.addWidget(self.title)
        words.addWidget(self.method_name)
        words.addWidget(self.description)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        return header

    # ----------------------------------------------------------------- session -> panel
    def current_step(self) -> Step | None:
        return self.form.step if self.form is not None else None

    def _selection_changed(self, _ids: list) -> None:
        self._show_selection()

    def _show_selection(self) -> None:
        step = self.session.selected_step()
        if step is None:
            n = len(self.session.selection)
            self.empty.setText(EMPTY_MANY.format(n=n) if n > 1 else EMPTY_NONE)
            self._drop_form()
            self.stack.setCurrentWidget(self.empty)
            return
        self._show_step(step)

    def _show_step(self, step: Step) -> None:
        spec = self.session.catalog.method(step.method)
        self.icon.setPixmap(icons.icon(spec.icon, self).pixmap(32, 32))
        self.title.setText(_title(step, spec))
        self.method_name.setText(step.method if step.form != "raw" else "")
        self.method_name.setVisible(bool(self.method_name.text()))
        self.description.setText(spec.summary_line)
        self.description.setToolTip(spec.description)
        scroll = self.scroll.verticalScrollBar().value() if self.current_step() is step else 0
        self._drop_form()
        # The forms and their editors (some twenty modules) load with the first block shown,
        # not with the window: the panel starts empty (start-up).
        from designer.ui.inspector.form import StepForm
        self.form = StepForm(self.session, step)
        self.scroll.setWidget(self.form)
        self.stack.setCurrentWidget(self.page)
        # The scroll area as context: the call is dropped if the panel is gone by then (a
        # nested-flow window closed right after a selection).
        QTimer.singleShot(0, self.scroll, lambda: self.scroll.verticalScrollBar().setValue(scroll))

    def _drop_form(self) -> None:
        if self.form is not None:
            self.form.close_run()
            old = self.scroll.takeWidget()
            if old is not None:  # keep a Qt parent: we may be inside one of its signals right now
                old.hide()
                old.setParent(self)
                old.deleteLater()
            self.form = None

    def _document_changed(self) -> None:
        step = self.session.selected_step()
        if step is None or self.form is None or step is not self.form.step:
            self._show_selection()
            return
        from designer.ui.inspector.form import form_shape
        if form_shape(step, self.form.spec) != self.form.shape or \
                self.session.catalog.method(step.method) is not self.form.spec:
            self._show_step(step)
        else:
            self.form.refresh()

    def _problems_changed(self, problems: list) -> None:
        if self.form is not None:
            self.form.set_problems([p for p in problems if p.step_id == self.form.step.id])

    def focus_field(self, step_id: str, path: tuple) -> None:
        """Scroll to and focus the field at ``path`` of the step ``step_id`` (if it is shown)."""
        if self.form is None or self.form.step.id != step_id:
            self._show_selection()
        if self.form is None or self.form.step.id != step_id:
            return
        row = self.form.focus_field(tuple(path))
        if row is not None:
            QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(row, 20, 40))
            self.scroll.ensureWidgetVisible(row, 20, 40)


def _title(step: Step, spec) -> str:
    """``record_call`` -> "Record the call" (see :func:`designer.model.titles.block_title`)."""
    if step.form == "raw":
        return "Not a method"
    if not step.method:
        return "Block"
    return block_title(step.method)  # the same title the block and the palette show
