"""A canvas view on a fresh session, shared by the canvas tests."""

from designer.model.catalog import load_catalog
from designer.model.document import Document
from designer.ui.canvas.view import FlowView
from designer.ui.session import EditSession


def make_view(qtbot, data=None, size=(1000, 700), centre="main"):
    """A shown view of ``data`` (plain SWML) at 100 %, centred on main's start or on everything."""
    catalog = load_catalog()
    session = EditSession(catalog)
    view = FlowView(session)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    if data is not None:
        session.replace_document(Document.from_data(data, catalog.nesting))
    view.reset_zoom()
    view.centerOn(view.flow_scene.starts["main"] if centre == "main"
                  else view.flow_scene.itemsBoundingRect().center())
    return session, view
