"""Verifying a backup file and restoring the database from it.

``verify_backup(path)`` reads the whole file and refuses, with a clear message, one that is truncated,
damaged, altered, locked with another passphrase, not a backup, another program's, or from a newer rfdesk.
It unpacks the database into a temporary file and runs ``PRAGMA integrity_check`` on it, so a backup of a
database that was already damaged is refused here even when the backup itself did not run the full check.
Files of both container formats (1 and 2, see :mod:`rfdesk.exchange.container`) are read.

``restore_backup(path, db_path)`` verifies first, unpacking beside the live database; then it makes sure no
program has the live database open, keeps a safety copy of it (itself a backup, so it can be restored the
same way), and swaps the restored file in with one atomic rename. Nothing touches the live database before
all the checks have passed. **The window must close its own Database (``db.close()``) before calling it**
and open the file again afterwards: a connection left open would keep writing into the replaced file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rfdesk.config import backup_dir
from rfdesk.db.schema import KNOWN_REVISIONS
from rfdesk.exchange import container, snapshot
from rfdesk.exchange.backup import (
    Manifest,
    StagedProgress,
    backup_database_file,
    server_database_refused,
    write_failed,
)
from rfdesk.exchange.backup_errors import (
    BackupCancelled,
    BackupCorrupted,
    BackupError,
    BackupWriteFailed,
    DatabaseInUse,
)
from rfdesk.exchange.snapshot import CancelCheck, Progress

if TYPE_CHECKING:
    from rfdesk.db.engine import Database

SAFETY_PREFIX = "rfdesk-恢复前"
SIDE_FILES = ("-wal", "-shm", "-journal")
RESTORING = ("恢复", "The restore")


def _open_backup(path: Path) -> tuple[container.ContainerReader, int]:
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed with the reader
    except FileNotFoundError as exc:
        raise BackupError(f"找不到备份文件：{path}", f"Backup file not found: {path}") from exc
    except IsADirectoryError as exc:
        raise BackupError(f"{path} 是文件夹，不是备份文件。", f"{path} is a folder, not a backup file.") from exc
    except OSError as exc:
        raise BackupError(f"无法读取备份文件 {path}：{exc.strerror}",
                          f"Cannot read the backup file {path}: {exc.strerror}") from exc
    container.read_ahead(f)
    return container.ContainerReader(f), os.fstat(f.fileno()).st_size


def is_encrypted(path: str | os.PathLike[str]) -> bool:
    """True when the backup needs a passphrase (so the window can ask for it); refuses a non-backup."""
    reader, _size = _open_backup(Path(path))
    with reader:
        return reader.read_header().encrypted


def read_manifest(path: str | os.PathLike[str], passphrase: str | None = None) -> Manifest:
    """The manifest of a backup, without reading the data (for listing backups; not a verification)."""
    reader, _size = _open_backup(Path(path))
    with reader:
        header = reader.read_header()
        reader.unlock(passphrase)
        fields = reader.read_manifest()
        if header.format_version == 1:
            return Manifest.from_json(fields, encrypted=header.encrypted, format_version=1)
        size = fields.get("data", {}).get("size") if isinstance(fields.get("data"), dict) else None
        if not isinstance(size, int) or size <= 0:
            raise container.tampered("清单内容 manifest content")
        return Manifest.from_json(fields, encrypted=header.encrypted, format_version=header.format_version,
                                  sha256=reader.stored_data_sha256(size))


def unpack_backup(path: Path, target: Path, passphrase: str | None = None, *, progress: Progress | None = None,
                  cancel: CancelCheck | None = None) -> Manifest:
    """Check the whole backup and write its database to the new file ``target``; returns the manifest.

    On a refusal ``target`` may hold part of the data; the caller removes it.
    """
    reader, size = _open_backup(path)
    with reader:
        header = reader.read_header()
        reader.unlock(passphrase)
        # Judged only once the whole file checked out, so that damage reads as damage, not as a lie.
        fields = reader.read_manifest()
        with open(target, "xb") as out:
            for chunk in reader.iter_data():
                out.write(chunk)
                if cancel is not None and cancel():
                    raise BackupCancelled()
                if progress is not None:
                    progress(reader.bytes_read, size)
            out.flush()
            os.fsync(out.fileno())
    # The reader hashed the data as it went; format 2 checked that hash against its E frame already.
    manifest = Manifest.from_json(fields, encrypted=header.encrypted, format_version=header.format_version,
                                  sha256=reader.data_sha256)
    if reader.data_size != manifest.size or reader.data_sha256 != manifest.sha256:
        raise container.tampered("数据与清单不符 data does not match the manifest")
    _check_database(target, manifest, cancel)
    return manifest


def _check_database(path: Path, manifest: Manifest, cancel: CancelCheck | None) -> None:
    problems = snapshot.integrity_problems(path, cancel)
    if problems:
        raise BackupCorrupted(f"备份中的数据库已损坏（{problems[0]}），不能使用。",
                              f"The database inside the backup is damaged ({problems[0]}); it cannot be used.")
    try:
        facts = snapshot.database_facts(path)
    except sqlite3.Error as exc:
        raise BackupCorrupted(f"备份中的数据库无法读取（{exc}），不能使用。",
                              f"The database inside the backup cannot be read ({exc}); it cannot be used.") from exc
    if facts.revision != manifest.schema_revision:
        raise container.tampered("结构版本与清单不符 schema revision does not match the manifest")
    if manifest.schema_revision not in KNOWN_REVISIONS:
        raise container.too_new(f"rfdesk {manifest.app_version}，结构版本 schema {manifest.schema_revision}")
    if facts.row_counts != manifest.row_counts:
        raise container.tampered("记录数与清单不符 row counts do not match the manifest")


def verify_backup(path: str | os.PathLike[str], passphrase: str | None = None, *,
                  progress: Progress | None = None, cancel: CancelCheck | None = None) -> Manifest:
    """Check a backup completely (format, manifest, hash, decryption, integrity, schema); returns its manifest.

    Raises a BackupError subclass naming what is wrong: BackupTruncated, BackupCorrupted, BackupTampered,
    PassphraseRequired, WrongPassphrase, NotABackup, ForeignBackup, BackupTooNew.
    """
    with tempfile.TemporaryDirectory(prefix="rfdesk-verify-") as tmp:
        try:
            return unpack_backup(Path(path), Path(tmp) / "check.sqlite", passphrase, progress=progress,
                                 cancel=cancel)
        except OSError as exc:
            raise write_failed(exc, Path(path).parent, ("检查备份", "Checking the backup")) from exc


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the database file now holding the backup's records, and the safety copy."""

    database: Path
    safety_copy: Path | None
    manifest: Manifest


