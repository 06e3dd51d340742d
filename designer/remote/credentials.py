"""API tokens: kept in the operating system's keyring, never in settings, files or logs.

The keyring is whatever the ``keyring`` library finds (Secret Service, Keychain, Windows
Credential Manager). When there is none, :class:`TokenStore` says so and keeps tokens in memory
for this session only. A CI pipeline passes credentials the way SignalWire's own SDKs read them:
``SIGNALWIRE_SPACE``, ``SIGNALWIRE_PROJECT_ID``, ``SIGNALWIRE_API_TOKEN``.
"""

from __future__ import annotations

import os
from typing import Any, Mapping

from designer.remote.space import Account

SERVICE = "swml-flow-designer"
ENV_SPACE, ENV_PROJECT, ENV_TOKEN = "SIGNALWIRE_SPACE", "SIGNALWIRE_PROJECT_ID", "SIGNALWIRE_API_TOKEN"


def _keyring() -> Any:
    """The ``keyring`` library, loaded on first use (it looks for backends, which takes a while)."""
    import keyring
    return keyring


def _failures() -> tuple[type[BaseException], ...]:
    """What a keyring backend raises when it cannot do something (locked, refused, broken)."""
    from keyring.errors import KeyringError
    return (KeyringError, RuntimeError, OSError)


def keyring_usable() -> bool:
    """``True`` when a real keyring backend is there (not the "fail" or "null" stand-ins)."""
    try:
        backend = _keyring().get_keyring()
        return float(getattr(backend, "priority", 0)) > 0 and \
            type(backend).__module__ not in ("keyring.backends.fail", "keyring.backends.null")
    except Exception:  # noqa: BLE001 - a broken backend is the same as none
        return False


class TokenStore:
    """Saves and finds tokens, falling back to this session's memory without a keyring."""

    def __init__(self) -> None:
        self._session: dict[str, str] = {}

    @property
    def persistent(self) -> bool:
        """Whether a saved token survives closing the designer."""
        return keyring_usable()

    def save(self, account: Account, token: str) -> bool:
        """Keep ``token`` for ``account``; ``True`` when it went to the keyring, ``False`` when it
        is kept for this session only (no keyring backend, or the keyring refused)."""
        self._session[account.key] = token
        if not keyring_usable():
            return False
        try:
            _keyring().set_password(SERVICE, account.key, token)
        except _failures():
            return False
        return True

    def find(self, account: Account) -> str | None:
        """The token for ``account``: this session's copy first, then the keyring."""
        if account.key in self._session:
            return self._session[account.key]
        if not keyring_usable():
            return None
        try:
            return _keyring().get_password(SERVICE, account.key)
        except _failures():
            return None

    def forget(self, account: Account) -> None:
        self._session.pop(account.key, None)
        if keyring_usable():
            try:
                _keyring().delete_password(SERVICE, account.key)
            except _failures():
                pass


def from_environment(env: Mapping[str, str] | None = None) -> tuple[Account, str] | None:
    """(account, token) from the ``SIGNALWIRE_*`` variables, or ``None`` when any is missing."""
    env = os.environ if env is None else env
    space, project, token = (env.get(k, "").strip() for k in (ENV_SPACE, ENV_PROJECT, ENV_TOKEN))
    if space and project and token:
        return Account(space, project), token
    return None
