"""``swml-designer publish`` and ``pull`` against the fake space: output, files and exit codes."""

import json

import pytest

from designer.cli import main
from designer.remote.accounts import AccountBook
from designer.remote.credentials import TokenStore
from designer.remote.space import Account
from tests.remote_fixtures import (  # noqa: F401
    PROJECT, SIMPLE, TOKEN, address, memory_keyring, no_keyring, offline_address, space,
)

GOOD = "version: 1.0.0\nsections:\n  main:\n  - answer: {}\n  - play:\n      url: say:Welcome\n  - hangup: {}\n"


@pytest.fixture(autouse=True)
def _no_real_accounts(tmp_path, monkeypatch):
    """Never read the account list or variables of the machine running the tests."""
    monkeypatch.setenv("SWML_DESIGNER_ACCOUNTS", str(tmp_path / "accounts.json"))
    for name in ("SIGNALWIRE_SPACE", "SIGNALWIRE_PROJECT_ID", "SIGNALWIRE_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def env(monkeypatch, address):
    monkeypatch.setenv("SIGNALWIRE_SPACE", address)
    monkeypatch.setenv("SIGNALWIRE_PROJECT_ID", PROJECT)
    monkeypatch.setenv("SIGNALWIRE_API_TOKEN", TOKEN)
    return address


def script(tmp_path, text=GOOD, name="voicemail.yaml"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_publish_creates_under_the_file_name_then_updates_it(tmp_path, env, space, capsys):
    path = script(tmp_path)
    assert main(["publish", str(path)]) == 0
    out = capsys.readouterr().out
    (sid, stored), = space.scripts.items()
    assert stored["display_name"] == "voicemail" and f"id: {sid}" in out
    assert f"request URL: http://{env}/api/fabric/resources/swml_scripts/{sid}/swml" in out
    path.write_text(GOOD.replace("Welcome", "Hello again"))
    assert main(["publish", str(path)]) == 0
    assert "updated “voicemail”" in capsys.readouterr().out
    assert len(space.scripts) == 1 and "Hello again" in json.dumps(space.scripts[sid]["contents"])


def test_publish_with_a_name_and_the_space_from_the_keyring_account(tmp_path, address, space, memory_keyring,
                                                                   capsys):
    book = AccountBook()
    book.put(Account(address, PROJECT))
    book.write()
    TokenStore().save(Account(address, PROJECT), TOKEN)
    assert main(["publish", str(script(tmp_path)), "--name", "Front desk", "--space", address]) == 0
    assert [s["display_name"] for s in space.scripts.values()] == ["Front desk"]
    assert TOKEN not in capsys.readouterr().out


def test_publish_refused_prints_signalwires_message_on_the_block_and_exits_1(tmp_path, env, capsys):
    path = script(tmp_path, GOOD.replace("  - hangup: {}\n", "  - plya: {}\n"))  # a warning here
    assert main(["publish", str(path)]) == 1
    err = capsys.readouterr().err
    assert "SignalWire refused" in err and "sections.main[2].plya: unknown SWML method 'plya'" in err


def test_publish_a_script_with_errors_sends_nothing(tmp_path, env, space):
    path = script(tmp_path, "version: 1.0.0\nsections:\n  main:\n  - record_call:\n      format: ogg\n")
    assert main(["publish", str(path)]) == 1
    assert space.requests == []


def test_publish_with_a_wrong_token_exits_1(tmp_path, env, monkeypatch, capsys):
    monkeypatch.setenv("SIGNALWIRE_API_TOKEN", "nope")
    assert main(["publish", str(script(tmp_path))]) == 1
    assert "token" in capsys.readouterr().err


def test_publish_offline_exits_2_and_without_credentials_exits_2(tmp_path, offline_address, monkeypatch,
                                                                capsys, no_keyring):
    path = script(tmp_path)
    assert main(["publish", str(path)]) == 2
    assert "SIGNALWIRE_API_TOKEN" in capsys.readouterr().err
    monkeypatch.setenv("SIGNALWIRE_SPACE", offline_address)
    monkeypatch.setenv("SIGNALWIRE_PROJECT_ID", PROJECT)
    monkeypatch.setenv("SIGNALWIRE_API_TOKEN", TOKEN)
    assert main(["publish", str(path)]) == 2
    assert "internet connection" in capsys.readouterr().err


def test_pull_a_script_by_name_and_by_id(tmp_path, env, space):
    sid = space.add_script("Menu", SIMPLE)
    out = tmp_path / "menu.yaml"
    assert main(["pull", "Menu", str(out)]) == 0
    assert "say:Hello" in out.read_text() and out.read_text().startswith("version: 1.0.0")
    out_json = tmp_path / "menu.json"
    assert main(["pull", sid, str(out_json)]) == 0
    assert json.loads(out_json.read_text()) == SIMPLE


def test_pull_a_call_flow_saves_its_relayml(tmp_path, env, space):
    space.add_flow("Front desk", SIMPLE)
    out = tmp_path / "desk.yaml"
    assert main(["pull", "Front desk", str(out)]) == 0
    assert "play:" in out.read_text()


def test_pull_of_nothing_exits_1(tmp_path, env, capsys):
    assert main(["pull", "Nope", str(tmp_path / "x.yaml")]) == 1
    assert "no SWML script or Call Flow called “Nope”" in capsys.readouterr().err


def test_the_cli_never_prints_or_logs_the_token(tmp_path, env, space, capsys, caplog):
    import logging
    caplog.set_level(logging.DEBUG)
    path = script(tmp_path)
    assert main(["publish", str(path)]) == 0
    assert main(["pull", "voicemail", str(tmp_path / "back.yaml")]) == 0
    space.token = "another"  # now the token is refused: the error path must not show it either
    assert main(["publish", str(path)]) == 1
    out = capsys.readouterr()
    assert caplog.records and TOKEN not in caplog.text
    assert TOKEN not in out.out + out.err
