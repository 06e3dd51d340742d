"""The main window's actions and menus: File, Edit, View, Flow, Help, with shortcuts and icons.

Kept apart from :mod:`designer.ui.main_window` so the window stays about layout and wiring.
Every action calls a window, file-actions or canvas method; none edits the document itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from designer.model import examples
from designer.ui import panel_focus, shortcuts
from designer.ui.getting_started import GettingStarted
from designer.ui.interactions import next_block
from designer.ui.icons import icon

if TYPE_CHECKING:
    from designer.ui.main_window import MainWindow

class WindowActions:
    """Builds the actions into ``window``'s menu bar; ``actions[name]`` finds one (for tests)."""

    def __init__(self, window: "MainWindow") -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}
        self._icons: list[tuple[QAction, str]] = []
        self.recent_menu: QMenu | None = None
        self.getting_started: GettingStarted | None = None
        self._build()

    def add(self, name: str, text: str, slot: Callable[[], object] | None = None,
            icon_name: str | None = None, tip: str = "", canvas_only: bool = False) -> QAction:
        """An action with the keys :mod:`designer.ui.shortcuts` gives ``name``; ``canvas_only``
        shortcuts act only while the canvas has focus (Delete in a text field deletes text,
        Ctrl+C in the preview copies text, not blocks)."""
        action = QAction(text, self.window)
        action.setObjectName(f"action_{name}")
        action.setShortcuts(shortcuts.keys_for(name))
        if icon_name:
            action.setIcon(icon(icon_name))
            self._icons.append((action, icon_name))
        if tip:
            action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        if canvas_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.window.canvas.addAction(action)
        else:
            self.window.addAction(action)
        self.actions[name] = action
        return action

    def refresh_icons(self) -> None:
        """Re-tint icons after the colour scheme changed."""
        for action, name in self._icons:
            action.setIcon(icon(name))

    def _build(self) -> None:
        w = self.window
        files = w.files

        file_menu = w.menus["file"]
        file_menu.addAction(self.add("new", "&New", files.new_file, "mdi6.file-outline",
                                     "Start an empty flow"))
        file_menu.addAction(self.add("open", "&Open…", files.open_file, "mdi6.folder-open-outline",
                                     "Open a SWML script (YAML or JSON)"))
        self.examples_menu = file_menu.addMenu("New from E&xample")
        for name in examples.example_names():
            self.examples_menu.addAction(examples.example_title(name),
                                         lambda n=name: files.new_from_example(n))
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        file_menu.addAction(self.add("recover", "Re&cover Unsaved Work…", w.recover))
        file_menu.addSeparator()
        file_menu.addAction(self.add("save", "&Save", files.save, "mdi6.content-save-outline"))
        file_menu.addAction(self.add("save_as", "Save &As…", files.save_as))
        export = file_menu.addMenu("&Export")
        export.addAction(self.add("export_yaml", "As &YAML…", lambda: files.export("yaml"),
                                  "mdi6.file-code-outline", "Write a copy as YAML"))
        export.addAction(self.add("export_json", "As &JSON…", lambda: files.export("json"),
                                  "mdi6.code-json", "Write a copy as JSON"))
        file_menu.addSeparator()
        self._build_signalwire(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.add("preferences", "&Preferences…", w.show_preferences,
                                     "mdi6.cog-outline"))
        file_menu.addSeparator()
        file_menu.addAction(self.add("quit", "&Quit", w.close))

        stack = w.session.undo_stack
        edit = w.menus["edit"]
        undo = stack.createUndoAction(w, "&Undo")
        undo.setShortcuts(shortcuts.keys_for("undo"))
        redo = stack.createRedoAction(w, "&Redo")
        redo.setShortcuts(shortcuts.keys_for("redo"))
        for name, action, icon_name in (("undo", undo, "mdi6.undo"), ("redo", redo, "mdi6.redo")):
            action.setIcon(icon(icon_name))
            self._icons.append((action, icon_name))
            self.actions[name] = action
            edit.addAction(action)
        edit.addSeparator()
        canvas = w.canvas
        edit.addAction(self.add("cut", "Cu&t", lambda: (canvas.copy_selection(), canvas.delete_selection()),
                                "mdi6.content-cut", canvas_only=True))
        edit.addAction(self.add("copy", "&Copy", canvas.copy_selection,
                                "mdi6.content-copy", canvas_only=True))
        edit.addAction(self.add("paste", "&Paste", canvas.paste,
                                "mdi6.content-paste", canvas_only=True))
        edit.addAction(self.add("duplicate", "D&uplicate", canvas.duplicate_selection,
                                "mdi6.content-duplicate", canvas_only=True))
        edit.addAction(self.add("delete", "&Delete", canvas.delete_selection, "mdi6.trash-can-outline",
                                canvas_only=True))
        edit.addSeparator()
        edit.addAction(self.add("find_block", "&Find Block…", w.focus_palette_search,
                                "mdi6.magnify", "Search the blocks by name or purpose"))
        edit.addAction(self.add("select_all", "Select &All", canvas.select_all,
                                canvas_only=True))

        view = w.menus["view"]
        view.addAction(self.add("zoom_in", "Zoom &In", canvas.zoom_in, "mdi6.magnify-plus-outline"))
        view.addAction(self.add("zoom_out", "Zoom &Out", canvas.zoom_out,
                                "mdi6.magnify-minus-outline"))
        view.addAction(self.add("reset_zoom", "&Actual Size", canvas.reset_zoom))
        view.addAction(self.add("fit", "&Fit to View", canvas.fit_to_view,
                                "mdi6.fit-to-screen-outline"))
        self.add("fit_key", "Fit to View", canvas.fit_to_view, canvas_only=True)
        view.addAction(self.add("auto_layout", "Auto &Layout", canvas.auto_layout,
                                "mdi6.auto-fix", "Arrange the blocks neatly"))
        view.addSeparator()
        view.addAction(self.add("next_panel", "Next &Panel", lambda: panel_focus.move(w, 1),
                                tip="Move the keyboard focus to the next panel"))
        view.addAction(self.add("previous_panel", "Previous Panel", lambda: panel_focus.move(w, -1)))
        self.add("edit_block", "Edit Selected Block", lambda: panel_focus.edit_selected(w), canvas_only=True)
        view.addSeparator()
        for dock in w.docks.values():
            toggle = dock.toggleViewAction()
            view.addAction(toggle)
        self.actions["show_preview"] = w.docks["preview"].toggleViewAction()

        flow = w.menus["flow"]
        flow.addAction(self.add("add_section", "Add &Section…", w.add_section,
                                "mdi6.playlist-plus", "Add a named section other blocks can go to"))
        flow.addAction(self.add("block_search", "Add &Block…",
                                lambda: next_block.add_block_by_search(canvas),
                                "mdi6.plus-box-outline", "Find a block by name and add it after the selected one"))
        flow.addAction(self.add("validate", "&Validate Now", w.validate_now, "mdi6.check-decagram-outline"))
        flow.addAction(self.add("fix_all", "&Fix Simple Problems", w.fix_all, "mdi6.auto-fix",
                                "Apply every sure correction, e.g. \"true\" written as text becomes true"))

        help_menu = w.menus["help"]
        help_menu.addAction(self.add("getting_started", "&Getting Started", self.show_getting_started,
                                     "mdi6.school-outline", "A short walk through a first flow"))
        help_menu.addAction(self.add("shortcuts", "&Keyboard Shortcuts", self.show_shortcuts,
                                     "mdi6.keyboard-outline"))
        help_menu.addAction(self.add("about", "&About SWML Flow Designer", w.show_about,
                                     "mdi6.information-outline"))

        self.fill_recent_menu()
        self._build_toolbar()

    def _build_signalwire(self, menu: QMenu) -> None:
        """File menu entries of :class:`designer.ui.remote_actions.RemoteActions`."""
        remote = self.window.remote
        menu.addAction(self.add("open_remote", "Open from Signal&Wire…", remote.open_from_signalwire,
                                "mdi6.cloud-download-outline", "Open a SWML script or Call Flow of your space"))
        menu.addAction(self.add("publish", "P&ublish to SignalWire…", remote.publish,
                                "mdi6.cloud-upload-outline", "Create or update this flow's script on SignalWire"))
        menu.addAction(self.add("signalwire_account", "SignalWire A&ccount…", remote.show_account,
                                "mdi6.account-key-outline", "Space, Project ID and API token"))

    def _build_toolbar(self) -> None:
        """A slim icon bar with the everyday actions (tooltips name them and their shortcut)."""
        bar = self.window.toolbar  # made by the frame (designer.ui.window_frame), empty till now
        groups = (("new", "open", "save"), ("undo", "redo"), ("zoom_out", "zoom_in", "fit", "auto_layout"),
                  ("add_section", "validate"))
        for i, names in enumerate(groups):
            if i:
                bar.addSeparator()
            for name in names:
                action = self.actions[name]
                shortcut = shortcuts.shown(action.shortcuts())
                label = action.text().replace("&", "").rstrip("…").rstrip(".")
                action.setToolTip(f"{label} ({shortcut})" if shortcut else label)
                bar.addAction(action)
        self.toolbar = bar

    def fill_recent_menu(self) -> None:
        """List the recent files (missing ones are dropped, with a note in the status bar)."""
        menu = self.recent_menu
        assert menu is not None
        menu.clear()
        files = self.window.files
        gone = files.prune_recent()
        if gone:
            self.window.statusBar().showMessage(
                f"Removed {len(gone)} missing file{'s' if len(gone) != 1 else ''} from the recent files", 5000)
        recent = files.recent_files()
        for i, path in enumerate(recent):
            action = menu.addAction(f"&{(i + 1) % 10}  {path}")
            action.triggered.connect(lambda _c=False, p=path: files.open_recent(p))
        if not recent:
            menu.addAction("No recent files").setEnabled(False)
        menu.addSeparator()
        menu.addAction("Clear List", files.clear_recent).setEnabled(bool(recent))

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(what, keys) for every action with a shortcut, plus the canvas's own keys."""
        rows = []
        for action in self.actions.values():
            keys = shortcuts.shown(action.shortcuts())
            if keys:
                words = action.text().replace("&", "").rstrip("…").split(" Undo")[0].split(" Redo")[0]
                rows.append(("Export " + words[0].lower() + words[1:] if words.startswith("As ") else words, keys))
        rows += [("Walk the flow (into a branch, back)", "Arrow keys"),
                 ("Move the selected block up or down its chain", "Alt+Up, Alt+Down"),
                 ("Pan the canvas", "Space+drag, middle button"),
                 ("Zoom around the cursor", "Mouse wheel"),
                 ("Rename a section", "Double-click its start node")]
        return rows

    def show_getting_started(self) -> GettingStarted:
        """Help > Getting Started: the first-flow steps, in a window that stays open beside."""
        if self.getting_started is None:
            self.getting_started = GettingStarted(self.window)
        self.getting_started.show()
        self.getting_started.raise_()
        self.getting_started.activateWindow()
        return self.getting_started

    def show_shortcuts(self) -> None:
        """Help > Keyboard Shortcuts: every key, in one table."""
        text = "".join(f"<tr><td>{what}</td><td>&nbsp;&nbsp;<b>{keys}</b></td></tr>"
                       for what, keys in self.shortcut_rows())
        QMessageBox.information(self.window, "Keyboard shortcuts", f"<table>{text}</table>")
