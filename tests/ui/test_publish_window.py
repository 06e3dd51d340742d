"""File > SignalWire Account, Open from SignalWire and Publish, driven in the window (pytest-qt)
against the fake space on 127.0.0.1, with an in-memory keyring."""

import logging

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from designer.model import swml_io
from designer.model.catalog import load_catalog
from designer.model.document import Step
from designer.remote.space import Account
from designer.ui.account_dialog import AccountDialog
from designer.ui.commands import InsertStepCommand
from designer.ui.main_window import MainWindow
from designer.ui.session import EditSession
from tests.remote_fixtures import (  # noqa: F401
    PROJECT, SIMPLE, TOKEN, address, memory_keyring, no_keyring, offline_address, space,
)

GOOD = "version: 1.0.0\nsections:\n  main:\n  - answer: {}\n  - play:\n      url: say:Welcome\n  - hangup: {}\n"


@pytest.fixture
def window(qtbot, tmp_path, memory_keyring):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(EditSession(load_catalog()), settings)
    w.files.interactive = False
    qtbot.addWidget(w)
    return w


@pytest.fixture
def answers(window, monkeypatch):
    """Record every question the window asks; answer yes, the default name, and Publish."""
    asked = {"messages": [], "yes": [], "reviews": [], "published": [], "names": []}
    remote = window.remote
    monkeypatch.setattr(remote, "tell", lambda title, text, error=True: asked["messages"].append((title, text)))
    monkeypatch.setattr(remote, "ask_yes", lambda title, text, yes: asked["yes"].append((title, text)) or True)
    monkeypatch.setattr(remote, "review", lambda plan, space: asked["reviews"].append(plan) or True)
    monkeypatch.setattr(remote, "ask_name", lambda default: asked["names"].append(default) or default)
    monkeypatch.setattr(remote, "show_published",
                        lambda result, space, created, addresses: asked["published"].append((result, created)))
    monkeypatch.setattr(remote, "ask_account", lambda: False)
    return asked


def sign_in(window, where, token=TOKEN):
    account = Account(where, PROJECT)
    window.remote.book.put(account)
    window.remote.book.write()
    window.remote.tokens.save(account, token)


def open_file(window, tmp_path, text=GOOD, name="voicemail.yaml"):
    path = tmp_path / name
    path.write_text(text)
    assert window.files.open_path(path)
    return path


def add_hangup(window):
    steps = window.session.doc.sections[0].steps
    window.session.undo_stack.push(InsertStepCommand(window.session.doc, steps, len(steps), Step("hangup", {})))


def test_the_account_dialog_tests_the_connection_and_keeps_the_token_in_the_keyring(
        qtbot, window, tmp_path, space, address, memory_keyring):
    space.add_script("Existing menu", SIMPLE)
    dialog = AccountDialog(window.remote.book, window.remote.tokens, window)
    qtbot.addWidget(dialog)
    assert "keyring" in dialog.keyring_note.text()
    dialog.space.setText(address)
    dialog.project.setText(PROJECT)
    dialog.token.setText(TOKEN)
    assert dialog.test_connection()
    assert "1 SWML script" in dialog.result.text() and "“Existing menu”" in dialog.result.text()
    dialog.save()
    assert memory_keyring.passwords[("swml-flow-designer", f"{address}:{PROJECT}")] == TOKEN
    assert window.remote.book.find().space == address


def test_a_wrong_token_in_the_dialog_says_to_check_it(qtbot, window, address):
    dialog = AccountDialog(window.remote.book, window.remote.tokens, window)
    qtbot.addWidget(dialog)
    dialog.space.setText(address)
    dialog.project.setText(PROJECT)
    dialog.token.setText("wrong")
    assert not dialog.test_connection()
    assert "token" in dialog.result.text()


def test_without_a_keyring_the_dialog_says_the_token_lasts_this_session(qtbot, window, no_keyring):
    dialog = AccountDialog(window.remote.book, window.remote.tokens, window)
    qtbot.addWidget(dialog)
    assert "only until you close the designer" in dialog.keyring_note.text()


