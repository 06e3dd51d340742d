"""Plain-language names for SWML methods, and the words people search for them by.

The people who build call flows (support leads, office managers) think "play a message" or
"voicemail", not ``play`` or ``record``. Blocks, the palette, problem locations and search all
read the titles here, so the same method is called the same thing everywhere. The method name
itself stays visible next to the title (smaller), so the SWML a programmer reads still matches.

Covers every method of the bundled schema plus the few only the newer calling schema knows;
an unknown method falls back to its own name in plain words, never to nothing.
"""

from __future__ import annotations

#: method -> (title, task words). Task words are what a person might type to find the block.
_TITLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "answer": ("Answer the call", ("pick up", "start", "incoming")),
    "hangup": ("Hang up", ("end call", "finish", "disconnect", "bye")),
    "play": ("Play a message", ("say", "speak", "greeting", "announcement", "audio", "music",
                                "hold music", "text to speech", "tts")),
    "prompt": ("Ask for a key press", ("menu", "key press", "keypad", "digits", "dtmf", "ivr",
                                       "press 1", "speech input", "collect", "gather")),
    "record": ("Record a message", ("voicemail", "leave a message", "record", "audio")),
    "record_call": ("Record the call", ("recording", "call recording", "compliance", "audio")),
    "stop_record_call": ("Stop recording the call", ("recording", "end recording")),
    "connect": ("Call a number", ("forward", "dial", "transfer to phone", "ring", "bridge",
                                  "sip", "agent", "call forwarding", "phone number")),
    "sip_refer": ("Hand off to a SIP address", ("forward", "sip", "refer", "transfer")),
    "transfer": ("Go to a section", ("forward", "jump", "webhook", "url", "menu section",
                                     "transfer", "hand over")),
    "execute": ("Run a section, then return", ("subroutine", "menu", "reuse", "call section",
                                                "section")),
    "goto": ("Go back to a label", ("loop", "repeat", "jump", "retry", "again")),
    "label": ("Label a point to go back to", ("loop", "repeat", "marker", "bookmark")),
    "return": ("Finish this section", ("return", "exit", "done", "back")),
    "switch": ("Choose by a value", ("menu", "branch", "key press", "options", "choice",
                                     "case", "if")),
    "cond": ("Choose by a condition", ("if", "else", "business hours", "opening hours",
                                       "time of day", "branch", "rule", "condition")),
    "sleep": ("Wait", ("pause", "delay", "silence", "timer")),
    "set": ("Remember values", ("variable", "store", "save value", "counter")),
    "unset": ("Forget values", ("variable", "clear", "remove value", "reset")),
    "request": ("Ask a web service", ("http", "webhook", "api", "lookup", "crm", "fetch",
                                      "url", "post", "get")),
    "user_event": ("Send an event to the app", ("event", "notify", "client", "browser")),
    "send_sms": ("Send a text message", ("sms", "mms", "text", "message", "notify")),
    "send_digits": ("Send key presses", ("dtmf", "digits", "tones", "extension")),
    "denoise": ("Reduce background noise", ("noise", "audio quality", "clean")),
    "stop_denoise": ("Stop reducing noise", ("noise", "audio quality")),
    "live_transcribe": ("Write down the call live", ("transcribe", "transcript", "captions",
                                                     "speech to text")),
    "live_translate": ("Translate the call live", ("translate", "language", "interpreter")),
    "transcribe": ("Write down the call", ("transcribe", "transcript", "speech to text")),
    "transcribe_stop": ("Stop writing down the call", ("transcribe", "transcript")),
    "join_room": ("Join a video room", ("room", "video", "meeting", "conference")),
    "join_conference": ("Join a conference call", ("conference", "meeting", "group call",
                                                   "bridge")),
    "enter_queue": ("Wait in a queue", ("queue", "hold", "call center", "waiting line",
                                        "agent")),
    "detect_machine": ("Detect answering machine", ("voicemail", "machine", "amd", "fax",
                                                       "human or machine")),
    "receive_fax": ("Receive a fax", ("fax", "document")),
    "send_fax": ("Send a fax", ("fax", "document")),
    "pay": ("Take a payment", ("payment", "credit card", "card", "billing", "checkout")),
    "tap": ("Stream the call audio out", ("tap", "stream", "websocket", "monitor", "rtp")),
    "stop_tap": ("Stop streaming the audio", ("tap", "stream")),
    "stream": ("Stream the call audio out", ("stream", "websocket", "monitor")),
    "stop_stream": ("Stop streaming the audio", ("stream",)),
    "ai": ("AI agent", ("assistant", "bot", "virtual agent", "llm", "chatbot", "receptionist",
                        "conversation")),
    "ai_sidecar": ("AI helper beside the call", ("assistant", "copilot", "transcribe", "llm",
                                                 "sidecar")),
    "amazon_bedrock": ("Amazon Bedrock AI agent", ("assistant", "bot", "aws", "llm",
                                                   "bedrock")),
}


def block_title(method: str) -> str:
    """The plain title of ``method`` ("Record the call"); unknown names in plain words."""
    entry = _TITLES.get(method)
    if entry:
        return entry[0]
    return method.replace("_", " ").strip().capitalize() or method


def search_words(method: str) -> tuple[str, ...]:
    """Task words a person may type to find ``method`` (menu, voicemail...); may be empty."""
    entry = _TITLES.get(method)
    return entry[1] if entry else ()


def known_methods() -> tuple[str, ...]:
    """Every method that has a hand-written title (for tests that check coverage)."""
    return tuple(_TITLES)


def matches(method: str, text: str) -> bool:
    """Whether a search ``text`` finds ``method`` by its name, title or task words.

    Every word typed must appear somewhere (case-insensitive), so "key press" and "press key"
    both find ``prompt``, and "record" finds both recording blocks.
    """
    words = text.lower().split()
    if not words:
        return True
    haystack = " ".join((method, method.replace("_", " "), block_title(method),
                         *search_words(method))).lower()
    return all(w in haystack for w in words)
