"""Backing up to a USB stick: one verified file with a manifest, optionally sealed with a passphrase."""

from __future__ import annotations

import hashlib
import platform
import re
from datetime import datetime
from pathlib import Path

import pytest

from office_registers import damage_an_index, every_row, fill_office
from rfdesk import __version__
from rfdesk.cli import main
from rfdesk.db.schema import HEAD_REVISION
from rfdesk.exchange.backup import backup_database_file, create_backup
from rfdesk.exchange.backup_errors import BackupCancelled, BackupError, PassphraseRequired, WrongPassphrase
from rfdesk.exchange.restore import is_encrypted, read_manifest, unpack_backup, verify_backup

FAT_FORBIDDEN = set('<>:"/\\|?*')


@pytest.fixture
def office(db):
    fill_office(db)
    return db


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    d = tmp_path / "U盘"
    d.mkdir()
    return d


def test_a_clerk_backs_up_to_a_stick_and_the_manifest_describes_the_registers(office, stick) -> None:
    path = create_backup(office, stick)

    assert list(stick.iterdir()) == [path], "only the finished backup is left on the stick"
    assert re.fullmatch(r"rfdesk-备份-\d{8}-\d{6}\.rfbak", path.name)
    assert not FAT_FORBIDDEN & set(path.name)
    m = verify_backup(path)
    live_rows = every_row(office.path)
    assert m.row_counts == {t: len(rows) for t, rows in live_rows.items() if t != "alembic_version"}
    assert m.row_counts["person"] == 200 and m.row_counts["donation"] == 150
    assert (m.app_version, m.schema_revision, m.computer) == (__version__, HEAD_REVISION, platform.node())
    assert m.source == office.path.name and m.origin == "manual" and not m.encrypted
    assert abs((datetime.now().astimezone() - m.created).days) < 1


def test_the_manifest_hash_is_the_hash_of_the_database_inside(office, stick, tmp_path) -> None:
    path = create_backup(office, stick)
    inside = tmp_path / "inside.sqlite"
    m = unpack_backup(path, inside)
    assert hashlib.sha256(inside.read_bytes()).hexdigest() == m.sha256
    assert inside.stat().st_size == m.size
    assert every_row(inside) == every_row(office.path)


def test_progress_runs_to_the_end_and_a_compressed_backup_is_smaller_than_the_database(office, stick) -> None:
    seen: list[tuple[int, int]] = []
    plain = create_backup(office, stick, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (1000, 1000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len(seen) >= 3
    size = verify_backup(plain).size
    assert size < plain.stat().st_size < size + 4096, "the database as it is, with a manifest and hashes"

    packed = create_backup(office, stick, compression="zlib")
    assert packed.stat().st_size < size / 2
    assert verify_backup(packed).sha256 == verify_backup(plain).sha256


def test_cancel_leaves_nothing_behind(office, stick) -> None:
    before = every_row(office.path)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(BackupCancelled) as err:
        create_backup(office, stick, cancel=cancel)
    assert err.value.field == "backup" and "取消" in err.value.zh
    assert list(stick.iterdir()) == []
    assert every_row(office.path) == before


def test_an_encrypted_backup_hides_id_numbers_and_opens_only_with_its_passphrase(office, stick) -> None:
    passphrase = "人防办 2020 春"
    path = create_backup(office, stick, passphrase=passphrase)
    raw = path.read_bytes()
    for secret in ("410105", "13900000001", "曹裕", passphrase, "organisation"):
        for encoding in ("utf-8", "utf-16-le"):
            assert secret.encode(encoding) not in raw
    assert is_encrypted(path)

    with pytest.raises(PassphraseRequired):
        verify_backup(path)
    with pytest.raises(WrongPassphrase) as err:
        verify_backup(path, "人防办 2020 夏")
    assert err.value.field == "backup" and "密码" in err.value.zh and "passphrase" in err.value.en
    m = verify_backup(path, passphrase)
    assert m.encrypted and m.row_counts["person"] == 200
    assert read_manifest(path, passphrase).sha256 == m.sha256


@pytest.mark.parametrize("compression", ["none", "zlib"])
def test_a_database_larger_than_one_chunk_round_trips_encrypted(db, stick, tmp_path, compression) -> None:
    fill_office(db, people=40, donations=10, notes_bytes=60_000)
    assert db.path.stat().st_size > 2 * 1024 * 1024
    path = create_backup(db, stick, passphrase="长密码也可以", compression=compression)
    out = tmp_path / "back.sqlite"
    unpack_backup(path, out, "长密码也可以")
    assert every_row(out) == every_row(db.path)


def test_two_backups_in_the_same_second_do_not_overwrite_each_other(office, stick) -> None:
    paths = {create_backup(office, stick) for _ in range(3)}
    assert len(paths) == 3 and set(stick.iterdir()) == paths
    for p in paths:
        verify_backup(p)


def test_the_backup_command_prints_the_backup_path_last(office, stick, capsys) -> None:
    office.close()
    assert main(["backup", "--db", str(office.path), "--to", str(stick)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert Path(last).parent == stick and Path(last).exists()

    pw = stick.parent / "口令.txt"
    pw.write_text("\ufeff秘密\r\n", encoding="utf-8")
    assert main(["backup", "--db", str(office.path), "--to", str(stick), "--passphrase-file", str(pw)]) == 0
    sealed = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert main(["verify", str(sealed), "--passphrase-file", str(pw)]) == 0
    assert "备份完好" in capsys.readouterr().out
    verify_backup(sealed, "秘密")


def test_the_backup_command_refuses_clearly(office, stick, tmp_path, capsys) -> None:
    office.close()
    cases = [
        (["backup", "--db", "postgresql+psycopg://clerk@server/rfdesk", "--to", str(stick)], "pg_dump"),
        (["backup", "--db", str(office.path), "--to", str(tmp_path / "拔掉的U盘")], "目标文件夹不存在"),
        (["backup", "--db", str(tmp_path / "没有.sqlite"), "--to", str(stick)], "找不到数据库"),
        (["backup", "--db", str(office.path), "--to", str(stick), "--passphrase-file", str(tmp_path / "无")],
         "密码文件"),
    ]
    for argv, words in cases:
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and words in err, err
    assert list(stick.iterdir()) == []


def test_a_backup_of_a_damaged_database_is_refused_before_anyone_relies_on_it(office, stick, tmp_path,
                                                                            capsys) -> None:
    office.close()
    damage_an_index(office.path)
    damaged = office.path.read_bytes()

    # The backup the clerk waits for checks only what is cheap to check, and says so in its manifest...
    assert main(["backup", "--db", str(office.path), "--to", str(stick)]) == 0
    made = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert not read_manifest(made).integrity_checked
    # ...but verifying it, or restoring from it, runs the full check and refuses it, leaving the target as it was.
    assert main(["verify", str(made)]) == 2
    assert "已损坏" in capsys.readouterr().err
    elsewhere = tmp_path / "另一台电脑.sqlite"
    assert main(["restore", str(made), "--db", str(elsewhere)]) == 2
    assert "已损坏" in capsys.readouterr().err and not elsewhere.exists()

    # Asked for the full check (as the daily automatic backup does), the backup itself refuses.
    with pytest.raises(BackupError) as err:
        backup_database_file(office.path, stick, full_check=True)
    assert "已损坏" in err.value.zh
    assert list(stick.iterdir()) == [made]
    assert office.path.read_bytes() == damaged, "only read"
