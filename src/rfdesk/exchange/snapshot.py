"""A consistent snapshot of a live SQLite database, and what a snapshot holds (header, revision, row counts,
integrity), for backups taken while other clerks keep working.

Most of the time no copy is needed (:func:`held_still`). In WAL mode the database file changes only when a
checkpoint moves committed pages from the WAL into it, and SQLite documents that a checkpoint stops at the
end mark of every reader still open. So: open a read transaction, then checkpoint; if the checkpoint moved
everything the WAL held, the file now holds exactly what the read transaction sees, and keeps holding it,
untouched, for as long as that transaction stays open, while other clerks go on writing into the WAL. The
backup then reads the file itself, once.

Otherwise (:func:`copy_database`) the snapshot is a copy made with SQLite's online backup API in steps: when
the checkpoint cannot finish (another reader still on an older state, a checkpoint already running), with
a rollback journal (where a reader holding the file would hold writers off for the whole backup), or for a
file past SQLite's lock bytes at 1 GiB (which Windows will not let anyone read while they are locked). The
copying connection first opens a read transaction and holds it to the end: every step then reads the same
committed state, so writes made meanwhile by other connections neither restart the copy nor end up half in
it. In WAL mode writers carry on undisturbed; with a rollback journal (FAT sticks, network drives) they
wait until the copy is done, which the busy timeout covers. The copy is a private temporary file that the
backup reads right away: it is written without a journal and without flushing to the disk (a third of the
copying time), since what must be durable is the backup file, which is fsynced and read back.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rfdesk.exchange.backup_errors import BackupCancelled, BackupError

SQLITE_MAGIC = b"SQLite format 3\x00"
PAGES_PER_STEP = 1024
BUSY_TIMEOUT_S = 10.0
PENDING_BYTE = 0x40000000  # where SQLite's lock bytes are: no page there, and unreadable on Windows when locked

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


def _facts(con: sqlite3.Connection) -> DatabaseFacts:
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    counts = {t: int(con.execute(f"SELECT count(*) FROM {quote_name(t)}").fetchone()[0])
              for t in tables if t != "alembic_version"}
    revision = None
    if "alembic_version" in tables:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    return DatabaseFacts(revision, counts)


def database_facts(path: Path) -> DatabaseFacts:
    """Revision and row counts of a database file that nobody else has open."""
    con = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    try:
        return _facts(con)
    finally:
        con.close()


@dataclass(frozen=True)
class Header:
    """What the first 100 bytes of a database file say about its size."""

    page_size: int
    pages: int | None  # None when the header's page count is not valid (an old writer left it stale)

    @classmethod
    def read(cls, head: bytes) -> Header | str:
        """The header, or what is wrong with it."""
        if len(head) < 100 or head[:16] != SQLITE_MAGIC:
            return "文件头 header"
        (page_size,) = struct.unpack(">H", head[16:18])
        page_size = 65536 if page_size == 1 else page_size
        if page_size < 512 or page_size & (page_size - 1):
            return f"页大小 page size {page_size}"
        (pages,) = struct.unpack(">I", head[28:32])
        # The page count is valid when the "version valid for" number equals the change counter.
        return cls(page_size, pages if pages and head[92:96] == head[24:28] else None)


def header_problem(path: Path) -> str | None:
    """What is wrong with the header of a database file (None when nothing is): the cheap checks of a copy.

    The magic, a page size SQLite can have, a file of whole pages, and the page count the header claims
    (when it is valid) against the file's size: a copy cut short or padded is caught here.
    """
    with open(path, "rb") as f:
        header = Header.read(f.read(100))
    if isinstance(header, str):
        return header
    size = path.stat().st_size
    if size == 0 or size % header.page_size:
        return f"文件大小 file size {size}"
    if header.pages is not None and header.pages * header.page_size != size:
        return f"页数 page count {header.pages} × {header.page_size} ≠ {size}"
    return None


def _integrity(con: sqlite3.Connection, cancel: CancelCheck | None) -> list[str]:
    cancelled = False

    def interrupt() -> int:
        nonlocal cancelled
        cancelled = cancel is not None and cancel()
        return 1 if cancelled else 0

    try:
        if cancel is not None:
            con.set_progress_handler(interrupt, 100_000)
        try:
            rows = [str(r[0]) for r in con.execute("PRAGMA integrity_check")]
        finally:
            con.set_progress_handler(None, 0)
    except sqlite3.DatabaseError as exc:
        if cancelled:
            raise BackupCancelled() from exc
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def integrity_problems(path: Path, cancel: CancelCheck | None = None) -> list[str]:
    """``PRAGMA integrity_check`` of a database file; an empty list when it is sound.

    A large database takes a while: ``cancel()`` is asked now and then and stops it with BackupCancelled.
    """
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    try:
        return _integrity(con, cancel)
    finally:
        con.close()


class Snapshot:
    """A consistent state of a database, as the bytes of a database file: ``size`` and :meth:`chunks`."""

    method = ""  # how it was had, for the manifest: "file" (held still) or "copy" (backup API)
    size = 0

    def chunks(self, n: int) -> Iterator[bytes]:
        raise NotImplementedError

    def problem(self) -> str | None:
        """What the cheap checks find wrong (header, page count), or None."""
        raise NotImplementedError

    def facts(self) -> DatabaseFacts:
        raise NotImplementedError

    def integrity_problems(self, cancel: CancelCheck | None = None) -> list[str]:
        raise NotImplementedError


class CopiedSnapshot(Snapshot):
    """A database file of its own that nobody else has open: the backup API's copy, or a prepared file."""

    method = "copy"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.size = self.path.stat().st_size

    def chunks(self, n: int) -> Iterator[bytes]:
        with open(self.path, "rb") as f:
            while block := f.read(n):
                yield block

    def problem(self) -> str | None:
        return header_problem(self.path)

    def facts(self) -> DatabaseFacts:
        return database_facts(self.path)

    def integrity_problems(self, cancel: CancelCheck | None = None) -> list[str]:
        return integrity_problems(self.path, cancel)


