"""What a space holds, as the designer sees it: a SWML script or a web-builder Call Flow.

Kept apart from the HTTP client so the window can show and compare items without loading the
HTTP library at start-up (it is loaded on the first request).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import yaml

SCRIPT = "script"
CALL_FLOW = "call_flow"


@dataclass
class RemoteScript:
    """A SWML script or a web-builder Call Flow as the space holds it.

    ``contents`` is the SWML (``relayml`` for a Call Flow) as plain data, or ``None`` when a
    listing did not include it. ``version`` is a Call Flow's ``document_version``.
    """

    id: str
    name: str
    kind: str = SCRIPT
    updated_at: str = ""
    contents: dict[str, Any] | None = None
    request_url: str = ""
    version: int | None = None
    flow_data: dict[str, Any] = field(default_factory=dict)


def parse_contents(value: Any) -> dict[str, Any] | None:
    """SWML from a response: the current spec sends an object, older answers a JSON/YAML string."""
    if isinstance(value, dict):
        return value
    if isinstance(value, str) and value.strip():
        try:
            data = json.loads(value)
        except ValueError:
            try:
                data = yaml.safe_load(value)
            except yaml.YAMLError:
                return None
        return data if isinstance(data, dict) else None
    return None