def _in_use() -> DatabaseInUse:
    return DatabaseInUse("数据库正被其他窗口或程序使用。请先关闭所有 rfdesk 窗口再恢复；数据库未改动。",
                         "The database is open in another window or program. Close every rfdesk window "
                         "before restoring; the database was not changed.")


def _settle_live_database(db_path: Path) -> bool:
    """Fold the live database's WAL into the file and leave it in rollback-journal mode, alone.

    Switching out of WAL succeeds only when no other connection has the file open, which is how an open
    window is detected. Returns False when the file cannot be read as a database (a damaged one).
    Refuses with DatabaseInUse if someone else holds it.
    """
    try:
        con = sqlite3.connect(str(db_path), timeout=1.0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()  # rolls back a hot journal
            mode = str(con.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise _in_use() from exc
            return False
        except sqlite3.DatabaseError:
            return False
        try:
            if mode == "wal":
                busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if busy:
                    raise _in_use()
                if str(con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]).lower() != "delete":
                    raise _in_use()
            con.execute("BEGIN EXCLUSIVE")
            con.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            raise _in_use() from exc
    finally:
        con.close()
    return True


def _keep_damaged_files(db_path: Path, folder: Path) -> Path:
    """Raw copies of a database SQLite cannot read (and of its side files): the only safety copy possible."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{SAFETY_PREFIX}-{stamp}-{secrets.token_hex(2)}-{db_path.name}"
    for side in ("", *SIDE_FILES):
        original = Path(str(db_path) + side)
        if original.exists():
            copy = Path(str(target) + side)
            shutil.copyfile(original, copy)
            snapshot.fsync_file(copy)
    snapshot.fsync_dir(folder)
    return target


def restore_backup(path: str | os.PathLike[str], db_path: str | os.PathLike[str],
                   passphrase: str | None = None, *, safety_dir: str | os.PathLike[str] | None = None,
                   progress: Progress | None = None, cancel: CancelCheck | None = None) -> RestoreResult:
    """Replace the database file ``db_path`` by the database in backup ``path``.

    Verifies the backup completely first, keeps a safety copy of the current database in ``safety_dir``
    (default: the automatic backup folder), then swaps atomically. Refuses (DatabaseInUse) while another
    connection has the database open; every refusal leaves the live database's records as they were.
    The caller must have closed its own Database on ``db_path`` and reopens it afterwards.
    """
    source, live = Path(path), Path(db_path).absolute()
    folder = live.parent
    if not folder.is_dir():
        raise BackupError(f"文件夹不存在：{folder}", f"Folder does not exist: {folder}")
    if live.exists() and live.is_dir():
        raise BackupError(f"{live} 是文件夹，不是数据库文件。", f"{live} is a folder, not a database file.")
    stages = StagedProgress(progress, cancel)
    incoming = folder / f".{live.name}.restoring-{secrets.token_hex(4)}"
    try:
        try:
            manifest = unpack_backup(source, incoming, passphrase, progress=stages.reporter(0.0, 0.6),
                                     cancel=stages.cancel)
        except OSError as exc:
            raise write_failed(exc, folder, RESTORING) from exc
        stages.check()
        safety: Path | None = None
        # A WAL database may keep everything in its -wal file while the main file is still empty.
        if live.exists() or any(Path(str(live) + side).exists() for side in SIDE_FILES):
            readable = live.exists() and _settle_live_database(live)
            safety_folder = Path(safety_dir) if safety_dir is not None else backup_dir()
            try:
                safety_folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise write_failed(exc, safety_folder, RESTORING) from exc
            if readable:
                try:
                    safety = backup_database_file(live, safety_folder, origin="before-restore",
                                                  prefix=SAFETY_PREFIX, progress=stages.reporter(0.6, 0.95),
                                                  cancel=stages.cancel)
                except (BackupCancelled, BackupWriteFailed):
                    raise
                except BackupError:
                    pass  # damaged, foreign or too new: still kept below, as raw bytes
            if safety is None:
                try:
                    safety = _keep_damaged_files(live, safety_folder)
                except OSError as exc:
                    raise write_failed(exc, safety_folder, RESTORING) from exc
            stages.check()
            # Stale side files would be applied to the restored file by the next connection.
            for side in SIDE_FILES:
                Path(str(live) + side).unlink(missing_ok=True)
        try:
            os.replace(incoming, live)
            snapshot.fsync_dir(folder)
        except PermissionError as exc:  # Windows will not replace a file another program holds open
            raise _in_use() from exc
        except OSError as exc:
            raise write_failed(exc, folder, RESTORING) from exc
    finally:
        with contextlib.suppress(OSError):
            incoming.unlink()
    stages.done()
    return RestoreResult(live, safety, manifest)


def restore_open_database(db: Database, path: str | os.PathLike[str], passphrase: str | None = None, *,
                          progress: Progress | None = None,
                          cancel: CancelCheck | None = None) -> tuple[RestoreResult, Database]:
    """Restore the backup ``path`` over the window's open database ``db``; returns the result and ``db`` reopened.

    Closes ``db``'s idle connections first (a session still in use elsewhere makes the restore refuse with
    DatabaseInUse). On success the returned Database is the restored file, brought up to date if the
    backup came from an older version; on a refusal ``db`` is left usable as it was.
    """
    from rfdesk.db.engine import open_database

    if not db.is_sqlite or db.path is None:
        raise server_database_refused()
    db.close()
    result = restore_backup(path, db.path, passphrase, progress=progress, cancel=cancel)
    return result, open_database(result.database)
