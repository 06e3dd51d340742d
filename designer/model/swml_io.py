"""Loading and saving SWML scripts (YAML or JSON) without losing anything the user wrote.

Saving changes only what the user changed: an unchanged script saves byte for byte, and an edit
touches only its own lines. This works by splicing the original text (see
:mod:`designer.model.yaml_splice` and :mod:`designer.model.json_splice`); a spliced text that does
not parse back to the document's data is replaced by a fresh dump (JSON: with the original indent). A new document is written in
SignalWire's docs style (block YAML, 2-space indent, sequences indented under their key).

Public API: :class:`ParseError`, :func:`detect_format`, :func:`loads`, :func:`load`,
:func:`dumps`, :func:`save`, :func:`locate`.
"""

from __future__ import annotations

import json
import os
import re
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml

from designer.model.atomic_write import write_text_atomic
from designer.model.conversion import check_json_exact
from designer.model.document import Document, NestingRules
from designer.model.json_scan import scan_json
from designer.model.json_splice import JsonSource
from designer.model.limits import MAX_BYTES, too_big_message
from designer.model.line_endings import Endings, split_endings
from designer.model.parse_error import ParseError
from designer.model.schema import load_schema, nesting_paths
from designer.model.text_guard import check_text
from designer.model.yaml_guard import check_yaml
from designer.model.yaml_splice import YamlSource, _Fallback, same
from designer.model import save_proof, splice_check, text_positions, yaml_quick
from designer.model.yaml_text import compose, dump, locator

BOM = "\ufeff"


@dataclass
class SourceText:
    """What a document was loaded from, kept on ``Document.source`` to save it back losslessly.

    ``text`` is the exact original (BOM and line endings included); ``data`` the plain data it
    held. ``yaml``/``json`` hold the splicing state; ``json_indent`` the indentation of a JSON file.
    """

    text: str
    fmt: str
    data: Any
    bom: bool = False
    endings: Endings = field(default_factory=Endings)
    yaml: YamlSource | None = field(default=None, repr=False)
    json: JsonSource | None = field(default=None, repr=False)
    json_indent: int | str = 2
    final_newline: bool = True


@lru_cache(maxsize=None)
def default_nesting(method: str) -> tuple:
    """Nesting rules from the bundled schema (which params of a method hold nested steps)."""
    return nesting_paths(load_schema(), method)


def detect_format(text: str, filename: str | os.PathLike | None = None) -> str:
    """``"json"`` or ``"yaml"``: by the file extension, else by the first non-space character."""
    if filename is not None:
        suffix = Path(filename).suffix.lower()
        if suffix == ".json":
            return "json"
        if suffix in (".yaml", ".yml"):
            return "yaml"
    return "json" if text.lstrip(BOM + " \t\r\n").startswith("{") else "yaml"


# ---------------------------------------------------------------------- loading
_JSON_WORDS = {
    "Expecting ',' delimiter": "a comma (,) is missing between two items, or there is one bracket too many",
    "Expecting ':' delimiter": "a colon (:) is missing after a name",
    "Expecting property name enclosed in double quotes": "a name must be written in double quotes (\"...\"), or there is a comma too many",
    "Expecting value": "a value is missing or is not valid JSON",
    "Extra data": "there is more text after the end of the document, often one closing bracket too many",
    "Unterminated string starting at": "a text in quotes is not closed",
    "Invalid control character at": "a text in quotes contains a line break or tab; write it as \\n or \\t",
}
_YAML_WORDS = {
    "could not find expected ':'": "a colon (:) is missing after a name, or a line is indented wrongly",
    "mapping values are not allowed here": "a colon (:) appears where it is not allowed; put the text in quotes or fix the indentation",
    "found character '\\t' that cannot start any token": "a tab is used for indentation; YAML needs spaces",
    "expected <block end>, but found": "a line is indented wrongly",
    "did not find expected key": "a line is indented wrongly, or a list item (-) is out of place",
    "found undefined alias": "an alias (*name) refers to an anchor (&name) that does not exist",
    "expected a single document in the stream": "the file holds several documents (---); SWML needs exactly one",
    "found invalid Unicode character escape code": "a \\u escape in quotes is not a character (a lone \\ud800-\\udfff, perhaps)",
    "found a tab character that violates indentation": "a tab is used for indentation; YAML needs spaces",
    "found a tab character where an indentation space is expected": "a tab is used for indentation; YAML needs spaces",
    "found character that cannot start any token": "a character here cannot start a value (a tab used for indentation, or @ or ` at the start of a text: put the text in quotes)",
}


