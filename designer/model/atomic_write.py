"""Writing a file so that a failure leaves the old one whole, with the permissions it should have.

A temporary file in the same folder is written, flushed to disk and renamed over the target.
``mkstemp`` creates it readable by the owner only, so the mode is set before the rename: an
existing file keeps its own mode (a script shared 0644 stays 0644), a new file gets what the
person's umask gives any new file, and private files (recovery copies) are 0600.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: Mode of private files (recovery copies hold unsaved work: nobody else should read them).
PRIVATE = 0o600


def current_umask() -> int:
    """The process umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_text_atomic(path: str | os.PathLike, text: str, private: bool = False) -> None:
    """Write ``text`` (UTF-8, line endings as given) to ``path`` atomically.

    Raises ``OSError`` and leaves ``path`` as it was when anything fails.
    """
    path = Path(path)
    if private:
        mode = PRIVATE
    else:
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~current_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
