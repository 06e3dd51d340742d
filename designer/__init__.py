"""SWML Flow Designer: a visual editor for SignalWire Markup Language call flows."""

__version__ = "0.1.0"
