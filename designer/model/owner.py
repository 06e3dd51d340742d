"""Whether the process that wrote a recovery copy is still running (plain Python, no Qt).

A recovery copy is offered back as soon as its writer is gone, not after a delay: a person who
restarts the designer right after a crash must get the work back. The copy records the writer's
process id and, where the system tells it (Linux ``/proc``), the process start time, so a new
process that happens to get the same id is not taken for the writer.
"""

from __future__ import annotations

import os


def start_token(pid: int) -> str | None:
    """The start time of process ``pid`` (clock ticks since boot) where ``/proc`` has it."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return fields[19]  # field 22 of stat, counted after the command name
    except (OSError, IndexError):
        return None


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (OSError, IndexError):
        return False


def me() -> dict[str, object]:
    """What identifies this process in a recovery copy."""
    return {"pid": os.getpid(), "started": start_token(os.getpid())}


def is_running(pid: object, started: object = None) -> bool:
    """Whether the process recorded as (``pid``, ``started``) is still running."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    if pid == os.getpid():
        return started is None or started == start_token(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    except OSError:
        return False
    if _zombie(pid):
        return False  # killed, not yet reaped by its parent
    now = start_token(pid)
    return started is None or now is None or now == started
