"""Hand-written UI hints where the schema is thin: groups, icons, widgets, units, plain labels.

Only presentation lives here. Types, enums, defaults, descriptions and ranges come from the
schema as corrected by :mod:`designer.model.schema_fixes` (``input_sensitivity`` 0-100), so a
form and the validator read the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

GROUP_ORDER = ("Recording", "Media", "Call", "Flow", "Data", "AI", "Other")
UNKNOWN_ICON = "mdi6.help-box-outline"


#: Abbreviations kept upright when a field name is turned into words ("status_url" -> "Status URL").
ABBREVIATIONS = {"ai": "AI", "url": "URL", "urls": "URLs", "sip": "SIP", "sms": "SMS", "swml": "SWML", "id": "ID",
                 "tts": "TTS", "dtmf": "DTMF", "asr": "ASR", "llm": "LLM", "api": "API", "mfa": "MFA",
                 "swaig": "SWAIG", "openai": "OpenAI"}


def name_in_words(name: str) -> str:
    """A field name without a hand-written label, as a form shows it: ``status_url`` ->
    "Status URL", ``ai_model`` -> "AI model".

    Why: a plain ``capitalize()`` gave "Status url" and "Ai model" next to hand-written labels
    such as "Status URL", which reads like a typo to the people this designer is for.
    """
    parts = str(name).split("_")
    words = [ABBREVIATIONS.get(p.lower(), p.lower()) for p in parts if p]
    if not words:
        return str(name)
    first = words[0]
    words[0] = first if first in ABBREVIATIONS.values() else first[:1].upper() + first[1:]
    return " ".join(words)


@dataclass(frozen=True)
class MethodHint:
    group: str = "Other"
    icon: str = "mdi6.puzzle-outline"
    sets_variables: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldHint:
    """How to present one field. ``widget`` names an editor kind the inspector knows
    (``combo``, ``radio``, ``slider``, ``dtmf``, ``url``, ``control_id_choice``, ``play_urls``);
    empty means "pick from the schema"."""

    widget: str = ""
    label: str = ""
    unit: str = ""
    #: value -> words for people, for radio buttons and combo boxes.
    choices: dict[Any, str] = field(default_factory=dict)
    placeholder: str = ""


#: The hint of the many fields without one, shared (it is frozen): the catalog's disk cache then
#: holds it once instead of once per field (start-up reads that cache back).
NO_HINT = FieldHint()

_METHODS: dict[str, MethodHint] = {
    "record_call": MethodHint("Recording", "mdi6.record-rec",
                              ("record_call_url", "record_call_result", "record_control_id")),
    "stop_record_call": MethodHint("Recording", "mdi6.stop-circle-outline"),
    "record": MethodHint("Recording", "mdi6.microphone", ("record_url", "record_result")),
    "play": MethodHint("Media", "mdi6.play-circle-outline", ("play_result",)),
    "prompt": MethodHint("Media", "mdi6.dialpad",
                         ("prompt_result", "prompt_value", "prompt_digit_terminator")),
    "send_digits": MethodHint("Media", "mdi6.dialpad"),
    "denoise": MethodHint("Media", "mdi6.waveform"),
    "stop_denoise": MethodHint("Media", "mdi6.waveform"),
    "live_transcribe": MethodHint("Media", "mdi6.text-to-speech"),
    "live_translate": MethodHint("Media", "mdi6.translate"),
    "answer": MethodHint("Call", "mdi6.phone-in-talk"),
    "hangup": MethodHint("Call", "mdi6.phone-hangup"),
    "connect": MethodHint("Call", "mdi6.phone-forward", ("connect_result", "connect_failed_reason")),
    "sip_refer": MethodHint("Call", "mdi6.phone-forward-outline"),
    "join_room": MethodHint("Call", "mdi6.account-group"),
    "join_conference": MethodHint("Call", "mdi6.account-group-outline"),
    "enter_queue": MethodHint("Call", "mdi6.human-queue"),
    "detect_machine": MethodHint("Call", "mdi6.robot-confused-outline"),
    "receive_fax": MethodHint("Call", "mdi6.fax"),
    "send_fax": MethodHint("Call", "mdi6.fax"),
    "pay": MethodHint("Call", "mdi6.credit-card-outline"),
    "tap": MethodHint("Call", "mdi6.access-point"),
    "stop_tap": MethodHint("Call", "mdi6.access-point-off"),
    "stream": MethodHint("Call", "mdi6.access-point"),
    "stop_stream": MethodHint("Call", "mdi6.access-point-off"),
    "transcribe": MethodHint("Media", "mdi6.text-to-speech"),
    "transcribe_stop": MethodHint("Media", "mdi6.text-to-speech-off"),
    "send_sms": MethodHint("Call", "mdi6.message-text-outline"),
    "label": MethodHint("Flow", "mdi6.label-outline"),
    "goto": MethodHint("Flow", "mdi6.arrow-u-left-top"),
    "execute": MethodHint("Flow", "mdi6.call-split"),
    "transfer": MethodHint("Flow", "mdi6.arrow-right-bold-box-outline"),
    "return": MethodHint("Flow", "mdi6.keyboard-return"),
    "switch": MethodHint("Flow", "mdi6.source-branch"),
    "cond": MethodHint("Flow", "mdi6.help-rhombus-outline"),
    "sleep": MethodHint("Flow", "mdi6.timer-sand"),
    "set": MethodHint("Data", "mdi6.variable"),
    "unset": MethodHint("Data", "mdi6.variable-box"),
    "request": MethodHint("Data", "mdi6.web", ("request_result", "request_response")),
    "user_event": MethodHint("Data", "mdi6.bell-ring-outline"),
    "set_meta_data": MethodHint("Data", "mdi6.tag-outline"),
    "ai": MethodHint("AI", "mdi6.robot-outline"),
    "ai_sidecar": MethodHint("AI", "mdi6.robot-happy-outline"),
    "amazon_bedrock": MethodHint("AI", "mdi6.robot-outline"),
}

#: The order methods take inside their palette group (first-class blocks first).
_RANK = ["record_call", "stop_record_call", "play", "answer", "hangup", "prompt", "connect",
         "label", "goto", "switch", "cond"]

_SECONDS = "seconds"
_FIELDS: dict[tuple[str, tuple[Any, ...]], FieldHint] = {
    ("record_call", ("format",)): FieldHint("combo", "Format",
                                            choices={"wav": "WAV (best quality)", "mp3": "MP3 (smaller file)",
                                                     "mp4": "MP4"}),
    ("record_call", ("direction",)): FieldHint("radio", "Record",
                                               choices={"speak": "Only what the caller says",
                                                        "listen": "Only what the caller hears",
                                                        "both": "Both sides of the call"}),
    ("record_call", ("input_sensitivity",)): FieldHint("slider", "Input sensitivity"),
    ("record_call", ("beep",)): FieldHint("", "Play a beep before recording"),
    ("record_call", ("stereo",)): FieldHint("", "Record in stereo"),
    ("record_call", ("terminators",)): FieldHint("dtmf", "Stop keys", placeholder="none, e.g. #"),
    # One name for the same thing everywhere ("Terminators" on record and prompt read as jargon).
    # No placeholder: record's default is "#" (record.mdx), so the box must say "# (default)",
    # not "none" (a caller pressing # does end the message).
    ("record", ("terminators",)): FieldHint("dtmf", "Stop keys"),
    ("prompt", ("terminators",)): FieldHint("dtmf", "Stop keys", placeholder="none, e.g. #"),
    ("record_call", ("initial_timeout",)): FieldHint("", "Wait for speech", _SECONDS),
    ("record_call", ("end_silence_timeout",)): FieldHint("", "Stop after silence", _SECONDS),
    ("record_call", ("max_length",)): FieldHint("", "Maximum length", _SECONDS, placeholder="no limit"),
    ("record_call", ("status_url",)): FieldHint("url", "Status URL", placeholder="https://..."),
    ("record_call", ("control_id",)): FieldHint("", "Recording id", placeholder="optional, e.g. rec1"),
    ("stop_record_call", ("control_id",)): FieldHint("control_id_choice", "Recording to stop",
                                                     placeholder="the last recording started"),
    # Record a message (the voicemail block) in the words of Record the call, not the schema's
    # ("Direction: speak", "End silence timeout").
    ("record", ("format",)): FieldHint("combo", "Format",
                                       choices={"wav": "WAV (best quality)", "mp3": "MP3 (smaller file)",
                                                "mp4": "MP4"}),
    ("record", ("direction",)): FieldHint("radio", "Record",
                                          choices={"speak": "Only what the caller says",
                                                   "listen": "Only what the caller hears"}),
    ("record", ("beep",)): FieldHint("", "Play a beep before recording"),
    ("record", ("stereo",)): FieldHint("", "Record in stereo"),
    ("record", ("initial_timeout",)): FieldHint("", "Wait for speech", _SECONDS),
    ("record", ("end_silence_timeout",)): FieldHint("", "Stop after silence", _SECONDS),
    ("record", ("max_length",)): FieldHint("", "Maximum length", _SECONDS, placeholder="no limit"),
    ("record", ("status_url",)): FieldHint("url", "Status URL", placeholder="https://..."),
    ("play", ("urls",)): FieldHint("play_urls", "What to play"),
    ("play", ("url",)): FieldHint("play_urls", "What to play"),
    ("play", ("volume",)): FieldHint("slider", "Volume", "dB"),
    ("play", ("status_url",)): FieldHint("url", "Status URL", placeholder="https://..."),
    ("play", ("auto_answer",)): FieldHint("", "Answer the call automatically"),
    # The schema's descriptions name no unit here; the detect_machine reference page says seconds.
    ("detect_machine", ("end_silence_timeout",)): FieldHint(unit=_SECONDS),
    ("detect_machine", ("initial_timeout",)): FieldHint(unit=_SECONDS),
    ("detect_machine", ("machine_ready_timeout",)): FieldHint(unit=_SECONDS),
}

#: Values new blocks start with where ``{}`` would not be valid SWML.
NEW_VALUES: dict[str, Any] = {
    "label": "label1",
    "play": {"urls": ["say:Hello"]},
    "goto": {"label": ""},
    "switch": {"variable": "", "case": {}},
    "cond": [],
    "unset": "",
    "sleep": {"duration": 1000},
    "transfer": {"dest": ""},
    "execute": {"dest": ""},
    "return": {},
}


def method_hint(method: str) -> MethodHint:
    """The hint for ``method``; unknown methods fall into "Other"."""
    return _METHODS.get(method, MethodHint())


def field_hint(method: str, path: tuple[Any, ...]) -> FieldHint:
    """The hint for a field, or an empty one (the catalog adds the unit its description names)."""
    from designer.model import panel_hints
    key = (method, tuple(path))
    return _FIELDS.get(key) or panel_hints.FIELDS.get(key) or NO_HINT


def method_rank(method: str) -> int:
    return _RANK.index(method) if method in _RANK else len(_RANK)
