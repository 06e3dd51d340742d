"""Preferences: which SWML schema the designer uses (the bundled one or a file).

The choice is kept in ``QSettings`` under ``schema/path`` (empty = bundled) and applied with
``session.set_catalog(load_catalog(path))``; the palette and status bar follow.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

if TYPE_CHECKING:
    from designer.model.catalog import Catalog

SCHEMA_KEY = "schema/path"
BUNDLED_LABEL = "Bundled SWML schema (SignalWire, MIT)"


def schema_setting(settings: QSettings) -> str | None:
    """The schema file chosen in the preferences, or ``None`` for the bundled schema."""
    value = str(settings.value(SCHEMA_KEY, "") or "")
    return value or None


def schema_label(path: str | Path | None) -> str:
    """Words for the status bar: ``Schema: bundled`` or ``Schema: SWMLObject.json``."""
    return "Schema: bundled (SignalWire, MIT)" if not path else f"Schema: {Path(path).name}"


def catalog_for(path: str | Path | None) -> Catalog:
    """The catalog for a schema file (``None``: bundled); raises ``SchemaError`` with plain words.
    (Imported here: the window's frame reads the other preferences before the catalog is needed.)"""
    from designer.model.catalog import load_catalog
    return load_catalog(path)


class PreferencesDialog(QDialog):
    """Choose the schema: the bundled one or a schema file on disk."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(520)
        self.settings = settings
        current = schema_setting(settings)

        self.bundled = QRadioButton(BUNDLED_LABEL, self)
        self.custom = QRadioButton("A schema file:", self)
        group = QButtonGroup(self)
        group.addButton(self.bundled)
        group.addButton(self.custom)
        self.path_edit = QLineEdit(current or "", self)
        self.path_edit.setPlaceholderText("e.g. SWMLObject.json from the SignalWire docs")
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self._browse)
        (self.custom if current else self.bundled).setChecked(True)
        self.path_edit.textEdited.connect(lambda _t: self.custom.setChecked(True))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #e5484d")
        self.error.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        note = QLabel("The schema decides which blocks the palette offers and how flows are checked. "
                      "The newer official schema from the SignalWire docs can be used as a file.", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>SWML schema</b>", self))
        layout.addWidget(note)
        layout.addWidget(self.bundled)
        layout.addWidget(self.custom)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def chosen_path(self) -> str | None:
        return self.path_edit.text().strip() or None if self.custom.isChecked() else None

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a SWML schema", self.path_edit.text(),
                                              "JSON Schema (*.json);;All files (*)")
        if path:
            self.path_edit.setText(path)
            self.custom.setChecked(True)

    def accept(self) -> None:  # check the file before closing
        from designer.model.schema import SchemaError
        path = self.chosen_path()
        try:
            catalog_for(path)
        except (SchemaError, OSError, ValueError) as exc:
            self.error.setText(f"This schema cannot be used: {exc}")
            return
        self.settings.setValue(SCHEMA_KEY, path or "")
        super().accept()
