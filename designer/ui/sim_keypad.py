"""The caller's side of a simulated call: a phone keypad and a box for what the caller says.

Keys pressed gather in a small display (a caller may press ``123#``); they are sent as one
input when the caller presses ``#``, clicks Send, or, while a prompt waits, as soon as it
has the number of keys it asks for. Words typed in the speech box are sent as speech.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")


class Keypad(QWidget):
    """Emits ``input_given(text)`` with keys (``"2"``, ``"123#"``) or ``"speech:WORDS"``."""

    input_given = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: While a prompt waits: how many keys it takes before the input is sent by itself.
        self.wanted_keys = 0
        self.keys = QLineEdit(self)
        self.keys.setObjectName("sim_keys")
        self.keys.setReadOnly(True)
        self.keys.setPlaceholderText("Keys pressed")
        self.keys.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.send = QPushButton("Send keys", self)
        self.send.setObjectName("sim_send_keys")
        self.send.setToolTip("Send the keys pressed so far as the caller's answer")
        self.send.clicked.connect(self.send_keys)
        self.clear = QPushButton("\u232b", self)
        self.clear.setToolTip("Clear the keys pressed")
        self.clear.setFixedWidth(32)
        self.clear.clicked.connect(self.keys.clear)
        grid = QGridLayout()
        grid.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(KEYS):
            button = QPushButton(key, self)
            button.setObjectName(f"sim_key_{'star' if key == '*' else 'hash' if key == '#' else key}")
            button.setFixedSize(44, 28)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, k=key: self.press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        self.speech = QLineEdit(self)
        self.speech.setObjectName("sim_speech")
        self.speech.setPlaceholderText("What the caller says")
        self.speech.setToolTip("Type what the caller says and press Enter (for prompts that "
                               "listen for speech)")
        self.speech.returnPressed.connect(self.send_speech)
        keys_row = QHBoxLayout()
        keys_row.setSpacing(4)
        keys_row.addWidget(self.keys, 1)
        keys_row.addWidget(self.clear)
        side = QVBoxLayout()
        side.setSpacing(4)
        side.addLayout(keys_row)
        side.addWidget(self.send)
        side.addSpacing(6)
        side.addWidget(self.speech)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(grid)
        layout.addLayout(side, 1)

    def press(self, key: str) -> None:
        """One key pressed on the phone."""
        self.keys.setText(self.keys.text() + key)
        if key == "#" or (self.wanted_keys and len(self.keys.text()) >= self.wanted_keys):
            self.send_keys()

    def send_keys(self) -> None:
        keys = self.keys.text()
        if keys:
            self.keys.clear()
            self.input_given.emit(keys)

    def send_speech(self) -> None:
        words = self.speech.text().strip()
        if words:
            self.speech.clear()
            self.input_given.emit(f"speech:{words}")
