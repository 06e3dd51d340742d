"""Screen-reader names on the canvas and on panel fields; a visible keyboard focus on the canvas."""

from PySide6.QtWidgets import QComboBox, QLineEdit

from designer.model.document import Step
from designer.ui.commands import InsertStepCommand

from tests.ui.canvas_helpers import make_view

FLOW = {"version": "1.0.0", "sections": {"main": [{"answer": {}}, {"record_call": {}}]}}


def test_the_canvas_names_the_selected_block_for_a_screen_reader(qtbot):
    session, view = make_view(qtbot, FLOW)
    assert view.accessibleName() == "Flow canvas: no block selected"
    record = session.doc.sections[0].steps[1]
    session.select([record.id])
    assert view.accessibleName() == "Flow canvas: Record the call (record_call), block 2 of 2 in main"
    session.select([s.id for s in session.doc.sections[0].steps])
    assert view.accessibleName() == "Flow canvas: 2 blocks selected"
    assert "Arrow keys" in view.accessibleDescription()


def test_the_canvas_shows_where_the_keyboard_focus_is(qtbot):
    _session, view = make_view(qtbot, FLOW)
    assert view.objectName() == "canvas" and ":focus" in view.styleSheet()


def test_every_text_and_choice_field_has_a_name(inspector, session):
    steps = session.doc.sections[0].steps
    for method in ("record_call", "play", "prompt", "connect", "hangup"):
        step = Step(method, {})
        session.undo_stack.push(InsertStepCommand(session.doc, steps, len(steps), step))
        session.select([step.id])
        fields = inspector.form.findChildren(QLineEdit) + inspector.form.findChildren(QComboBox)
        unnamed = [w for w in fields if w.isVisibleTo(inspector) and not w.accessibleName()]
        assert not unnamed, (method, [type(w).__name__ for w in unnamed])
    session.select([steps[0].id])
    line = inspector.form.binding_for(("max_length",)).row.current_editor().line
    assert line.accessibleName() == "Maximum length (seconds)"


def test_check_boxes_get_a_visible_outline_on_the_dark_scheme_only(qapp):
    from designer.ui.app import apply_theme, make_palette
    from designer.ui.indicators import tick_image
    try:
        apply_theme(qapp, dark=True)
        assert "QCheckBox::indicator" in qapp.styleSheet() and tick_image().exists()
        apply_theme(qapp, dark=False)
        assert "QCheckBox::indicator" not in qapp.styleSheet()
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(make_palette(False))
