"""Zoomed far out, blocks and links are drawn in batches, with the same pixels as item by item."""

import pytest
from PySide6.QtCore import QPointF

from bench.flows import flow
from designer.ui.canvas import far_view
from designer.ui.canvas.block_item import BlockItem

from tests.ui.canvas_helpers import make_view


def _far(view, zoom=0.02):
    view.resetTransform()
    view.scale(zoom, zoom)
    view.centerOn(view.flow_scene.itemsBoundingRect().center())


def _pixels(view, batched: bool, monkeypatch):
    monkeypatch.setattr(far_view, "FAR_ZOOM", 0.15 if batched else 0.0)
    image = view.viewport().grab().toImage()
    assert view.far.on == batched
    return image


@pytest.fixture
def far(qtbot):
    session, view = make_view(qtbot, flow(300), size=(1200, 800))
    main = session.doc.sections[0].steps
    view.edits.split_before([main[len(main) - 3].id])  # a detached chain: faded tiles, dashed links
    _far(view)
    return session, view


def test_far_out_the_batches_paint_what_the_items_painted(far, monkeypatch):
    session, view = far
    session.select([session.doc.sections[0].steps[2].id])  # a selected tile too
    assert _pixels(view, True, monkeypatch) == _pixels(view, False, monkeypatch)


def test_edits_and_selection_far_out_are_repainted(far, monkeypatch, qtbot):
    session, view = far
    before = _pixels(view, True, monkeypatch)
    main = session.doc.sections[0].steps
    session.select([main[1].id])
    qtbot.wait(10)
    selected = _pixels(view, True, monkeypatch)
    assert selected != before and selected == _pixels(view, False, monkeypatch)
    view.delete_selection()
    assert _pixels(view, True, monkeypatch) == _pixels(view, False, monkeypatch)


def test_blocks_drawn_in_batches_are_still_hit_and_zooming_in_gives_them_back(far, monkeypatch):
    session, view = far
    _pixels(view, True, monkeypatch)
    item = view.block_item(session.doc.sections[0].steps[0].id)
    centre = item.mapToScene(item.card_rect().center())
    assert view.flow_scene.block_at(centre) is item
    view.reset_zoom()
    view.centerOn(centre)
    view.viewport().grab()
    assert not view.far.on
    assert not any(i.flags() & i.GraphicsItemFlag.ItemHasNoContents for i in view.flow_scene.items()
                   if isinstance(i, BlockItem))
