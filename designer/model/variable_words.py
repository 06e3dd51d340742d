"""What the variables blocks set mean, in a few plain words, for menus that offer them.

Why: the Variable menu listed ``${record_call_url}`` and ``${prompt_value}``, names a support
lead cannot guess the meaning of. Each entry says what the value holds, in our own words, from
the "(out)" variables each method's reference page lists. Unknown names get no words (the name
alone is still offered).
"""

from __future__ import annotations

_WORDS: dict[str, str] = {
    "record_call_url": "the recording being made",
    "record_call_result": "whether the recording started",
    "record_control_id": "the id of that recording",
    "record_url": "the message just recorded",
    "record_result": "whether the message was recorded",
    "prompt_value": "the keys the caller pressed (or what they said)",
    "prompt_result": "how the question went (keys, speech, no answer)",
    "prompt_digit_terminator": "the stop key the caller pressed",
    "request_result": "whether the web request worked",
    "request_response_code": "the web request's status code",
    "request_response_body": "the web request's answer",
}


def variable_words(name: str) -> str:
    """Plain words for the variable ``name``, or "" when there are none."""
    return _WORDS.get(name, "")


def menu_text(name: str) -> str:
    """"${record_call_url} — the recording being made" (the name alone when no words are known)."""
    words = variable_words(name)
    return f"${{{name}}} \u2014 {words}" if words else f"${{{name}}}"
