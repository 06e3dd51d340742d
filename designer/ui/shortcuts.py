"""Every menu shortcut in one table, built from Qt's standard keys, with no key used twice.

Why a table: the platform's standard bindings differ (on GNOME ``Delete`` also means Ctrl+D,
which is our Duplicate; ``Redo`` is only Ctrl+Shift+Z, so Ctrl+Y did nothing; with no desktop
``Quit`` has no key at all). Adding an extra key an action already has makes Qt report an
"ambiguous shortcut" and do nothing. Here the standard keys come first, the well-known
extras second, and a key claimed explicitly by one action is taken away from the standard list
of any other, so each key does exactly one thing.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QKeySequence

Key = QKeySequence.StandardKey

#: action name -> the keys it answers to: standard keys (all of the platform's bindings) and
#: explicit ones (always added, and never taken by another action's standard binding).
TABLE: dict[str, tuple[object, ...]] = {
    "new": (Key.New,),
    "open": (Key.Open,),
    "save": (Key.Save,),
    "save_as": (Key.SaveAs,),
    "export_yaml": ("Ctrl+E",),
    "export_json": ("Ctrl+Shift+E",),
    "preferences": (Key.Preferences, "Ctrl+,"),
    "quit": (Key.Quit, "Ctrl+Q"),
    "undo": (Key.Undo, "Ctrl+Z"),
    "redo": (Key.Redo, "Ctrl+Shift+Z", "Ctrl+Y"),
    "cut": (Key.Cut,),
    "copy": (Key.Copy,),
    "paste": (Key.Paste,),
    "duplicate": ("Ctrl+D",),
    "delete": (Key.Delete, "Backspace"),
    "find_block": (Key.Find,),
    "select_all": (Key.SelectAll,),
    "zoom_in": (Key.ZoomIn, "Ctrl+="),
    "zoom_out": (Key.ZoomOut,),
    "reset_zoom": ("Ctrl+1",),
    "fit": ("Ctrl+0",),
    "fit_key": ("F",),
    "auto_layout": ("Ctrl+L",),
    "add_section": ("Ctrl+Shift+N",),
    "validate": ("F7",),
    "fix_all": ("Ctrl+Shift+F",),
    "getting_started": (Key.HelpContents,),
    "shortcuts": ("Ctrl+/",),
    "block_search": ("Ctrl+K",),
    "next_panel": ("F6",),
    "previous_panel": ("Shift+F6",),
    "edit_block": ("Return", "Enter"),
    "publish": ("Ctrl+Shift+P",),
    "try_call": ("F5",),
}


@lru_cache(maxsize=1)
def _explicit() -> dict[str, str]:
    """Key text -> the action that names it explicitly (the table is fixed: worked out once,
    not for each of the window's actions, which made a thousand key sequences at start-up)."""
    claimed: dict[str, str] = {}
    for name, bindings in TABLE.items():
        for binding in bindings:
            if isinstance(binding, str):
                claimed[QKeySequence(binding).toString()] = name
    return claimed


def keys_for(name: str) -> list[QKeySequence]:
    """The keys of action ``name``: each once, none that another action claims explicitly."""
    claimed = _explicit()
    out: list[QKeySequence] = []
    seen: set[str] = set()
    for binding in TABLE.get(name, ()):
        if isinstance(binding, str):
            candidates = [QKeySequence(binding)]
        else:
            candidates = [k for k in QKeySequence.keyBindings(binding)
                          if claimed.get(k.toString(), name) == name]
        for key in candidates:
            text = key.toString()
            if key.isEmpty() or text in seen:
                continue
            seen.add(text)
            out.append(key)
    return out


def _usual(text: str) -> bool:
    """A key people press today: Ctrl+something, an F key, a letter, Delete, Enter."""
    key = text.split("+")[-1] if not text.endswith("++") else "+"
    plain_key = len(key) == 1 or (key.startswith("F") and key[1:].isdigit()) \
        or key in ("Del", "Backspace", "Return", "Enter", "Ins")
    return plain_key and ("Ctrl+" in text or "+" not in text or text.startswith("Shift+F"))


def shown(keys: list[QKeySequence]) -> str:
    """The keys a person would press, for menus and the shortcut list (no Sun "Undo" keys, no
    Alt+Backspace from the 1980s)."""
    texts = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys]
    return ", ".join([t for t in texts if _usual(t)] or texts)
