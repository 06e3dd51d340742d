"""Requests wait in a worker thread: the window keeps painting, results and errors come back."""

import time

import pytest
from PySide6.QtCore import QTimer

from designer.ui.busy import wait_for


def test_the_window_keeps_running_while_a_slow_request_waits(qapp):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    assert wait_for(None, "Waiting…", lambda: time.sleep(0.3) or 42) == 42
    timer.stop()
    assert len(ticks) >= 5


def test_an_error_in_the_request_is_raised_where_it_was_asked_for(qapp):
    def fail():
        raise ValueError("no answer")
    with pytest.raises(ValueError, match="no answer"):
        wait_for(None, "Waiting…", fail)
