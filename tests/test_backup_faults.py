"""Faults while backing up: a full stick, a stick pulled out, a killed backup, a clerk who keeps working.

Each proves the same three things: the clerk gets a clear message, no file that passes verification is
left (no file under a final backup name at all), and the live database keeps every record.

A full or vanishing stick is a real small tmpfs when this machine lets the test mount one (as root), and
otherwise the same fault injected at the write layer; each test decides at run time and runs either way.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from office_registers import every_row, fill_office, integrity
from rfdesk.exchange.backup import create_backup
from rfdesk.exchange.backup_errors import BackupTruncated, BackupWriteFailed
from rfdesk.exchange.restore import restore_backup, verify_backup
from rfdesk.exchange.snapshot import PAGES_PER_STEP
from rfdesk.services import organisations as orgs

WAIT_S = 120


class Stick:
    """A folder standing for a USB stick: a mounted tmpfs of ``size`` when possible, else a plain folder."""

    def __init__(self, folder: Path, size: str) -> None:
        self.folder = folder
        folder.mkdir()
        self.mounted = False
        if sys.platform.startswith("linux") and os.geteuid() == 0 and shutil.which("mount"):
            done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                                  capture_output=True, check=False)
            self.mounted = done.returncode == 0

    def pull_out(self) -> None:
        if self.mounted:
            # A lazy unmount detaches the file system at once, as pulling the stick does; our open file
            # keeps writing into nowhere.
            subprocess.run(["umount", "-l", str(self.folder)], check=True)
            self.mounted = False
        else:
            shutil.rmtree(self.folder)

    def cleanup(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.folder)], check=False)

    def backup_files(self) -> list[Path]:
        return sorted(self.folder.glob("*.rfbak")) if self.folder.exists() else []


@pytest.fixture
def make_stick(tmp_path: Path) -> Iterator:
    sticks: list[Stick] = []

    def make(size: str) -> Stick:
        stick = Stick(tmp_path / f"stick{len(sticks)}", size)
        sticks.append(stick)
        return stick

    yield make
    for s in sticks:
        s.cleanup()


class FaultyFile:
    """A file on a stick that fails with ``error`` once ``limit`` bytes were written."""

    def __init__(self, path: Path, limit: int, error: int) -> None:
        self._f: BinaryIO = open(path, "xb")  # noqa: SIM115
        self.limit, self.error, self.written = limit, error, 0

    def write(self, data: bytes) -> int:
        if self.written + len(data) > self.limit:
            raise OSError(self.error, os.strerror(self.error))
        self.written += len(data)
        return self._f.write(data)

    def flush(self) -> None:
        self._f.flush()

    def fileno(self) -> int:
        return self._f.fileno()

    def close(self) -> None:
        self._f.close()

    def __enter__(self) -> FaultyFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def failing_after(limit: int, error: int):
    return lambda path: FaultyFile(path, limit, error)


class ForgetfulStick(FaultyFile):
    """A failing stick that accepts every write but keeps one byte wrong: at ``offset`` of the file, or,
    with ``offset`` None, the first byte written after the file was first flushed (the end frame)."""

    def __init__(self, path: Path, offset: int | None) -> None:
        super().__init__(path, limit=1 << 62, error=errno.EIO)
        self.offset = offset
        self.flushed = False
        self.spoiled = False

    def write(self, data: bytes) -> int:
        at = self.offset if self.offset is not None else (self.written if self.flushed else -1)
        if not self.spoiled and self.written <= at < self.written + len(data):
            data = bytearray(data)
            data[at - self.written] ^= 0x10
            self.spoiled = True
        return super().write(bytes(data))

    def flush(self) -> None:
        self.flushed = True
        super().flush()


@pytest.fixture
def office(db):
    fill_office(db)
    return db


@pytest.fixture
def big_office(db):
    """Large enough that writing takes several chunks and copying several steps."""
    fill_office(db, people=80, donations=20, notes_bytes=60_000)
    return db


def assert_live_database_intact(db, rows_before) -> None:
    assert integrity(db.path) == "ok"
    assert every_row(db.path) == rows_before
    with db.session() as s:  # and the clerk carries on
        orgs.create_organisation(s, {"name": "故障之后继续登记", "kind": "department"})


def test_a_full_stick_gives_a_clear_error_and_leaves_no_backup(office, make_stick) -> None:
    stick = make_stick("1m")
    rows = every_row(office.path)
    opener = None
    if stick.mounted:
        st = os.statvfs(stick.folder)
        (stick.folder / "照片.jpg").write_bytes(os.urandom(st.f_bavail * st.f_frsize - 24 * 1024))
    else:
        opener = failing_after(24 * 1024, errno.ENOSPC)

    with pytest.raises(BackupWriteFailed) as err:
        create_backup(office, stick.folder, opener=opener)

    assert "空间不足" in err.value.zh and "full" in err.value.en
    assert [p.name for p in stick.folder.iterdir()] == (["照片.jpg"] if stick.mounted else [])
    assert_live_database_intact(office, rows)


def test_a_stick_pulled_out_while_writing(big_office, make_stick) -> None:
    stick = make_stick("32m")
    rows = every_row(big_office.path)
    pulled = []

    def progress(done: int, total: int) -> None:
        if 400 < done < 800 and not pulled:  # after the first chunks reached the stick
            stick.pull_out()
            pulled.append(done)

    with pytest.raises(BackupWriteFailed) as err:
        create_backup(big_office, stick.folder, progress=progress)

    assert pulled, "the stick was pulled out in the middle of writing"
    assert "拔出" in err.value.zh and "pulled out" in err.value.en
    assert stick.backup_files() == []
    assert_live_database_intact(big_office, rows)


@pytest.mark.parametrize("error", [errno.EIO, errno.ENODEV], ids=["EIO", "ENODEV"])
def test_a_write_error_half_way_removes_the_partial_file(big_office, tmp_path, error) -> None:
    folder = tmp_path / "U盘"
    folder.mkdir()
    rows = every_row(big_office.path)
    with pytest.raises(BackupWriteFailed) as err:
        create_backup(big_office, folder, opener=failing_after(1_500_000, error))
    assert "未完成" in err.value.zh
    assert list(folder.iterdir()) == []
    assert_live_database_intact(big_office, rows)


KILLED_BACKUP = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from rfdesk.exchange.backup import backup_database_file

    marker = Path(sys.argv[3])

    def progress(done, total):
        if 400 < done < 800 and not marker.exists():
            marker.write_text("writing")
            time.sleep(600)

    backup_database_file(Path(sys.argv[1]), Path(sys.argv[2]), progress=progress)
""")


