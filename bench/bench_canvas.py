"""Canvas performance figures for a 1,000-step flow (prints numbers; asserts nothing).

Run: ``QT_QPA_PLATFORM=offscreen python bench/bench_canvas.py``
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from designer.model.catalog import load_catalog  # noqa: E402
from designer.model.document import Document  # noqa: E402
from designer.ui.commands import InsertStepCommand, SetParamCommand  # noqa: E402


def flow(n: int) -> dict:
    """``n`` steps: a main chain with a switch every 50 steps, each case holding a few blocks."""
    steps: list = []
    while len(steps) < n:
        i = len(steps)
        if i % 50 == 25:
            steps.append({"switch": {"variable": "prompt_value",
                                     "case": {str(k): [{"play": {"url": f"say:Option {k}"}},
                                                       {"transfer": {"dest": "main"}}] for k in range(1, 4)}}})
        else:
            kind = i % 4
            steps.append([{"answer": {}}, {"play": {"urls": ["say:Hello", "silence:2"]}},
                          {"record_call": {"format": "mp3", "direction": "both", "beep": True}},
                          {"set": {"n": i}}][kind])
    return {"version": "1.0.0", "sections": {"main": steps}}


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    from designer.ui.canvas.view import FlowView
    from designer.ui.session import EditSession

    catalog = load_catalog()
    session = EditSession(catalog)
    view = FlowView(session)
    view.resize(1400, 900)
    doc = Document.from_data(flow(1000), catalog.nesting)
    total = sum(1 for _ in doc.walk())
    t0 = time.perf_counter()
    session.replace_document(doc)
    t1 = time.perf_counter()
    print(f"steps: {total}, blocks: {len(view.flow_scene.blocks)}, edges: {len(view.flow_scene.edges)}")
    print(f"open (validate + auto-layout + scene build): {(t1 - t0) * 1000:.1f} ms")
    t0 = time.perf_counter()
    view.flow_scene.sync()
    print(f"full scene sync (no changes): {(time.perf_counter() - t0) * 1000:.1f} ms")
    step = doc.sections[0].steps[500]
    runs = 20
    t0 = time.perf_counter()
    for i in range(runs):
        session.undo_stack.push(SetParamCommand(doc, step, ("n",), i))
    print(f"param edit -> sync (incl. validation): {(time.perf_counter() - t0) * 1000 / runs:.2f} ms/edit")
    t0 = time.perf_counter()
    for _ in range(runs):
        session.undo_stack.push(InsertStepCommand(doc, doc.sections[0].steps, 400, Step_("hangup")))
    print(f"insert step -> sync (incl. validation): {(time.perf_counter() - t0) * 1000 / runs:.2f} ms/edit")
    view.show()
    view.fit_to_view()
    app.processEvents()
    t0 = time.perf_counter()
    view.viewport().repaint()
    print(f"repaint, fitted (far zoom): {(time.perf_counter() - t0) * 1000:.1f} ms")
    view.reset_zoom()
    view.viewport().repaint()  # first paint at 100 % renders the icons once
    t0 = time.perf_counter()
    view.viewport().repaint()
    print(f"repaint at 100 % (icons cached): {(time.perf_counter() - t0) * 1000:.1f} ms")


def Step_(method: str):  # noqa: N802 - tiny helper
    from designer.model.document import Step

    return Step(method, {})


if __name__ == "__main__":
    main()
