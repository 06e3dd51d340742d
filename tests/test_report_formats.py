"""validate --format github / sarif: annotations GitHub Actions understands, SARIF that validates."""

import json
from pathlib import Path

import jsonschema
import pytest

from designer import __version__, cli, report_formats

from tests.conftest import FIXTURES

INVALID = FIXTURES / "invalid"
GOOD = FIXTURES / "reference_playback_both.yaml"
BROKEN_JSON = FIXTURES / "106_de-tap-tool.json"
SARIF_SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-2.1.0-rtm.5.json").read_text("utf-8"))


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main(["validate", *argv])
    return code, capsys.readouterr().out


def test_github_format_writes_one_annotation_per_problem(capsys):
    enum, unknown = str(INVALID / "bad_enum.yaml"), str(INVALID / "unknown_method.yaml")
    code, out = _run(capsys, "--format", "github", enum, unknown)
    assert code == 1
    assert out.splitlines() == [
        f"::error file={enum},line=6,col=17,title=SWML schema.enum::"
        "sections.main[1].record_call.format: Format must be wav, mp3 or mp4",
        f"::warning file={unknown},line=4,col=7,title=SWML method.unknown::"
        "sections.main[0].stream: Unknown method 'stream': kept as written",
    ]


def test_github_format_prints_nothing_for_a_clean_file(capsys):
    assert _run(capsys, "--format", "github", str(GOOD)) == (0, "")


def test_github_format_reports_unparsable_files_with_exit_2(capsys):
    code, out = _run(capsys, "--format", "github", str(BROKEN_JSON))
    assert code == 2
    assert out.startswith(f"::error file={BROKEN_JSON},line=11,col=7,title=SWML parse::JSON syntax error")


def test_github_annotations_escape_what_would_end_the_command():
    rec = {"file": "dir,x/a:b%.swml.yaml", "line": 3, "column": 1, "severity": "error", "path": "",
           "message": "100% wrong\nsecond line", "code": "c"}
    assert report_formats.github_line(rec) == (
        "::error file=dir%2Cx/a%3Ab%25.swml.yaml,line=3,col=1,title=SWML c::100%25 wrong%0Asecond line")


def _sarif(capsys, *files: str) -> tuple[int, dict]:
    code, out = _run(capsys, "--format", "sarif", *files)
    return code, json.loads(out)


def test_sarif_output_is_valid_sarif_2_1_0(capsys):
    files = [str(p) for p in sorted(INVALID.iterdir())] + [str(GOOD), str(BROKEN_JSON)]
    code, log = _sarif(capsys, *files)
    assert code == 2
    jsonschema.Draft4Validator.check_schema(SARIF_SCHEMA)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert log["version"] == "2.1.0"
    assert len(log["runs"][0]["results"]) > 10


def test_sarif_schema_rejects_what_is_not_sarif():
    """The schema check above can fail: a result without a message is refused."""
    log = report_formats.sarif_log([{"file": "a.yaml", "line": 1, "column": 1, "severity": "error",
                                     "path": "", "message": "m", "code": "c"}], ["a.yaml"], "1")
    del log["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)


def test_sarif_result_points_at_file_line_and_rule(capsys, monkeypatch):
    monkeypatch.chdir(FIXTURES)  # relative names, as pre-commit and CI pass them
    path, good = "invalid/bad_enum.yaml", GOOD.name
    code, log = _sarif(capsys, path, good)
    run = log["runs"][0]
    assert code == 1
    assert run["tool"]["driver"]["name"] == "swml-designer"
    assert run["tool"]["driver"]["version"] == __version__
    [result] = run["results"]
    assert result["level"] == "error"
    assert result["ruleId"] == "schema.enum"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "schema.enum"
    assert result["message"]["text"] == "sections.main[1].record_call.format: Format must be wav, mp3 or mp4"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": path, "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 6, "startColumn": 17}
    # The clean file is listed too, so a scanning service knows it was checked.
    assert [a["location"]["uri"] for a in run["artifacts"]] == [path, good]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == FIXTURES.as_uri() + "/"


def test_sarif_warnings_are_warning_level_and_exit_0(capsys):
    code, log = _sarif(capsys, str(INVALID / "unknown_method.yaml"))
    assert code == 0
    assert [r["level"] for r in log["runs"][0]["results"]] == ["warning"]


def test_sarif_uris_are_encoded_and_absolute_paths_become_file_uris(tmp_path):
    spaced = tmp_path / "my flow.swml.yaml"
    assert report_formats._artifact_uri("a dir/x #1.yaml") == {"uri": "a%20dir/x%20%231.yaml",
                                                               "uriBaseId": "%SRCROOT%"}
    assert report_formats._artifact_uri(str(spaced)) == {"uri": spaced.as_uri()}


def test_json_flag_and_format_json_print_the_same(capsys):
    path = str(INVALID / "short_forms.yaml")
    assert _run(capsys, "--json", path) == _run(capsys, "--format", "json", path)


def test_unknown_format_is_a_usage_error(capsys):
    assert cli.main(["validate", "--format", "xml", str(GOOD)]) == 2
