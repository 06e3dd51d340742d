"""Talking to a SignalWire space: accounts, the REST client, publishing and pulling scripts.

Plain Python (no Qt), like :mod:`designer.model`: the window and the command line both drive it.
Nothing here sends a request by itself; every call is made because the user asked for it.
"""
