"""Saving never loses work (issue 10, cases 5, 9, 10, 12, 14): changed files are asked about,
the mode of a file is kept, a failing layout file is named, and conversions that cannot be exact
are refused with the file left alone."""

from __future__ import annotations

import os
import stat

import pytest

from designer.model.document import Step
from designer.model.layout import sidecar_path
from designer.ui.commands import InsertStepCommand

SCRIPT = "version: 1.0.0\nsections:\n  main:\n  - answer: {}  # pick up\n  - hangup: {}\n"


def edit(window):
    steps = window.session.doc.sections[0].steps
    window.session.undo_stack.push(InsertStepCommand(window.session.doc, steps, 1, Step("sleep", 100)))


def opened(window, tmp_path, text=SCRIPT, name="flow.yaml"):
    path = tmp_path / name
    path.write_bytes(text.encode())
    assert window.files.open_path(path)
    return path


def test_save_asks_before_overwriting_a_file_changed_elsewhere(window, tmp_path, monkeypatch):
    path = opened(window, tmp_path)
    edit(window)
    path.write_text(SCRIPT + "# added by a colleague\n")
    asked = []
    monkeypatch.setattr(window.files, "ask_overwrite_changed", lambda p, change: asked.append(change) or False)
    assert not window.files.save()
    assert asked == ["changed"]
    assert path.read_text().endswith("# added by a colleague\n")
    assert window.files.is_modified()


def test_save_over_a_changed_file_when_the_person_says_so(window, tmp_path, monkeypatch):
    path = opened(window, tmp_path)
    edit(window)
    path.write_text(SCRIPT + "# other\n")
    monkeypatch.setattr(window.files, "ask_overwrite_changed", lambda p, change: True)
    assert window.files.save()
    assert "sleep" in path.read_text()
    edit(window)
    monkeypatch.setattr(window.files, "ask_overwrite_changed", lambda p, change: pytest.fail("asked again"))
    assert window.files.save()  # our own save is not a change made elsewhere


def test_save_asks_before_recreating_a_deleted_file(window, tmp_path, monkeypatch):
    path = opened(window, tmp_path)
    edit(window)
    path.unlink()
    asked = []
    monkeypatch.setattr(window.files, "ask_overwrite_changed", lambda p, change: asked.append(change) or False)
    assert not window.files.save()
    assert asked == ["deleted"] and not path.exists()


def test_touching_a_file_without_changing_it_is_not_a_change(window, tmp_path, monkeypatch):
    path = opened(window, tmp_path)
    edit(window)
    os.utime(path, (1, 1))
    monkeypatch.setattr(window.files, "ask_overwrite_changed", lambda p, change: pytest.fail("asked"))
    assert window.files.save()


def test_saving_keeps_the_mode_of_an_existing_file(window, tmp_path):
    path = opened(window, tmp_path)
    os.chmod(path, 0o640)
    edit(window)
    assert window.files.save()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_new_files_follow_the_umask(window, tmp_path, monkeypatch):
    opened(window, tmp_path)
    edit(window)
    target = tmp_path / "copy.yaml"
    monkeypatch.setattr(window.files, "ask_save_path", lambda *a, **k: str(target))
    old = os.umask(0o022)
    try:
        assert window.files.save_as()
        assert window.files.export("json", str(tmp_path / "copy.json"))
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "copy.json").stat().st_mode) == 0o644
    assert stat.S_IMODE(sidecar_path(target).stat().st_mode) == 0o644


def test_export_over_a_shared_file_keeps_its_mode(window, tmp_path):
    opened(window, tmp_path)
    out = tmp_path / "out.json"
    out.write_text("{}")
    os.chmod(out, 0o644)
    assert window.files.export("json", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o644 and "answer" in out.read_text()


def test_a_failing_layout_file_is_named_and_the_saved_script_is_clean(window, tmp_path):
    path = opened(window, tmp_path)
    sidecar_path(path).mkdir()  # a folder where the layout file should go: writing it fails
    edit(window)
    assert window.files.save()
    title, text = window.files.last_message
    assert "positions" in title and sidecar_path(path).name in text and "flow.yaml” was saved" in text
    assert "sleep" in path.read_text() and not window.files.is_modified()


def test_a_failing_script_write_says_the_script_and_keeps_the_edit(window, tmp_path, monkeypatch):
    path = opened(window, tmp_path)
    edit(window)
    from designer.model import swml_io

    def broken(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(swml_io, "write_text_atomic", broken)
    assert not window.files.save()
    assert "flow.yaml” could not be saved" in window.files.last_message[1]
    assert window.files.is_modified() and path.read_text() == SCRIPT


@pytest.mark.parametrize("ending", ["\r", "\r\n"])
def test_save_keeps_cr_only_and_crlf_endings(window, tmp_path, ending):
    path = opened(window, tmp_path, SCRIPT.replace("\n", ending))
    edit(window)
    assert window.files.save()
    data = path.read_bytes().decode()
    assert "sleep" in data and "# pick up" in data
    assert data.replace(ending, "") == data.replace(ending, "").replace("\n", "")  # no other ending
    assert data.count(ending) == SCRIPT.count("\n") + 1


@pytest.mark.parametrize("value,words", [
    ("!!binary aGVsbG8=", "binary"), ("!!set {a, b}", "set"), (".nan", "not-a-number"),
])
def test_export_to_json_refuses_what_json_cannot_hold(window, tmp_path, value, words):
    opened(window, tmp_path, SCRIPT + f"  - set: {{x: {value}}}\n")
    out = tmp_path / "out.json"
    assert not window.files.export("json", str(out))
    assert words in window.files.last_message[1] and not out.exists()


def test_export_to_json_refuses_a_section_named_by_a_non_text(window, tmp_path):
    opened(window, tmp_path, SCRIPT + "  ~:\n  - hangup: {}\n")
    out = tmp_path / "out.json"
    assert not window.files.export("json", str(out))
    assert "None" in window.files.last_message[1] and not out.exists()
