"""``swml-designer simulate`` and ``swml-designer test``: the call simulator from a shell.

    swml-designer simulate FILE [--input INPUT]... [--call FIELD=VALUE]... [--var NAME=VALUE]...
                           [--outcome METHOD=RESULT]... [--max-steps N] [--json]
    swml-designer test FILE...

``simulate`` prints the transcript for a person, or with ``--json`` one object: ``events`` (one
per step run: ``path`` as ``validate`` prints it, ``method``, ``text``, ``play`` when the caller
hears something, ``set`` when variables were set), ``end`` (``reason`` and ``detail``) and
``vars`` (the variables at the end). Exit 0 when the call ended normally, 1 on a run-time error
or when it hit the step bound, 2 when the file cannot be read (or a bad option).

``test`` runs the calls kept beside each script (``voicemail.yaml`` -> ``voicemail.calls.yaml``;
either name may be given) and reports like a test runner: exit 1 when a call does not go as
expected, with the first difference shown.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2
COMMANDS = ("simulate", "test")


def add_parsers(sub: Any) -> None:
    """Register both commands on the main command parser's subparsers."""
    simulate = sub.add_parser("simulate", help="play a call through a script and print what happens")
    simulate.add_argument("file", metavar="FILE", help="a SWML script (.yaml or .json)")
    simulate.add_argument("--input", action="append", default=[], metavar="INPUT",
                          help="what the caller does at the next prompt: keys (2, 123#), "
                               "speech:WORDS or 'no input'; repeat for each prompt (when they "
                               "run out the caller says nothing)")
    simulate.add_argument("--call", action="append", default=[], metavar="FIELD=VALUE",
                          help="a call field, e.g. from=+15551234567 or type=sip")
    simulate.add_argument("--var", action="append", default=[], metavar="NAME=VALUE",
                          help="a variable set before the call starts")
    simulate.add_argument("--outcome", action="append", default=[], metavar="METHOD=RESULT",
                          help="what the outside world does, e.g. connect=busy (connect: "
                               "answered, busy, no answer, declined, failed; request: success, "
                               "failed); "
                               "repeat to give the next one")
    simulate.add_argument("--max-steps", type=int, default=None, metavar="N",
                          help="stop a run after N steps (default 1000)")
    simulate.add_argument("--schema", help="SWML schema file (default: the bundled one)")
    simulate.add_argument("--json", action="store_true", help="print events, end and vars as JSON")
    simulate.set_defaults(run=cmd_simulate)
    test = sub.add_parser("test", help="run the calls kept beside scripts (NAME.calls.yaml)")
    test.add_argument("files", nargs="+", metavar="FILE",
                      help="scripts (their NAME.calls.yaml beside them is run) or calls files")
    test.add_argument("--schema", help="SWML schema file (default: the bundled one)")
    test.set_defaults(run=cmd_test)


def _load_doc(path: str, schema: str | None) -> Any:
    from designer.cli import _catalog, _load
    return _load(path, _catalog(schema))[0]


def _setup(args: argparse.Namespace) -> Any:
    from designer.model.simulator_setup import CallerInput, CallSetup, parse_assignment
    setup = CallSetup(inputs=[CallerInput.parse(i) for i in args.input])
    for text in args.call:
        name, value = parse_assignment(text, typed=False)
        setup.call[name] = value
    for text in args.var:
        name, value = parse_assignment(text)
        setup.vars[name] = value
    for text in args.outcome:
        method, value = parse_assignment(text, typed=False)
        setup.outcomes.setdefault(method, []).append(str(value))
    from designer.model.simulator_methods import check_outcomes
    check_outcomes(setup.outcomes)
    if args.max_steps is not None:
        if args.max_steps < 1:
            raise ValueError("--max-steps must be 1 or more")
        setup.max_steps = args.max_steps
    return setup


def cmd_simulate(args: argparse.Namespace) -> int:
    from designer.cli import _Failure
    from designer.model.simulator import Simulator
    try:
        setup = _setup(args)
    except ValueError as exc:
        print(f"swml-designer simulate: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        doc = _load_doc(args.file, args.schema)
    except _Failure as exc:
        print(exc.line, file=sys.stderr)
        return EXIT_UNREADABLE
    sim = Simulator(doc, setup)
    end = sim.run()
    if args.json:
        print(json.dumps({"events": [e.to_json() for e in sim.events], "end": end.to_json(),
                          "vars": sim.variables()}, indent=2, ensure_ascii=False, default=str))
    else:
        print(transcript(sim))
    sim.close()
    return EXIT_OK if end.normal else EXIT_PROBLEMS


def transcript(sim: Any) -> str:
    """The run for a person: one numbered line per step, then how the call ended."""
    call = sim.state.call
    lines = [f"Call from {call.get('from')} to {call.get('to')} ({call.get('type')})"]
    width = max((len(e.path) for e in sim.events), default=0)
    for number, event in enumerate(sim.events, 1):
        lines.append(f"{number:>4}  {event.path:<{width}}  {event.text}")
    end = sim.end
    where = f" at {end.path}" if end.path else ""
    lines.append(f"Call ended ({end.reason}){where}: {end.detail}")
    return "\n".join(lines)


def cmd_test(args: argparse.Namespace) -> int:
    from designer.cli import _Failure
    from designer.model import flow_tests
    from designer.model.jsengine import JsEngine
    js = JsEngine()
    passed = failed = 0
    status = EXIT_OK
    failures: list[str] = []
    seen: set[Path] = set()
    for name in args.files:
        script, calls = _pair(name)
        if calls.resolve() in seen:  # `test *.yaml` names a script and its calls file
            continue
        seen.add(calls.resolve())
        if script is None:
            print(f"{name}: no script beside this calls file", file=sys.stderr)
            status = EXIT_UNREADABLE
            continue
        if script.exists() and not calls.exists():
            print(f"{name}: no calls file ({calls.name}) beside the script", file=sys.stderr)
            status = EXIT_UNREADABLE
            continue
        try:
            doc = _load_doc(str(script), args.schema)
            cases = flow_tests.load_calls(calls)
        except _Failure as exc:
            print(exc.line, file=sys.stderr)
            status = EXIT_UNREADABLE
            continue
        except flow_tests.CallsFileError as exc:
            print(f"{calls}: {exc}", file=sys.stderr)
            status = EXIT_UNREADABLE
            continue
        for case in cases:
            result = flow_tests.run_case(doc, case, js=js)
            label = f"{calls}::{case.name}"
            if result.passed:
                passed += 1
                print(f"PASSED  {label}")
            else:
                failed += 1
                print(f"FAILED  {label}")
                run = "\n".join("      " + line for line in transcript(result.sim).splitlines())
                failures.append(f"{label}\n    {result.difference}\n    What happened:\n{run}")
    js.close()
    for failure in failures:
        print(f"\nFAILED {failure}")
    print(f"\n{passed} passed, {failed} failed")
    if status == EXIT_OK and failed:
        status = EXIT_PROBLEMS
    return status


def _pair(name: str) -> tuple[Path | None, Path]:
    from designer.model import flow_tests
    path = Path(name)
    if path.name.endswith(flow_tests.CALLS_SUFFIX):
        return flow_tests.script_for(path), path
    return path, flow_tests.calls_path(path)
