"""Synthetic call flows of a chosen size with the mix real scripts have.

Real scripts record, play, prompt, branch on the key pressed (switch with cases and a default),
set variables, test conditions and spread over several sections; a benchmark on a chain of one
method would miss the costs of nesting and of many sections. ``flow(n)`` returns SWML data of
exactly ``n`` steps (nested ones included), ``script(n)`` the same as YAML text with comments,
as a person's file would have them.
"""

from __future__ import annotations

from typing import Any

import yaml

#: One "menu unit": 14 steps (the switch and cond count with the steps they hold).
def _unit(i: int) -> list[dict[str, Any]]:
    return [
        {"answer": {}},
        {"record_call": {"format": "mp3", "stereo": True, "beep": True, "input_sensitivity": 44,
                         "control_id": f"rec{i}"}},
        {"play": {"urls": ["say:Welcome to menu " + str(i), "silence:1"]}},
        {"prompt": {"play": "say:Press 1 for sales or 2 for support", "max_digits": 1,
                    "terminators": "#"}},
        {"switch": {"variable": "prompt_value",
                    "case": {"1": [{"play": {"url": "say:Sales"}}],
                             "2": [{"play": {"url": "say:Support"}}]},
                    "default": [{"play": {"url": "say:Sorry"}}]}},
        {"set": {"choice": "${prompt_value}", "attempt": i}},
        {"cond": [{"when": "vars.attempt > 2", "then": [{"hangup": {}}]},
                  {"else": [{"stop_record_call": {"control_id": f"rec{i}"}}]}]},
    ]


def _count(steps: list) -> int:
    total = 0
    for item in steps:
        total += 1
        (method, params), = item.items()
        if method == "switch":
            total += sum(len(v) for v in params["case"].values()) + len(params["default"])
        elif method == "cond":
            total += sum(len(c.get("then", c.get("else", []))) for c in params)
    return total


UNIT_STEPS = _count(_unit(0))


def flow(n: int, sections: int | None = None) -> dict[str, Any]:
    """SWML data with ``n`` steps, split over ``sections`` sections (default: one per 200
    steps, at least one), ``main`` jumping to each with ``execute``."""
    sections = sections or max(1, n // 200)
    bodies: list[list] = [[] for _ in range(sections)]
    total, unit = 0, 0
    while total + UNIT_STEPS <= n:
        bodies[unit % sections].extend(_unit(unit))
        total += UNIT_STEPS
        unit += 1
    while total < n:  # top up with plain steps
        bodies[total % sections].append({"play": {"url": f"say:Step {total}"}})
        total += 1
    out: dict[str, Any] = {"main": bodies[0]}
    for k in range(1, sections):
        out[f"part_{k}"] = bodies[k]
    return {"version": "1.0.0", "sections": out}


def script(n: int) -> str:
    """``flow(n)`` as block-style YAML, with a comment above each section."""
    data = flow(n)
    text = yaml.safe_dump(data, sort_keys=False, default_flow_style=False, width=100)
    lines = []
    for line in text.splitlines(keepends=True):
        if line.startswith("  ") and not line.startswith("   ") and line.rstrip().endswith(":"):
            lines.append(f"  # section {line.strip()[:-1]}\n")
        lines.append(line)
    return "# generated for the benchmark\n" + "".join(lines)
