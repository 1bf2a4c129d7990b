"""Automatic backups on exit and once a day, and how many of them are kept.

Automatic backups go to the data folder's ``backups`` folder as ``rfdesk-自动备份-YYYYMMDD-HHMMSS.rfbak``
(unencrypted: they stay on the office computer beside the database itself). They are compressed (zlib on
two threads, about 2.5 times smaller), because a couple of dozen of them are kept on the office computer's
disk, and the daily one, made in the background while the window works, also runs the full
``PRAGMA integrity_check`` on its snapshot: a database that became damaged is refused and said in the
status bar the same day, before the clerk relies on a backup of it, and since pruning follows only a
successful backup, the older sound backups are all kept. After each one, older
automatic backups are thinned out by a :class:`RetentionPolicy`, by default the newest backup of each of
the last 7 days, 4 weeks and 12 months that have backups. The clerk can change the numbers; they are kept in
the database's ``setting`` table so they travel with the data.

Pruning deletes only files this module made (its name pattern *and* a manifest saying "automatic"),
never a clerk's own backups, safety copies or anything else in the folder, and always keeps the newest.
Periods are counted among those that have backups, so a computer left off for a year does not come back
to find every backup expired.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sqlite3
import time
from collections.abc import Callable, Hashable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rfdesk.config import backup_dir
from rfdesk.domain import Setting
from rfdesk.exchange.backup import PARTIAL, SUFFIX, backup_database_file, server_database_refused
from rfdesk.exchange.backup_errors import BackupError
from rfdesk.exchange.progress import CancelCheck, Progress
from rfdesk.services import validation as v
from rfdesk.services.errors import ValidationError

if TYPE_CHECKING:
    from rfdesk.db.engine import Database

log = logging.getLogger(__name__)

AUTO_PREFIX = "rfdesk-自动备份"
REASONS = ("exit", "daily")
SETTING_KEY = "backup.retention"
_AUTO_NAME = re.compile(re.escape(AUTO_PREFIX) + r"-(\d{8}-\d{6})(?:-(\d+))?" + re.escape(SUFFIX) + "$")
# A partial file this old is the remains of a backup that was killed; a running one renames within minutes.
STALE_PARTIAL_SECONDS = 24 * 3600


@dataclass(frozen=True)
class RetentionPolicy:
    """How many automatic backups to keep: the newest of each of so many days, weeks and months."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def _clean_policy(data: dict[str, Any]) -> RetentionPolicy:
    if not isinstance(data, dict):
        raise v.fail("retention", "保留规则格式不正确", "the retention policy is malformed")
    v.unknown_fields({"daily", "weekly", "monthly"}, data)
    default = RetentionPolicy()
    values = {}
    for name in ("daily", "weekly", "monthly"):
        n = v.integer(name, data.get(name, getattr(default, name)), minimum=0, maximum=1000)
        values[name] = getattr(default, name) if n is None else n
    if not any(values.values()):
        raise v.fail("daily", "每日、每周、每月至少保留一份", "keep at least one daily, weekly or monthly backup")
    return RetentionPolicy(**values)


def load_policy(session: Session) -> RetentionPolicy:
    """The office's retention policy (the default when none was saved or the saved one is unreadable)."""
    row = session.scalars(select(Setting).where(Setting.key == SETTING_KEY)).first()
    return _policy_from_text(row.value if row else None)


def _policy_from_text(text: str | None) -> RetentionPolicy:
    if not text:
        return RetentionPolicy()
    try:
        return _clean_policy(json.loads(text))
    except (ValueError, TypeError, ValidationError):
        log.warning("unreadable backup retention setting %r; using the default", text)
        return RetentionPolicy()


def save_policy(session: Session, data: dict[str, Any]) -> RetentionPolicy:
    """Store a new retention policy from the settings form ({"daily": …, "weekly": …, "monthly": …}).

    Refuses a number that is not a whole number from 0 to 1000, and a policy that keeps nothing.
    """
    policy = _clean_policy(data)
    text = json.dumps(asdict(policy))
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=text))
    else:
        row.value = text
    session.flush()
    return policy


def _policy_from_file(db_file: Path) -> RetentionPolicy:
    try:
        con = sqlite3.connect(str(db_file), timeout=5.0, isolation_level=None)
        try:
            row = con.execute("SELECT value FROM setting WHERE key = ?", (SETTING_KEY,)).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return RetentionPolicy()
    return _policy_from_text(row[0] if row else None)


@dataclass(frozen=True)
class AutoBackup:
    path: Path
    taken_at: datetime