def _plain_words(table: dict[str, str], problem: str) -> str:
    for start, words in table.items():
        if problem.startswith(start) or start in problem:
            return words
    return problem


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (the file is empty)"
    return {list: "a list", str: "a text"}.get(type(value), f"a single value ({value!r})")


def loads(text: str, fmt: str | None = None, filename: str | os.PathLike | None = None,
          nesting: NestingRules | None = None) -> Document:
    """Parse a SWML script safely and return its :class:`Document` with ``source`` attached.

    Raises :class:`ParseError` for a syntax error, when the top level is not a mapping, and for a
    text over the limits of :mod:`designer.model.limits` (checked before any value is built).
    """
    source, body, parsed = _read(text, fmt or detect_format(text, filename),
                                 None if filename is None else str(filename))
    doc = Document.from_data(_deep_copy(source.data), nesting or default_nesting)
    _attach(doc, source, body, parsed)
    return doc


def _read(text: str, fmt: str, path: str | None) -> tuple[SourceText, str, tuple]:
    """The source ``text`` stands for (with its data), its LF body and, for YAML, its parse."""
    check_text(text, path)
    bom = text.startswith(BOM)
    body, endings = split_endings(text[1:] if bom else text)
    source = SourceText(text, fmt, None, bom, endings, final_newline=body.endswith("\n"))
    root = values = None
    if fmt == "json":
        data = _parse_json(body, path)
        match = re.search(r"^([ \t]+)\S", body, re.M)
        source.json_indent = match.group(1) if match and "\t" in match.group(1) else len(match.group(1)) if match else 2
    else:
        root, values = _parse_yaml(body, path)
        data = values.get(root) if root is not None else None
        text_positions.remember(body, "yaml", root, values)
    if not isinstance(data, dict):
        line, column = (root.start_mark.line + 1, root.start_mark.column + 1) if root is not None else (1, 1)
        raise ParseError(f"this is not a SWML script: the top level must be names such as 'version' and "
                         f"'sections', but it is {_describe(data)}", line, column, path)
    source.data = data
    return source, body, (root, values)


def _attach(doc: Document, source: SourceText, body: str, parsed: tuple) -> None:
    """Make ``source`` the document's, with the splicing state that maps its steps to the text."""
    if source.fmt == "yaml":
        source.yaml = YamlSource(body, *parsed, doc)
    else:
        source.json = JsonSource(body, doc, source.json_indent)
    doc.source = source


def _parse_json(text: str, path: str | None) -> Any:
    scan = scan_json(text, path)
    try:
        return json.loads(text, object_pairs_hook=dict)
    except json.JSONDecodeError as exc:
        if scan.unclosed is not None and exc.pos >= len(text.rstrip()):
            char, line, column = scan.unclosed
            closer = "}" if char == "{" else "]"
            raise ParseError(f"JSON syntax error: the {char} opened here is never closed: add a {closer} "
                             f"where it should end", line, column, path) from exc
        raise ParseError(f"JSON syntax error: {_plain_words(_JSON_WORDS, exc.msg)} ({exc.msg})",
                         exc.lineno, exc.colno, path) from exc
    except (RecursionError, ValueError) as exc:
        raise ParseError(f"the file cannot be read: {exc}", 1, 1, path) from exc


