"""The command line as a clerk or a scheduled task uses it: ``rfdesk demo``, ``info``, ``stats``, and what it
says when given something wrong."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from rfdesk.db.schema import HEAD_REVISION

STATS_KEYS = {
    "people", "party_branches.temporary", "teams.vanguard_post", "teams.volunteer_team",
    "resources.evacuation_base", "resources.emergency_shelter", "resources.command_post", "donations.count",
    "donations.system_total", "donations.enterprise_total", "commendations.batches", "commendations.honorees",
    "documents.count",
}


def rfdesk_executable() -> str:
    beside = Path(sys.executable).with_name("rfdesk")
    found = str(beside) if beside.exists() else shutil.which("rfdesk")
    assert found, "the rfdesk console script is not installed"
    return found


def rfdesk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([rfdesk_executable(), *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit code 2 and exactly one line on stderr that says what is wrong, never a traceback."""
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


@pytest.fixture
def demo_db(demo_database: Path) -> Path:
    """The demo database ``rfdesk demo --db`` built (see conftest)."""
    return demo_database


def test_stats_as_json_prints_the_headline_figures(demo_db: Path) -> None:
    result = rfdesk("stats", "--db", str(demo_db), "--json")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert STATS_KEYS <= set(stats)
    assert stats["donations.system_total"] == "203000.00"
    assert stats["teams.vanguard_post"] == 221 and stats["teams.volunteer_team"] == 152
    assert stats["party_branches.temporary"] == 2
    assert (stats["resources.evacuation_base"], stats["resources.emergency_shelter"],
            stats["resources.command_post"]) == (8, 19, 9)
    assert stats["commendations.batches"] == 1 and stats["documents.count"] == 6
    conn = sqlite3.connect(demo_db)
    try:
        assert stats["people"] == conn.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        conn.close()


def test_stats_for_a_person_reads_as_a_labelled_list(demo_db: Path) -> None:
    result = rfdesk("stats", "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if "人防系统捐款合计" in x)
    assert "203000.00" in line
    assert any("党员先锋岗" in x and "221" in x for x in result.stdout.splitlines())


def test_the_database_can_be_named_by_rfdesk_db_instead_of_db(demo_db: Path) -> None:
    result = rfdesk("info", env={"RFDESK_DB": str(demo_db)})
    assert result.returncode == 0, result.stderr
    assert str(demo_db) in result.stdout
    assert HEAD_REVISION in result.stdout
    assert "WAL" in result.stdout
    assert "人员（person）: " in result.stdout
    result = rfdesk("stats", "--json", env={"RFDESK_DB": str(demo_db)})
    assert json.loads(result.stdout)["documents.count"] == 6


def test_info_as_json_counts_every_register_and_the_recycle_bin(demo_db: Path) -> None:
    result = rfdesk("--db", str(demo_db), "info", "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["revision"] == HEAD_REVISION and info["journal_mode"] == "wal"
    assert info["path"] == str(demo_db)
    assert info["counts"]["document"] == {"live": 6, "recycle_bin": 0}
    assert info["counts"]["duty_shift"]["live"] == 3 * 64
    assert set(info["counts"]) >= {"person", "team", "donation", "resource", "commendation", "stock_movement"}


def test_demo_refuses_to_overwrite_a_database_and_leaves_it_untouched(demo_db: Path) -> None:
    before = digest(demo_db)
    assert_refused(rfdesk("demo", "--db", str(demo_db)), "--force")
    assert digest(demo_db) == before


def test_demo_needs_to_be_told_where(tmp_path: Path) -> None:
    assert_refused(rfdesk("demo"), "--db")
    assert not list(tmp_path.rglob("*.sqlite"))


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "U盘" / "rfdesk.sqlite"
    for command in ("info", "stats", "demo"):
        assert_refused(rfdesk(command, "--db", str(missing)), "不存在")
    assert not missing.parent.exists()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    sheet = tmp_path / "捐款名单.xlsx"
    sheet.write_bytes(b"PK\x03\x04" + bytes(range(200)))
    before = digest(sheet)
    for command in ("info", "stats"):
        assert_refused(rfdesk(command, "--db", str(sheet)), "不是数据库")
    assert_refused(rfdesk("demo", "--db", str(sheet), "--force"), "不是数据库")
    assert digest(sheet) == before


def test_a_database_from_a_newer_rfdesk_is_refused_and_left_byte_identical(demo_db: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    newer = stick / "newer.sqlite"
    shutil.copyfile(demo_db, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA journal_mode=delete")  # leave no -wal beside it: the file alone is the database
    conn.close()
    before = digest(newer)
    for command in ("info", "stats"):
        assert_refused(rfdesk(command, "--db", str(newer)), "更新版本")
    assert digest(newer) == before
    assert sorted(p.name for p in stick.iterdir()) == ["newer.sqlite"]  # no journal, no safety copy


def test_an_unknown_option_is_one_line_and_exit_code_2(demo_db: Path) -> None:
    assert_refused(rfdesk("stats", "--db", str(demo_db), "--colour"), "--colour")
    assert_refused(rfdesk("no-such-command"))


def test_a_database_address_that_cannot_be_used_is_one_line_and_exit_code_2() -> None:
    assert_refused(rfdesk("stats", "--db", "nosuchdb://server/registers"), "nosuchdb")


# Commands that never open the office's database: checking a backup file, and the window's self-test.
NO_DATABASE = {"verify", "self-test"}


def leaf_commands(parser, path=()):  # noqa: ANN001, ANN201
    """(command words, parser) of every command that runs something, ``pdf receipt`` included."""
    import argparse

    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for name, sub in action.choices.items():
                yield from leaf_commands(sub, (*path, name))
            return
    yield path, parser


def test_every_command_that_opens_the_database_takes_db_and_falls_back_on_rfdesk_db(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from rfdesk import cli

    commands = dict(leaf_commands(cli.build_parser()))
    assert {("demo",), ("info",), ("stats",), ("backup",), ("restore",), ("import",), ("export",)} <= set(commands)
    for words, parser in commands.items():
        if words[0] in NO_DATABASE:
            continue
        assert "--db" in {o for a in parser._actions for o in a.option_strings}, words  # noqa: SLF001
    given, env = str(tmp_path / "given.sqlite"), str(tmp_path / "env.sqlite")
    monkeypatch.setenv("RFDESK_DB", env)
    assert cli.resolve_db(cli.build_parser().parse_args(["stats"])) == env
    assert cli.resolve_db(cli.build_parser().parse_args(["stats", "--db", given])) == given
    assert cli.resolve_db(cli.build_parser().parse_args(["--db", given, "info"])) == given


def test_a_reader_that_stops_early_is_not_an_error(demo_db: Path) -> None:
    # ``rfdesk info --json | head -1``: the pipe is closed before rfdesk has written everything.
    proc = subprocess.Popen([rfdesk_executable(), "info", "--db", str(demo_db), "--json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=300) == 0 and err == ""
