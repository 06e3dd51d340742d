"""The palette lists the catalog's methods by group, filters by search, drags and activates."""

import pytest
from PySide6.QtCore import Qt

from designer.model.catalog import load_catalog
from designer.ui.palette import MIME_TYPE, Palette


@pytest.fixture
def palette(qtbot):
    widget = Palette(load_catalog())
    qtbot.addWidget(widget)
    return widget


def test_methods_are_grouped_with_recording_and_media_first(palette):
    groups = palette.groups()
    assert list(groups)[:2] == ["Recording", "Media"]
    assert groups["Recording"][:2] == ["record_call", "stop_record_call"]
    assert groups["Media"][0] == "play"


def test_items_show_a_one_line_description_and_an_icon(palette):
    item = palette.item_for("record_call")
    spec = load_catalog().method("record_call")
    assert item.data(0, Qt.ItemDataRole.UserRole + 2) == spec.summary_line
    assert not item.icon(0).isNull()


def test_search_filters_by_name_and_description(palette):
    palette.set_filter("stop rec")
    assert palette.groups() == {"Recording": ["stop_record_call"]}
    palette.set_filter("noise reduction")  # only in the descriptions of denoise/stop_denoise
    assert set(palette.groups().get("Media", [])) >= {"denoise"}
    assert "Recording" not in palette.groups()
    palette.set_filter("no such block at all")
    assert palette.groups() == {}
    palette.set_filter("")
    assert "play" in palette.groups()["Media"]


def test_double_click_emits_method_activated(palette, qtbot):
    item = palette.item_for("play")
    with qtbot.waitSignal(palette.method_activated) as blocker:
        palette.tree.itemActivated.emit(item, 0)
    assert blocker.args == ["play"]


def test_enter_in_search_activates_first_match(palette, qtbot):
    palette.search.setText("stop_record")
    with qtbot.waitSignal(palette.method_activated) as blocker:
        qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert blocker.args == ["stop_record_call"]


def test_group_headers_do_not_activate(palette, qtbot):
    with qtbot.assertNotEmitted(palette.method_activated):
        palette.tree.itemActivated.emit(palette.tree.topLevelItem(0), 0)


def test_drag_data_carries_the_method_name(palette):
    mime = palette.tree.mimeData([palette.item_for("record_call")])
    assert mime.hasFormat(MIME_TYPE)
    assert bytes(mime.data(MIME_TYPE)).decode("utf-8") == "record_call"


def test_enter_on_a_method_item_activates_it(palette, qtbot):
    palette.show()
    palette.tree.setCurrentItem(palette.item_for("stop_record_call"))
    palette.tree.setFocus()
    with qtbot.waitSignal(palette.method_activated) as blocker:
        qtbot.keyClick(palette.tree, Qt.Key.Key_Return)
    assert blocker.args == ["stop_record_call"]


def test_items_show_the_plain_title_and_keep_the_method_name(palette):
    item = palette.item_for("prompt")
    assert item.text(0) == "Ask for a key press"
    assert item.data(0, Qt.ItemDataRole.UserRole + 1) == "prompt"


@pytest.mark.parametrize("words, method", [
    ("menu", "prompt"), ("voicemail", "record"), ("forward", "connect"), ("key press", "prompt"),
    ("business hours", "cond"), ("play a message", "play"), ("record_call", "record_call"),
])
def test_search_finds_blocks_by_the_words_people_use(palette, words, method):
    palette.set_filter(words)
    assert method in [m for names in palette.groups().values() for m in names]
