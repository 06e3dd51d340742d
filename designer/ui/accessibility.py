"""Names a screen reader can announce, and a visible mark on whatever has the keyboard focus.

Why: canvas blocks are drawn items, not widgets, so assistive technology saw one unnamed
"graphics view"; and many panel editors (a line edit beside a label, a slider with a number
box) had no name of their own. Here the canvas takes the selected block's words as its
accessible name and description each time the selection changes, editors take their field's
label, and the canvas draws a focus outline, so keyboard users see where they are.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit,
                               QPlainTextEdit, QWidget)

from designer.model.titles import block_title

CANVAS_NAME = "Flow canvas"
#: The canvas's focus outline: the theme's highlight colour, room kept so nothing jumps.
CANVAS_STYLE = ("QGraphicsView#canvas { border: 2px solid transparent; }"
                "QGraphicsView#canvas:focus { border: 2px solid palette(highlight); }")
_EDITABLE = (QLineEdit, QComboBox, QAbstractSlider, QAbstractSpinBox, QPlainTextEdit)


def name_editors(editor: QWidget, label: str, unit: str = "") -> None:
    """Give every unnamed input inside ``editor`` the field's ``label`` (and unit) as its name."""
    name = f"{label} ({unit})" if unit else label
    widgets = [editor, *editor.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, _EDITABLE) and not widget.accessibleName():
            widget.setAccessibleName(name)
        elif isinstance(widget, QAbstractButton) and not widget.accessibleName() and not widget.text():
            widget.setAccessibleName(name)


def block_words(session, step_id: str) -> str:
    """"Record the call (record_call), block 2 of 4 in main" for the block ``step_id``."""
    step = session.doc.find_step(step_id)
    if step is None:
        return ""
    title = block_title(step.method) if step.method else "Block"
    where = ""
    if step.parent is not None:
        index, count = step.parent.index(step) + 1, len(step.parent)
        section = session.doc.section_of(step)
        place = f"in {section.name}" if section is not None else "not linked into the flow"
        where = f", block {index} of {count} {place}"
    problems = [p for p in session.problems if p.step_id == step_id]
    errors = sum(1 for p in problems if p.is_error)
    trouble = ""
    if problems:
        trouble = f", {errors} error{'s' if errors != 1 else ''}" if errors else ""
        warnings = len(problems) - errors
        trouble += f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""
    return f"{title} ({step.method}){where}{trouble}"


class CanvasNarrator:
    """Keeps the canvas's accessible name on the selected block and draws its focus outline."""

    def __init__(self, view) -> None:
        self.view = view
        view.setObjectName("canvas")
        view.setStyleSheet(CANVAS_STYLE)
        view.setAccessibleDescription("Blocks of the call flow. Arrow keys walk from block to block, "
                                      "Ctrl+K adds a block, Delete removes the selected one.")
        view.session.selection_changed.connect(self.update)
        view.session.document_changed.connect(self.update)
        self.update()

    def update(self, *_args) -> None:
        ids = self.view.session.selection
        if len(ids) == 1:
            words = block_words(self.view.session, ids[0])
            name = f"{CANVAS_NAME}: {words}" if words else CANVAS_NAME
        elif ids:
            name = f"{CANVAS_NAME}: {len(ids)} blocks selected"
        else:
            name = f"{CANVAS_NAME}: no block selected"
        if name != self.view.accessibleName():
            self.view.setAccessibleName(name)
            if QAccessible.isActive():
                QAccessible.updateAccessibility(QAccessibleEvent(self.view, QAccessible.Event.NameChanged))
