"""Release hygiene that needs no build: one version, every package and data file in the wheel's
list, a changelog to add to."""

import fnmatch
import re
from pathlib import Path

import pytest

from designer import __version__

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_the_version_is_written_only_in_designer_init():
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "designer.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+([ab]|rc|\.dev)?\d*", __version__)


def test_every_designer_package_is_listed_for_the_wheel():
    """A subpackage missing from pyproject.toml works in a source checkout but not when installed."""
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "designer").rglob("__init__.py")}
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert on_disk - listed == set()
    assert "designer.resources" in listed


def test_every_resource_file_matches_the_package_data_globs():
    globs = PYPROJECT["tool"]["setuptools"]["package-data"]["designer.resources"]
    files = [p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.name != "__init__.py"]
    assert files
    assert [f for f in files if not any(fnmatch.fnmatch(f, g) for g in globs)] == []


def test_the_changelog_has_a_place_for_the_next_change():
    text = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert "## Unreleased" in text or f"## {__version__}" in text
