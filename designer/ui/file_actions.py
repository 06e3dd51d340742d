"""File handling for the main window: New, Open, Open Recent, Save, Save As, Export.

Every question to the user goes through one small method (:meth:`FileActions.ask_unsaved`,
:meth:`ask_open_path`, :meth:`ask_save_path`, :meth:`show_message`) so tests can answer it by
monkeypatching, and the ``--screenshot`` mode never blocks on a dialog.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from designer.model import disk_state, examples, swml_io
from designer.model.atomic_write import write_text_atomic
from designer.model.document import Document
from designer.ui import heap, save_dialog
from designer.ui.session import EditSession

from designer.model import layout

MAX_RECENT = 10
RECENT_KEY = "files/recent"
LAST_DIR_KEY = "files/last_dir"
OPEN_FILTER = "SWML scripts (*.yaml *.yml *.json);;SWML YAML (*.yaml *.yml);;SWML JSON (*.json);;All files (*)"
SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"


class FileActions(QObject):
    """Open and save the session's document, and keep the recent-files list in ``settings``.

    Signals:
        recent_changed(list): the recent files (newest first) after the list changed.
        opened(str): a file was opened into the session (its path).
    """

    recent_changed = Signal(list)
    opened = Signal(str)
    #: (path) after the flow was written to a file (Save, Save As or Export).
    saved = Signal(str)

    def __init__(self, window: QWidget, session: EditSession, settings: QSettings,
                 after_open: Callable[[], None] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.settings = settings
        #: Called after a document was shown (the window fits the canvas to it).
        self.after_open = after_open or (lambda: None)
        #: ``False`` in ``--screenshot`` mode: messages go to stderr and nothing is asked.
        self.interactive = True
        self.last_message: tuple[str, str] | None = None
        self.heap = heap.HeapKeeper(session, self)

    # ----------------------------------------------------------------- questions (monkeypatchable)
    def ask_unsaved(self) -> str:
        """Ask what to do with unsaved changes: :data:`SAVE`, :data:`DISCARD` or :data:`CANCEL`."""
        if not self.interactive:
            return DISCARD
        box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                          f"Save the changes to “{self.display_name()}” first?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.window)
        box.setInformativeText("Your changes are lost if you don't save them.")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: SAVE,
                QMessageBox.StandardButton.Discard: DISCARD}.get(QMessageBox.StandardButton(answer), CANCEL)

    def ask_open_path(self) -> str | None:
        """The file to open, or ``None`` when the user cancelled."""
        path, _ = QFileDialog.getOpenFileName(self.window, "Open SWML script", self._last_dir(), OPEN_FILTER)
        return path or None

    def ask_save_path(self, title: str, fmt: str | None = None) -> str | None:
        """Where to save (``fmt`` preselects a format), or ``None`` when the user cancelled."""
        name = Path(self.session.path).stem if self.session.path else "flow"
        ext = fmt or (swml_io.detect_format("", self.session.path) if self.session.path else "yaml")
        return save_dialog.ask(self.window, title, self._last_dir(), name, ext)

    def show_message(self, title: str, text: str, error: bool = True) -> None:
        """Tell the user something (an error by default)."""
        self.last_message = (title, text)
        if not self.interactive:
            print(f"{title}: {text}", file=sys.stderr)
            return
        box = QMessageBox.critical if error else QMessageBox.information
        box(self.window, title, text)

    # ----------------------------------------------------------------- state
    def display_name(self) -> str:
        """The file name shown in the title bar (``Untitled`` for a new flow)."""
        return Path(self.session.path).name if self.session.path else "Untitled"

    def is_modified(self) -> bool:
        return not self.session.undo_stack.isClean()

    def maybe_save(self) -> bool:
        """Before closing or replacing the document: ``True`` when it is fine to go on."""
        if not self.is_modified():
            return True
        answer = self.ask_unsaved()
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    # ----------------------------------------------------------------- new / open
    def new_file(self) -> bool:
        """Start an empty flow (after asking about unsaved changes)."""
        if not self.maybe_save():
            return False
        doc = Document.new(self.session.catalog.nesting)
        self._lay_out(doc, None)
        self.session.replace_document(doc, None)
        self.after_open()
        return True

    def new_from_example(self, name: str) -> bool:
        """Start a new, unsaved flow from a shipped example (Save asks where to keep it)."""
        if not self.maybe_save():
            return False
        doc = swml_io.loads(examples.example_text(name), "yaml", nesting=self.session.catalog.nesting)
        self._lay_out(doc, None)
        self.session.replace_document(doc, None)
        self.after_open()
        return True

    def open_file(self) -> bool:
        """Ask for a file and open it."""
        if not self.maybe_save():
            return False
        path = self.ask_open_path()
        return self.open_path(path, ask=False) if path else False

    def open_path(self, path: str | os.PathLike, ask: bool = True) -> bool:
        """Open ``path``; on a read or parse error, tell the user and keep the current document."""
        if ask and not self.maybe_save():
            return False
        path = Path(path)
        with heap.building():  # no collector passes over the half-built flow (see designer.ui.heap)
            return self._open_path(path)

    def _open_path(self, path: Path) -> bool:
        try:
            doc = self.read(path)
        except swml_io.ParseError as exc:
            where = f" at line {exc.line}, column {exc.column}" if exc.line is not None else ""
            self.show_message("Cannot open the file",
                              f"“{path.name}” could not be opened: there is a problem{where}.\n\n"
                              f"{exc.message[:1].upper()}{exc.message[1:]}\n\n"
                              "Nothing was changed in the flow you are editing.")
            return False
        self._lay_out(doc, path)
        self.session.replace_document(doc, path.resolve())
        self.remember_disk_state(path)
        self.add_recent(path)
        self.settings.setValue(LAST_DIR_KEY, str(path.resolve().parent))
        self.after_open()
        self.opened.emit(str(path))
        return True

    def read(self, path: Path) -> Document:
        """Parse the script at ``path`` with the session's nesting rules; raises ``ParseError``."""
        text = swml_io.read_text(path)
        return swml_io.loads(text, filename=path, nesting=self.session.catalog.nesting)

    def _lay_out(self, doc: Document, path: Path | None) -> None:
        """Positions from the layout file beside the script, else a fresh auto-layout."""
        if path is None or not layout.load_sidecar(doc, path):
            doc.set_positions(layout.auto_layout(doc))

    # ----------------------------------------------------------------- save
    def save(self) -> bool:
        """Save to the current file (Save As for a new flow); ``True`` when saved."""
        if self.session.path is None:
            return self.save_as()
        return self._write(Path(self.session.path))

    def save_as(self) -> bool:
        """Ask for a file and save there; the document now lives in that file."""
        path = self.ask_save_path("Save flow as")
        if not path:
            return False
        if not self._write(Path(path)):
            return False
        self.session.set_path(Path(path).resolve())
        self.add_recent(path)
        return True

    def ask_overwrite_changed(self, path: Path, change: str) -> bool:
        """Whether to save over a file changed (or deleted) since it was opened or saved."""
        if not self.interactive:
            return False
        if change == disk_state.DELETED:
            text = (f"“{path.name}” was deleted or moved by another program since you opened it.\n\n"
                    "Save your flow there again?")
        else:
            text = (f"“{path.name}” was changed by another program since you opened it.\n\n"
                    "Replace those changes with your version? (Cancel keeps the file as it is; "
                    "Save As keeps your version in another file.)")
        answer = QMessageBox.warning(self.window, "File changed on disk", text,
                                     QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                                     QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Save

    def remember_disk_state(self, path: Path | None) -> None:
        """Note how ``path`` looks now (after Open or Save), to notice changes made elsewhere."""
        self._stamp = (Path(path).resolve(), disk_state.stamp(path)) if path is not None else None

    def disk_stamp(self) -> disk_state.DiskStamp | None:
        """How the current file looked when opened or last saved (``None``: not known)."""
        stamp = getattr(self, "_stamp", None)
        if stamp is None or self.session.path is None or stamp[0] != Path(self.session.path).resolve():
            return None
        return stamp[1]

    def restore_disk_state(self, path: Path | None, recorded: dict | None) -> None:
        """After restoring unsaved work: the file is compared with how it looked before the crash."""
        try:
            stamp = disk_state.DiskStamp(**recorded) if path is not None and recorded else None
        except TypeError:
            stamp = None
        self._stamp = (Path(path).resolve(), stamp) if stamp is not None else None

    def _write(self, path: Path) -> bool:
        stamp = getattr(self, "_stamp", None)
        if stamp is not None and stamp[0] == path.resolve():
            change = disk_state.change_since(path, stamp[1])
            if change is not None and not self.ask_overwrite_changed(path, change):
                return False
        try:
            swml_io.save(self.session.doc, path)
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.show_message("Cannot save the file",
                              f"“{path.name}” could not be saved: {reason}.\n\n"
                              "Your changes are still here; try another folder with Save As.")
            return False
        self.remember_disk_state(path)
        self.session.undo_stack.setClean()
        self.settings.setValue(LAST_DIR_KEY, str(path.resolve().parent))
        try:
            layout.save_sidecar(self.session.doc, path)
        except (OSError, ValueError, TypeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.show_message("Block positions not saved",
                              f"“{path.name}” was saved. Only the file that keeps the block positions, "
                              f"“{layout.sidecar_path(path).name}”, could not be written: {reason}.\n\n"
                              "The flow is safe; next time it opens, its blocks are laid out afresh.")
        self.saved.emit(str(path))
        return True

    def export(self, fmt: str, path: str | None = None) -> bool:
        """Write a copy as ``fmt`` (``"yaml"``/``"json"``); the document keeps its own file."""
        path = path or self.ask_save_path(f"Export as {fmt.upper()}", fmt)
        if not path:
            return False
        try:
            write_text_atomic(Path(path), swml_io.dumps(self.session.doc, fmt, thorough=True))
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.show_message("Cannot export", f"“{Path(path).name}” could not be written: {reason}.")
            return False
        self.saved.emit(str(path))
        return True

    # ----------------------------------------------------------------- recent files
    def recent_files(self) -> list[str]:
        """The recent files, newest first."""
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])][:MAX_RECENT]

    def add_recent(self, path: str | os.PathLike) -> None:
        full = str(Path(path).resolve())
        files = [full] + [f for f in self.recent_files() if f != full]
        self._set_recent(files[:MAX_RECENT])

    def open_recent(self, path: str) -> bool:
        """Open a recent file; a file that is gone is dropped from the list with a message."""
        if not Path(path).exists():
            self._set_recent([f for f in self.recent_files() if f != path])
            self.show_message("File not found",
                              f"“{path}” no longer exists. It was removed from the recent files.", error=False)
            return False
        return self.open_path(path)

    def prune_recent(self) -> list[str]:
        """Drop files that no longer exist; returns the dropped ones."""
        files = self.recent_files()
        gone = [f for f in files if not Path(f).exists()]
        if gone:
            self._set_recent([f for f in files if f not in gone])
        return gone

    def clear_recent(self) -> None:
        self._set_recent([])

    def _set_recent(self, files: list[str]) -> None:
        self.settings.setValue(RECENT_KEY, files)
        self.recent_changed.emit(files)

    def _last_dir(self) -> str:
        if self.session.path:
            return str(Path(self.session.path).parent)
        return str(self.settings.value(LAST_DIR_KEY, str(Path.home())))


def write_atomic(path: Path, text: str) -> None:
    """Kept for callers of the old name: see :func:`designer.model.atomic_write.write_text_atomic`."""
    write_text_atomic(path, text)
