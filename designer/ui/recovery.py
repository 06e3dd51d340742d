"""Crash recovery: unsaved work is copied aside right after each edit and offered back after a crash.

While the flow has unsaved changes, a recovery file holds what Save would write (the same
spliced text, so a restored script keeps its original layout) plus the layout sidecar data
(positions, unconnected blocks), the file it belongs to and the process that wrote it. It is
written a moment after every edit (and refreshed every few seconds), readable by the person
only. Saving, discarding or closing normally removes it. A copy whose writing process is gone
is offered at the next start, however soon, and from File > Recover; a running designer's
copy is never offered to another window.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from designer.model import layout, owner, swml_io
from designer.model.atomic_write import write_text_atomic
from designer.model.document import Document
from designer.ui.session import EditSession

#: How often unsaved work is copied aside even without edits, in milliseconds.
INTERVAL_MS = 15_000
#: How soon after an edit the copy is written, in milliseconds (edits in between are combined).
AFTER_EDIT_MS = 500
#: A copy without a process id (older designers) counts as left behind when this old.
STALE_AFTER_S = 3 * INTERVAL_MS / 1000
FORMAT_VERSION = 2


def default_folder() -> Path:
    """``<app data>/recovery`` (e.g. ``~/.local/share/SWML Flow Designer/SWML Flow Designer/recovery``)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".swml-designer") / "recovery"


@dataclass(frozen=True)
class Found:
    """Unsaved work left by a designer that stopped without saving."""

    file: Path
    path: str | None
    fmt: str
    text: str
    sidecar: dict | None
    saved_at: float
    #: How the script file looked when that designer opened or last saved it (see ``disk_state``):
    #: Save after restoring asks if the file changed since, as it would have before the crash.
    disk: dict | None = None

    @property
    def name(self) -> str:
        return Path(self.path).name if self.path else "an unsaved new flow"


class Recovery(QObject):
    """Keeps one recovery file for a session while it has unsaved changes."""

    def __init__(self, session: EditSession, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.folder = Path(folder) if folder is not None else default_folder()
        self.file = self.folder / f"{uuid.uuid4().hex}.json"
        #: Returns the file's :class:`~designer.model.disk_state.DiskStamp` (set by the window).
        self.disk_stamp: Callable[[], Any] = lambda: None
        self._written: str | None = None
        _LIVE.add(self.file.name)
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.write_now)
        self.timer.start()
        self.soon = QTimer(self, interval=AFTER_EDIT_MS, singleShot=True)
        self.soon.timeout.connect(self.write_now)
        session.undo_stack.cleanChanged.connect(self._on_clean_changed)
        session.document_changed.connect(self.soon.start)
        session.document_replaced.connect(self.soon.start)

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()

    def write_now(self) -> None:
        """Copy unsaved work aside (or refresh the copy's time); remove it when all is saved."""
        if self.session.undo_stack.isClean():
            self.discard()
            return
        doc = self.session.doc
        fmt = doc.source.fmt if getattr(doc.source, "fmt", None) else "yaml"
        try:
            text = swml_io.dumps(doc, fmt)
        except Exception:  # noqa: BLE001 - a copy of the data beats no copy at all
            text = swml_io.dumps(doc, "yaml") if fmt != "yaml" else json.dumps(doc.to_data(), default=str)
        record = {"version": FORMAT_VERSION, "path": str(self.session.path) if self.session.path else None,
                  "format": fmt, "text": text, "sidecar": layout.sidecar_data(doc),
                  "owner": {**owner.me(), "instance": self.file.name}}
        stamp = self.disk_stamp()
        if stamp is not None:
            record["disk"] = dataclasses.asdict(stamp)
        content = json.dumps(record, ensure_ascii=False, default=str)
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if content != self._written:
                write_text_atomic(self.file, content, private=True)
                self._written = content
            else:
                os.utime(self.file)
        except OSError:
            pass  # recovery is best effort; it must never get in the way of editing

    def abandon(self) -> None:
        """Stop copying and leave the copy behind, as a crash would (tests, and a failed start)."""
        self.timer.stop()
        self.soon.stop()
        _LIVE.discard(self.file.name)

    def discard(self) -> None:
        """Forget the copy (saved, discarded, or closed normally)."""
        self._written = None
        try:
            self.file.unlink()
        except OSError:
            pass

    def left_behind(self) -> list[Found]:
        """Unsaved work of designers that are no longer running, newest first."""
        found: list[Found] = []
        if not self.folder.is_dir():
            return found
        now = time.time()
        for file in self.folder.glob("*.json"):
            if file == self.file:
                continue
            try:
                data = json.loads(file.read_text("utf-8"))
                who = data.get("owner")
                if isinstance(who, dict):
                    if _running(who):
                        continue  # another running window's work
                elif now - file.stat().st_mtime < STALE_AFTER_S:
                    continue  # an older designer keeps this one fresh
                found.append(Found(file, data.get("path"), data.get("format") or "yaml", data["text"],
                                   data.get("sidecar"), file.stat().st_mtime, data.get("disk")))
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                continue
        return sorted(found, key=lambda f: -f.saved_at)

    def restore(self, found: Found) -> Document:
        """The document ``found`` held, with its layout; the recovery file is then removed."""
        doc = swml_io.loads(found.text, found.fmt, nesting=self.session.catalog.nesting)
        sidecar = found.sidecar or {}
        layout.apply_sidecar(doc, sidecar.get("positions") or {}, sidecar.get("detached") or [])
        forget(found)
        return doc


#: Recovery files of the windows alive in this process (two windows in one process must not
#: take each other's work; a window that stopped without saving leaves its copy to the others).
_LIVE: set[str] = set()


def _running(who: dict) -> bool:
    """Whether the window that wrote a copy (recorded as ``who``) is still editing."""
    if who.get("pid") == os.getpid() and who.get("started") == owner.start_token(os.getpid()):
        return who.get("instance") in _LIVE
    return owner.is_running(who.get("pid"), who.get("started"))


def forget(found: Found) -> None:
    """Delete a left-behind recovery file (the person chose not to restore it)."""
    try:
        found.file.unlink()
    except OSError:
        pass
