"""Presentation hints for the fitted panels of connect, ai, set, prompt, request and friends.

Kept apart from :mod:`designer.model.hints` (the first panels) so each table stays short. Like
there, only words and widget kinds live here: types, defaults and units come from the schema.
Widget kinds: ``name_value`` (mapping), ``name_value_list`` (list of name/value items),
``tags``, ``multiline``, ``records`` (list of objects as cards), ``destinations``,
``dial_address``, ``pronounce``, ``section_or_url``, ``json_body``, ``swaig_functions``, ``prompt_text``,
``action_variant``, ``variable_name``, plus the first panels' ``play_urls`` and ``dtmf``/``url``.
"""

from __future__ import annotations

from typing import Any

from designer.model.hints import FieldHint

_F = FieldHint
FIELDS: dict[tuple[str, tuple[Any, ...]], FieldHint] = {
    # connect
    ("connect", ("to",)): _F("dial_address", "Number or address",
                             placeholder="+15551234567, sip:desk@example.com or ${var}"),
    ("connect", ("serial",)): _F("destinations", "Destinations"),
    ("connect", ("parallel",)): _F("destinations", "Destinations"),
    ("connect", ("serial_parallel",)): _F("destinations", "Destinations"),
    ("connect", ("from",)): _F("", "Caller ID shown", placeholder="the caller's number"),
    ("connect", ("timeout",)): _F("", "Ring for"),
    ("connect", ("answer_on_bridge",)): _F("", "Answer when they pick up"),
    ("connect", ("max_duration",)): _F("", "Longest call"),
    ("connect", ("headers",)): _F("name_value_list", "SIP headers"),
    ("connect", ("call_state_url",)): _F("url", "Call status URL", placeholder="https://..."),
    ("connect", ("call_state_events",)): _F("tags", "Call status events"),
    ("connect", ("confirm_timeout",)): _F("", "Confirm wait"),
    ("connect", ("transfer_after_bridge",)): _F("", "After the call, run"),
    ("connect", ("webrtc_media",)): _F("", "Offer WebRTC media (SIP only)"),
    ("connect", ("session_timeout",)): _F("", "SIP session expiry"),
    ("connect", ("username",)): _F("", "SIP username"),
    ("connect", ("password",)): _F("", "SIP password"),
    # switch: offer the variables the flow sets (an IVR compares prompt_value)
    ("switch", ("variable",)): _F("variable_name", "Variable", placeholder="e.g. prompt_value"),
    # set / transfer / execute / request
    ("transfer", ("dest",)): _F("section_or_url", "Go to"),
    ("transfer", ("params",)): _F("name_value", "Values to pass"),
    ("transfer", ("meta",)): _F("name_value", "Your own notes (meta)"),
    ("execute", ("dest",)): _F("section_or_url", "Run"),
    ("execute", ("params",)): _F("name_value", "Values to pass"),
    ("execute", ("meta",)): _F("name_value", "Your own notes (meta)"),
    ("request", ("url",)): _F("url", "URL", placeholder="https://api.example.com/..."),
    ("request", ("method",)): _F("", "Method"),
    ("request", ("headers",)): _F("name_value", "Headers"),
    ("request", ("body",)): _F("json_body", "Body"),
    ("request", ("timeout",)): _F("", "Wait for answer"),
    ("request", ("connect_timeout",)): _F("", "Wait to connect"),
    ("request", ("save_variables",)): _F("", "Save the answer as variables"),
    # prompt
    ("prompt", ("play",)): _F("play_urls", "What to play"),
    ("prompt", ("max_digits",)): _F("", "Keys to collect"),
    ("prompt", ("terminators",)): _F("dtmf", "Stop keys", placeholder="none, e.g. #"),
    ("prompt", ("digit_timeout",)): _F("", "Wait between keys"),
    ("prompt", ("initial_timeout",)): _F("", "Wait for an answer"),
    ("prompt", ("speech_hints",)): _F("tags", "Expected words"),
    ("prompt", ("speech_timeout",)): _F("", "Longest speech"),
    ("prompt", ("speech_end_timeout",)): _F("", "Speech ends after"),
    ("prompt", ("status_url",)): _F("url", "Status URL", placeholder="https://..."),
    # live_transcribe / live_translate / pay
    ("live_transcribe", ("action",)): _F("action_variant", "Action"),
    ("live_translate", ("action",)): _F("action_variant", "Action"),
    ("pay", ("prompts",)): _F("records", "Prompts"),
    ("pay", ("parameters",)): _F("name_value_list", "Parameters"),
    ("pay", ("payment_connector_url",)): _F("url", "Payment connector URL", placeholder="https://..."),
    ("pay", ("status_url",)): _F("url", "Status URL", placeholder="https://..."),
    # ai
    ("ai", ("prompt",)): _F("prompt_text", "Prompt"),
    ("ai", ("post_prompt",)): _F("prompt_text", "Summary prompt"),
    ("ai", ("post_prompt_url",)): _F("url", "Send the summary to", placeholder="https://..."),
    ("ai", ("SWAIG", "functions")): _F("swaig_functions", "Functions"),
    ("ai", ("SWAIG", "native_functions")): _F("tags", "Built-in functions"),
    ("ai", ("SWAIG", "includes")): _F("records", "Functions from a URL"),
    ("ai", ("SWAIG", "defaults", "web_hook_url")): _F("url", "Default web hook", placeholder="https://..."),
    ("ai", ("languages",)): _F("records", "Languages"),
    ("ai", ("pronounce",)): _F("pronounce", "Pronounce"),
    ("ai", ("hints",)): _F("tags", "Hints (words to listen for)"),
    ("ai", ("global_data",)): _F("name_value", "Data for the agent"),
    ("amazon_bedrock", ("SWAIG", "functions")): _F("swaig_functions", "Functions"),
    ("amazon_bedrock", ("prompt",)): _F("prompt_text", "Prompt"),
    ("amazon_bedrock", ("post_prompt",)): _F("prompt_text", "Summary prompt"),
}

#: Plain labels for the start action of live_transcribe and live_translate (same fields).
_LIVE_WORDS = {"webhook": "Send text to", "lang": "Language", "from_lang": "Caller's language",
               "to_lang": "Translate into", "from_voice": "Caller's voice", "to_voice": "Translated voice",
               "live_events": "Send live events", "ai_summary": "AI summary at the end",
               "ai_summary_prompt": "Summary instructions", "speech_timeout": "Speech timeout",
               "vad_silence_ms": "Pause length", "vad_thresh": "Voice threshold", "debug_level": "Debug level",
               "speech_engine": "Speech engine", "filter_from": "Filter (caller)", "filter_to": "Filter (other side)"}
for _method in ("live_transcribe", "live_translate"):
    for _name, _words in _LIVE_WORDS.items():
        FIELDS[(_method, ("action", "start", _name))] = _F("url" if _name == "webhook" else "", _words,
                                                          placeholder="https://..." if _name == "webhook" else "")
