"""The save dialog: "SWML YAML" or "SWML JSON", and the file's format follows the type chosen.

Why: the dialog offered "YAML" and "SWML scripts" but no JSON type, so saving JSON meant
knowing to type ``.json``. Now both types are offered by name; choosing one changes the
extension of the name typed, and a name typed without an extension gets the chosen type's.
A name typed with a script extension keeps it (the file format follows the file's extension
when saving, so the name and the content always agree).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit, QWidget

YAML_FILTER = "SWML YAML (*.yaml *.yml)"
JSON_FILTER = "SWML JSON (*.json)"
FILTERS = (YAML_FILTER, JSON_FILTER)
SCRIPT_SUFFIXES = (".yaml", ".yml", ".json")


def format_of_filter(name_filter: str) -> str:
    """``"json"`` for the JSON type, else ``"yaml"``."""
    return "json" if name_filter == JSON_FILTER else "yaml"


def filter_of_format(fmt: str) -> str:
    return JSON_FILTER if fmt == "json" else YAML_FILTER


def final_path(path: str, name_filter: str) -> str:
    """The path to write: a script extension typed is kept, none gets the chosen type's."""
    if not path:
        return path
    if Path(path).suffix.lower() in SCRIPT_SUFFIXES:
        return path
    return f"{path}.{format_of_filter(name_filter)}"


def renamed_for(name: str, name_filter: str) -> str:
    """``name`` with its extension changed to the chosen type's (``flow.yaml`` -> ``flow.json``)."""
    if not name:
        return name
    ext = format_of_filter(name_filter)
    stem = name[: -len(Path(name).suffix)] if Path(name).suffix.lower() in SCRIPT_SUFFIXES else name
    return f"{stem}.{ext}"


def build(parent: QWidget | None, title: str, folder: str, name: str, fmt: str,
          native: bool = True) -> QFileDialog:
    """A save dialog with both types, ``fmt``'s chosen, ``name.fmt`` suggested in ``folder``."""
    dialog = QFileDialog(parent, title, folder)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if not native:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setNameFilters(list(FILTERS))
    dialog.selectNameFilter(filter_of_format(fmt))
    dialog.setDefaultSuffix(fmt)
    dialog.selectFile(f"{name}.{fmt}")

    def follow(name_filter: str) -> None:
        dialog.setDefaultSuffix(format_of_filter(name_filter))
        edit = dialog.findChild(QLineEdit, "fileNameEdit")  # Qt's own dialog; native ones do this themselves
        if edit is not None:
            edit.setText(renamed_for(edit.text(), name_filter))

    dialog.filterSelected.connect(follow)
    return dialog


def ask(parent: QWidget | None, title: str, folder: str, name: str, fmt: str) -> str | None:
    """Run the dialog; the path to write, or ``None`` when cancelled."""
    dialog = build(parent, title, folder, name, fmt)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return final_path(dialog.selectedFiles()[0], dialog.selectedNameFilter()) or None
