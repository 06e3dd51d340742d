"""The parts of the Try the Call panel that only show things: the transcript, the variables
now, and the call's own fields (from, to, type) for the next run."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLineEdit, QListWidget, QListWidgetItem, QToolButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from designer.model.simulator_events import END_ERROR, RunEnd, SimEvent
from designer.model.simulator_setup import CallSetup
from designer.ui.icons import icon


class Transcript(QListWidget):
    """One line per step run (what the caller hears, what happens), then how the call ended.

    Each line keeps its step id (``Qt.UserRole``) so a click can select the block.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sim_transcript")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self._ended = False

    def clear(self) -> None:  # noqa: D102 - QListWidget's, plus the end marker
        super().clear()
        self._ended = False

    def add_event(self, number: int, event: SimEvent) -> None:
        item = QListWidgetItem(f"{number}. {event.text}")
        item.setData(Qt.ItemDataRole.UserRole, event.step_id)
        item.setToolTip(f"{event.path}  ({event.method})\nClick to select this block.")
        item.setIcon(icon("mdi6.volume-high" if event.play else "mdi6.arrow-right-thin"))
        self.addItem(item)
        self.scrollToBottom()

    def add_end(self, end: RunEnd) -> None:
        """The closing line, once per run."""
        if self._ended:
            return
        self._ended = True
        lead = {"error": "Stopped by an error", "max_steps": "Stopped"}.get(end.reason, "Call over")
        text = f"{lead}." if end.reason == "hangup" else f"{lead}: {end.detail}"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, end.step_id)
        item.setIcon(icon("mdi6.alert-circle-outline" if end.reason == END_ERROR
                          else "mdi6.phone-hangup-outline"))
        if not end.normal:
            item.setForeground(QBrush(Qt.GlobalColor.red))
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        self.addItem(item)
        self.scrollToBottom()


class VariablesView(QTreeWidget):
    """The variables as they are now; the ones the last step set are in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sim_variables")
        self.setHeaderLabels(["Variable", "Value now"])
        self.setRootIsDecorated(False)
        self.setColumnWidth(0, 190)

    def show_values(self, values: dict[str, Any], fresh: set[str],
                    params: dict[str, Any] | None = None) -> None:
        """``values`` by name, then the ``params`` of the section running (``params.NAME``)."""
        self.clear()
        rows = sorted(values.items()) + [(f"params.{k}", v) for k, v in sorted((params or {}).items())]
        for name, value in rows:
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            row = QTreeWidgetItem([name, shown or "(empty)"])
            row.setToolTip(1, shown)
            if not shown:
                row.setForeground(1, QBrush(Qt.GlobalColor.gray))
            if name in fresh:
                for column in (0, 1):
                    font = row.font(column)
                    font.setBold(True)
                    row.setFont(column, font)
            self.addTopLevelItem(row)


class CallForm(QWidget):
    """The call's from, to and type, folded into one line until opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("sim_call_toggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.box = QWidget(self)
        form = QFormLayout(self.box)
        form.setContentsMargins(16, 0, 0, 0)
        self.call_from = QLineEdit(self.box)
        self.call_to = QLineEdit(self.box)
        self.call_type = QComboBox(self.box)
        self.call_type.addItems(["phone", "sip", "webrtc"])
        defaults = CallSetup().call_fields()
        self.call_from.setText(defaults["from"])
        self.call_to.setText(defaults["to"])
        form.addRow("From", self.call_from)
        form.addRow("To", self.call_to)
        form.addRow("Type", self.call_type)
        self.box.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle)
        layout.addWidget(self.box)
        self.toggle.toggled.connect(self._show_fields)
        for edit in (self.call_from, self.call_to):
            edit.textChanged.connect(self._name_call)
        self.call_type.currentTextChanged.connect(self._name_call)
        self._name_call()

    def fields(self) -> dict[str, str]:
        """The call fields the user set (the others keep their defaults)."""
        return {"from": self.call_from.text().strip(), "to": self.call_to.text().strip(),
                "type": self.call_type.currentText()}

    def _show_fields(self, shown: bool) -> None:
        self.box.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _name_call(self, *_args: Any) -> None:
        self.toggle.setText(f"Call from {self.call_from.text().strip() or '?'} to "
                            f"{self.call_to.text().strip() or '?'} ({self.call_type.currentText()})"
                            " \u2014 change for the next run")