def test_publish_creates_the_script_then_updates_it_showing_the_changes(window, tmp_path, space, address, answers):
    sign_in(window, address)
    open_file(window, tmp_path)
    assert window.remote.publish()
    (sid, stored), = space.scripts.items()
    assert answers["names"] == ["voicemail"] and stored["display_name"] == "voicemail"
    result, created = answers["published"][-1]
    assert created and result.request_url.endswith(f"/swml_scripts/{sid}/swml")
    assert "SignalWire script “voicemail”" in window.windowTitle()

    add_hangup(window)
    assert window.remote.publish()
    plan = answers["reviews"][-1]
    assert [c.text for c in plan.changes.items] == ["In main, block 4 (hangup) is added"]
    assert "+    - hangup: {}" in plan.changes.diff
    assert len(space.scripts) == 1 and len(space.scripts[sid]["contents"]["sections"]["main"]) == 4
    assert answers["names"] == ["voicemail"]  # not asked again: the file remembers its script


def test_publish_refuses_to_overwrite_a_script_changed_since_it_was_opened(window, space, address, answers,
                                                                          monkeypatch):
    sid = space.add_script("Menu", SIMPLE)
    sign_in(window, address)
    monkeypatch.setattr(window.remote, "ask_pick", lambda items, where: next(i for i in items if i.id == sid))
    assert window.remote.open_from_signalwire()
    assert "SignalWire script “Menu”" in window.windowTitle()
    space.scripts[sid]["contents"] = {"version": "1.0.0", "sections": {"main": [{"answer": {}}]}}
    space.scripts[sid]["updated_at"] = space.tick()
    add_hangup(window)
    # Go on past warnings (the path checks may find some), refuse to overwrite the live script.
    monkeypatch.setattr(window.remote, "ask_yes", lambda title, text, yes: answers["yes"].append(title)
                        or title == "Publish with warnings?")
    puts_before = sum(1 for r in space.requests if r.method == "PUT")
    assert not window.remote.publish()
    assert [t for t in answers["yes"] if t != "Publish with warnings?"] == ["Changed on SignalWire"]
    assert sum(1 for r in space.requests if r.method == "PUT") == puts_before
    assert space.scripts[sid]["contents"]["sections"]["main"] == [{"answer": {}}]


def test_errors_block_publishing_and_nothing_is_sent(window, tmp_path, space, address, answers):
    sign_in(window, address)
    open_file(window, tmp_path, "version: 1.0.0\nsections:\n  main:\n  - record_call:\n      format: ogg\n")
    assert not window.remote.publish()
    assert answers["messages"][0][0] == "Not published" and "Fix these first" in answers["messages"][0][1]
    assert space.requests == []


def test_a_wrong_token_tells_to_check_it_and_keeps_the_flow(window, tmp_path, address, answers):
    sign_in(window, address, token="wrong")
    open_file(window, tmp_path)
    add_hangup(window)
    before = window.session.doc.to_data()
    assert not window.remote.publish()
    assert "token" in answers["messages"][-1][1]
    assert window.session.doc.to_data() == before and not window.session.undo_stack.isClean()


def test_signalwires_refusal_lands_on_the_block(window, tmp_path, address, answers):
    sign_in(window, address)
    open_file(window, tmp_path, GOOD.replace("  - hangup: {}\n", "  - plya: {}\n"))
    assert not window.remote.publish()
    assert answers["yes"] and answers["yes"][0][0] == "Publish with warnings?"
    bad = window.session.doc.sections[0].steps[2]
    placed, = window.remote.last_refusals
    assert placed.step is bad and "unknown SWML method 'plya'" in placed.message
    assert window.session.selection == [bad.id]
    assert "plya (block 3 in main): unknown SWML method" in answers["messages"][-1][1]


def test_offline_publish_and_open_lose_nothing(window, tmp_path, offline_address, answers):
    sign_in(window, offline_address)
    open_file(window, tmp_path)
    add_hangup(window)
    before = window.session.doc.to_data()
    assert not window.remote.publish()
    assert not window.remote.open_from_signalwire()
    assert all("internet connection" in text for _t, text in answers["messages"])
    assert window.session.doc.to_data() == before and window.session.path is not None


