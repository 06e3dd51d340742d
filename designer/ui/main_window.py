"""The main window: palette left, canvas centre, inspector right, preview and problems below.

The window only lays out the views and wires them to the session; every view is a projection of
the session's document. File handling lives in :mod:`designer.ui.file_actions`, menus in
:mod:`designer.ui.window_actions`.

The window is built in two steps: its frame (:mod:`designer.ui.window_frame`) and then the panels
(:meth:`MainWindow.complete`), which is why the panels' modules are imported where they are used:
at start-up the frame is painted before they are loaded.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox, QWidget

from designer.ui import preferences, screen_fit, window_frame

if TYPE_CHECKING:
    from designer.ui.recovery import Found
    from designer.ui.session import EditSession

APP_TITLE = "SWML Flow Designer"
SCRIPT_SUFFIXES = (".yaml", ".yml", ".json")


def _recovery_folder(settings: QSettings) -> Path:
    """Beside an INI settings file (tests, portable installs), else the app data folder."""
    from designer.ui.recovery import default_folder
    if settings.format() == QSettings.Format.IniFormat and settings.fileName():
        return Path(settings.fileName()).parent / "recovery"
    return default_folder()


class MainWindow(QMainWindow):
    """The editor window for one :class:`EditSession`.

    Args:
        session: the document, undo stack, problems and selection the views share.
        settings: where geometry, dock layout, recent files and preferences are kept (tests pass
            an INI file in a temporary folder).
    """

    def __init__(self, session: "EditSession | None", settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: "EditSession | None" = None
        self.settings = settings if settings is not None else QSettings()
        self.schema_path: str | None = preferences.schema_setting(self.settings)
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.setDocumentMode(True)
        #: Shrink onto the screen when shown; off for pictures of a set size (``--screenshot``).
        self.keep_on_screen = True

        window_frame.build(self)  # docks, menus, toolbar, status bar: see window_frame for why
        self.schema_label.setText(preferences.schema_label(self.schema_path))
        self.setWindowTitle(f"Untitled[*] — {APP_TITLE}")
        screen_fit.place_first_time(self)
        screen_fit.size_docks(self, self.docks)
        self.restore_state()
        if session is not None:
            self.complete(session)

    @property
    def is_complete(self) -> bool:
        """Whether the panels are built (:meth:`complete`); until then the window is its frame."""
        return self.session is not None

    def complete(self, session: "EditSession") -> None:
        """Build the panels for ``session`` into the frame and wire them to it."""
        from designer.ui.canvas.view import FlowView
        from designer.ui.file_actions import FileActions
        from designer.ui.inspector.panel import Inspector
        from designer.ui.palette import Palette
        from designer.ui.preview import PreviewPanel
        from designer.ui.problems_panel import ProblemsPanel
        from designer.ui.recovery import Recovery
        from designer.ui.remote_actions import RemoteActions
        from designer.ui.window_actions import WindowActions

        self.session = session
        frame_layout = self.saveState()  # what the frame shows: the panels go in the same places
        self.canvas = FlowView(session, self)
        self.setCentralWidget(self.canvas)
        self.palette_panel = Palette(session.catalog, self)
        self.inspector = Inspector(session, self)
        self.preview = PreviewPanel(session, self)
        self.problems = ProblemsPanel(session, self)
        for name, widget in (("palette", self.palette_panel), ("inspector", self.inspector),
                             ("preview", self.preview), ("problems", self.problems)):
            self.docks[name].setWidget(widget)
        for widget in (self.canvas, self.palette_panel, self.inspector, self.preview, self.problems):
            widget.show()
        self.layout().activate()  # their sizes first (without painting), else the sizes below are lost
        self.restoreState(frame_layout)

        self.files = FileActions(self, session, self.settings, after_open=self.fit_later)
        self.recovery = Recovery(session, _recovery_folder(self.settings), self)
        self.remote = RemoteActions(self)  # SignalWire: account, open from it, publish
        self.remote.origin_changed.connect(self._on_path_changed)
        self.recovery.disk_stamp = self.files.disk_stamp
        self.window_actions = WindowActions(self)
        self.actions_by_name = self.window_actions.actions

        self.session.message_posted.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.palette_panel.method_activated.connect(self.append_method)
        self.files.saved.connect(self._on_saved)
        self.files.opened.connect(self._on_opened)
        self.problems.summary_changed.connect(self._on_problem_summary)
        self._on_problem_summary(self.problems.summary)
        # Bound methods only: Qt drops them with the window (a lambda would outlive it).
        session.undo_stack.cleanChanged.connect(self._on_clean_changed)
        session.path_changed.connect(self._on_path_changed)
        session.problems_changed.connect(self._on_problems_changed)
        session.document_changed.connect(self.update_counts)
        session.document_replaced.connect(self.update_counts)
        self._update_title()
        self._on_problems_changed(session.problems)
        if self.settings.value("window/state") is None and \
                screen_fit.titles_width(self) > self.docks["palette"].width() + 4:  # (dock rounding)
            screen_fit.size_docks(self, self.docks)  # first start, a schema with longer titles
        from designer.ui import sim_hookup  # Flow > Try the Call (F5): the call simulator
        sim_hookup.install(self)

    # ----------------------------------------------------------------- layout helpers
    def fit_later(self) -> None:
        """Show the flow now (after an open or New): all of it, or its start at a readable zoom."""
        self.canvas.show_flow()

    # ----------------------------------------------------------------- state
    def restore_state(self) -> None:
        """Geometry and dock layout from the settings (if any were saved)."""
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        screen_fit.clamp_to_screen(self)  # saved on a bigger screen: bring all of it back on this one

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.keep_on_screen:
            screen_fit.clamp_to_screen(self)  # the frame is known only now

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.is_complete:  # closed while starting: nothing to save or recover yet
            self.save_state()
            event.accept()
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        self.recovery.discard()  # saved or deliberately discarded: nothing to recover
        self.save_state()
        event.accept()

    def offer_recovery(self) -> bool:
        """At start: offer back unsaved work a crashed designer left; ``True`` if restored."""
        from designer.model import layout
        from designer.ui.recovery import forget
        for found in self.recovery.left_behind():
            answer = self.ask_restore(found)
            if answer == "restore":
                doc = self.recovery.restore(found)
                if not doc.positions:
                    doc.set_positions(layout.auto_layout(doc))
                self.session.replace_document(doc, Path(found.path) if found.path else None)
                self.files.restore_disk_state(Path(found.path) if found.path else None, found.disk)
                self.session.undo_stack.resetClean()
                self.fit_later()
                return True
            if answer == "discard":
                forget(found)
        return False

    def recover(self) -> bool:
        """File > Recover: offer the unsaved work of designers that stopped without saving."""
        if not self.recovery.left_behind():
            self.files.show_message("Recover", "There is no unsaved work to recover: every designer that "
                                    "stopped had saved or discarded its changes.", error=False)
            return False
        return self.files.maybe_save() and self.offer_recovery()

    def ask_restore(self, found: Found) -> str:
        """``"restore"``, ``"discard"`` or ``"later"`` (tests replace this)."""
        when = time.strftime("%d %b %H:%M", time.localtime(found.saved_at))
        box = QMessageBox(QMessageBox.Icon.Question, "Restore unsaved work?",
                          f"The designer stopped before changes to {found.name} were saved "
                          f"(last copy {when}). Restore them?", parent=self)
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "restore" if clicked is restore else "discard" if clicked is discard else "later"

    # ----------------------------------------------------------------- title and status
    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.files.display_name()}[*]{self.remote.title_note()} — {APP_TITLE}")
        self.setWindowModified(not self.session.undo_stack.isClean())

    def _on_problem_summary(self, summary: str) -> None:
        dock = self.docks["problems"]
        dock.setWindowTitle(summary)
        dock.toggleViewAction().setText("Problems")  # the View menu keeps a plain name

    def _on_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _on_path_changed(self, _path: str) -> None:
        self._update_title()

    def _on_problems_changed(self, _problems: list) -> None:
        from designer.ui import fixes
        self.actions_by_name["fix_all"].setEnabled(bool(fixes.fixable(self.session)))
        self.update_counts()

    def update_counts(self) -> None:
        """The status bar's counts of blocks and problems, from the validation just run."""
        from designer.ui.icons import ERROR_COLOR, WARNING_COLOR
        from designer.ui.problems_panel import count_words, tally
        blocks = self.session.validator.step_count  # counted by the validation just run
        errors, warnings, notes = tally(self.session.problems)
        color = ERROR_COLOR if errors else WARNING_COLOR if warnings else None
        text = (f"{blocks} block{'s' if blocks != 1 else ''} · {errors} error{'s' if errors != 1 else ''}"
                f" · {warnings} warning{'s' if warnings != 1 else ''}")
        if notes:
            text += f" · {notes} note{'s' if notes != 1 else ''}"
        self.counts.setText(text)
        self.counts.setStyleSheet(f"color: {color}" if color else "")
        self.counts.setToolTip(f"Problems: {count_words(errors, warnings, notes)}")

    # ----------------------------------------------------------------- actions
    def _on_saved(self, path: str) -> None:
        """Say where the flow went, and warn when SignalWire would refuse what was written."""
        errors = sum(1 for p in self.session.problems if p.is_error)
        name = Path(path).name
        if errors:
            self.statusBar().showMessage(
                f"Saved {name}, but it has {errors} error{'s' if errors != 1 else ''}: SignalWire will "
                "refuse it until they are fixed (see Problems)", 10000)
        else:
            self.statusBar().showMessage(f"Saved {name}", 4000)

    def _on_opened(self, path: str) -> None:
        """Say what was found in a script just opened (others' scripts are often not clean)."""
        from designer.ui.problems_panel import count_words, tally
        found = count_words(*tally(self.session.problems))
        words = "no problems" if found == "none" else found + " (see Problems)"
        self.statusBar().showMessage(f"Opened {Path(path).name}: {words}", 8000)

    def focus_palette_search(self) -> None:
        """Ctrl+F: find a block by name or purpose."""
        self.docks["palette"].show()
        self.palette_panel.search.setFocus()
        self.palette_panel.search.selectAll()

    def append_method(self, method: str) -> None:
        """Add a block for ``method`` after the selected block (palette double-click or Enter)."""
        self.canvas.append_method(method)

    def ask_section_name(self, text: str = "") -> str | None:
        """Ask for a new section's name, starting from ``text`` (tests monkeypatch this)."""
        name, ok = QInputDialog.getText(self, "Add section", "Name of the new section (e.g. sales):",
                                        text=text)
        return name.strip() if ok and name.strip() else None

    def add_section(self) -> bool:
        """Add a named section as one undoable step."""
        from designer.model import sections
        from designer.model.document import Section
        from designer.ui.commands import AddSectionCommand, GroupCommand, SetPositionsCommand
        name = self.ask_section_name()
        # A name that cannot be used is asked again with the typed text kept, to correct it:
        # closing the question after the message lost what the person typed.
        while name and (problem := sections.name_problem(self.session.doc, name)):
            self.files.show_message("Add section", problem)
            again = self.ask_section_name(name)
            name = again if again != name else None  # the same name again: the message was said
        if not name:
            return False
        doc = self.session.doc
        children = [AddSectionCommand(doc, Section(name))]
        spot = self.canvas.free_spot_for_section()  # beside the other sections, not on top
        children.append(SetPositionsCommand(doc, {f"section:{name}": spot}))
        self.session.undo_stack.push(GroupCommand(f"Add section {name}", children, doc))
        return True

    def fix_all(self) -> int:
        """Flow > Fix Simple Problems: every sure fix as one undo step; returns how many."""
        from designer.ui import fixes
        count = fixes.apply_all(self.session)
        self.statusBar().showMessage(
            f"Fixed {count} problem{'s' if count != 1 else ''} (Undo takes them back)" if count
            else "No problem here has a sure fix", 6000)
        return count

    def validate_now(self) -> None:
        """Check the flow again and show the problems list."""
        self.session.set_catalog(self.session.catalog)  # re-runs the validator
        self.show_problems_dock()
        self.statusBar().showMessage(f"Checked: {self.problems.summary.split('— ')[-1]}", 4000)

    def show_problems_dock(self) -> None:
        """Bring the problems list into view (Check, and SignalWire's refusal of a publish)."""
        dock = self.docks["problems"]
        dock.show()
        dock.raise_()

    def show_preferences(self) -> None:
        dialog = preferences.PreferencesDialog(self.settings, self)
        if dialog.exec():
            self.apply_schema(preferences.schema_setting(self.settings))

    def apply_schema(self, path: str | None) -> None:
        """Use the schema at ``path`` (``None``: bundled): catalog, palette, status bar."""
        catalog = preferences.catalog_for(path)
        self.schema_path = path
        self.session.set_catalog(catalog)
        self.palette_panel.set_catalog(catalog)
        self.schema_label.setText(preferences.schema_label(path))

    def show_about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_TITLE}",
            f"<h3>{APP_TITLE}</h3>"
            "<p>Build SignalWire SWML call flows (voicemail, IVR menus, recorded calls) on a canvas "
            "and get valid SWML as YAML or JSON.</p>"
            "<p>Bundled schema: the SWML JSON Schema from SignalWire's Python SDK "
            "(signalwire-sdk 3.7.5, <code>signalwire/schema.json</code>), "
            "MIT License, Copyright (c) 2025 SignalWire.</p>"
            f"<p>{preferences.schema_label(self.schema_path)}</p>")

    def refresh_theme(self) -> None:
        """Follow a light/dark scheme change: re-tint icons and colours."""
        from designer.ui.icons import clear_cache
        clear_cache()
        self.window_actions.refresh_icons()
        self.palette_panel.refresh_theme()
        self.preview.refresh_theme()
        self.problems.refresh_theme()
        self.update_counts()

    # ----------------------------------------------------------------- file drops
    @staticmethod
    def _dropped_script(event: QDragEnterEvent | QDropEvent) -> str | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in SCRIPT_SUFFIXES:
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self.is_complete and self._dropped_script(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        path = self._dropped_script(event)
        if path:
            event.acceptProposedAction()
            self.files.open_path(path)
        else:
            super().dropEvent(event)
