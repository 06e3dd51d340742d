"""A small search box for picking a block, opened on the canvas where the next block should go.

Why: dragging a link from a port into empty space is how people in node editors ask "what comes
next?"; here it opens this box at that point and the chosen block is added and connected. The
same box answers Flow > Add Block (Ctrl+K) for keyboard users. It only emits the method chosen;
whoever opened it makes the edit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QVBoxLayout, QWidget)

from designer.model.catalog import Catalog
from designer.model.titles import block_title, matches
from designer.ui.icons import icon

METHOD_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2


class BlockSearch(QFrame):
    """A popup list of the catalog's blocks, filtered as you type; Enter or a click picks one.

    Signals:
        chosen(str): the method picked.
        dismissed(): closed without a choice (Esc, a click elsewhere).
    """

    chosen = Signal(str)
    dismissed = Signal()

    def __init__(self, catalog: Catalog, title: str, parent: QWidget | None = None,
                 places: list[str] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("block_search")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Find a block to add")
        self._picked = False
        self.title = QLabel(title, self)
        self.title.setWordWrap(True)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText("Type to find a block…")
        self.line.setAccessibleName("Block name or purpose")
        self.where = QComboBox(self)  # only when the block can go to more than one place
        self.where.setAccessibleName("Where the block goes")
        self.where.addItems(places or [])
        self.where.setVisible(len(places or []) > 1)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Blocks")
        self.list.setMinimumHeight(220)
        for specs in catalog.groups().values():
            for spec in specs:
                item = QListWidgetItem(icon(spec.icon), f"{block_title(spec.name)}  ({spec.name})")
                item.setData(METHOD_ROLE, spec.name)
                item.setData(SUMMARY_ROLE, spec.summary_line or spec.title)
                item.setToolTip(spec.summary_line or spec.title)
                self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.where)
        layout.addWidget(self.line)
        layout.addWidget(self.list, 1)
        self.resize(360, 320)
        self.line.textChanged.connect(self.set_filter)
        self.line.returnPressed.connect(self._pick_current)
        self.list.itemActivated.connect(self._pick)
        self.list.itemClicked.connect(self._pick)
        self.line.installEventFilter(self)
        self.where.installEventFilter(self)
        # Type a name, Tab to say where it goes (arrows), Enter: the search line comes first.
        QWidget.setTabOrder(self.line, self.where)
        QWidget.setTabOrder(self.where, self.list)
        self.set_filter("")

    # ----------------------------------------------------------------- filtering
    def set_filter(self, text: str) -> None:
        """Show blocks whose name or description holds every word typed; select the first."""
        words = text.lower().split()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            summary = (item.data(SUMMARY_ROLE) or "").lower()
            hidden = not (matches(item.data(METHOD_ROLE), text) or all(w in summary for w in words))
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        self.list.setCurrentItem(first)

    def place_index(self) -> int:
        """Which of the offered places was chosen (0: the first, the usual one)."""
        return max(0, self.where.currentIndex())

    def visible_methods(self) -> list[str]:
        return [self.list.item(r).data(METHOD_ROLE) for r in range(self.list.count())
                if not self.list.item(r).isHidden()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Up/Down in the search line move through the list, as in any search-as-you-type box."""
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) \
                    and not event.modifiers() & Qt.KeyboardModifier.AltModifier:
                QApplication.sendEvent(self.list, QKeyEvent(event.type(), key, event.modifiers()))
                return True
        if watched is self.where and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._pick_current()  # Enter on the place chooser adds the block found
            return True
        return super().eventFilter(watched, event)

    # ----------------------------------------------------------------- picking
    def open_at(self, global_pos: QPoint) -> None:
        """Show with its top-left at ``global_pos`` (kept on the screen) and the search focused."""
        screen = self.screen().availableGeometry() if self.screen() else None
        pos = QPoint(global_pos)
        if screen is not None:
            pos.setX(max(screen.left(), min(pos.x(), screen.right() - self.width())))
            pos.setY(max(screen.top(), min(pos.y(), screen.bottom() - self.height())))
        self.move(pos)
        self.show()
        self.line.setFocus()

    def choose(self, method: str) -> None:
        """Pick ``method`` (what a click or Enter does; tests call it)."""
        self._picked = True
        self.hide()
        self.chosen.emit(method)

    def _pick(self, item: QListWidgetItem) -> None:
        self.choose(item.data(METHOD_ROLE))

    def _pick_current(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.isHidden():
            self._pick(item)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        if not self._picked:
            self._picked = True
            self.dismissed.emit()
        self.deleteLater()
