"""The PySide6 window: canvas, palette, inspector, preview and problems over one edit session."""
