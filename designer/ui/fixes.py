"""Quick fixes: the problems validation knows a sure fix for, applied as undoable edits.

Scripts written by hand often say ``stereo: "true"`` or ``play: "say:Hi"``; SignalWire refuses
them, and the fix is mechanical. A fix may also turn a step into another method
(:class:`designer.model.step_checks.MethodFix`: ``transfer`` to a phone number -> ``connect``). The validator attaches the fixing value to such a problem
(:attr:`designer.model.problems.Problem.fix`); this module turns it into commands.
"""

from __future__ import annotations

from designer.model.document import Document, Step
from designer.model.problems import Problem
from designer.model.step_checks import MethodFix
from designer.ui.commands import Command, GroupCommand, SetMethodCommand, SetParamCommand
from designer.ui.session import EditSession


def fixable(session: EditSession) -> list[Problem]:
    """The current problems that have a sure fix (runs after every edit: one walk of the flow)."""
    candidates = [p for p in session.problems if p.has_fix]
    if not candidates:
        return []
    ids = {step.id for step in session.doc.walk()}
    return [p for p in candidates if p.step_id in ids]


def apply_fix(session: EditSession, problem: Problem) -> bool:
    """Fix one problem (one undo step); ``False`` when its block is gone."""
    step = session.doc.find_step(problem.step_id) if problem.has_fix else None
    if step is None:
        return False
    session.undo_stack.push(_command(session.doc, step, problem, text=f"Fix {step.method}"))
    return True


def _command(doc: Document, step: Step, problem: Problem, text: str = "") -> Command:
    """The edit that fixes ``problem``: set one value, or turn the step into another method
    (``transfer`` to a phone number becomes ``connect``; the old params are replaced)."""
    fix = problem.fix
    if isinstance(fix, MethodFix):
        return GroupCommand(text or f"Change {step.method} to {fix.method}",
                            [SetMethodCommand(doc, step, fix.method), SetParamCommand(doc, step, (), fix.params)], doc)
    if text:
        return SetParamCommand(doc, step, tuple(problem.field), fix, text=text)
    return SetParamCommand(doc, step, tuple(problem.field), fix)


def apply_all(session: EditSession) -> int:
    """Fix every fixable problem as one undo step; returns how many were fixed."""
    doc, problems = session.doc, fixable(session)
    steps = {step.id: step for step in doc.walk()} if problems else {}
    children = [_command(doc, steps[p.step_id], p) for p in problems]
    if children:
        session.undo_stack.push(GroupCommand(f"Fix {len(children)} problem{'s' if len(children) != 1 else ''}",
                                             children, doc))
    return len(children)
