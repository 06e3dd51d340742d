"""Words as removable tags (``ai`` hints, ``prompt`` speech hints): type a word, press Enter.

Tags wrap onto as many lines as they need, so a long list never scrolls the panel sideways.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QLineEdit, QToolButton, QVBoxLayout, QWidget, QWidgetItem

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING
from designer.ui.inspector import icons
from designer.ui.inspector.base import FieldEditor, same_value


class FlowLayout(QLayout):
    """Left-to-right, wrapping (Qt's flow layout example, trimmed)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        size = QSize(0, 0)
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), rect.width())
            if x + width > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class TagsEditor(FieldEditor):
    """A list of words shown as tags; ✕ on a tag removes it, Enter in the box adds one."""

    def __init__(self, spec: FieldSpec | None, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.words: list[str] = []
        self.tags: list[QToolButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.holder = QWidget(self)
        self.flow = FlowLayout(self.holder)
        layout.addWidget(self.holder)
        self.entry = QLineEdit(self)
        self.entry.setPlaceholderText("Type a word, press Enter")
        self.entry.setMinimumWidth(60)
        self.entry.returnPressed.connect(self._enter)
        layout.addWidget(self.entry)

    def _enter(self) -> None:
        added = [w.strip() for w in self.entry.text().split(",") if w.strip()]
        self.entry.clear()
        if added:
            self.add_words(added)

    def add_words(self, words: list[str]) -> None:
        """Add tags (one undo step)."""
        self._show(self.words + words)
        self._emit_and_commit(self.value())

    def remove_word(self, index: int) -> None:
        words = list(self.words)
        del words[index]
        self._show(words)
        self._emit_and_commit(self.value())

    def _show(self, words: list[str]) -> None:
        self.words = list(words)
        while len(self.tags) > len(words):
            tag = self.tags.pop()
            self.flow.removeWidget(tag)
            tag.hide()
            tag.deleteLater()
        for i, word in enumerate(words):
            if i == len(self.tags):
                tag = QToolButton(self.holder)
                tag.setObjectName("tag")
                tag.setIcon(icons.icon("mdi6.close", tag))
                tag.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                tag.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
                tag.clicked.connect(lambda _c=False, t=tag: self.remove_word(self.tags.index(t)))
                self.flow.addWidget(tag)
                self.tags.append(tag)
            self.tags[i].setText(word)
            self.tags[i].setToolTip(f"Remove “{word}”")
        self.holder.setVisible(bool(words))
        self.holder.updateGeometry()

    def value(self) -> Any:
        return list(self.words) if self.words else MISSING

    def set_value(self, value: Any) -> None:
        words = [str(v) for v in value] if isinstance(value, list) else []
        if not same_value(words, self.words):
            self._show(words)

    def accepts(self, value: Any) -> bool:
        return value is MISSING or (isinstance(value, list) and all(isinstance(v, str) for v in value))

    def focus_widget(self) -> QWidget:
        return self.entry
