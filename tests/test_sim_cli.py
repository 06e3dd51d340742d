"""`swml-designer simulate` and `swml-designer test`: the bundled examples played from a shell."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from designer import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"
IVR = str(EXAMPLES / "ivr-menu.yaml")
MENU = "Press 1 for sales, 2 for support, or 3 to leave a message."


def simulate_json(capsys, *args: str) -> tuple[int, dict]:
    code = cli.main(["simulate", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def heard(result: dict) -> list[str]:
    return [item["say"] for e in result["events"] for item in e.get("play", []) if "say" in item]


def test_ivr_menu_pressing_2_reaches_support(capsys):
    code, result = simulate_json(capsys, IVR, "--input", "2")
    assert code == 0
    assert heard(result) == [MENU, "Connecting you to support."]
    assert result["events"][2] == {
        "path": "sections.main[2]", "method": "prompt", "text": result["events"][2]["text"],
        "play": [{"say": MENU}],
        "set": {"prompt_value": "2", "prompt_digit_terminator": "", "prompt_speech_confidence": "",
                "prompt_result": "match_digits"}}
    assert result["events"][4]["path"] == 'sections.main[3].switch.case["2"][0]'
    assert result["end"] == {"reason": "end", "detail": "The script ran to its end."}
    assert result["vars"]["connect_result"] == "connected"


def test_outcome_call_and_var_options_reach_the_run(capsys):
    code, result = simulate_json(capsys, IVR, "--input", "1", "--outcome", "connect=busy",
                                 "--call", "from=+15551234567", "--var", "vip=true")
    assert code == 0
    assert result["vars"]["connect_failed_reason"] == "busy"
    assert result["vars"]["vip"] is True


def test_voicemail_plays_silence_and_hangs_up(capsys):
    code, result = simulate_json(capsys, str(EXAMPLES / "voicemail.yaml"))
    assert code == 0
    plays = [item for e in result["events"] for item in e.get("play", [])]
    assert plays == [
        {"say": "Sorry, nobody can take your call right now. Please leave a message after the beep."},
        {"silence": 120}, {"say": "Thank you. Goodbye."}]
    assert result["end"]["reason"] == "hangup" and result["end"]["path"] == "sections.main[6]"


def test_record_and_play_back_plays_the_recording_url(capsys):
    code, result = simulate_json(capsys, str(EXAMPLES / "record-and-play-back.yaml"))
    assert code == 0
    url = result["vars"]["record_call_url"]
    assert url.startswith("https://") and url.endswith(".wav")
    assert result["events"][4]["play"] == [{"say": "Here is what you said."}, {"url": url}]


def test_the_transcript_for_a_person(capsys):
    assert cli.main(["simulate", IVR, "--input", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Call from +15551230000 to +15559870000 (phone)"
    assert any(f"Caller hears \u201c{MENU}\u201d; the caller presses 3." in line for line in out)
    assert any("Recording started; the caller hears a beep." in line for line in out)
    assert out[-1] == "Call ended (hangup) at sections.message[3]: Hung up."


def test_a_run_time_error_exits_1(tmp_path, capsys):
    script = tmp_path / "bad.yaml"
    script.write_text("sections:\n  main:\n    - goto: {label: nowhere}\n")
    code, result = simulate_json(capsys, str(script))
    assert code == 1
    assert result["end"]["reason"] == "error" and result["end"]["path"] == "sections.main[0]"


def test_max_steps_exits_1(tmp_path, capsys):
    script = tmp_path / "loop.yaml"
    script.write_text("sections:\n  main:\n    - transfer: {dest: main}\n")
    code, result = simulate_json(capsys, str(script), "--max-steps", "5")
    assert code == 1
    assert result["end"]["reason"] == "max_steps" and len(result["events"]) == 5


def test_an_unreadable_file_or_bad_input_exits_2(tmp_path, capsys):
    assert cli.main(["simulate", str(tmp_path / "missing.yaml")]) == 2
    assert cli.main(["simulate", IVR, "--input", "12x"]) == 2
    assert "not keys" in capsys.readouterr().err
    assert cli.main(["simulate", IVR, "--outcome", "connect=bussy"]) == 2
    assert ("'bussy' is not an outcome of connect; it can be answered, busy, no answer, declined, "
            "failed, connected") in capsys.readouterr().err
    assert cli.main(["simulate", IVR, "--outcome", "prompt=no_match"]) == 2
    assert "give it as an input" in capsys.readouterr().err


def test_the_bundled_calls_files_pass(capsys):
    assert cli.main(["test", *(str(p) for p in sorted(EXAMPLES.glob("*.yaml")))]) == 0
    out = capsys.readouterr().out
    assert "PASSED" in out and "FAILED" not in out
    assert out.strip().endswith("8 passed, 0 failed")


def test_a_failing_call_exits_1_with_the_first_difference(tmp_path, capsys):
    shutil.copy(IVR, tmp_path / "menu.yaml")
    (tmp_path / "menu.calls.yaml").write_text(
        "calls:\n  - name: two is sales?\n    inputs: ['2']\n    expect:\n"
        f"      heard: ['{MENU}', 'Connecting you to sales.']\n")
    assert cli.main(["test", str(tmp_path / "menu.yaml")]) == 1
    out = capsys.readouterr().out
    assert "FAILED" in out and "two is sales?" in out
    assert ('heard[1]: expected "Connecting you to sales." but the caller heard '
            '"Connecting you to support."') in out
    assert out.strip().endswith("0 passed, 1 failed")
    assert "What happened:" in out and 'Transferred to section "support"' in out


def test_a_script_without_calls_file_exits_2(tmp_path, capsys):
    shutil.copy(IVR, tmp_path / "menu.yaml")
    assert cli.main(["test", str(tmp_path / "menu.yaml")]) == 2
    assert "no calls file (menu.calls.yaml)" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["ivr-menu", "voicemail", "record-and-play-back"])
def test_each_example_has_calls_beside_it(name):
    assert (EXAMPLES / f"{name}.calls.yaml").exists()
