"""Data files shipped with the designer (schema, icons, example flows).

Found at run time with ``importlib.resources.files("designer.resources")`` so they work the same
from a source checkout, an editable install and an installed wheel.
"""
