"""Everything measured on one flow size, in a process of its own so peak memory is the size's.

Run by ``python -m bench`` as ``python -m bench.window_case STEPS REPEAT``; prints one JSON
object of lists of seconds (and the peak resident memory in MB). Edits go through the
inspector's real widgets (the sensitivity slider, the format list, a text field typed into) and
count until the preview text and the problems list have been refreshed, which is what a person
waits for.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(steps: int, repeat: int) -> dict:
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtCore import Qt

    from bench.flows import script
    from bench.naive import NaiveEditor
    from bench.stats import timed
    from designer.model import swml_io
    from designer.model.catalog import load_catalog
    from designer.model.validation import Validator
    from designer.ui import app as app_module
    from designer.ui.main_window import MainWindow
    from designer.ui.session import EditSession

    qapp = app_module.application()
    app_module.apply_theme(qapp, dark=False)
    folder = Path(tempfile.mkdtemp())
    path = folder / "flow.yaml"
    text = script(steps)
    path.write_text(text, encoding="utf-8")
    catalog = load_catalog()
    out: dict[str, list[float] | float] = {}
    open_repeat = max(1, min(repeat, 3 if steps <= 5000 else 1))

    # As the window opens a file: without collector passes over the half-built flow
    # (designer.ui.heap); with them, parsing 5,000 steps took twice as long.
    out["parse"] = timed(paused(lambda: swml_io.loads(text, "yaml")), open_repeat)
    doc = swml_io.loads(text, "yaml")
    out["validate"] = timed(paused(lambda: Validator(catalog).validate(doc)), open_repeat)
    # The flows parsed above are the bench's, not the window's: the peak below is the designer's.
    del doc
    gc.collect()

    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(EditSession(catalog), settings)
    window.files.interactive = False
    window.resize(1600, 1000)
    window.show()
    qapp.processEvents()

    # Two files in turn, differing in their first and last lines: reopening the same file
    # left the preview text unchanged, so its cost went unmeasured.
    other = folder / "other.yaml"
    other.write_text("# the other file\n" + text + "# end of the other file\n", encoding="utf-8")
    files = iter(range(10**6))

    def open_file() -> None:
        window.files.open_path((path, other)[next(files) % 2], ask=False)
        window.preview.text()
        qapp.processEvents()

    out["open"] = timed(open_file, open_repeat)
    # Lines off screen are coloured when idle (designer.ui.highlighter), and the writer
    # renders every step once when editing pauses (swml_io.settle): a person takes longer
    # than that pause to pick a block after opening. Done here, untimed, so that the edits
    # below are measured alone.
    window.preview.highlighter.finish()
    window.preview.settle_now()
    session = window.session
    record = next(s for s in session.doc.walk() if s.method == "record_call")
    session.select([record.id])
    qapp.processEvents()
    form = window.inspector.form

    def refreshed() -> str:
        qapp.processEvents()  # the coalesced preview render and problem marks run here
        return window.preview.text()

    slider = form.binding_for(("input_sensitivity",)).row.current_editor().slider
    values = iter(range(10**6))
    slider.setSliderDown(True)
    out["edit_slider"] = timed(lambda: (slider.setValue(1 + next(values) % 99), refreshed()), repeat)
    slider.setSliderDown(False)
    refreshed()

    combo = form.binding_for(("format",)).row.current_editor().combo
    formats = [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i)]
    picks = iter(range(10**6))

    def pick() -> None:
        combo.setCurrentIndex(combo.findData(formats[next(picks) % len(formats)]))
        combo.activated.emit(combo.currentIndex())
        refreshed()

    out["edit_enum"] = timed(pick, repeat)
    line = form.binding_for(("control_id",)).row.current_editor().line
    line.setFocus()
    line.end(False)
    out["edit_text"] = timed(lambda: (QTest.keyClick(line, Qt.Key.Key_A), refreshed()), repeat)
    line.clearFocus()
    refreshed()

    out["undo"] = timed(lambda: (session.undo_stack.undo(), refreshed()), min(repeat, session.undo_stack.index()))
    doc = session.doc
    record_step = next(s for s in doc.walk() if s.method == "record_call")
    saves = iter(range(10**6))

    def change() -> None:  # untimed: saving an unchanged script is free
        doc.set_param(record_step, ("input_sensitivity",), 1 + next(saves) % 99)

    # What File > Save writes: the spliced text, proven to read back as the whole document.
    out["save_yaml"] = timed(lambda: swml_io.dumps(doc, "yaml", thorough=True), repeat, setup=change)
    out["save_json"] = timed(lambda: swml_io.dumps(doc, "json", thorough=True), repeat, setup=change)
    # File > Save as the menu runs it: the proven text written to disk, the source kept for the
    # next save, the block positions' sidecar, the undo stack marked clean, the status bar. The
    # edit's own preview refresh runs before, untimed.
    assert session.path is not None
    out["save_file"] = timed(lambda: (window.files.save(), qapp.processEvents()), repeat,
                             setup=lambda: (change(), qapp.processEvents()))

    view = window.canvas
    viewport = view.viewport()
    for _ in range(3):  # the canvas (not the window) is 1600x1000; the docks keep their sizes
        window.resize(window.width() + 1600 - viewport.width(), window.height() + 1000 - viewport.height())
        qapp.processEvents()
    view.reset_zoom()
    view.reveal(record.id)
    qapp.processEvents()
    out["viewport_size"] = [float(viewport.width()), float(viewport.height())]
    viewport.repaint()  # icons and fonts are cached on the first paint
    out["render_view"] = timed(viewport.repaint, repeat)
    view.fit_to_view()
    qapp.processEvents()
    viewport.repaint()
    out["render_fit"] = timed(viewport.repaint, max(3, repeat // 4))

    # The designer's peak, read before the naive way runs: jsonschema over a whole large
    # document allocates far more than the designer ever does, and the peak is a high-water mark.
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    naive = NaiveEditor(doc.to_data(), catalog)
    # The naive way takes seconds a run from 5,000 steps on: a few runs tell enough.
    out["naive_edit"] = timed(naive.edit, repeat if steps < 5000 else 3 if steps <= 5000 else 1)
    window.close()
    return out


def paused(func):
    """``func`` run with the garbage collector paused, as opening a file runs."""
    def run():
        gc.disable()
        try:
            return func()
        finally:
            gc.enable()
    return run


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    print(json.dumps(main(int(sys.argv[1]), int(sys.argv[2]))))