def _parse_yaml(text: str, path: str | None) -> tuple[Any, dict]:
    check_yaml(text, path)
    try:
        return compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        context = exc.context or ""
        at_end = mark is not None and mark.index >= len(text.rstrip())
        if exc.context_mark is not None and "flow" in context and at_end:
            kind = "{" if "mapping" in context else "["
            mark = exc.context_mark
            words = f"the {kind} opened here is never closed: add a {'}' if kind == '{' else ']'} where it should end"
        elif mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
            words = "a tab is used here (for indentation, perhaps); YAML needs spaces"
        else:
            words = _plain_words(_YAML_WORDS, problem)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        detail = f" ({problem})" if words != problem else ""
        raise ParseError(f"YAML syntax error: {words}{detail}", line, column, path) from exc
    except yaml.YAMLError as exc:
        raise ParseError(f"YAML error: {exc}", None, None, path) from exc
    except (RecursionError, ValueError, OverflowError) as exc:
        raise ParseError(f"the file cannot be read: {exc}", 1, 1, path) from exc


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


def read_text(path: str | os.PathLike) -> str:
    """The text of the file at ``path``, refused before reading when it is over the size limit.

    Raises :class:`ParseError` for a file that is too big, not UTF-8 or cannot be read.
    """
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            raise ParseError(too_big_message(size), 1, 1, str(path))
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read(MAX_BYTES + 1)
    except UnicodeDecodeError as exc:
        raise ParseError("the file is not UTF-8 text (it may be UTF-16 or binary): save it as UTF-8",
                         1, 1, str(path)) from exc
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror or exc}", None, None, str(path)) from exc


def load(path: str | os.PathLike) -> Document:
    """Read and parse the script at ``path`` (UTF-8; BOM and line endings are kept for saving).

    Raises :class:`ParseError` for a file that cannot be read or parsed.
    """
    return loads(read_text(path), filename=path)


# ---------------------------------------------------------------------- saving
def dumps(doc: Document, fmt: str | None = None, thorough: bool = False) -> str:
    """The text of ``doc``; ``fmt=None`` keeps the format it was loaded from (YAML for new ones).

    With a source in the same format, untouched parts keep their original bytes. The text is
    always proven to read back as the model: after a small edit by a local parse (the preview's
    path, see :mod:`designer.model.yaml_quick`); with ``thorough`` (saving) the text must also
    read back as the document's whole data, compared in full (see
    :mod:`designer.model.save_proof`), else it is rendered afresh and parsed whole.
    """
    source: SourceText | None = doc.source if isinstance(doc.source, SourceText) else None
    fmt = fmt or (source.fmt if source else "yaml")
    if source is not None and source.fmt == fmt == "yaml" and source.yaml is not None and not thorough:
        quick = yaml_quick.quick_text(doc, source.yaml)
        if quick is not None:
            return _finish(quick, source)
    with save_proof.collector_paused() if thorough else nullcontext():
        return _dumps_data(doc, fmt, source, thorough)


def _dumps_data(doc: Document, fmt: str, source: SourceText | None, thorough: bool) -> str:
    """:func:`dumps` from the document's data; a save first tries the preview's text, proven
    against that data (see :mod:`designer.model.save_proof`)."""
    data = doc.to_data()
    if thorough and source is not None and source.fmt == fmt == "yaml" and source.yaml is not None:
        quick = save_proof.quick_save_text(doc, source.yaml, data)
        if quick is not None:
            return _finish(quick, source)
    if source is None or source.fmt != fmt:
        if fmt == "json":
            check_json_exact(data)
            if source is not None:
                sections = source.data.get("sections") if isinstance(source.data, dict) else None
                check_json_exact({"sections": dict.fromkeys(sections)} if isinstance(sections, dict) else None)
        return _fresh(data, fmt)
    if same(data, source.data):
        return source.text
    if fmt == "json":
        text = _splice_json(doc, data, source)
    else:
        text = _splice(doc, data, source)
    return _finish(text, source)


def settle(doc: Document) -> bool:
    """Work that can wait for a pause in editing (see :func:`designer.model.yaml_quick.settle`);
    returns whether there was any."""
    source = doc.source if isinstance(doc.source, SourceText) else None
    if source is None or source.yaml is None:
        return False
    settled = yaml_quick.settle(source.yaml)
    return yaml_quick.warm(doc, source.yaml) or settled


def _finish(text: str, source: SourceText) -> str:
    """``text`` with the line ends and byte-order mark the script was written with."""
    text = source.endings.apply(text)
    return (BOM if source.bom else "") + text


