"""The large-register queries read the indexes made for them, on a database that was never analysed.

rfdesk never runs ANALYZE, so SQLite plans without statistics: it then takes ``deleted_at IS NULL`` or
``voided = 0`` for a selective test and walks that index through the whole table. These tests read the
plan SQLite chose for the statements the services really send.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import event

from rfdesk.services import donation_totals, donations, people
from rfdesk.services.organisations import create_organisation
from sql_trace import statements_sent


@contextmanager
def plans_of(db: Any, table: str) -> Iterator[list[str]]:
    """The query plans of every SELECT on ``table`` sent inside the block, one text per statement."""
    sent: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and f" {table}" in statement:
            sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", seen)
    plans: list[str] = []
    try:
        yield plans
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        for statement, parameters in sent:
            rows = raw.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
            plans.append("\n".join(str(r[-1]) for r in rows))


def test_a_search_by_pinyin_initials_reads_the_name_key_indexes(db) -> None:
    with db.session() as s:
        for name in ("曹裕军", "曾方", "贾宏伟", "孙志敏"):
            people.create_person(s, {"name": name})
    with db.session() as s, plans_of(db, "person") as plans:
        assert [p.name for p in people.list_people(s, search="cyj").rows] == ["曹裕军"]
        assert [p.name for p in people.list_people(s, search="ZengF").rows] == ["曾方"]
    assert len(plans) == 4  # a page and its count, twice
    for plan in plans:
        assert "ix_person_deleted_at" not in plan, plan
        assert "ix_person_name_initials" in plan and "ix_person_name_pinyin" in plan, plan


def test_the_search_a_clerk_types_reads_the_name_key_indexes_and_sorts_only_what_it_found(db) -> None:
    with db.session() as s:
        for name in ("曹裕军", "曾方", "贾宏伟", "孙志敏"):
            people.create_person(s, {"name": name})
    with db.session() as s, statements_sent(db) as sent:
        assert [r.name for r in people.search_people(s, "cyj")] == ["曹裕军"]
        assert people.count_people(s, "ZengF") == 1
    searches = [sql for sql in sent if "FROM person" in sql]
    assert len(searches) == 2
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        for sql in searches:
            plan = "\n".join(str(r[-1]) for r in raw.execute("EXPLAIN QUERY PLAN " + sql))
            assert "ix_person_deleted_at" not in plan, plan
            assert "ix_person_name_initials" in plan and "ix_person_name_pinyin" in plan, plan
            assert "SCAN person" not in plan, plan


def test_donation_totals_and_the_ledger_filter_do_not_walk_the_recycle_bin_or_voided_indexes(db) -> None:
    with db.session() as s:
        unit = create_organisation(s, {"name": "工程管理处", "kind": "department"})
        for amount in ("100", "250.50"):
            donations.create_donation(s, {"donor_kind": "organisation", "donor_organisation_id": unit.id,
                                          "unit_id": unit.id, "amount": amount, "donated_on": date(2020, 2, 3)})
    with db.session() as s, plans_of(db, "donation") as plans:
        totals = {t.label: t.cash for t in donation_totals.by_organisation(s)}
        page = donations.list_donations(s, date_from=date(2020, 1, 1))
    assert str(totals["工程管理处"]) == "350.50" and page.total == 2
    assert plans
    for plan in plans:
        assert "ix_donation_deleted_at" not in plan and "ix_donation_voided" not in plan, plan
