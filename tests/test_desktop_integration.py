"""Linux desktop integration: the entry, AppStream data and file types validate, and the
user-account install script puts them in place and takes them away again."""

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from designer import __version__

ROOT = Path(__file__).resolve().parents[1]
RES = ROOT / "resources"
INSTALL = ROOT / "packaging" / "linux" / "install.sh"
UNINSTALL = ROOT / "packaging" / "linux" / "uninstall.sh"
METAINFO = RES / "swml-designer.metainfo.xml"
APP_ID = ET.parse(METAINFO).getroot().findtext("id")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt install appstream desktop-file-utils shared-mime-info)")
    return path


def test_metainfo_passes_appstream_validation():
    done = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", "--explain", str(METAINFO)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_entry_passes_desktop_file_validate():
    done = subprocess.run([_tool("desktop-file-validate"), str(RES / "swml-designer.desktop")],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout + done.stderr


def test_metainfo_names_the_current_version_and_the_desktop_entry_it_installs_as():
    """A version bump without a release entry in the AppStream data fails here."""
    root = ET.parse(METAINFO).getroot()
    versions = [r.get("version") for r in root.iter("release")]
    assert versions[0] == __version__
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert "APP_ID=" + APP_ID in INSTALL.read_text("utf-8")


def test_desktop_entry_and_mime_types_agree():
    entry = (RES / "swml-designer.desktop").read_text("utf-8")
    declared = set(re.search(r"^MimeType=(.*)$", entry, re.M).group(1).strip(";").split(";"))
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(RES / "swml-designer.mime.xml").getroot()
    types = {t.get("type"): [g.get("pattern") for g in t.findall("m:glob", ns)] for t in mime.findall("m:mime-type", ns)}
    assert declared == set(types)
    assert types["application/x-swml+yaml"] == ["*.swml.yaml", "*.swml.yml"]
    assert types["application/x-swml+json"] == ["*.swml.json"]


def _env(home: Path, path_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), PATH=f"{path_dir}:{env.get('PATH', '/usr/bin:/bin')}")
    return env


def test_install_and_uninstall_for_one_user(tmp_path):
    home, bin_dir = tmp_path / "home", tmp_path / "bin"
    home.mkdir()
    bin_dir.mkdir()
    gui = bin_dir / "swml-designer-gui"
    gui.write_text("#!/bin/sh\n", "utf-8")
    gui.chmod(0o755)
    env = _env(home, bin_dir)
    done = subprocess.run(["sh", str(INSTALL)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr

    share = home / ".local" / "share"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    assert f'Exec="{gui}" %f' in desktop.read_text("utf-8").splitlines()
    assert (share / "icons/hicolor/scalable/apps/swml-designer.svg").read_bytes() == (
        RES / "icons" / "swml-designer.svg").read_bytes()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "mime/packages/swml-designer.xml").is_file()
    if shutil.which("update-mime-database"):
        globs = (share / "mime" / "globs2").read_text("utf-8")
        assert ":application/x-swml+yaml:*.swml.yaml" in globs
        assert ":application/x-swml+json:*.swml.json" in globs
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(desktop)]).returncode == 0

    done = subprocess.run(["sh", str(UNINSTALL)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not desktop.exists()
    assert not (share / "icons/hicolor/scalable/apps/swml-designer.svg").exists()
    assert not (share / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    assert not (share / "mime/packages/swml-designer.xml").exists()
    assert not (share / "swml-designer").exists()
    if shutil.which("update-mime-database"):
        assert "swml" not in (share / "mime" / "globs2").read_text("utf-8")


def test_install_without_the_gui_command_says_how_to_point_at_it(tmp_path):
    env = _env(tmp_path, tmp_path)
    env["PATH"] = "/usr/bin:/bin"
    done = subprocess.run(["sh", str(INSTALL)], env=env, capture_output=True, text=True)
    assert done.returncode == 1
    assert "--exec" in done.stderr
