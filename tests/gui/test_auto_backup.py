"""Automatic backups from the window: once a day while it is open, and when the clerk closes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def backups_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from rfdesk.ui import auto_backup

    monkeypatch.delenv("RFDESK_AUTO_BACKUP", raising=False)
    monkeypatch.setattr(auto_backup, "FIRST_CHECK_MS", 0)  # the day's first check at once, not in 20 s


def _open_window(db: Any, qtbot: Any) -> Any:
    from rfdesk.ui.main_window import MainWindow

    w = MainWindow(db)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _daily_done(w: Any, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: w.auto_backups.daily_job is not None and w.auto_backups.daily_job.finished
                    and not _background_running(), timeout=20_000)


def _background_running() -> bool:
    from rfdesk.ui import workers

    return bool(workers._running)


def _automatic(origin: str) -> list[Path]:
    from rfdesk.config import backup_dir
    from rfdesk.exchange.restore import read_manifest
    from rfdesk.exchange.retention import automatic_backups

    return [b.path for b in automatic_backups(backup_dir()) if read_manifest(b.path).origin == origin]


def test_closing_the_window_leaves_a_verified_backup_of_what_was_recorded(backups_on: None, db: Any,
                                                                          qtbot: Any) -> None:
    from rfdesk.exchange.restore import verify_backup
    from rfdesk.services.people import create_person

    w = _open_window(db, qtbot)
    _daily_done(w, qtbot)
    with db.session() as s:
        create_person(s, {"name": "曹裕军"})
    assert _automatic("auto-exit") == []

    w.close()

    made = _automatic("auto-exit")
    assert len(made) == 1 and made[0] == w.auto_backups.exit_result
    assert verify_backup(made[0]).row_counts["person"] == 1, "the backup holds the person recorded before closing"


def test_the_days_first_backup_waits_until_the_window_has_been_open_a_while(
        monkeypatch: pytest.MonkeyPatch, db: Any, qtbot: Any) -> None:
    """Opening the window starts no backup straight away: the first seconds belong to the clerk."""
    monkeypatch.delenv("RFDESK_AUTO_BACKUP", raising=False)
    w = _open_window(db, qtbot)
    qtbot.wait(300)
    assert w.auto_backups.active and w.auto_backups.daily_job is None


def test_the_daily_backup_is_made_once_a_day_and_said_in_the_status_bar(backups_on: None, db: Any,
                                                                        qtbot: Any) -> None:
    from rfdesk.exchange.restore import verify_backup

    w = _open_window(db, qtbot)
    _daily_done(w, qtbot)
    first = _automatic("auto-daily")
    assert len(first) == 1 and verify_backup(first[0])
    assert w.auto_backups.notice.isVisible() and "自动备份" in w.auto_backups.notice.text()

    w.auto_backups.daily()  # an hour later, the same day
    _daily_done(w, qtbot)
    assert w.auto_backups.daily_job.result is None
    assert _automatic("auto-daily") == first, "a second daily backup on the same day makes none"


def test_a_backup_that_cannot_be_written_never_stops_closing_and_is_told_next_time(
        backups_on: None, db: Any, qtbot: Any, tmp_path: Path) -> None:
    import os

    data = Path(os.environ["RFDESK_DATA_DIR"])
    data.mkdir(parents=True, exist_ok=True)
    (data / "backups").write_text("a file where the backup folder should be")  # no backup can be written there

    w = _open_window(db, qtbot)
    _daily_done(w, qtbot)
    assert "失败" in w.auto_backups.notice.text(), "today's failed backup is said in the status bar"
    w.close()
    assert not w.isVisible(), "the window closed although its backup failed"

    again = _open_window(db, qtbot)
    notice = again.auto_backups.notice
    assert notice.isVisible() and "上次关闭" in notice.text(), notice.text()


def test_a_window_switched_to_another_language_makes_no_backup_on_the_way(backups_on: None, db: Any,
                                                                         qtbot: Any) -> None:
    w = _open_window(db, qtbot)
    _daily_done(w, qtbot)
    new = w.replace_with(db)
    qtbot.addWidget(new)
    assert _automatic("auto-exit") == []


def test_a_database_that_became_damaged_is_told_by_the_daily_backup_and_not_backed_up(
        backups_on: None, db: Any, qtbot: Any) -> None:
    from office_registers import damage_an_index, fill_office
    from rfdesk.db import open_database

    fill_office(db)
    db.close()
    damage_an_index(db.path)  # a failing disk: every record still reads, the full check fails
    damaged = open_database(db.path)
    try:
        w = _open_window(damaged, qtbot)
        _daily_done(w, qtbot)
        notice = w.auto_backups.notice
        assert notice.isVisible() and "失败" in notice.text() and "损坏" in notice.text(), notice.text()
        assert _automatic("auto-daily") == [], "no backup of a damaged database stands in for a sound one"
        w.close()
    finally:
        damaged.close()
