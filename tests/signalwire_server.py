"""A stand-in SignalWire space on 127.0.0.1 for the tests (not part of the product).

Implements what the REST TypeSpec (``shared/signalwire-rest/spec/fabric-api``) says of the two
resources the designer uses: SWML Scripts (list, get, create, update, delete, addresses) and Call
Flows (list, get, update with ``document_version``), HTTP Basic auth (401 ``{"error":
"Unauthorized"}``), 404 ``{"error": "Not Found"}``, 422 ``{"errors": [{type, code, message,
attribute, url}]}``, and pagination through ``links`` (``self``, ``first``, ``next``, ``prev``
with ``page_number``, ``page_size``, ``page_token``). Scripts live in memory; every request is
recorded (method, path, headers, body). It stops when the test's ``with`` block ends.
"""

from __future__ import annotations

import base64
import json
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

SCRIPTS = "/api/fabric/resources/swml_scripts"
FLOWS = "/api/fabric/resources/call_flows"
ERROR_URL = "https://signalwire.com/docs/apis/error-codes"
#: Methods this fake space runs; anything else is refused with a 422 naming the block.
KNOWN = {"answer", "hangup", "play", "record_call", "stop_record_call", "prompt", "switch", "cond",
         "goto", "label", "transfer", "execute", "return", "set", "unset", "connect", "sleep",
         "record", "send_sms", "request", "denoise", "stop_denoise", "tap", "stop_tap", "ai",
         "detect_machine", "pay", "sip_refer", "join_room", "join_conference", "live_transcribe",
         "live_translate", "receive_fax", "send_digits", "send_fax", "user_event", "enter_queue"}


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class FakeSpace:
    """The space's state; tests read and change it directly."""

    project_id: str = "proj-1"
    token: str = "tok-SECRET-123"
    page_size: int = 50
    scripts: dict[str, dict[str, Any]] = field(default_factory=dict)
    flows: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    #: Answer every request with this status (500 to test SignalWire's own trouble).
    fail_with: int | None = None
    #: More 422 ``errors`` items for every script create or update (checks the stand-in lacks).
    also_refuse: list[dict[str, Any]] = field(default_factory=list)
    #: Send ``contents`` back as a JSON string, as older answers did.
    contents_as_text: bool = False
    clock: int = 0
    #: The address request URLs name (default: the address the request came to).
    public_base: str = ""

    def tick(self) -> str:
        self.clock += 1
        return f"2026-11-26T10:{self.clock // 60:02d}:{self.clock % 60:02d}Z"

    def add_script(self, name: str, contents: dict[str, Any]) -> str:
        sid = str(uuid.uuid4())
        now = self.tick()
        self.scripts[sid] = {"id": sid, "display_name": name, "contents": contents,
                             "created_at": now, "updated_at": now}
        return sid

    def add_flow(self, title: str, relayml: dict[str, Any], version: int = 3) -> str:
        fid = str(uuid.uuid4())
        now = self.tick()
        self.flows[fid] = {"id": fid, "title": title, "relayml": relayml, "document_version": version,
                           "flow_data": {"nodes": [{"id": "n1"}]}, "created_at": now, "updated_at": now}
        return fid

    # ----------------------------------------------------------------- shapes (responses.tsp)
    def script_json(self, base: str, s: dict[str, Any]) -> dict[str, Any]:
        contents = json.dumps(s["contents"]) if self.contents_as_text else s["contents"]
        return {"id": s["id"], "project_id": self.project_id, "display_name": s["display_name"],
                "type": "swml_script", "created_at": s["created_at"], "updated_at": s["updated_at"],
                "swml_script": {"id": s["id"], "display_name": s["display_name"], "script_type": "calling",
                                "request_url": f"{base}/api/fabric/resources/swml_scripts/{s['id']}/swml",
                                "contents": contents}}

    def flow_json(self, f: dict[str, Any]) -> dict[str, Any]:
        return {"id": f["id"], "project_id": self.project_id, "display_name": f["title"], "type": "call_flow",
                "created_at": f["created_at"], "updated_at": f["updated_at"],
                "call_flow": {k: f[k] for k in ("id", "title", "flow_data", "relayml", "document_version")}}


