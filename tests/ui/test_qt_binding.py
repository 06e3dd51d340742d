"""The Qt binding in use keeps Python's reference counts straight (PySide6 6.12.0 on CPython
3.11 did not: every void call dropped a reference to None until the process aborted)."""

import sys

from PySide6.QtWidgets import QGraphicsRectItem


def test_void_qt_calls_do_not_leak_references_to_none(qapp):
    item = QGraphicsRectItem(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for i in range(200):
        item.setPos(i, i)
    assert sys.getrefcount(None) - before > -50
