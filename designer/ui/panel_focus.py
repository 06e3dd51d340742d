"""Moving the keyboard focus between the window's panels: F6 / Shift+F6, and Enter on a block.

Why: Tab walks the widgets in the order they were made, so from the canvas it went to the block
search, and reaching a field of the selected block took a long walk (trying the first flow with
the keyboard only). F6 is the usual key to go to the next pane; Enter on the canvas opens the
selected block's first field in Properties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractSlider, QAbstractSpinBox, QCheckBox, QComboBox, QLineEdit,
                               QPlainTextEdit, QRadioButton, QWidget)

if TYPE_CHECKING:
    from designer.ui.main_window import MainWindow


_INPUTS = (QLineEdit, QComboBox, QCheckBox, QRadioButton, QAbstractSlider, QAbstractSpinBox, QPlainTextEdit)


def first_field(widget: QWidget) -> QWidget | None:
    """The first input inside ``widget`` that takes the keyboard focus with Tab (a text, a
    choice, a check box: not a section header or a small tool button), else any such widget."""
    takers = [c for c in widget.findChildren(QWidget)
              if (c.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus
              and c.isVisibleTo(widget) and c.isEnabled()]
    inputs = [c for c in takers if isinstance(c, _INPUTS)]
    return (inputs or takers or [None])[0]


def panels(window: "MainWindow") -> list[tuple[str, QWidget]]:
    """The panels in F6 order, each with the widget that should take the focus there."""
    out: list[tuple[str, QWidget]] = [("canvas", window.canvas)]
    inspector = window.inspector
    if window.docks["inspector"].isVisible():
        field = form_field(inspector.form) if inspector.form is not None else None
        out.append(("properties", field or inspector))
    if window.docks["preview"].isVisible():
        out.append(("preview", getattr(window.preview, "editor", None) or window.preview))
    if window.docks["problems"].isVisible() and window.problems.tree.isVisibleTo(window.problems):
        out.append(("problems", window.problems.tree))  # skipped while there are none
    if window.docks["palette"].isVisible():
        out.append(("blocks", window.palette_panel.search))
    return out


def _current(window: "MainWindow", order: list[tuple[str, QWidget]]) -> int:
    focus = window.focusWidget()
    containers = {"canvas": window.canvas, "properties": window.inspector, "preview": window.preview,
                  "problems": window.problems, "blocks": window.palette_panel}
    for i, (name, _target) in enumerate(order):
        box = containers[name]
        if focus is not None and (focus is box or box.isAncestorOf(focus)):
            return i
    return -1


def move(window: "MainWindow", step: int = 1) -> str:
    """Focus the next (``step`` 1) or previous (-1) panel; returns its name."""
    order = panels(window)
    index = (_current(window, order) + step) % len(order)
    name, target = order[index]
    target.setFocus(Qt.FocusReason.TabFocusReason)
    return name


def form_field(form) -> QWidget | None:
    """The first field of a Properties form, as its editor wants to be focused (the text of a
    "Text or List" field, not its kind chooser), else the first input found."""
    for binding in getattr(form, "bindings", ()):
        widget = binding.row.current_editor().focus_widget()
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:  # a container (a list's first item)
            widget = first_field(widget) or widget
        if widget.isVisibleTo(form) and widget.isEnabled() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            return widget
    return first_field(form)


def edit_selected(window: "MainWindow") -> bool:
    """Enter on the canvas: the selected block's first field in Properties takes the focus."""
    form = window.inspector.form
    field = form_field(form) if form is not None else None
    if field is None:
        return False
    window.docks["inspector"].show()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    return True
