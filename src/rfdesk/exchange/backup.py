"""Backing up the database to one ``.rfbak`` file (see :mod:`rfdesk.exchange.container` for its layout).

``create_backup(db, folder)`` is what the window and ``rfdesk backup`` call. It

1. takes a consistent snapshot of the committed state of the live database while the application keeps
   working (:mod:`rfdesk.exchange.snapshot`): in WAL mode usually the live file itself, held still by a
   read transaction after a checkpoint, otherwise a copy made with SQLite's online backup API;
2. checks that snapshot (its header and page count, its schema and revision; with ``full_check`` also
   ``PRAGMA integrity_check``) and describes it in a :class:`Manifest`: application version, schema
   revision, row counts per table, creation time, computer;
3. writes manifest and snapshot, optionally compressed and sealed with a passphrase, under a temporary name
   in the target folder; flushes and fsyncs the file, drops it from the page cache and reads it back from
   the disk, checking its frames, comparing the database in it with the snapshot byte for byte and hashing
   it (SHA-256) as it comes back; writes that hash in a last frame, fsynced and read back in turn; and only
   then renames it (atomically) to its final name, e.g. ``rfdesk-备份-20200128-153000.rfbak``. Each byte
   of the database is thus read from the snapshot twice (once to write, once to compare) and hashed once.

Where the full integrity check runs: it reads every page and costs many times the rest of a backup, so a
backup the clerk waits for checks the structure it can check cheaply, and a damaged database is caught

- by the daily automatic backup (:mod:`rfdesk.exchange.retention`), which runs ``PRAGMA integrity_check``
  on its snapshot in the background and refuses a damaged database, said in the status bar the same day;
- by every verification and restore (:mod:`rfdesk.exchange.restore`), which check the database inside the
  backup before anything relies on it, so a damaged backup is refused before it replaces anything.

The manifest says whether the full check ran before writing (``integrity_checked``).

If anything fails on the way (full stick, stick pulled out, Cancel) the temporary file is removed and a
:class:`~rfdesk.exchange.backup_errors.BackupError` explains why; the live database is only ever read.
A server database (PostgreSQL) is backed up with the server's own tools and is refused here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import platform
import secrets
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from rfdesk import APP_NAME, __version__
from rfdesk.db.schema import KNOWN_REVISIONS
from rfdesk.exchange import container, crypto, snapshot
from rfdesk.exchange.backup_errors import BackupCancelled, BackupError, BackupWriteFailed
from rfdesk.exchange.snapshot import CancelCheck, Progress

if TYPE_CHECKING:
    from rfdesk.db.engine import Database

SUFFIX = ".rfbak"
PARTIAL = ".partial"
MANUAL_PREFIX = "rfdesk-备份"
MANIFEST_VERSION = 2  # 1: format 1 files, whose manifest holds the data's SHA-256

# How a file is opened for writing; replaced only to simulate hardware faults.
Opener = Callable[[Path], BinaryIO]


def _open_new(path: Path) -> BinaryIO:
    return open(path, "xb")


@dataclass(frozen=True)
class Manifest:
    """What a backup holds, as written beside the data."""

    app_version: str
    schema_revision: str
    created_at: str  # ISO 8601 with the computer's UTC offset, e.g. 2020-01-28T15:30:00+08:00
    computer: str
    source: str  # file name of the database that was backed up
    row_counts: dict[str, int]
    sha256: str  # of the database inside; format 2 keeps it at the end of the file, after the data
    size: int
    origin: str = "manual"  # manual, auto-exit, auto-daily, before-restore
    encrypted: bool = False
    integrity_checked: bool = False  # PRAGMA integrity_check passed on the snapshot before it was written
    snapshot: str = ""  # "file": the live file held still; "copy": copied with the backup API
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def created(self) -> datetime:
        return datetime.fromisoformat(self.created_at)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": container.FORMAT_ID,
            "manifest_version": MANIFEST_VERSION,
            "app": APP_NAME,
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at,
            "computer": self.computer,
            "source": self.source,
            "row_counts": dict(self.row_counts),
            "data": {"size": self.size, "kind": "sqlite"},
            "integrity_checked": self.integrity_checked,
            "snapshot": self.snapshot,
            "origin": self.origin,
            **self.extra,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any], *, encrypted: bool, format_version: int = container.FORMAT_VERSION,
                  sha256: str = "") -> Manifest:
        """Read a manifest of a file of ``format_version``; ``sha256`` is the data's hash from the E frame
        (format 2). One that lacks a field or has one of the wrong type is refused as tampered."""
        if d.get("format") != container.FORMAT_ID or d.get("app") != APP_NAME:
            raise container.tampered("清单格式 manifest format")
        version = d.get("manifest_version")
        if isinstance(version, int) and version > MANIFEST_VERSION:
            raise container.too_new(f"rfdesk {d.get('app_version', '?')}")
        try:
            data = d["data"]
            counts = d["row_counts"]
            # Format 1 always ran the full integrity check before writing, and kept the hash in the manifest.
            checked = True if version == 1 else d.get("integrity_checked", False)
            m = cls(app_version=str(d["app_version"]), schema_revision=str(d["schema_revision"]),
                    created_at=str(d["created_at"]), computer=str(d["computer"]), source=str(d["source"]),
                    row_counts={str(k): int(v) for k, v in counts.items()},
                    sha256=str(data["sha256"]) if version == 1 else sha256,
                    size=int(data["size"]), origin=str(d.get("origin", "manual")), encrypted=encrypted,
                    integrity_checked=checked, snapshot=str(d.get("snapshot", "")))
            m.created  # noqa: B018 - a date that does not parse makes the manifest unusable
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise container.tampered("清单内容 manifest content") from exc
        if (data.get("kind") != "sqlite" or version != format_version or not isinstance(checked, bool)
                or m.size <= 0):
            raise container.tampered("清单内容 manifest content")
        return m


class StagedProgress:
    """Maps each stage's own progress onto one 0‥1000 scale, and asks ``cancel`` as it goes."""

    SCALE = 1000

    def __init__(self, progress: Progress | None, cancel: CancelCheck | None) -> None:
        self.progress = progress
        self.cancel = cancel

    def reporter(self, start: float, end: float) -> Progress:
        def report(done: int, total: int) -> None:
            self.check()
            if self.progress is not None and total > 0:
                self.progress(int(self.SCALE * (start + (end - start) * min(done, total) / total)), self.SCALE)
        return report

    def check(self) -> None:
        if self.check_now():
            raise BackupCancelled()

    def check_now(self) -> bool:
        return self.cancel is not None and bool(self.cancel())

    def done(self) -> None:
        if self.progress is not None:
            self.progress(self.SCALE, self.SCALE)


