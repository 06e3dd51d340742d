"""What a script file looked like when the designer last read or wrote it.

Saving over a file another program (or another window, or a sync client) changed since it was
opened would silently throw that work away, and saving over a file that was deleted brings it
back; both are asked about first. A :class:`DiskStamp` is taken after Open and after Save, and
:func:`change_since` compares the file with it: the content hash decides, so a file merely
touched (same bytes) is not reported.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

CHANGED = "changed"
DELETED = "deleted"


@dataclass(frozen=True)
class DiskStamp:
    """Size, modification time and content hash of a file at one moment."""

    size: int
    mtime_ns: int
    sha256: str


def _hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def stamp(path: str | os.PathLike) -> DiskStamp | None:
    """The stamp of ``path`` now, or ``None`` when it cannot be read."""
    try:
        info = os.stat(path)
        return DiskStamp(info.st_size, info.st_mtime_ns, _hash(Path(path)))
    except OSError:
        return None


def change_since(path: str | os.PathLike, before: DiskStamp | None) -> str | None:
    """:data:`CHANGED`, :data:`DELETED`, or ``None`` when ``path`` is as ``before`` recorded it."""
    if before is None:
        return None
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return DELETED
    except OSError:
        return None  # unreadable now: the write itself will report it
    if info.st_size == before.size and info.st_mtime_ns == before.mtime_ns:
        return None
    try:
        return None if _hash(Path(path)) == before.sha256 else CHANGED
    except OSError:
        return None
