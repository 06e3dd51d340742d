"""Medians, 95th percentiles and the printed table: the only output a benchmark gives."""

from __future__ import annotations

import math
import statistics
import time
from typing import Callable


def p95(values: list[float]) -> float:
    """The nearest-rank 95th percentile (the slowest of 20 runs counts as the p95 of 20)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def timed(func: Callable[[], object], repeat: int, setup: Callable[[], object] | None = None) -> list[float]:
    """Seconds per call of ``func``, ``repeat`` times (``setup`` runs untimed before each)."""
    out = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        func()
        out.append(time.perf_counter() - start)
    return out


def cell(values: list[float] | None) -> str:
    """``median / p95`` in ms or s, as the table shows them."""
    if not values:
        return "-"
    med, top = statistics.median(values), p95(values)
    if len(values) == 1:
        return _fmt(med)
    return f"{_fmt(med)} / {_fmt(top)}"


def _fmt(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds * 1000:.1f} ms"


def table(rows: list[tuple[str, list[str]]], header: list[str]) -> str:
    """A Markdown table (pastes straight into the README)."""
    widths = [max(len(header[0]), *(len(r[0]) for r in rows))]
    for i in range(1, len(header)):
        widths.append(max(len(header[i]), *(len(r[1][i - 1]) for r in rows)))
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"
    out = [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line([name, *cells]) for name, cells in rows]
    return "\n".join(out)
