"""Python classes generated from the Designer forms in ui/ (see tools/build_ui.py)."""
