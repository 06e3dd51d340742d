"""A tiny observer: the model announces changes without knowing who listens (no Qt here)."""

from __future__ import annotations

import weakref
from typing import Any, Callable

Handler = Callable[..., Any]


class Event:
    """A list of callbacks called in order with the arguments given to :meth:`emit`.

    Mirrors the shape of a Qt signal (``connect``/``disconnect``/``emit``) so that the UI layer
    can forward events to Qt signals one-to-one, while the model stays importable without Qt.

    Bound methods are held weakly: the document must not keep its views alive. A view that
    subscribed (an edit session, a canvas scene) would otherwise sit in a reference cycle with
    the document and be freed by the cyclic garbage collector at an arbitrary moment; for a Qt
    object that owns an undo stack of Python commands, that crashes PySide. Plain functions and
    lambdas are held strongly (nothing else would keep them alive).
    """

    def __init__(self, doc: str = "") -> None:
        self.__doc__ = doc
        self._handlers: list[Callable[[], Handler | None]] = []

    def connect(self, handler: Handler) -> None:
        """Call ``handler`` on every later :meth:`emit` (until its object is gone)."""
        if hasattr(handler, "__self__") and hasattr(handler, "__func__"):
            self._handlers.append(weakref.WeakMethod(handler))
        else:
            self._handlers.append(lambda: handler)

    def disconnect(self, handler: Handler) -> None:
        """Stop calling ``handler``; a handler that is not connected is ignored."""
        for ref in self._handlers:
            if ref() == handler:
                self._handlers.remove(ref)
                return

    def emit(self, *args: Any) -> None:
        """Call every live handler; a copy of the list is walked so handlers may disconnect."""
        dead = False
        for ref in list(self._handlers):
            handler = ref()
            if handler is None:
                dead = True
            else:
                handler(*args)
        if dead:
            self._handlers = [ref for ref in self._handlers if ref() is not None]
