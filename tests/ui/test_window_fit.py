"""The window fits the screen it opens on, and Properties never needs a sideways scroll."""

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication

from designer.model.catalog import load_catalog
from designer.model.document import Step
from designer.model.titles import block_title
from designer.ui import screen_fit
from designer.ui.commands import InsertStepCommand
from designer.ui.inspector.panel import MIN_WIDTH
from designer.ui.main_window import MainWindow
from designer.ui.palette import SUMMARY_ROLE
from designer.ui.session import EditSession


def _window(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(EditSession(load_catalog()), settings)
    w.files.interactive = False
    qtbot.addWidget(w)
    return w, settings


def test_fit_inside_shrinks_then_moves_onto_the_area():
    area = QRect(0, 0, 1366, 740)
    assert screen_fit.fit_inside(QRect(0, 0, 1440, 900), area) == QRect(0, 0, 1366, 740)
    assert screen_fit.fit_inside(QRect(1800, 900, 800, 600), area) == QRect(566, 140, 800, 600)
    assert screen_fit.fit_inside(QRect(-50, -20, 400, 300), area) == QRect(0, 0, 400, 300)
    inside = QRect(100, 100, 400, 300)
    assert screen_fit.fit_inside(inside, area) == inside


def test_first_start_takes_a_laptop_screen_and_a_centred_window_on_a_big_one():
    laptop = QRect(0, 28, 1366, 740)
    assert screen_fit.first_geometry(laptop) == laptop
    big = screen_fit.first_geometry(QRect(0, 0, 2560, 1440))
    assert big.size() == QSize(1680, 1050) and big.left() == 440 and big.top() == 195


def test_docks_leave_the_canvas_most_of_a_1366_wide_window():
    palette, inspector = screen_fit.dock_widths(1366)
    assert inspector >= MIN_WIDTH and palette >= 220
    assert 1366 - palette - inspector >= 700


def test_a_new_window_is_wholly_on_its_screen(qtbot, tmp_path):
    w, _settings = _window(qtbot, tmp_path)
    w.show()
    qtbot.waitExposed(w)
    area = w.screen().availableGeometry()
    assert area.contains(w.frameGeometry())


def test_a_layout_saved_on_a_bigger_screen_comes_back_on_this_one(qtbot, tmp_path):
    w, settings = _window(qtbot, tmp_path)
    area = QGuiApplication.primaryScreen().availableGeometry()
    w.resize(area.width() + 900, area.height() + 500)
    w.move(area.right() - 100, area.bottom() - 100)
    w.save_state()
    again, _ = _window(qtbot, tmp_path)
    again.show()
    qtbot.waitExposed(again)
    assert area.contains(again.frameGeometry())


def _methods(catalog):
    return [spec.name for specs in catalog.groups().values() for spec in specs]


def test_every_properties_form_fits_the_narrowest_panel_without_sideways_scrolling(qtbot, session):
    from designer.ui.inspector import Inspector
    panel = Inspector(session)
    qtbot.addWidget(panel)
    panel.resize(MIN_WIDTH, 700)
    panel.show()
    steps = session.doc.sections[0].steps
    too_wide = []
    for method in _methods(session.catalog):
        step = Step(method, {})
        session.undo_stack.push(InsertStepCommand(session.doc, steps, len(steps), step))
        session.select([step.id])
        panel.form.adjustSize()
        qtbot.wait(1)  # let the scroll area lay the new form out
        viewport = panel.scroll.viewport().width()
        if panel.form.minimumSizeHint().width() > viewport or panel.scroll.horizontalScrollBar().maximum() > 0:
            too_wide.append((method, panel.form.minimumSizeHint().width(), viewport))
    assert not too_wide
    assert panel.scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_check_box_label_wraps_and_clicking_it_ticks_the_box(qtbot, inspector, session):
    steps = session.doc.sections[0].steps
    step = Step("record_call", {})
    session.undo_stack.push(InsertStepCommand(session.doc, steps, 0, step))
    session.select([step.id])
    editor = inspector.form.binding_for(("beep",)).row.current_editor()
    assert editor.words.wordWrap() and editor.check.accessibleName() == editor.words.text()
    qtbot.mouseClick(editor.words, Qt.MouseButton.LeftButton)
    assert step.params.get("beep") is True


def test_every_palette_block_has_its_whole_description_in_a_tooltip(qtbot, session):
    from designer.ui.palette import Palette
    palette = Palette(session.catalog)
    qtbot.addWidget(palette)
    for method in _methods(session.catalog):
        item = palette.item_for(method)
        summary = item.data(0, SUMMARY_ROLE)
        assert summary and summary.split(".")[0][:40] in item.toolTip(0), method


def test_the_blocks_list_is_wide_enough_for_every_title_on_a_laptop_screen(qtbot, tmp_path):
    w, _ = _window(qtbot, tmp_path)
    w.keep_on_screen = False  # the test screen is smaller than a laptop's
    w.resize(1366, 740)
    screen_fit.size_docks(w, w.docks)
    w.show()
    qtbot.waitExposed(w)
    assert w.docks["palette"].width() >= screen_fit.titles_width(w) - 8  # the dock frame takes a few px
    assert w.canvas.width() >= 1366 // 2 - 60
    # Each title fits its row as the list paints it (icon 20, gap 10, margins 6 + 6), with the
    # scroll bar a laptop's list has: the width estimate once fell a pixel or two short and
    # "Label a point to go back to" lost its last letters.
    tree = w.palette_panel.tree
    bar = tree.verticalScrollBar()
    room = tree.viewport().width() - (0 if bar.isVisible() else bar.sizeHint().width()) - 12 - 30
    bold = QFont(tree.font())
    bold.setWeight(QFont.Weight.DemiBold)
    for method in _methods(w.session.catalog):
        assert QFontMetrics(bold).horizontalAdvance(block_title(method)) <= room, method
