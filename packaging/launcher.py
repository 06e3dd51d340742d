"""What the PyInstaller build runs: the ``swml-designer`` command (window, validate, --self-check).

A separate file because PyInstaller needs a script, and ``designer/__main__.py`` exits at import.
"""

import sys

from designer.cli import main

if __name__ == "__main__":
    sys.exit(main())
