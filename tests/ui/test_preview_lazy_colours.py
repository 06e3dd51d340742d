"""A big preview text is coloured on screen at once and elsewhere when idle, ending with exactly
the colours a full synchronous pass gives, edits and scrolling in between included."""

from PySide6.QtGui import QTextDocument

from bench.flows import script
from designer.model import swml_io
from designer.ui import highlighter
from designer.ui.highlighter import SwmlHighlighter
from designer.ui.preview import PreviewPanel


def _formats(document):
    out, block = [], document.begin()
    while block.isValid():
        out.append([(r.start, r.length, r.format.foreground().color().name()) for r in block.layout().formats()])
        block = block.next()
    return out


def _reference(text):
    document = QTextDocument()
    document.setPlainText(text)
    SwmlHighlighter(document).rehighlight()  # every line at once: the colours before laziness
    return _formats(document)


def _open(session, text):
    session.replace_document(swml_io.loads(text, "yaml", nesting=session.catalog.nesting))


def test_a_big_text_is_coloured_on_screen_first_and_everywhere_in_the_end(session, qtbot):
    preview = PreviewPanel(session)
    qtbot.addWidget(preview)
    preview.resize(600, 400)
    preview.show()
    _open(session, script(400))
    text = preview.text()
    assert text.count("\n") > highlighter.LAZY_LINES and preview.highlighter.pending()
    document = preview.editor.document()
    assert document.findBlockByNumber(2).layout().formats()  # on screen: coloured at once
    assert not document.findBlockByNumber(document.blockCount() - 3).layout().formats()
    preview.editor.verticalScrollBar().setValue(preview.editor.verticalScrollBar().maximum())
    last = document.findBlockByNumber(document.blockCount() - 3)
    assert last.layout().formats()  # scrolled to: coloured now
    qtbot.waitUntil(lambda: not preview.highlighter.pending(), timeout=10000)
    assert _formats(document) == _reference(text.removesuffix("\n"))


def test_edits_while_colouring_still_end_with_every_line_right(session, qtbot):
    preview = PreviewPanel(session)
    qtbot.addWidget(preview)
    _open(session, script(400))
    preview.text()
    record = next(s for s in session.doc.walk() if s.method == "record_call")
    session.doc.set_param(record, ("format",), "wav")
    steps = session.doc.sections[0].steps
    session.doc.remove_step(steps[0])
    text = preview.text()
    preview.highlighter.finish()
    assert _formats(preview.editor.document()) == _reference(text.removesuffix("\n"))


def test_switching_theme_recolours_lazily_to_the_same_result(session, qtbot):
    preview = PreviewPanel(session)
    qtbot.addWidget(preview)
    _open(session, script(400))
    text = preview.text()
    preview.highlighter.finish()
    preview.highlighter.set_dark(True)
    assert preview.highlighter.pending()
    preview.highlighter.finish()
    document = QTextDocument()
    document.setPlainText(text.removesuffix("\n"))
    SwmlHighlighter(document, dark=True).rehighlight()
    assert _formats(preview.editor.document()) == _formats(document)
