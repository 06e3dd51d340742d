"""Model events: handlers are called in order; the model does not keep its views alive."""

import gc
import weakref

from designer.model.events import Event


class View:
    def __init__(self, event, log):
        self.log = log
        event.connect(self.on_event)

    def on_event(self, value):
        self.log.append(value)


def test_handlers_run_in_connection_order_and_can_disconnect():
    event, log = Event(), []
    first = View(event, log)
    event.connect(lambda v: log.append(("lambda", v)))
    event.emit(1)
    event.disconnect(first.on_event)
    event.emit(2)
    assert log == [1, ("lambda", 1), ("lambda", 2)]


def test_a_subscribed_view_is_freed_without_the_cycle_collector():
    event, log = Event(), []
    view = View(event, log)
    ref = weakref.ref(view)
    gc.disable()
    try:
        del view
        assert ref() is None  # freed by reference counting, not left for a later gc pass
    finally:
        gc.enable()
    event.emit(3)
    assert log == []
