"""The problems list: what is wrong in the flow, errors first; a click goes to the field.

A projection of ``session.problems``. Each row shows a severity icon, the block (method and
section), the field and the message in plain words. Activating a row (click, Enter) selects the
block and asks the inspector to focus the field through ``session.request_field_focus``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QStackedWidget, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from designer.model.locations import SEPARATOR, field_words
from designer.model.problems import INFO, Problem
from designer.model.titles import block_title
from designer.ui.icons import ERROR_COLOR, WARNING_COLOR, icon
from designer.ui.session import EditSession

#: Notes on style (severity ``info``): blue, not the warning amber.
INFO_COLOR = "#3e8ed0"

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1
WHERE_ROLE = Qt.ItemDataRole.UserRole + 2
BLOCK_ROLE = Qt.ItemDataRole.UserRole + 3
FIELD_ROLE = Qt.ItemDataRole.UserRole + 4


def tally(problems: list[Problem]) -> tuple[int, int, int]:
    """``(errors, warnings, notes)`` among ``problems``: the one count the panel, the status bar
    and the messages all say (notes on style are not warnings)."""
    errors = sum(1 for p in problems if p.is_error)
    notes = sum(1 for p in problems if p.severity == INFO)
    return errors, len(problems) - errors - notes, notes


def count_words(errors: int, warnings: int, notes: int = 0) -> str:
    """``"2 errors, 1 warning"`` (``", 1 note"`` when there are notes on style), or ``"none"``."""
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    if notes:
        parts.append(f"{notes} note{'s' if notes != 1 else ''}")
    return ", ".join(parts) if parts else "none"


class _ProblemDelegate(QStyledItemDelegate):
    """A problem as its message (wrapped, full text) over a dim "block › field" line."""

    PAD = 6
    ICON = 16

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        width = view.viewport().width() if view is not None else option.rect.width()
        return max(80, width - self.ICON - 4 * self.PAD)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        metrics = option.fontMetrics
        message = index.data(Qt.ItemDataRole.DisplayRole) or ""
        bounds = metrics.boundingRect(QRect(0, 0, self._text_width(option), 10_000),
                                      int(Qt.TextFlag.TextWordWrap), message)
        return QSize(self._text_width(option), bounds.height() + metrics.height() + 3 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text, opt.icon = "", QIcon()
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        item_icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(item_icon, QIcon):
            item_icon.paint(painter, QRect(rect.left(), rect.top() + 1, self.ICON, self.ICON))
        text_rect = rect.adjusted(self.ICON + 2 * self.PAD, 0, 0, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        metrics = option.fontMetrics
        message = index.data(Qt.ItemDataRole.DisplayRole) or ""
        painter.save()
        painter.setPen(pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        bounds = painter.boundingRect(text_rect, int(Qt.TextFlag.TextWordWrap), message)
        painter.drawText(text_rect, int(Qt.TextFlag.TextWordWrap), message)
        painter.setPen(pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText))
        where = metrics.elidedText(index.data(WHERE_ROLE) or "", Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(QRect(text_rect.left(), bounds.bottom() + 3, text_rect.width(), metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, where)
        painter.restore()


class _ProblemTree(QTreeWidget):
    """Re-measures wrapped rows when its width changes."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()


NO_PROBLEMS = "No problems found. The flow is valid SWML."


