"""--version and --self-check: what a built or installed designer can run without a display."""

import io
import subprocess
import sys
from importlib import metadata

from designer import __version__, cli, self_check


def test_version_prints_the_package_version(capsys):
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"swml-designer {__version__}"


def test_the_installed_metadata_has_the_same_version():
    """pyproject.toml reads the version from designer/__init__.py: one place, no drift."""
    assert metadata.version("swml-flow-designer") == __version__


def test_self_check_passes_with_one_line_per_check(qapp):
    out = io.StringIO()
    assert self_check.run(out=out) == 0
    lines = out.getvalue().splitlines()
    names = [name for name, _ in self_check.checks()]
    assert lines[0] == f"swml-designer {__version__} self-check"
    assert [line.split(":")[0] for line in lines[1:-1]] == [f"ok   {name}" for name in names]
    assert {"example voicemail", "example ivr-menu", "window", "icon fonts", "app icon"} <= set(names)
    assert lines[-1] == "all checks passed"


def test_self_check_fails_on_an_example_with_errors(qapp, monkeypatch):
    from designer.model import examples
    good = examples.example_text
    monkeypatch.setattr(examples, "example_text", lambda name: good(name).replace(
        "format: mp3", "format: flac", 1) if name == "voicemail" else good(name))
    out = io.StringIO()
    assert self_check.run(out=out) == 1
    text = out.getvalue()
    assert "FAIL example voicemail: AssertionError: 1 error(s)" in text
    assert "ok   window:" in text and text.rstrip().endswith("1 check(s) failed")


def test_self_check_stops_when_the_schema_cannot_load(tmp_path):
    bad = tmp_path / "schema.json"
    bad.write_text("{not json", "utf-8")
    out = io.StringIO()
    assert self_check.run(str(bad), out=out) == 1
    assert out.getvalue().splitlines()[1].startswith("FAIL schema:")
    assert "window" not in out.getvalue()


def test_self_check_runs_from_the_command_line_headless():
    done = subprocess.run([sys.executable, "-m", "designer", "--self-check"], capture_output=True,
                          text=True, timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == "all checks passed"


def _fake_engine(monkeypatch, result):
    """The simulator's V8 engine answering ``result`` for any expression."""
    from designer.model import jsengine

    monkeypatch.setattr(jsengine.JsEngine, "evaluate", lambda self, body, scopes: result)


def test_self_check_runs_the_real_javascript_engine(qapp):
    out = io.StringIO()
    assert self_check.run(out=out) == 0
    assert "ok   expressions: the JavaScript engine evaluates ${1 + 2} = 3" in out.getvalue()


def test_self_check_tries_the_javascript_engine_when_there_is_one(qapp, monkeypatch):
    _fake_engine(monkeypatch, 3)
    out = io.StringIO()
    assert self_check.run(out=out) == 0
    assert "ok   expressions: the JavaScript engine evaluates ${1 + 2} = 3" in out.getvalue()


def test_self_check_fails_when_the_javascript_engine_miscounts(qapp, monkeypatch):
    _fake_engine(monkeypatch, "3")
    out = io.StringIO()
    assert self_check.run(out=out) == 1
    assert "FAIL expressions: AssertionError: the JavaScript engine gave '3' for 1 + 2" in out.getvalue()
