"""Which fields each fitted panel shows, grouped and in the order a person thinks of them.

A section lists dotted field paths (``"params.ai_model"``). Sections marked folded start closed
unless one of their fields is set. Fields no section names still appear, after the named ones,
so a newer schema's fields are never hidden. Only grouping lives here; editors come from hints.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    title: str
    paths: tuple[str, ...]
    folded: bool = False


@dataclass(frozen=True)
class Panel:
    sections: tuple[Section, ...]
    #: Fields shown by another field's editor (``play.url`` in the ``urls`` list).
    merged: dict[str, str] = field(default_factory=dict)


def _s(title: str, paths: str, folded: bool = False) -> Section:
    return Section(title, tuple(paths.split()), folded)


_AI_VOICE = ("ai_volume eleven_labs_stability eleven_labs_similarity max_emotion tts_number_format "
             "static_greeting static_greeting_no_barge background_file background_file_volume "
             "background_file_loops hold_music hold_on_process openai_asr_engine energy_level "
             "asr_smart_format asr_diarize asr_speaker_affinity llm_diarize_aware")
_AI_TIMING = ("attention_timeout attention_timeout_prompt inactivity_timeout outbound_attention_timeout "
              "end_of_speech_timeout first_word_timeout speech_event_timeout speech_timeout "
              "turn_detection_timeout enable_turn_detection digit_timeout digit_terminators "
              "initial_sleep_ms hard_stop_time hard_stop_prompt input_poll_freq")
_AI_BEHAVIOUR = ("ai_name wake_prefix wait_for_user speak_when_spoken_to start_paused enable_pause "
                 "enable_barge barge_match_string barge_min_words barge_functions transparent_barge "
                 "transparent_barge_max_time interrupt_on_noise interrupt_prompt acknowledge_interruptions "
                 "conscience local_tz languages_enabled direction save_conversation conversation_id "
                 "functions_on_no_response function_wait_for_talking")
_AI_MODEL = ("ai_model thinking_model enable_thinking vision_model enable_vision max_response_tokens "
             "conversation_sliding_window inner_dialog_model inner_dialog_prompt enable_inner_dialog "
             "inner_dialog_synced cache_mode pom_format")


def _params(names: str) -> str:
    return " ".join(f"params.{n}" for n in names.split())


PANELS: dict[str, Panel] = {
    "record_call": Panel((
        _s("Recording", "format direction beep stereo"),
        _s("When to stop", "terminators initial_timeout end_silence_timeout max_length"),
        _s("Advanced", "input_sensitivity control_id status_url"))),
    "play": Panel((
        _s("What to play", "urls"),
        _s("Speech", "say_voice say_language say_gender"),
        _s("Playback", "volume auto_answer status_url")), {"url": "urls"}),
    "stop_record_call": Panel((_s("Recording to stop", "control_id"),)),
    "connect": Panel((
        _s("Call a number or address", "to"),
        _s("Or try several", "serial"),
        _s("Calling", "from timeout answer_on_bridge max_duration"),
        _s("Advanced", "headers ringback confirm confirm_timeout transfer_after_bridge call_state_url "
                       "call_state_events codecs webrtc_media session_timeout username password encryption",
           folded=True)), {"parallel": "serial", "serial_parallel": "serial"}),
    "ai": Panel((
        _s("Prompt", "prompt"),
        _s("Functions (SWAIG)", "SWAIG.functions SWAIG.defaults.web_hook_url"),
        _s("Summary after the call", "post_prompt post_prompt_url", folded=True),
        _s("Languages and words", "languages hints pronounce", folded=True),
        _s("Voice and sound", _params(_AI_VOICE), folded=True),
        _s("Timing", _params(_AI_TIMING), folded=True),
        _s("Behaviour", _params(_AI_BEHAVIOUR), folded=True),
        _s("AI model", _params(_AI_MODEL), folded=True),
        _s("More functions", "SWAIG.native_functions SWAIG.includes SWAIG.internal_fillers", folded=True),
        _s("Data", "global_data", folded=True))),
    "prompt": Panel((
        _s("What to play", "play"),
        _s("Key presses", "max_digits terminators digit_timeout initial_timeout"),
        _s("Speech", "speech_hints speech_language speech_timeout speech_end_timeout speech_engine", folded=True),
        _s("Voice", "say_voice say_language say_gender volume status_url", folded=True)),
        {"url": "play"}),
    "transfer": Panel((_s("Destination", "dest"), _s("Values to pass", "params"),
                       _s("Advanced", "meta", folded=True))),
    "execute": Panel((_s("Destination", "dest"), _s("Values to pass", "params"),
                      _s("Advanced", "meta", folded=True))),
    "request": Panel((
        _s("Request", "url method"),
        _s("Headers", "headers"),
        _s("Body", "body"),
        _s("Answer", "save_variables timeout connect_timeout"))),
    "live_transcribe": Panel((_s("Transcription", "action"),)),
    "live_translate": Panel((_s("Translation", "action"),)),
    "pay": Panel((
        _s("Payment", "payment_connector_url charge_amount currency description payment_method token_type"),
        _s("What to ask", "security_code postal_code min_postal_code_length valid_card_types"),
        _s("Prompts", "prompts", folded=True),
        _s("Parameters", "parameters", folded=True))),
}
