"""The save dialog names both script types and the file follows the type chosen."""

from PySide6.QtWidgets import QLineEdit

from designer.ui import save_dialog
from designer.ui.save_dialog import JSON_FILTER, YAML_FILTER, build, final_path


def test_both_types_are_offered_by_name_and_the_current_format_is_chosen(qtbot, tmp_path):
    dialog = build(None, "Save flow as", str(tmp_path), "menu", "json", native=False)
    qtbot.addWidget(dialog)
    assert dialog.nameFilters() == ["SWML YAML (*.yaml *.yml)", "SWML JSON (*.json)"]
    assert dialog.selectedNameFilter() == JSON_FILTER
    assert dialog.defaultSuffix() == "json"


def test_choosing_the_json_type_renames_the_file_to_json(qtbot, tmp_path):
    dialog = build(None, "Save flow as", str(tmp_path), "menu", "yaml", native=False)
    qtbot.addWidget(dialog)
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None and edit.text() == "menu.yaml"
    dialog.selectNameFilter(JSON_FILTER)
    dialog.filterSelected.emit(JSON_FILTER)  # what picking the type in the list does
    assert edit.text() == "menu.json" and dialog.defaultSuffix() == "json"
    dialog.filterSelected.emit(YAML_FILTER)
    assert edit.text() == "menu.yaml"


def test_a_name_without_extension_gets_the_chosen_type_and_a_typed_one_is_kept():
    assert final_path("/x/menu", JSON_FILTER) == "/x/menu.json"
    assert final_path("/x/menu", YAML_FILTER) == "/x/menu.yaml"
    assert final_path("/x/menu.yml", JSON_FILTER) == "/x/menu.yml"
    assert final_path("/x/my.menu", JSON_FILTER) == "/x/my.menu.json"


def test_save_as_writes_json_when_the_json_type_is_chosen(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from designer.model.catalog import load_catalog
    from designer.ui.main_window import MainWindow
    from designer.ui.session import EditSession
    window = MainWindow(EditSession(load_catalog()), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.files.interactive = False
    qtbot.addWidget(window)
    chosen = {}

    def fake_ask(parent, title, folder, name, fmt):
        chosen["fmt"] = fmt
        return final_path(str(tmp_path / "menu"), JSON_FILTER)

    monkeypatch.setattr(save_dialog, "ask", fake_ask)
    assert window.files.save_as()
    written = (tmp_path / "menu.json").read_text()
    assert written.lstrip().startswith("{") and chosen["fmt"] == "yaml"
