"""File > Open from SignalWire: a searchable list of the space's SWML scripts and Call Flows."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from designer.remote.items import CALL_FLOW, RemoteScript

KIND_WORDS = {CALL_FLOW: "Call Flow (web builder)"}


def when(stamp: str) -> str:
    """``2026-11-26T10:00:03Z`` -> ``2026-11-26 11:00`` in the user's own time zone (as given
    when it is not an ISO time)."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


class OpenRemoteDialog(QDialog):
    """Pick one script or Call Flow; type to filter by name."""

    def __init__(self, items: list[RemoteScript], space: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Open from SignalWire — {space}")
        self.resize(640, 440)
        self.items = items
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search by name")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Name", "Kind", "Last change"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSortingEnabled(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for item in items:
            row = QTreeWidgetItem([item.name or "(no name)", KIND_WORDS.get(item.kind, "SWML script"),
                                   when(item.updated_at)])
            row.setData(0, Qt.ItemDataRole.UserRole, item)
            self.tree.addTopLevelItem(row)
        self.tree.sortItems(0, Qt.SortOrder.AscendingOrder)
        for column in (1, 2):  # room between the columns, so they do not read as one
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, self.tree.columnWidth(column) + 24)
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept())
        self.empty = QLabel("This space has no SWML scripts or Call Flows yet." if not items else "", self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        if items:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.search.setFocus()

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        first = None
        for i in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(i)
            hidden = not all(w in row.text(0).lower() for w in words)
            row.setHidden(hidden)
            if not hidden and first is None:
                first = row
        self.tree.setCurrentItem(first)
        self.empty.setText("" if first or not self.items else "Nothing matches; clear the search to see all.")

    def visible_names(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())
                if not self.tree.topLevelItem(i).isHidden()]

    def chosen(self) -> RemoteScript | None:
        row = self.tree.currentItem()
        return None if row is None or row.isHidden() else row.data(0, Qt.ItemDataRole.UserRole)
