"""Every branch slot of every method the schema nests, created by a "+" port and by the panel.

The slots come from the schema's nesting rules (see ``tests/model/test_branch_slots_schema.py``
for the seeding): nothing here names a method or a path.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QPushButton

from designer.model.branches import open_slots
from designer.model.document import Document
from designer.ui.inspector.branches import BranchesEditor
from designer.ui.inspector.cond import ConditionsEditor
from designer.ui.inspector.special import CasesEditor
from tests.model.test_branch_slots_schema import (CATALOG, add_until_reached, all_rules, lists_at, reaching,
                                                  seed)
from tests.ui.canvas_helpers import make_view
from tests.ui.test_canvas_drop import drop

RULES = all_rules()
IDS = [f"{m}:{'.'.join(map(str, p))}" for m, p in RULES]


def _data(method, pattern):
    return {"version": "1.0.0", "sections": {"main": [{method: seed(method, pattern)}], "other": []}}


@pytest.mark.parametrize("method, pattern", RULES, ids=IDS)
def test_every_slot_is_created_by_dropping_a_block_on_its_plus_port(qtbot, method, pattern):
    session, view = make_view(qtbot, _data(method, pattern))
    step = session.doc.sections[0].steps[0]

    def add(slot):
        j = list(open_slots(step, CATALOG.nesting(method))).index(slot)
        item = view.block_item(step.id)
        port = item.port_pos(("slot", step.id, j))
        view.centerOn(port)
        before = session.undo_stack.count()
        drop(view, port + QPointF(20, 8), "hangup")
        assert session.undo_stack.count() == before + 1  # one undo step

    slot = add_until_reached(step, pattern, add)
    before = len(lists_at(step, pattern))
    add(slot)
    made = lists_at(step, pattern)
    assert len(made) == before + 1
    assert any([s.method for s in lst] == ["hangup"] for lst in made)
    session.undo_stack.undo()
    assert len(lists_at(step, pattern)) == before


def _panel_add(inspector, step, slot):
    """Click whatever the panel shows for ``slot``: an "Add branch" button, a case editor's
    "Add case", or a conditions editor's "Add condition"/"Add otherwise"."""
    form = inspector.form
    if slot.kind in ("condition", "otherwise"):
        editor = next(e for e in form.findChildren(ConditionsEditor) if e.path == slot.path[:-2])
        (editor.add_button if slot.kind == "condition" else editor.else_button).click()
        return
    for editor in form.findChildren(BranchesEditor):
        if slot.label[2:] in editor.add_buttons and editor.add_buttons[slot.label[2:]].isVisibleTo(form):
            editor.add_buttons[slot.label[2:]].click()
            return
    cases = next(e for e in form.findChildren(CasesEditor) if e.map_path == slot.path[:-1])
    next(b for b in cases.findChildren(QPushButton) if b.text() == "Add case").click()


@pytest.mark.parametrize("method, pattern", RULES, ids=IDS)
def test_every_slot_is_created_from_the_panel(session, inspector, method, pattern):
    session.replace_document(Document.from_data(_data(method, pattern), CATALOG.nesting))
    step = session.doc.sections[0].steps[0]
    session.select([step.id])

    def add(slot):
        before = session.undo_stack.count()
        _panel_add(inspector, step, slot)
        assert session.undo_stack.count() == before + 1  # one undo step

    slot = add_until_reached(step, pattern, add)
    before = len(lists_at(step, pattern))
    add(slot)
    assert len(lists_at(step, pattern)) == before + 1
    assert reaching(step, pattern) != slot
