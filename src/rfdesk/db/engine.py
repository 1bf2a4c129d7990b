"""Opening a database: engine, SQLite pragmas, schema check and migrations, sessions.

``open_database(url_or_path)`` is the one entry point. It refuses a database written by a newer rfdesk,
takes a safety copy before migrating an older one, and returns a :class:`Database` whose ``session()``
gives sessions bound to it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from rfdesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from rfdesk.services.errors import DatabaseError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
# File systems on which SQLite's WAL mode is unsafe or unavailable (no shared memory / no byte-range locks).
NO_WAL_FILESYSTEMS = {"vfat", "msdos", "fat", "fat32", "exfat", "fuseblk", "nfs", "nfs4", "cifs", "smb3", "smbfs",
                      "9p", "fuse.sshfs", "ntfs3"}


def to_url(target: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL for a file path, or the URL itself when one is given."""
    s = os.fspath(target)
    if "://" in s:
        return s
    return "sqlite:///" + str(Path(s).expanduser().absolute())


def shown(url: str) -> str:
    """A database address as it may be printed: a server's password is left out."""
    if url.startswith("sqlite") or "@" not in url:
        return url
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def sqlite_path(url: str) -> Path | None:
    if not url.startswith("sqlite"):
        return None
    rest = url.split(":///", 1)[1] if ":///" in url else ""
    if not rest or rest == ":memory:":
        return None
    return Path(rest.split("?", 1)[0])


def filesystem_type(path: Path) -> str:
    """Best-effort name of the file system holding ``path`` ("ext4", "vfat", "NTFS", …); "" if unknown."""
    p = path.absolute()
    if sys.platform.startswith("win"):
        import ctypes

        root = os.path.splitdrive(str(p))[0] + "\\"
        buf = ctypes.create_unicode_buffer(64)
        ok = ctypes.windll.kernel32.GetVolumeInformationW(  # type: ignore[attr-defined]
            ctypes.c_wchar_p(root), None, 0, None, None, None, buf, len(buf)
        )
        if str(p).startswith("\\\\"):
            return "smb"
        return buf.value.lower() if ok else ""
    try:
        with open("/proc/mounts", encoding="utf-8") as f:
            mounts = [line.split()[:3] for line in f]
    except OSError:
        return ""
    best, fstype = "", ""
    sp = str(p)
    for _dev, mnt, typ in mounts:
        mnt = mnt.replace("\\040", " ")
        if (sp == mnt or sp.startswith(mnt.rstrip("/") + "/")) and len(mnt) >= len(best):
            best, fstype = mnt, typ
    return fstype.lower()


def wal_allowed(db_file: Path) -> bool:
    if os.environ.get("RFDESK_NO_WAL"):
        return False
    return filesystem_type(db_file.parent if not db_file.exists() else db_file) not in NO_WAL_FILESYSTEMS


def _configure_sqlite(engine: Engine, db_file: Path | None) -> None:
    use_wal = db_file is not None and wal_allowed(db_file)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy drive transactions; pysqlite's own implicit BEGIN handling is switched off
        # and we issue BEGIN ourselves (see "begin" below).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        if db_file is not None:
            mode = "wal" if use_wal else "delete"
            got = cur.execute(f"PRAGMA journal_mode={mode}").fetchone()[0]
            if use_wal and str(got).lower() != "wal":
                cur.execute("PRAGMA journal_mode=delete")
            cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: object) -> None:
        # BEGIN IMMEDIATE would serialise readers too; a plain BEGIN is upgraded on first write and the
        # busy timeout makes the second writer wait instead of failing.
        conn.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]


def make_engine(url: str) -> Engine:
    db_file = sqlite_path(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine, db_file)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


