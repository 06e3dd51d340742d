"""``python -m bench``: every speed and memory figure of the designer in one table.

For flows of 100, 1,000, 5,000 and 20,000 steps with the mix real scripts have (record, play,
prompt, switch with cases and default, set, cond, several sections; see :mod:`bench.flows`) it
prints medians / p95 over repeated runs of: open (parse, validation, the whole open to a shown
window), an edit through the inspector's real widgets until preview and problems are refreshed
(slider, list, typed text), undo, save as YAML and JSON, a render of a 1600x1000 viewport at
100 % and of the whole flow fitted, the naive way of editing (full dump + full schema
validation) with the ratio, and peak memory; then start-up as a fresh process against a bare
PySide6 window measured in the same run.

Each size runs in a process of its own (so peak memory is that size's). ``--quick`` runs 100
and 1,000 steps with fewer repeats (well under two minutes); the full run stays under fifteen.
The figures are for reading, never asserted: the machine is shared and noisy, so compare
ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.flows import script
from bench.stats import cell, table

ROOT = Path(__file__).resolve().parents[1]
ROWS = [
    ("open: parse", "parse"), ("open: validation", "validate"),
    ("open: to shown window", "open"),
    ("edit -> preview + problems (slider)", "edit_slider"),
    ("edit -> preview + problems (list)", "edit_enum"),
    ("edit -> preview + problems (typing)", "edit_text"),
    ("undo -> preview + problems", "undo"),
    ("save YAML", "save_yaml"), ("save JSON", "save_json"),
    ("File > Save (whole path)", "save_file"),
    ("render 1600x1000 viewport at 100 %", "render_view"),
    ("render whole flow, fitted", "render_fit"),
    ("naive edit (full dump + full validation)", "naive_edit"),
]


#: The catalog's disk cache of this run (designer.model.catalog_cache), not the user's.
_CACHE = tempfile.mkdtemp(prefix="swml-bench-cache-")


def _child_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SWML_DESIGNER_CACHE=_CACHE)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def run_size(steps: int, repeat: int) -> dict:
    """All window figures for one size, measured in a fresh process."""
    done = subprocess.run([sys.executable, "-m", "bench.window_case", str(steps), str(repeat)],
                          capture_output=True, text=True, env=_child_env(), cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench: {steps} steps failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def startup(repeat: int, steps: int = 1000) -> tuple[list[float], list[float], list[float], list[float],
                                                    list[float]]:
    """Seconds from launch to the first shown, painted window (designer with a script, bare
    window), and for the designer to its panels painted and to its flow drawn: (designer shown,
    designer panels, designer drawn, bare, a window of the same kinds of Qt widgets without the
    designer's code).

    Both start as installed programs do: with their bytecode compiled (pip compiles at
    install). Where ``PYTHONDONTWRITEBYTECODE`` is set, every start would otherwise compile
    the designer's sources again, so bytecode goes to a folder of this run and one untimed
    start of each writes it.
    """
    folder = Path(tempfile.mkdtemp())
    path = folder / "startup.yaml"
    path.write_text(script(steps), encoding="utf-8")
    env = _child_env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    shown, panels, drawn, bare, widgets = [], [], [], [], []
    for run in range(repeat + 1):  # interleaved, so both see the same machine load
        for kind in ("bare", "widgets", "designer"):
            launched = time.time()
            done = subprocess.run([sys.executable, "-m", "bench.startup", kind, str(path)], check=True,
                                  capture_output=True, text=True, env=env, cwd=ROOT)
            marks = [float(x) - launched for x in done.stdout.split()]
            if run:  # the first start of each writes the bytecode (and the catalog cache)
                if kind in ("bare", "widgets"):
                    (bare if kind == "bare" else widgets).append(marks[0])
                else:
                    shown.append(marks[0])
                    panels.append(marks[1])
                    drawn.append(marks[2])
    return shown, panels, drawn, bare, widgets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 steps, fewer repeats")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")],
                        help="comma-separated step counts (default: 100,1000,5000,20000)")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([100, 1000] if args.quick else [100, 1000, 5000, 20000])
    started = time.perf_counter()
    results = {}
    for steps in sizes:
        repeat = (10 if args.quick else 30) if steps <= 1000 else (10 if steps <= 5000 else 5)
        print(f"bench: {steps} steps ...", file=sys.stderr, flush=True)
        results[steps] = run_size(steps, repeat)
    print("bench: start-up ...", file=sys.stderr, flush=True)
    shown, panels, drawn, bare, widgets = startup(3 if args.quick else 5)

    header = ["median / p95", *(f"{n:,} steps" for n in sizes)]
    rows = [(label, [cell(results[n].get(key)) for n in sizes]) for label, key in ROWS]
    rows.append(("naive edit / designer edit (slider)", [
        f"{statistics.median(results[n]['naive_edit']) / statistics.median(results[n]['edit_slider']):.1f}x"
        for n in sizes]))
    rows.append(("peak memory", [f"{results[n]['peak_mb']:.0f} MB" for n in sizes]))
    print(table(rows, header))
    ratio = statistics.median(shown) / statistics.median(bare)
    print(f"\nStart-up to a shown, painted window (fresh process, 1,000-step script given): designer "
          f"{cell(shown)}, bare PySide6 window {cell(bare)}, ratio {ratio:.1f}x; to every panel "
          f"built and painted {cell(panels)} ({statistics.median(panels) / statistics.median(bare):.1f}x); "
          f"to the flow drawn {cell(drawn)}")
    print(f"A window of the same kinds of Qt widgets without the designer's code: {cell(widgets)}, "
          f"{statistics.median(widgets) / statistics.median(bare):.1f}x the bare window "
          f"(the designer's whole window is {statistics.median(panels) / statistics.median(widgets):.1f}x this one)")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()}; run took {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
