"""What can go wrong talking to SignalWire, each in words a non-programmer can act on.

Offline is normal for a desktop tool: every remote action fails with one of these and the flow
being edited is left exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field

AUTH = "auth"            # 401: wrong Project ID or token
NOT_FOUND = "not_found"  # 404: no such script (deleted?), or a wrong space
REFUSED = "refused"      # 422: SignalWire checked the request and said no (details attached)
SERVER = "server"        # 5xx: SignalWire had a problem
NETWORK = "network"      # no answer at all: offline, wrong space name, timeout
BAD_ANSWER = "bad_answer"  # an answer we cannot read
NO_ACCOUNT = "no_account"  # nothing to sign in with


@dataclass(frozen=True)
class Refusal:
    """One of SignalWire's validation messages (the 422 ``errors`` items)."""

    message: str
    attribute: str | None = None
    code: str = ""


@dataclass
class RemoteError(Exception):
    """A remote action failed; ``message`` says what happened and what to do."""

    kind: str
    message: str
    status: int | None = None
    refusals: list[Refusal] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    @property
    def was_refused(self) -> bool:
        """SignalWire answered and said no (the CLI exits 1), as opposed to no usable answer (2)."""
        return self.kind in (AUTH, NOT_FOUND, REFUSED)


def status_error(status: int, host: str, what: str, refusals: list[Refusal]) -> RemoteError:
    """The error for an HTTP ``status`` answered by ``host`` while doing ``what``."""
    if status == 401:
        return RemoteError(AUTH, f"{host} did not accept the Project ID and API token. Check the "
                           "token in File > SignalWire Account (it may have been revoked), and that "
                           "the Project ID belongs to this space.", status)
    if status == 403:
        return RemoteError(AUTH, f"{host} says this API token may not {what}. Give the token the "
                           "Voice permission in the dashboard's API page.", status)
    if status == 404:
        return RemoteError(NOT_FOUND, f"{host} has no such item to {what}: it may have been deleted "
                           "in the dashboard, or it belongs to another space.", status)
    if status == 422:
        lines = "\n".join(f"• {r.message}" for r in refusals) or "• (no reason given)"
        return RemoteError(REFUSED, f"SignalWire refused to {what}:\n{lines}", status, refusals)
    if status >= 500:
        return RemoteError(SERVER, f"{host} had a problem of its own (error {status}) while trying to "
                           f"{what}. Nothing was changed; try again in a few minutes.", status)
    return RemoteError(BAD_ANSWER, f"{host} answered “{status}” when asked to {what}; nothing was "
                       "changed.", status)