def backup_name(prefix: str, when: datetime) -> str:
    """``<prefix>-YYYYMMDD-HHMMSS.rfbak``: sorts by time, and has no character FAT or exFAT refuse."""
    return f"{prefix}-{when:%Y%m%d-%H%M%S}{SUFFIX}"


def _free_name(folder: Path, prefix: str, when: datetime) -> Path:
    path = folder / backup_name(prefix, when)
    n = 2
    while path.exists():
        path = folder / f"{prefix}-{when:%Y%m%d-%H%M%S}-{n}{SUFFIX}"
        n += 1
    return path


def write_failed(exc: OSError, folder: Path, doing: tuple[str, str] = ("写入备份", "Writing the backup")
                 ) -> BackupWriteFailed:
    """A clerk's explanation of a failed write or read; nothing incomplete was left behind."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return BackupWriteFailed(f"{folder} 所在的磁盘（U盘）空间不足，操作未完成，没有留下不完整的文件。"
                                 "请清理空间或换一个U盘。",
                                 f"The disk (USB stick) holding {folder} is full; the operation was not "
                                 "completed and no incomplete file was left. Free some space or use another "
                                 "stick.")
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return BackupWriteFailed(f"无法写入文件夹 {folder}（只读或没有权限），没有留下备份文件。",
                                 f"Cannot write to the folder {folder} (read-only or no permission); no backup "
                                 "file was left.")
    reason = exc.strerror or type(exc).__name__
    return BackupWriteFailed(f"{doing[0]}时出错（U盘可能已被拔出或损坏：{reason}），操作未完成，没有留下不完整的文件。",
                             f"{doing[1]} failed (the stick may have been pulled out or be failing: {reason}); "
                             "it was not completed and no incomplete file was left.")


def _drop_cached_pages(f: BinaryIO) -> None:
    # So that reading back reads what reached the stick, not what is still in memory. The file was fsynced
    # first: only clean pages can be dropped.
    if hasattr(os, "posix_fadvise"):
        with contextlib.suppress(OSError):
            os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    container.read_ahead(f)


def _read_back_differs() -> BackupWriteFailed:
    return BackupWriteFailed("备份写入后读回校验不符（U盘可能有故障），没有留下备份文件。",
                             "The backup read back differently from what was written (the stick may be "
                             "failing); no backup file was left.")


def write_backup_file(data: Path | snapshot.Snapshot, folder: Path, manifest: Manifest, *,
                      prefix: str = MANUAL_PREFIX, when: datetime | None = None, passphrase: str | None = None,
                      progress: Progress | None = None, opener: Opener | None = None,
                      check_back: Progress | None = None, compression: str = "none") -> Path:
    """Write ``data`` (a checked snapshot, or a database file of its own) and ``manifest`` as a new backup
    in ``folder``.

    Under a temporary name: the frames (``compression`` "none" or "zlib"), fsync; read back from the disk,
    comparing the database in it with the snapshot and hashing it as it comes back; the E frame with that
    hash, fsync, and the E frame read back too; then renamed. Returns the final path; on any failure
    removes the temporary file and raises :class:`BackupWriteFailed` (or the cancel).
    """
    source = data if isinstance(data, snapshot.Snapshot) else snapshot.CopiedSnapshot(data)
    folder = Path(folder)
    if not folder.is_dir():
        raise BackupWriteFailed(f"目标文件夹不存在：{folder}（U盘是否已插好？）",
                                f"The target folder does not exist: {folder} (is the stick plugged in?)")
    when = when or datetime.now()
    final = _free_name(folder, prefix, when)
    partial = final.with_name(f"{final.name}{PARTIAL}-{secrets.token_hex(4)}")
    encryption, sealer = (None, None)
    if passphrase:
        encryption, sealer = crypto.new_encryption(passphrase)
    total = max(manifest.size, 1)
    try:
        with (opener or _open_new)(partial) as out:
            with container.ContainerWriter(out, sealer, encryption, compression=compression) as writer:
                writer.manifest(manifest.to_json())
                for chunk in source.chunks(container.CHUNK_SIZE):
                    writer.data(chunk)
                    if progress is not None:
                        progress(writer.data_size, total)
                writer.flush_data()
                out.flush()
                os.fsync(out.fileno())
                if writer.data_size != manifest.size:
                    raise _read_back_differs()  # the snapshot is not the one the manifest describes
                sha256 = _read_back(partial, source, sealer, writer, check_back)
                if manifest.sha256 not in ("", sha256):
                    raise _read_back_differs()
                writer.end(sha256)
                out.flush()
                os.fsync(out.fileno())
        snapshot.fsync_dir(folder)
        _read_back_end(partial, writer.end_frame, writer.written)
        if final.exists():  # another backup took the name meanwhile: never overwrite one
            final = _free_name(folder, prefix, when)
        os.replace(partial, final)
        snapshot.fsync_dir(folder)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if isinstance(exc, OSError):
            raise write_failed(exc, folder) from exc
        raise
    return final


def _read_back(path: Path, original: snapshot.Snapshot, sealer: crypto.Sealer | None,
               writer: container.ContainerWriter, progress: Progress | None) -> str:
    """Read the new file (all but its E frame, not written yet) back from the disk, checking its frames as
    verify does, compare the database in it byte for byte with ``original``, the snapshot it was written
    from (still in memory, so comparing costs next to nothing), and return the hash of the database as
    read back, taken on another core while the disk reads."""
    expected = original.chunks(container.CHUNK_SIZE)
    try:
        with open(path, "rb") as f:
            _drop_cached_pages(f)
            reader = container.ContainerReader(f)
            reader.read_header()
            reader.unlock(None, sealer)
            reader.read_manifest()
            for chunk in reader.iter_written_data(writer.written):
                if chunk != next(expected, None):
                    raise _read_back_differs()
                if progress is not None:
                    progress(reader.bytes_read, writer.written)
            if next(expected, None) is not None:
                raise _read_back_differs()
    except BackupCancelled:
        raise
    except BackupError as exc:
        raise _read_back_differs() from exc
    if reader.data_size != writer.data_size or reader.frames_sha256 != writer.frames_sha256:
        raise _read_back_differs()
    return reader.data_sha256


def _read_back_end(path: Path, end_frame: bytes, size: int) -> None:
    """The E frame, written last, read back from the disk: the file is then checked to its last byte."""
    with open(path, "rb") as f:
        _drop_cached_pages(f)
        if os.fstat(f.fileno()).st_size != size:
            raise _read_back_differs()
        f.seek(size - len(end_frame))
        if f.read(len(end_frame)) != end_frame:
            raise _read_back_differs()


def _copy_failed(exc: sqlite3.OperationalError, db_file: Path, tmp: Path) -> BackupError:
    text = str(exc).lower()
    if "full" in text:
        return write_failed(OSError(errno.ENOSPC, str(exc)), tmp)
    if "locked" in text or "busy" in text:
        return BackupError(f"数据库 {db_file.name} 正忙（另一个程序正在长时间写入），请稍后再备份。",
                           f"The database {db_file.name} is busy (another program is writing for long); "
                           "try the backup again later.")
    return snapshot.damaged_source(db_file, str(exc))


def describe_snapshot(snap: snapshot.Snapshot, source_name: str, origin: str, when: datetime,
                      cancel: CancelCheck | None = None, *, full_check: bool = False) -> Manifest:
    """Check a snapshot of the database and describe it; refuses a damaged, foreign or newer database.

    Always checks the header against the file (page size, page count) and reads the schema, the revision
    and the row count of every table; ``full_check`` also runs ``PRAGMA integrity_check`` (every page).
    The manifest's hash is left empty: it is taken while the snapshot is written.
    """
    problem = snap.problem()
    if problem:
        raise snapshot.damaged_source(Path(source_name), problem)
    if full_check:
        problems = snap.integrity_problems(cancel)
        if problems:
            raise snapshot.damaged_source(Path(source_name), problems[0])
    try:
        facts = snap.facts()
    except sqlite3.DatabaseError as exc:
        raise snapshot.damaged_source(Path(source_name), str(exc)) from exc
    if facts.revision is None:
        raise BackupError(f"{source_name} 不是 rfdesk 数据库，无法备份。",
                          f"{source_name} is not an rfdesk database and cannot be backed up.")
    if facts.revision not in KNOWN_REVISIONS:
        raise BackupError(f"{source_name} 由更新版本的 rfdesk 创建，请用新版本备份。",
                          f"{source_name} was written by a newer rfdesk; back it up with that version.")
    return Manifest(app_version=__version__, schema_revision=facts.revision,
                    created_at=when.astimezone().isoformat(timespec="seconds"), computer=platform.node() or "?",
                    source=source_name, row_counts=facts.row_counts, sha256="", size=snap.size,
                    origin=origin, integrity_checked=full_check, snapshot=snap.method)


def backup_database_file(db_file: Path, folder: Path, *, passphrase: str | None = None,
                         progress: Progress | None = None, cancel: CancelCheck | None = None,
                         origin: str = "manual", prefix: str = MANUAL_PREFIX, when: datetime | None = None,
                         opener: Opener | None = None, compression: str = "none",
                         full_check: bool = False) -> Path:
    """Back up the SQLite file ``db_file`` into ``folder``; see :func:`create_backup`."""
    db_file = Path(db_file)
    if not db_file.is_file() or not snapshot.is_sqlite_file(db_file):
        raise BackupError(f"找不到数据库文件，或它不是数据库：{db_file}",
                          f"No database file found, or it is not a database: {db_file}")
    stages = StagedProgress(progress, cancel)
    # Shares of the progress bar: copy, full check (when asked), write, read back.
    copied, checked, written = (0.15, 0.5, 0.8) if full_check else (0.3, 0.3, 0.7)
    when = when or datetime.now()
    with snapshot.held_still(db_file) as held, tempfile.TemporaryDirectory(prefix="rfdesk-backup-") as tmp:
        snap: snapshot.Snapshot
        if held is not None:
            snap = held
            stages.reporter(0.0, copied)(1, 1)
        else:
            copy = Path(tmp) / "snapshot.sqlite"
            try:
                snapshot.copy_database(db_file, copy, progress=stages.reporter(0.0, copied), cancel=stages.cancel)
            except OSError as exc:
                raise write_failed(exc, Path(tmp)) from exc
            except sqlite3.OperationalError as exc:
                raise _copy_failed(exc, db_file, Path(tmp)) from exc
            except sqlite3.DatabaseError as exc:
                raise snapshot.damaged_source(db_file, str(exc)) from exc
            snap = snapshot.CopiedSnapshot(copy)
        stages.check()
        manifest = describe_snapshot(snap, db_file.name, origin, when, stages.check_now, full_check=full_check)
        stages.reporter(copied, checked)(1, 1)
        path = write_backup_file(snap, folder, manifest, prefix=prefix, when=when, passphrase=passphrase,
                                 progress=stages.reporter(checked, written), opener=opener,
                                 check_back=stages.reporter(written, 1.0), compression=compression)
    stages.done()
    return path


def create_backup(db: Database, target_dir: str | os.PathLike[str], *, passphrase: str | None = None,
                  progress: Progress | None = None, cancel: CancelCheck | None = None,
                  opener: Opener | None = None, compression: str = "none", full_check: bool = False) -> Path:
    """Back up the open database ``db`` into the folder ``target_dir``; returns the new backup file.

    ``passphrase`` seals the backup (AES-256-GCM, Argon2id); it is not stored anywhere. ``progress(done,
    total)`` reports 0‥1000 as the work goes; ``cancel()`` returning True stops it with BackupCancelled and
    leaves nothing behind. ``compression="zlib"`` makes the file about 2.5 times smaller at the cost of
    compressing on two threads; ``full_check`` runs ``PRAGMA integrity_check`` before writing. Refuses a
    server database, a damaged one, a full or missing target.
    """
    if not db.is_sqlite or db.path is None:
        raise server_database_refused()
    return backup_database_file(db.path, Path(target_dir), passphrase=passphrase, progress=progress,
                                cancel=cancel, opener=opener, compression=compression, full_check=full_check)


def server_database_refused() -> BackupError:
    return BackupError("服务器数据库（PostgreSQL）请由管理员用服务器自带的工具（如 pg_dump）备份；rfdesk 只备份本机的数据库文件。",
                       "A server database (PostgreSQL) is backed up by its administrator with the server's own "
                       "tools (e.g. pg_dump); rfdesk backs up local database files only.")
