"""The ``swml-designer`` command: open the window, or validate/convert/export scripts from a shell.

    swml-designer [FILE] [--schema FILE] [--screenshot OUT.png]    open the designer
    swml-designer validate FILE... [--schema FILE] [--format text|json|github|sarif]   check scripts
    swml-designer --version | --self-check                          what a built app can run headless
    swml-designer convert IN OUT [--schema FILE]                   YAML <-> JSON by extension
    swml-designer export IN OUT [--schema FILE] [--force]          convert, refusing scripts with errors
    swml-designer simulate FILE [--input INPUT]... [--json] ...    play a call through a script
    swml-designer test FILE...                                     run the calls kept beside scripts

Exit codes: 0 all fine (warnings allowed), 1 errors found (or the window could not start),
2 a file could not be read or parsed (or a bad command line).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Sequence


EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2
COMMANDS = ("validate", "convert", "export", "simulate", "test")
#: Commands of :mod:`designer.cli_remote`. Only this module is imported before the window's
#: frame is painted (see designer.ui.window_frame): what only commands need, they import.
REMOTE_COMMANDS = ("publish", "pull")


class _Failure(Exception):
    """A file or schema that cannot be used; printed as one line, never as a traceback."""

    def __init__(self, line: str, record: dict[str, Any] | None = None) -> None:
        super().__init__(line)
        self.line = line
        self.record = record


# ----------------------------------------------------------------------------- formatting


def _problem_record(file: str, problem: Any) -> dict[str, Any]:
    from designer.model.problems import format_path
    return {"file": file, "line": problem.line or 1, "column": problem.column or 1,
            "severity": problem.severity, "path": format_path(problem.data_path),
            "message": problem.message, "code": problem.code}


def _record_line(rec: dict[str, Any]) -> str:
    return f"{rec['file']}:{rec['line']}:{rec['column']}: {rec['severity']}: {rec['path']}: {rec['message']}"


# ----------------------------------------------------------------------------- loading
def _catalog(schema: str | None) -> Any:
    from designer.model.catalog import load_catalog
    from designer.model.schema import SchemaError
    try:
        return load_catalog(schema)
    except SchemaError as exc:
        raise _Failure(f"{schema}:1:1: error: {exc}") from exc


def _load(path: str, catalog: Any) -> tuple[Any, str, str]:
    """(document, text, format) of the script at ``path``; raises :class:`_Failure`."""
    from designer.model import swml_io
    try:
        text = swml_io.read_text(path)
    except swml_io.ParseError as exc:
        return _fail(path, exc.line or 1, exc.column or 1, exc.message)
    try:
        fmt = swml_io.detect_format(text, path)
        doc = swml_io.loads(text, fmt, filename=path, nesting=catalog.nesting)
    except swml_io.ParseError as exc:
        return _fail(path, exc.line or 1, exc.column or 1, exc.message)
    return doc, text, fmt


def _fail(path: str, line: int, column: int, message: str) -> Any:
    record = {"file": path, "line": line, "column": column, "severity": "error", "path": "",
              "message": message, "code": "parse"}
    raise _Failure(f"{path}:{line}:{column}: error: {message}", record)


# ----------------------------------------------------------------------------- commands
def cmd_validate(args: argparse.Namespace) -> int:
    from designer.model.validation import validator_for
    try:
        catalog = _catalog(args.schema)
    except _Failure as exc:
        print(exc.line, file=sys.stderr)
        return EXIT_UNREADABLE
    out_format = "json" if args.json else args.format
    as_text = out_format == "text"
    validator = validator_for(catalog)
    records: list[dict[str, Any]] = []
    status = EXIT_OK
    for file in args.files:
        try:
            doc, text, fmt = _load(file, catalog)
        except _Failure as exc:
            status = EXIT_UNREADABLE
            records.append(exc.record or {})
            if as_text:
                print(exc.line)
            continue
        problems = validator.validate(doc, text, fmt)
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        for problem in problems:
            rec = _problem_record(file, problem)
            records.append(rec)
            if problem.is_error and status == EXIT_OK:
                status = EXIT_PROBLEMS
            if as_text:
                print(_record_line(rec))
        _say_ok(args, file, problems)
    if not as_text:
        from designer import __version__, report_formats
        out = report_formats.render(out_format, records, args.files, __version__)
        if out:
            print(out)
    return status


def _say_ok(args: argparse.Namespace, file: str, problems: list) -> None:
    """``FILE: OK`` for a file SignalWire would accept, so a clean run does not look like no run
    (plain text output only, and not with ``--quiet``; warnings are counted, errors never OK)."""
    if getattr(args, "quiet", False) or getattr(args, "json", False) or getattr(args, "format", "text") != "text":
        return
    if any(p.is_error for p in problems):
        return
    warnings = sum(1 for p in problems if p.severity == "warning")
    notes = len(problems) - warnings  # notes on style ("info") are counted apart
    counts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((warnings, "warning"), (notes, "note")) if n]
    print(f"{file}: OK" + (f" ({', '.join(counts)})" if counts else ""))


def _target_format(out: str) -> str:
    suffix = Path(out).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    raise _Failure(f"{out}:1:1: error: the output name must end in .yaml, .yml or .json")


def _convert(args: argparse.Namespace, check: bool) -> int:
    from designer.model import swml_io
    from designer.model.validation import validator_for
    source, target = Path(args.input), Path(args.output)
    try:
        if target.exists() and source.exists() and target.resolve() == source.resolve():
            raise _Failure(f"{args.output}:1:1: error: refusing to overwrite the input file; "
                           "choose another output name")
        fmt = _target_format(args.output)
        catalog = _catalog(args.schema)
        doc, text, in_fmt = _load(args.input, catalog)
    except _Failure as exc:
        print(exc.line, file=sys.stderr)
        return EXIT_UNREADABLE
    if check:
        problems = validator_for(catalog).validate(doc, text, in_fmt)
        for problem in problems:
            print(_record_line(_problem_record(args.input, problem)), file=sys.stderr)
        errors = sum(1 for p in problems if p.is_error)
        if errors and not args.force:
            print(f"{args.input}: not exported: {errors} error(s); fix them or use --force", file=sys.stderr)
            return EXIT_PROBLEMS
    try:
        swml_io.save(doc, target, fmt)
    except OSError as exc:
        print(f"{args.output}:1:1: error: cannot write the file: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except ValueError as exc:  # LossyConversion: the target format cannot hold the script exactly
        print(f"{args.input}:1:1: error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK


def cmd_convert(args: argparse.Namespace) -> int:
    return _convert(args, check=False)


def cmd_export(args: argparse.Namespace) -> int:
    return _convert(args, check=True)


# ----------------------------------------------------------------------------- window
def _gui_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog, description="Design SignalWire SWML call flows. With no command, opens the designer. "
        f"Commands: {', '.join(COMMANDS)} (see '{prog} COMMAND --help').")
    parser.add_argument("file", nargs="?", help="a SWML script (.yaml or .json) to open")
    parser.add_argument("--schema", help="a newer SWML schema file to use instead of the bundled one")
    parser.add_argument("--screenshot", metavar="OUT.png", help="save a picture of the window and quit")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument("--self-check", action="store_true",
                        help="check the schema, the examples and an offscreen window; exit 0 when all pass")
    return parser


def _version() -> str:
    from designer import __version__
    return __version__


def run_gui(argv: Sequence[str], prog: str = "swml-designer") -> int:
    args = _gui_parser(prog).parse_args(list(argv))
    if args.self_check:
        from designer import self_check
        return self_check.main(args.schema)
    try:
        from designer.ui import app
    except ImportError as exc:
        print(f"{prog}: the designer window cannot start: {exc}. Install the package with its "
              "dependencies (pip install -e .) and, on a bare Linux machine, Qt's system libraries "
              "(see README.md).", file=sys.stderr)
        return EXIT_PROBLEMS
    return int(app.run(args.file, args.schema, args.screenshot) or 0)


def _command_parser(prog: str) -> argparse.ArgumentParser:
    from designer import report_formats
    parser = argparse.ArgumentParser(prog=prog)
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check SWML scripts; prints FILE:LINE:COL: severity: PATH: MESSAGE")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("-q", "--quiet", action="store_true", help="print only problems, no 'FILE: OK' lines")
    validate.add_argument("--schema", help="SWML schema file (default: the bundled one)")
    validate.add_argument("--json", action="store_true", help="print the problems as a JSON list (--format json)")
    validate.add_argument("--format", choices=report_formats.FORMATS, default="text",
                          help="text (default), json, github (GitHub Actions annotations) or sarif (SARIF 2.1.0)")
    validate.set_defaults(run=cmd_validate)
    for name, run, help_text in (("convert", cmd_convert, "convert between YAML and JSON (by extension)"),
                                 ("export", cmd_export, "convert, refusing scripts that have errors")):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("input", metavar="IN")
        cmd.add_argument("output", metavar="OUT")
        cmd.add_argument("--schema", help="SWML schema file (default: the bundled one)")
        if name == "export":
            cmd.add_argument("--force", action="store_true", help="write the file even with errors")
        cmd.set_defaults(run=run)
    from designer import sim_cli  # the call simulator's commands live in their own module
    sim_cli.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``swml-designer`` (and ``python -m designer``)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in REMOTE_COMMANDS:
        from designer import cli_remote  # publish / pull live in their own module
        return cli_remote.main(argv)
    if argv and argv[0] in COMMANDS:
        try:
            args = _command_parser("swml-designer").parse_args(argv)
        except SystemExit as exc:
            return EXIT_UNREADABLE if exc.code else EXIT_OK
        return args.run(args)
    try:
        return run_gui(argv)
    except SystemExit as exc:
        return EXIT_UNREADABLE if exc.code else EXIT_OK


def gui_main() -> int:
    """Entry point of ``swml-designer-gui`` (no console window on Windows)."""
    try:
        return run_gui(sys.argv[1:], prog="swml-designer-gui")
    except SystemExit as exc:
        return EXIT_UNREADABLE if exc.code else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
