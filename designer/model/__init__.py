"""The flow document, SWML load/save, the method catalog and validation.

Plain Python only: nothing here imports Qt, so the CLI and the tests use it without a display.
"""
