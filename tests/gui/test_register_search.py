"""A clerk types in a register's search box: each letter finds what that text alone finds, in every register."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from register_search import check_typing, register_queries


@pytest.mark.parametrize("query_type", register_queries(), ids=lambda q: q.__name__)
def test_typing_a_search_letter_by_letter_finds_what_each_text_finds_alone(demo_database: Path,
                                                                           query_type: Any) -> None:
    from rfdesk.db import open_database
    from rfdesk.ui.workers import wait_for_background

    db = open_database(demo_database, migrate=False)
    try:
        assert check_typing(db, query_type) >= 3, "the texts taken from the register find its rows"
    finally:
        wait_for_background()
        db.close()
