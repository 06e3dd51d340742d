"""Saying why a field did not take a key: "Only phone keys can go here: 0-9, * and #".

Why: number and stop-key fields filter what can be typed, and a filtered key used to vanish
silently, so a person typing "ten" or "hash" thought the field was broken. Each refused key now
shows the field's rule in a tooltip under the field, and the rule is also its tooltip on hover.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLineEdit, QToolTip

WHOLE_NUMBER = "Only a whole number can go here (digits 0-9)"
NUMBER = "Only a number can go here (digits, with a point for fractions)"
PHONE_KEYS = "Only phone keys can go here: 0-9, * and #, or a ${variable}"


def explain_refusals(line: QLineEdit, rule: str) -> None:
    """When ``line`` refuses a key, show ``rule`` under it (and keep it as its hover tooltip)."""
    line.setToolTip(rule)
    line.setProperty("refusal_rule", rule)
    line.inputRejected.connect(lambda: show_refusal(line))


def show_refusal(line: QLineEdit) -> str:
    """Show the field's rule under it now; returns the words shown (tests read them)."""
    rule = line.property("refusal_rule") or ""
    line.setProperty("last_refusal", rule)
    if rule and line.isVisible():
        QToolTip.showText(line.mapToGlobal(QPoint(0, line.height())), rule, line)
    return rule
