"""File > SignalWire Account: the space, Project ID and API token, with "Test connection".

The token field is a password field; what is typed goes to the keyring (or, without one, stays
in memory for this session, and the dialog says so). The account list itself is in
:class:`~designer.remote.accounts.AccountBook`, which holds no secret.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from designer.remote.accounts import AccountBook
from designer.remote.credentials import TokenStore
from designer.remote.errors import RemoteError
from designer.remote.space import Account, SpaceError, space_url
from designer.ui.busy import wait_for

if TYPE_CHECKING:
    from designer.remote.client import SignalWireClient

NEW_SPACE = "New space…"
ClientFactory = Callable[[str, str, str], "SignalWireClient"]


def connect(space: str, project_id: str, token: str) -> "SignalWireClient":
    """A client for the space; the HTTP library loads here, on first use, not at start-up."""
    from designer.remote.client import SignalWireClient
    return SignalWireClient(space, project_id, token)


class AccountDialog(QDialog):
    """Add, change or remove the accounts of several spaces; one is the default for Publish."""

    def __init__(self, book: AccountBook, tokens: TokenStore, parent: QWidget | None = None,
                 make_client: ClientFactory = connect) -> None:
        super().__init__(parent)
        self.setWindowTitle("SignalWire account")
        self.setMinimumWidth(560)
        self.book, self.tokens, self.make_client = book, tokens, make_client
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("account_chooser")
        self.space = QLineEdit(self)
        self.space.setPlaceholderText("example  (from example.signalwire.com)")
        self.project = QLineEdit(self)
        self.project.setPlaceholderText("Dashboard > API: Project ID")
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText("Dashboard > API: an API token with the Voice permission")
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button = QPushButton("Test connection", self)
        self.test_button.clicked.connect(self.test_connection)
        self.remove_button = QPushButton("Remove this space", self)
        self.remove_button.clicked.connect(self.remove_current)

        form = QFormLayout()
        form.addRow("Account:", self.chooser)
        form.addRow("Space:", self.space)
        form.addRow("Project ID:", self.project)
        form.addRow("API token:", self.token)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.chooser.currentIndexChanged.connect(self._show_chosen)
        self._fill_chooser(self.book.find())
        self._show_keyring_note()

    # ----------------------------------------------------------------- showing accounts
    def _fill_chooser(self, current: Account | None) -> None:
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for account in self.book.accounts:
            default = "  (default)" if account.label == self.book.default else ""
            self.chooser.addItem(f"{account.label}{default}", account)
        self.chooser.addItem(NEW_SPACE, None)
        index = next((i for i, a in enumerate(self.book.accounts) if current and a.label == current.label),
                     len(self.book.accounts))
        self.chooser.setCurrentIndex(index)
        self.chooser.blockSignals(False)
        self._show_chosen()

    def _show_chosen(self) -> None:
        account = self.chooser.currentData()
        self.space.setText(account.space if account else "")
        self.project.setText(account.project_id if account else "")
        self.token.clear()
        known = account is not None and self.tokens.find(account)
        self.token.setPlaceholderText("Saved — type a new token to replace it" if known
                                      else "Dashboard > API: an API token with the Voice permission")
        self.remove_button.setEnabled(account is not None)
        self.result.clear()

    def _show_keyring_note(self) -> None:
        if self.tokens.persistent:
            self.keyring_note.setText("The API token is kept in your system's keyring, not in the "
                                      "designer's settings.")
        else:
            self.keyring_note.setText("No system keyring was found, so the API token is kept only until "
                                      "you close the designer. You will be asked for it again next time.")

    # ----------------------------------------------------------------- reading the form
    def account(self) -> Account | None:
        space, project = self.space.text().strip(), self.project.text().strip()
        return Account(space, project) if space and project else None

    def current_token(self) -> str:
        account = self.account()
        typed = self.token.text().strip()
        return typed or (self.tokens.find(account) or "" if account else "")

    def _problem(self) -> str:
        account = self.account()
        if account is None:
            return "Fill in the space and the Project ID."
        try:
            space_url(account.space)
        except SpaceError as exc:
            return str(exc)
        return "" if self.current_token() else "Paste an API token from the dashboard's API page."

    # ----------------------------------------------------------------- buttons
    def test_connection(self) -> bool:
        """Sign in and list the scripts: the quickest proof that all three values are right."""
        problem = self._problem()
        if problem:
            self.result.setText(problem)
            return False
        account = self.account()
        assert account is not None
        try:
            with self.make_client(account.space, account.project_id, self.current_token()) as client:
                names = [s.name for s in wait_for(self, f"Signing in to {account.label}…", client.list_scripts)]
        except RemoteError as exc:
            self.result.setText(exc.message)
            return False
        shown = ", ".join(f"“{n}”" for n in names[:8]) + (" …" if len(names) > 8 else "")
        self.result.setText(f"Connected to {account.label}: {len(names)} SWML script"
                            f"{'s' if len(names) != 1 else ''}" + (f": {shown}" if names else "."))
        return True

    def remove_current(self) -> None:
        account = self.chooser.currentData()
        if account is None:
            return
        self.book.remove(account)
        self.tokens.forget(account)
        self._write_book()
        self._fill_chooser(self.book.find())

    def save(self) -> None:
        """Keep the account (it becomes the default) and its token; stays open on a problem."""
        problem = self._problem()
        if problem:
            self.result.setText(problem)
            return
        account = self.account()
        assert account is not None
        previous = self.chooser.currentData()
        token = self.current_token()
        if previous is not None and previous != account:
            self.book.remove(previous)
        self.book.put(account)
        if not self._write_book():
            return
        self.tokens.save(account, token)
        self.accept()

    def _write_book(self) -> bool:
        try:
            self.book.write()
        except OSError as exc:
            self.result.setText(f"The account list could not be saved ({exc.strerror or exc}).")
            return False
        return True
