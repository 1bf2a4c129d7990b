"""Every register column of Chinese free text sorts by pinyin, as a clerk reads it: 安全 before 保卫 before
财务 (by code point 保 would come first). Pages of two rows, so the later pages are read by keyset."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sql_trace import statements_sent

# In pinyin order; their characters' code points put the second first.
WORDS = ["安全", "保卫", "财务"]
HANDLERS = ["安宁", "包拯", "蔡文"]


@pytest.fixture
def office(tmp_path: Path) -> Any:
    from rfdesk.db import open_database
    from rfdesk.services import (
        campaigns,
        commendations,
        documents,
        donations,
        organisations,
        people,
        whereabouts,
    )

    db = open_database(tmp_path / "office.sqlite")
    with db.session() as s:
        prov = organisations.create_organisation(s, {"name": "河南省人民防空办公室", "kind": "province_office"})
        batch = commendations.create_batch(s, {"title": "第一批先进个人", "issuer_id": prov.id,
                                               "decided_on": "2020-03-01"})
        # Entered last word first, so that the order of entry proves nothing.
        for n, (word, handler) in enumerate(reversed(list(zip(WORDS, HANDLERS, strict=True)))):
            person = people.create_person(s, {"name": f"张{'一二三'[n]}", "post": f"{word}科长",
                                               "rank": f"{word}员", "organisation_id": prov.id})
            campaign = campaigns.create_campaign(s, {"name": f"{word}募捐"})
            donations.create_donation(s, {"donor_kind": "anonymous", "amount": "100", "donated_on": "2020-01-28",
                                          "purpose": f"{word}经费", "handler": handler,
                                          "campaign_id": campaign.id})
            whereabouts.create_assignment(s, {"person_id": person.id, "status": "community",
                                              "place_text": f"{word}社区", "start_date": "2020-01-27"})
            commendations.add_honoree(s, batch.id, {"person_id": person.id, "category": f"{word}先进个人"})
            documents.create_document(s, {"title": f"{word}工作的通知", "body": "一、总体要求",
                                          "doc_date": "2020-02-03"})
    yield db
    db.close()


def _query(register: str) -> Any:
    from rfdesk.ui.commendations import CommendationQuery
    from rfdesk.ui.documents import DocumentQuery
    from rfdesk.ui.donations import DonationQuery
    from rfdesk.ui.people import PersonQuery
    from rfdesk.ui.whereabouts import WhereaboutsQuery

    return {"people": PersonQuery, "donations": DonationQuery, "commendations": CommendationQuery,
            "documents": DocumentQuery, "whereabouts": WhereaboutsQuery}[register]()


@pytest.mark.parametrize(("register", "column", "texts"), [
    ("people", "post", [f"{w}科长" for w in WORDS]),
    ("people", "rank", [f"{w}员" for w in WORDS]),
    ("donations", "purpose", [f"{w}经费" for w in WORDS]),
    ("donations", "handler", HANDLERS),
    ("donations", "campaign", [f"{w}募捐" for w in WORDS]),
    ("commendations", "category", [f"{w}先进个人" for w in WORDS]),
    ("documents", "title", [f"{w}工作的通知" for w in WORDS]),
    ("whereabouts", "place", [f"{w}社区" for w in WORDS]),
])
@pytest.mark.parametrize("descending", [False, True])
def test_the_clerk_sorts_a_chinese_column_by_pinyin(office: Any, qtbot: Any, register: str, column: str,
                                                    texts: list[str], descending: bool) -> None:
    from PySide6.QtCore import Qt

    from rfdesk.ui.table import Filter, PagedTableModel

    model = PagedTableModel(office, _query(register), page_size=2)
    model.set_filter(Filter())
    model.wait_for_count()
    at = [c.key for c in model.query.columns].index(column)
    model.sort(at, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    model.wait_for_count()
    shown = [model.row_values(r)[at + 1] for r in range(model.rowCount())]  # type: ignore[index]
    assert shown == (texts[::-1] if descending else texts)


@pytest.mark.parametrize(("register", "column", "index"), [
    ("people", "post", "ix_person_post_pinyin"),
    ("people", "rank", "ix_person_rank_pinyin"),
    ("donations", "purpose", "ix_donation_purpose_pinyin"),
    ("donations", "handler", "ix_donation_handler_pinyin"),
    ("documents", "title", "ix_document_title_pinyin"),
])
def test_a_page_in_pinyin_order_is_read_off_the_key_index(office: Any, qtbot: Any, register: str, column: str,
                                                           index: str) -> None:
    """A million donations sorted by purpose: each page walks the index from the last row shown, never
    sorting the whole register."""
    from rfdesk.ui.table import Filter, PagedTableModel

    model = PagedTableModel(office, _query(register), page_size=2)
    model.set_filter(Filter())
    model.wait_for_count()
    with statements_sent(office) as sent:
        model.sort([c.key for c in model.query.columns].index(column))
        model.wait_for_count()
        model.row_values(2)  # the second page, read after the first one's last row
    pages = [s for s in sent if "ORDER BY" in s and "LIMIT" in s]
    assert len(pages) == 2
    with office.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        for statement in pages:
            plan = " ".join(str(r[-1]) for r in raw.execute("EXPLAIN QUERY PLAN " + statement))
            assert index in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan
