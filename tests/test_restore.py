"""Verifying backups and restoring from them: every refusal is clear, and the live database stays as it was."""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import struct
import zipfile
from pathlib import Path

import pytest

from office_registers import every_row, fill_office, integrity
from rfdesk.cli import main
from rfdesk.db import open_database
from rfdesk.domain import Donation, Person
from rfdesk.exchange import container, snapshot
from rfdesk.exchange.backup import Manifest, create_backup, write_backup_file
from rfdesk.exchange.backup_errors import (
    BackupCancelled,
    BackupCorrupted,
    BackupError,
    BackupTampered,
    BackupTooNew,
    BackupTruncated,
    DatabaseInUse,
    ForeignBackup,
    NotABackup,
    PassphraseRequired,
    WrongPassphrase,
)
from rfdesk.exchange.restore import read_manifest, restore_backup, verify_backup
from rfdesk.services import organisations as orgs

PASSPHRASE = "防空警报 1949"


@pytest.fixture
def office(db):
    fill_office(db)
    return db


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    d = tmp_path / "U盘"
    d.mkdir()
    return d


def frames(raw: bytes) -> tuple[int, list[tuple[bytes, int, int]]]:
    """Per the documented layout: end of the header, then (kind, offset of content, end) of each frame."""
    (size,) = struct.unpack(">I", raw[18:22])
    pos = header_end = 22 + size + 32
    out = []
    while pos < len(raw):
        kind = raw[pos:pos + 1]
        (n,) = struct.unpack(">I", raw[pos + 1:pos + 5])
        out.append((kind, pos + 5, pos + 5 + n))
        pos += 5 + n
    return header_end, out


def flipped(raw: bytes, offset: int) -> bytes:
    return raw[:offset] + bytes([raw[offset] ^ 0x20]) + raw[offset + 1:]


def change_one_person(db) -> None:
    with db.session() as s:
        p = s.get(Person, 1)
        p.phone = "13700000000"
        s.delete(s.get(Donation, 3))
        orgs.create_organisation(s, {"name": "恢复后不该存在的单位", "kind": "department"})


# ---------------------------------------------------------------------------------------------- restore

@pytest.mark.parametrize("passphrase", [None, PASSPHRASE], ids=["plain", "encrypted"])
def test_after_a_restore_every_row_of_every_table_is_as_at_backup_time(office, stick, tmp_path, passphrase) -> None:
    at_backup = every_row(office.path)
    path = create_backup(office, stick, passphrase=passphrase)
    change_one_person(office)
    changed = every_row(office.path)
    assert changed != at_backup
    office.close()

    result = restore_backup(path, office.path, passphrase, safety_dir=tmp_path / "safety")

    assert every_row(office.path) == at_backup
    assert integrity(office.path) == "ok"
    assert result.database == office.path and result.manifest.row_counts["person"] == 200
    # The registers as they were just before the restore are kept, and can be restored the same way.
    assert verify_backup(result.safety_copy).origin == "before-restore"
    restore_backup(result.safety_copy, office.path, safety_dir=tmp_path / "safety")
    assert every_row(office.path) == changed
    reopened = open_database(office.path)
    with reopened.session() as s:
        assert s.get(Person, 1).phone == "13700000000"
    reopened.close()


def test_the_safety_copy_goes_to_the_automatic_backup_folder_by_default(office, stick, tmp_path) -> None:
    path = create_backup(office, stick)
    office.close()
    result = restore_backup(path, office.path)
    assert result.safety_copy.parent == tmp_path / "appdata" / "backups"
    assert result.safety_copy.name.startswith("rfdesk-恢复前-")


def test_restoring_onto_a_new_computer_needs_no_existing_database(office, stick, tmp_path) -> None:
    path = create_backup(office, stick)
    new_home = tmp_path / "新电脑"
    new_home.mkdir()
    result = restore_backup(path, new_home / "rfdesk.sqlite")
    assert result.safety_copy is None
    assert every_row(new_home / "rfdesk.sqlite") == every_row(office.path)
    assert sorted(p.name for p in new_home.iterdir()) == ["rfdesk.sqlite"]


def test_a_restore_is_refused_while_the_window_still_has_the_database_open(office, stick) -> None:
    path = create_backup(office, stick)
    change_one_person(office)
    before = every_row(office.path)
    with pytest.raises(DatabaseInUse) as err:
        restore_backup(path, office.path)
    assert "关闭" in err.value.zh and "Close" in err.value.en
    assert every_row(office.path) == before
    with office.session() as s:  # the window carries on working
        orgs.create_organisation(s, {"name": "还能继续登记", "kind": "department"})
    assert sorted(p.name for p in office.path.parent.iterdir() if p.name.startswith(".")) == []


