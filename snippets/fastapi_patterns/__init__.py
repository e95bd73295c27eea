"""Examples for the FastAPI patterns page."""
