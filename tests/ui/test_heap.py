"""Opening pauses the garbage collector and freezes the opened flow; a replaced flow is still freed."""

import gc
import weakref

from PySide6.QtCore import QCoreApplication, QEvent

from designer.ui import heap

from tests.ui.test_files import IVR, copy_fixture, window  # noqa: F401 - the window fixture


def test_building_pauses_the_collector_and_freezes_what_survived():
    gc.unfreeze()
    assert gc.isenabled()
    with heap.building():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() > 0
    gc.unfreeze()


def test_a_replaced_document_is_freed_by_the_tidy_after_opening_another(window, tmp_path):
    gc.unfreeze()
    first = copy_fixture(tmp_path, IVR, "a.yaml")
    second = copy_fixture(tmp_path, IVR, "b.yaml")
    assert window.files.open_path(first, ask=False)
    old = weakref.ref(window.session.doc)
    window.session.doc.test_cycle = window.session.doc  # only the collector can free it now
    assert window.files.open_path(second, ask=False)
    assert window.files.heap._timer.isActive()  # the old flow may be frozen garbage: tidy later
    heap.tidy()
    assert old() is None
    gc.unfreeze()


def _cyclic_garbage_of(func) -> int:
    """How many objects ``func`` left that only the cyclic collector can free."""
    gc.collect()
    gc.disable()
    try:
        func()
        return gc.collect()
    finally:
        gc.enable()


def test_validating_and_projecting_a_flow_leave_no_cyclic_garbage(qtbot):
    # During an open the collector is paused and what is alive is frozen: cycles made on the
    # way (a recursive closure per step, once) stayed with the flow until the next tidy.
    from designer.model.validation import Validator
    from tests.ui.test_canvas_edit import FLOW, make_view
    session, view = make_view(qtbot, FLOW)
    validator = Validator(session.catalog)
    assert _cyclic_garbage_of(lambda: validator.validate(session.doc)) == 0
    assert _cyclic_garbage_of(view.flow_scene.sync) == 0


def test_the_parse_of_a_replaced_flow_is_not_kept(window, tmp_path):
    # The node tree of a file's text is large (12 MB at 5,000 steps); once another file is
    # open, nothing may keep the old one's (a cache of located texts, the preview's locator).
    first = copy_fixture(tmp_path, IVR, "a.yaml")
    second = tmp_path / "b.yaml"
    second.write_text("# another\n" + IVR.read_text(encoding="utf-8"), encoding="utf-8")
    assert window.files.open_path(first, ask=False)
    window.preview.text()
    old_tree = weakref.ref(window.session.doc.source.yaml.root)
    assert window.files.open_path(second, ask=False)
    window.preview.text()
    heap.tidy()
    assert old_tree() is None
    gc.unfreeze()


def test_the_preview_lets_go_of_the_positions_of_a_text_it_no_longer_shows(window, tmp_path):
    first = copy_fixture(tmp_path, IVR, "a.yaml")
    plain = tmp_path / "plain.yaml"
    plain.write_text("version: 1.0.0\nsections:\n  main:\n  - answer: {}\n  - hangup: {}\n", encoding="utf-8")
    assert window.files.open_path(first, ask=False)
    window.session.select([window.session.doc.sections[0].steps[0].id])  # the preview locates it
    window.preview.text()
    old_tree = weakref.ref(window.session.doc.source.yaml.root)
    assert window.files.open_path(plain, ask=False)  # no problem, nothing selected: nothing located
    assert window.preview.text().startswith("version") and not window.session.problems
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the old step form
    heap.tidy()
    assert old_tree() is None
    gc.unfreeze()
