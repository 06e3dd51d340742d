"""``swml-designer --self-check``: prove an installed or built designer works, without a display.

A wheel or a PyInstaller folder can be missing a data file, a font or a Qt plugin and still start;
the loss shows only when someone opens a flow. This walks what the window needs, one check per
printed line (``ok`` or ``FAIL``), and exits 0 only when every check passed:

- the schema loads and the catalog has its blocks;
- every bundled example parses and validates without errors;
- the JavaScript engine of the call simulator evaluates an expression (when it is installed:
  it is a native library a bundler can miss);
- qtawesome's icon fonts load (they are data files a bundler can drop);
- the app icon renders (it needs Qt's SVG image plugin, which a trimmed build could lose);
- one example opens in an offscreen main window and renders to a non-blank picture.

Qt runs on the ``offscreen`` platform unless ``QT_QPA_PLATFORM`` says otherwise, so this works on
a build server, in CI and over ssh.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Callable, Iterator, TextIO

EXIT_OK, EXIT_FAILED = 0, 1

Check = tuple[str, Callable[[dict[str, Any]], str]]


def _schema(state: dict[str, Any]) -> str:
    from designer.model.catalog import load_catalog
    catalog = load_catalog(state.get("schema"))
    state["catalog"] = catalog
    groups = catalog.groups()
    blocks = sum(len(specs) for specs in groups.values())
    if blocks == 0:
        raise AssertionError("the catalog has no blocks")
    source = state.get("schema") or "the bundled schema"
    return f"{source} loaded; the catalog has {blocks} blocks in {len(groups)} groups"


def _example_checks() -> Iterator[Check]:
    from designer.model import examples
    names = examples.example_names()
    if not names:
        def none(_state: dict[str, Any]) -> str:
            raise AssertionError("no bundled examples found")
        yield "examples", none
    for name in names:
        yield f"example {name}", lambda state, name=name: _example(state, name)


def _example(state: dict[str, Any], name: str) -> str:
    from designer.model import examples, swml_io
    from designer.model.validation import validator_for
    catalog = state["catalog"]
    text = examples.example_text(name)
    doc = swml_io.loads(text, "yaml", nesting=catalog.nesting)
    problems = validator_for(catalog).validate(doc, text, "yaml")
    errors = [p for p in problems if p.is_error]
    if errors:
        first = errors[0]
        raise AssertionError(f"{len(errors)} error(s), first at line {first.line}: {first.message}")
    warnings = len(problems) - len(errors)
    state.setdefault("examples", []).append(name)
    return f"valid ({len(list(doc.walk()))} blocks, {warnings} warning(s))"


def _qt(state: dict[str, Any]) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from designer.ui import app as app_module
    qapp = app_module.application()
    app_module.apply_theme(qapp)
    state["qapp"] = qapp
    return f"Qt {_qt_version()} on the {qapp.platformName()} platform"


def _qt_version() -> str:
    from PySide6 import QtCore
    return QtCore.qVersion()


def _fonts(state: dict[str, Any]) -> str:
    import qtawesome as qta
    icon = qta.icon("mdi6.record-rec", color="#e5484d")
    image = icon.pixmap(32, 32).toImage()
    if icon.isNull() or not _colours(image):
        raise AssertionError("qtawesome drew nothing: its icon fonts are missing")
    return "qtawesome icon fonts load and draw"


def _app_icon(state: dict[str, Any]) -> str:
    from importlib import resources

    from PySide6.QtGui import QImageReader, QPixmap
    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        raise AssertionError("Qt has no SVG image plugin (imageformats/qsvg)")
    data = (resources.files("designer.resources") / "icons" / "swml-designer.svg").read_bytes()
    pixmap = QPixmap()
    if not pixmap.loadFromData(data, "SVG") or pixmap.isNull():
        raise AssertionError("the SVG app icon did not load")
    return f"SVG app icon renders ({pixmap.width()}x{pixmap.height()})"


def _window(state: dict[str, Any]) -> str:
    from PySide6.QtCore import QSettings

    from designer.ui.main_window import MainWindow
    from designer.ui.session import EditSession
    qapp, catalog = state["qapp"], state["catalog"]
    name = (state.get("examples") or ["ivr-menu"])[-1]
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "self-check.ini"), QSettings.Format.IniFormat)
    window = MainWindow(EditSession(catalog), settings)
    window.files.interactive = False
    try:
        if not window.files.new_from_example(name):
            raise AssertionError(f"the example {name} did not open")
        window.resize(1200, 800)
        window.show()
        for _ in range(3):
            qapp.processEvents()
        window.fit_later()
        qapp.processEvents()
        image = window.grab().toImage()
        colours = _colours(image)
        if image.isNull() or colours < 8:
            raise AssertionError(f"the window rendered blank ({colours} colours)")
        blocks = len(list(window.session.doc.walk()))
        return f"{name} opened in a {image.width()}x{image.height()} window and rendered ({blocks} blocks)"
    finally:
        window.close()
        window.deleteLater()
        qapp.processEvents()


def _colours(image: Any, step: int = 4) -> int:
    """How many distinct colours a sample of the image's pixels has (a blank render has 1)."""
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
            if len(seen) > 64:
                return len(seen)
    return len(seen)


def _expressions(state: dict[str, Any]) -> str:
    from designer.model import jsengine  # the call simulator's embedded V8 (a native library)
    engine = jsengine.JsEngine()
    try:
        value = engine.evaluate("1 + 2", {})
    finally:
        engine.close()
    if value != 3:
        raise AssertionError(f"the JavaScript engine gave {value!r} for 1 + 2")
    return "the JavaScript engine evaluates ${1 + 2} = 3"


def checks() -> Iterator[Check]:
    """The checks in the order they run; later ones use what earlier ones put in the state."""
    yield "schema", _schema
    yield from _example_checks()
    if find_spec("designer.model.jsengine") is not None:  # present once the simulator is in
        yield "expressions", _expressions
    yield "qt", _qt
    yield "icon fonts", _fonts
    yield "app icon", _app_icon
    yield "window", _window


def run(schema: str | None = None, out: TextIO | None = None) -> int:
    """Run every check, print one line each, return 0 when all passed (1 otherwise).

    A check that fails does not stop the rest unless they need what it would have made (a failed
    schema check skips everything after it: nothing can be checked without a catalog).
    """
    out = out or sys.stdout
    from designer import __version__
    print(f"swml-designer {__version__} self-check", file=out)
    state: dict[str, Any] = {"schema": schema}
    failed = 0
    for name, check in checks():
        try:
            detail = check(state)
        except Exception as exc:  # every failure becomes one line, the traceback only on request
            failed += 1
            print(f"FAIL {name}: {type(exc).__name__}: {exc}", file=out)
            if os.environ.get("SWML_DESIGNER_DEBUG"):
                traceback.print_exc()
            if name in ("schema", "qt"):
                break
            continue
        print(f"ok   {name}: {detail}", file=out)
    print("all checks passed" if not failed else f"{failed} check(s) failed", file=out)
    out.flush()
    return EXIT_OK if not failed else EXIT_FAILED


def main(schema: str | None = None) -> int:
    """Entry point behind ``swml-designer --self-check``."""
    return run(schema)
