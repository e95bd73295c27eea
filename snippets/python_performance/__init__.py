"""Examples for the python-performance page."""
