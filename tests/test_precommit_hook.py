"""The pre-commit hook in .pre-commit-hooks.yaml fails a commit with a broken SWML script and
passes a good one, in a git repository made for the test.

The fast tests run the hook's own definition (entry, files, types) as a ``repo: local`` hook on
the designer already installed, so nothing is fetched. The ``build``-marked test uses the
project directory itself as the hook repository, the way a team would, which makes pre-commit
build a fresh environment with ``pip install`` of this checkout (slow; run with ``-m build``).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
HOOK = next(h for h in MANIFEST if h["id"] == "swml-validate")
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]

GOOD = """version: 1.0.0
sections:
  main:
    - answer: {}
    - hangup: {}
"""
BROKEN = """version: 1.0.0
sections:
  main:
    - record_call:
        format: flac
"""

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def _repo(tmp_path: Path, config: dict) -> tuple[Path, dict[str, str]]:
    pytest.importorskip("pre_commit")
    repo = tmp_path / "flows"
    repo.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t", QT_QPA_PLATFORM="offscreen",
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    assert _git(repo, "init", "-q", "-b", "main", env=env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    done = subprocess.run([*PRE_COMMIT, "install"], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    _git(repo, "add", ".pre-commit-config.yaml", env=env)
    assert _git(repo, "commit", "-q", "-m", "config", env=env).returncode == 0
    return repo, env


def _commit(repo: Path, env: dict[str, str], name: str, text: str) -> subprocess.CompletedProcess:
    (repo / name).write_text(text, "utf-8")
    _git(repo, "add", name, env=env)
    return _git(repo, "commit", "-m", f"add {name}", env=env)


def _local_hook(**overrides) -> dict:
    """The published hook as a ``repo: local`` hook running this interpreter's designer."""
    hook = {k: v for k, v in HOOK.items() if k not in ("language", "minimum_pre_commit_version")}
    hook["entry"] = HOOK["entry"].replace("swml-designer", f"{sys.executable} -m designer", 1)
    hook["language"] = "system"
    hook.update(overrides)
    return {"repos": [{"repo": "local", "hooks": [hook]}]}


def test_the_hook_runs_swml_designer_validate_on_swml_files():
    assert HOOK["entry"] == "swml-designer validate"
    assert HOOK["language"] == "python"
    import re
    pattern = re.compile(HOOK["files"])
    assert [n for n in ("a.swml.yaml", "b.swml.yml", "flows/c.swml.json", "d.yaml", "e.json", "swml.yaml.bak")
            if pattern.search(n)] == ["a.swml.yaml", "b.swml.yml", "flows/c.swml.json"]


def test_a_broken_script_fails_the_commit_and_a_good_one_passes(tmp_path):
    repo, env = _repo(tmp_path, _local_hook())
    done = _commit(repo, env, "ok.swml.yaml", GOOD)
    assert done.returncode == 0, done.stdout + done.stderr
    done = _commit(repo, env, "bad.swml.yaml", BROKEN)
    assert done.returncode != 0
    assert ("bad.swml.yaml:5:17: error: sections.main[0].record_call.format: Format must be wav, mp3 or mp4"
            in done.stdout + done.stderr)
    assert _git(repo, "log", "--format=%s", env=env).stdout.split("\n")[0] == "add ok.swml.yaml"


def test_files_outside_the_pattern_are_not_checked_unless_configured(tmp_path):
    repo, env = _repo(tmp_path, _local_hook())
    assert _commit(repo, env, "notes.yaml", BROKEN).returncode == 0  # not a *.swml.yaml
    repo2, env2 = _repo(tmp_path / "second", _local_hook(files=r"\.ya?ml$", exclude=r"^\.pre-commit"))
    assert _commit(repo2, env2, "notes.yaml", BROKEN).returncode != 0


def test_args_reach_the_validator(tmp_path):
    repo, env = _repo(tmp_path, _local_hook(args=["--format", "github"]))
    done = _commit(repo, env, "bad.swml.json", '{"version": "1.0.0", "sections": {"main": [{"record_call": {"format": "flac"}}]}}')
    assert done.returncode != 0
    assert "::error file=bad.swml.json,line=1,col=" in done.stdout + done.stderr


@pytest.mark.build
def test_the_project_directory_works_as_a_hook_repository(tmp_path):
    """What a team writes: ``repo:`` pointing at this project (here a local git path), ``rev:``
    its commit. pre-commit clones it and pip-installs it into a hook environment."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("the project is not a git checkout")
    config = {"repos": [{"repo": str(ROOT), "rev": head.stdout.strip(), "hooks": [{"id": "swml-validate"}]}]}
    repo, env = _repo(tmp_path, config)
    done = _commit(repo, env, "ok.swml.yaml", GOOD)
    assert done.returncode == 0, done.stdout + done.stderr
    done = _commit(repo, env, "bad.swml.yaml", BROKEN)
    assert done.returncode != 0
    assert "bad.swml.yaml:5:17: error:" in done.stdout + done.stderr