def validation_errors(contents: Any, attribute: str = "contents") -> list[dict[str, Any]]:
    """What this fake space refuses: no SWML object, no sections, or a method it does not know."""
    def error(code: str, message: str, attr: str) -> dict[str, Any]:
        return {"type": "validation_error", "code": code, "message": message, "attribute": attr, "url": ERROR_URL}
    if contents is None:
        return [error("missing_required_parameter", f"{attribute} is required", attribute)]
    if not isinstance(contents, dict) or not isinstance(contents.get("sections"), dict):
        return [error("invalid_parameter_value", f"{attribute} must be valid SWML JSON", attribute)]
    out = []
    for name, body in contents["sections"].items():
        for i, item in enumerate(body if isinstance(body, list) else []):
            method = next(iter(item)) if isinstance(item, dict) and len(item) == 1 else item
            if isinstance(method, str) and method not in KNOWN:
                out.append(error("invalid_parameter_value", f"unknown SWML method '{method}'",
                                 f"{attribute}.sections.{name}[{i}].{method}"))
    return out


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def log_message(self, *_args: Any) -> None:  # quiet: no request lines on stderr
        pass

    def _send(self, status: int, body: Any = None) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _handle(self) -> None:
        space = self.server.space
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        parts = urlsplit(self.path)
        space.requests.append(Recorded(self.command, self.path, dict(self.headers), body))
        expected = "Basic " + base64.b64encode(f"{space.project_id}:{space.token}".encode()).decode()
        if self.headers.get("Authorization") != expected:
            return self._send(401, {"error": "Unauthorized"})
        if space.fail_with:
            return self._send(space.fail_with, {"error": "Internal Server Error"})
        base = space.public_base or f"http://{self.headers.get('Host')}"
        route = self.server.route(self.command, parts.path, parse_qs(parts.query), body, base)
        self._send(*route)

    do_GET = do_POST = do_PUT = do_DELETE = _handle  # noqa: N815 - http.server's names


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, space: FakeSpace) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.space = space

    def route(self, method: str, path: str, query: dict[str, list[str]], body: Any,
              base: str) -> tuple[int, Any]:
        s = self.space
        not_found = (404, {"error": "Not Found"})
        segments = path.rstrip("/").split("/")
        if path.rstrip("/") == SCRIPTS:
            if method == "GET":
                items = [s.script_json(base, x) for x in s.scripts.values()]
                return 200, self.page(items, base + SCRIPTS, query, "swml_script")
            if method == "POST":
                if not isinstance(body, dict) or not body.get("name"):
                    return 422, {"errors": [{"type": "validation_error", "code": "missing_required_parameter",
                                             "message": "name is required", "attribute": "name", "url": ERROR_URL}]}
                errors = validation_errors(body.get("contents")) + s.also_refuse
                if errors:
                    return 422, {"errors": errors}
                sid = s.add_script(body["name"], body["contents"])
                return 200, s.script_json(base, s.scripts[sid])
        if path.startswith(SCRIPTS + "/"):
            sid = segments[5]
            script = s.scripts.get(sid)
            if script is None:
                return not_found
            if len(segments) == 7 and segments[6] == "addresses" and method == "GET":
                return 200, self.page(script.get("addresses", []), f"{base}{SCRIPTS}/{sid}/addresses", query, None)
            if len(segments) != 6:
                return not_found
            if method == "GET":
                return 200, s.script_json(base, script)
            if method == "PUT":
                if isinstance(body, dict) and "contents" in body:
                    errors = validation_errors(body["contents"]) + s.also_refuse
                    if errors:
                        return 422, {"errors": errors}
                    script["contents"] = body["contents"]
                if isinstance(body, dict) and body.get("display_name"):
                    script["display_name"] = body["display_name"]
                script["updated_at"] = s.tick()
                return 200, s.script_json(base, script)
            if method == "DELETE":
                del s.scripts[sid]
                return 204, None
        if path.rstrip("/") == FLOWS and method == "GET":
            return 200, self.page([s.flow_json(f) for f in s.flows.values()], base + FLOWS, query, "call_flow")
        if path.startswith(FLOWS + "/") and len(segments) == 6:
            flow = s.flows.get(segments[5])
            if flow is None:
                return not_found
            if method == "GET":
                return 200, s.flow_json(flow)
            if method == "PUT":
                version = body.get("document_version") if isinstance(body, dict) else None
                if version != flow["document_version"] + 1:
                    return 422, {"errors": [{"type": "validation_error", "code": "invalid_parameter_value",
                                             "message": "document_version must be greater than current version",
                                             "attribute": "document_version", "url": ERROR_URL}]}
                errors = validation_errors(body.get("relayml"), "relayml")
                if errors:
                    return 422, {"errors": errors}
                flow.update(relayml=body["relayml"], flow_data=body.get("flow_data", {}),
                            document_version=version, updated_at=s.tick())
                return 200, s.flow_json(flow)
        return not_found

    def page(self, items: list[Any], url: str, query: dict[str, list[str]], kind: str | None) -> dict[str, Any]:
        """One page and its links, as the spec's pagination examples show them."""
        size = int(query.get("page_size", [self.space.page_size])[0])
        number = int(query.get("page_number", ["0"])[0])
        suffix = f"&type={kind}" if kind else ""
        links = {"self": f"{url}?page_number={number}&page_size={size}{suffix}",
                 "first": f"{url}?page_size={size}{suffix}"}
        if (number + 1) * size < len(items):
            links["next"] = f"{url}?page_number={number + 1}&page_size={size}&page_token=PA{uuid.uuid4()}{suffix}"
        if number > 0:
            links["prev"] = f"{url}?page_number={number - 1}&page_size={size}&page_token=PA{uuid.uuid4()}{suffix}"
        return {"data": items[number * size:(number + 1) * size], "links": links}


class running:  # noqa: N801 - used as ``with running(space) as address``
    """Serve ``space`` on 127.0.0.1 for the ``with`` block; yields ``"127.0.0.1:PORT"``."""

    def __init__(self, space: FakeSpace) -> None:
        self.server = _Server(space)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        host, port = self.server.server_address[:2]
        return f"{host}:{port}"

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
