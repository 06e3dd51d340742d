"""Load and save times of generated 1,000- and 5,000-step YAML scripts (prints figures only).

Run: ``python bench/bench_io.py``
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from designer.model.swml_io import dumps, loads  # noqa: E402

STEPS = [
    "    # answer first\n    - answer: {}\n",
    '    - play: { url: "say:Hello" }\n',
    "    - record_call:\n        format: wav\n        stereo: true\n",
    "    - switch:\n        variable: x\n        case:\n          '1':\n            - hangup: {}\n        default:\n          - play:\n              url: say:bye\n",
]


def generate(count: int) -> str:
    body = "".join(STEPS[i % len(STEPS)] for i in range(count))
    return "# generated\nversion: 1.0.0\nsections:\n  main:\n" + body


def timed(label: str, func) -> object:
    start = time.perf_counter()
    result = func()
    print(f"  {label:<34} {1000 * (time.perf_counter() - start):9.1f} ms")
    return result


def main() -> None:
    for count in (1000, 5000):
        text = generate(count)
        print(f"{count} steps, {len(text.splitlines())} lines")
        doc = timed("load (parse + model + spans)", lambda: loads(text, "yaml"))
        timed("save unchanged", lambda: dumps(doc))
        step = doc.sections[0].steps[count // 2]
        doc.set_param(step, ("note",), "edited")
        timed("save after one edit (splice)", lambda: dumps(doc))
        main_list = doc.sections[0].steps
        doc.move_step(main_list[-1], main_list, 0)
        timed("save after a move", lambda: dumps(doc))
        timed("save as JSON", lambda: dumps(doc, "json"))
        doc.source = None
        timed("save fresh YAML (new document)", lambda: dumps(doc))


if __name__ == "__main__":
    main()
