"""Validation: schema checks per step, the document frame, and flow checks, as :class:`Problem` s.

Speed matters (the window re-validates after every edit, NOTES.md measured 3 ms per step for the
whole-document ``anyOf``): each step is validated against *its own method's* ``$defs`` wrapper,
picked by name, with validators built once. Nested step lists (``switch`` cases, ``cond``
branches...) are emptied in the parent's copy and their steps validated on their own, so every
problem names the innermost step. Findings are cached per step by its id and content, so after an
edit only the edited step is checked again (:mod:`designer.model.validation_cache`). Flow checks
(labels, control ids...) keep their indexes and check again the steps an edit touched
(:class:`designer.model.flow_checks.FlowChecks`). Path checks (:mod:`designer.model.path_run`)
run again only when something they read has changed. While an edit moves no step, none of
these goes over every step: at 20,000 steps that was 40 ms a slider move.
"""

from __future__ import annotations

import dataclasses
import json
import re
import weakref
from pathlib import Path
from typing import Any, Callable, Iterator

import yaml

from designer.model import flow_checks, step_checks
from designer.model.catalog import Catalog, load_catalog
from designer.model.change_log import ChangeLog
from designer.model.document import Document, Step, StepList
from designer.model.js_plain import plainly_valid
from designer.model.messages import Describer, Finding, field_label
from designer.model.path_run import PathChecker
from designer.model.problems import ERROR, WARNING, Problem
from designer.model.schema_fixes import apply_fixes
from designer.model.validation_cache import StepCache, Walk
from designer.model.validity import ValidityCheck

ROOT_ID = "SWMLObject.json"
FRAME_ID = "SWMLFrame.json"
_DTMF = re.compile(r"^[0-9*#]*$")
_VARIABLE = re.compile(r"^[$%]\{.*\}$")

#: A step with where it stands: (step, JSON path in the exported data or None, section name or None).
Located = tuple[Step, "tuple[Any, ...] | None", "str | None"]


