"""Where a SignalWire space lives and who signs in to it (no secrets kept here).

A space is written the way people know it: ``example`` means ``https://example.signalwire.com``.
A loopback host with a port (``127.0.0.1:8765``, ``localhost:8765``) is reached over plain http,
as SignalWire's own SDK does for a local test server; nothing else ever goes over plain http.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LOOPBACK = re.compile(r"^(?:https?://)?(127\.\d+\.\d+\.\d+|localhost|\[::1\]):(\d{1,5})/?$", re.I)
_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", re.I)
_FULL_HOST = re.compile(r"^(?:https://)?([a-z0-9-]+)\.signalwire\.com/?$", re.I)


class SpaceError(ValueError):
    """The space was written in a way that names no SignalWire space."""


def space_url(space: str) -> str:
    """The base URL of ``space``: ``example`` -> ``https://example.signalwire.com``.

    Accepts ``example.signalwire.com`` and ``https://example.signalwire.com`` too (pasted from
    the browser), and ``127.0.0.1:PORT`` / ``localhost:PORT`` for a local test server (http).
    Raises :class:`SpaceError` with a plain message for anything else.
    """
    text = (space or "").strip()
    loop = _LOOPBACK.match(text)
    if loop:
        return f"http://{loop.group(1).lower()}:{int(loop.group(2))}"
    full = _FULL_HOST.match(text)
    if full:
        text = full.group(1)
    if not _NAME.match(text):
        raise SpaceError(f"“{space}” is not a space name. Write the part before .signalwire.com "
                         "in your dashboard's address, e.g. example for example.signalwire.com.")
    return f"https://{text.lower()}.signalwire.com"


def space_name(space: str) -> str:
    """The short form people recognise: ``https://example.signalwire.com`` -> ``example``."""
    text = (space or "").strip()
    full = _FULL_HOST.match(text)
    return full.group(1).lower() if full else text


@dataclass(frozen=True)
class Account:
    """A space and the Project ID used to sign in to it; the API token lives in the keyring."""

    space: str
    project_id: str

    @property
    def key(self) -> str:
        """How the keyring names this account's token (never the token itself)."""
        return f"{space_name(self.space)}:{self.project_id.strip()}"

    @property
    def label(self) -> str:
        return space_name(self.space)
