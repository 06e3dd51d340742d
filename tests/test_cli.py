"""The swml-designer command line: validate, convert, export and starting the window."""

import json
import os
import subprocess
import sys
import types

import pytest

from designer import cli

from tests.conftest import CALLING_SCHEMA, FIXTURES

INVALID = FIXTURES / "invalid"
GOOD = FIXTURES / "reference_playback_both.yaml"
BROKEN = FIXTURES / "106_de-tap-tool.json"


def test_valid_file_exits_0_and_says_ok(capsys):
    assert cli.main(["validate", str(GOOD)]) == 0
    assert capsys.readouterr().out == f"{GOOD}: OK\n"


def test_quiet_prints_nothing_for_a_good_file(capsys):
    assert cli.main(["validate", "--quiet", str(GOOD)]) == 0
    assert capsys.readouterr().out == ""


def test_ok_comes_per_good_file_and_never_for_a_file_with_errors(capsys):
    bad = str(INVALID / "bad_enum.yaml")
    assert cli.main(["validate", str(GOOD), bad, str(GOOD)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{GOOD}: OK" and lines[-1] == f"{GOOD}: OK"
    assert lines[1].startswith(f"{bad}:6:17: error: ") and len(lines) == 3


def test_errors_are_printed_file_line_col_severity_path_message(capsys):
    path = str(INVALID / "bad_enum.yaml")
    assert cli.main(["validate", path]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:6:17: error: sections.main[1].record_call.format: Format must be wav, mp3 or mp4"]


def test_warnings_alone_exit_0(capsys):
    path = str(INVALID / "unknown_method.yaml")
    assert cli.main(["validate", path]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:4:7: warning: sections.main[0].stream: Unknown method 'stream': kept as written",
        f"{path}: OK (1 warning)"]


@pytest.mark.skipif(not CALLING_SCHEMA.exists(), reason="official calling schema not beside the project")
def test_schema_option_uses_the_newer_schema(capsys):
    assert cli.main(["validate", "--schema", str(CALLING_SCHEMA), str(INVALID / "unknown_method.yaml")]) == 0
    assert capsys.readouterr().out == f"{INVALID / 'unknown_method.yaml'}: OK\n"


def test_parse_error_exits_2_with_position_and_no_traceback(capsys):
    assert cli.main(["validate", str(GOOD), str(BROKEN), str(INVALID / "bad_enum.yaml")]) == 2
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[0] == f"{GOOD}: OK"
    assert lines[1].startswith(f"{BROKEN}:11:7: error: JSON syntax error")
    assert len(lines) == 3 and "Traceback" not in out.out + out.err


def test_missing_file_exits_2(capsys, tmp_path):
    missing = tmp_path / "nope.yaml"
    assert cli.main(["validate", str(missing)]) == 2
    assert capsys.readouterr().out.startswith(f"{missing}:1:1: error: cannot read the file")


def test_json_output_lists_problem_objects(capsys):
    path = str(INVALID / "short_forms.yaml")
    assert cli.main(["validate", "--json", path]) == 1
    records = json.loads(capsys.readouterr().out)
    assert records[0] == {"file": path, "line": 4, "column": 7, "severity": "error", "path": "sections.main[0]",
                          "message": "'answer' is written as plain text: write it as answer: {}", "code": "step.bare"}
    assert [r["severity"] for r in records] == ["error", "error", "error", "warning", "error"]


def test_convert_yaml_to_json_and_back(tmp_path):
    out_json, out_yaml = tmp_path / "flow.json", tmp_path / "flow.yaml"
    assert cli.main(["convert", str(GOOD), str(out_json)]) == 0
    data = json.loads(out_json.read_text("utf-8"))
    assert data["sections"]["main"][3]["play"]["urls"][1] == "${record_call_url}"
    assert cli.main(["convert", str(out_json), str(out_yaml)]) == 0
    assert cli.main(["validate", str(out_yaml)]) == 0


def test_convert_refuses_to_overwrite_its_input(tmp_path, capsys):
    src = tmp_path / "flow.yaml"
    src.write_text(GOOD.read_text("utf-8"), "utf-8")
    before = src.read_text("utf-8")
    assert cli.main(["convert", str(src), str(src)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert src.read_text("utf-8") == before


def test_convert_parse_error_exits_2(tmp_path):
    assert cli.main(["convert", str(BROKEN), str(tmp_path / "x.yaml")]) == 2
    assert not (tmp_path / "x.yaml").exists()


def test_export_refuses_scripts_with_errors_unless_forced(tmp_path, capsys):
    target = tmp_path / "out.json"
    assert cli.main(["export", str(INVALID / "bad_enum.yaml"), str(target)]) == 1
    assert not target.exists()
    assert "Format must be wav, mp3 or mp4" in capsys.readouterr().err
    assert cli.main(["export", "--force", str(INVALID / "bad_enum.yaml"), str(target)]) == 0
    assert json.loads(target.read_text("utf-8"))["sections"]["main"][1]["record_call"]["format"] == "ogg"


def test_export_writes_valid_script_with_warnings(tmp_path):
    target = tmp_path / "out.yaml"
    assert cli.main(["export", str(INVALID / "dangling_control_id.yaml"), str(target)]) == 0
    assert target.exists()


def test_no_command_starts_the_window_lazily(monkeypatch):
    calls = []
    fake = types.ModuleType("designer.ui.app")
    fake.run = lambda file, schema, screenshot: calls.append((file, schema, screenshot)) or 0
    monkeypatch.setitem(sys.modules, "designer.ui.app", fake)
    import designer.ui
    monkeypatch.setattr(designer.ui, "app", fake, raising=False)
    assert cli.main(["flow.yaml", "--schema", "s.json", "--screenshot", "shot.png"]) == 0
    assert cli.main([]) == 0
    assert calls == [("flow.yaml", "s.json", "shot.png"), (None, None, None)]


def test_window_that_cannot_import_exits_1_with_a_message(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "designer.ui.app", None)
    import designer.ui
    monkeypatch.delattr(designer.ui, "app", raising=False)
    assert cli.main(["flow.yaml"]) == 1
    assert "the designer window cannot start" in capsys.readouterr().err


def test_python_m_designer_from_another_directory(tmp_path):
    script = tmp_path / "flow.yaml"
    script.write_text("sections:\n  main:\n    - record_call:\n        format: ogg\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([sys.executable, "-m", "designer", "validate", "flow.yaml"], cwd=tmp_path,
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1, result.stderr
    assert result.stdout == "flow.yaml:4:17: error: sections.main[0].record_call.format: Format must be wav, mp3 or mp4\n"
