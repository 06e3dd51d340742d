"""The one error for a script that cannot be read, shared by the loader and the input guard."""

from __future__ import annotations


class ParseError(Exception):
    """A script cannot be read: ``message`` in plain words, 1-based ``line``/``column``, ``path``."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 path: str | None = None) -> None:
        self.message, self.line, self.column, self.path = message, line, column, path
        where = ":".join(str(x) for x in (path, line, column) if x is not None)
        super().__init__(f"{where}: {message}" if where else message)
