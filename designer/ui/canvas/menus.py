"""Right-click menus on the canvas, and the section edits they offer (rename, delete).

Renaming a section also points every ``transfer``/``execute`` that named it at the new name, in
the same undo step: a person renaming "support" to "helpdesk" means the menu that sends callers
there to keep working. ``main`` can be neither renamed nor deleted: every call starts there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from PySide6.QtGui import QGuiApplication

from designer.model import sections
from designer.model.nested_flows import find_nested_flows
from designer.model.steps import walk_steps
from designer.ui.canvas.block_item import BlockItem
from designer.model.parse_error import ParseError
from designer.ui.canvas.edits import parse_clipboard
from designer.ui.canvas.start_item import StartItem
from designer.ui.commands import GroupCommand, RemoveSectionCommand, RenameSectionCommand, SetParamCommand

if TYPE_CHECKING:
    from designer.ui.canvas.view import FlowView

MAIN = "main"


class SectionPrompts:
    """The questions section edits ask; tests replace these methods with fixed answers."""

    def __init__(self, view: "FlowView") -> None:
        self.view = view

    def ask_name(self, title: str, current: str) -> str | None:
        name, ok = QInputDialog.getText(self.view, title, "Section name (letters, digits, _ and -):",
                                        text=current)
        return name.strip() if ok else None

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.view, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def tell(self, title: str, text: str) -> None:
        QMessageBox.information(self.view, title, text)


def rename_section(view: "FlowView", name: str) -> bool:
    """Ask for a new name and rename section ``name``, updating jumps to it; one undo step."""
    doc = view.session.doc
    section = doc.section(name)
    if section is None or name == MAIN:
        return False
    new = view.prompts.ask_name("Rename section", name)
    if new is None or new == name:
        return False
    # A name that cannot be used is asked again with the typed text kept, to correct it.
    while problem := sections.name_problem(doc, new, current=name):
        view.prompts.tell("Rename section", problem)
        again = view.prompts.ask_name("Rename section", new)
        if again is None or again == new or again == name:  # cancelled, unchanged, or back to the old name
            return False
        new = again
    children = [RenameSectionCommand(doc, section, new)]
    children += [SetParamCommand(doc, step, ("dest",), new) for step in sections.jumps_to(doc, name)]
    view.session.undo_stack.push(GroupCommand(f"Rename section {name} to {new}", children, doc))
    return True


def delete_section(view: "FlowView", name: str) -> bool:
    """Delete section ``name`` with its blocks, after asking when it holds any; one undo step."""
    doc = view.session.doc
    section = doc.section(name)
    if section is None or name == MAIN:
        return False
    count = sum(1 for _ in walk_steps(section.steps))
    jumps = len(sections.jumps_to(doc, name))
    if count or jumps:
        parts = [f"Delete the section \u201c{name}\u201d"]
        parts.append(f" and its {count} block{'s' if count != 1 else ''}?" if count else "?")
        if jumps:
            parts.append(f"\n\n{jumps} block{'s' if jumps != 1 else ''} still send{'s' if jumps == 1 else ''} "
                         "callers there; they will be reported as problems.")
        if not view.prompts.confirm("Delete section", "".join(parts)):
            return False
    view.session.undo_stack.push(RemoveSectionCommand(doc, section))
    return True


def _open_flow(view: "FlowView", step, flow) -> None:
    from designer.ui.nested_flow import open_nested_flow  # the window holds a canvas itself
    open_nested_flow(view.session, step, flow, view.window())


def context_menu(view: "FlowView", scene_pos: QPointF) -> QMenu:
    """The menu for what is under ``scene_pos``: a section start, a block, or empty canvas."""
    menu = QMenu(view)
    item = view.flow_scene.itemAt(scene_pos, view.transform())
    while item is not None and not isinstance(item, (BlockItem, StartItem)):
        item = item.parentItem()
    if isinstance(item, StartItem):
        name = item.section_name
        rename = menu.addAction("Rename section…", lambda: rename_section(view, name))
        delete = menu.addAction("Delete section", lambda: delete_section(view, name))
        if name == MAIN:
            for action in (rename, delete):
                action.setEnabled(False)
                action.setToolTip("Every call starts in main, so it keeps its name.")
            menu.setToolTipsVisible(True)
        return menu
    if isinstance(item, BlockItem):
        if item.step_id not in view.session.selection:
            view.session.select([item.step_id])
        step = view.flow_scene.steps.get(item.step_id)
        for flow in find_nested_flows(step) if step is not None else []:
            menu.addAction(f"Open as a flow: {flow.title}…" if flow.exists else f"Add steps: {flow.title}…",
                           lambda s=step, f=flow: _open_flow(view, s, f))
        if step is not None and find_nested_flows(step):
            menu.addSeparator()
        menu.addAction("Copy", view.copy_selection)
        menu.addAction("Duplicate", view.duplicate_selection)
        menu.addSeparator()
        menu.addAction("Delete", view.delete_selection)
        return menu
    paste = menu.addAction("Paste", view.paste)
    clipboard = QGuiApplication.clipboard().text()
    try:
        paste.setEnabled(bool(parse_clipboard(clipboard, view.session.catalog.methods)))
    except ParseError:
        paste.setEnabled(False)
    menu.addSeparator()
    menu.addAction("Auto layout", view.auto_layout)
    menu.addAction("Fit to view", view.fit_to_view)
    return menu
