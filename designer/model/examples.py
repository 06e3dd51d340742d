"""Example flows shipped with the designer (``resources/examples``), to start from a working script.

These are the project's own scripts (MIT), not the third-party examples used as test fixtures.
"""

from __future__ import annotations

from importlib import resources

_TITLES = {
    "record-and-play-back": "Record and play back",
    "voicemail": "Voicemail box",
    "ivr-menu": "Phone menu (press 1, 2, 3)",
}


def example_names() -> list[str]:
    """Names of the shipped examples, in menu order."""
    folder = resources.files("designer.resources") / "examples"
    found = {p.name.rsplit(".", 1)[0] for p in folder.iterdir() if p.name.endswith((".yaml", ".json"))
             and not p.name.endswith(".calls.yaml")}  # flow tests kept beside the examples
    return [n for n in _TITLES if n in found] + sorted(found - set(_TITLES))


def example_title(name: str) -> str:
    """Words for the menu."""
    return _TITLES.get(name, name.replace("-", " ").capitalize())


def example_text(name: str) -> str:
    """The YAML text of an example."""
    return (resources.files("designer.resources") / "examples" / f"{name}.yaml").read_text("utf-8")
