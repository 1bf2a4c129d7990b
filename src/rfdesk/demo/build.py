"""Building the demo database into a file, without ever overwriting a clerk's data by accident."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import func, select

from rfdesk.db.engine import open_database, sqlite_path, to_url
from rfdesk.demo.commendations import build_circulars, build_commendations
from rfdesk.demo.context import Demo
from rfdesk.demo.donations import build_donations
from rfdesk.demo.organisations import build_organisations, build_places
from rfdesk.demo.people import build_party_branches, build_people
from rfdesk.demo.resources import build_equipment, build_facilities, build_supplies
from rfdesk.demo.teams import (
    build_assignments,
    build_psychological_team,
    build_vanguard_posts,
    build_volunteer_teams,
    build_work_groups,
)
from rfdesk.domain import Organisation
from rfdesk.services.errors import DatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"
OPERATOR = "演示数据"


def fill(demo: Demo) -> None:
    """Write the whole demo into an empty database, register by register."""
    demo.session.info["operator"] = OPERATOR
    build_organisations(demo)
    build_places(demo)
    build_party_branches(demo)
    build_people(demo)
    build_vanguard_posts(demo)
    build_volunteer_teams(demo)
    build_work_groups(demo)
    build_psychological_team(demo)
    build_assignments(demo)
    build_donations(demo)
    build_facilities(demo)
    build_equipment(demo)
    build_supplies(demo)
    build_circulars(demo)  # before the notice, so that document 1 is the first circular
    build_commendations(demo)


def _refuse_unless_forced(path: Path, force: bool) -> None:
    if path.is_dir():
        raise DatabaseError("db", f"{path} 是文件夹，不是数据库文件。", f"{path} is a folder, not a database file.")
    if not path.parent.is_dir():
        raise DatabaseError("db", f"文件夹不存在：{path.parent}", f"Folder does not exist: {path.parent}")
    if not path.exists() or path.stat().st_size == 0:
        return
    if not force:
        raise DatabaseError("db", f"{path.name} 已存在且有内容，未做任何修改；确要用演示数据替换它，请加 --force。",
                            f"{path.name} already exists and is not empty; it was left untouched. "
                            "Add --force to replace it with the demo data.")
    with open(path, "rb") as f:
        if f.read(16) != SQLITE_HEADER:
            # --force replaces an old database, never a spreadsheet or document given by mistake.
            raise DatabaseError("db", f"{path.name} 不是数据库文件，即使加 --force 也不会覆盖它。",
                                f"{path.name} is not a database file; it is not replaced, not even with --force.")


def build_demo(target: str | os.PathLike[str], *, force: bool = False) -> str:
    """Build the demo database at ``target`` (a file path or a server URL) and return its URL.

    Refuses an existing non-empty file unless ``force``, and even then anything that is not a SQLite file.
    A file is built beside the target and moved into place only when complete, so an interrupted build
    leaves the old file as it was. A server database must be empty.
    """
    url = to_url(target)
    path = sqlite_path(url)
    if path is None:
        db = open_database(url)
        try:
            with db.session() as s:
                if s.scalar(select(func.count()).select_from(Organisation)):
                    raise DatabaseError("db", "该数据库已有数据，演示数据只能写入空数据库。",
                                        "This database already holds data; the demo is only written to an empty one.")
                fill(Demo(s))
        finally:
            db.close()
        return url
    _refuse_unless_forced(path, force)
    partial = path.with_name(path.name + ".building")
    for leftover in (partial, *_companions(partial)):
        leftover.unlink(missing_ok=True)
    db = open_database(partial)
    try:
        with db.session() as s:
            fill(Demo(s))
    except BaseException:
        db.close()
        for leftover in (partial, *_companions(partial)):
            leftover.unlink(missing_ok=True)
        raise
    db.close()  # the last connection checkpoints the WAL into the file
    for stale in _companions(path):  # an old journal must never be replayed into the new file
        stale.unlink(missing_ok=True)
    os.replace(partial, path)
    return to_url(path)


def _companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
