"""Tokens go to the keyring, or stay in memory when there is none; accounts hold no secret."""

import json

from designer.remote.accounts import AccountBook
from designer.remote.credentials import SERVICE, TokenStore, from_environment, keyring_usable
from designer.remote.space import Account
from tests.remote_fixtures import TOKEN, memory_keyring, no_keyring  # noqa: F401

ACCOUNT = Account("example", "proj-1")


def test_token_goes_to_the_keyring_under_the_space_and_project(memory_keyring):
    store = TokenStore()
    assert store.persistent and store.save(ACCOUNT, TOKEN)
    assert memory_keyring.passwords == {(SERVICE, "example:proj-1"): TOKEN}
    assert TokenStore().find(ACCOUNT) == TOKEN  # another session finds it
    store.forget(ACCOUNT)
    assert memory_keyring.passwords == {}


def test_without_a_keyring_the_token_is_kept_for_this_session_only(no_keyring):
    assert not keyring_usable()
    store = TokenStore()
    assert store.save(ACCOUNT, TOKEN) is False
    assert store.find(ACCOUNT) == TOKEN
    assert TokenStore().find(ACCOUNT) is None


def test_the_account_file_holds_spaces_and_project_ids_but_no_token(tmp_path, memory_keyring):
    book = AccountBook(tmp_path / "accounts.json")
    book.put(Account("example", "proj-1"))
    book.put(Account("other", "proj-2"), make_default=False)
    TokenStore().save(ACCOUNT, TOKEN)
    book.write()
    text = (tmp_path / "accounts.json").read_text()
    assert TOKEN not in text
    again = AccountBook(tmp_path / "accounts.json")
    assert [a.label for a in again.accounts] == ["example", "other"]
    assert again.find().label == "example" and again.find("other").project_id == "proj-2"
    assert json.loads(text)["default"] == "example"


def test_environment_credentials_need_all_three_variables():
    env = {"SIGNALWIRE_SPACE": "example", "SIGNALWIRE_PROJECT_ID": "p", "SIGNALWIRE_API_TOKEN": "t"}
    assert from_environment(env) == (Account("example", "p"), "t")
    assert from_environment({**env, "SIGNALWIRE_API_TOKEN": ""}) is None


def test_a_keyring_that_refuses_leaves_the_token_for_this_session(memory_keyring, monkeypatch):
    from keyring.errors import PasswordSetError

    def refuse(*_args):
        raise PasswordSetError("locked")
    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    store = TokenStore()
    assert store.save(ACCOUNT, TOKEN) is False and store.find(ACCOUNT) == TOKEN


def test_opening_the_window_loads_neither_the_http_library_nor_the_keyring():
    import subprocess
    import sys
    code = ("import sys; import designer.ui.main_window; "
            "print('httpx' in sys.modules, 'keyring' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.split() == ["False", "False"], out.stderr