def _splice(doc: Document, data: Any, source: SourceText) -> str:
    if source.yaml is None:
        return dump(data)
    source.yaml.proven = None  # re-established below when the whole text reads back
    yaml_quick.prepare(source.yaml)
    aliases = any("*" in line for line in source.yaml.lines)
    # Remembered step renderings first; if the text does not read back, some edit bypassed the
    # change log: every step rendered afresh; then an edited anchor: its aliases written out.
    for expand_aliases, afresh in ((False, False), (False, True), (True, True)):
        if expand_aliases and not aliases:
            break
        if afresh:
            save_proof.forget_renderings(source.yaml)
        try:
            lines = source.yaml.render_lines(doc, expand_aliases)
            text = "\n".join(lines)
            root, values = compose(text)  # with marks: the preview locates problems in this parse
            if root is not None and same(values.get(root), data):
                text_positions.remember(text, "yaml", root, values)
                source.yaml.proven = splice_check.whole(lines, root, values)
                return text
        except (_Fallback, yaml.YAMLError, RecursionError):
            pass
    return dump(data, source.yaml.indent_sequences)


def _splice_json(doc: Document, data: Any, source: SourceText) -> str:
    try:
        text = source.json.render(doc) if source.json is not None else None
        if text is not None and same(json.loads(text, object_pairs_hook=dict), data):
            return text
    except Exception:  # noqa: BLE001 - any splicing failure falls back to the safe whole dump
        pass
    text = json.dumps(data, indent=source.json_indent, ensure_ascii=False, default=str)
    return text + ("\n" if source.final_newline else "")


def _fresh(data: Any, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    return dump(data)


def save(doc: Document, path: str | os.PathLike, fmt: str | None = None) -> None:
    """Write ``doc`` to ``path`` atomically; ``fmt`` defaults to the extension, else the source's.

    Afterwards ``doc.source`` describes the new file, so the next save is again minimal. No
    collector pass runs during a save (see :func:`designer.model.save_proof.collector_paused`).
    """
    path = Path(path)
    if fmt is None and path.suffix.lower() in (".json", ".yaml", ".yml"):
        fmt = detect_format("", path)
    with save_proof.collector_paused():
        text = dumps(doc, fmt, thorough=True)
        write_text_atomic(path, text)
        source = doc.source if isinstance(doc.source, SourceText) else None
        kept = save_proof.kept_source(source, text, fmt, lambda body: _finish(body, source))
        if kept is not None:
            doc.source = kept  # the text just proven describes the file: no need to read it again
            return
        try:
            refresh_source(doc, text, fmt or detect_format(text, path))
        except ParseError:
            doc.source = None  # written, but over a reading limit: the next save writes it out afresh


def refresh_source(doc: Document, text: str, fmt: str) -> None:
    """Make ``doc.source`` describe ``text`` (what ``doc`` was just saved as), keeping step ids.

    The text is read as a file would be (limits included), but no document is built from it:
    ``doc`` is what it was written from."""
    source, body, parsed = _read(text, fmt, None)
    _attach(doc, source, body, parsed)


# ---------------------------------------------------------------------- locating
def locate(text: str, fmt: str) -> Callable[[tuple], tuple[int, int] | None]:
    """A function mapping a data path (``("sections", "main", 2, "record_call")``) to the
    1-based (line, column) of that value in ``text``, or of its deepest existing ancestor.

    A block mapping or list value is located at its key (where its entry starts). Works for
    YAML and JSON text; raises :class:`ParseError` if the text does not parse.
    """
    body = text[1:] if text.startswith(BOM) else text
    body, _endings = split_endings(body)
    known = text_positions.cached(body, fmt)
    if known is not None:
        return known
    if fmt == "json":
        _parse_json(body, None)  # report JSON errors with JSON's own positions
        positions = scan_json(body, record=True).positions

        def find(path: tuple) -> tuple[int, int] | None:
            for end in range(len(path), -1, -1):
                found = positions.get(tuple(path[:end]))
                if found is not None:
                    return found
            return None
        return find
    root, values = _parse_yaml(body, None)
    text_positions.remember(body, fmt, root, values)
    return locator(root, values)
