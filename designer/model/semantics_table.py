"""The table of SWML method semantics, one entry per method, from SignalWire's reference pages.

Each entry names its page (``source``, relative to ``shared/swml/reference/methods/calling``).
Read it through :func:`designer.model.semantics.semantics`; the types and the meaning of each
field are documented in :mod:`designer.model.semantics`. Add a method by adding one entry.
"""

from __future__ import annotations

from designer.model.semantics import (
    CALLER_ID, DESTINATION, DIAL, EXECUTE, GOTO, HANGUP, PHONE, RETURN, SIP, TRANSFER, URL, BRANCH,
    Address, Number, Semantics, Variable,
)

_SUCCESS = ("success", "failed")


def _seconds(*names: str, minimum: float = 0) -> tuple[Number, ...]:
    """Durations in seconds that cannot be negative."""
    return tuple(Number((n,), "duration", "s", minimum) for n in names)


def _urls(*names: str) -> tuple[Address, ...]:
    return tuple(Address((n,), URL) for n in names)


_VOLUME = Number(("volume",), "volume", "dB", -40, 40)
_SENSITIVITY = Number(("input_sensitivity",), "level", "", 0, 100)

#: connect's destination lists: single ``to``, ``serial``, ``parallel``, ``serial_parallel``.
_DIAL_PLACES: tuple[tuple[object, ...], ...] = ((), ("serial", "*"), ("parallel", "*"), ("serial_parallel", "*", "*"))