def test_a_cancelled_restore_changes_nothing(db, stick) -> None:
    fill_office(db, people=40, donations=5, notes_bytes=60_000)
    path = create_backup(db, stick)
    change_one_person(db)
    db.close()
    rows = every_row(db.path)
    for allowed in (1, 3, 6):
        asked = []

        def cancel(asked=asked, allowed=allowed) -> bool:
            asked.append(1)
            return len(asked) > allowed

        with pytest.raises(BackupCancelled):
            restore_backup(path, db.path, cancel=cancel)
        assert every_row(db.path) == rows
        assert [p.name for p in db.path.parent.iterdir() if p.name.startswith(".")] == []


def test_a_damaged_live_database_can_still_be_replaced_and_its_bytes_are_kept(office, stick, tmp_path) -> None:
    path = create_backup(office, stick)
    office.close()
    office.path.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    damaged = office.path.read_bytes()
    result = restore_backup(path, office.path, safety_dir=tmp_path / "safety")
    assert result.safety_copy.read_bytes() == damaged
    assert integrity(office.path) == "ok"


def test_records_left_in_the_wal_by_a_crash_are_kept_in_the_safety_copy_and_not_mixed_in(office, stick,
                                                                                          tmp_path) -> None:
    path = create_backup(office, stick)
    at_backup = every_row(office.path)
    office.close()
    con = sqlite3.connect(office.path, isolation_level=None)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE person SET phone = '13800000000'")
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for side in ("", "-wal"):  # the files as a power cut leaves them, the changes only in the -wal
        (crashed / f"rfdesk.sqlite{side}").write_bytes(Path(f"{office.path}{side}").read_bytes())
    con.close()
    assert (crashed / "rfdesk.sqlite-wal").stat().st_size > 0

    result = restore_backup(path, crashed / "rfdesk.sqlite", safety_dir=tmp_path / "safety")

    assert every_row(crashed / "rfdesk.sqlite") == at_backup
    assert sorted(p.name for p in crashed.iterdir()) == ["rfdesk.sqlite"]
    kept = tmp_path / "kept.sqlite"
    restore_backup(result.safety_copy, kept)
    with sqlite3.connect(kept) as k:
        assert k.execute("SELECT DISTINCT phone FROM person").fetchall() == [("13800000000",)]


