"""The live SWML preview: the document as YAML or JSON, read-only, with problem lines marked.

A projection of the session: it re-renders on every ``document_changed`` (coalesced with a
0-ms timer, so a burst of edits renders once, and :meth:`PreviewPanel.text` always flushes a
pending render so nobody ever reads a stale text) and re-marks lines on ``problems_changed``.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPainter, QPalette, QTextCursor, QTextFormat
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QLabel, QPlainTextEdit, QTextEdit,
                               QToolButton, QVBoxLayout, QWidget)

from designer.model import swml_io
from designer.model.splice_check import common_prefix, common_suffix
from designer.model.problems import Problem
from designer.ui.highlighter import LAZY_LINES, SwmlHighlighter
from designer.ui.icons import ERROR_COLOR, WARNING_COLOR, icon
from designer.ui.session import EditSession

FORMATS = ("yaml", "json")
#: How long editing must pause before deferred work runs (see ``swml_io.settle``).
SETTLE_MS = 400


def is_dark(_widget: QWidget | None = None) -> bool:
    """Whether the application palette has a dark background (read from the application, as a
    widget's own palette follows a scheme change only after its PaletteChange event)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


class _Gutter(QWidget):
    """Line numbers with a coloured dot on lines that hold a problem."""

    def __init__(self, editor: "CodeView") -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.editor.paint_gutter(event)


class CodeView(QPlainTextEdit):
    """A read-only monospace text with a gutter; ``marks`` maps 1-based lines to a colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 9.5))
        self.setFont(font)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        # Read-only, so never undone: with undo on, the document kept every replaced piece of
        # text and an undo record per inserted line (36,000 for a 5,000-step script, and a
        # whole text's worth more at each open).
        self.document().setUndoRedoEnabled(False)
        self.marks: dict[int, str] = {}
        #: The first line of the selected block (1-based), tinted in the selection colour.
        self.current: int | None = None
        self._gutter = _Gutter(self)
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._on_update_request)
        self._update_margin()
        #: Called before a change of more than ``LAZY_LINES`` lines (the highlighter's hook).
        self.before_big_change: Callable[[], None] | None = None

    def visible_lines(self) -> tuple[int, int]:
        """The first and last block numbers on screen."""
        first = self.firstVisibleBlock().blockNumber()
        rows = self.viewport().height() // max(1, self.fontMetrics().lineSpacing()) + 1
        return max(0, first), first + rows

    def gutter_width(self) -> int:
        digits = max(3, len(str(self.blockCount())))
        return 18 + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_margin(self, *_args) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def replace_text(self, old: str, new: str) -> None:
        """Show ``new`` in place of ``old`` by replacing only the lines that differ.

        An edit touches a few lines, so only those are re-laid-out and re-highlighted, and the
        scroll position stays where the reader left it.
        """
        head, old_end, new_end = changed_span(old, new)
        start = _utf16_len(old[:head])
        end = start + _utf16_len(old[head:old_end])
        middle = new[head:new_end]
        if self.before_big_change is not None and middle.count("\n") > LAZY_LINES:
            self.before_big_change()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(middle)
        cursor.endEditBlock()

    def set_marks(self, marks: dict[int, str]) -> None:
        """Mark lines (1-based) with a background tint and a gutter dot of the given colour."""
        self.marks = marks
        self._apply_selections()

    def set_current(self, line: int | None) -> None:
        """Tint the selected block's first line and scroll it into view (``None``: no block)."""
        self.current = line
        self._apply_selections()
        block = self.document().findBlockByNumber(line - 1) if line else None
        if block is not None and block.isValid():
            cursor = QTextCursor(block)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def _apply_selections(self) -> None:
        selections = []
        if self.current:
            block = self.document().findBlockByNumber(self.current - 1)
            if block.isValid():
                sel = QTextEdit.ExtraSelection()
                tint = QColor(self.palette().color(QPalette.ColorRole.Highlight))
                tint.setAlpha(40)
                sel.format.setBackground(tint)
                sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                sel.cursor = QTextCursor(block)
                selections.append(sel)
        alpha = 48 if is_dark(self) else 36
        for line, color in sorted(self.marks.items()):
            block = self.document().findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            sel = QTextEdit.ExtraSelection()
            tint = QColor(color)
            tint.setAlpha(alpha)
            sel.format.setBackground(tint)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.cursor = QTextCursor(block)
            selections.append(sel)
        self.setExtraSelections(selections)
        self._gutter.update()

    def paint_gutter(self, event) -> None:
        painter = QPainter(self._gutter)
        pal = self.palette()
        painter.fillRect(event.rect(), pal.color(QPalette.ColorRole.AlternateBase))
        dim = pal.color(QPalette.ColorRole.PlaceholderText)
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        width = self._gutter.width()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                color = self.marks.get(number + 1)
                if color:
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(color))
                    painter.drawEllipse(5, top + height // 2 - 3, 7, 7)
                painter.setPen(QColor(color) if color else dim)
                painter.drawText(0, top, width - 6, height, Qt.AlignmentFlag.AlignRight, str(number + 1))
            block = block.next()
            top = bottom
            number += 1


class PreviewPanel(QWidget):
    """The document as SWML text with a YAML | JSON switch and a copy button.

    Signals:
        format_changed(str): ``"yaml"`` or ``"json"`` after the switch changed.
    """

    format_changed = Signal(str)

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.fmt = "yaml"
        self._shown = ""  # exactly the text rendered (the widget's own text turns NBSP into spaces)
        self._pending = False
        self._located: tuple | None = None  # ((text, fmt), locate function) of the text shown
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._render)
        #: A pause in editing: the writer's deferred work runs then, not inside an edit.
        self._settle_timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle_timer.timeout.connect(self.settle_now)

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        group = QButtonGroup(self)
        for fmt in FORMATS:
            button = QToolButton(self, text=fmt.upper(), checkable=True, autoRaise=True)
            button.setToolTip(f"Show the flow as {fmt.upper()}")
            button.clicked.connect(lambda _=False, f=fmt: self.set_format(f))
            group.addButton(button)
            bar.addWidget(button)
            self.buttons[fmt] = button
        self.buttons["yaml"].setChecked(True)
        self.info = QLabel(self)
        self.info.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bar.addSpacing(8)
        bar.addWidget(self.info, 1)
        self.copy_button = QToolButton(self, text="Copy", autoRaise=True)
        self.copy_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.copy_button.setIcon(icon("mdi6.content-copy"))
        self.copy_button.setToolTip("Copy the SWML to the clipboard")
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        bar.addWidget(self.copy_button)

        self.editor = CodeView(self)
        self.highlighter = SwmlHighlighter(self.editor.document(), self.fmt, is_dark(self),
                                           visible=self.editor.visible_lines)
        self.editor.before_big_change = self.highlighter.colour_lazily
        self.editor.verticalScrollBar().valueChanged.connect(self.highlighter.show_visible)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.editor, 1)

        session.document_changed.connect(self.schedule)
        session.document_replaced.connect(self.schedule)
        session.problems_changed.connect(self._on_problems_changed)
        session.selection_changed.connect(self._show_selected)
        self._render()

    # ----------------------------------------------------------------- public API
    def text(self) -> str:
        """The text shown now, after any pending refresh."""
        if self._pending:
            self._render()
        return self._shown

    def settle_now(self) -> None:
        """Do now the work that waits for a pause in editing (``swml_io.settle``): the timer's
        job, callable directly by the benchmark and by tests that stand for a pause."""
        self._settle_timer.stop()
        swml_io.settle(self.session.doc)

    def set_format(self, fmt: str) -> None:
        """Show ``"yaml"`` or ``"json"``."""
        if fmt not in FORMATS:
            raise ValueError(f"unknown preview format {fmt!r}")
        self.buttons[fmt].setChecked(True)
        if fmt != self.fmt:
            self.fmt = fmt
            self.highlighter.set_format(fmt)
            self._render()
            self.format_changed.emit(fmt)

    def copy_to_clipboard(self) -> None:
        """Put the whole SWML text on the clipboard."""
        QGuiApplication.clipboard().setText(self.text())
        self.info.setText("Copied to the clipboard")
        QTimer.singleShot(2000, self._update_info)

    def schedule(self) -> None:
        """Render on the next event-loop turn (several changes in one turn render once)."""
        self._pending = True
        self._timer.start()

    def refresh_theme(self) -> None:
        """Re-colour after the light/dark scheme changed."""
        self.highlighter.set_dark(is_dark(self))
        self.copy_button.setIcon(icon("mdi6.content-copy"))
        self._mark_problems()

    # ----------------------------------------------------------------- rendering
    def _render(self) -> None:
        self._pending = False
        self._timer.stop()
        try:
            text = swml_io.dumps(self.session.doc, self.fmt)
        except Exception as exc:  # a preview must never take the window down
            text = f"# The preview cannot be shown: {exc}\n"
        text = text.removeprefix("\ufeff")  # shown without BOM or CRs
        if "\r" in text:  # a search, not a copy of a 3 MB text per edit
            text = text.replace("\r\n", "\n")
        if text != self._shown:
            # The final newline is not shown as an empty numbered line (it is kept for copying).
            self.editor.replace_text(self._shown.removesuffix("\n"), text.removesuffix("\n"))
            self._shown = text
            self._located = None  # the old text's positions (a whole parse, for a file just replaced)
        self._mark_problems()
        self._show_selected()
        self._settle_timer.start()

    def _on_problems_changed(self, _problems: list) -> None:
        self._mark_problems()

    def _mark_problems(self) -> None:
        if self._pending:
            return  # the coming render marks them against the new text
        marks: dict[int, str] = {}
        problems = sorted(self.session.problems, key=lambda p: not p.is_error)
        where = self._locator() if problems else None
        if where is not None:
            for problem in problems:
                line = _problem_line(where, problem)
                if line is not None and line not in marks:
                    marks[line] = ERROR_COLOR if problem.is_error else WARNING_COLOR
        self.editor.set_marks(marks)
        self._update_info()

    def _locator(self):
        """Where paths stand in the text shown; parsed once per text, shared by the problem marks
        and the selected block (both run after every edit)."""
        key = (self._shown, self.fmt)
        if self._located is None or self._located[0] != key:
            try:
                where = swml_io.locate(*key)
            except Exception:  # a preview that cannot be parsed just shows no marks
                where = None
            self._located = (key, where)
        return self._located[1]

    def _show_selected(self, *_args) -> None:
        """Follow the canvas: the selected block's line is tinted and scrolled into view."""
        if self._pending:
            return  # the coming render shows it against the new text
        step = self.session.selected_step()
        path = self.session.doc.data_path(step) if step is not None else None
        if path is not None and step.form == "method":
            path = path + (step.method,)  # the method's own line (JSON puts "{" on the line before)
        line = None
        where = self._locator() if path is not None else None
        if where is not None:
            try:
                found = where(path)
            except Exception:
                found = None
            line = found[0] if found else None
        if line != self.editor.current:
            self.editor.set_current(line)

    def _update_info(self) -> None:
        # The editor's document has counted the lines already (it shows the text without its
        # final line break); counting the text again cost 0.5 ms an edit at 20,000 steps.
        lines = self.editor.document().blockCount() if self._shown else 0
        marked = len(self.editor.marks)
        words = f"{lines} lines"
        if marked:
            words += f" · {marked} marked line{'s' if marked != 1 else ''}"
        self.info.setText(words)


def _problem_line(where, problem: Problem) -> int | None:
    """The 1-based line of a problem in the text, trying its full path, then shorter ones."""
    path = tuple(problem.data_path or ())
    if not path:
        return None
    try:
        found = where(path)
    except Exception:
        found = None
    return found[0] if found else None


def changed_span(old: str, new: str) -> tuple[int, int, int]:
    """``(head, old_end, new_end)``: ``old[head:old_end]`` became ``new[head:new_end]``, cut at
    line starts, the rest being equal. Found by bisecting on slice equality (compared in C), so
    a one-line change in a 40,000-line text costs microseconds, not a split of both texts."""
    head = old.rfind("\n", 0, common_prefix(old, new)) + 1  # back to the first differing line
    tail = common_suffix(old, new, head)
    if tail and old[len(old) - tail - 1:len(old) - tail] not in ("\n", ""):
        cut = old.find("\n", len(old) - tail) + 1  # forward to the start of a shared line
        tail = len(old) - cut if cut else 0
    return head, len(old) - tail, len(new) - tail


def _utf16_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2
