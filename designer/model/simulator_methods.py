"""What each calling method does to a simulated call: what the caller hears, what it sets.

One function per method in :data:`METHODS`; a method without one runs :func:`generic`, which
reads the shared semantics table: it asks the outside world for the method's outcome (when the
table names one) and sets every variable the table lists, with believable values from
:func:`simulated_value`. So a method added to the table is simulated without a line here.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Callable

from designer.model import semantics as sem
from designer.model.jsengine import to_text
from designer.model.simulator_events import END_HANGUP, END_TRANSFER, SimEvent, describe_play

if TYPE_CHECKING:
    from designer.model.document import Step
    from designer.model.simulator import Simulator

#: What can happen when ``connect`` dials, and what SignalWire then sets (``connect_result``,
#: ``connect_failed_reason``). The results are the connect page's; the reasons use the words
#: of its call-state payload (``end_reason``: busy, no_answer, declined, error).
CONNECT_CHOICES = {"answered": ("connected", ""), "busy": ("failed", "busy"),
                   "no answer": ("failed", "no_answer"), "declined": ("failed", "declined"),
                   "failed": ("failed", "error")}


#: ``execute`` of a script elsewhere (a URL): it comes back, or the call ends there.
EXECUTE_CHOICES = ("returned", "hung up")


def outcome_choices(method: str) -> list[str]:
    """What the outside world can do at ``method`` (empty when nothing is asked there)."""
    if method == "connect":
        return list(CONNECT_CHOICES) + ["connected"]
    if method == "execute":
        return list(EXECUTE_CHOICES)
    if method in ("record_call", "record"):
        return ["success", "failed"]
    if method == "request":
        return ["success", "failed"]
    return list(sem.semantics(method).outcomes)


def check_outcomes(outcomes: dict[str, list[str]]) -> None:
    """Refuse an outcome a method cannot have (``connect=bussy``), naming the ones it can.

    Raises:
        ValueError: with the method, the value and the choices.
    """
    for method, values in outcomes.items():
        if method == "prompt":
            raise ValueError("a prompt gets what the caller does: give it as an input "
                             "(keys, speech:WORDS or 'no input'), not as an outcome")
        choices = outcome_choices(method)
        if not choices:
            raise ValueError(f"'{method}' does not depend on the outside world: no outcome to give")
        for value in values:
            if value not in choices:
                raise ValueError(f"'{value}' is not an outcome of {method}; it can be "
                                 + ", ".join(choices))


# ----------------------------------------------------------------------------- what is heard
def play_items(value: Any) -> list[dict[str, Any]]:
    """Heard items from a ``play`` URL or list (already substituted), in order."""
    urls = value if isinstance(value, list) else [value]
    items: list[dict[str, Any]] = []
    for url in urls:
        if url in (None, ""):
            continue
        text = to_text(url)
        low = text.lower()
        if low.startswith("say:"):
            items.append({"say": text[4:].strip()})
        elif low.startswith("silence:"):
            items.append({"silence": _number(text.split(":", 1)[1])})
        elif low.startswith("ring:"):
            parts = text.split(":")
            items.append({"ring": _number(parts[1]) if len(parts) == 3 else None})
        else:
            items.append({"url": text})
    return items


def _number(text: str) -> Any:
    try:
        value = float(text.strip())
    except ValueError:
        return text.strip()
    return int(value) if value.is_integer() else value


def _heard_core(items: list[dict[str, Any]]) -> str:
    return "Caller hears " + ", then ".join(describe_play(i) for i in items)


def _heard_text(items: list[dict[str, Any]]) -> str:
    """A sentence; a quotation already closes it (“Goodbye.” needs no second stop)."""
    text = _heard_core(items)
    return text if text.endswith("\u201d") else text + "."


def run_play(sim: "Simulator", step: "Step") -> SimEvent:
    source = step.get(("urls",)) if step.has(("urls",)) else step.get(("url",))
    items = play_items(sim.sub(source))
    return sim.event(step, _heard_text(items) if items else "Plays nothing.", items)


def run_sleep(sim: "Simulator", step: "Step") -> SimEvent:
    value = step.get(("duration",)) if isinstance(step.params, dict) else step.params
    value = sim.sub(value)
    try:
        ms = float(value)
    except (TypeError, ValueError):
        ms = 0
    if ms < 0:
        return sim.event(step, "Waits for ever (until the caller hangs up).")
    item = {"silence": _number(str(ms / 1000))}
    return sim.event(step, f"Waits: caller hears {describe_play(item)}.", [item])


# ----------------------------------------------------------------------------- caller input
def _speech_enabled(params: dict[str, Any]) -> bool:
    return any(k in params for k in ("speech_timeout", "speech_end_timeout", "speech_language",
                                     "speech_hints"))


def _digits_enabled(params: dict[str, Any]) -> bool:
    return not _speech_enabled(params) or any(
        k in params for k in ("max_digits", "terminators", "digit_timeout", "initial_timeout"))


def run_prompt(sim: "Simulator", step: "Step") -> SimEvent:
    params = sim.sub(step.params) if isinstance(step.params, dict) else {}
    items = play_items(params.get("play"))
    heard = _heard_core(items) + "; " if items else ""
    asked = (_heard_core(items) + ", then is asked to press keys or speak."
             if items else "The caller is asked to press keys or speak.")
    entry = sim.take_input(step, asked)
    values: dict[str, Any] = {"prompt_value": "", "prompt_digit_terminator": "",
                              "prompt_speech_confidence": ""}
    if entry is None:
        values["prompt_result"] = "no_input"
        return sim.event(step, heard + "the caller does nothing: no input.", items, values)
    if entry.speech:
        if not _speech_enabled(params):
            values["prompt_result"] = "no_input"
            return sim.event(step, heard + f"the caller {entry.describe()}, but this prompt only "
                             "listens for keys: no input.", items, values)
        values.update(prompt_result="match_speech", prompt_value=entry.speech,
                      prompt_speech_confidence=0.92)
        return sim.event(step, heard + f"the caller {entry.describe()}.", items, values)
    if not _digits_enabled(params):
        values["prompt_result"] = "no_input"
        return sim.event(step, heard + f"the caller {entry.describe()}, but this prompt only "
                         "listens for speech: no input.", items, values)
    terminators = str(params.get("terminators") or "")
    max_digits = params.get("max_digits", 1)
    max_digits = int(max_digits) if isinstance(max_digits, (int, float)) and max_digits > 0 else 1
    collected = ""
    for key in entry.digits:
        if key in terminators:
            values["prompt_digit_terminator"] = key
            break
        collected += key
        if len(collected) >= max_digits:
            break
    values["prompt_value"] = collected
    values["prompt_result"] = "match_digits" if collected else "no_match"
    return sim.event(step, heard + f"the caller {entry.describe()}.", items, values)


# ----------------------------------------------------------------------------- variables
def run_set(sim: "Simulator", step: "Step") -> SimEvent:
    if not isinstance(step.params, dict):
        return sim.event(step, "Sets nothing.")
    values: dict[str, Any] = {}
    for name, value in step.params.items():
        # Each value sees the ones set before it in the same step (the reference's example
        # computes tax from a subtotal set just above).
        values[name] = sim.sub(value)
        sim.state.vars[name] = values[name]
    shown = ", ".join(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in values.items())
    return sim.event(step, f"Sets {shown}.", sets=values)


def run_unset(sim: "Simulator", step: "Step") -> SimEvent:
    if not isinstance(step.params, (list, str)):
        return sim.event(step, "Forgets nothing (unset takes a variable name or a list of names).")
    names = step.params if isinstance(step.params, list) else [step.params]
    for name in names:
        sim.state.vars.pop(str(name), None)
    return sim.event(step, "Forgets " + ", ".join(str(n) for n in names) + ".")


# ----------------------------------------------------------------------------- the world
def run_answer(sim: "Simulator", step: "Step") -> SimEvent:
    sim.state.call["call_state"] = "answered"
    return sim.event(step, "Answers the call.")


def run_record_call(sim: "Simulator", step: "Step") -> SimEvent:
    params = sim.sub(step.params) if isinstance(step.params, dict) else {}
    result = sim.outcome(step, ["success", "failed"], "success", "Does the recording start?")
    number = sim.count("recording")
    control = str(params.get("control_id") or f"recording-{number}")
    fmt = str(params.get("format") or "wav")
    url = f"https://files.signalwire.com/{sim.state.call.get('space_id', 'space')}/recordings/{control}.{fmt}"
    beep = params.get("beep") is True or str(params.get("beep")).lower() == "true"
    values = {"record_call_url": url if result == "success" else "", "record_call_result": result,
              "record_control_id": control}
    if result != "success":
        return sim.event(step, "The recording could not start.", sets=values)
    sim.background.append(f"recording {control}")
    return sim.event(step, "Recording started" + ("; the caller hears a beep." if beep else "."),
                     sets=values)


def run_stop_record_call(sim: "Simulator", step: "Step") -> SimEvent:
    control = step.get(("control_id",))
    running = [b for b in sim.background if b.startswith("recording ")]
    if control:
        running = [b for b in running if b == f"recording {control}"]
    if not running:
        return sim.event(step, "No recording is running to stop.",
                         sets={"stop_record_call_result": "failed"})
    sim.background.remove(running[-1])
    return sim.event(step, "Recording stopped.", sets={"stop_record_call_result": "success"})


def run_record(sim: "Simulator", step: "Step") -> SimEvent:
    params = sim.sub(step.params) if isinstance(step.params, dict) else {}
    result = sim.outcome(step, ["success", "failed"], "success", "Is the message recorded?")
    number = sim.count("record")
    fmt = str(params.get("format") or "wav")
    url = f"https://files.signalwire.com/{sim.state.call.get('space_id', 'space')}/recordings/message-{number}.{fmt}"
    values = {"record_url": url if result == "success" else "", "record_result": result}
    beep = params.get("beep") is True or str(params.get("beep")).lower() == "true"
    text = ("Records the caller's message" + ("; the caller hears a beep first." if beep else ".")
            if result == "success" else "The recording failed.")
    return sim.event(step, text, sets=values)


def run_connect(sim: "Simulator", step: "Step") -> SimEvent:
    params = sim.sub(step.params) if isinstance(step.params, dict) else {}
    who = params.get("to") or "the destinations"
    choice = sim.outcome(step, list(CONNECT_CHOICES), "answered", f"Dialling {who}: what happens?")
    result, reason = CONNECT_CHOICES.get(choice, ("connected", "") if choice == "connected"
                                         else ("failed", choice))
    values = {"connect_result": result, "connect_failed_reason": reason, "return_value": result}
    if result != "connected":
        return sim.event(step, f"Dials {who}: {choice}.", sets=values)
    after = params.get("transfer_after_bridge")
    if after:
        # The connect page: once the bridged call ends, this SWML runs instead of the script.
        event = sim.event(step, f"Dials {who}: answered. When that call ends, the call goes "
                          f"on at {after}.", sets=values)
        sim.finish(END_TRANSFER, f"Transferred after the connected call to {after}", step)
        return event
    return sim.event(step, f"Dials {who}: answered, the caller talks to them until that call "
                     "ends.", sets=values)


def run_enter_queue(sim: "Simulator", step: "Step") -> SimEvent:
    """Waits in a queue; once an agent has talked to the caller, ``transfer_after_bridge``
    runs (the enter_queue page), so the script is left."""
    params = sim.sub(step.params) if isinstance(step.params, dict) else {}
    facts = sem.semantics("enter_queue")
    queue = params.get("queue_name") or "the queue"
    result = sim.outcome(step, list(facts.outcomes), "connected", f"Waiting in {queue}: what happens?")
    values = {"queue_result": result, "wait_time": 30, "entry_position": 1, "entry_size": 1}
    if result == "connected":
        after = params.get("transfer_after_bridge") or "the script given by transfer_after_bridge"
        event = sim.event(step, f"Waits in {queue}; an agent answers. After that call, the call "
                          f"goes on at {after}.", sets=values)
        sim.finish(END_TRANSFER, f"Transferred after the queue to {after}", step)
        return event
    if result == "hangup":
        event = sim.event(step, f"Waits in {queue}; the caller hangs up.", sets=values)
        sim.finish(END_HANGUP, "The caller hung up while waiting in the queue.", step)
        return event
    return sim.event(step, f"Waits in {queue}: {result}.", sets=values)


def run_request(sim: "Simulator", step: "Step") -> SimEvent:
    params = sim.sub(step.params) if isinstance(step.params, dict) else {}
    url = str(params.get("url") or "")
    result = sim.outcome(step, ["success", "failed"], "success", f"Request to {url}: does it succeed?")
    values: dict[str, Any] = {"request_url": url, "request_result": result, "return_value": result}
    if result == "success":
        values.update(request_response_code=200, request_response_body="{}", request_response={})
        text = f"Sends a request to {url}: it answers 200 with an empty JSON body."
    else:
        values.update(request_response_code="", request_response_body="")
        text = f"Sends a request to {url}: it fails."
    return sim.event(step, text, sets=values)


def generic(sim: "Simulator", step: "Step") -> SimEvent:
    """Any other method, by the semantics table: outcome asked or defaulted, variables set."""
    facts = sem.semantics(step.method)
    result = ""
    if facts.outcome and facts.outcomes:
        result = sim.outcome(step, list(facts.outcomes), facts.outcomes[0],
                             f"{step.method}: what happens?")
    elif facts.outside and facts.outcomes:
        result = sim.outcome(step, list(facts.outcomes), facts.outcomes[0],
                             f"{step.method}: what happens?")
    values: dict[str, Any] = {}
    for variable in facts.sets:
        if variable.prefix:
            continue
        if variable.name == facts.outcome or (variable.name == "return_value" and result):
            values[variable.name] = result or (variable.values[0] if variable.values else "")
        else:
            values[variable.name] = simulated_value(sim, step, variable)
    text = _generic_text(step.method, facts, result)
    if facts.starts:
        sim.background.append(facts.starts)
    if facts.stops and facts.stops in sim.background:
        sim.background.remove(facts.stops)
    return sim.event(step, text, sets=values)


def _generic_text(method: str, facts: sem.Semantics, result: str) -> str:
    name = method.replace("_", " ")
    if method in ("ai", "amazon_bedrock"):
        return "An AI agent talks with the caller (its conversation is not simulated)."
    if facts.starts:
        return f"Starts {facts.starts}" + (f": {result}." if result else ".")
    if facts.stops:
        return f"Stops {facts.stops}."
    return f"Runs {name}" + (f": {result}." if result else ".")


def simulated_value(sim: "Simulator", step: "Step", variable: sem.Variable) -> Any:
    """A believable value for a variable nobody chooses (a fax page count, a control id)."""
    name = variable.name
    if name.endswith("_control_id"):
        return f"{step.method}-{sim.count(step.method)}"
    if name.endswith("_url") or name.endswith("_uri") or name.endswith("_document"):
        return f"https://files.signalwire.com/{sim.state.call.get('space_id', 'space')}/{step.method}/" \
               f"{step.method}-{sim.count(step.method + name)}"
    if name.endswith("_pages"):
        return 1
    if name.endswith("_code"):
        return 200
    if name in ("wait_time", "detect_ms"):
        return 1500 if name == "detect_ms" else 30
    if name in ("entry_position", "entry_size"):
        return 1
    if variable.values:
        return variable.values[0]
    return ""


METHODS: dict[str, Callable[["Simulator", "Step"], SimEvent]] = {
    "answer": run_answer,
    "play": run_play,
    "sleep": run_sleep,
    "prompt": run_prompt,
    "set": run_set,
    "unset": run_unset,
    "record_call": run_record_call,
    "stop_record_call": run_stop_record_call,
    "record": run_record,
    "connect": run_connect,
    "enter_queue": run_enter_queue,
    "request": run_request,
}


def run(sim: "Simulator", step: "Step") -> SimEvent:
    """Run one step of a method that goes on to the next step."""
    if step.method == "label":
        return sim.event(step, f'Reaches the label "{step.params}".')
    return METHODS.get(step.method, generic)(sim, step)
