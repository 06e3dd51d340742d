"""One-line summaries of a step for its block on the canvas (plain Python, no Qt).

The summary is what a support lead reads at a glance: ``record_call {format: mp3, direction:
both, beep: true}`` reads ``mp3 · both sides · beep``; a ``play`` reads what it says. Methods
without a hand-written rule show their first few set fields.
"""

from __future__ import annotations

from typing import Any, Callable

from designer.model.document import Step, StepList

SEP = " · "
MAX_LEN = 80

_DIRECTIONS = {"both": "both sides", "speak": "caller's voice", "listen": "what the caller hears"}


def summarize(step: Step) -> str:
    """The one-line summary of ``step`` ("" when there is nothing worth saying)."""
    if step.form == "bare":
        return "written without settings"
    if step.form == "raw":
        return "not a method: " + _short(step.params)
    rule = _RULES.get(step.method)
    text = rule(step) if rule else _generic(step.params)
    return _clip(text)


def _clip(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_LEN else text[: MAX_LEN - 1] + "…"


def _short(value: Any, limit: int = 40) -> str:
    """A scalar (or small container) in a few characters."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, StepList):
        return f"{len(value)} step{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        text = ", ".join(f"{k}: {_short(v, 16)}" for k, v in list(value.items())[:3])
    elif isinstance(value, list):
        text = ", ".join(_short(v, 16) for v in value[:3])
    elif value is None:
        text = "—"
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _generic(params: Any) -> str:
    """The first two or three set fields, ``key: value``; a scalar value as it is."""
    if not isinstance(params, dict):
        return "" if params in (None, "") else _short(params)
    parts = []
    for key, value in params.items():
        if isinstance(value, StepList) or (isinstance(value, dict) and _has_steps(value)):
            continue
        parts.append(f"{str(key).replace('_', ' ')}: {_short(value, 24)}")
        if len(parts) == 3:
            break
    return SEP.join(parts)


def _has_steps(value: dict) -> bool:
    return any(isinstance(v, StepList) or (isinstance(v, dict) and _has_steps(v)) for v in value.values())


def media(url: Any) -> str:
    """A play URL in words: ``say:Hi`` -> ``say: Hi``, ``silence:10`` -> ``silence 10s``."""
    text = str(url)
    if text.replace(" ", "") in ("${record_call_url}", "%{record_call_url}", "${record_url}", "%{record_url}"):
        return "the recording"
    scheme, _, rest = text.partition(":")
    if scheme == "say" and rest:
        return f"say: {rest.strip()}"
    if scheme == "silence" and rest:
        return f"silence {rest.strip()}s"
    if scheme == "ring" and rest:
        return f"ring {rest.strip()}s"
    if scheme in ("http", "https"):
        name = text.rstrip("/").rsplit("/", 1)[-1]
        return f"file {name}" if name else text
    return text


def _urls(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return _urls(value.get("urls", value.get("url")))
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def _play(step: Step) -> str:
    return SEP.join(media(u) for u in _urls(step.params)) or _generic(step.params)


def _record_call(step: Step) -> str:
    p = step.params if isinstance(step.params, dict) else {}
    parts = []
    if "format" in p:
        parts.append(str(p["format"]))
    if "direction" in p:
        parts.append(_DIRECTIONS.get(p["direction"], str(p["direction"])))
    if p.get("stereo") is True:
        parts.append("stereo")
    if p.get("beep") is True:
        parts.append("beep")
    if "max_length" in p:
        parts.append(f"max {p['max_length']}s")
    if "terminators" in p:
        parts.append(f"stop on {p['terminators']}")
    return SEP.join(parts) or "default settings"


def _prompt(step: Step) -> str:
    p = step.params if isinstance(step.params, dict) else {}
    parts = [media(u) for u in _urls(p.get("play"))][:2]
    if "max_digits" in p:
        n = p["max_digits"]
        parts.append(f"{n} digit{'s' if n != 1 else ''}")
    if p.get("speech_hints") or p.get("speech_timeout"):
        parts.append("speech")
    return SEP.join(parts)


def _connect(step: Step) -> str:
    p = step.params if isinstance(step.params, dict) else {}
    for key, word in (("serial", "one by one"), ("parallel", "all at once"), ("serial_parallel", "in waves")):
        if isinstance(p.get(key), list):
            n = len(p[key])
            if n == 1 and key != "serial_parallel":
                return _one_destination(p[key][0])
            return f"{n} {'group' if key == 'serial_parallel' else 'destination'}{'s' if n != 1 else ''} {word}"
    return f"to {p['to']}" if "to" in p else _generic(p)


def _one_destination(item: object) -> str:
    """A list of one destination reads like a plain ``to``."""
    to = item.get("to") if isinstance(item, dict) else None
    return f"to {to}" if isinstance(to, str) and to else "1 destination"


def _dest(step: Step) -> str:
    p = step.params
    dest = p.get("dest") if isinstance(p, dict) else p
    return f"→ {_short(dest)}" if dest not in (None, "") else "no destination yet"


def _goto(step: Step) -> str:
    p = step.params
    label = p.get("label") if isinstance(p, dict) else p
    text = f"→ {label}" if label not in (None, "") else "no label yet"
    if isinstance(p, dict) and "max" in p:
        text += f"{SEP}max {p['max']} times"
    return text


def _switch(step: Step) -> str:
    p = step.params if isinstance(step.params, dict) else {}
    cases = p.get("case") if isinstance(p.get("case"), dict) else {}
    var = p.get("variable") or "?"
    return f"on {var}{SEP}{len(cases)} case{'s' if len(cases) != 1 else ''}"


def _cond(step: Step) -> str:
    items = step.params if isinstance(step.params, list) else []
    first = next((i.get("when") for i in items if isinstance(i, dict) and "when" in i), None)
    text = f"{len(items)} condition{'s' if len(items) != 1 else ''}"
    return f"if {_short(first, 30)}{SEP}{text}" if first else text


def _sleep(step: Step) -> str:
    p = step.params
    ms = p.get("duration") if isinstance(p, dict) else p
    if isinstance(ms, (int, float)):
        return f"{ms / 1000:g} s"
    return _short(ms)


def _request(step: Step) -> str:
    p = step.params if isinstance(step.params, dict) else {}
    return f"{p.get('method', 'GET')} {_short(p.get('url', ''), 50)}".strip()


def _label(step: Step) -> str:
    return _short(step.params) if not isinstance(step.params, dict) else _generic(step.params)


def _set(step: Step) -> str:
    p = step.params
    if isinstance(p, dict):
        return ", ".join(f"{k} = {_short(v, 16)}" for k, v in list(p.items())[:3])
    return _short(p)


_RULES: dict[str, Callable[[Step], str]] = {
    "play": _play,
    "record_call": _record_call,
    "prompt": _prompt,
    "connect": _connect,
    "transfer": _dest,
    "execute": _dest,
    "goto": _goto,
    "switch": _switch,
    "cond": _cond,
    "sleep": _sleep,
    "request": _request,
    "label": _label,
    "set": _set,
}
