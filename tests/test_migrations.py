"""Upgrading an office's database: an old file is brought to the current schema keeping every row, after a
safety copy; a file from a newer rfdesk is refused untouched; the models and the migrations agree."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from rfdesk.db import open_database
from rfdesk.db.migrate import script_revisions, upgrade
from rfdesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from rfdesk.domain import Base
from rfdesk.services.errors import DatabaseError

OLD_FILE = Path(__file__).parent / "data" / "rfdesk-0001.sqlite"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table except the revision stamp, in a stable order."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()


def revision_of(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def schema_differences(url: str) -> list[Any]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
            return list(compare_metadata(ctx, Base.metadata))
    finally:
        engine.dispose()


@pytest.fixture
def old_copy(tmp_path: Path) -> Path:
    office = tmp_path / "office"
    office.mkdir()
    target = office / "rfdesk.sqlite"
    shutil.copyfile(OLD_FILE, target)
    return target


def test_the_stored_old_database_really_is_revision_0001_with_data() -> None:
    assert revision_of(OLD_FILE) == "0001_initial" != HEAD_REVISION
    rows = contents(OLD_FILE)
    for table in ("organisation", "person", "team", "team_membership", "duty_shift", "assignment", "donation",
                  "donation_item", "number_sequence", "resource", "stock_movement", "document",
                  "document_attachment", "commendation_batch", "commendation", "audit_entry", "setting"):
        assert rows[table], table


def test_opening_an_old_database_upgrades_it_keeping_every_row(old_copy: Path, tmp_path: Path) -> None:
    before = contents(old_copy)
    original = old_copy.read_bytes()
    db = open_database(old_copy, safety_dir=tmp_path / "safety")
    try:
        assert db.revision == HEAD_REVISION
        # The copy was taken before anything changed: it is the old file, row for row.
        assert db.safety_copy is not None and db.safety_copy.parent == tmp_path / "safety"
        assert revision_of(db.safety_copy) == "0001_initial"
        assert contents(db.safety_copy) == before
        # The upgraded database answers through today's services.
        from rfdesk.services.donation_totals import cash_total
        from rfdesk.services.teams import list_teams

        with db.session() as s:
            assert [t.name for t in list_teams(s).rows] == ["工程管理处卡点执勤党员先锋岗"]
            assert str(cash_total(s)) == "1000.00"  # the voided receipt does not count
    finally:
        db.close()
    assert revision_of(old_copy) == HEAD_REVISION
    # Every old value is kept; the upgrade only adds columns (the pinyin sort keys) after them.
    after = {t: [r[:len(before[t][0])] if before[t] else r for r in rows] for t, rows in contents(old_copy).items()}
    assert after == before
    assert old_copy.read_bytes() != original


def test_the_upgrade_fills_the_pinyin_sort_keys_of_the_rows_already_there(old_copy: Path, tmp_path: Path) -> None:
    from rfdesk.services.base import pinyin_sort_key_of

    open_database(old_copy, safety_dir=tmp_path / "safety").close()
    conn = sqlite3.connect(old_copy)
    try:
        people = conn.execute("SELECT post, post_pinyin, rank, rank_pinyin FROM person").fetchall()
        documents = conn.execute("SELECT title, title_pinyin FROM document").fetchall()
        categories = conn.execute("SELECT category, category_pinyin FROM commendation").fetchall()
    finally:
        conn.close()
    assert any(post for post, *_ in people)
    for post, post_key, rank, rank_key in people:
        assert (post_key, rank_key) == (pinyin_sort_key_of(post), pinyin_sort_key_of(rank))
    for text, key in documents + categories:
        assert key == pinyin_sort_key_of(text) != ""


def test_the_upgrade_creates_the_indexes_the_list_views_need(old_copy: Path, tmp_path: Path) -> None:
    open_database(old_copy, safety_dir=tmp_path / "safety").close()
    conn = sqlite3.connect(old_copy)
    try:
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        plan = " ".join(str(r) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM team WHERE kind = 'vanguard_post' ORDER BY kind, name_pinyin"))
    finally:
        conn.close()
    assert {"ix_team_kind_pinyin", "ix_place_kind_pinyin", "ix_party_branch_temporary_pinyin",
            "ix_resource_kind_pinyin", "ix_duty_shift_team_date"} <= indexes
    assert "ix_team_kind_pinyin" in plan and "TEMP B-TREE" not in plan  # the sort is read off the index


def test_an_upgraded_old_database_has_exactly_the_schema_of_the_models(old_copy: Path, tmp_path: Path) -> None:
    open_database(old_copy, safety_dir=tmp_path / "safety").close()
    assert schema_differences(f"sqlite:///{old_copy}") == []


def test_a_new_database_built_by_the_migrations_matches_the_models(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    engine = create_engine(url)
    upgrade(engine)
    engine.dispose()
    assert schema_differences(url) == []


def test_the_known_revisions_are_the_migration_scripts_in_order() -> None:
    assert script_revisions() == list(KNOWN_REVISIONS)
    assert KNOWN_REVISIONS[-1] == HEAD_REVISION


def test_a_database_from_a_newer_rfdesk_is_refused_and_left_byte_identical(old_copy: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(old_copy)
    conn.execute("UPDATE alembic_version SET version_num = '0099_written_by_a_newer_rfdesk'")
    conn.commit()
    conn.close()
    before = digest(old_copy)
    with pytest.raises(DatabaseError) as err:
        open_database(old_copy, safety_dir=tmp_path / "safety")
    assert "更新版本" in err.value.zh and "0099_written_by_a_newer_rfdesk" in err.value.zh
    assert digest(old_copy) == before
    assert sorted(p.name for p in old_copy.parent.iterdir()) == ["rfdesk.sqlite"]
    assert not (tmp_path / "safety").exists()
