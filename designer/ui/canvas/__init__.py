"""The node canvas: a projection of the flow document as blocks, start nodes and edges."""

import sys


def _keep_none_alive() -> None:
    """Work around PySide6 wheels that return ``None`` from void methods without a new reference.

    On CPython < 3.12 (where ``None`` is not immortal) every void Qt call made from Python
    (``update()``, ``setPos()``, ``prepareGeometryChange()``...) then drops one reference to
    ``None``; a canvas makes thousands of them, and the process aborts with "deallocating None".
    Giving ``None`` a huge reference count makes it effectively immortal, as it is on 3.12+.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    import ctypes

    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < 1 << 40:
        count.value += 1 << 40


_keep_none_alive()
