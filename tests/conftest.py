"""Shared fixtures: every test gets its own real SQLite file in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does touches the real user's data folder."""
    monkeypatch.setenv("RFDESK_DATA_DIR", str(tmp_path / "appdata"))
    monkeypatch.delenv("RFDESK_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[rfdesk.db.Database]:  # noqa: F821
    from rfdesk.db import open_database

    database = open_database(tmp_path / "registers.sqlite")
    yield database
    database.close()


@pytest.fixture
def session(db):  # noqa: ANN001
    """A unit of work on a fresh database, committed at the end of the test."""
    with db.session() as s:
        s.info["operator"] = "test-clerk"
        yield s
