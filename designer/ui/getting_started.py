"""Help > Getting Started: a short page that walks a new user through a first flow.

It stays open beside the window (not modal), so the steps can be followed while doing them. The
steps are the README's first flow (record a message, then play it back), said once here in the
words the window itself uses: block titles as the palette shows them, panel labels as they read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

#: (title, what to do) for each step; plain HTML, no links out of the app.
STEPS: tuple[tuple[str, str], ...] = (
    ("Start a recording",
     "Drag <b>Record the call</b> from the Blocks list on the left and let go just under the green "
     "<b>main</b> node; a dashed outline shows where it will attach. In Properties on the right, "
     "tick <i>Play a beep before recording</i> and type <code>#</code> as the stop key."),
    ("Ask for a message",
     "Drag <b>Play a message</b> under the record block. In <i>What to play</i>, change the words to "
     "<code>Leave your message now</code>, then use <i>Add</i> to add a silence of 10 seconds."),
    ("Stop and play it back",
     "Add <b>Stop recording the call</b> under that, then another <b>Play a message</b>. Change "
     "the words to \"Playing back\", then pick <nobr><code>${record_call_url}</code></nobr> from "
     "the <i>Variable</i> menu: "
     "it is the recording you just made."),
    ("Check and save",
     "The SWML Preview at the bottom shows the script as you build it. When Problems says "
     "<i>none</i>, SignalWire will accept it. File &gt; Save writes it as YAML or JSON (pick the "
     "type in the save dialog); <i>Copy</i> puts it on the clipboard to paste into SignalWire."),
)

TIPS: tuple[str, ...] = (
    "Without a mouse: Ctrl+K finds a block and adds it after the selected one, the arrow keys "
    "walk the flow, Enter edits the selected block in Properties, F6 moves between the panels.",
    "Drag from a block's round port into empty space to pick the next block from a list.",
    "File &gt; New from Example opens this flow, a voicemail box and a phone menu ready to change.",
    "Every change can be undone: Ctrl+Z, and Ctrl+Y or Ctrl+Shift+Z to redo.",
)


def page_html() -> str:
    """The whole page as HTML (tests read it; the dialog shows it)."""
    steps = "".join(f"<li><p><b>{title}.</b> {text}</p></li>" for title, text in STEPS)
    tips = "".join(f"<li>{tip}</li>" for tip in TIPS)
    return (f"<h2>Your first flow: record a message and play it back</h2><ol>{steps}</ol>"
            f"<h3>Good to know</h3><ul>{tips}</ul>")


class GettingStarted(QDialog):
    """The getting-started page in a small window that stays open while the user works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("getting_started")
        self.setWindowTitle("Getting Started")
        self.setModal(False)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("Getting started steps")
        self.browser.setOpenLinks(False)
        self.browser.setHtml(page_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(520, 560)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
