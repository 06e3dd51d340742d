"""The "Flows inside" part of a block's panel: an "Open as flow" button per nested flow.

An AI function's SWML and a connect's confirm steps are method lists the canvas does not draw as
branches (:mod:`designer.model.nested_flows`); each opens as a flow of its own. Fitted panels can
call :func:`open_button` for one path; the generic form lists them all in one section.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from designer.model.nested_flows import NestedFlow, find_nested_flows
from designer.ui.inspector import icons


def open_button(session: Any, step: Any, flow: NestedFlow, parent: QWidget | None = None) -> QPushButton:
    """A button that opens ``flow`` of ``step`` in its own window (:mod:`designer.ui.nested_flow`)."""
    text = "Open as flow" if flow.exists else "Add steps…"
    button = QPushButton(icons.icon("mdi6.sitemap-outline", parent), text, parent)
    button.setToolTip(f"{flow.title}: edit it as a flow of its own, then come back")

    def _open() -> None:
        from designer.ui.nested_flow import open_nested_flow  # the window imports the inspector
        open_nested_flow(session, step, flow, button.window())

    button.clicked.connect(_open)
    return button


def add_nested_flows(form: Any) -> list[QPushButton]:
    """Add a "Flows inside" section to a :class:`StepForm` when its step has any; returns the buttons."""
    flows = find_nested_flows(form.step)
    if not flows:
        return []
    section = form.add_section("Flows inside", expanded=any(f.exists for f in flows))
    buttons = []
    for flow in flows:
        button = open_button(form.session, form.step, flow, section.body)
        section.add_row(flow.title, button, flow.title)
        buttons.append(button)
    return buttons
