"""``swml-designer publish`` and ``swml-designer pull``: SignalWire from a shell or a CI pipeline.

    swml-designer publish FILE [--name NAME] [--space SPACE] [--schema FILE]
    swml-designer pull NAME|ID OUT [--space SPACE]

Credentials come from the ``SIGNALWIRE_SPACE``, ``SIGNALWIRE_PROJECT_ID`` and
``SIGNALWIRE_API_TOKEN`` variables (as SignalWire's SDKs read them), else from the account set up
in the window (File > SignalWire Account) with its token in the keyring. ``--space`` picks
another configured space (or overrides the variable). Exit codes: 0 done; 1 SignalWire refused
it (its messages printed) or the script has errors or was not found; 2 it could not be sent
(no credentials, offline, SignalWire's own trouble, unreadable file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Sequence

from designer.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, REMOTE_COMMANDS, _Failure, _catalog, _load, \
    _problem_record, _record_line
from designer.model.problems import format_path

COMMANDS = REMOTE_COMMANDS


def _credentials(space: str | None) -> tuple[str, str, str]:
    """(space, project id, token); raises :class:`_Failure` naming what is missing."""
    from designer.remote.accounts import AccountBook
    from designer.remote.credentials import ENV_PROJECT, ENV_TOKEN, TokenStore, from_environment
    env = from_environment()
    if env is not None:
        account, token = env
        return space or account.space, account.project_id, token
    book = AccountBook()
    account = book.find(space)
    if account is None:
        where = f"the space “{space}”" if space else "a SignalWire space"
        raise _Failure(f"error: no account for {where}: set {ENV_PROJECT} and {ENV_TOKEN} (and "
                       "SIGNALWIRE_SPACE), or add the account in the designer (File > SignalWire Account)")
    token = TokenStore().find(account)
    if not token:
        raise _Failure(f"error: no API token for {account.label} in the keyring: set {ENV_TOKEN}, or "
                       "enter the token again in the designer (File > SignalWire Account)")
    return account.space, account.project_id, token


def _client(space: str | None) -> Any:
    from designer.remote.client import SignalWireClient
    from designer.remote.space import SpaceError
    where, project, token = _credentials(space)
    try:
        return SignalWireClient(where, project, token)
    except SpaceError as exc:
        raise _Failure(f"error: {exc}") from exc


def _remote_failure(exc: Any, doc: Any = None) -> int:
    """Print a :class:`RemoteError` (with SignalWire's messages placed on blocks); its exit code."""
    from designer.remote.refusals import place
    print(f"error: {exc.message}", file=sys.stderr)
    if doc is not None and exc.refusals:
        from designer.model.validation import iter_located
        paths = {step.id: path for step, path, _s in iter_located(doc) if path is not None}
        for placed in place(doc, exc.refusals):
            where = format_path(paths[placed.step.id] + (placed.step.method,) + placed.field) \
                if placed.step is not None else "(document)"
            print(f"  {where}: {placed.message}", file=sys.stderr)
    return EXIT_PROBLEMS if exc.was_refused else EXIT_UNREADABLE


def cmd_publish(args: argparse.Namespace) -> int:
    from designer.model.validation import validator_for
    from designer.remote import publishing
    from designer.remote.errors import RemoteError
    try:
        catalog = _catalog(args.schema)
        doc, text, fmt = _load(args.file, catalog)
    except _Failure as exc:
        print(exc.line, file=sys.stderr)
        return EXIT_UNREADABLE
    problems = validator_for(catalog).validate(doc, text, fmt)
    for problem in problems:
        print(_record_line(_problem_record(args.file, problem)), file=sys.stderr)
    errors = sum(1 for p in problems if p.is_error)
    if errors:
        print(f"{args.file}: not published: {errors} error(s); SignalWire would refuse it", file=sys.stderr)
        return EXIT_PROBLEMS
    name = args.name or Path(args.file).stem
    try:
        with _client(args.space) as client:
            data = doc.to_data()
            the_plan = publishing.plan(client, data, name, None)
            result = publishing.send(client, the_plan, data)
    except _Failure as exc:
        print(exc.line, file=sys.stderr)
        return EXIT_UNREADABLE
    except RemoteError as exc:
        return _remote_failure(exc, doc)
    done = "created" if the_plan.action == publishing.CREATE else "updated"
    print(f"{done} “{result.name}”")
    print(f"id: {result.id}")
    print(f"request URL: {result.request_url}")
    return EXIT_OK


def cmd_pull(args: argparse.Namespace) -> int:
    from designer.model import swml_io
    from designer.model.document import Document
    from designer.remote.errors import RemoteError
    suffix = Path(args.output).suffix.lower()
    if suffix not in (".yaml", ".yml", ".json"):
        print(f"{args.output}:1:1: error: the output name must end in .yaml, .yml or .json", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        with _client(args.space) as client:
            found = _find(client, args.script)
            if found is None:
                print(f"error: no SWML script or Call Flow called “{args.script}” in this space", file=sys.stderr)
                return EXIT_PROBLEMS
    except _Failure as exc:
        print(exc.line, file=sys.stderr)
        return EXIT_UNREADABLE
    except RemoteError as exc:
        return _remote_failure(exc)
    if found.contents is None:
        print(f"error: “{found.name}” has no SWML to pull", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        swml_io.save(Document.from_data(found.contents), args.output, "json" if suffix == ".json" else "yaml")
    except OSError as exc:
        print(f"{args.output}:1:1: error: cannot write the file: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    what = "Call Flow" if found.kind == "call_flow" else "script"
    print(f"pulled {what} “{found.name}” ({found.id}) to {args.output}")
    return EXIT_OK


def _find(client: Any, wanted: str) -> Any:
    """A script, else a Call Flow, whose id or name is ``wanted`` (with its SWML fetched)."""
    for item in client.list_scripts():
        if wanted in (item.id, item.name):
            return client.get_script(item.id) if item.contents is None else item
    for item in client.list_call_flows():
        if wanted in (item.id, item.name):
            return client.get_call_flow(item.id) if item.contents is None else item
    return None


def parser(prog: str = "swml-designer") -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog=prog)
    sub = top.add_subparsers(dest="command", required=True)
    publish = sub.add_parser("publish", help="validate a script and publish it to a SignalWire space")
    publish.add_argument("file", metavar="FILE")
    publish.add_argument("--name", help="the script's name on SignalWire (default: the file name)")
    publish.add_argument("--space", help="the space (example, or 127.0.0.1:PORT for a local test server)")
    publish.add_argument("--schema", help="SWML schema file (default: the bundled one)")
    publish.set_defaults(run=cmd_publish)
    pull = sub.add_parser("pull", help="save a space's SWML script or Call Flow to a file")
    pull.add_argument("script", metavar="NAME|ID")
    pull.add_argument("output", metavar="OUT")
    pull.add_argument("--space", help="the space (example, or 127.0.0.1:PORT for a local test server)")
    pull.set_defaults(run=cmd_pull)
    return top


def main(argv: Sequence[str]) -> int:
    """Run ``publish`` or ``pull`` (``argv`` starts with the command)."""
    try:
        args = parser().parse_args(list(argv))
    except SystemExit as exc:
        return EXIT_UNREADABLE if exc.code else EXIT_OK
    return args.run(args)
