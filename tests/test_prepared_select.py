"""A register's SELECTs are compiled once per structure: statements that differ only in their values share the
SQL text and still each read with their own values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, bindparam, create_engine, func, select

from rfdesk.services.prepared import PreparedSelect


def _table(tmp_path: Path) -> tuple[object, Table]:
    engine = create_engine(f"sqlite:///{tmp_path / 'shapes.sqlite'}")
    meta = MetaData()
    t = Table("t", meta, Column("id", Integer, primary_key=True), Column("name", String), Column("day", Date))
    meta.create_all(engine)
    with engine.begin() as conn:
        conn.execute(t.insert(), [{"id": i, "name": f"n{i % 4}", "day": date(2020, 1, 1 + i % 10)}
                                  for i in range(1, 41)])
    return engine, t


def test_statements_differing_only_in_values_share_their_sql_and_read_their_own_rows(tmp_path: Path) -> None:
    engine, t = _table(tmp_path)
    first = None
    for lo in range(1, 40, 3):
        for name in ("n0", "n1", "n3"):
            stmt = (select(t.c.id, t.c.day).where(t.c.id >= lo, t.c.name == name, t.c.day > date(2020, 1, lo % 10 + 1))
                    .order_by(t.c.id).limit(lo % 7 + 1))
            p = PreparedSelect(engine, stmt)
            first = first or p
            assert p.sql is first.sql, "compiled once for the structure"
            expected = [(i, date(2020, 1, 1 + i % 10)) for i in range(lo, 41)
                        if f"n{i % 4}" == name and 1 + i % 10 > lo % 10 + 1][:lo % 7 + 1]
            assert [p.convert(r) for r in p.rows()] == expected, (lo, name)


def test_lists_written_into_the_sql_are_never_shared_between_statements(tmp_path: Path) -> None:
    engine, t = _table(tmp_path)
    for ids in ([5], [2, 3], [7, 8, 9], [1, 2, 3, 4, 40]):
        p = PreparedSelect(engine, select(t.c.id).where(t.c.id.in_(ids)).order_by(t.c.id))
        assert [r[0] for r in p.rows()] == ids


def test_late_values_are_bound_at_each_read_and_names_a_statement_lacks_are_ignored(tmp_path: Path) -> None:
    engine, t = _table(tmp_path)
    for name in ("n1", "n2"):
        p = PreparedSelect(engine, select(func.count(t.c.id)).where(t.c.id > bindparam("k", type_=Integer),
                                                                     t.c.name == name), {"k", "unused"})
        assert p.rows(k=0, unused="x")[0][0] == 10
        assert p.rows(k=20, unused="x")[0][0] == 5
        assert p.rows(k=40)[0][0] == 0
