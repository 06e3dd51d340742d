"""Flow > Try the Call: play a call through the flow in the window, before it is live.

The panel drives :class:`designer.model.simulator.Simulator` (which never waits): Step runs one
block, Run goes on until the call ends or needs the user (the caller being asked for keys, a
callee that may or may not answer); the keypad and speech box give the caller's input and the
question box the outside world's answer. The transcript lists what the caller hears and what
happens; clicking a line selects its block. The path taken and the block running are drawn on
the canvas (:mod:`designer.ui.sim_overlay`). The run reads the document only, so an invalid
flow can still be tried; an edit while a run is shown marks it out of date.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QInputDialog, QLabel, QListWidgetItem, QPushButton, QSplitter, QVBoxLayout,
    QWidget,
)

from designer.model import flow_tests
from designer.model.simulator import Simulator
from designer.model.simulator_events import END_ERROR, Question, SimEvent
from designer.model.simulator_setup import CallSetup
from designer.ui.icons import icon
from designer.ui.sim_keypad import KEYS, Keypad
from designer.ui.sim_overlay import SimOverlay
from designer.ui.sim_views import CallForm, Transcript, VariablesView

#: How each end reason reads in the status line.
END_WORDS = {"hangup": "The call hung up", "end": "The script ended (the call hangs up)",
             "transfer": "The call left the script", "max_steps": "Stopped: the call went round "
             "in a loop", "error": "Stopped by an error"}


class SimPanel(QWidget):
    """The Try the Call panel for one session and its canvas.

    Signals:
        recorded(str): a run was saved as a test case in this calls file.
    """

    recorded = Signal(str)

    def __init__(self, session: Any, canvas: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sim_panel")
        self.session = session
        self.canvas = canvas
        self.sim: Simulator | None = None
        self._running = False
        self._stale = False
        self._overlay: SimOverlay | None = None
        self._build()
        for widget in (self, self.transcript, self.variables, self.run_button, self.step_button,
                       self.restart_button, self.record_button):
            widget.installEventFilter(self)
        session.document_changed.connect(self._on_document_changed)
        session.document_replaced.connect(self._on_document_replaced)

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        self.run_button = self._button("Run", "mdi6.play", "Play the call until it ends or needs you",
                                       self.run)
        self.step_button = self._button("Step", "mdi6.debug-step-over", "Run the next block only",
                                        self.step)
        self.restart_button = self._button("Restart", "mdi6.restart", "Start the call again from "
                                           "the beginning", self.restart)
        self.record_button = self._button("Save as Test\u2026", "mdi6.playlist-check",
                                          "Keep this call as a test case beside the script "
                                          "(swml-designer test runs it)", self.record_test)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for button in (self.run_button, self.step_button, self.restart_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)

        self.status = QLabel(self)
        self.status.setObjectName("sim_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.question = QFrame(self)
        self.question.setObjectName("sim_question")
        self.question.setFrameShape(QFrame.Shape.StyledPanel)
        self.question_text = QLabel(self.question)
        self.question_text.setWordWrap(True)
        self.question_text.setTextFormat(Qt.TextFormat.PlainText)
        self.choices = QHBoxLayout()
        self.choices.setSpacing(4)
        box = QVBoxLayout(self.question)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(self.question_text)
        box.addLayout(self.choices)
        self.question.hide()

        self.keypad = Keypad(self)
        self.keypad.input_given.connect(self.give_input)
        self.queued = QLabel(self)
        self.queued.setObjectName("sim_queued")
        self.queued.setWordWrap(True)

        self.transcript = Transcript(self)
        self.transcript.itemClicked.connect(self._on_line_clicked)
        self.variables = VariablesView(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self._titled("What happens", self.transcript))
        split.addWidget(self._titled("Variables", self.variables))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([300, 200])

        self.call_form = CallForm(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.question)
        layout.addWidget(self.keypad)
        layout.addWidget(self.queued)
        layout.addWidget(split, 1)
        layout.addWidget(self.call_form)

    def _button(self, text: str, icon_name: str, tip: str, slot: Any) -> QPushButton:
        button = QPushButton(icon(icon_name), text, self)
        button.setObjectName(f"sim_{text.split()[0].lower()}")
        button.setToolTip(tip)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        holder = QWidget(self)
        label = QLabel(title, holder)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(label)
        box.addWidget(widget)
        return holder

    # ----------------------------------------------------------------- driving the run
    def setup(self) -> CallSetup:
        """What the next run starts with: the call fields from the form; ask the user for the
        outside world's outcomes and the caller's input."""
        return CallSetup(call=self.call_form.fields(), ask=True)

    def restart(self, run: bool = True) -> None:
        """A fresh call from the start of ``main``; runs until it needs the user."""
        if self.sim is not None:
            self.sim.close()
        self.sim = Simulator(self.session.doc, self.setup())
        self._stale = False
        self.transcript.clear()
        self.keypad.keys.clear()
        self._refresh()
        if run:
            self.run()

    def run(self) -> None:
        """Go on until the call ends or needs the user."""
        if self.sim is None or self._stale:
            self.restart(run=False)
        assert self.sim is not None
        self._running = True
        self._advance(until_question=True)

    def step(self) -> None:
        """Run one block."""
        if self.sim is None or self._stale:
            self.restart(run=False)
        self._running = False
        self._advance(until_question=False)

    def _advance(self, until_question: bool) -> None:
        sim = self.sim
        assert sim is not None
        while True:
            result = sim.step()
            if isinstance(result, SimEvent):
                self.transcript.add_event(len(sim.events), result)
                if until_question:
                    continue
            break
        self._refresh()

    def give_input(self, text: str) -> None:
        """The caller pressed keys or spoke: queue it (and go on if a prompt was waiting).

        Out of date (the flow changed) or not started: a fresh call starts with this input.
        """
        fresh = self.sim is None or self._stale
        if fresh:
            self.restart(run=False)
            self._running = True
        assert self.sim is not None
        waiting = fresh or (self.sim.pending is not None and self.sim.pending.kind == "input")
        try:
            self.sim.add_input(text)
        except ValueError as exc:
            self.status.setText(str(exc))
            return
        if waiting:
            self._advance(until_question=self._running)
        else:
            self._refresh()

    def choose(self, choice: str) -> None:
        """Answer the question the run waits on."""
        if self.sim is None or self.sim.pending is None:
            return
        if self._stale:  # the flow changed under the question: ask again on a fresh call
            self.restart()
            return
        self.sim.answer(choice)
        self._advance(until_question=self._running)

    # ----------------------------------------------------------------- showing the run
    def _refresh(self) -> None:
        sim = self.sim
        if sim is None:
            return
        pending = sim.pending
        self._show_question(pending)
        if sim.end is not None:
            self.transcript.add_end(sim.end)
            self.status.setText(f"{END_WORDS.get(sim.end.reason, sim.end.reason)}. "
                                "Restart to try another call.")
            if sim.end.reason == END_ERROR and sim.end.step_id:
                self.session.select([sim.end.step_id])
        elif pending is None:
            self.status.setText("Ready: Run plays the call, Step runs one block." if not sim.events
                                else "Paused: Run goes on, Step runs the next block.")
        self.keypad.wanted_keys = self._wanted_keys(pending)
        queued = [str(i) for i in sim.inputs]
        self.queued.setText("Caller's next answers: " + ", ".join(queued) if queued else "")
        self.queued.setVisible(bool(queued))
        self.variables.show_values(sim.variables(), set(sim.events[-1].set) if sim.events else set(),
                                   sim.state.params)
        self._draw()
        ended = sim.end is not None
        self.keypad.setVisible(not ended)
        self.run_button.setEnabled(not ended and pending is None)
        self.step_button.setEnabled(not ended and pending is None)
        self.record_button.setEnabled(bool(sim.events) and pending is None)

    def _wanted_keys(self, pending: Question | None) -> int:
        if pending is None or pending.kind != "input":
            return 0
        step = self.session.doc.find_step(pending.step_id)
        wanted = step.get(("max_digits",), 1) if step is not None else 1
        has_terminators = step is not None and bool(step.get(("terminators",)))
        return 0 if has_terminators else (wanted if isinstance(wanted, int) and wanted > 0 else 1)

    def _show_question(self, pending: Question | None) -> None:
        while self.choices.count():
            widget = self.choices.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        if pending is None:
            self.question.hide()
            return
        if pending.kind == "input":
            self.question_text.setText(pending.text + "\nPress keys on the keypad below, type what "
                                       "the caller says, or choose:")
            self.status.setText("Waiting for the caller.")
        else:
            self.question_text.setText(pending.text)
            self.status.setText("Waiting for you to say what happens.")
        for choice in pending.choices:
            button = QPushButton(choice, self.question)
            button.setObjectName(f"sim_choice_{choice.replace(' ', '_')}")
            if choice == pending.default:
                button.setToolTip("The usual outcome (what the command line assumes)")
                font = QFont(button.font())
                font.setBold(True)
                button.setFont(font)
            button.clicked.connect(lambda _c=False, c=choice: self.choose(c))
            self.choices.addWidget(button)
            button.show()  # a layout shows a new child only on the next event loop turn
        self.choices.addStretch(1)
        self.question.show()

    def overlay(self) -> SimOverlay:
        """The canvas overlay (made again when the scene was rebuilt)."""
        if self._overlay is None or not shiboken6.isValid(self._overlay):
            self._overlay = SimOverlay(self.canvas.flow_scene)
        return self._overlay

    def _draw(self) -> None:
        sim = self.sim
        if sim is None:
            self.overlay().clear()
            return
        if sim.end is not None:
            current, error = sim.end.step_id, sim.end.reason == END_ERROR
        elif sim.pending is not None:
            current, error = sim.pending.step_id, False
        else:
            upcoming = sim.next_step()
            current, error = (upcoming.id if upcoming else ""), False
        self.overlay().show_run(sim.taken, current, error)
        if current:
            self.canvas.reveal(current)

    def stop(self) -> None:
        """The panel was closed: forget the run and clear the canvas."""
        if self.sim is not None:
            self.sim.close()
        self.sim = None
        self.overlay().clear()

    # ----------------------------------------------------------------- user actions
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Digits, * and # typed while the transcript, the variables or a button has focus
        press the keypad (text boxes keep their own typing)."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.text() and event.text() in KEYS and self.keypad.isVisible()):
            self.keypad.press(event.text())
            return True
        return super().eventFilter(watched, event)

    def _on_line_clicked(self, item: QListWidgetItem) -> None:
        step_id = item.data(Qt.ItemDataRole.UserRole)
        if step_id and self.session.doc.find_step(step_id) is not None:
            self.session.select([step_id])
            self.canvas.reveal(step_id)

    def _on_document_changed(self) -> None:
        if self.sim is not None and not self._stale:
            self._stale = True
            self.status.setText("The flow changed: Restart (or Run) tries the call again.")
            self.run_button.setEnabled(True)
            self.step_button.setEnabled(True)
        if self._overlay is not None and shiboken6.isValid(self._overlay):
            self._overlay.refresh()

    def _on_document_replaced(self) -> None:
        if self.sim is not None:
            self.sim.close()
        self.sim = None
        self._overlay = None
        self.transcript.clear()
        self.variables.clear()
        self.question.hide()
        self.status.setText("Run plays a call through this flow.")

    def record_test(self, name: str | None = None) -> str | None:
        """Save the run as a test case in ``NAME.calls.yaml`` beside the script."""
        sim = self.sim
        path = self.session.path
        if sim is None or not sim.events:
            return None
        if path is None:
            self.status.setText("Save the flow first: its tests are kept in a file beside it.")
            return None
        if not self.session.undo_stack.isClean():
            self.status.setText("Save your changes first: the test will run the saved file.")
            return None
        if name is None:
            name, ok = QInputDialog.getText(self, "Save as Test", "Name this call (what it checks):",
                                            text=self._suggest_name())
            if not ok or not name.strip():
                return None
        target = flow_tests.calls_path(path)
        try:
            flow_tests.append_case(target, flow_tests.case_from_run(sim, name.strip()), path.name)
        except (OSError, flow_tests.CallsFileError) as exc:
            self.status.setText(f"Could not save the test: {exc}")
            return None
        self.status.setText(f"Saved as a test in {target.name}. Run it with: swml-designer test {path.name}")
        self.recorded.emit(str(target))
        return str(target)

    def _suggest_name(self) -> str:
        sim = self.sim
        assert sim is not None
        inputs = ", ".join(str(i) for i in sim.consumed_inputs)
        end = sim.end.reason if sim.end else "paused"
        return f"caller enters {inputs}: {end}" if inputs else f"a call that ends with {end}"
