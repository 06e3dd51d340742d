"""The command line on hostile files (issue 10): exit 2 with FILE:LINE:COL and a plain message,
never a traceback, never a hang, and nothing written."""

from __future__ import annotations

import pytest

from designer import cli
from designer.model import limits

from tests.model.test_hostile_input import BOMB


@pytest.mark.parametrize("name,text,where,words", [
    ("bomb.yaml", BOMB, ":6:", "aliases"),
    ("deep.json", '{"a": ' + "[" * 999 + "]" * 999 + "}", ":1:", "levels deep"),
    ("deep.yaml", "a: " + "[" * 999 + "]" * 999 + "\n", ":1:", "levels deep"),
    ("surrogate.json", '{"version": "1.0.0", "sections": {"main": [{"play": {"url": "\\ud800"}}]}}', ":1:", "escape"),
    ("bigint.json", '{"a": ' + "9" * 100_000 + "}", ":1:7:", "digits"),
    ("dup.yaml", "version: 1.0.0\nsections:\n  main: []\n  main:\n  - hangup: {}\n", ":4:3:", "twice"),
])
def test_validate_refuses_hostile_files_with_exit_2(tmp_path, capsys, name, text, where, words):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert cli.main(["validate", str(path)]) == 2
    out = capsys.readouterr()
    assert where in out.out and words in out.out and "Traceback" not in out.out + out.err


def test_validate_refuses_an_oversized_file_before_reading_it(tmp_path, capsys):
    path = tmp_path / "big.yaml"
    with open(path, "wb") as handle:
        handle.truncate(limits.MAX_BYTES + 1)
    assert cli.main(["validate", str(path)]) == 2
    assert f"{path}:1:1: error: the file is {limits.size_text(limits.MAX_BYTES + 1)}" in capsys.readouterr().out


def test_convert_of_a_lone_surrogate_writes_nothing(tmp_path, capsys):
    src, out = tmp_path / "s.json", tmp_path / "s.yaml"
    src.write_text('{"version": "1.0.0", "sections": {"main": [{"play": {"url": "\\ud800"}}]}}')
    assert cli.main(["convert", str(src), str(out)]) == 2
    assert not out.exists()


@pytest.mark.parametrize("value", ["!!binary aGVsbG8=", "!!set {a, b}", ".nan"])
def test_convert_refuses_lossy_json_and_writes_nothing(tmp_path, capsys, value):
    src, out = tmp_path / "s.yaml", tmp_path / "s.json"
    src.write_text(f"version: 1.0.0\nsections:\n  main:\n  - set: {{x: {value}}}\n")
    assert cli.main(["convert", str(src), str(out)]) == 2
    assert "JSON cannot hold" in capsys.readouterr().err and not out.exists()


def test_convert_creates_files_with_the_umasks_mode(tmp_path):
    import os
    import stat
    src, out = tmp_path / "s.yaml", tmp_path / "s.json"
    src.write_text("version: 1.0.0\nsections:\n  main:\n  - hangup: {}\n")
    old = os.umask(0o027)
    try:
        assert cli.main(["convert", str(src), str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