def test_open_a_call_flow_says_it_is_read_mostly(window, space, address, answers, monkeypatch):
    fid = space.add_flow("Front desk", SIMPLE, version=3)
    sign_in(window, address)
    monkeypatch.setattr(window.remote, "ask_pick", lambda items, where: next(i for i in items if i.id == fid))
    assert window.remote.open_from_signalwire()
    assert window.session.doc.to_data() == SIMPLE
    assert "Call Flow “Front desk”" in window.windowTitle() and "read-mostly" in window.windowTitle()
    assert "replaces what the web builder shows" in answers["messages"][-1][1]
    add_hangup(window)
    assert window.remote.publish()
    assert answers["yes"][-1][0] == "Replace the Call Flow?"
    assert space.flows[fid]["document_version"] == 4 and space.flows[fid]["flow_data"] == {}


def test_the_open_list_is_searchable(qtbot, window, space):
    from designer.remote.client import RemoteScript
    from designer.ui.remote_open_dialog import OpenRemoteDialog
    items = [RemoteScript("1", "Sales menu"), RemoteScript("2", "Voicemail"),
             RemoteScript("3", "Front desk", kind="call_flow", updated_at="2026-11-26T10:00:03Z")]
    dialog = OpenRemoteDialog(items, "example", window)
    qtbot.addWidget(dialog)
    dialog.search.setText("voice")
    assert dialog.visible_names() == ["Voicemail"] and dialog.chosen().id == "2"
    dialog.search.setText("zzz")
    assert dialog.chosen() is None and "Nothing matches" in dialog.empty.text()


def test_nothing_is_sent_unless_asked(window, tmp_path, space, address):
    sign_in(window, address)
    open_file(window, tmp_path)
    add_hangup(window)
    window.files.save()
    assert space.requests == []


def test_publish_has_its_own_shortcut(window):
    keys = QKeySequence("Ctrl+Shift+P")
    assert window.actions_by_name["publish"].shortcut() == keys
    owners = [name for name, action in window.actions_by_name.items() if keys in action.shortcuts()]
    assert owners == ["publish"]


def test_the_token_never_reaches_the_settings_file_or_a_log(qtbot, window, tmp_path, space, address, answers,
                                                            caplog, capsys, memory_keyring):
    caplog.set_level(logging.DEBUG)
    dialog = AccountDialog(window.remote.book, window.remote.tokens, window)
    qtbot.addWidget(dialog)
    dialog.space.setText(address)
    dialog.project.setText(PROJECT)
    dialog.token.setText(TOKEN)
    assert dialog.test_connection()
    dialog.save()
    open_file(window, tmp_path)
    assert window.remote.publish()
    window.remote.book.write()
    window.save_state()
    written = "".join(p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.is_file())
    assert "[signalwire]" in (tmp_path / "settings.ini").read_text()  # the origin was written there
    out = capsys.readouterr()
    assert TOKEN not in written
    assert TOKEN not in caplog.text and caplog.records  # httpx logged its requests, without the token
    assert TOKEN not in out.out + out.err
    assert memory_keyring.passwords  # it is in the keyring


def test_pulled_script_round_trips_through_yaml(window, space, address, answers, monkeypatch, tmp_path):
    sid = space.add_script("Menu", SIMPLE)
    sign_in(window, address)
    monkeypatch.setattr(window.remote, "ask_pick", lambda items, where: next(i for i in items if i.id == sid))
    assert window.remote.open_from_signalwire()
    path = tmp_path / "menu.yaml"
    window.files.export("yaml", str(path))
    assert swml_io.load(path).to_data() == SIMPLE


def test_last_change_times_read_as_local_dates():
    from designer.ui.remote_open_dialog import when
    assert when("not a time") == "not a time"
    assert len(when("2026-11-26T10:00:03Z")) == 16 and when("2026-11-26T10:00:03Z").startswith("2026-11-2")


def test_a_pulled_flow_saved_to_a_file_remembers_its_script_when_reopened(window, space, address, answers,
                                                                         monkeypatch, tmp_path):
    sid = space.add_script("Menu", SIMPLE)
    sign_in(window, address)
    monkeypatch.setattr(window.remote, "ask_pick", lambda items, where: next(i for i in items if i.id == sid))
    assert window.remote.open_from_signalwire()
    path = tmp_path / "menu.yaml"
    monkeypatch.setattr(window.files, "ask_save_path", lambda *a, **k: str(path))
    assert window.files.save_as()
    window.files.new_file()
    assert window.remote.origin is None and "SignalWire" not in window.windowTitle()
    assert window.files.open_path(path)
    assert window.remote.origin.id == sid and "SignalWire script “Menu”" in window.windowTitle()
    add_hangup(window)
    assert window.remote.publish()
    assert answers["names"] == [] and len(space.scripts) == 1