class Validator:
    """Checks documents against one catalog's (corrected) schema.

    Build one per catalog and keep it: building compiles one validator per method.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.raw = apply_fixes(catalog.schema.raw)
        # jsonschema only for what the compiled yes/no check does not call valid: its errors
        # are needed to describe a problem, and a valid step has none. So opening stays fast,
        # and jsonschema is not even imported until something is invalid (start-up).
        self._validity = ValidityCheck(self.raw, ROOT_ID)
        self._quick: dict[str, Callable[[Any], bool | None]] = {}
        self._jsonschema: dict[str, Any] = {}
        self._frame_schema = _frame_schema(self.raw)
        self._frame_quick = ValidityCheck(self._frame_schema, FRAME_ID).for_ref(FRAME_ID)
        self._steps = StepCache(lambda step: self._check_step(step, frame_data(step)))
        self._flow = flow_checks.FlowChecks()
        self._walk = Walk()
        self._log: ChangeLog | None = None
        self._log_doc: Any = None  # weak reference to the document the log listens to
        #: How many steps the last validation saw (sections and unconnected blocks).
        self.step_count = 0
        self._syntax_error = _js_syntax_check
        self._paths = PathChecker()
        #: Ids of steps no call reaches, from the last :meth:`validate` (the canvas greys them).
        self.unreachable: frozenset[str] = frozenset()

    # ----------------------------------------------------------------- jsonschema, when needed
    def method_validator(self, method: str) -> Any:
        """jsonschema's validator for one method's step (built on first use)."""
        found = self._jsonschema.get(method)
        if found is None:
            from jsonschema import Draft202012Validator
            from referencing import Registry, Resource

            registry = self._jsonschema.get("") or Registry().with_resource(
                ROOT_ID, Resource.from_contents(self.raw))
            self._jsonschema[""] = registry
            found = self._jsonschema[method] = Draft202012Validator(
                {"$ref": f"{ROOT_ID}#/$defs/{self.catalog.schema.method_defs[method]}"}, registry=registry)
        return found

    def _frame_errors(self, data: Any) -> Iterator[Any]:
        if self._frame_quick(data) is True:
            return iter(())
        if "frame" not in self._jsonschema:
            from jsonschema import Draft202012Validator

            self._jsonschema["frame"] = Draft202012Validator(self._frame_schema)
        return self._jsonschema["frame"].iter_errors(data)

    # ----------------------------------------------------------------- public
    def validate(self, doc: Document, text: str | None = None, fmt: str | None = None) -> list[Problem]:
        """All problems of ``doc``; with the file ``text`` (and its format) lines and columns are filled.

        After an edit only what it changed is redone: steps whose own params did not change keep
        their findings, and while no step or branch was added, removed or moved the walk of the
        flow (every step with its path) and the problems built from it are reused; then only the
        edited steps are visited, and the problems sorted (the window validates after every edit).
        """
        locate = _locator(text, fmt)
        problems = self._frame_problems(doc)
        changes = self._changes_since_last(doc)
        changed = None if changes is None else self._walk.edited_in_place(changes)
        if changed is None:
            direct = set() if changes is None else changes.direct
            self._walk_flow(doc)
            for step, path, _section in self._walk.located:
                self._steps.update(step, path, step.id in direct)
            self._flow.rebuild(doc, self._walk.located, self._walk.order)
        else:
            for step, path, _section in changed:
                self._steps.update(step, path, True)
            self._flow.update(changed)
        located = self._walk.located
        self.step_count = len(located)
        problems.extend(self._steps.problems())
        problems.extend(self._flow.problems())
        found, self.unreachable = self._paths.run(
            doc, located, self._steps.tokens, None if changed is None else [item[0] for item in changed])
        problems.extend(found)
        # Each source gives a step's problems together; a stable sort by step puts them in
        # walk order (frame first), in time of the problems' number, not the steps'.
        order = self._walk.order
        problems.sort(key=lambda p: -1 if p.step_id is None else order.get(p.step_id, len(order)))
        return [_placed(p, locate) for p in problems]

    def _walk_flow(self, doc: Document) -> None:
        """Walk the flow again: paths may have moved, so problems are rebuilt from findings."""
        self._walk.redo(list(iter_located(doc)))
        self._steps.rewalked(self._walk.located)

    # ----------------------------------------------------------------- steps
    def _changes_since_last(self, doc: Document) -> Any:
        """What changed since the last validation of ``doc`` (``None``: another document, check
        every step). A step's own findings depend only on its own data, so only steps whose
        params changed need checking again after an edit."""
        if self._log is None or self._log_doc is None or self._log_doc() is not doc:
            self._log, self._log_doc = ChangeLog(doc), weakref.ref(doc)
            self._walk = Walk()
            self._steps.clear()
            return None
        return self._log.take()

    def _check_step(self, step: Step, data: Any) -> list[Finding]:
        if step.form == "bare":
            return [Finding(ERROR, self._bare_message(step.method), (), "step.bare")]
        if step.form == "raw":
            return [Finding(ERROR, _raw_message(step.params), (), "step.raw")]
        if step.method not in self.catalog.schema.method_defs:
            return [Finding(WARNING, f"Unknown method '{step.method}': kept as written", (), "method.unknown")]
        quick = self._quick.get(step.method)
        if quick is None:
            quick = self._quick[step.method] = self._validity.for_ref(
                f"{ROOT_ID}#/$defs/{self.catalog.schema.method_defs[step.method]}")
        if quick(data) is True:
            findings: list[Finding] = []
        else:
            errors = self.method_validator(step.method).iter_errors(data)
            findings = Describer(self.catalog, step.method).describe(errors)
        taken = {f.field for f in findings}
        semantic = [f for f in step_checks.check(step, lambda m, p: field_label(self.catalog, m, p),
                                                 self._syntax_error) if f.field not in taken]
        return findings + self._extra_checks(step) + semantic

    def _bare_message(self, name: str) -> str:
        spec = self.catalog.method(name)
        if not spec.known:
            return (f"'{name}' is written as plain text, and this schema knows no method of that name: "
                    f"write a step as name: {{...}}")
        value = yaml.safe_dump(spec.empty_value, default_flow_style=True).strip()
        if value.endswith("..."):
            value = value[:-3].strip()
        return f"'{name}' is written as plain text: write it as {name}: {value or '{}'}"

    def _extra_checks(self, step: Step) -> list[Finding]:
        """Checks the schema cannot express: DTMF stop keys (a warning, per NOTES.md) and
        conditions left empty (valid SWML, but a branch that tests nothing)."""
        out: list[Finding] = list(_empty_conditions(step))
        params = step.params
        if isinstance(params, dict):
            keys = params.get("terminators")
            if isinstance(keys, str) and not _VARIABLE.match(keys) and not _DTMF.match(keys):
                bad = "".join(dict.fromkeys(c for c in keys if not _DTMF.match(c)))
                label = field_label(self.catalog, step.method, ("terminators",))
                out.append(Finding(WARNING, f"{label} can only be phone keys 0-9, * and #, not '{bad}'",
                                   ("terminators",), "dtmf.terminators"))
        return out

    # ----------------------------------------------------------------- frame
    def _frame_problems(self, doc: Document) -> list[Problem]:
        data: dict[str, Any] = {}
        for key, value in doc.top_level.items():
            if key == "sections" and value is None:
                data[key] = {s.name: [] if not _has_raw_body(s) else s.raw_body for s in doc.sections}
            else:
                data[key] = value
        out: list[Problem] = []
        for error in self._frame_errors(data):
            path = tuple(error.absolute_path)
            out.extend(_frame_problem(error, path))
        return out


# ----------------------------------------------------------------------------- helpers
def iter_located(doc: Document) -> Iterator[Located]:
    """Every step in document order (nested right after their parent), with its JSON path.

    Paths are built while walking (``doc.data_path`` searches lists and would be quadratic).
    Detached chains come last with path ``None``.
    """
    for section in doc.sections:
        yield from _walk(section.steps, ("sections", section.name), section.name)
    for chain in doc.detached:
        yield from _walk(chain, None, None)


def _walk(steps: StepList, here: tuple[Any, ...] | None, section: str | None) -> Iterator[Located]:
    for index, step in enumerate(steps):
        path = None if here is None else here + (index,)
        yield step, path, section
        for sub_path, child in step.child_lists():
            prefix = None if path is None else path + ((step.method,) if step.form == "method" else ()) + sub_path
            yield from _walk(child, prefix, section)


def frame_data(step: Step) -> Any:
    """The plain data of one step with its nested step lists emptied (they are checked on their own)."""
    if step.form == "bare":
        return step.method
    if step.form == "raw":
        return _emptied(step.params)
    return {step.method: _emptied(step.params)}


def _emptied(value: Any) -> Any:
    """Module level, not a closure in :func:`frame_data`: a recursive closure is a reference
    cycle, and one per step, made while the collector is paused during open, was frozen with
    the document (designer.ui.heap) and kept until the next tidy."""
    if isinstance(value, StepList):
        return []
    if isinstance(value, dict):
        return {k: _emptied(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_emptied(v) for v in value]
    return value


def _raw_message(value: Any) -> str:
    if isinstance(value, dict) and len(value) > 1:
        names = ", ".join(f"'{k}'" for k in value)
        return f"A step holds one method, this one has several ({names}): split it into one step each"
    if isinstance(value, dict) and not value:
        return "This step is empty: a step is a method with its settings, e.g. answer: {}"
    return "This step is not a SWML method: a step is a method with its settings, e.g. answer: {}"


def _has_raw_body(section: Any) -> bool:
    from designer.model.document import MISSING
    return section.raw_body is not MISSING


def _frame_schema(raw: dict[str, Any]) -> dict[str, Any]:
    """The root schema with section bodies reduced to "a list": steps are checked on their own."""
    frame = {k: v for k, v in raw.items() if k not in ("$defs", "$id")}
    frame["$id"] = FRAME_ID
    any_list = {"type": "array"}
    frame["$defs"] = {"Section": {
        "type": "object",
        "properties": {"main": any_list},
        "required": ["main"],
        "unevaluatedProperties": any_list,
    }}
    return frame


def _frame_problem(error: Any, path: tuple[Any, ...]) -> list[Problem]:
    kind = error.validator
    if kind == "required" and not path:
        return [Problem(ERROR, "The script needs a 'sections' part with a 'main' section", None, (), (),
                        code="doc.no_sections")]
    if kind == "required":
        return [Problem(ERROR, "The script needs a 'main' section: calls start there", None, (), path,
                        code="doc.no_main")]
    if kind == "unevaluatedProperties":
        keys = re.findall(r"'([^']*)'", error.message.split("(", 1)[-1])
        where = "top-level key" if not path else "entry"
        return [Problem(ERROR, f"Unknown {where} '{k}': a SWML script has only version and sections",
                        None, (), path + (k,), code="doc.unknown_key") for k in keys]
    if path == ("version",):
        return [Problem(ERROR, "Version must be 1.0.0", None, (), path, code="doc.version")]
    if path == ("sections",):
        return [Problem(ERROR, "'sections' must list each section by name, each with a list of steps",
                        None, (), path, code="doc.sections_type")]
    if len(path) == 2 and path[0] == "sections":
        return [Problem(ERROR, f"Section '{path[1]}' must be a list of steps", None, (), path,
                        code="doc.section_type")]
    return [Problem(ERROR, error.message, None, (), path, code="doc.other")]


def _locator(text: str | None, fmt: str | None) -> Callable[[tuple[Any, ...]], Any] | None:
    if text is None:
        return None
    from designer.model import swml_io
    return swml_io.locate(text, fmt or swml_io.detect_format(text))


def _placed(problem: Problem, locate: Callable[[tuple[Any, ...]], Any] | None) -> Problem:
    if locate is None:
        return problem
    path = problem.data_path
    position = None
    while position is None:
        position = locate(path)
        if not path:
            break
        path = path[:-1]
    if position is None:
        return problem
    line, column = position
    return dataclasses.replace(problem, line=line, column=column)


def validate_file(path: str | Path, schema_path: str | Path | None = None) -> list[Problem]:
    """Load and validate a SWML file, with lines and columns (raises ``swml_io.ParseError``)."""
    from designer.model import swml_io
    catalog = load_catalog(schema_path)
    text = Path(path).read_text("utf-8")
    fmt = swml_io.detect_format(text, str(path))
    doc = swml_io.loads(text, fmt, filename=str(path), nesting=catalog.nesting)
    return validator_for(catalog).validate(doc, text, fmt)


_VALIDATORS: dict[int, Validator] = {}


def validator_for(catalog: Catalog) -> Validator:
    """A shared validator per catalog (building one compiles every method's validator)."""
    found = _VALIDATORS.get(id(catalog))
    if found is None or found.catalog is not catalog:
        found = _VALIDATORS[id(catalog)] = Validator(catalog)
    return found


def _js_syntax_check(condition: str) -> str | None:
    """V8's syntax error in ``condition`` (:mod:`designer.model.jsengine`), ``None`` when fine or
    when V8 is not installed. Imported at the first condition, not with the validator: V8 and
    the asyncio it pulls in were a fifth of the designer's start-up, before any flow was open.
    A plainly valid condition (:mod:`designer.model.js_plain`) needs no V8 at all: most flows
    then never pay the 55 MB that V8 and its context take."""
    if plainly_valid(condition.strip()):
        return None
    try:
        from designer.model.jsengine import syntax_error
    except ImportError:  # pragma: no cover - mini-racer missing: conditions go unchecked
        return None
    return syntax_error(condition)


def _empty_conditions(step: Step) -> Iterator[Finding]:
    """An empty ``when`` in ``cond`` or in a list-shaped ``result`` (connect, execute...)."""
    params = step.params
    branches: list[tuple[tuple[Any, ...], Any]] = []
    if step.method == "cond" and isinstance(params, list):
        branches = [((), params)]
    elif isinstance(params, dict) and isinstance(params.get("result"), list):
        branches = [(("result",), params["result"])]
    for base, items in branches:
        for i, item in enumerate(items):
            if isinstance(item, dict) and isinstance(item.get("when"), str) and not item["when"].strip():
                yield Finding(WARNING, "This condition is empty: write what to test, e.g. prompt_value == '1'",
                              base + (i, "when"), "cond.empty_when")
