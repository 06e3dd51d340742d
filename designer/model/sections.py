"""Facts about sections that renaming and deleting need: valid names and who jumps where."""

from __future__ import annotations

import re

from designer.model.document import Document
from designer.model.steps import Step

#: A name that can stand as a section and as a ``transfer``/``execute`` destination.
SECTION_NAME = re.compile(r"^[A-Za-z0-9_\-]+$")
#: Methods whose ``dest`` may name a section of the same document.
JUMP_METHODS = ("execute", "transfer")


def name_problem(doc: Document, name: str, current: str | None = None) -> str | None:
    """Why ``name`` cannot be a (new or renamed) section's name, in plain words; ``None`` if it can."""
    if not name:
        return "A section needs a name."
    if not SECTION_NAME.match(name):
        return "Use only letters, digits, _ and - in a section name (no spaces)."
    if name != current and doc.section(name) is not None:
        return f"There is already a section called \u201c{name}\u201d."
    return None


def jumps_to(doc: Document, name: str) -> list[Step]:
    """The ``execute``/``transfer`` steps whose destination is the section ``name``."""
    return [step for step in doc.walk()
            if step.form == "method" and step.method in JUMP_METHODS
            and isinstance(step.params, dict) and step.params.get("dest") == name]
