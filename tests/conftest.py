"""Shared fixtures: every test gets its own real SQLite file in a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does touches the real user's data folder."""
    monkeypatch.setenv("RFDESK_DATA_DIR", str(tmp_path / "appdata"))
    # A window would back up on opening and on closing; only the tests of automatic backups want that.
    monkeypatch.setenv("RFDESK_AUTO_BACKUP", "off")
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


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once for the whole run by ``rfdesk demo --db`` as a clerk would; read it only
    (copy it to change it)."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "henan-2020.sqlite"
    script = Path(sys.executable).with_name("rfdesk")
    result = subprocess.run([str(script), "demo", "--db", str(path)], capture_output=True, text=True, timeout=600,
                            env={**os.environ, "RFDESK_DATA_DIR": str(folder / "appdata")})
    assert result.returncode == 0, result.stderr
    assert "203000.00" in result.stdout  # the demo ends by showing its figures
    return path
