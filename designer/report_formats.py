"""Ways ``swml-designer validate`` can print its findings, for people and for pipelines.

A finding is the plain record the command line already builds (``file``, ``line``, ``column``,
``severity``, ``path``, ``message``, ``code``). Each format here turns a list of them into text:

- ``text`` (printed by the command line itself, file by file): ``FILE:LINE:COL: severity: PATH: MESSAGE``;
- ``json``: the records as a JSON list;
- ``github``: GitHub Actions workflow commands (``::error file=...,line=...,col=...::message``), which
  the Actions runner turns into annotations on the pull request's changed lines;
- ``sarif``: one SARIF 2.1.0 log, the interchange format code-scanning services read.

No Qt and no I/O: the command line prints what these functions return.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import Any, Iterable
from urllib.parse import quote

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "swml-designer"

#: What each finding code means, for the rule list of a SARIF log (unknown codes get a generic line).
_RULE_TEXT = {
    "parse": "The file is not readable YAML or JSON, or not UTF-8 text.",
}
_SARIF_LEVEL = {"error": "error", "warning": "warning"}
_GITHUB_COMMAND = {"error": "error", "warning": "warning"}


# ----------------------------------------------------------------------------- GitHub Actions
def _escape_data(text: str) -> str:
    """Escape a workflow command's message, as the Actions toolkit does (``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Escape a workflow command's property value: also ``:`` and ``,``, which end a property."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(rec: dict[str, Any]) -> str:
    """One finding as ``::error file=F,line=L,col=C,title=...::PATH: MESSAGE``.

    Errors become ``::error``, warnings ``::warning``, anything milder ``::notice``, so a workflow
    fails on the same findings that make the command exit 1, and only shows the rest.
    """
    command = _GITHUB_COMMAND.get(rec.get("severity", ""), "notice")
    props = [f"file={_escape_property(PurePath(rec['file']).as_posix())}",
             f"line={int(rec['line'])}", f"col={int(rec['column'])}"]
    if rec.get("code"):
        props.append(f"title={_escape_property('SWML ' + str(rec['code']))}")
    where = f"{rec['path']}: " if rec.get("path") else ""
    return f"::{command} {','.join(props)}::{_escape_data(where + str(rec['message']))}"


# ----------------------------------------------------------------------------- SARIF 2.1.0
def _artifact_uri(file: str) -> dict[str, str]:
    """A SARIF artifact location: relative paths stay relative to the checkout (``%SRCROOT%``),
    which is what code-scanning services map onto the repository; absolute ones become file URIs."""
    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(PurePath(file).as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}


def _rules(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    codes = sorted({str(rec.get("code") or "swml") for rec in records})
    rules = []
    for code in codes:
        text = _RULE_TEXT.get(code, f"SWML check '{code}': the script breaks a rule of the SWML schema "
                                    "or of the call flow.")
        rules.append({"id": code, "name": code, "shortDescription": {"text": text}})
    return rules


def sarif_log(records: list[dict[str, Any]], files: Iterable[str], version: str) -> dict[str, Any]:
    """A SARIF 2.1.0 log of one run over ``files`` with one result per finding.

    Every checked file is listed as an artifact, also the clean ones, so a code-scanning service
    knows they were looked at and closes alerts fixed since the last run.
    """
    rules = _rules(records)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    artifacts = [{"location": _artifact_uri(f)} for f in dict.fromkeys(files)]
    results = []
    for rec in records:
        code = str(rec.get("code") or "swml")
        location: dict[str, Any] = {
            "physicalLocation": {
                "artifactLocation": _artifact_uri(rec["file"]),
                "region": {"startLine": max(1, int(rec["line"])), "startColumn": max(1, int(rec["column"]))},
            }}
        if rec.get("path"):
            location["logicalLocations"] = [{"fullyQualifiedName": rec["path"], "kind": "member"}]
        where = f"{rec['path']}: " if rec.get("path") else ""
        results.append({"ruleId": code, "ruleIndex": index[code],
                        "level": _SARIF_LEVEL.get(rec.get("severity", ""), "note"),
                        "message": {"text": where + str(rec["message"])}, "locations": [location]})
    driver = {"name": TOOL_NAME, "version": version, "semanticVersion": version, "rules": rules}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "artifacts": artifacts, "results": results,
                      "columnKind": "unicodeCodePoints",
                      "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}}}]}


# ----------------------------------------------------------------------------- all at once
def render(fmt: str, records: list[dict[str, Any]], files: Iterable[str], version: str) -> str:
    """All findings in ``fmt`` (json, github or sarif) as one text, without a trailing newline;
    github with no findings gives an empty text."""
    if fmt == "github":
        return "\n".join(github_line(rec) for rec in records)
    if fmt == "json":
        return json.dumps(records, indent=2, ensure_ascii=False)
    if fmt == "sarif":
        return json.dumps(sarif_log(records, files, version), indent=2, ensure_ascii=False)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS[1:])}")
