"""Shared test set-up: Qt runs headless, and fixtures find the example scripts."""

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The catalog's disk cache (designer.model.catalog_cache) goes to a folder of this run.
os.environ.setdefault("SWML_DESIGNER_CACHE", tempfile.mkdtemp(prefix="swml-designer-cache-"))

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]  # the project: child processes import tests.* from it
#: The official calling schema, present beside the project in development and CI (not shipped).
CALLING_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "swml" / "schema" / "calling" / "SWMLObject.json"
#: The 67 real scripts by others, beside the project like the schema.
EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "swml" / "examples"
#: Every YAML script the tests can read: the real examples and this project's fixtures.
YAML_SCRIPTS = sorted(p for folder in (EXAMPLES, FIXTURES) if folder.is_dir()
                      for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES

