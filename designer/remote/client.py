"""A small client for the two SignalWire REST resources the designer uses.

SWML Scripts (``/api/fabric/resources/swml_scripts``: list, get, create, update, addresses) and
Call Flows (``/api/fabric/resources/call_flows``: list, get, update), signed in with HTTP Basic
(Project ID, API token) as SignalWire's REST reference describes. Every failure is raised as a
:class:`~designer.remote.errors.RemoteError` with a plain message; the token never appears in
one, and nothing is sent except by an explicit method call.
"""

from __future__ import annotations

from typing import Any, Iterator
from urllib.parse import urlsplit

import httpx

from designer.remote.errors import BAD_ANSWER, NETWORK, Refusal, RemoteError, status_error
from designer.remote.items import CALL_FLOW, SCRIPT, RemoteScript, parse_contents
from designer.remote.space import space_url

__all__ = ["SignalWireClient", "RemoteScript", "CALL_FLOW", "SCRIPT", "parse_contents"]

SCRIPTS = "/api/fabric/resources/swml_scripts"
CALL_FLOWS = "/api/fabric/resources/call_flows"
TIMEOUT = httpx.Timeout(20.0, connect=8.0)
MAX_PAGES = 200  # a space with more than 10,000 scripts is not one this list is for


def _script_from(item: dict[str, Any]) -> RemoteScript:
    inner = item.get("swml_script") if isinstance(item.get("swml_script"), dict) else item
    return RemoteScript(
        id=str(item.get("id") or inner.get("id") or ""),
        name=str(item.get("display_name") or inner.get("display_name") or inner.get("name") or ""),
        kind=SCRIPT, updated_at=str(item.get("updated_at") or ""),
        contents=parse_contents(inner.get("contents")), request_url=str(inner.get("request_url") or ""))


def _flow_from(item: dict[str, Any]) -> RemoteScript:
    inner = item.get("call_flow") if isinstance(item.get("call_flow"), dict) else item
    version = inner.get("document_version")
    return RemoteScript(
        id=str(item.get("id") or inner.get("id") or ""),
        name=str(item.get("display_name") or inner.get("title") or ""),
        kind=CALL_FLOW, updated_at=str(item.get("updated_at") or ""),
        contents=parse_contents(inner.get("relayml")),
        version=version if isinstance(version, int) else None,
        flow_data=inner.get("flow_data") if isinstance(inner.get("flow_data"), dict) else {})


