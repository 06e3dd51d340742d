"""The layout sidecar's JSON text, byte for byte as ``json.dumps(data, indent=1)`` writes it, fast.

File > Save writes the sidecar after the script. ``json.dumps`` with an indent runs its pure
Python encoder, which took longer than proving and writing the script itself at 5,000 steps
(one position, two numbers, eight lines per block). The positions are therefore formatted here
(a string per entry), and the rest, small, by ``json.dumps`` itself. The text is the same as
before, so sidecars in version control do not change, and anything of another shape than
str -> list of numbers is left to ``json.dumps`` whole.
"""

from __future__ import annotations

import json
import math
from typing import Any

_SPECIAL = {math.inf: "Infinity", -math.inf: "-Infinity"}


def dumps(data: dict[str, Any]) -> str:
    """``json.dumps(data, indent=1, ensure_ascii=False, default=str)``, faster for a sidecar."""
    positions = data.get("positions") if isinstance(data, dict) else None
    block = _positions(positions) if isinstance(positions, dict) and positions else None
    if block is None or any(type(k) is not str for k in data):
        return _slow(data)
    text = _slow({**data, "positions": {}})
    marker = '\n "positions": {}'
    at = text.find(marker)
    if at < 0:
        return _slow(data)
    return text[:at] + '\n "positions": ' + block + text[at + len(marker):]


def _slow(data: Any) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, default=str)


def _positions(positions: dict) -> str | None:
    """The positions mapping as it stands one level in, or ``None`` for another shape."""
    encode = json.encoder.encode_basestring
    entries = []
    for key, value in positions.items():
        if type(key) is not str or type(value) is not list:
            return None
        numbers = []
        for number in value:
            kind = type(number)
            if kind is float:
                numbers.append(float.__repr__(number) if math.isfinite(number)
                               else _SPECIAL.get(number, "NaN"))
            elif kind is int:
                numbers.append(int.__repr__(number))
            else:
                return None
        inner = "[\n   " + ",\n   ".join(numbers) + "\n  ]" if numbers else "[]"
        entries.append(f"  {encode(key)}: {inner}")
    return "{\n" + ",\n".join(entries) + "\n }"