class ProblemsPanel(QWidget):
    """The list of current problems.

    Signals:
        summary_changed(str): the dock title, e.g. ``"Problems — 2 errors, 1 warning"``.
    """

    summary_changed = Signal(str)

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tree = _ProblemTree(self)
        self.tree.setColumnCount(1)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(0)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(_ProblemDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setFrameShape(QTreeWidget.Shape.NoFrame)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)

        self.empty = QLabel(NO_PROBLEMS, self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)  # a narrow dock wraps the sentence instead of widening the window
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tree)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.summary = ""
        self._shown: list[Problem] = []  # what the rows show, in their order
        session.problems_changed.connect(self.show_problems)
        session.document_replaced.connect(self.refresh_theme)
        self.show_problems(session.problems)

    # ----------------------------------------------------------------- projection
    def show_problems(self, problems: list[Problem]) -> None:
        """Show ``problems``: errors first, then warnings, each group in validator order.

        Only the rows that differ from those shown are replaced (the unchanged run at the start
        and at the end is kept): most edits change no problem or one, and rebuilding every row
        cost 3 ms an edit with a hundred problems; the row a person selected stays selected."""
        ordered = sorted(problems, key=lambda p: 0 if p.is_error else 2 if p.severity == INFO else 1)
        shown = self._shown
        start = 0
        while start < len(shown) and start < len(ordered) and shown[start] == ordered[start]:
            start += 1
        end = 0  # rows kept at the end
        while end < len(shown) - start and end < len(ordered) - start and shown[-1 - end] == ordered[-1 - end]:
            end += 1
        for _ in range(len(shown) - start - end):
            self.tree.takeTopLevelItem(start)
        self.tree.insertTopLevelItems(start, [self._item(p) for p in ordered[start:len(ordered) - end]])
        for row in (*range(start), *range(len(ordered) - end, len(ordered))):
            self.tree.topLevelItem(row).setData(0, PROBLEM_ROLE, ordered[row])  # fixes are not compared
        self._shown = ordered
        self.empty.setText(NO_PROBLEMS)
        self.stack.setCurrentWidget(self.tree if ordered else self.empty)
        summary = f"Problems — {count_words(*tally(problems))}"
        if summary != self.summary:
            self.summary = summary
            self.summary_changed.emit(self.summary)

    def show_waiting(self, text: str) -> None:
        """Say ``text`` instead of the problems until the next ones arrive: a flow still being
        opened has not been checked, and "No problems found" would be a promise about nothing."""
        self.tree.clear()
        self._shown = []
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)
        self.summary = "Problems"
        self.summary_changed.emit(self.summary)

    def refresh_theme(self) -> None:
        """Show the session's problems again, every row anew (new document: the same words may
        name other blocks; light/dark scheme changed: icons are tinted again)."""
        self.tree.clear()
        self._shown = []
        self.show_problems(self.session.problems)

    def _item(self, problem: Problem) -> QTreeWidgetItem:
        block, field = self._where(problem)
        item = QTreeWidgetItem([problem.message])
        item.setData(0, BLOCK_ROLE, block)
        item.setData(0, FIELD_ROLE, field)
        item.setData(0, WHERE_ROLE, f"{block}{SEPARATOR}{field}" if field else block)
        kind = "Error" if problem.is_error else "Note" if problem.severity == INFO else "Warning"
        item.setIcon(0, icon("mdi6.close-circle" if problem.is_error else
                             "mdi6.information" if problem.severity == INFO else "mdi6.alert",
                             ERROR_COLOR if problem.is_error else INFO_COLOR if problem.severity == INFO
                             else WARNING_COLOR))
        item.setToolTip(0, f"{kind} in {item.data(0, WHERE_ROLE)}:\n{problem.message}")
        item.setData(0, PROBLEM_ROLE, problem)
        return item

    def _where(self, problem: Problem) -> tuple[str, str]:
        """Words for the block ("Record the call · main") and the field ("Parameters › Debug
        webhook level"), never a data path. Steps are found by the document's id index: a walk
        per refresh cost 20 ms at 5,000 steps."""
        doc = self.session.doc
        step = doc.find_step(problem.step_id) if problem.step_id else None
        if step is None:
            block = "Flow" if problem.step_id is None else "(removed block)"
        else:
            section = doc.section_of(step)
            title = block_title(step.method) if step.method else "Block"
            block = f"{title} · {section.name}" if section else f"{title} · not connected"
        field = ""
        if problem.field:
            field = SEPARATOR.join(field_words(self.session.catalog, step.method if step else "", problem.field))
        return block, field

    # ----------------------------------------------------------------- navigation
    def problem_at(self, row: int) -> Problem | None:
        """The problem shown in ``row`` (for tests and keyboard navigation)."""
        item = self.tree.topLevelItem(row)
        return item.data(0, PROBLEM_ROLE) if item is not None else None

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        problem: Problem | None = item.data(0, PROBLEM_ROLE)
        if problem is None:
            return
        if problem.step_id and self.session.doc.find_step(problem.step_id) is not None:
            self.session.request_field_focus(problem.step_id, tuple(problem.field))
