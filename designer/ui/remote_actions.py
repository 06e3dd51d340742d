"""File > SignalWire Account, Open from SignalWire and Publish, for the main window.

Every question goes through one small ``ask_*`` method so tests answer it by monkeypatching (as
in :mod:`designer.ui.file_actions`). Requests are made only from these actions, each one started
by the user; on any failure the flow being edited stays exactly as it was. The origin of the
open flow (which script or Call Flow it came from or was last published to) is remembered per
file in the settings, so the next Publish updates the same script.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox

from designer.model import layout
from designer.model.document import Document
from designer.model.problems import Problem
from designer.remote.errors import RemoteError
from designer.remote.items import CALL_FLOW, RemoteScript

# The accounts, the keyring, publishing and the dialogs load when an action first needs them,
# not with the window: none of them is used before the person asks (start-up).
if TYPE_CHECKING:
    from designer.remote import publishing
    from designer.remote.accounts import AccountBook
    from designer.remote.client import SignalWireClient
    from designer.remote.credentials import TokenStore
    from designer.remote.refusals import PlacedRefusal
    from designer.remote.space import Account
    from designer.ui.account_dialog import ClientFactory
    from designer.ui.main_window import MainWindow

T = TypeVar("T")
ORIGINS_KEY = "signalwire/origins"
CALL_FLOW_NOTE = ("“{name}” was made in SignalWire's Call Flow Builder. You can look at it and change "
                  "it here, but publishing it back replaces what the web builder shows: its drawing "
                  "is cleared and this flow takes its place.")


def accounts_path(settings: QSettings) -> Path:
    """Beside an INI settings file (tests, portable installs), else the user's config folder."""
    if settings.format() == QSettings.Format.IniFormat and settings.fileName():
        return Path(settings.fileName()).parent / "signalwire-accounts.json"
    from designer.remote.accounts import default_path
    return default_path()


def _connect(space: str, project_id: str, token: str) -> "SignalWireClient":
    """:func:`designer.ui.account_dialog.connect`, its module loaded on first use."""
    from designer.ui.account_dialog import connect
    return connect(space, project_id, token)


