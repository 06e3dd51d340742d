"""The fitted ``record_call`` panel: which fields go together, in the order people think of them.

The editors themselves come from the hints (format combo, direction radios, sensitivity slider,
stop keys limited to 0-9 * #, seconds after the timeouts); this module only groups them.
"""

from __future__ import annotations

SECTIONS: list[tuple[str, list[str]]] = [
    ("Recording", ["format", "direction", "beep", "stereo"]),
    ("When to stop", ["terminators", "initial_timeout", "end_silence_timeout", "max_length"]),
    ("Advanced", ["input_sensitivity", "control_id", "status_url"]),
]
