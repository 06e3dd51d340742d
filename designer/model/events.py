"""A tiny observer: the model announces changes without knowing who listens (no Qt here)."""

from __future__ import annotations

from typing import Any, Callable

Handler = Callable[..., Any]


class Event:
    """A list of callbacks called in order with the arguments given to :meth:`emit`.

    Mirrors the shape of a Qt signal (``connect``/``disconnect``/``emit``) so that the UI layer
    can forward events to Qt signals one-to-one, while the model stays importable without Qt.
    """

    def __init__(self, doc: str = "") -> None:
        self.__doc__ = doc
        self._handlers: list[Handler] = []

    def connect(self, handler: Handler) -> None:
        """Call ``handler`` on every later :meth:`emit`."""
        self._handlers.append(handler)

    def disconnect(self, handler: Handler) -> None:
        """Stop calling ``handler``; a handler that is not connected is ignored."""
        try:
            self._handlers.remove(handler)
        except ValueError:
            pass

    def emit(self, *args: Any) -> None:
        """Call every handler; a copy of the list is walked so handlers may disconnect."""
        for handler in list(self._handlers):
            handler(*args)
