"""Publishing a flow: decide create or update, look at the live version first, then send.

Shared by File > Publish and ``swml-designer publish`` so both behave the same. :func:`plan`
only reads (it fetches the live script to show what changes and to notice someone else's edit);
:func:`send` is the one step that changes anything on SignalWire.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from designer.remote.changes import Changes, compare
from designer.remote.errors import NOT_FOUND, RemoteError
from designer.remote.items import CALL_FLOW, SCRIPT, RemoteScript

if TYPE_CHECKING:
    from designer.remote.client import SignalWireClient

CREATE, UPDATE = "create", "update"


def fingerprint(contents: dict[str, Any] | None) -> str:
    """A short fingerprint of SWML data (key order ignored): did the live script change?"""
    if contents is None:
        return ""
    text = json.dumps(contents, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Origin:
    """Where a flow came from, or was last published to: enough to update it and to notice
    that someone changed it meanwhile (``updated_at`` and the ``seen`` fingerprint)."""

    space: str
    kind: str
    id: str
    name: str
    updated_at: str = ""
    seen: str = ""

    @classmethod
    def of(cls, space: str, item: RemoteScript) -> "Origin":
        return cls(space, item.kind, item.id, item.name, item.updated_at, fingerprint(item.contents))

    @classmethod
    def from_json(cls, text: str) -> "Origin | None":
        try:
            data = json.loads(text)
            return cls(**{k: str(data[k]) for k in ("space", "kind", "id", "name")},
                       updated_at=str(data.get("updated_at", "")), seen=str(data.get("seen", "")))
        except (ValueError, TypeError, KeyError):
            return None

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    def describe(self) -> str:
        """``SignalWire script “Voicemail” (space example)`` for the title bar."""
        what = "Call Flow" if self.kind == CALL_FLOW else "script"
        return f"SignalWire {what} “{self.name}” ({self.space})"


@dataclass
class Plan:
    """What Publish is about to do: ``action`` create/update, to ``live`` (``None`` on create)."""

    action: str
    name: str
    live: RemoteScript | None
    changes: Changes
    #: The live version differs from the one opened or last published here: someone else edited it.
    conflict: bool = False
    #: The script this flow came from is gone (deleted in the dashboard): it will be created again.
    gone: bool = False

    @property
    def is_call_flow(self) -> bool:
        return self.live is not None and self.live.kind == CALL_FLOW


def plan(client: SignalWireClient, local: dict[str, Any], name: str, origin: Origin | None) -> Plan:
    """Look before publishing: fetch the live version (if any) and compare it with ``local``."""
    live: RemoteScript | None = None
    gone = False
    if origin is not None:
        try:
            live = client.get_call_flow(origin.id) if origin.kind == CALL_FLOW else client.get_script(origin.id)
        except RemoteError as exc:
            if exc.kind != NOT_FOUND:
                raise
            gone = True
    if live is None and not (origin is not None and origin.kind == CALL_FLOW):
        live = client.find_script(name)
        if live is not None and live.contents is None:
            live = client.get_script(live.id)
    if live is None:
        return Plan(CREATE, name, None, compare(None, local), gone=gone)
    conflict = origin is not None and origin.id == live.id and (
        (origin.seen and origin.seen != fingerprint(live.contents))
        or (origin.updated_at and live.updated_at and origin.updated_at != live.updated_at))
    return Plan(UPDATE, live.name or name, live, compare(live.contents, local), conflict=bool(conflict))


def send(client: SignalWireClient, the_plan: Plan, local: dict[str, Any]) -> RemoteScript:
    """Carry out ``the_plan``; the answer is the script as SignalWire now holds it."""
    live = the_plan.live
    if the_plan.action == CREATE or live is None:
        result = client.create_script(the_plan.name, local)
    elif live.kind == CALL_FLOW:
        result = client.update_call_flow(live, local)
    else:
        result = client.update_script(live.id, local)
    if result.contents is None:
        result.contents = local
    if not result.request_url and result.kind == SCRIPT and live is not None:
        result.request_url = live.request_url
    return result


def where_to_assign(result: RemoteScript) -> str:
    """Plain directions for making a phone number run the script just published."""
    if result.kind == CALL_FLOW:
        return ("Phone numbers already assigned to this Call Flow run the new version now. To assign "
                "another: Dashboard > Phone Numbers > the number > Edit Settings > Handle calls "
                f"using: Call Flow, and pick “{result.name}”.")
    return ("To answer calls with it: Dashboard > Phone Numbers > pick a number > Edit Settings > "
            f"Handle calls using: a SWML Script, and pick “{result.name}”. Numbers already "
            "using it run the new version from the next call.")