class RemoteActions(QObject):
    """The SignalWire side of the window.

    Signals:
        origin_changed(str): the open flow's origin changed (its description, "" for none).
    """

    origin_changed = Signal(str)

    def __init__(self, window: "MainWindow",
                 make_client: "ClientFactory" = _connect) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.files = window.files
        self.settings: QSettings = window.settings
        self.make_client = make_client
        self.origin: "publishing.Origin | None" = None
        self._opening = False
        #: SignalWire's messages of the last refused publish, with their blocks (tests read them).
        self.last_refusals: list["PlacedRefusal"] = []
        self.session.document_replaced.connect(self._on_document_replaced)
        self.files.opened.connect(self._on_file_opened)
        self.session.path_changed.connect(self._on_path_changed)

    @cached_property
    def book(self) -> "AccountBook":
        """The SignalWire accounts (no secrets), read when first needed."""
        from designer.remote.accounts import AccountBook
        return AccountBook(accounts_path(self.settings))

    @cached_property
    def tokens(self) -> "TokenStore":
        """The API tokens (the keyring), opened when first needed."""
        from designer.remote.credentials import TokenStore
        return TokenStore()

    # ----------------------------------------------------------------- origin
    def title_note(self) -> str:
        """`` · SignalWire script “Menu” (example)`` for the title bar ("" when not from SignalWire)."""
        if self.origin is None:
            return ""
        note = " · read-mostly" if self.origin.kind == CALL_FLOW else ""
        return f" · {self.origin.describe()}{note}"

    def set_origin(self, origin: "publishing.Origin | None") -> None:
        self.origin = origin
        if origin is not None and self.session.path:
            origins = self._origins()
            origins[str(self.session.path)] = origin.to_json()
            self.settings.setValue(ORIGINS_KEY, json.dumps(origins))
        self.origin_changed.emit(origin.describe() if origin else "")

    def _origins(self) -> dict[str, str]:
        try:
            value = json.loads(str(self.settings.value(ORIGINS_KEY, "{}") or "{}"))
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def _on_document_replaced(self) -> None:
        if not self._opening:
            self.set_origin(None)

    def _on_file_opened(self, path: str) -> None:
        stored = self._origins().get(str(Path(path).resolve()))
        if not stored:
            self.set_origin(None)
            return
        from designer.remote import publishing
        self.set_origin(publishing.Origin.from_json(stored))

    def _on_path_changed(self, path: str) -> None:
        if self.origin is not None and path:
            self.set_origin(self.origin)  # Save As: the file remembers which script it publishes to

    # ----------------------------------------------------------------- questions (monkeypatchable)
    def ask_account(self) -> bool:
        """Show File > SignalWire Account; ``True`` when an account was saved."""
        from designer.ui.account_dialog import AccountDialog
        return bool(AccountDialog(self.book, self.tokens, self.window, self.make_client).exec())

    def ask_pick(self, items: list[RemoteScript], space: str) -> RemoteScript | None:
        from designer.ui.remote_open_dialog import OpenRemoteDialog
        dialog = OpenRemoteDialog(items, space, self.window)
        return dialog.chosen() if dialog.exec() else None

    def ask_name(self, default: str) -> str | None:
        name, ok = QInputDialog.getText(self.window, "Publish to SignalWire",
                                        "Name of the new SWML script on SignalWire:", text=default)
        return name.strip() if ok and name.strip() else None

    def ask_yes(self, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.window)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is accept

    def review(self, the_plan: "publishing.Plan", space: str) -> bool:
        """Show what changes; ``True`` when the user pressed Publish."""
        from designer.ui.publish_dialog import PublishDialog
        return bool(PublishDialog(the_plan, space, self.window).exec())

    def show_published(self, result: RemoteScript, space: str, created: bool, addresses: list[str]) -> None:
        from designer.ui.publish_dialog import PublishedDialog
        PublishedDialog(result, space, created, addresses, self.window).exec()

    def tell(self, title: str, text: str, error: bool = True) -> None:
        self.files.show_message(title, text, error)

    # ----------------------------------------------------------------- account
    def show_account(self) -> bool:
        return self.ask_account()

    def _signed_in(self, space: str | None = None) -> "tuple[Account, str] | None":
        """The account of ``space`` (else the default one) and its token, asking when missing."""
        account = (self.book.find(space) if space else None) or self.book.find()
        token = self.tokens.find(account) if account else None
        if account is None or not token:
            if not self.ask_account():
                return None
            account = self.book.find()
            token = self.tokens.find(account) if account else None
        return (account, token) if account and token else None

    def _client(self, account: "Account", token: str) -> "SignalWireClient":
        """A client for ``account`` (sends nothing until one of its methods is called)."""
        return self.make_client(account.space, account.project_id, token)

    def wait(self, text: str, call: Callable[[], T]) -> T:
        """Run one request off the window's thread, the window kept painted meanwhile."""
        from designer.ui.busy import wait_for
        return wait_for(self.window, text, call)

    # ----------------------------------------------------------------- open
    def open_from_signalwire(self) -> bool:
        """Pick a script or Call Flow of the space and open its SWML (after unsaved changes)."""
        if not self.files.maybe_save():
            return False
        signed = self._signed_in()
        if signed is None:
            return False
        account, token = signed
        try:
            with self._client(account, token) as client:
                items = self.wait(f"Listing the scripts of {account.label}…",
                                  lambda: client.list_scripts() + client.list_call_flows())
        except RemoteError as exc:
            self.tell("Open from SignalWire", exc.message)
            return False
        chosen = self.ask_pick(items, account.label)
        if chosen is None:
            return False
        try:
            with self._client(account, token) as client:
                fetch = client.get_call_flow if chosen.kind == CALL_FLOW else client.get_script
                full = self.wait(f"Fetching “{chosen.name}”…", lambda: fetch(chosen.id))
        except RemoteError as exc:
            self.tell("Open from SignalWire", exc.message)
            return False
        if full.contents is None:
            self.tell("Open from SignalWire", f"“{full.name}” holds no SWML the designer can open.")
            return False
        self._show(full, account)
        if full.kind == CALL_FLOW:
            self.tell("Opened a Call Flow", CALL_FLOW_NOTE.format(name=full.name), error=False)
        return True

    def _show(self, item: RemoteScript, account: "Account") -> None:
        from designer.remote import publishing
        doc = Document.from_data(item.contents, self.session.catalog.nesting)
        doc.set_positions(layout.auto_layout(doc))
        self._opening = True
        try:
            self.session.replace_document(doc, None)
        finally:
            self._opening = False
        self.set_origin(publishing.Origin.of(account.label, item))
        self.files.after_open()

    # ----------------------------------------------------------------- publish
    def publish(self) -> bool:
        """Validate, look at the live version, show what changes, then create or update."""
        from designer.remote import publishing
        if not self._problems_allow():
            return False
        signed = self._signed_in(self.origin.space if self.origin else None)  # publish back where it came from
        if signed is None:
            return False
        account, token = signed
        origin = self.origin if self.origin and self.origin.space == account.label else None
        name = origin.name if origin else self.ask_name(self._default_name())
        if not name:
            return False
        local = self.session.doc.to_data()
        try:
            with self._client(account, token) as client:
                the_plan = self.wait(f"Looking at “{name}” on {account.label}…",
                                     lambda: publishing.plan(client, local, name, origin))
                if not self._confirm(the_plan, account.label):
                    return False
                result = self.wait(f"Publishing “{the_plan.name}”…", lambda: publishing.send(client, the_plan, local))
                addresses = self.wait("Finding where it answers calls…", lambda: self._addresses(client, result))
        except RemoteError as exc:
            self._refused(exc, local)
            return False
        self.session.clear_remote_problems()  # SignalWire took this very text
        self.set_origin(publishing.Origin.of(account.label, result))
        self.window.statusBar().showMessage(f"Published “{result.name}” to {account.label}", 8000)
        self.show_published(result, account.label, the_plan.action == publishing.CREATE, addresses)
        return True

    def _default_name(self) -> str:
        return Path(self.session.path).stem if self.session.path else "My flow"

    def _problems_allow(self) -> bool:
        # The validator's findings only: SignalWire's last verdict may be about something a retry
        # changes (the name of a new script), and SignalWire will say again what it still refuses.
        problems: list[Problem] = self.session.checked_problems
        errors = [p for p in problems if p.is_error]
        if errors:
            lines = "\n".join(f"• {p.message}" for p in errors[:12])
            more = f"\n…and {len(errors) - 12} more" if len(errors) > 12 else ""
            self.tell("Not published", f"SignalWire would refuse this flow. Fix these first (see Problems):"
                      f"\n\n{lines}{more}")
            return False
        if problems:
            lines = "\n".join(f"• {p.message}" for p in problems[:12])
            return self.ask_yes("Publish with warnings?", f"The flow has {len(problems)} warning"
                                f"{'s' if len(problems) != 1 else ''}:\n\n{lines}\n\nPublish anyway?",
                                "Publish anyway")
        return True

    def _confirm(self, the_plan: "publishing.Plan", space: str) -> bool:
        """Ask what needs asking before sending; ``True`` to go ahead."""
        from designer.remote import publishing
        if the_plan.gone:
            return self.ask_yes("Script not found", f"“{the_plan.name}” is no longer on {space} (it may have "
                                "been deleted in the dashboard). Create it again from this flow?", "Create it")
        if the_plan.action == publishing.CREATE:
            return True
        if the_plan.changes.none:
            self.tell("Nothing to publish", f"“{the_plan.name}” on {space} is already exactly this flow.",
                      error=False)
            return False
        if the_plan.is_call_flow and not self.ask_yes(
                "Replace the Call Flow?", f"Publishing replaces what SignalWire's web builder shows for "
                f"“{the_plan.name}”: its drawing is cleared and this flow takes its place. Go on?", "Replace it"):
            return False
        if the_plan.conflict and not self.ask_yes(
                "Changed on SignalWire", f"“{the_plan.name}” was changed on SignalWire since you opened it "
                "here (in the dashboard, or by someone else). Publishing would replace those changes. "
                "Look at what changes before deciding?", "Show the changes"):
            return False
        return self.review(the_plan, space)

    def _addresses(self, client: "SignalWireClient", result: RemoteScript) -> list[str]:
        """Where the script already answers (phone numbers...); nothing when it cannot be told."""
        if result.kind == CALL_FLOW:
            return []
        try:
            found = client.script_addresses(result.id)
        except RemoteError:
            return []
        return [str(a.get("display_name") or a.get("name")) for a in found if a.get("display_name") or a.get("name")]

    def _refused(self, exc: RemoteError, sent: object) -> None:
        """Tell what went wrong; SignalWire's own messages are placed on their blocks and listed
        in Problems (about ``sent``, the SWML it judged) until that SWML changes."""
        from designer.remote.refusals import place, problem_of
        placed: list[PlacedRefusal] = place(self.session.doc, exc.refusals) if exc.refusals else []
        if placed:
            self.session.set_remote_problems([problem_of(p) for p in placed], sent)
            self.window.show_problems_dock()
        text = exc.message
        if placed:
            text = "SignalWire refused to publish the flow:\n\n" + "\n".join(
                f"• {p.where}: {p.message}" for p in placed)
            first = next((p for p in placed if p.step is not None), None)
            if first is not None:
                self.session.request_field_focus(first.step.id, first.field)
        self.last_refusals = placed
        self.tell("Not published", text + "\n\nNothing was changed in your flow.")
