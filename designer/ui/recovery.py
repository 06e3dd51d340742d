"""Crash recovery: unsaved work is copied aside every few seconds and offered back after a crash.

While the flow has unsaved changes, a recovery file holds what Save would write (the same
spliced text, so a restored script keeps its original layout) plus the layout sidecar data
(positions, unconnected blocks) and the file it belongs to. Saving, discarding or closing
normally removes it. A file whose writer is gone (not refreshed for a while) is offered at the
next start; a running designer keeps its own file fresh, so two windows never take each
other's work.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from designer.model import layout, swml_io
from designer.model.document import Document
from designer.ui.session import EditSession

#: How often unsaved work is copied aside, in milliseconds.
INTERVAL_MS = 15_000
#: A recovery file not refreshed for this long belongs to a designer that is no longer running.
STALE_AFTER_S = 3 * INTERVAL_MS / 1000
FORMAT_VERSION = 1


def default_folder() -> Path:
    """``<app data>/recovery`` (e.g. ``~/.local/share/SignalWire/SWML Flow Designer/recovery``)."""
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
        self._written: str | None = None
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.write_now)
        self.timer.start()
        session.undo_stack.cleanChanged.connect(self._on_clean_changed)

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
        record = {"version": FORMAT_VERSION, "path": str(self.session.path) if self.session.path else None,
                  "format": fmt, "text": swml_io.dumps(doc, fmt), "sidecar": layout.sidecar_data(doc)}
        content = json.dumps(record, ensure_ascii=False)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if content != self._written:
                temp = self.file.with_suffix(".tmp")
                temp.write_text(content, encoding="utf-8")
                os.replace(temp, self.file)
                self._written = content
            else:
                os.utime(self.file)  # still alive: not offered to another window
        except OSError:
            pass  # recovery is best effort; it must never get in the way of editing

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
                if now - file.stat().st_mtime < STALE_AFTER_S:
                    continue  # another running window keeps this one fresh
                data = json.loads(file.read_text("utf-8"))
                found.append(Found(file, data.get("path"), data.get("format") or "yaml", data["text"],
                                   data.get("sidecar"), file.stat().st_mtime))
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return sorted(found, key=lambda f: -f.saved_at)

    def restore(self, found: Found) -> Document:
        """The document ``found`` held, with its layout; the recovery file is then removed."""
        doc = swml_io.loads(found.text, found.fmt, nesting=self.session.catalog.nesting)
        sidecar = found.sidecar or {}
        layout.apply_sidecar(doc, sidecar.get("positions") or {}, sidecar.get("detached") or [])
        forget(found)
        return doc


def forget(found: Found) -> None:
    """Delete a left-behind recovery file (the person chose not to restore it)."""
    try:
        found.file.unlink()
    except OSError:
        pass
