"""Auto-layout and the layout sidecar (no Qt)."""

import json

import yaml

from designer.model.catalog import load_catalog
from designer.model.document import Document, Step, StepList
from designer.model.layout import (BLOCK_W, START_H, START_W, auto_layout, iter_paths, load_sidecar,
                                   save_sidecar, sidecar_path, step_height)


def load(path):
    catalog = load_catalog()
    return Document.from_data(yaml.safe_load(path.read_text()), catalog.nesting)


def rects(doc, positions):
    out = []
    for section in doc.sections:
        x, y = positions[f"section:{section.name}"]
        out.append((f"section:{section.name}", x, y, START_W, START_H))
    for step in doc.walk():
        x, y = positions[step.id]
        out.append((step.id, x, y, BLOCK_W, step_height(step)))
    return out


def overlaps(a, b):
    return a[1] < b[1] + b[3] and b[1] < a[1] + a[3] and a[2] < b[2] + b[4] and b[2] < a[2] + a[4]


def test_auto_layout_places_every_block_without_overlaps(fixtures_dir):
    doc = load(fixtures_dir / "002_recipe-build-an-ivr-menu.yaml")
    doc.add_detached(StepList([Step("hangup", {})]))
    positions = auto_layout(doc)
    boxes = rects(doc, positions)
    assert len(boxes) == len(doc.sections) + sum(1 for _ in doc.walk())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not overlaps(a, b), (a, b)


def test_auto_layout_chain_runs_down_and_branches_sit_right(fixtures_dir):
    doc = load(fixtures_dir / "002_recipe-build-an-ivr-menu.yaml")
    pos = auto_layout(doc)
    main = doc.sections[0].steps
    ys = [pos[s.id][1] for s in main]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    switch = main[2]
    for _, child in switch.child_lists():
        assert pos[child[0].id][0] > pos[switch.id][0]
    xs = [pos[f"section:{s.name}"][0] for s in doc.sections]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)


def test_sidecar_round_trip_keeps_positions_and_detached_chains(tmp_path, fixtures_dir):
    script = tmp_path / "flow.yaml"
    script.write_text((fixtures_dir / "002_recipe-build-an-ivr-menu.yaml").read_text())
    doc = load(script)
    doc.add_detached(StepList([Step("play", {"url": "say:hi"}), Step("hangup", {})]))
    doc.set_positions(auto_layout(doc))
    doc.set_positions({doc.detached[0][1].id: (999.0, 40.0)})
    assert save_sidecar(doc, script)
    assert sidecar_path(script) == tmp_path / "flow.yaml.layout.json"
    stored = json.loads(sidecar_path(script).read_text())
    assert "sections/main/2/switch/case/1/0" in stored["positions"] and "section:main" in stored["positions"]

    again = load(script)
    assert load_sidecar(again, script)
    assert [c.to_data() for c in again.detached] == [c.to_data() for c in doc.detached]
    assert again.to_data() == doc.to_data()
    old = {p: doc.positions[s.id] for p, s in iter_paths(doc)}
    new = {p: again.positions[s.id] for p, s in iter_paths(again)}
    assert new == old and again.positions["section:main"] == doc.positions["section:main"]


def test_missing_or_corrupt_sidecar_is_ignored_and_empty_one_not_written(tmp_path):
    script = tmp_path / "flow.yaml"
    doc = Document.new()
    assert not load_sidecar(doc, script)
    sidecar_path(script).write_text("{not json")
    assert not load_sidecar(doc, script)
    sidecar_path(script).write_text("[1, 2]")
    assert not load_sidecar(doc, script)
    sidecar_path(script).unlink()
    assert not save_sidecar(Document.new(), script) and not sidecar_path(script).exists()
