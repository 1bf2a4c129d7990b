"""A consistent copy of a live SQLite database, and what a copy holds (header, revision, row counts, integrity).

The copy is taken with SQLite's online backup API in steps, so the window keeps working meanwhile. The
copying connection first opens a read transaction and holds it to the end: every step then reads the same
committed state, so writes made meanwhile by other connections neither restart the copy (as they would
without it) nor end up half in it. In WAL mode writers carry on undisturbed; with a rollback journal
(FAT sticks, network drives) they wait until the copy is done, which the busy timeout covers.

The copy is a private temporary file that the backup reads once, right away: it is written without a
journal and without flushing to the disk (a third of the copying time), since what must be durable is the
backup file, which is fsynced and read back.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rfdesk.exchange.backup_errors import BackupCancelled, BackupError

SQLITE_MAGIC = b"SQLite format 3\x00"
PAGES_PER_STEP = 1024
BUSY_TIMEOUT_S = 10.0

# progress(done, total) and cancel() -> True when the clerk pressed Cancel.
Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def read_only_uri(path: Path) -> str:
    return path.absolute().as_uri() + "?mode=ro"


def quote_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def copy_database(source: Path, target: Path, *, progress: Progress | None = None,
                  cancel: CancelCheck | None = None) -> None:
    """Copy the committed state of ``source`` into a new file ``target`` (rollback-journal mode, not fsynced).

    ``progress(pages_done, pages_total)`` is called after each step; ``cancel()`` is asked as often and
    stops the copy with :class:`BackupCancelled`. ``source`` is only read.
    """
    src = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        dst = sqlite3.connect(str(target), isolation_level=None)
        try:
            dst.execute("PRAGMA journal_mode=OFF").fetchone()
            dst.execute("PRAGMA synchronous=OFF")
            def step(_status: int, remaining: int, total: int) -> None:
                if cancel is not None and cancel():
                    raise BackupCancelled()
                if progress is not None:
                    progress(total - remaining, total)

            src.backup(dst, pages=PAGES_PER_STEP, progress=step, sleep=0.05)
            # The copy goes to sticks and other computers: no WAL side files, whatever the source used.
            dst.execute("PRAGMA journal_mode=DELETE").fetchone()
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()


@dataclass(frozen=True)
class DatabaseFacts:
    """What a copy holds: its schema revision (None if it has none) and the rows of every table."""

    revision: str | None
    row_counts: dict[str, int]


def database_facts(path: Path) -> DatabaseFacts:
    """Revision and row counts of a database file that nobody else has open."""
    con = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        counts = {t: int(con.execute(f"SELECT count(*) FROM {quote_name(t)}").fetchone()[0])
                  for t in tables if t != "alembic_version"}
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return DatabaseFacts(revision, counts)
    finally:
        con.close()


def header_problem(path: Path) -> str | None:
    """What is wrong with the header of a database file (None when nothing is): the cheap checks of a copy.

    The magic, a page size SQLite can have, a file of whole pages, and the page count the header claims
    (when it is valid) against the file's size: a copy cut short or padded is caught here.
    """
    with open(path, "rb") as f:
        head = f.read(100)
    size = path.stat().st_size
    if len(head) < 100 or head[:16] != SQLITE_MAGIC:
        return "文件头 header"
    (page_size,) = struct.unpack(">H", head[16:18])
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"页大小 page size {page_size}"
    (pages,) = struct.unpack(">I", head[28:32])
    if size == 0 or size % page_size:
        return f"文件大小 file size {size}"
    # The page count is valid when the "version valid for" number equals the change counter.
    if head[92:96] == head[24:28] and pages * page_size != size:
        return f"页数 page count {pages} × {page_size} ≠ {size}"
    return None


def integrity_problems(path: Path, cancel: CancelCheck | None = None) -> list[str]:
    """``PRAGMA integrity_check`` of a database file; an empty list when it is sound.

    A large database takes a while: ``cancel()`` is asked now and then and stops it with BackupCancelled.
    """
    cancelled = False

    def interrupt() -> int:
        nonlocal cancelled
        cancelled = cancel is not None and cancel()
        return 1 if cancelled else 0

    try:
        con = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
        try:
            if cancel is not None:
                con.set_progress_handler(interrupt, 100_000)
            rows = [str(r[0]) for r in con.execute("PRAGMA integrity_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if cancelled:
            raise BackupCancelled() from exc
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def file_sha256(path: Path, chunk: int = 1024 * 1024) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (no-op where folders cannot be opened: Windows)."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def damaged_source(path: Path, detail: str) -> BackupError:
    return BackupError(f"数据库 {path.name} 已损坏（{detail}），无法备份。请联系技术人员，不要覆盖它。",
                       f"The database {path.name} is damaged ({detail}) and cannot be backed up. "
                       "Ask for technical help and do not overwrite it.")