class SignalWireClient:
    """Signed-in access to one space.

    Args:
        space: ``example``, ``example.signalwire.com`` or a loopback ``host:port`` (tests).
        project_id: the Project ID (the Basic-auth user).
        token: the API token (the Basic-auth password); kept only in this object.
        transport: an ``httpx`` transport for tests that need no server at all.
    """

    def __init__(self, space: str, project_id: str, token: str,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = space_url(space)
        self.host = urlsplit(self.base_url).netloc
        self._http = httpx.Client(base_url=self.base_url, auth=(project_id.strip(), token.strip()),
                                  timeout=TIMEOUT, transport=transport, follow_redirects=False,
                                  headers={"Accept": "application/json",
                                           "User-Agent": "swml-flow-designer"})

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "SignalWireClient":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- SWML scripts
    def list_scripts(self) -> list[RemoteScript]:
        """Every SWML script of the space, all pages."""
        return [_script_from(i) for i in self._pages(SCRIPTS, "list the SWML scripts")]

    def get_script(self, script_id: str) -> RemoteScript:
        return _script_from(self._call("GET", f"{SCRIPTS}/{script_id}", "fetch the SWML script"))

    def find_script(self, name: str) -> RemoteScript | None:
        """The space's script called ``name`` (case-sensitive, as the dashboard shows it)."""
        return next((s for s in self.list_scripts() if s.name == name), None)

    def create_script(self, name: str, contents: dict[str, Any]) -> RemoteScript:
        body = {"name": name, "script_type": "calling", "contents": contents}
        return _script_from(self._call("POST", SCRIPTS, "create the SWML script", body))

    def update_script(self, script_id: str, contents: dict[str, Any],
                      display_name: str | None = None) -> RemoteScript:
        body: dict[str, Any] = {"contents": contents}
        if display_name:
            body["display_name"] = display_name
        return _script_from(self._call("PUT", f"{SCRIPTS}/{script_id}", "update the SWML script", body))

    def script_addresses(self, script_id: str) -> list[dict[str, Any]]:
        """The addresses (phone numbers, SIP, apps) that run this script."""
        return list(self._pages(f"{SCRIPTS}/{script_id}/addresses", "list where the script is used"))

    # ----------------------------------------------------------------- call flows
    def list_call_flows(self) -> list[RemoteScript]:
        return [_flow_from(i) for i in self._pages(CALL_FLOWS, "list the Call Flows")]

    def get_call_flow(self, flow_id: str) -> RemoteScript:
        return _flow_from(self._call("GET", f"{CALL_FLOWS}/{flow_id}", "fetch the Call Flow"))

    def update_call_flow(self, flow: RemoteScript, relayml: dict[str, Any]) -> RemoteScript:
        """Replace a Call Flow's SWML; its version goes up by one, as the API requires.

        The web builder's drawing (``flow_data``) is sent back empty: it no longer describes the
        SWML, and the builder would otherwise show (and re-save) a flow that is not the one live.
        """
        body = {"title": flow.name, "document_version": (flow.version or 0) + 1,
                "flow_data": {}, "relayml": relayml}
        return _flow_from(self._call("PUT", f"{CALL_FLOWS}/{flow.id}", "update the Call Flow", body))

    # ----------------------------------------------------------------- plumbing
    def _pages(self, path: str, what: str) -> Iterator[dict[str, Any]]:
        """The ``data`` items of every page, following ``links.next`` within this space only."""
        url: str | None = path
        for _ in range(MAX_PAGES):
            if url is None:
                return
            answer = self._call("GET", url, what)
            items = answer if isinstance(answer, list) else answer.get("data", [])
            yield from (i for i in items if isinstance(i, dict))
            links = answer.get("links") if isinstance(answer, dict) else None
            following = links.get("next") if isinstance(links, dict) else None
            url = self._same_space(following) if following else None

    def _same_space(self, link: str) -> str:
        """A pagination link as a path on this space: credentials never go to another host."""
        parts = urlsplit(link)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def _call(self, method: str, url: str, what: str, body: Any = None) -> Any:
        try:
            response = self._http.request(method, url, json=body)
        except httpx.TimeoutException as exc:
            raise RemoteError(NETWORK, f"{self.host} did not answer in time while trying to {what}. "
                              "Check your internet connection; nothing was changed.") from exc
        except httpx.HTTPError as exc:
            raise RemoteError(NETWORK, f"Could not reach {self.host} to {what}: check your internet "
                              "connection and the space name. Nothing was changed.") from exc
        if response.status_code >= 400:
            raise status_error(response.status_code, self.host, what, _refusals(response))
        if response.is_redirect:  # never followed: the credentials would go along
            raise RemoteError(BAD_ANSWER, f"{self.host} sent the request elsewhere instead of answering "
                              f"(trying to {what}). Is the space name right?", response.status_code)
        if response.status_code == 204 or not response.content:
            return {}
        try:
            return response.json()
        except ValueError as exc:
            raise RemoteError(BAD_ANSWER, f"{self.host} answered something that is not SignalWire's "
                              f"REST API while trying to {what}. Is the space name right?",
                              response.status_code) from exc


def _refusals(response: httpx.Response) -> list[Refusal]:
    """The ``errors`` items of an error answer (``{type, code, message, attribute, url}``)."""
    try:
        data = response.json()
    except ValueError:
        return []
    items = data.get("errors") if isinstance(data, dict) else None
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            message = item.get("message") or item.get("detail") or item.get("title") or ""
            out.append(Refusal(str(message), item.get("attribute"), str(item.get("code") or "")))
    return out
