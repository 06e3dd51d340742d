"""What the path checks cost at 1,000 and 5,000 steps, in a flow with branches, loops and sections.

Run: python bench/bench_path_checks.py. Prints figures only: the path analysis alone, the path
checks alone, and a whole validation after one edit (what the window pays after each edit):
one the paths depend on (a prompt's digit count) and a text edit (what it says), after which
the path findings are reused.
"""

from __future__ import annotations

import time

from designer.model import path_checks
from designer.model.catalog import load_catalog
from designer.model.document import Document
from designer.model.paths import analyse
from designer.model.validation import Validator, iter_located

#: One menu section (about 25 steps with nested ones): prompt, switch, cond, goto, execute, recording.
MENU = [
    {"label": "top"},
    {"record_call": {"control_id": "r"}},
    {"prompt": {"play": "say:Press 1 or 2", "max_digits": 1}},
    {"switch": {"variable": "prompt_value", "case": {
        "1": [{"play": {"url": "say:one ${prompt_value}"}}, {"set": {"choice": "one"}}],
        "2": [{"connect": {"to": "+15551234567", "result": {"case": {"failed": [{"play": {"url": "say:busy"}}]}}}}]},
        "default": [{"goto": {"label": "top", "max": 3}}]}},
    {"cond": [{"when": "prompt_value == '1'", "then": [{"play": {"url": "say:${choice}"}}]},
              {"else": [{"set": {"choice": "none"}}]}]},
    {"request": {"url": "https://example.com/api", "method": "GET"}},
    {"stop_record_call": {"control_id": "r"}},
    {"play": {"urls": ["say:Your recording", "${record_call_url}"]}},
    {"execute": {"dest": "NEXT", "on_return": [{"play": {"url": "say:${return_value}"}}]}},
    {"return": "done"},
]


def build(catalog, steps: int) -> Document:
    """About ``steps`` steps: a chain of menu sections, each executing the next."""
    one = Document.from_data({"version": "1.0.0", "sections": {"main": MENU}}, catalog.nesting)
    per = sum(1 for _ in one.walk())
    count = max(1, round(steps / per))
    sections = {}
    for i in range(count):
        name = "main" if i == 0 else f"menu{i}"
        nxt = f"menu{i + 1}" if i + 1 < count else "main_end"
        sections[name] = _replace(MENU, nxt)
    sections["main_end"] = [{"return": "done"}]
    return Document.from_data({"version": "1.0.0", "sections": sections}, catalog.nesting)


def _replace(value, nxt):
    if isinstance(value, str):
        return nxt if value == "NEXT" else value
    if isinstance(value, dict):
        return {k: _replace(v, nxt) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace(v, nxt) for v in value]
    return value


def _best(run, times: int = 3) -> float:
    """The quickest of a few runs, in seconds (other work on the machine only adds time)."""
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    catalog = load_catalog()
    for steps in (1000, 5000):
        doc = build(catalog, steps)
        total = sum(1 for _ in doc.walk())
        validator = Validator(catalog)
        validator.validate(doc)
        located = list(iter_located(doc))
        paths = analyse(doc)
        analysis = _best(lambda: analyse(doc))
        found = path_checks.run(doc, located, paths)
        checks = _best(lambda: path_checks.run(doc, located, paths))
        step = doc.sections[0].steps[2]
        digits = iter(range(2, 100))
        flow_edit = _best(lambda: (doc.set_param(step, ("max_digits",), next(digits)), validator.validate(doc)))
        texts = iter(range(100))
        text_edit = _best(lambda: (doc.set_param(step, ("play",), f"say:Press {next(texts)}"),
                                   validator.validate(doc)))
        print(f"{total} steps: path analysis {analysis * 1000:.0f} ms, path checks {checks * 1000:.0f} ms "
              f"({len(found)} findings); whole validation after an edit the paths depend on "
              f"{flow_edit * 1000:.0f} ms, after a text edit {text_edit * 1000:.0f} ms")


if __name__ == "__main__":
    main()
