"""The catalog kept on disk between runs, keyed by what it is built from.

Why: building the catalog walks the whole schema (38 methods, some 1,700 fields) on every
start: a fifth of the time a bare PySide6 window takes to appear on a 2-core machine. Reading
it back is a few times faster. The key is a hash of the schema text and of the code that shapes
the catalog (this package's catalog, hints, panel hints, units, schema and schema fixes modules,
the Python version), so a new schema or a new designer never reads an old catalog.

The cache is a convenience: a missing, unreadable, truncated or foreign file is ignored and the
catalog built (and written) afresh; a folder that cannot be written is ignored too. It lives in
the user's own cache folder (``$SWML_DESIGNER_CACHE`` overrides it, e.g. for tests).
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any, Callable

import platformdirs

from designer.model.steps import MISSING

#: The folder name under the platform's per-user folders.
APP_DIR_NAME = "swml-flow-designer"

#: Modules whose code decides what the catalog holds.
_SHAPING = ("catalog.py", "hints.py", "panel_hints.py", "units.py", "schema.py", "schema_fixes.py",
            "catalog_cache.py")
_FOLDER_ENV = "SWML_DESIGNER_CACHE"


def cache_folder() -> Path:
    """``$SWML_DESIGNER_CACHE``, else the platform's per-user cache folder."""
    if os.environ.get(_FOLDER_ENV):
        return Path(os.environ[_FOLDER_ENV])
    return Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False))


def _key(schema_text: str) -> str:
    digest = hashlib.sha256(schema_text.encode("utf-8"))
    digest.update(sys.version.encode())
    folder = resources.files("designer.model")
    for name in _SHAPING:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:40]


class _Pickler(pickle.Pickler):
    """Keeps the "no default" marker the same object after a round trip."""

    def persistent_id(self, obj: Any) -> str | None:
        return "MISSING" if obj is MISSING else None


class _Unpickler(pickle.Unpickler):
    def persistent_load(self, pid: Any) -> Any:
        if pid == "MISSING":
            return MISSING
        raise pickle.UnpicklingError(f"unknown persistent id {pid!r}")


def cached(schema_text: str | None, build: Callable[[], Any], kind: type) -> Any:
    """The object ``build()`` makes from ``schema_text``, read from the cache when it is
    there and is a ``kind``; built and written otherwise (``schema_text`` ``None``: just build)."""
    if schema_text is None:
        return build()
    try:
        path = cache_folder() / f"catalog-{_key(schema_text)}.pickle"
    except OSError:
        return build()
    try:
        with open(path, "rb") as handle:
            found = _Unpickler(handle).load()
        if isinstance(found, kind):
            return found
    except Exception:  # noqa: BLE001 - missing, truncated, corrupt or foreign: build afresh
        pass
    made = build()
    try:
        _write(path, made)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no error
        pass
    return made


def _write(path: Path, value: Any) -> None:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".catalog-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(buffer.getvalue())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
