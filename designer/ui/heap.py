"""The cyclic garbage collector around big documents: paused while one is built, then frozen.

Why: a full collection walks every object alive, and a 5,000-step flow is some 400,000 of them
(parsed YAML, model, canvas items). Opening one triggered several full collections (a third of
opening) and, while editing afterwards, every so often a full collection (0.2 s or more at
5,000 steps, seconds at 20,000) landed inside a slider move. So the collector is paused while a
file is opened, and what survived is moved to the permanent generation (``gc.freeze``) so later
collections only walk what editing creates.

The price: cyclic garbage among frozen objects (a replaced document, a deleted block) is not
collected until unfrozen. After the document is replaced, :class:`HeapKeeper` therefore
unfreezes, collects once and freezes again when no edit came for a few seconds, so that one
full collection lands neither in the open nor in a burst of edits.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

from PySide6.QtCore import QObject, QTimer

#: How long without edits after a document was replaced until the old one is collected.
TIDY_DELAY_MS = 3000
#: After a document was replaced, what the views built for it once shown (the preview's text
#: and its index of positions...) is frozen too, this much later. Freezing costs nothing.
SETTLE_MS = 500


@contextmanager
def building() -> Iterator[None]:
    """Build a document without collector passes; freeze what is alive afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def tidy() -> None:
    """Collect what was frozen and has become garbage since (a replaced document), then
    freeze the survivors again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class HeapKeeper(QObject):
    """Schedules :func:`tidy` after the session's document was replaced, when something is
    frozen (the old document may be frozen garbage); each edit postpones it. Also freezes
    what the views built once the new document was shown: the preview's index of a 5,000-step
    text alone made each later full collection cost 0.1 s, inside edits."""

    def __init__(self, session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TIDY_DELAY_MS)
        self._timer.timeout.connect(self._tidy)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(gc.freeze)
        session.document_replaced.connect(self._on_replaced)
        session.document_changed.connect(self._on_edited)

    def _on_replaced(self, *_args) -> None:
        if gc.get_freeze_count():
            self._timer.start()
            self._settle.start()

    def _on_edited(self) -> None:
        if self._timer.isActive():
            self._timer.start()  # not in the middle of someone's edits

    def _tidy(self) -> None:
        tidy()
