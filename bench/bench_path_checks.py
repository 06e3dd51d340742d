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
    per = sum(1 for _ in _count(MENU))
    count = max(1, steps // per)
    sections = {}
    for i in range(count):
        name = "main" if i == 0 else f"menu{i}"
        nxt = f"menu{i + 1}" if i + 1 < count else "main_end"
        sections[name] = _replace(MENU, nxt)
    sections["main_end"] = [{"return": "done"}]
    return Document.from_data({"version": "1.0.0", "sections": sections}, catalog.nesting)


def _count(items):
    for item in items:
        yield item
        for value in item.values():
            if isinstance(value, dict):
                for v in value.values():
                    if isinstance(v, dict):
                        for lst in v.values():
                            if isinstance(lst, list):
                                yield from _count(lst)


def _replace(value, nxt):
    if isinstance(value, str):
        return nxt if value == "NEXT" else value
    if isinstance(value, dict):
        return {k: _replace(v, nxt) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace(v, nxt) for v in value]
    return value


def main() -> None:
    catalog = load_catalog()
    for steps in (1000, 5000):
        doc = build(catalog, steps)
        total = sum(1 for _ in doc.walk())
        validator = Validator(catalog)
        validator.validate(doc)
        start = time.perf_counter()
        paths = analyse(doc)
        analysis = time.perf_counter() - start
        located = list(iter_located(doc))
        start = time.perf_counter()
        found = path_checks.run(doc, located, paths)
        checks = time.perf_counter() - start
        step = doc.sections[0].steps[2]
        doc.set_param(step, ("max_digits",), 2)
        start = time.perf_counter()
        validator.validate(doc)
        flow_edit = time.perf_counter() - start
        doc.set_param(step, ("play",), "say:Press 1, 2 or 3")
        start = time.perf_counter()
        validator.validate(doc)
        text_edit = time.perf_counter() - start
        print(f"{total} steps: path analysis {analysis * 1000:.0f} ms, path checks {checks * 1000:.0f} ms "
              f"({len(found)} findings); whole validation after an edit the paths depend on "
              f"{flow_edit * 1000:.0f} ms, after a text edit {text_edit * 1000:.0f} ms")


if __name__ == "__main__":
    main()
