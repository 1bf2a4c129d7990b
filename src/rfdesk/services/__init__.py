"""Use cases of every register, callable without a window (no Qt here)."""
