"""Subcommands of this layer (see rfdesk.cli)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    """Add this layer's subcommands."""
