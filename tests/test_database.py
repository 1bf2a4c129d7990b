"""Opening databases: the safe journal mode, and files that must be refused without being touched."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

import pytest

from rfdesk.db import open_database
from rfdesk.db.engine import filesystem_type, wal_allowed
from rfdesk.services.errors import DatabaseError


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pragma(db, name: str) -> object:  # noqa: ANN001
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_a_new_database_on_a_local_disk_uses_wal_foreign_keys_and_full_sync(tmp_path: Path) -> None:
    db = open_database(tmp_path / "office.sqlite")
    try:
        assert pragma(db, "journal_mode") == "wal"
        assert pragma(db, "foreign_keys") == 1
        assert pragma(db, "synchronous") == 2  # FULL
        assert pragma(db, "busy_timeout") >= 5000
    finally:
        db.close()


def test_where_wal_is_unsafe_a_rollback_journal_with_full_sync_is_used(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RFDESK_NO_WAL", "1")
    db = open_database(tmp_path / "stick.sqlite")
    try:
        assert pragma(db, "journal_mode") == "delete"
        assert pragma(db, "synchronous") == 2
    finally:
        db.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/mounts")
def test_the_file_system_of_a_folder_is_recognised() -> None:
    assert filesystem_type(Path("/proc/self")) == "proc"
    assert wal_allowed(Path("/proc/self/status")) is True  # "proc" is not on the list of unsafe file systems


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    f = tmp_path / "花名册.xlsx"
    f.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    before = digest(f)
    with pytest.raises(DatabaseError) as err:
        open_database(f)
    assert "不是数据库文件" in err.value.zh
    assert digest(f) == before


def test_another_programs_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    f = tmp_path / "other.sqlite"
    with sqlite3.connect(f) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('张三')")
    conn.close()
    before = digest(f)
    with pytest.raises(DatabaseError) as err:
        open_database(f)
    assert "不是 rfdesk 数据库" in err.value.zh
    assert digest(f) == before


def test_a_folder_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError):
        open_database(tmp_path)
    with pytest.raises(DatabaseError) as err:
        open_database(tmp_path / "no-such-folder" / "x.sqlite")
    assert "文件夹不存在" in err.value.zh


def test_a_damaged_database_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    f = tmp_path / "damaged.sqlite"
    f.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)
    before = digest(f)
    with pytest.raises(DatabaseError) as err:
        open_database(f)
    assert "损坏" in err.value.zh or "无法" in err.value.zh
    assert digest(f) == before
