"""The path and step checks on the real example scripts: exactly the findings reviewed as real.

Each was looked at by hand (issue 8): sections kept in a file as variants or served at another
URL are never entered from main; a docs snippet stops a recording it never started; a loop
written to run "forever" repeats 100 times; a docs template dials '+1XXXXXXXXXX'. A change that
adds or drops one must be looked at again.
"""

from designer.model import swml_io
from designer.model.catalog import load_catalog
from designer.model.validation import validator_for

from tests.conftest import FIXTURES

FAMILIES = ("flow.", "address.", "range.", "switch.", "cond.")
REVIEWED = sorted([
    ("001_recipe-record-a-call.yaml", "flow.recording_not_stopped", "info"),
    ("004_recipe-try-destinations-in-order.yaml", "flow.section_never_entered", "warning"),
    ("009_recipe-queue-a-call-until-an-agent-is-free.yaml", "flow.section_never_entered", "warning"),
    ("009_recipe-queue-a-call-until-an-agent-is-free.yaml", "flow.section_never_entered", "warning"),
    ("010_recipe-transfer-a-call.yaml", "flow.section_never_entered", "warning"),
    ("016_recipe-connect-a-pbx-with-a-domain-application.yaml", "flow.section_never_entered", "warning"),
    ("020_docs-swml-stop_record_call.yaml", "flow.unknown_control_id", "warning"),
    ("020_docs-swml-stop_record_call.yaml", "flow.stop_before_record", "warning"),
    ("024_docs-platform-hipaa.yaml", "flow.stop_before_record", "warning"),
    ("050_docs-swml-goto-execute-transfer.yaml", "flow.endless_goto", "warning"),
    ("064_docs-swml-call-whisper.yaml", "address.placeholder", "error"),
])


def test_examples_get_exactly_the_reviewed_findings():
    catalog = load_catalog()
    validator = validator_for(catalog)
    found = []
    for path in sorted(FIXTURES.glob("[0-9]*")):
        if path.suffix not in (".yaml", ".json"):
            continue
        text = path.read_text("utf-8")
        try:
            doc = swml_io.loads(text, filename=path.name, nesting=catalog.nesting)
        except swml_io.ParseError:
            continue
        found += [(path.name, p.code, p.severity) for p in validator.validate(doc) if p.code.startswith(FAMILIES)]
    assert sorted(found) == REVIEWED
