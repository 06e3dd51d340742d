"""The inspector: property panels generated from the method catalog (see :mod:`.panel`)."""

from designer.ui.inspector.panel import Inspector

__all__ = ["Inspector"]
