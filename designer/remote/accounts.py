"""The configured SignalWire spaces: space name and Project ID, in a small JSON file.

Shared by the window and the command line (which has no Qt settings), and holding nothing
secret: tokens are in the keyring (:mod:`designer.remote.credentials`). Several spaces may be
configured; one is the default that Publish and ``swml-designer publish`` use.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

from designer.model.catalog_cache import APP_DIR_NAME
from designer.remote.space import Account, space_name

ENV_FILE = "SWML_DESIGNER_ACCOUNTS"
FILE_NAME = "signalwire-accounts.json"


def default_path() -> Path:
    """``$SWML_DESIGNER_ACCOUNTS``, else the user's configuration folder."""
    if os.environ.get(ENV_FILE):
        return Path(os.environ[ENV_FILE])
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)) / FILE_NAME


class AccountBook:
    """The list of accounts kept at ``path`` (read when made, written on every change)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.accounts: list[Account] = []
        self.default: str = ""
        self._read()

    def _read(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        for item in data.get("accounts", []) if isinstance(data, dict) else []:
            if isinstance(item, dict) and item.get("space") and item.get("project_id"):
                self.accounts.append(Account(str(item["space"]), str(item["project_id"])))
        self.default = str(data.get("default") or "") if isinstance(data, dict) else ""

    def write(self) -> None:
        """Save the list; raises ``OSError`` when the folder cannot be written."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"default": self.default,
                "accounts": [{"space": a.space, "project_id": a.project_id} for a in self.accounts]}
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, self.path)

    def find(self, space: str | None = None) -> Account | None:
        """The account for ``space`` (by name), or the default one, or the only one."""
        wanted = space_name(space or self.default)
        for account in self.accounts:
            if account.label == wanted:
                return account
        return self.accounts[0] if not space and self.accounts else None

    def put(self, account: Account, make_default: bool = True) -> None:
        """Add ``account`` or replace the one of the same space; optionally make it the default."""
        self.accounts = [a for a in self.accounts if a.label != account.label] + [account]
        if make_default or not self.default:
            self.default = account.label

    def remove(self, account: Account) -> None:
        self.accounts = [a for a in self.accounts if a.label != account.label]
        if self.default == account.label:
            self.default = self.accounts[0].label if self.accounts else ""