def test_the_restore_command_names_the_safety_copy(office, stick, capsys) -> None:
    path = create_backup(office, stick)
    office.close()
    assert main(["restore", str(path), "--db", str(office.path)]) == 0
    out = capsys.readouterr().out
    safety = Path(out.strip().splitlines()[-1].split(": ", 1)[1])
    assert safety.exists() and "恢复前" in out
    bad = stick / "坏的.rfbak"
    bad.write_bytes(path.read_bytes()[:-100])
    assert main(["restore", str(bad), "--db", str(office.path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "不完整" in err


# ---------------------------------------------------------------------------------------------- refusals

@pytest.fixture
def backups(office, stick):
    plain = create_backup(office, stick)
    sealed = create_backup(office, stick, passphrase=PASSPHRASE)
    return plain, sealed


def refused(raw: bytes, where: Path, passphrase: str | None = None) -> BackupError:
    """What verify says about a file holding ``raw``; also checks that restore says the same and changes nothing."""
    bad = where / "有问题的备份.rfbak"
    bad.write_bytes(raw)
    with pytest.raises(BackupError) as err:
        verify_backup(bad, passphrase)
    e = err.value
    assert e.field == "backup" and e.zh and e.en and e.zh != e.en
    live = where.parent / "registers.sqlite"
    rows, digest = every_row(live), hashlib.sha256(live.read_bytes()).hexdigest()
    with pytest.raises(type(e)):
        restore_backup(bad, live, passphrase)
    assert every_row(live) == rows and hashlib.sha256(live.read_bytes()).hexdigest() == digest
    assert [p.name for p in live.parent.iterdir() if p.name.startswith(".")] == []
    bad.unlink()
    return e


def test_truncated_backups_are_refused_wherever_they_were_cut(office, backups, stick) -> None:
    office.close()
    for path in backups:
        raw = path.read_bytes()
        header_end, parts = frames(raw)
        cuts = {0, 5, 17, 20, header_end - 40, header_end - 1, header_end, header_end + 3,
                parts[0][2] - 1, parts[1][1] + 100, parts[-1][1], len(raw) - 1}
        for cut in sorted(cuts):
            e = refused(raw[:cut], stick, PASSPHRASE)
            assert isinstance(e, BackupTruncated), (path.name, cut, e)
            assert "不完整" in e.zh and "incomplete" in e.en


def test_a_flipped_byte_anywhere_is_refused(office, backups, stick) -> None:
    office.close()
    plain, sealed = backups
    for path, expected in ((plain, BackupCorrupted), (sealed, BackupTampered)):
        raw = path.read_bytes()
        header_end, parts = frames(raw)
        manifest, data, end = parts[0], parts[1], parts[-1]
        assert (manifest[0], data[0], end[0]) == (b"M", b"D", b"E")
        for offset in (17, 30, header_end - 5):  # format number, header text, header hash
            assert isinstance(refused(flipped(raw, offset), stick, PASSPHRASE), BackupCorrupted)
        for offset in (manifest[1] + 10, (data[1] + data[2]) // 2, end[1] + 3):
            e = refused(flipped(raw, offset), stick, PASSPHRASE)
            assert isinstance(e, (expected, BackupCorrupted)), (path.name, offset, e)
        assert isinstance(refused(raw + b"\x00", stick, PASSPHRASE), BackupCorrupted)


def test_reordered_chunks_of_a_sealed_backup_are_refused(db, stick) -> None:
    fill_office(db, people=40, donations=5, notes_bytes=60_000)
    raw = create_backup(db, stick, passphrase=PASSPHRASE).read_bytes()
    db.close()
    _header_end, parts = frames(raw)
    (_, a1, a2), (_, b1, b2) = parts[1], parts[2]
    swapped = raw[:a1 - 5] + raw[b1 - 5:b2] + raw[a1 - 5:a2] + raw[b2:]
    assert isinstance(refused(swapped, stick, PASSPHRASE), BackupTampered)
    dropped = raw[:a1 - 5] + raw[a2:]
    assert isinstance(refused(dropped, stick, PASSPHRASE), BackupTampered)


def test_a_manifest_edited_with_recomputed_checksums_is_refused_as_tampered(office, backups, stick) -> None:
    office.close()
    raw = backups[0].read_bytes()
    _header_end, parts = frames(raw)
    (_, m1, m2), (_, e1, _e2) = parts[0], parts[-1]
    manifest = json.loads(raw[m1:m2])
    manifest["row_counts"]["donation"] += 1
    body = json.dumps(manifest).encode()
    head = raw[:m1 - 4] + struct.pack(">I", len(body)) + body + raw[m2:e1 - 5]
    # Per the documented format 2: the data's hash, then the hash of every byte but the data frames' content.
    end_of_header, head_frames = frames(head)
    outside_data = [head[:end_of_header]]
    for kind, content, end in head_frames:
        outside_data.append(head[content - 5:content] if kind == b"D" else head[content - 5:end])
    data_sha = raw[e1:e1 + 32]
    forged = head + b"E" + struct.pack(">I", 64) + data_sha + hashlib.sha256(b"".join(outside_data)).digest()
    e = refused(forged, stick)
    assert isinstance(e, BackupTampered) and "改动" in e.zh


def test_wrong_or_missing_passphrase(office, backups, stick) -> None:
    office.close()
    raw = backups[1].read_bytes()
    assert isinstance(refused(raw, stick, "防空警报 1950"), WrongPassphrase)
    assert isinstance(refused(raw, stick, None), PassphraseRequired)


def test_files_that_are_not_rfdesk_backups(office, stick) -> None:
    office.close()
    e = refused(os.urandom(5000), stick)
    assert isinstance(e, NotABackup) and "不是 rfdesk 备份" in e.zh
    assert isinstance(refused("工作总结\n".encode() * 100, stick), NotABackup)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("manifest.json", json.dumps({"app": "其他软件", "version": 3}))
        z.writestr("data.db", b"SQLite format 3\x00" + bytes(1000))
    e = refused(zipped.getvalue(), stick)
    assert isinstance(e, ForeignBackup) and "其他程序" in e.zh and "ZIP" in e.en
    e = refused(office.path.read_bytes(), stick)  # the database itself picked by mistake
    assert isinstance(e, ForeignBackup) and "SQLite" in e.en
    assert isinstance(refused(b"", stick), BackupTruncated)


def test_a_backup_from_a_newer_rfdesk_is_refused(office, stick, tmp_path) -> None:
    office.close()
    future = tmp_path / "future.sqlite"
    snapshot.copy_database(office.path, future)
    con = sqlite3.connect(future)
    con.execute("UPDATE alembic_version SET version_num = '0099_future'")
    con.commit()
    con.close()
    facts = snapshot.database_facts(future)
    sha, size = snapshot.file_sha256(future)
    manifest = Manifest(app_version="9.0.0", schema_revision="0099_future", created_at="2031-05-01T09:00:00+08:00",
                        computer="新电脑", source="rfdesk.sqlite", row_counts=facts.row_counts, sha256=sha,
                        size=size)
    newer = write_backup_file(future, stick, manifest)
    e = refused(newer.read_bytes(), stick)
    assert isinstance(e, BackupTooNew) and "更新版本" in e.zh and "9.0.0" in e.zh
    newer.unlink()

    raw = create_backup(open_database(office.path), stick).read_bytes()
    start = bytearray(raw[:22 + struct.unpack(">I", raw[18:22])[0]])
    start[16:18] = struct.pack(">H", container.FORMAT_VERSION + 1)  # a later format, its header hash in order
    newer_format = bytes(start) + hashlib.sha256(start).digest() + raw[len(start) + 32:]
    assert isinstance(refused(newer_format, stick), BackupTooNew)


def test_the_verify_command_says_what_is_wrong_in_one_line(office, backups, stick, capsys) -> None:
    office.close()
    assert main(["verify", str(backups[0])]) == 0
    assert "备份完好" in capsys.readouterr().out
    bad = stick / "坏.rfbak"
    bad.write_bytes(flipped(backups[0].read_bytes(), 200))
    assert main(["verify", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "损坏" in err and "damaged" in err
    assert main(["verify", str(stick / "没有这个.rfbak")]) == 2
    assert "找不到" in capsys.readouterr().err


def test_the_window_restores_over_its_open_database_and_carries_on_with_the_restored_one(office, stick) -> None:
    from rfdesk.exchange.restore import restore_open_database

    at_backup = every_row(office.path)
    path = create_backup(office, stick, passphrase=PASSPHRASE)
    change_one_person(office)

    result, reopened = restore_open_database(office, path, PASSPHRASE)

    assert every_row(reopened.path) == at_backup
    with reopened.session() as s:
        assert s.get(Person, 1).phone != "13700000000"
        orgs.create_organisation(s, {"name": "恢复后新登记", "kind": "department"})
    reopened.close()
    # The safety copy holds the registers as they were just before: with the department added after the backup.
    assert verify_backup(result.safety_copy).row_counts["organisation"] == len(at_backup["organisation"]) + 1


# ---------------------------------------------------------------------------------------------- old files

FIRST_FORMAT = {"plain": ("backup-format1.rfbak", None), "encrypted": ("backup-format1-sealed.rfbak", "旧格式 2020")}


@pytest.mark.parametrize("kind", FIRST_FORMAT)
def test_a_backup_written_in_the_first_file_format_still_verifies_and_restores(kind, tmp_path) -> None:
    """Real files written by rfdesk 0.1 (format 1: zlib chunks, the hash in the manifest), kept as they were."""
    name, passphrase = FIRST_FORMAT[kind]
    old = Path(__file__).parent / "data" / name
    raw = old.read_bytes()
    assert raw[16:18] == struct.pack(">H", 1)

    m = verify_backup(old, passphrase)
    assert (m.row_counts["person"], m.row_counts["donation"], m.encrypted) == (30, 20, passphrase is not None)
    assert m.integrity_checked, "format 1 always ran the full check before writing"
    assert read_manifest(old, passphrase).sha256 == m.sha256
    restored = tmp_path / "新电脑" / "rfdesk.sqlite"
    restored.parent.mkdir()
    assert restore_backup(old, restored, passphrase).safety_copy is None
    assert hashlib.sha256(restored.read_bytes()).hexdigest() == m.sha256
    rows = every_row(restored)
    assert {t: len(r) for t, r in rows.items() if t != "alembic_version"} == m.row_counts
    db = open_database(restored)
    with db.session() as s:
        assert s.get(Person, 1) is not None and s.query(Donation).count() == 20
    db.close()

    # Damage to an old file is refused as it always was.
    cut, bad = tmp_path / "截断.rfbak", tmp_path / "坏.rfbak"
    cut.write_bytes(raw[:-7])
    bad.write_bytes(flipped(raw, len(raw) // 2))
    with pytest.raises(BackupTruncated):
        verify_backup(cut, passphrase)
    with pytest.raises((BackupCorrupted, BackupTampered)):
        verify_backup(bad, passphrase)
