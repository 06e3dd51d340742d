"""Fitting the window to the screen it opens on: first size, dock widths, a saved layout clamped.

Why: a fixed 1440x900 first size put the right and bottom of the window off a 1366x768 laptop
screen, and a layout saved on a large monitor came back larger than a small one. The window now
takes the screen's available area on first start (the part not covered by panels and task
bars), docks get widths in proportion to it, and whatever geometry was saved is shrunk and moved
until the whole window is on a screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QMainWindow, QStyle

from designer.model.titles import block_title, known_methods

#: On screens larger than this the first window is this big and centred, not edge to edge.
LARGEST_FIRST_SIZE = QSize(1680, 1050)


def fit_inside(rect: QRect, area: QRect) -> QRect:
    """``rect`` shrunk to fit ``area`` and moved (as little as possible) so it lies inside it."""
    width = min(rect.width(), area.width())
    height = min(rect.height(), area.height())
    left = min(max(rect.left(), area.left()), area.left() + area.width() - width)
    top = min(max(rect.top(), area.top()), area.top() + area.height() - height)
    return QRect(left, top, width, height)


def first_geometry(area: QRect) -> QRect:
    """Where a first-time window goes: all of ``area``, or a centred large window on big screens."""
    size = QSize(min(area.width(), LARGEST_FIRST_SIZE.width()),
                 min(area.height(), LARGEST_FIRST_SIZE.height()))
    top_left = QPoint(area.left() + (area.width() - size.width()) // 2,
                      area.top() + (area.height() - size.height()) // 2)
    return QRect(top_left, size)


def dock_widths(window_width: int) -> tuple[int, int]:
    """(blocks list, properties) widths for a window this wide; the canvas keeps the rest.

    Properties gets enough for its forms side by side where there is room; both shrink on small
    screens (Properties then puts labels above fields), never below what their content needs.
    """
    palette = max(220, min(300, round(window_width * 0.18)))
    inspector = max(300, min(440, round(window_width * 0.27)))
    return palette, inspector


def bottom_height(window_height: int) -> int:
    """Height of the preview and problems row for a window this tall."""
    return max(160, min(300, round(window_height * 0.28)))


def screen_for(window: QMainWindow) -> QScreen | None:
    """The screen the window is on (or will open on): under its centre, else the primary one."""
    screen = QGuiApplication.screenAt(window.frameGeometry().center())
    return screen or window.screen() or QGuiApplication.primaryScreen()


def frame_margins(window: QMainWindow) -> tuple[int, int]:
    """Extra width and height the window manager's frame adds (0 before the first show)."""
    frame, inner = window.frameGeometry(), window.geometry()
    return frame.width() - inner.width(), frame.height() - inner.height()


def place_first_time(window: QMainWindow) -> None:
    """Size and place a window that has no saved geometry to suit its screen."""
    screen = screen_for(window)
    if screen is None:
        return
    target = first_geometry(screen.availableGeometry())
    extra_w, extra_h = frame_margins(window)
    window.resize(max(640, target.width() - extra_w), max(480, target.height() - extra_h))
    window.move(target.topLeft())


def titles_width(window: QMainWindow) -> int:
    """Width the blocks list needs to show every block title whole (icon, margins, scroll bar):
    the titles of its catalog, or while the window is its frame (no list yet) of every method
    the designer has a title for, in the application's font (the list's own)."""
    palette = getattr(window, "palette_panel", None)
    font = QFont(palette.tree.font() if palette is not None else QGuiApplication.font())
    font.setWeight(QFont.Weight.DemiBold)
    metrics = QFontMetrics(font)
    methods = palette.catalog.methods if palette is not None else known_methods()
    widest = max((metrics.horizontalAdvance(block_title(m)) for m in methods), default=0)
    scroll_bar = (palette.tree.verticalScrollBar().sizeHint().width() if palette is not None
                  else QApplication.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent))
    # icon 20 and its gap 10, the row's margins 12, the dock's and list's frames 12, and 8 to
    # spare: docks are sized to a pixel or two less than asked.
    return widest + 20 + 10 + 12 + 12 + 8 + scroll_bar


def size_docks(window: QMainWindow, docks: dict) -> None:
    """Give the docks widths and heights in proportion to the window's current size; the blocks
    list gets what its titles need where the canvas keeps at least half of the window."""
    palette, inspector = dock_widths(window.width())
    palette = max(palette, min(titles_width(window), 340))
    inspector = max(300, min(inspector, window.width() - palette - window.width() // 2))
    window.resizeDocks([docks["palette"], docks["inspector"]], [palette, inspector], Qt.Orientation.Horizontal)
    window.resizeDocks([docks["preview"]], [bottom_height(window.height())], Qt.Orientation.Vertical)
    rest = max(200, window.width() - palette - inspector)
    window.resizeDocks([docks["preview"], docks["problems"]], [rest * 11 // 20, rest * 9 // 20],
                       Qt.Orientation.Horizontal)


def clamp_to_screen(window: QMainWindow) -> bool:
    """Shrink and move the window until all of it (frame included) is on its screen.

    Returns whether anything changed. A maximised or full-screen window is left alone.
    """
    if window.isMaximized() or window.isFullScreen():
        return False
    screen = screen_for(window)
    if screen is None:
        return False
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    fitted = fit_inside(frame, area)
    if fitted == frame:
        return False
    extra_w, extra_h = frame_margins(window)
    window.resize(fitted.width() - extra_w, fitted.height() - extra_h)
    window.move(fitted.topLeft())
    return True
