"""Automatic backups on exit and daily, and the retention policy the clerk can change."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from office_registers import damage_an_index, fill_office
from rfdesk.cli import main
from rfdesk.exchange.backup import create_backup
from rfdesk.exchange.backup_errors import BackupError
from rfdesk.exchange.restore import read_manifest, verify_backup
from rfdesk.exchange.retention import (
    AUTO_PREFIX,
    RetentionPolicy,
    auto_backup,
    auto_backup_file,
    load_policy,
    prune_backups,
    save_policy,
)
from rfdesk.services.errors import ValidationError


def stamp(t: datetime) -> str:
    return f"{AUTO_PREFIX}-{t:%Y%m%d-%H%M%S}.rfbak"


@pytest.fixture
def one_auto_backup(db, tmp_path) -> Path:
    """One real automatic backup, outside the folder under test, to be linked in under many dates."""
    return auto_backup_file(db.path, "exit", folder=tmp_path / "source", now=datetime(2018, 1, 1, 12))


def history(folder: Path, source: Path, times: list[datetime]) -> None:
    folder.mkdir(exist_ok=True)
    for t in times:
        os.link(source, folder / stamp(t))


def test_the_default_policy_keeps_7_days_4_weeks_and_12_months(one_auto_backup, tmp_path) -> None:
    folder = tmp_path / "backups"
    now = datetime(2020, 1, 28, 20, 0)
    times = []
    day = datetime(2019, 1, 1)
    while day.date() <= now.date():  # every day a backup at morning start-up and at closing time
        times += [day.replace(hour=9), day.replace(hour=18)]
        day += timedelta(days=1)
    history(folder, one_auto_backup, times)

    deleted = prune_backups(folder, RetentionPolicy(), now)

    kept = sorted(p.name for p in folder.iterdir())
    expected = [stamp(datetime(2020, 1, d, 18)) for d in range(22, 29)]                      # 7 days
    expected += [stamp(datetime(2020, 1, 19, 18)), stamp(datetime(2020, 1, 12, 18))]         # + 2 weeks
    month_ends = ["2019-02-28", "2019-03-31", "2019-04-30", "2019-05-31", "2019-06-30", "2019-07-31",
                  "2019-08-31", "2019-09-30", "2019-10-31", "2019-11-30", "2019-12-31"]     # + 11 months
    expected += [stamp(datetime.fromisoformat(d).replace(hour=18)) for d in month_ends]
    assert kept == sorted(expected)
    assert len(deleted) == len(times) - len(expected)


def test_pruning_touches_only_automatic_backups(db, one_auto_backup, tmp_path) -> None:
    folder = tmp_path / "backups"
    history(folder, one_auto_backup, [datetime(2019, 6, d, 18) for d in range(1, 29)])
    fill_office(db, people=5, donations=2)
    own = create_backup(db, folder)
    old_own = own.rename(folder / "rfdesk-备份-20190101-090000.rfbak")
    renamed_manual = create_backup(db, folder).rename(folder / stamp(datetime(2019, 5, 1, 9)))
    damaged = folder / stamp(datetime(2019, 5, 2, 9))
    damaged.write_bytes(b"RFDESK-BACKUP\r\n\x1a" + os.urandom(100))
    notes = folder / "说明.txt"
    notes.write_text("请勿删除", encoding="utf-8")

    prune_backups(folder, RetentionPolicy(daily=2, weekly=0, monthly=0), datetime(2019, 7, 1))

    remaining = set(folder.iterdir())
    assert {old_own, renamed_manual, damaged, notes} <= remaining
    autos = sorted(p.name for p in remaining - {old_own, renamed_manual, damaged, notes})
    assert autos == [stamp(datetime(2019, 6, 27, 18)), stamp(datetime(2019, 6, 28, 18))]


def test_the_newest_backup_survives_any_policy_and_future_dates_are_left_alone(one_auto_backup, tmp_path) -> None:
    folder = tmp_path / "backups"
    history(folder, one_auto_backup, [datetime(2018, 3, 1), datetime(2018, 4, 1), datetime(2031, 1, 1)])
    # The office computer was off for two years: its old backups are all there is.
    prune_backups(folder, RetentionPolicy(daily=1, weekly=0, monthly=0), datetime(2020, 6, 1))
    assert sorted(p.name for p in folder.iterdir()) == [stamp(datetime(2018, 4, 1)), stamp(datetime(2031, 1, 1))]


def test_the_clerk_changes_the_policy_and_bad_numbers_are_refused(db) -> None:
    with db.session() as s:
        assert load_policy(s) == RetentionPolicy(7, 4, 12)
        assert save_policy(s, {"daily": "３", "weekly": 2, "monthly": 0}) == RetentionPolicy(3, 2, 0)
    with db.session() as s:
        assert load_policy(s) == RetentionPolicy(3, 2, 0)
    for bad, field in (({"daily": "很多"}, "daily"), ({"weekly": -1}, "weekly"),
                       ({"daily": 0, "weekly": 0, "monthly": 0}, "daily"), ({"yearly": 3}, "yearly")):
        with pytest.raises(ValidationError) as err, db.session() as s:
            save_policy(s, bad)
        assert err.value.field == field
    with db.session() as s:
        assert load_policy(s) == RetentionPolicy(3, 2, 0)


def test_automatic_backups_follow_the_saved_policy(db, tmp_path) -> None:
    with db.session() as s:
        save_policy(s, {"daily": 3, "weekly": 0, "monthly": 0})
    folder = tmp_path / "appdata" / "backups"
    made = [auto_backup(db, "exit", now=datetime(2020, 2, d, 17, 30)) for d in range(1, 6)]
    assert all(p.parent == folder for p in made)
    assert sorted(folder.iterdir()) == made[2:]
    m = verify_backup(made[-1])
    assert m.origin == "auto-exit" and m.schema_revision


def test_a_daily_backup_is_made_once_a_day_and_exit_backups_always(db, tmp_path) -> None:
    folder = tmp_path / "auto"
    morning = datetime(2020, 1, 28, 8, 30)
    first = auto_backup(db, "daily", folder=folder, now=morning)
    assert first is not None and read_manifest(first).origin == "auto-daily"
    assert auto_backup(db, "daily", folder=folder, now=morning + timedelta(hours=3)) is None
    assert auto_backup(db, "exit", folder=folder, now=morning + timedelta(hours=9)) is not None
    assert auto_backup(db, "daily", folder=folder, now=morning + timedelta(days=1)) is not None
    # The policy keeps the newest backup of each day: the morning one gave way to the evening one.
    assert sorted(p.name for p in folder.iterdir()) == [stamp(morning.replace(hour=17, minute=30)),
                                                         stamp(morning + timedelta(days=1))]


def test_remains_of_a_killed_automatic_backup_are_cleared_after_a_day(db, tmp_path) -> None:
    folder = tmp_path / "auto"
    folder.mkdir()
    old = folder / f"{stamp(datetime(2020, 1, 1))}.partial-0a1b2c3d"
    fresh = folder / f"{stamp(datetime(2020, 1, 2))}.partial-0a1b2c3e"
    for p in (old, fresh):
        p.write_bytes(b"RFDESK-BACKUP")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    auto_backup(db, "exit", folder=folder)
    assert not old.exists() and fresh.exists()


def test_the_auto_backup_command_for_scheduled_tasks(db, tmp_path, capsys) -> None:
    db.close()
    assert main(["auto-backup", "--db", str(db.path)]) == 0
    path = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert path.parent == tmp_path / "appdata" / "backups" and path.name.startswith(AUTO_PREFIX)
    verify_backup(path)
    assert main(["auto-backup", "--db", str(db.path)]) == 0
    assert "今天已有自动备份" in capsys.readouterr().out
    assert main(["auto-backup", "--db", "postgresql+psycopg://clerk@server/rfdesk"]) == 2


def test_of_two_backups_in_the_same_second_the_later_one_is_kept(db, tmp_path) -> None:
    folder = tmp_path / "backups"
    when = datetime(2020, 1, 26, 9, 0, 0)
    daily = auto_backup_file(db.path, "daily", folder=folder, now=when)
    closing = auto_backup_file(db.path, "exit", folder=folder, now=when)  # named "…-090000-1.rfbak"

    assert closing is not None and closing.exists(), "the newer backup of the day survives its own pruning"
    assert daily is not None and not daily.exists()
    assert read_manifest(closing).origin == "auto-exit"


def test_the_daily_backup_runs_the_full_check_and_refuses_a_damaged_database_keeping_the_older_ones(
        db, tmp_path) -> None:
    fill_office(db)
    folder = tmp_path / "auto"
    monday = datetime(2020, 1, 27, 8, 30)
    sound = auto_backup_file(db.path, "daily", folder=folder, now=monday)
    m = verify_backup(sound)
    assert m.integrity_checked and m.origin == "auto-daily"
    assert sound.stat().st_size < m.size / 2, "kept compressed on the office computer's disk"
    db.close()
    damage_an_index(db.path)

    # The next morning the daily backup finds the damage: nothing is written, and the policy, which would
    # have given Monday's backup up for Tuesday's, deletes nothing.
    with pytest.raises(BackupError) as err:
        auto_backup_file(db.path, "daily", folder=folder, now=monday + timedelta(days=1),
                         policy=RetentionPolicy(daily=1, weekly=0, monthly=0))
    assert "已损坏" in err.value.zh and "damaged" in err.value.en
    assert list(folder.iterdir()) == [sound]
    verify_backup(sound)