TABLE: dict[str, Semantics] = {
    "answer": Semantics(numbers=_seconds("max_duration"), source="answer.mdx"),
    "hangup": Semantics(flow=HANGUP, source="hangup.mdx"),
    "label": Semantics(source="label.mdx"),
    "goto": Semantics(flow=GOTO, numbers=(Number(("max",), "count", "", 1, 100, default=100),), source="goto.mdx"),
    "transfer": Semantics(flow=TRANSFER, addresses=(Address(("dest",), DESTINATION),), source="transfer.mdx"),
    "execute": Semantics(flow=EXECUTE, sets=(Variable("return_value"),),
                         addresses=(Address(("dest",), DESTINATION),), source="execute.mdx"),
    "return": Semantics(flow=RETURN, sets=(Variable("return_value"),), source="return.mdx"),
    "switch": Semantics(flow=BRANCH, source="switch.mdx"),
    "cond": Semantics(flow=BRANCH, source="cond.mdx"),
    "set": Semantics(sets_unknown=True, source="set.mdx"),
    "unset": Semantics(source="unset.mdx"),
    "sleep": Semantics(numbers=(Number(("duration",), "duration", "ms", 0, None, (-1,), True),
                                Number((), "duration", "ms", 0, None, (-1,), True)), source="sleep.mdx"),
    "play": Semantics(numbers=(_VOLUME,), addresses=_urls("status_url"), source="play/index.mdx"),
    "prompt": Semantics(
        sets=(Variable("prompt_result", ("match_digits", "match_speech", "no_match", "no_input", "failed")),
              Variable("prompt_value"), Variable("prompt_digit_terminator"),
              Variable("prompt_speech_confidence")),
        outcome="prompt_result", outcomes=("match_digits", "match_speech", "no_match", "no_input", "failed"),
        outside=True,
        numbers=(_VOLUME, Number(("max_digits",), "count", "", 1))
        + _seconds("digit_timeout", "initial_timeout", "speech_timeout", "speech_end_timeout"),
        addresses=_urls("status_url"), source="prompt.mdx"),
    "record": Semantics(
        sets=(Variable("record_url"), Variable("record_result", _SUCCESS)),
        outcome="record_result", outcomes=_SUCCESS, outside=True,
        numbers=(_SENSITIVITY,) + _seconds("initial_timeout", "end_silence_timeout", "max_length"),
        addresses=_urls("status_url"), source="record.mdx"),
    "record_call": Semantics(
        sets=(Variable("record_call_url"), Variable("record_call_result", _SUCCESS), Variable("record_control_id")),
        outcome="record_call_result", outcomes=_SUCCESS,
        numbers=(_SENSITIVITY,) + _seconds("initial_timeout", "end_silence_timeout", "max_length"),
        addresses=_urls("status_url"), starts="recording", source="record_call.mdx"),
    "stop_record_call": Semantics(sets=(Variable("stop_record_call_result", _SUCCESS),),
                                  stops="recording", source="stop_record_call.mdx"),
    "connect": Semantics(
        sets=(Variable("connect_result", ("connected", "failed")), Variable("connect_failed_reason"),
              Variable("return_value", ("connected", "failed"))),
        outcome="connect_result", outcomes=("connected", "failed"), outside=True,
        numbers=tuple(Number(p + (n,), "duration", "s", 0)
                      for p in _DIAL_PLACES for n in ("timeout", "max_duration", "confirm_timeout"))
        + (Number(("session_timeout",), "duration", "s", 0, None, (), True),),
        addresses=tuple(Address(p + ("to",), DIAL) for p in _DIAL_PLACES)
        + tuple(Address(p + ("from",), CALLER_ID) for p in _DIAL_PLACES)
        + tuple(Address(p + (n,), URL) for p in _DIAL_PLACES for n in ("status_url", "call_state_url")),
        source="connect/index.mdx"),
    "request": Semantics(
        sets=(Variable("request_url"), Variable("request_result", _SUCCESS), Variable("return_value", _SUCCESS),
              Variable("request_response_code"), Variable("request_response_headers.", prefix=True),
              Variable("request_response_body"), Variable("request_response.", prefix=True)),
        outcome="request_result", outcomes=_SUCCESS, outside=True,
        numbers=_seconds("timeout", "connect_timeout"), addresses=_urls("url"), source="request.mdx"),
    "detect_machine": Semantics(
        sets=(Variable("detect_result", ("machine", "human", "fax", "unknown", "detecting", "error")),
              Variable("detect_machine_beep", ("true", "false")), Variable("detect_ms")),
        outcome="detect_result", outcomes=("human", "machine", "fax", "unknown", "error"), outside=True,
        numbers=_seconds("end_silence_timeout", "initial_timeout", "machine_ready_timeout",
                         "machine_voice_threshold", "timeout")
        + (Number(("machine_words_threshold",), "count", "", 1),),
        addresses=_urls("status_url"), source="detect_machine.mdx"),
    "enter_queue": Semantics(
        sets=(Variable("queue_result", ("entering", "connecting", "connected", "leaving", "timeout",
                                        "hangup", "failed")),
              Variable("wait_time"), Variable("entry_position"), Variable("entry_size")),
        outcome="queue_result", outcomes=("connected", "timeout", "hangup", "failed", "leaving"), outside=True,
        numbers=_seconds("wait_time"), addresses=_urls("status_url", "wait_url"), source="enter_queue.mdx"),
    "join_conference": Semantics(
        sets=(Variable("join_conference_result", ("completed", "answered", "no-answer", "failed", "canceled")),
              Variable("return_value", ("completed", "answered", "no-answer", "failed", "canceled"))),
        outcome="join_conference_result", outcomes=("completed", "answered", "no-answer", "failed", "canceled"),
        outside=True, numbers=(Number(("max_participants",), "count", "", 1),),
        addresses=_urls("wait_url", "status_callback", "recording_status_callback"),
        source="join_conference.mdx"),
    "join_room": Semantics(sets=(Variable("join_room_result", ("joined", "failed")),),
                           outcome="join_room_result", outcomes=("joined", "failed"), outside=True,
                           source="join_room.mdx"),
    "pay": Semantics(
        sets=(Variable("pay_result", ("success", "too-many-failed-attempts", "payment-connector-error",
                                      "caller-interrupted-with-star", "relay-pay-stop", "caller-hung-up",
                                      "validation-error", "internal-error")),
              Variable("pay_payment_results"), Variable("pay_payment_results.", prefix=True)),
        outcome="pay_result", outcomes=("success", "too-many-failed-attempts", "payment-connector-error",
                                        "caller-interrupted-with-star", "caller-hung-up", "validation-error",
                                        "internal-error"),
        outside=True, numbers=(Number(("max_attempts",), "count", "", 1),
                               Number(("min_postal_code_length",), "count", "", 0))
        + _seconds("timeout"),
        addresses=_urls("payment_connector_url", "status_url"), source="pay/index.mdx"),
    "ai": Semantics(sets_unknown=True, outside=True, outcomes=("finished",), source="ai/index.mdx"),
    "ai_sidecar": Semantics(sets_unknown=True, source="ai_sidecar/index.mdx"),
    "amazon_bedrock": Semantics(sets_unknown=True, outside=True, outcomes=("finished",),
                                source="bedrock/index.mdx"),
    "denoise": Semantics(sets=(Variable("denoise_result", ("on", "failed")),), source="denoise.mdx"),
    "stop_denoise": Semantics(sets=(Variable("denoise_result", ("off",)),), source="stop_denoise.mdx"),
    "receive_fax": Semantics(
        sets=tuple(Variable(f"receive_fax_{n}") for n in ("document", "identity", "remote_identity", "pages",
                                                          "result_code", "result_text"))
        + (Variable("receive_fax_result", _SUCCESS),),
        outcome="receive_fax_result", outcomes=_SUCCESS, outside=True,
        addresses=_urls("status_url"), source="receive_fax.mdx"),
    "send_fax": Semantics(
        sets=tuple(Variable(f"send_fax_{n}") for n in ("document", "identity", "remote_identity", "pages",
                                                       "result_code", "result_text"))
        + (Variable("send_fax_result", _SUCCESS),),
        outcome="send_fax_result", outcomes=_SUCCESS, outside=True,
        addresses=_urls("document", "status_url"), source="send_fax.mdx"),
    "send_sms": Semantics(sets=(Variable("send_sms_result", _SUCCESS),), outcome="send_sms_result",
                          outcomes=_SUCCESS,
                          addresses=(Address(("to_number",), PHONE), Address(("from_number",), PHONE)),
                          source="send_sms.mdx"),
    "send_digits": Semantics(sets=(Variable("send_digits_result", _SUCCESS),), outcome="send_digits_result",
                             outcomes=_SUCCESS, source="send_digits.mdx"),
    "sip_refer": Semantics(
        sets=(Variable("sip_refer_to"), Variable("sip_refer_result"), Variable("return_value"),
              Variable("sip_refer_response_code"), Variable("sip_refer_to_response_code")),
        outcome="sip_refer_result", outside=True,
        addresses=(Address(("to_uri",), SIP), Address(("status_url",), URL)), source="sip_refer.mdx"),
    "tap": Semantics(
        sets=(Variable("tap_uri"), Variable("tap_result", _SUCCESS), Variable("tap_control_id"),
              Variable("tap_rtp_src_addr"), Variable("tap_rtp_src_port"), Variable("tap_ptime"),
              Variable("tap_codec"), Variable("tap_rate")),
        outcome="tap_result", outcomes=_SUCCESS, addresses=_urls("status_url"), starts="tap", source="tap.mdx"),
    "stop_tap": Semantics(sets=(Variable("stop_tap_result", _SUCCESS),), stops="tap", source="stop_tap.mdx"),
    "stream": Semantics(sets=(Variable("stream_result", _SUCCESS),), outcome="stream_result", outcomes=_SUCCESS,
                        starts="stream", source="stream.mdx"),
    "stop_stream": Semantics(sets=(Variable("stop_stream_result", _SUCCESS),), stops="stream",
                             source="stop_stream.mdx"),
    "transcribe": Semantics(sets=(Variable("transcribe_result", _SUCCESS), Variable("transcribe_control_id")),
                            starts="transcription", source="transcribe.mdx"),
    "transcribe_stop": Semantics(sets=(Variable("transcribe_stop_result", _SUCCESS),), stops="transcription",
                                 source="transcribe_stop.mdx"),
    "live_transcribe": Semantics(source="live_transcribe/index.mdx"),
    "live_translate": Semantics(source="live_translate/index.mdx"),
    "user_event": Semantics(source="user_events.mdx"),
}

#: Variables every call has before the first step (the ``call``, ``params``, ``envs`` and
#: ``vars`` scopes of the webhook payload, overview.mdx), and the text-to-speech settings that
#: ``play`` and ``prompt`` read when the script sets them.
CALL_SCOPES = ("call", "params", "envs", "vars")
