"""Hostile files and pastes in the window (issue 10, cases 1-6 and 13): a message with line and
column, the flow being edited left exactly as it was, the file on disk untouched."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication


from tests.model.test_hostile_input import BOMB
from tests.ui.canvas_helpers import make_view

HOSTILE = {
    "bomb.yaml": (BOMB, "aliases"),
    "deep.json": ('{"a": ' + "[" * 999 + "]" * 999 + "}", "levels deep"),
    "dup.yaml": ("version: 1.0.0\nsections:\n  main:\n  - answer: {}\n  main:\n  - hangup: {}\n", "twice"),
    "surrogate.json": ('{"version": "1.0.0", "sections": {"main": [{"play": {"url": "\\ud800"}}]}}', "escape"),
    "tabs.yaml": ("version: 1.0.0\nsections:\n\tmain: []\n", "tab"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_open_and_drop_refuse_with_a_position_and_keep_the_flow(window, tmp_path, name):
    text, words = HOSTILE[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    before = window.session.doc.to_data()
    assert not window.files.open_path(path)
    title, message = window.files.last_message
    assert words in message and " at line " in message and "Nothing was changed" in message
    assert window.session.doc.to_data() == before and window.session.path is None
    window.files.last_message = None
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert window.files.last_message is not None and words in window.files.last_message[1]
    assert window.session.doc.to_data() == before
    assert path.read_text(encoding="utf-8") == text


def test_pasting_an_alias_bomb_changes_nothing_and_says_why(qtbot):
    session, view = make_view(qtbot)
    messages = []
    session.message_posted.connect(messages.append)
    before = session.doc.to_data()
    QGuiApplication.clipboard().setText(BOMB)
    assert view.paste() == []
    assert session.doc.to_data() == before and session.undo_stack.count() == 0
    assert len(messages) == 1 and "Nothing was pasted" in messages[0] and "line 6" in messages[0]


@pytest.mark.parametrize("sidecar", ['{"positions": ' + "[" * 5000 + "]" * 5000 + "}", "{" * 100 + "oops",
                                     '{"positions": {}, "detached": [' + "[" * 300 + "]" * 300 + "]}"])
def test_a_hostile_layout_file_does_not_stop_a_valid_script_opening(window, tmp_path, sidecar):
    from designer.model.layout import sidecar_path
    path = tmp_path / "ok.yaml"
    path.write_text("version: 1.0.0\nsections:\n  main:\n  - hangup: {}\n")
    sidecar_path(path).write_text(sidecar)
    assert window.files.open_path(path)
    assert window.session.doc.to_data()["sections"] == {"main": [{"hangup": {}}]}
