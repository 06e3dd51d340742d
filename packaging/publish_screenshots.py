"""Regenerate the "Publish to SignalWire" pictures in docs/ (publish-*.png).

Runs the test suite's stand-in SignalWire space on 127.0.0.1 (nothing leaves the machine), opens
the voicemail example from it, edits it and grabs the publish review, the account dialog and the
"published" answer. Run from the project folder under a real X server::

    xvfb-run -a -s "-screen 0 1366x768x24" python packaging/publish_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import keyring
import yaml
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from designer.model import examples  # noqa: E402
from designer.model.catalog import load_catalog  # noqa: E402
from designer.remote import publishing  # noqa: E402
from designer.remote.client import SignalWireClient  # noqa: E402
from designer.remote.space import Account  # noqa: E402
from designer.ui.account_dialog import AccountDialog  # noqa: E402
from designer.model.document import Step  # noqa: E402
from designer.ui.commands import InsertStepCommand, SetParamCommand  # noqa: E402
from designer.ui.main_window import MainWindow  # noqa: E402
from designer.ui.publish_dialog import PublishDialog, PublishedDialog  # noqa: E402
from designer.ui.session import EditSession  # noqa: E402
from tests.remote_fixtures import MemoryKeyring  # noqa: E402
from tests.signalwire_server import FakeSpace, running  # noqa: E402

DOCS = Path(__file__).resolve().parents[1] / "docs"


def grab(app: QApplication, widget, name: str) -> None:
    widget.show()
    for _ in range(10):
        app.processEvents()
    widget.grab().save(str(DOCS / name))
    print("wrote", DOCS / name)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    keyring.set_keyring(MemoryKeyring())  # never the real keyring
    space = FakeSpace(public_base="https://example.signalwire.com")
    live = yaml.safe_load(examples.example_text("voicemail"))
    sid = space.add_script("Voicemail", live)
    space.add_script("Sales menu", live)
    space.add_flow("Front desk", live)
    with running(space) as where:
        settings = QSettings(str(Path(tempfile.mkdtemp()) / "shots.ini"), QSettings.Format.IniFormat)
        window = MainWindow(EditSession(load_catalog()), settings)
        window.files.interactive = False
        remote = window.remote
        # The pictures show the space as readers' would be named; requests go to the stand-in.
        remote.make_client = lambda _space, project, token: SignalWireClient(where, project, token)
        account = Account("example", space.project_id)
        remote.book.put(account)
        remote.tokens.save(account, space.token)
        from designer.ui.remote_open_dialog import OpenRemoteDialog

        def pick(items, label):
            chooser = OpenRemoteDialog(items, label, window)
            grab(app, chooser, "publish-open.png")
            chooser.close()
            return next(i for i in items if i.id == sid)
        remote.ask_pick = pick
        assert remote.open_from_signalwire()
        doc = window.session.doc
        steps = doc.sections[0].steps
        record = next(s for s in steps if s.method == "record_call")
        window.session.undo_stack.push(SetParamCommand(doc, record, ("format",), "wav"))
        play = next(s for s in steps if s.method == "play")
        window.session.undo_stack.push(SetParamCommand(
            doc, play, ("url",), "say:Please leave a message after the beep. Press hash when done."))
        window.session.undo_stack.push(InsertStepCommand(doc, steps, 1, Step("record_call", {"stereo": True})))
        window.session.undo_stack.push(InsertStepCommand(doc, steps, len(steps) - 1, Step(
            "send_sms", {"to_number": "+15550100", "from_number": "+15550199", "body": "New voicemail"})))
        with remote._client(account, space.token) as client:
            the_plan = publishing.plan(client, doc.to_data(), "Voicemail", remote.origin)
        dialog = PublishDialog(the_plan, account.label, window)
        grab(app, dialog, "publish-dialog.png")
        dialog.close()
        accounts = AccountDialog(remote.book, remote.tokens, window, remote.make_client)
        accounts.test_connection()
        grab(app, accounts, "publish-account.png")
        accounts.close()
        with remote._client(account, space.token) as client:
            result = publishing.send(client, the_plan, doc.to_data())
        done = PublishedDialog(result, account.label, False, ["+1 555 0100 (Support line)"], window)
        grab(app, done, "publish-done.png")
        done.close()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
