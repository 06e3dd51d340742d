"""What a person waits for after one edit: the whole window refreshed (prints numbers only).

An edit of one field in a flow loaded from a file goes through the undo stack, re-validation,
the canvas sync and the live preview (spliced YAML that keeps the file's layout). Measured for
flows of 50, 200 and 1,000 steps, as the median of 20 edits, with the real main window.

Run: ``QT_QPA_PLATFORM=offscreen python bench/bench_edit_to_preview.py``
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings  # noqa: E402

from bench.bench_canvas import flow  # noqa: E402
from designer.model import swml_io  # noqa: E402
from designer.model.catalog import load_catalog  # noqa: E402
from designer.model.document import Document  # noqa: E402
from designer.ui import app as app_module  # noqa: E402
from designer.ui.commands import SetParamCommand  # noqa: E402
from designer.ui.main_window import MainWindow  # noqa: E402
from designer.ui.session import EditSession  # noqa: E402


def measure(qapp, steps: int) -> tuple[float, float]:
    folder = Path(tempfile.mkdtemp())
    script = folder / "flow.yaml"
    script.write_text(swml_io.dumps(Document.from_data(flow(steps), load_catalog().nesting), "yaml"))
    window = MainWindow(EditSession(load_catalog()), QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window.files.interactive = False
    window.show()
    start = time.perf_counter()
    window.files.open_path(script, ask=False)
    window.preview.text()
    qapp.processEvents()
    opened = time.perf_counter() - start
    session = window.session
    record = next(s for s in session.doc.walk() if s.method == "record_call")
    times = []
    for i in range(20):
        start = time.perf_counter()
        session.undo_stack.push(SetParamCommand(session.doc, record, ("max_length",), 10 + i))
        text = window.preview.text()  # renders now if the refresh is still pending
        qapp.processEvents()
        times.append(time.perf_counter() - start)
        assert f"max_length: {10 + i}" in text
    window.close()
    return opened, statistics.median(times)


def main() -> None:
    qapp = app_module.application()
    for steps in (50, 200, 1000):
        opened, edit = measure(qapp, steps)
        print(f"{steps:>5} steps: open {opened * 1000:7.1f} ms   one edit -> window refreshed {edit * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