class HeldSnapshot(Snapshot):
    """The live database file itself, holding every committed change and kept so by an open read
    transaction (see the module's docstring); valid only inside :func:`held_still`."""

    method = "file"

    def __init__(self, path: Path, size: int, con: sqlite3.Connection) -> None:
        self.path = path
        self.size = size
        self._con = con

    def chunks(self, n: int) -> Iterator[bytes]:
        with open(self.path, "rb") as f:
            done = 0
            while done < self.size:
                block = f.read(min(n, self.size - done))
                if not block:
                    raise OSError(f"{self.path} ended early")
                if done == 0:
                    # Bytes 18 and 19 say "WAL"; the backup is a rollback-journal database, as the copy is,
                    # so that it opens on a FAT stick or a network drive without side files.
                    block = block[:18] + b"\x01\x01" + block[20:]
                done += len(block)
                yield block

    def problem(self) -> str | None:
        return None  # the header was read and checked when the file was held

    def facts(self) -> DatabaseFacts:
        return _facts(self._con)

    def integrity_problems(self, cancel: CancelCheck | None = None) -> list[str]:
        return _integrity(self._con, cancel)


def _hold(con: sqlite3.Connection, source: Path) -> HeldSnapshot | None:
    if str(con.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
        return None
    con.execute("BEGIN")
    con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    checkpointer = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        busy, in_wal, moved = checkpointer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    finally:
        checkpointer.close()
    if busy or in_wal != moved:
        return None
    with open(source, "rb") as f:
        header = Header.read(f.read(100))
    if isinstance(header, str) or header.pages is None:
        return None
    size = header.pages * header.page_size
    if size > PENDING_BYTE or source.stat().st_size < size:
        return None
    return HeldSnapshot(source, size, con)


@contextlib.contextmanager
def held_still(source: Path) -> Iterator[HeldSnapshot | None]:
    """The live WAL database ``source`` held still as its own snapshot for the ``with`` block, or None when
    that cannot be had (the caller then copies with :func:`copy_database`). Other clerks keep writing."""
    held = None
    con = None
    try:
        con = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_S, isolation_level=None)
        held = _hold(con, source)
    except (sqlite3.Error, OSError):
        held = None
    try:
        if held is None and con is not None:
            con.close()
            con = None
        yield held
    finally:
        if con is not None:
            with contextlib.suppress(sqlite3.Error):
                if con.in_transaction:
                    con.execute("COMMIT")
            con.close()


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
