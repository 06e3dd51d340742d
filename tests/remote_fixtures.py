"""Fixtures for the SignalWire tests: a fake space on 127.0.0.1 and an in-memory keyring.

Import the fixtures into a test module (``from tests.remote_fixtures import ...``). The real
keyring of the machine running the tests is never touched: every test that needs one gets
:class:`MemoryKeyring` through ``keyring.set_keyring``, and the previous backend is put back.
"""

from __future__ import annotations

from typing import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from tests.signalwire_server import FakeSpace, running

TOKEN = "tok-SECRET-123"
PROJECT = "proj-1"
SIMPLE = {"version": "1.0.0", "sections": {"main": [{"answer": {}}, {"play": {"url": "say:Hello"}}, {"hangup": {}}]}}


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict (priority 1 so it counts as a real backend)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """As on a machine without Secret Service, Keychain or Credential Manager."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def space() -> FakeSpace:
    return FakeSpace(project_id=PROJECT, token=TOKEN)


@pytest.fixture
def address(space: FakeSpace) -> Iterator[str]:
    """``127.0.0.1:PORT`` of the running fake space."""
    with running(space) as where:
        yield where


@pytest.fixture
def offline_address() -> str:
    """A loopback port nobody listens on: the same as being offline."""
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"127.0.0.1:{port}"
