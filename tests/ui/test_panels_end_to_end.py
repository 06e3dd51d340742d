"""Flows built in the real window by palette drops and panel widgets only, exported exactly.

Issue 6: a ``set`` of three variables (text, number, yes/no) and an ``ai`` agent with one SWAIG
function taking two parameters; each preview is compared with the SWML a person expects and
validated against the schema.
"""

from __future__ import annotations

import json

import yaml
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jsonschema import Draft202012Validator

from designer.model.schema import bundled_schema_text
from tests.ui.test_end_to_end import add_block, editor, preview_as, window  # noqa: F401 - fixture


def type_into(widget, text: str) -> None:
    widget.setFocus()
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Tab)


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def assert_valid(win) -> None:
    """Valid for the designer and for the raw official (MIT) schema, read with jsonschema."""
    data = yaml.safe_load(preview_as(win, "yaml")[0])
    raw = json.loads(bundled_schema_text())
    assert list(Draft202012Validator(raw).iter_errors(data)) == []
    assert [p for p in win.session.problems if p.is_error or p.severity == "warning"] == []


def test_a_set_of_three_variables(window):  # noqa: F811 - the fixture
    add_block(window, "set")
    table = editor(window)
    for name, kind, value in (("greeting", "text", "Welcome to Ridgeline"), ("max_tries", "number", "3"),
                              ("vip", "yesno", None)):
        table.add_button.click()
        row = table.rows[-1]
        type_into(row.name, name)
        choose(row.kind_box, kind)
        if kind == "yesno":
            row.check.click()
        else:
            row.text.selectAll()
            type_into(row.text, value)
    text, data = preview_as(window, "yaml")
    assert data == {"version": "1.0.0", "sections": {"main": [
        {"set": {"greeting": "Welcome to Ridgeline", "max_tries": 3, "vip": True}}]}}
    assert text == ("version: 1.0.0\nsections:\n  main:\n    - set:\n        greeting: Welcome to Ridgeline\n"
                    "        max_tries: 3\n        vip: true\n")
    assert_valid(window)
    # every widget edit was its own undo step (or merged typing); undo all returns to an empty set
    stack = window.session.undo_stack
    while window.session.doc.to_data()["sections"]["main"][0]["set"]:
        stack.undo()
    assert window.session.doc.to_data()["sections"]["main"] == [{"set": {}}]


def test_an_ai_agent_with_one_function_of_two_parameters(window):  # noqa: F811 - the fixture
    add_block(window, "ai")
    prompt = editor(window, "prompt")
    prompt.text.text.setFocus()
    QTest.keyClicks(prompt.text.text, "You take orders for Ridgeline Cycles.")
    QTest.keyClick(prompt.text.text, Qt.Key.Key_Tab)
    functions = editor(window, "SWAIG", "functions")
    functions.add_button.click()
    card = functions.cards[0][1]
    type_into(card.editors["function"].line, "check_stock")
    card.description.text.setFocus()
    QTest.keyClicks(card.description.text, "Check whether a bike is in stock")
    QTest.keyClick(card.description.text, Qt.Key.Key_Tab)
    params = card.parameters
    for name, kind, words, required in (("model", "string", "The bike model", True),
                                        ("size", "integer", "Frame size in cm", False)):
        params.add_button.click()
        row = params.rows[-1]
        type_into(row["name"], name)
        choose(row["type"], kind)
        type_into(row["description"], words)
        if required:
            row["required"].click()
    type_into(card.editors["web_hook_url"].line, "https://shop.example.com/swaig")
    expected = {"ai": {
        "prompt": {"text": "You take orders for Ridgeline Cycles."},
        "SWAIG": {"functions": [{
            "function": "check_stock",
            "web_hook_url": "https://shop.example.com/swaig",
            "description": "Check whether a bike is in stock",
            "parameters": {"type": "object", "properties": {
                "model": {"type": "string", "description": "The bike model"},
                "size": {"type": "integer", "description": "Frame size in cm"}},
                "required": ["model"]}}]}}}
    text, data = preview_as(window, "json")
    assert data["sections"]["main"] == [expected]
    assert json.dumps(data["sections"]["main"][0]["ai"]["SWAIG"]["functions"][0]["parameters"]) == json.dumps(
        expected["ai"]["SWAIG"]["functions"][0]["parameters"]), "key order"
    assert_valid(window)
