"""The flow scene: a projection of the session's document as start nodes, blocks and edges.

The scene keeps id -> item maps and follows the model's events: a structural change (steps
inserted or removed, sections, detached chains) diffs items by step id; a param change refreshes
only that block; ``positions_changed`` moves only the named items. Items never own data.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from designer.model.branches import open_slots
from designer.model.document import Document, Step, StepList
from designer.model.layout import BLOCK_W, H_GAP, V_GAP, auto_layout
from designer.ui.canvas.block_item import BlockItem
from designer.ui.canvas.edge_item import EdgeItem
from designer.ui.canvas.looks import index_problems, look_for
from designer.ui.canvas.ports import PortRef
from designer.ui.canvas.scene_hits import SceneHits
from designer.ui.canvas.start_item import StartItem
from designer.ui.canvas.theme import Theme
from designer.ui.session import EditSession


class FlowScene(SceneHits, QGraphicsScene):
    """Items for ``session.doc``; rebuilt on ``document_replaced``, synced incrementally after."""

    def __init__(self, session: EditSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.theme = Theme.from_palette()
        self.blocks: dict[str, BlockItem] = {}
        self.starts: dict[str, StartItem] = {}
        self.edges: dict[tuple, EdgeItem] = {}
        self.steps: dict[str, Step] = {}
        self._edges_at: dict[str, set[tuple]] = {}
        self._problems = index_problems(session.problems)
        self._doc: Document | None = None
        self._dirty_steps: set[str] = set()
        self._structure_dirty = False
        self._syncing = False
        self._selecting = False
        self.selectionChanged.connect(self._on_scene_selection)
        session.document_replaced.connect(self.rebuild)
        session.problems_changed.connect(self._on_problems)
        session.selection_changed.connect(self._on_session_selection)
        self.rebuild()

    @property
    def doc(self) -> Document:
        return self.session.doc

    # ----------------------------------------------------------------- model events
    def _watch(self, doc: Document | None, on: bool) -> None:
        if doc is None:
            return
        hooks = [(doc.step_inserted, self._on_structure), (doc.step_removed, self._on_structure),
                 (doc.section_added, self._on_structure), (doc.section_removed, self._on_structure),
                 (doc.section_renamed, self._on_renamed), (doc.detached_changed, self._on_structure),
                 (doc.param_changed, self._on_param), (doc.positions_changed, self._on_positions),
                 (doc.changed, self._on_changed)]
        for event, handler in hooks:
            (event.connect if on else event.disconnect)(handler)

    def _on_structure(self, *args) -> None:
        self._structure_dirty = True

    def _on_renamed(self, section, old_name: str) -> None:
        """Keep the start node (and where it stands) under its new name."""
        item = self.starts.pop(old_name, None)
        if item is not None and section.name not in self.starts:
            self.starts[section.name] = item
            item.set_state(section.name, item.connected)
        self._structure_dirty = True

    def _on_param(self, step: Step, path) -> None:
        self._dirty_steps.add(step.id)
        item = self.blocks.get(step.id)
        if item is None or len(step.child_lists()) != len(item.look.branches) or not path \
                or len(open_slots(step, self.doc.nesting(step.method))) != len(item.look.slots):
            self._structure_dirty = True

    def _on_changed(self) -> None:
        if self._structure_dirty:
            self.sync()
        else:
            for step_id in self._dirty_steps:
                self._refresh_block(step_id)
        self._dirty_steps.clear()

    def _on_positions(self, keys) -> None:
        self._syncing = True
        touched = set()
        for key in keys:
            item = self.item_for_key(key)
            pos = self.doc.positions.get(key)
            if item is not None and pos is not None:
                item.setPos(QPointF(*pos))
                touched.add(key)
        self._syncing = False
        for key in touched:
            self._update_edges_of(key)

    def _on_problems(self, problems) -> None:
        """Redraw only the blocks whose problems or reachability changed (after an edit that
        is one or two)."""
        old, self._problems = self._problems, index_problems(problems)
        old_unreachable, self._greyed = getattr(self, "_greyed", frozenset()), self._unreachable()
        changed = {step_id for step_id in old.keys() | self._problems.keys()
                   if old.get(step_id) != self._problems.get(step_id)}
        for step_id in changed | (old_unreachable ^ self._greyed):
            self._refresh_block(step_id)

    # ----------------------------------------------------------------- building
    def rebuild(self) -> None:
        """Drop every item and project the (new) document; lay it out when it has no positions."""
        self._watch(self._doc, False)
        self._doc = self.session.doc
        self._watch(self._doc, True)
        self.clear()
        self.blocks.clear()
        self.starts.clear()
        self.edges.clear()
        self._edges_at.clear()
        self._problems = index_problems(self.session.problems)
        self._greyed = self._unreachable()
        if not self.doc.positions and (self.doc.sections or self.doc.detached):
            self.doc.set_positions(auto_layout(self.doc))
        # Qt keeps the index depth it chose for the first (empty) flow. Set it for this flow's
        # size before the items go in: links are routed round the blocks near them while the
        # scene is built (scene.items(rect)), and with a shallow index each of those queries
        # tested every item through a Python boundingRect call (minutes at 20,000 steps), as
        # did a repaint at 100 %. About one block and one link per step.
        count = 2 * sum(1 for _ in self.doc.walk()) + 1
        self.setBspTreeDepth(max(5, min(12, count.bit_length() - 4)))
        # Built with no view attached: Qt keeps some 1.3 KB per item and view for every item
        # that turns dirty while a view watches (13 MB at 5,000 steps); the views only need
        # the items they come to paint.
        views = self.views()
        for view in views:
            view.setScene(None)
        try:
            self.sync()
        finally:
            for view in views:
                view.setScene(self)

    def sync(self) -> None:
        """Diff items against the model by id: add, remove, re-look, re-link."""
        self._structure_dirty = False
        self._syncing = True
        doc = self.doc
        wanted_edges: dict[tuple, tuple[PortRef, str, bool]] = {}
        seen_steps: dict[str, Step] = {}
        looks: list[tuple[Step, bool, bool, bool]] = []
        found = (seen_steps, wanted_edges, looks)
        names = []
        for section in doc.sections:
            names.append(section.name)
            _walk(section.steps, ("start", section.name), False, found)
        for chain in doc.detached:
            _walk(chain, None, True, found)
        self.steps = seen_steps
        # start nodes
        for name in list(self.starts):
            if name not in names:
                self.removeItem(self.starts.pop(name))
        for index, section in enumerate(doc.sections):
            item = self.starts.get(section.name)
            if item is None:
                item = self.starts[section.name] = StartItem(section.name, self.theme)
                self.addItem(item)
                key = item.key
                item.setPos(QPointF(*doc.positions.get(key, (index * (BLOCK_W + 100) + 40, 0))))
            item.set_state(section.name, bool(len(section.steps)))
        # blocks
        for step_id in [i for i in self.blocks if i not in seen_steps]:
            self.removeItem(self.blocks.pop(step_id))
        for step, detached, con_in, con_out in looks:
            item = self.blocks.get(step.id)
            if item is not None and step.id not in self._dirty_steps:
                old = item.look
                if (old.detached, old.connected_in, old.connected_out) == (detached, con_in, con_out) \
                        and old.connected_branches == tuple(bool(len(c)) for _, c in step.child_lists()):
                    continue  # nothing this block shows has changed
            look = look_for(step, self.session.catalog, detached, self._problems, con_in, con_out,
                            step.id in self._unreachable())
            if item is None:
                item = self.blocks[step.id] = BlockItem(step.id, look, self.theme)
                self.addItem(item)
                pos = doc.positions.get(step.id)
                item.setPos(QPointF(*pos) if pos else self._fallback_pos(step))
            else:
                item.set_look(look)
        # edges: added first, shaped after. Shaping asks the index for the blocks near each
        # link; with the scene rect fixed beforehand and no item added in between, Qt indexes
        # the new items once instead of rebuilding its tree on every query (which made opening
        # a large flow for the first time quadratic: minutes at 20,000 steps).
        for key in [k for k in self.edges if k not in wanted_edges]:
            self.removeItem(self.edges.pop(key))
        self._edges_at.clear()
        shaped = []
        for key, (src, target, detached) in wanted_edges.items():
            edge = self.edges.get(key)
            if edge is None:
                edge = self.edges[key] = EdgeItem(src, target, self.theme)
                self.addItem(edge)
            edge.detached = detached
            self._edges_at.setdefault(self._owner_key(src), set()).add(key)
            self._edges_at.setdefault(target, set()).add(key)
            shaped.append(edge)
        self._grow_scene_rect()
        for edge in shaped:
            self._shape_edge(edge)
        self._syncing = False

    def _fallback_pos(self, step: Step) -> QPointF:
        """Next to its predecessor (below it, or right of the block whose branch it starts)."""
        lst = step.parent
        index = lst.index(step) if lst is not None else 0
        if lst is not None and index > 0:
            prev = self.blocks.get(lst[index - 1].id)
            if prev is not None:
                return prev.pos() + QPointF(0, prev.height + V_GAP)
        owner = lst.owner if lst is not None else None
        if isinstance(owner, Step) and owner.id in self.blocks:
            parent = self.blocks[owner.id]
            return parent.pos() + QPointF(BLOCK_W + H_GAP, parent.height + V_GAP)
        if owner is not None and hasattr(owner, "name") and owner.name in self.starts:
            return self.starts[owner.name].pos() + QPointF(-40, 80)
        return QPointF(0, 0)

    def _grow_scene_rect(self) -> None:
        rect = self.itemsBoundingRect().adjusted(-3000, -3000, 3000, 3000)
        self.setSceneRect(self.sceneRect().united(rect))

    def _unreachable(self) -> frozenset[str]:
        """Steps no call reaches, as the last validation found them (greyed)."""
        return getattr(self.session.validator, "unreachable", frozenset())

    def _refresh_block(self, step_id: str) -> None:
        item, step = self.blocks.get(step_id), self.steps.get(step_id)
        if item is None or step is None:
            return
        old = item.look
        look = look_for(step, self.session.catalog, old.detached, self._problems, old.connected_in,
                        old.connected_out, step_id in self._unreachable())
        height_changed = look.rows != old.rows
        item.set_look(look)
        if height_changed:
            self._update_edges_of(step_id)

    # ----------------------------------------------------------------- edges
    @staticmethod
    def _owner_key(ref: PortRef) -> str:
        return f"section:{ref[1]}" if ref[0] == "start" else ref[1]

    def item_for_key(self, key: str) -> QGraphicsItem | None:
        if key.startswith("section:"):
            return self.starts.get(key[len("section:"):])
        return self.blocks.get(key)

    def port_pos(self, ref: PortRef) -> QPointF | None:
        item = self.item_for_key(self._owner_key(ref))
        return item.port_pos(ref) if item is not None else None

    def _shape_edge(self, edge: EdgeItem) -> None:
        p1 = self.port_pos(edge.source)
        target = self.blocks.get(edge.target_id)
        if p1 is not None and target is not None:
            owner = self.item_for_key(self._owner_key(edge.source))
            around = owner.mapRectToScene(owner.card_rect()) if isinstance(owner, BlockItem) else None
            p2 = target.port_pos(("in", edge.target_id))
            others: tuple = ()
            if not _straight_down(p1, p2):  # a link to the block right under: nothing between
                near = QRectF(p1, p2).normalized().adjusted(-40, -40, 40, 40)
                others = tuple(i.mapRectToScene(i.card_rect()) for i in self.items(near)
                               if isinstance(i, BlockItem) and i is not owner and i is not target)
            edge.set_ends(p1, p2, around, target.mapRectToScene(target.card_rect()), others)

    def _update_edges_of(self, key: str) -> None:
        for edge_key in self._edges_at.get(key, ()):
            edge = self.edges.get(edge_key)
            if edge is not None:
                self._shape_edge(edge)

    def item_moved(self, item: QGraphicsItem) -> None:
        """A block or start item was moved on the canvas only (a drag): its edges follow."""
        if not self._syncing:
            self._update_edges_of(item.key if isinstance(item, StartItem) else item.step_id)

    def follow_drag(self) -> None:
        """After Qt moved the dragged items (the view calls this after each mouse move), their
        edges follow. Items do not report their moves themselves: an ``itemChange`` override
        in Python is called about ten times per block while a flow is built, which made
        opening a 5,000-step flow a third slower."""
        grabber = self.mouseGrabberItem()
        if isinstance(grabber, (BlockItem, StartItem)):
            for item in {grabber, *self.selectedItems()}:
                if isinstance(item, (BlockItem, StartItem)):
                    self.item_moved(item)

    # ----------------------------------------------------------------- selection
    def selected_step_ids(self) -> list[str]:
        return [i.step_id for i in self.selectedItems() if isinstance(i, BlockItem)]

    def _on_scene_selection(self) -> None:
        if self._selecting:
            return
        current = set(self.selected_step_ids())
        ordered = [i for i in self.session.selection if i in current]
        ordered += [i for i in self.selected_step_ids() if i not in ordered]
        self._selecting = True
        try:
            self.session.select(ordered)
        finally:
            self._selecting = False

    def _on_session_selection(self, ids: list) -> None:
        if self._selecting or set(ids) == set(self.selected_step_ids()):
            return
        self._selecting = True
        try:
            self.clearSelection()
            for step_id in ids:
                item = self.blocks.get(step_id)
                if item is not None:
                    item.setSelected(True)
        finally:
            self._selecting = False


def _straight_down(p1: QPointF, p2: QPointF) -> bool:
    """A link from a block to the one just under it (most links: chains run down)."""
    return abs(p2.x() - p1.x()) < 1.0 and 0.0 <= p2.y() - p1.y() <= 2 * V_GAP


def _walk(steps: StepList, source: PortRef | None, detached: bool,
          found: tuple[dict[str, Step], dict[tuple, tuple[PortRef, str, bool]], list]) -> None:
    """The steps, links and block states of ``steps`` and their branches, in order. Not a
    closure in :meth:`FlowScene.sync`: that was a cycle keeping these lists (and an old
    document's steps) until a collection, and around an open the collector is paused."""
    seen_steps, wanted_edges, looks = found
    for i, step in enumerate(steps):
        src = source if i == 0 else ("out", steps[i - 1].id)
        seen_steps[step.id] = step
        if src is not None:
            wanted_edges[(src, step.id)] = (src, step.id, detached)
        looks.append((step, detached, src is not None, i + 1 < len(steps)))
        for k, (_, child) in enumerate(step.child_lists()):
            _walk(child, ("branch", step.id, k), detached, found)