def _made_here(path: Path) -> bool:
    from rfdesk.exchange.restore import read_manifest

    try:
        return read_manifest(path).origin.startswith("auto")
    except BackupError:
        return False


def automatic_backups(folder: Path) -> list[AutoBackup]:
    """The automatic backups in ``folder`` (by name), newest first."""
    found = []
    for p in Path(folder).glob(f"{AUTO_PREFIX}-*{SUFFIX}"):
        m = _AUTO_NAME.match(p.name)
        if m and p.is_file():
            with contextlib.suppress(ValueError):
                found.append(AutoBackup(p, datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")))
    return sorted(found, key=_age, reverse=True)


def _age(b: AutoBackup) -> tuple[datetime, int]:
    """Time, then the number added to a name already taken in the same second: "…-120000-1" is newer than
    "…-120000", which a comparison of the names gets wrong ("-" sorts before ".")."""
    m = _AUTO_NAME.match(b.path.name)
    return b.taken_at, int(m.group(2)) if m and m.group(2) else 0


def backups_to_keep(backups: list[AutoBackup], policy: RetentionPolicy) -> set[Path]:
    """The newest backup of each of the policy's most recent days, weeks and months (and the newest of all)."""
    newest_first = sorted(backups, key=_age, reverse=True)
    keep: set[Path] = {newest_first[0].path} if newest_first else set()
    rules: list[tuple[int, Callable[[datetime], Hashable]]] = [
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: t.isocalendar()[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    ]
    for count, period in rules:
        seen: set[Hashable] = set()
        for b in newest_first:
            if len(seen) >= count:
                break
            p = period(b.taken_at)
            if p not in seen:
                seen.add(p)
                keep.add(b.path)
    return keep


def prune_backups(folder: str | Path, policy: RetentionPolicy, now: datetime | None = None) -> list[Path]:
    """Delete the automatic backups in ``folder`` that ``policy`` does not keep; returns what was deleted.

    Only files named like automatic backups whose manifest says so are considered; ones dated after
    ``now`` (a clock that was wrong) are kept and do not count.
    """
    now = now or datetime.now()
    candidates = [b for b in automatic_backups(Path(folder)) if b.taken_at <= now and _made_here(b.path)]
    keep = backups_to_keep(candidates, policy)
    deleted = []
    for b in candidates:
        if b.path not in keep:
            try:
                b.path.unlink()
                deleted.append(b.path)
            except OSError as exc:
                log.warning("could not delete old automatic backup %s: %s", b.path, exc)
    return deleted


def _remove_stale_partials(folder: Path) -> None:
    cutoff = time.time() - STALE_PARTIAL_SECONDS
    for p in folder.glob(f"{AUTO_PREFIX}-*{SUFFIX}{PARTIAL}-*"):
        with contextlib.suppress(OSError):
            if p.stat().st_mtime < cutoff:
                p.unlink()


def auto_backup_file(db_file: Path, reason: str = "exit", *, folder: Path | None = None,
                     now: datetime | None = None, policy: RetentionPolicy | None = None,
                     progress: Progress | None = None, cancel: CancelCheck | None = None) -> Path | None:
    """An automatic backup of ``db_file``, then pruning; see :func:`auto_backup`."""
    if reason not in REASONS:
        raise ValueError(f"unknown automatic backup reason {reason!r}")
    folder = Path(folder) if folder is not None else backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    now = now or datetime.now()
    if reason == "daily" and any(b.taken_at.date() == now.date() for b in automatic_backups(folder)):
        return None
    path = backup_database_file(Path(db_file), folder, origin=f"auto-{reason}", prefix=AUTO_PREFIX, when=now,
                                progress=progress, cancel=cancel, compression="zlib",
                                full_check=reason == "daily")
    prune_backups(folder, policy or _policy_from_file(Path(db_file)), now)
    _remove_stale_partials(folder)
    return path


def auto_backup(db: Database, reason: str = "exit", *, folder: Path | None = None,
                now: datetime | None = None, progress: Progress | None = None,
                cancel: CancelCheck | None = None) -> Path | None:
    """Back up ``db`` into the automatic backup folder and thin out older automatic backups.

    ``reason`` is "exit" (always backs up) or "daily" (only if there is no automatic backup of today yet,
    returning None otherwise). Refuses a server database. The retention policy comes from the settings.
    ``progress(done, total)`` and ``cancel()`` are those of :func:`create_backup` (a cancelled backup leaves
    no file).
    """
    if not db.is_sqlite or db.path is None:
        raise server_database_refused()
    with db.session() as s:
        policy = load_policy(s)
    return auto_backup_file(db.path, reason, folder=folder, now=now, policy=policy, progress=progress,
                            cancel=cancel)