@dataclass
class Database:
    """An open database: its URL, engine and session factory."""

    url: str
    engine: Engine
    revision: str
    safety_copy: Path | None = None
    _factory: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def new_session(self) -> Session:
        return self._factory()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back entirely on any error."""
        s = self._factory()
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def close(self) -> None:
        self.engine.dispose()


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database, or None for an empty database."""
    with engine.connect() as conn:
        insp = inspect(conn)
        if not insp.has_table("alembic_version"):
            if insp.get_table_names():
                raise DatabaseError(
                    "database",
                    "该文件不是 rfdesk 数据库，未做任何修改。",
                    "This file is not an rfdesk database; it was left untouched.",
                )
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def safety_copy(engine: Engine, db_file: Path, backup_dir: Path, reason: str) -> Path:
    """Copy a live SQLite database with the online backup API (never a raw file copy)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{db_file.stem}-{reason}-{stamp}.sqlite"
    src = sqlite3.connect(str(db_file))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def recover_hot_journal(db_file: Path) -> None:
    """Roll back what a writer killed in mid-transaction left in a rollback journal.

    SQLite does this on the next read, but only through a connection allowed to write; a read-only one
    fails with "attempt to write a readonly database". Rolling back restores the last committed state.
    """
    journal = db_file.with_name(db_file.name + "-journal")
    if journal.exists() and journal.stat().st_size > 0:
        conn = sqlite3.connect(str(db_file), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError:
            pass  # peek_revision reports what is wrong
        finally:
            conn.close()


def peek_revision(db_file: Path) -> str | None:
    """The revision stamped in a SQLite file, read without writing anything to it."""
    recover_hot_journal(db_file)
    uri = "file:" + str(db_file.absolute()).replace("?", "%3f").replace("#", "%23") + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError("db", f"无法打开数据库：{exc}", f"Cannot open the database: {exc}") from exc
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in names:
            if names:
                raise DatabaseError("database", "该文件不是 rfdesk 数据库，未做任何修改。",
                                    "This file is not an rfdesk database; it was left untouched.")
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError("db", f"数据库文件已损坏或无法读取：{exc}；未做任何修改。",
                            f"The database file is damaged or unreadable: {exc}; it was left untouched.") from exc
    finally:
        conn.close()


def _check_revision(rev: str | None) -> None:
    if rev is not None and rev not in KNOWN_REVISIONS:
        raise DatabaseError(
            "db",
            f"该数据库由更新版本的 rfdesk 创建（结构版本 {rev}），请升级程序后再打开；数据库未做任何修改。",
            f"This database was written by a newer rfdesk (schema {rev}); upgrade the program to open it. "
            "The database was left untouched.",
        )


def open_database(target: str | os.PathLike[str], *, migrate: bool = True,
                  safety_dir: Path | None = None) -> Database:
    """Open (creating if needed) and bring up to date the database at ``target``.

    Refuses, without touching it, a database stamped by a newer version of rfdesk or one that is not an
    rfdesk database. Before migrating an existing older database, a safety copy is written to
    ``safety_dir`` (default: a ``safety`` folder beside the database).
    """
    url = to_url(target)
    db_file = sqlite_path(url)
    if db_file is not None:
        if db_file.exists() and db_file.is_dir():
            raise DatabaseError("db", f"{db_file} 是文件夹，不是数据库文件。", f"{db_file} is a folder, not a database file.")
        if not db_file.parent.exists():
            raise DatabaseError("db", f"文件夹不存在：{db_file.parent}", f"Folder does not exist: {db_file.parent}")
        if db_file.exists() and db_file.stat().st_size > 0:
            with open(db_file, "rb") as f:
                if f.read(16) != b"SQLite format 3\x00":
                    raise DatabaseError("db", f"{db_file.name} 不是数据库文件，未做任何修改。",
                                        f"{db_file.name} is not a database file; it was left untouched.")
    if db_file is not None and db_file.exists() and db_file.stat().st_size > 0:
        # Look before touching: the engine's pragmas (journal mode) write to the file, so a file we must
        # refuse is first read through a read-only connection.
        _check_revision(peek_revision(db_file))
    try:
        engine = make_engine(url)
    except Exception as exc:  # an unknown scheme, a malformed URL, a server driver that is not installed
        raise DatabaseError("db", f"无法识别或连接该数据库地址：{exc}",
                            f"Cannot use this database address: {exc}") from exc
    try:
        rev = current_revision(engine)
        _check_revision(rev)
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:  # sqlite3.DatabaseError for a damaged file, connection errors for servers
        engine.dispose()
        raise DatabaseError("db", f"无法打开数据库：{exc}", f"Cannot open the database: {exc}") from exc
    copy: Path | None = None

    if rev != HEAD_REVISION:
        if not migrate:
            engine.dispose()
            raise DatabaseError("db", "数据库结构需要升级。", "The database schema needs an upgrade.")
        if rev is not None and db_file is not None:
            copy = safety_copy(engine, db_file, safety_dir or (db_file.parent / "safety"), f"before-{HEAD_REVISION}")
            log.info("safety copy before migration: %s", copy)
        from rfdesk.db.migrate import upgrade_to_head  # alembic is imported only when needed

        upgrade_to_head(engine)
        rev = HEAD_REVISION
    return Database(url=url, engine=engine, revision=rev, safety_copy=copy)
