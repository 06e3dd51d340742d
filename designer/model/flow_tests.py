"""Flow tests: calls kept beside a script (``voicemail.yaml`` -> ``voicemail.calls.yaml``),
each with what the caller does and what must happen, so a team can keep its IVR under test.

A calls file::

    calls:
      - name: caller presses 2 for support
        inputs: ["2"]                 # keys or "speech:WORDS", one per prompt
        call: {from: "+15551234567"}  # call fields (others take defaults)
        vars: {}                      # variables set before the call
        outcomes: {connect: busy}     # what the outside world does, per method
        expect:
          heard: ["Press 1 for sales...", "Connecting you to support."]
          end: end                    # hangup | end | transfer | max_steps | error
          ends_at: sections.support[1]
          vars: {connect_result: connected}

Every ``expect`` key is optional; ``heard`` lists every text spoken, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from designer.model.document import Document
from designer.model.jsengine import JsEngine
from designer.model.simulator import Simulator
from designer.model.simulator_events import Question
from designer.model.simulator_setup import CallSetup

CALLS_SUFFIX = ".calls.yaml"


class CallsFileError(Exception):
    """A calls file that cannot be read or is not shaped as described above."""


def calls_path(script: str | Path) -> Path:
    """``voicemail.yaml`` -> ``voicemail.calls.yaml`` (beside it)."""
    script = Path(script)
    return script.with_name(script.stem + CALLS_SUFFIX)


def script_for(calls: str | Path) -> Path | None:
    """The script a calls file belongs to (``.yaml``, ``.yml`` or ``.json``), if it exists."""
    calls = Path(calls)
    stem = calls.name[: -len(CALLS_SUFFIX)]
    for ext in (".yaml", ".yml", ".json"):
        candidate = calls.with_name(stem + ext)
        if candidate.exists():
            return candidate
    return None


@dataclass
class CallCase:
    """One call of a calls file."""

    name: str
    setup: CallSetup
    expect: dict[str, Any] = field(default_factory=dict)


@dataclass
class CaseResult:
    """How one call went: ``difference`` is the first thing that did not match (or None)."""

    case: CallCase
    difference: str | None
    sim: Simulator | None = None

    @property
    def passed(self) -> bool:
        return self.difference is None


def load_calls(path: str | Path) -> list[CallCase]:
    """The calls in a calls file.

    Raises:
        CallsFileError: unreadable, not YAML, or not a ``calls:`` list of mappings.
    """
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CallsFileError(f"cannot read the file: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise CallsFileError(f"not valid YAML: {exc}") from exc
    calls = data.get("calls") if isinstance(data, dict) else None
    if not isinstance(calls, list):
        raise CallsFileError("the file should hold a 'calls:' list")
    cases: list[CallCase] = []
    for number, item in enumerate(calls, 1):
        if not isinstance(item, dict):
            raise CallsFileError(f"call {number} is not a mapping of inputs, outcomes and expect")
        try:
            setup = CallSetup.from_mapping(item)
        except ValueError as exc:
            raise CallsFileError(f"call {number}: {exc}") from exc
        expect = item.get("expect") or {}
        if not isinstance(expect, dict):
            raise CallsFileError(f"call {number}: 'expect' should be a mapping")
        cases.append(CallCase(str(item.get("name") or f"call {number}"), setup, expect))
    return cases


def run_case(doc: Document, case: CallCase, js: JsEngine | None = None) -> CaseResult:
    """Run one call (outside outcomes not given take their defaults) and compare."""
    sim = Simulator(doc, case.setup, js=js)
    result = sim.run()
    if isinstance(result, Question):  # pragma: no cover - ask is off in tests
        return CaseResult(case, f"the run stopped on a question: {result.text}", sim)
    return CaseResult(case, first_difference(sim, case.expect), sim)


def heard_texts(sim: Simulator) -> list[str]:
    """Every text spoken to the caller, in order."""
    return [text for event in sim.events for text in event.heard()]


def first_difference(sim: Simulator, expect: dict[str, Any]) -> str | None:
    """The first way the run differs from ``expect``, in plain words, or None."""
    end = sim.end
    if "heard" in expect:
        wanted = [str(t) for t in expect.get("heard") or []]
        got = heard_texts(sim)
        for index, (want, have) in enumerate(zip(wanted, got)):
            if want != have:
                return f'heard[{index}]: expected "{want}" but the caller heard "{have}"'
        if len(wanted) > len(got):
            return f'heard[{len(got)}]: expected "{wanted[len(got)]}" but the caller heard nothing more'
        if len(got) > len(wanted):
            return f'heard[{len(wanted)}]: expected nothing more but the caller heard "{got[len(wanted)]}"'
    if "end" in expect and end is not None and str(expect["end"]) != end.reason:
        return f'end: expected "{expect["end"]}" but the call ended with "{end.reason}" ({end.detail})'
    if "ends_at" in expect and end is not None:
        at = end.path or (sim.events[-1].path if sim.events else "")
        if str(expect["ends_at"]) != at:
            return f'ends_at: expected {expect["ends_at"]} but the call ended at {at or "the start"}'
    for name, want in dict(expect.get("vars") or {}).items():
        values = sim.variables()
        if name not in values:
            return f'vars.{name}: expected {want!r} but it is not set'
        if values[name] != want and str(values[name]) != str(want):
            return f'vars.{name}: expected {want!r} but it is {values[name]!r}'
    return None


def case_from_run(sim: Simulator, name: str) -> dict[str, Any]:
    """A calls-file entry that pins what ``sim`` did (the window's "record as a test case")."""
    entry: dict[str, Any] = {"name": name}
    setup = sim.setup.to_mapping()
    used_inputs = [str(i) for i in sim.consumed_inputs]
    if used_inputs:
        setup["inputs"] = used_inputs
    else:
        setup.pop("inputs", None)
    if sim.answers:
        setup["outcomes"] = {m: (v[0] if len(v) == 1 else v) for m, v in sim.answers.items()}
    entry.update(setup)
    expect: dict[str, Any] = {"heard": heard_texts(sim)}
    if sim.end is not None:
        expect["end"] = sim.end.reason
        expect["ends_at"] = sim.end.path or (sim.events[-1].path if sim.events else "")
    entry["expect"] = expect
    return entry


def append_case(path: str | Path, entry: dict[str, Any], script_name: str = "") -> None:
    """Add ``entry`` to the calls file at ``path``, creating it with a header when missing."""
    path = Path(path)
    if path.exists():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict) or not isinstance(data.get("calls", []), list):
            raise CallsFileError(f"{path.name} is not a calls file; not changed")
        header = ""
    else:
        data = {}
        header = (f"# Calls through {script_name or 'the script beside this file'}, with what must "
                  "happen.\n# Run them with: swml-designer test "
                  f"{script_name or 'SCRIPT'}\n")
    data.setdefault("calls", []).append(entry)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    if header:
        text = header + text
    elif path.read_text(encoding="utf-8").startswith("#"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        text = "".join(line for line in lines[:_comment_lines(lines)]) + text
    path.write_text(text, encoding="utf-8")


def _comment_lines(lines: list[str]) -> int:
    count = 0
    for line in lines:
        if not line.startswith("#"):
            break
        count += 1
    return count
