"""Typing in a register's search box, letter after letter, finds what a search of that text alone finds.

A register's table binds each new text to statements compiled for an earlier text of the same shape
(rfdesk.services.search); this checks the rows it shows against SQLAlchemy running the register's own
conditions for that text, for texts of every shape, on any database.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from rfdesk.ui.table import Filter, PagedTableModel


def register_queries() -> list[Any]:
    from rfdesk.ui.commendations import CommendationQuery
    from rfdesk.ui.documents import DocumentQuery
    from rfdesk.ui.donations import DonationQuery
    from rfdesk.ui.people import PersonQuery
    from rfdesk.ui.resources import ResourceQuery
    from rfdesk.ui.teams import TeamQuery
    from rfdesk.ui.whereabouts import WhereaboutsQuery

    return [PersonQuery, DonationQuery, CommendationQuery, DocumentQuery, TeamQuery, ResourceQuery,
            WhereaboutsQuery]


def found_alone(db: Any, query: Any, text: str) -> set[int]:
    """The ids SQLAlchemy finds for ``text`` with the register's conditions, compiled for this text only."""
    with db.session() as s:
        where = [c for c in query.conditions(s, Filter(search=text)) if c is not None]
        stmt = query.select_from(select(query.model.id)).where(*where)
        return {int(i) for i in s.execute(stmt).scalars()}


def shown(model: PagedTableModel) -> list[int]:
    model.wait_for_count()
    ids = [model.record_id(r) for r in range(model.rowCount())]
    assert None not in ids
    return [int(i) for i in ids if i is not None]


def texts_to_type(db: Any, query: Any) -> list[str]:
    """Texts of every shape, some taken from the register's own first rows so that they find something."""
    model = PagedTableModel(db, query, page_size=40)
    model.set_filter(Filter())
    model.wait_for_count()
    seen = [str(model.index(r, c).data() or "") for r in range(min(model.rowCount(), 3))
            for c in range(model.columnCount())]
    chinese = [t for t in seen if t and not t.isascii()]
    numbers = [t for t in seen if t[:4].isdigit()]
    texts = ["l", "lh", "lhy", "LH", "z", "zzzz", "%", "_", "50%", "a_b", "/", "2020", "2020-0", "4101",
             "41010", "1x", "曹", "曹裕", "人防", "%人", "１２"]
    for t in chinese[:3]:
        texts += [t[:1], t[:2], t]
    for t in numbers[:2]:
        texts += [t[:4], t[:6], t]
    return texts


def check_typing(db: Any, query_type: Any) -> int:
    """Type every text into one register table, clearing it now and then; returns how many found rows."""
    query = query_type()
    typed = PagedTableModel(db, query, page_size=40)
    found_some = 0
    for n, text in enumerate(texts_to_type(db, query_type())):
        typed.set_filter(Filter(search=text))
        ids = shown(typed)
        expected = found_alone(db, query, text)
        where = (query_type.__name__, text)
        assert len(ids) == len(set(ids)) == typed.count, where
        assert set(ids) == expected, where
        found_some += bool(ids)
        if n % 5 == 4:
            typed.set_filter(Filter())
            assert shown(typed), query_type.__name__
    return found_some
