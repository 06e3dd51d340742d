"""The "Flows inside" part of a block's panel: an "Open as flow" button per nested flow.

An AI function's SWML and a connect's confirm steps are method lists the canvas does not draw as
branches (:mod:`designer.model.nested_flows`); each opens as a flow of its own. Fitted panels can
call :func:`open_button` for one path; the generic form lists them all in one section.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget

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


#: Methods that can get a flow inside even when they have none yet (an AI function's SWML,
#: connect's confirm steps): their panel always has the section, kept current by refresh.
CAN_HOLD = ("ai", "ai_sidecar", "amazon_bedrock", "connect")


class NestedFlowsList(QWidget):
    """One row per nested flow: its title and an "Open as flow" / "Add steps…" button.

    Rebuilt in place when the flows change (a function added, its SWML created), so the panel
    never offers to add what exists, without rebuilding the whole form (and losing the focus of
    the field being typed in).
    """

    def __init__(self, session: Any, step: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.step = session, step
        self.buttons: list[QPushButton] = []
        self._key: tuple = ()
        self.rows = QFormLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.refresh()

    def refresh(self) -> None:
        flows = find_nested_flows(self.step)
        key = tuple((f.path, f.title, f.exists) for f in flows)
        if key == self._key and self.rows.rowCount():
            return
        self._key = key
        while self.rows.rowCount():
            self.rows.removeRow(0)  # deletes the old labels and buttons
        self.buttons = []
        if not flows:
            empty = QLabel("None yet: add a function without a web hook URL, then add the steps it runs here", self)
            empty.setEnabled(False)
            empty.setWordWrap(True)
            self.rows.addRow(empty)
        for flow in flows:
            title = QLabel(flow.title, self)
            title.setWordWrap(True)
            button = open_button(self.session, self.step, flow, self)
            self.rows.addRow(title, button)
            self.buttons.append(button)


def add_nested_flows(form: Any) -> NestedFlowsList | None:
    """Add a "Flows inside" section to a :class:`StepForm` when its step has or can get any."""
    flows = find_nested_flows(form.step)
    if not flows and form.step.method not in CAN_HOLD:
        return None
    step = form.step
    section = form.add_section("Flows inside", expanded=step.method != "connect" or any(f.exists for f in flows))
    _place_after_functions(form, section)
    listing = NestedFlowsList(form.session, form.step, section.body)
    section.add_row("", listing)
    form._refreshers.append(listing.refresh)
    return listing


def _place_after_functions(form: Any, section: Any) -> None:
    """Put an AI agent's flows right under its SWAIG functions, whose steps they are (at the
    end of a dozen folded sections nobody would look for them)."""
    anchor = next((b.section for b in form.bindings if tuple(b.path[:1]) == ("SWAIG",) and b.section), None)
    index = form.layout_.indexOf(anchor) if anchor is not None else -1
    if index >= 0:
        form.layout_.removeWidget(section)
        form.layout_.insertWidget(index + 1, section)
