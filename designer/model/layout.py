"""Canvas layout (plain Python, no Qt): block geometry, auto-layout and the layout sidecar file.

Positions are the top-left corners of items in scene coordinates, keyed by step id or
``"section:<name>"``. Chains run top to bottom; the chains of a block's nested lists (switch
cases, cond branches...) sit to the right of it, one column each; sections stand side by side
and unconnected (detached) chains come last.

The sidecar ``<script>.layout.json`` keeps positions by *data path* (``"sections/main/2"``,
``"sections/main/1/switch/case/1/0"``, ``"section:main"``, ``"detached/0/3"``) because step ids
live only as long as the process, plus the detached chains as plain SWML step lists.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Iterator

from designer.model.atomic_write import write_text_atomic
from designer.model import sidecar_text
from designer.model.branches import open_slots
from designer.model.document import Document, Step, StepList
from designer.model.json_scan import scan_json
from designer.model.parse_error import ParseError
from designer.model.steps import NestingRules
from designer.model.text_guard import check_text

GRID = 20
BLOCK_W = 240
BLOCK_BASE_H = 64
BRANCH_ROW_H = 24
START_W = 160
START_H = 40
H_GAP = 60
V_GAP = 40
SECTION_GAP = 100

Positions = dict[str, tuple[float, float]]
SIDECAR_VERSION = 1


def block_height(branch_count: int) -> float:
    """Height of a block with ``branch_count`` nested-list ports (one labelled row each)."""
    return BLOCK_BASE_H + (branch_count * BRANCH_ROW_H + 6 if branch_count else 0)


def step_height(step: Step, nesting: NestingRules | None = None) -> float:
    """Height of ``step``'s block; with the nesting rules, its "+" rows for open branch slots
    (:mod:`designer.model.branches`) count too, as the canvas draws them."""
    rows = len(step.child_lists())
    if nesting is not None:
        rows += len(open_slots(step, nesting(step.method)))
    return block_height(rows)


def snap(value: float, grid: float = GRID) -> float:
    """``value`` rounded to the nearest grid line."""
    return round(value / grid) * grid


def _ceil_grid(value: float) -> float:
    return math.ceil(value / GRID) * GRID


# ----------------------------------------------------------------------------- auto-layout
def auto_layout(doc: Document) -> Positions:
    """Readable positions for every start node and step: no two blocks overlap."""
    out: Positions = {}
    x = 0.0
    top = START_H + V_GAP
    for section in doc.sections:
        out[f"section:{section.name}"] = (x + (BLOCK_W - START_W) / 2, 0.0)
        width, _ = _place_list(section.steps, x, top, out, doc.nesting)
        x += max(width, BLOCK_W) + SECTION_GAP
    for chain in doc.detached:
        width, _ = _place_list(chain, x, top, out, doc.nesting)
        x += max(width, BLOCK_W) + SECTION_GAP
    return out


def _place_list(steps: StepList, x: float, y: float, out: Positions,
                nesting: NestingRules | None = None) -> tuple[float, float]:
    """Place a chain downwards from (x, y); returns (width used, bottom y)."""
    width = BLOCK_W if len(steps) else 0.0
    bottom = y
    for step in steps:
        out[step.id] = (x, y)
        bottom = y + step_height(step, nesting)
        bx = x + BLOCK_W + H_GAP
        branch_top = _ceil_grid(bottom + V_GAP)
        # The last branch takes the nearest column: branch ports are stacked down the block's
        # right side, so links to columns in reverse order nest instead of crossing.
        for _, child in reversed(step.child_lists()):
            if not len(child):
                continue
            w, b = _place_list(child, bx, branch_top, out, nesting)
            bx += w + H_GAP
            bottom = max(bottom, b)
        width = max(width, bx - H_GAP - x)
        y = _ceil_grid(bottom + V_GAP)
    return width, bottom


# ----------------------------------------------------------------------------- data paths
def iter_paths(doc: Document) -> Iterator[tuple[str, Step]]:
    """Every step with its sidecar path string, detached chains included."""
    for section in doc.sections:
        yield from _list_paths(section.steps, f"sections/{section.name}")
    for i, chain in enumerate(c for c in doc.detached if len(c)):
        yield from _list_paths(chain, f"detached/{i}")


def _list_paths(steps: StepList, prefix: str) -> Iterator[tuple[str, Step]]:
    for index, step in enumerate(steps):
        here = f"{prefix}/{index}"
        yield here, step
        for path, child in step.child_lists():
            inner = "/".join(str(p) for p in path)
            base = f"{here}/{step.method}/{inner}" if step.form == "method" else f"{here}/{inner}"
            yield from _list_paths(child, base)


# ----------------------------------------------------------------------------- sidecar
def sidecar_path(script_path: str | Path) -> Path:
    """``flow.yaml`` -> ``flow.yaml.layout.json`` beside it."""
    path = Path(script_path)
    return path.with_name(path.name + ".layout.json")


def sidecar_data(doc: Document) -> dict[str, Any] | None:
    """What the sidecar holds for ``doc``, or ``None`` when there is nothing worth keeping."""
    positions: dict[str, list[float]] = {}
    for section in doc.sections:
        key = f"section:{section.name}"
        if key in doc.positions:
            positions[key] = list(doc.positions[key])
    for path, step in iter_paths(doc):
        if step.id in doc.positions:
            positions[path] = list(doc.positions[step.id])
    detached = [chain.to_data() for chain in doc.detached if len(chain)]
    if not positions and not detached:
        return None
    return {"version": SIDECAR_VERSION, "positions": positions, "detached": detached}


def save_sidecar(doc: Document, script_path: str | Path) -> bool:
    """Write the sidecar beside ``script_path``; returns whether a file was written."""
    data = sidecar_data(doc)
    if data is None:
        return False
    write_text_atomic(sidecar_path(script_path), sidecar_text.dumps(data))
    return True


def load_sidecar(doc: Document, script_path: str | Path) -> bool:
    """Restore detached chains and positions; a missing or corrupt sidecar is ignored (``False``)."""
    try:
        text = sidecar_path(script_path).read_text(encoding="utf-8")
        check_text(text)
        scan_json(text)  # the same limits as a script: a hostile sidecar must not stop the script opening
        data = json.loads(text)
        raw_positions = data.get("positions", {})
        detached = data.get("detached", [])
        if not isinstance(raw_positions, dict) or not isinstance(detached, list):
            return False
    except (OSError, ValueError, AttributeError, RecursionError, ParseError):
        return False
    apply_sidecar(doc, raw_positions, detached)
    return True


def apply_sidecar(doc: Document, raw_positions: dict[str, Any], detached: list[Any]) -> None:
    """Add the detached chains to ``doc`` and set the positions whose paths still exist."""
    for items in detached:
        if isinstance(items, list) and items:
            doc.add_detached(StepList([Step.from_data(item, doc.nesting) for item in items]))
    by_path = {path: step.id for path, step in iter_paths(doc)}
    positions: Positions = {}
    for path, pos in raw_positions.items():
        key = path if str(path).startswith("section:") else by_path.get(path)
        if key is None or not isinstance(pos, (list, tuple)) or len(pos) != 2:
            continue
        try:
            positions[key] = (float(pos[0]), float(pos[1]))
        except (TypeError, ValueError):
            continue
    if positions:
        doc.set_positions(positions)
