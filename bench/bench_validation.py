"""Whole-document validation time at 1,000 and 5,000 steps: first run, and again after one edit.

Run: python bench/bench_validation.py [--schema FILE]. Prints figures only.
"""

from __future__ import annotations

import argparse
import time

from designer.model.catalog import load_catalog
from designer.model.document import Document, Step
from designer.model.validation import Validator

PATTERN = [
    ("record_call", {"format": "mp3", "beep": True, "control_id": "rec{i}"}),
    ("play", {"urls": ["say:Leave your message now", "silence:2", "${record_call_url}"]}),
    ("prompt", {"play": "say:Press 1", "max_digits": 1}),
    ("stop_record_call", {"control_id": "rec{i}"}),
    ("set", {"counter": "{i}"}),
]


def build(catalog, steps: int) -> Document:
    doc = Document.new(catalog.nesting)
    body = doc.sections[0].steps
    for i in range(steps):
        method, params = PATTERN[i % len(PATTERN)]
        params = {k: (v.format(i=i) if isinstance(v, str) else v) for k, v in params.items()}
        body._attach(Step(method, params), len(body))
    return doc


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--schema")
    args = parser.parse_args()
    catalog = load_catalog(args.schema)
    for steps in (1000, 5000):
        validator = Validator(catalog)
        doc = build(catalog, steps)
        start = time.perf_counter()
        validator.validate(doc)
        first = time.perf_counter() - start
        doc.set_param(doc.sections[0].steps[steps // 2], ("format",), "wav")
        start = time.perf_counter()
        validator.validate(doc)
        again = time.perf_counter() - start
        print(f"{steps} steps: first {first * 1000:.0f} ms, after one edit {again * 1000:.0f} ms")


if __name__ == "__main__":
    main()
