"""The publish review (what changes on SignalWire) and the "published" answer (where it runs).

The review lists added, removed and changed blocks in plain words above the text diff, and says
so loudly when the live script was changed by someone else since it was opened here.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from designer.remote.changes import ADDED, CHANGED, REMOVED
from designer.remote.items import RemoteScript
from designer.remote.publishing import Plan, where_to_assign

MARKS = {ADDED: ("+", "#2f9e44"), REMOVED: ("−", "#e03131"), CHANGED: ("~", "#d08700")}


class _DiffColours(QSyntaxHighlighter):
    """Green added lines, red removed lines, grey hunk headers."""

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        colour = None
        if text.startswith(("+++", "---", "@@")):
            colour = "#868e96"
        elif text.startswith("+"):
            colour = MARKS[ADDED][1]
        elif text.startswith("-"):
            colour = MARKS[REMOVED][1]
        if colour:
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(colour))
            self.setFormat(0, len(text), fmt)


class PublishDialog(QDialog):
    """Review before an update: Publish replaces the live script with the one in the designer."""

    def __init__(self, the_plan: Plan, space: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Publish “{the_plan.name}” to {space}")
        self.resize(820, 580)
        changes = the_plan.changes
        what = "Call Flow" if the_plan.is_call_flow else "SWML script"
        self.headline = QLabel(f"<b>{changes.headline()}</b> in the {what} “{the_plan.name}” on {space}.", self)
        self.headline.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        if the_plan.conflict:
            warning = QLabel("Someone changed this script on SignalWire since you opened it here. Publishing "
                             "replaces their changes with yours; the list below shows what theirs were "
                             "(as removed or changed).", self)
            warning.setWordWrap(True)
            warning.setObjectName("conflict_warning")
            warning.setStyleSheet("color: #e03131")
            layout.addWidget(warning)
        self.changes_list = QListWidget(self)
        self.changes_list.setWordWrap(True)  # a change is a sentence: read it whole, not scrolled
        self.changes_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for change in changes.items:
            mark, colour = MARKS[change.kind]
            item = QListWidgetItem(f"{mark}  {change.text}")
            item.setForeground(QColor(colour))
            item.setToolTip(change.text)
            self.changes_list.addItem(item)
        self.diff = QPlainTextEdit(changes.diff or "(the text is the same)", self)
        self.diff.setReadOnly(True)
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.diff.setFont(mono)
        self._colours = _DiffColours(self.diff.document())
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.changes_list)
        split.addWidget(self.diff)
        split.setSizes([130, 370])
        layout.addWidget(split, 1)
        self.buttons = QDialogButtonBox(self)
        self.publish_button = self.buttons.addButton(
            "Replace and publish" if the_plan.conflict else "Publish", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def change_texts(self) -> list[str]:
        return [self.changes_list.item(i).text() for i in range(self.changes_list.count())]


class PublishedDialog(QDialog):
    """After publishing: the request URL (copyable) and how to put the script on a phone number."""

    def __init__(self, result: RemoteScript, space: str, created: bool, addresses: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Published")
        self.setMinimumWidth(720)
        verb = "Created" if created else "Updated"
        what = "Call Flow" if result.kind == "call_flow" else "SWML script"
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{verb} the {what} “{result.name}” on {space}.</b>", self)
        title.setWordWrap(True)
        layout.addWidget(title)
        if result.request_url:
            layout.addWidget(QLabel("Request URL (SignalWire fetches the script from here):", self))
            row = QHBoxLayout()
            self.url = QLineEdit(result.request_url, self)
            self.url.setReadOnly(True)
            self.url.setCursorPosition(0)
            width = self.url.fontMetrics().horizontalAdvance(result.request_url) + 24
            self.url.setMinimumWidth(min(width, 900))  # the whole address, on any usual screen
            copy = QPushButton("Copy", self)
            copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(result.request_url))
            row.addWidget(self.url, 1)
            row.addWidget(copy)
            layout.addLayout(row)
        self.where = QLabel(where_to_assign(result), self)
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        if addresses:
            used = QLabel("Already answering: " + ", ".join(addresses), self)
            used.setWordWrap(True)
            layout.addWidget(used)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