def test_a_backup_killed_mid_way_leaves_the_database_intact_and_no_valid_backup(big_office, tmp_path) -> None:
    folder, marker, tmp = tmp_path / "U盘", tmp_path / "writing", tmp_path / "tmp"
    folder.mkdir()
    tmp.mkdir()
    rows = every_row(big_office.path)
    proc = subprocess.Popen([sys.executable, "-c", KILLED_BACKUP, str(big_office.path), str(folder), str(marker)],
                            env={**os.environ, "TMPDIR": str(tmp)}, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + WAIT_S
        while not marker.exists():
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "the backup never started writing"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    assert list(folder.glob("*.rfbak")) == []
    leftovers = list(folder.iterdir())
    assert leftovers, "the killed backup had started writing its temporary file"
    for partial in leftovers:
        with pytest.raises(BackupTruncated):
            verify_backup(partial)
    assert_live_database_intact(big_office, rows)
    verify_backup(create_backup(big_office, folder))


def test_a_backup_taken_while_another_clerk_keeps_registering_is_consistent(big_office, tmp_path) -> None:
    db = big_office
    folder = tmp_path / "U盘"
    folder.mkdir()
    stop = threading.Event()
    committed = [0]
    failures: list[BaseException] = []

    def register_pairs() -> None:
        try:
            i = 0
            while not stop.is_set():
                with db.session() as s:  # a department and its office: both or neither
                    a = orgs.create_organisation(s, {"name": f"成对{i}甲", "kind": "department"})
                    orgs.create_organisation(s, {"name": f"成对{i}乙", "kind": "department", "parent_id": a.id})
                i += 1
                committed[0] = i
                time.sleep(0.002)  # a clerk types between records; also leaves the backup its share of time
        except BaseException as exc:  # reported by the test below
            failures.append(exc)

    with sqlite3.connect(db.path) as con:
        wal = con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        pages = con.execute("PRAGMA page_count").fetchone()[0]
    assert pages > PAGES_PER_STEP, "the copy takes several steps"
    writer = threading.Thread(target=register_pairs)
    writer.start()
    copies = []
    try:
        for round_ in range(2):
            waited = []

            def progress(done: int, total: int, waited=waited) -> None:
                # Between two steps of the copy, let the other clerk commit more pairs. Only WAL lets a
                # writer commit while a reader holds its snapshot; with a rollback journal they queue.
                if wal and 0 < done < 400 and not waited:
                    target = committed[0] + 3
                    deadline = time.monotonic() + WAIT_S
                    while committed[0] < target and not failures:
                        assert time.monotonic() < deadline, "the other clerk could not write"
                        time.sleep(0.005)
                    waited.append(committed[0])

            path = create_backup(db, folder, progress=progress)
            assert waited or not wal
            copy = tmp_path / f"copy{round_}.sqlite"
            manifest = restore_backup(path, copy).manifest
            copies.append(copy)
            assert integrity(copy) == "ok"
            with sqlite3.connect(copy) as con:
                names = {r[0] for r in con.execute("SELECT name FROM organisation WHERE name LIKE '成对%'")}
                total = con.execute("SELECT count(*) FROM organisation").fetchone()[0]
            assert manifest.row_counts["organisation"] == total
            assert len(names) % 2 == 0
            assert all((n[:-1] + "甲" in names) and (n[:-1] + "乙" in names) for n in names), "half a pair"
    finally:
        stop.set()
        writer.join()
    assert not failures, failures
    assert committed[0] * 2 > len(names), "the other clerk kept registering after the last backup"


def test_a_restore_that_cannot_keep_its_safety_copy_leaves_the_live_database_as_it_was(office, make_stick,
                                                                                       tmp_path) -> None:
    backup = create_backup(office, tmp_path)
    with office.session() as s:
        orgs.create_organisation(s, {"name": "备份之后登记的单位", "kind": "department"})
    office.close()
    rows = every_row(office.path)
    stick = make_stick("1m")
    if stick.mounted:
        st = os.statvfs(stick.folder)
        (stick.folder / "照片.jpg").write_bytes(os.urandom(st.f_bavail * st.f_frsize - 8 * 1024))
        safety_dir = stick.folder
    else:  # no full disk to be had: a safety folder that cannot be made fails the same way
        (tmp_path / "不是文件夹").write_text("x")
        safety_dir = tmp_path / "不是文件夹" / "safety"

    with pytest.raises(BackupWriteFailed):
        restore_backup(backup, office.path, safety_dir=safety_dir)

    assert every_row(office.path) == rows and integrity(office.path) == "ok"
    assert sorted(p.name for p in office.path.parent.iterdir() if p.name.startswith(".")) == []
    if stick.mounted:
        assert [p.name for p in stick.folder.iterdir()] == ["照片.jpg"]


def pairs_are_whole(db_file: Path) -> tuple[int, int]:
    """Organisations registered in pairs: (pairs in the file, whole pairs); equal when no pair is split."""
    with sqlite3.connect(db_file) as con:
        names = {r[0] for r in con.execute("SELECT name FROM organisation WHERE name LIKE '成对%'")}
    return len(names), sum(2 for n in names if n.endswith("甲") and n[:-1] + "乙" in names)


def register_pair(db, i: int) -> None:
    with db.session() as s:  # a department and its office: both or neither
        a = orgs.create_organisation(s, {"name": f"成对{i}甲", "kind": "department"})
        orgs.create_organisation(s, {"name": f"成对{i}乙", "kind": "department", "parent_id": a.id})


def test_the_live_file_held_still_is_the_snapshot_while_another_clerk_writes_and_checkpoints(
        big_office, tmp_path) -> None:
    db = big_office
    folder = tmp_path / "U盘"
    folder.mkdir()
    for i in range(3):
        register_pair(db, i)
    at_backup = every_row(db.path)
    written = []

    def progress(done: int, total: int) -> None:
        # While the backup streams the live file, the other clerk commits enough to fill the WAL past its
        # automatic checkpoint, and a checkpoint is asked for on top: neither may touch the held file.
        if 300 < done < 700 and not written:
            for i in range(3, 60):
                register_pair(db, i)
            with sqlite3.connect(db.path) as con:
                con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            written.append(done)

    path = create_backup(db, folder, progress=progress)

    assert written, "the other clerk wrote while the backup was being written"
    manifest = verify_backup(path)
    assert manifest.snapshot == "file", "taken from the live file, without a copy"
    copy = tmp_path / "copy.sqlite"
    restore_backup(path, copy)
    assert every_row(copy) == at_backup
    assert integrity(copy) == "ok"
    assert copy.read_bytes()[18:20] == b"\x01\x01", "a rollback-journal database, for FAT sticks"
    assert pairs_are_whole(db.path) == (120, 120)


def test_when_an_older_reader_keeps_the_wal_from_being_emptied_the_backup_copies(big_office, tmp_path) -> None:
    db = big_office
    folder = tmp_path / "U盘"
    folder.mkdir()
    reader = sqlite3.connect(db.path, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM organisation").fetchone()  # a window reading an older state
        for i in range(5):
            register_pair(db, i)
        at_backup = every_row(db.path)

        path = create_backup(db, folder)
    finally:
        reader.close()

    assert verify_backup(path).snapshot == "copy"
    copy = tmp_path / "copy.sqlite"
    restore_backup(path, copy)
    assert every_row(copy) == at_backup, "the newest committed state, not the older reader's"


def test_a_rollback_journal_database_is_copied_briefly(tmp_path, monkeypatch) -> None:
    from rfdesk.db import open_database

    monkeypatch.setenv("RFDESK_NO_WAL", "1")  # as on a FAT stick or a network drive
    db = open_database(tmp_path / "rfdesk.sqlite")
    fill_office(db, people=20, donations=5)
    with sqlite3.connect(db.path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    folder = tmp_path / "U盘"
    folder.mkdir()
    path = create_backup(db, folder)
    assert verify_backup(path).snapshot == "copy"
    copy = tmp_path / "copy.sqlite"
    restore_backup(path, copy)
    assert every_row(copy) == every_row(db.path)
    db.close()


@pytest.mark.parametrize(("where", "offset"), [("header", 40), ("manifest", 150), ("data", 1_500_000),
                                               ("end frame", None)])
@pytest.mark.parametrize("passphrase", [None, "防空 2020"], ids=["plain", "encrypted"])
def test_a_stick_that_keeps_a_wrong_byte_is_caught_by_reading_back(big_office, tmp_path, where, offset,
                                                                   passphrase) -> None:
    folder = tmp_path / "U盘"
    folder.mkdir()
    sticks: list[ForgetfulStick] = []

    def opener(path: Path) -> ForgetfulStick:
        sticks.append(ForgetfulStick(path, offset))
        return sticks[-1]

    with pytest.raises(BackupWriteFailed) as err:
        create_backup(big_office, folder, passphrase=passphrase, opener=opener)

    assert sticks[0].spoiled, where
    assert "读回校验不符" in err.value.zh and "read back differently" in err.value.en
    assert list(folder.iterdir()) == []

