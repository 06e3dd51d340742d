"""The wheel and the standalone app, built for real and checked (tests marked ``build``).

They take minutes and pip reaches PyPI (the wheel's isolated build environment, the fresh venv's
dependencies, usually from pip's cache), so the plain test run leaves them out; ``.ci/run`` runs
them in its own step: ``pytest -m build``.
"""

import os
import select
import shutil
import struct
import subprocess
import sys
import tarfile
import time
import venv
import zipfile
from pathlib import Path

import pytest

from designer import __version__

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dist" / "swml-designer"
BINARY = APP / "swml-designer"

pytestmark = pytest.mark.build


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def _run(cmd: list[str], cwd: Path, timeout: int = 900, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=_env(**env), capture_output=True,
                          text=True, timeout=timeout)


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# ----------------------------------------------------------------------------- the wheel
@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = _run([sys.executable, "-m", "build", "--wheel", "--outdir", out, ROOT], ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    [built] = out.glob("swml_flow_designer-*.whl")
    return built


def test_the_wheel_carries_every_package_and_resource(wheel):
    assert wheel.name.startswith(f"swml_flow_designer-{__version__}-py3-none-any")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("designer/resources/schema/swml-schema.json", "designer/resources/schema/SOURCE.md",
                   "designer/resources/icons/swml-designer.svg", "designer/resources/examples/voicemail.yaml",
                   "designer/resources/swml-designer.desktop", "designer/resources/swml-designer.metainfo.xml",
                   "designer/resources/swml-designer.mime.xml", "designer/ui/canvas/__init__.py",
                   "designer/ui/inspector/__init__.py", "designer/self_check.py", "designer/report_formats.py"):
        assert needed in names
    assert not any(n.startswith("tests/") for n in names)  # third-party fixtures never ship


def test_the_wheel_installed_in_a_fresh_venv_passes_the_self_check(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    done = _run([env_dir / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel],
                tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    command = env_dir / "bin" / "swml-designer"
    done = _run([command, "--version"], tmp_path)
    assert done.stdout.strip() == f"swml-designer {__version__}"
    done = _run([command, "--self-check"], tmp_path, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == "all checks passed"


# ----------------------------------------------------------------------------- the app
@pytest.fixture(scope="module")
def built_app() -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("packaging/build.sh builds the Linux app; see packaging/README.md for others")
    start = time.monotonic()
    done = _run(["bash", ROOT / "packaging" / "build.sh"], ROOT, timeout=1800)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-5000:]
    [archive] = (ROOT / "dist").glob(f"swml-designer-{__version__}-linux-*.tar.gz")
    print(f"\nbuild: {time.monotonic() - start:.0f} s; folder {_du(APP) / 2**20:.0f} MiB; "
          f"archive {archive.stat().st_size / 2**20:.0f} MiB")
    return archive


def test_the_build_is_one_folder_packed_as_a_tar_gz(built_app):
    with tarfile.open(built_app) as tar:
        names = set(tar.getnames())
    assert {"swml-designer/swml-designer", "swml-designer/install.sh", "swml-designer/uninstall.sh",
            "swml-designer/_internal/designer/resources/schema/swml-schema.json",
            "swml-designer/_internal/designer/resources/examples/ivr-menu.yaml"} <= names
    assert any(n.startswith("swml-designer/_internal/qtawesome/fonts/") and n.endswith(".ttf") for n in names)


def test_the_build_keeps_only_the_qt_plugins_the_app_uses(built_app):
    plugins = APP / "_internal" / "PySide6" / "Qt" / "plugins"
    kept = {f"{p.parent.name}/{p.name}" for p in plugins.glob("*/*")}
    assert {"platforms/libqxcb.so", "platforms/libqoffscreen.so", "imageformats/libqsvg.so"} <= kept
    assert not {"platforms/libqwayland.so", "platforms/libqvnc.so", "imageformats/libqpdf.so",
                "imageformats/libqtiff.so", "platformthemes/libqgtk3.so"} & kept
    assert not (APP / "_internal" / "PySide6" / "Qt" / "translations").exists()


def test_the_built_binary_reports_its_version_and_passes_the_self_check(built_app, tmp_path):
    done = _run([BINARY, "--version"], tmp_path)
    assert (done.returncode, done.stdout.strip()) == (0, f"swml-designer {__version__}")
    done = _run([BINARY, "--self-check"], tmp_path, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAIL" not in done.stdout and done.stdout.splitlines()[-1] == "all checks passed"


def test_the_built_binary_runs_on_an_x_server(built_app, tmp_path):
    """The xcb platform plugin and the libraries it needs survived the trimming (offscreen
    alone would not notice): the self-check passes on a throw-away Xvfb display."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              pass_fds=[write_fd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        ready, _, _ = select.select([read_fd], [], [], 30)
        assert ready, "Xvfb did not start"
        display = os.read(read_fd, 16).decode().strip()
        done = _run([BINARY, "--self-check"], tmp_path, timeout=300, QT_QPA_PLATFORM="xcb", DISPLAY=f":{display}")
        assert done.returncode == 0, done.stdout + done.stderr
        assert "on the xcb platform" in done.stdout
    finally:
        os.close(read_fd)
        server.terminate()
        server.wait(timeout=30)


def test_the_built_binary_renders_a_screenshot_of_an_example(built_app, tmp_path):
    shot = tmp_path / "ivr.png"
    example = APP / "_internal" / "designer" / "resources" / "examples" / "ivr-menu.yaml"
    done = _run([BINARY, example, "--screenshot", shot], tmp_path, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _png_size(shot) == (1600, 1000)
    assert shot.stat().st_size > 30_000  # a drawn window, not a blank one


def test_the_built_binary_validates_like_the_command_line(built_app, tmp_path):
    bad = tmp_path / "bad.swml.yaml"
    bad.write_text("version: 1.0.0\nsections:\n  main:\n    - record_call:\n        format: flac\n", "utf-8")
    done = _run([BINARY, "validate", "--format", "github", bad.name], tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith("::error file=bad.swml.yaml,line=5,col=17,")


def test_the_app_folder_installs_into_the_user_account(built_app, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    done = _run(["sh", APP / "install.sh"], tmp_path, HOME=str(home))
    assert done.returncode == 0, done.stdout + done.stderr
    copied = home / ".local/share/swml-designer/app/swml-designer"
    link = home / ".local/bin/swml-designer"
    assert link.resolve() == copied.resolve()
    desktop = next((home / ".local/share/applications").glob("*.desktop")).read_text("utf-8")
    assert f'Exec="{copied}" %f' in desktop.splitlines()
    assert _run([link, "--version"], tmp_path).stdout.strip() == f"swml-designer {__version__}"
    done = _run(["sh", home / ".local/share/swml-designer/app/uninstall.sh"], tmp_path, HOME=str(home))
    assert done.returncode == 0, done.stdout + done.stderr
    assert not link.exists() and not copied.exists()
    shutil.rmtree(home)