def test_publish_goes_back_to_the_space_the_flow_came_from_and_recreates_a_deleted_script(
        window, space, address, answers, monkeypatch):
    sid = space.add_script("Menu", SIMPLE)
    sign_in(window, address)
    monkeypatch.setattr(window.remote, "ask_pick", lambda items, where: next(i for i in items if i.id == sid))
    assert window.remote.open_from_signalwire()
    window.remote.book.put(Account("elsewhere", "proj-9"))  # another space became the default
    assert window.remote.book.find().label == "elsewhere"
    del space.scripts[sid]
    add_hangup(window)
    assert window.remote.publish()
    assert answers["yes"][-1][0] == "Script not found"
    (new_id, stored), = space.scripts.items()
    assert new_id != sid and stored["display_name"] == "Menu"


def test_several_spaces_in_the_account_dialog(qtbot, window, tmp_path):
    book = window.remote.book
    for name, project in (("north", "p1"), ("south", "p2")):
        dialog = AccountDialog(book, window.remote.tokens, window)
        qtbot.addWidget(dialog)
        dialog.chooser.setCurrentIndex(dialog.chooser.count() - 1)  # "New space…"
        dialog.space.setText(name)
        dialog.project.setText(project)
        dialog.token.setText(f"token-{name}")
        dialog.save()
    dialog = AccountDialog(book, window.remote.tokens, window)
    qtbot.addWidget(dialog)
    labels = [dialog.chooser.itemText(i) for i in range(dialog.chooser.count())]
    assert labels == ["north", "south  (default)", "New space…"]
    dialog.chooser.setCurrentIndex(0)
    assert dialog.project.text() == "p1" and "Saved" in dialog.token.placeholderText()
    dialog.remove_current()
    assert [a.label for a in book.accounts] == ["south"]


def test_the_review_lists_the_changes_and_warns_about_someone_elses_edit(qtbot):
    from designer.remote.changes import compare
    from designer.remote.items import RemoteScript
    from designer.remote.publishing import UPDATE, Plan
    from designer.ui.publish_dialog import PublishDialog, PublishedDialog
    local = {"version": "1.0.0", "sections": {"main": [{"answer": {}}, {"play": {"url": "say:Hi"}}]}}
    plan = Plan(UPDATE, "Menu", RemoteScript("1", "Menu"), compare(SIMPLE, local), conflict=True)
    dialog = PublishDialog(plan, "example")
    qtbot.addWidget(dialog)
    assert dialog.change_texts() == ["~  In main, block 2 (play) changes: url “say:Hello” → “say:Hi”",
                                     "−  In main, block 3 (hangup) is removed"]
    assert dialog.findChild(type(dialog.headline), "conflict_warning") is not None
    assert dialog.publish_button.text() == "Replace and publish"
    assert "-        url: say:Hello" in dialog.diff.toPlainText()
    done = PublishedDialog(RemoteScript("1", "Menu", request_url="https://example.signalwire.com/x"),
                           "example", False, ["+1 555 0100"])
    qtbot.addWidget(done)
    assert done.url.text() == "https://example.signalwire.com/x" and "Phone Numbers" in done.where.text()


def test_the_installed_window_keeps_accounts_where_the_cli_reads_them(tmp_path, monkeypatch):
    from designer.remote.accounts import default_path
    from designer.ui.remote_actions import accounts_path
    monkeypatch.setenv("SWML_DESIGNER_ACCOUNTS", str(tmp_path / "shared.json"))
    native = QSettings("swml-test-org", "swml-test-app")
    assert accounts_path(native) == default_path() == tmp_path / "shared.json"
    ini = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert accounts_path(ini) == tmp_path / "signalwire-accounts.json"


def test_an_unchanged_flow_is_not_published_again(window, space, address, answers, monkeypatch):
    fid = space.add_flow("Front desk", SIMPLE, version=3)
    sign_in(window, address)
    monkeypatch.setattr(window.remote, "ask_pick", lambda items, where: next(i for i in items if i.id == fid))
    assert window.remote.open_from_signalwire()
    assert not window.remote.publish()
    assert answers["yes"] == [] and answers["messages"][-1][0] == "Nothing to publish"
    assert space.flows[fid]["document_version"] == 3
