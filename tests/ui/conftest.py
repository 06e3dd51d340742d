"""Fixtures the UI tests share: an edit session on the bundled schema and an inspector on it."""

import pytest

from designer.model.catalog import load_catalog
from designer.ui.inspector import Inspector
from designer.ui.session import EditSession


@pytest.fixture
def session(qapp):
    """A fresh session holding a new, empty flow."""
    return EditSession(load_catalog())


@pytest.fixture
def inspector(qtbot, session):
    """The property panel at its usual dock width, shown."""
    panel = Inspector(session)
    panel.resize(340, 900)
    qtbot.addWidget(panel)
    panel.show()
    return panel
