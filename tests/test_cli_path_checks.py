"""`validate` reports the issue-8 cases with a line, a location and a code (in --json)."""

import json

import pytest

from designer import cli

CASES = [
    ("- connect: {to: '555-1234'}", "error", "sections.main[0].connect.to", "address.phone_country"),
    ("- connect: {to: call sales}", "error", "sections.main[0].connect.to", "address.dial"),
    ("- record: {max_length: -5}", "error", "sections.main[0].record.max_length", "range.duration"),
    ("- switch: {variable: '', case: {}}", "warning", "sections.main[0].switch.variable", "switch.empty_variable"),
    ("- switch: {variable: prompt_value, case: {'1': [{hangup: {}}]}}", "warning",
     "sections.main[0].switch.variable", "flow.variable_not_set"),
    ("- transfer: {dest: '+15551234567'}", "error", "sections.main[0].transfer.dest", "address.transfer_phone"),
]


@pytest.mark.parametrize("step, severity, path, code", CASES)
def test_each_case_is_a_validate_line_with_its_code(tmp_path, capsys, step, severity, path, code):
    script = tmp_path / "flow.yaml"
    script.write_text(f"version: 1.0.0\nsections:\n  main:\n    {step}\n", "utf-8")
    status = cli.main(["validate", "--json", str(script)])
    records = json.loads(capsys.readouterr().out)
    assert [(r["severity"], r["path"], r["code"], r["line"]) for r in records] == [(severity, path, code, 4)]
    assert status == (1 if severity == "error" else 0)
    cli.main(["validate", str(script)])
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"{script}:4:") and f": {severity}: {path}: " in line
