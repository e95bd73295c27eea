"""Runnable examples for the API security page."""
