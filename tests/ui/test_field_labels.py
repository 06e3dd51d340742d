"""Field labels without a hand-written one keep abbreviations upright in the panel.

Found by trying the first hour by hand: the Record a message panel said "Status url" while the
Play a message panel, one click away, said "Status URL".
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from designer.model.catalog import load_catalog
from designer.model.document import Step
from designer.model.hints import name_in_words
from designer.ui.commands import InsertStepCommand


def _labels(panel) -> set[str]:
    return {label.text() for label in panel.page.findChildren(QLabel)}


def test_record_panel_says_status_url_like_the_play_panel(session, inspector):
    steps = session.doc.sections[0].steps
    step = Step.from_data({"record": {}}, session.doc.nesting)
    session.undo_stack.push(InsertStepCommand(session.doc, steps, 0, step))
    session.select([step.id])
    labels = _labels(inspector)
    assert "Status URL" in labels
    assert "Status url" not in labels


def test_names_in_words_keep_abbreviations_and_nothing_else_changes():
    assert name_in_words("status_url") == "Status URL"
    assert name_in_words("ai_model") == "AI model"
    assert name_in_words("voice_id") == "Voice ID"
    assert name_in_words("openai_asr_engine") == "OpenAI ASR engine"
    assert name_in_words("max_length") == "Max length"
    assert name_in_words("zh-CN") == "Zh-cn"  # as before: only whole words between underscores
    record = load_catalog().methods["record"].field("status_url")
    assert record.label == "Status URL"
