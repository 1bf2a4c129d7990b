"""The history of every register: each create, change, deletion and restore is written down with when, who
and what changed (old → new) — the items of a donation and the attachments of a document included — and
everything deleted waits in the recycle bin until it is restored."""

from __future__ import annotations

import pytest

from every_register import CHANGES, one_of_each
from rfdesk.domain import REGISTER_MODELS, Base, Document, Donation, Record
from rfdesk.services import base
from rfdesk.services import documents as ds
from rfdesk.services import donations as dn


@pytest.fixture
def office(db) -> dict[str, int]:
    with db.session() as s:
        s.info["operator"] = "王晶"
        return one_of_each(s)


def test_every_table_a_clerk_edits_is_covered_by_the_recycle_bin_and_the_history() -> None:
    edited = {m.class_ for m in Base.registry.mappers if issubclass(m.class_, Record)}
    assert edited == set(REGISTER_MODELS)
    assert {model for model, *_ in CHANGES.values()} == edited


@pytest.mark.parametrize("register", sorted(CHANGES))
def test_each_change_is_recorded_with_the_clerk_and_old_and_new_values(db, office, register) -> None:
    model, update, first, _ = CHANGES[register]
    record_id = office[register]
    with db.session() as s:
        s.info["operator"] = "孙志敏"
        update(s, record_id, first)
    with db.session() as s:
        s.info["operator"] = "曾方"
        base.soft_delete(s, base.get(s, model, record_id))
        assert (model.__tablename__, record_id) in {(e.table_name, e.record_id) for e in base.recycle_bin(s)}
    with db.session() as s:
        s.info["operator"] = "孙志敏"
        assert base.restore_from_bin(s, model.__tablename__, record_id).deleted_at is None
    with db.session() as s:
        trail = base.history(s, model, record_id)
        assert base.get(s, model, record_id).id == record_id
    creates = [h for h in trail if h.action == "create"]
    assert [h.action for h in trail[len(creates) - 1:]] == ["create", "update", "delete", "restore"]
    assert [h.operator for h in trail[-4:]] == ["王晶", "孙志敏", "曾方", "孙志敏"]
    changed = trail[-3].changes
    assert set(changed) == set(first)
    for old, new in changed.values():
        assert old != new and new is not None
    assert trail[-2].changes["deleted_at"][0] is None and trail[-2].changes["deleted_at"][1] is not None
    assert trail[-1].changes["deleted_at"][1] is None


def test_the_items_of_a_donation_show_in_its_history(db, office) -> None:
    donation_id = office["in_kind_donation"]
    with db.session() as s:
        dn.update_donation(s, donation_id, {"items": [
            {"name": "口罩", "quantity": 200, "unit": "只", "estimated_value": 300},
            {"name": "酒精", "quantity": "10.5", "unit": "升", "estimated_value": 0}]})
    with db.session() as s:
        created, changed = base.history(s, Donation, donation_id)
    assert created.changes["items"] == [None, ["口罩 100.000 只 300.00"]]
    assert changed.changes == {"items": [["口罩 100.000 只 300.00"],
                                         ["口罩 200.000 只 300.00", "酒精 10.500 升 0.00"]]}


def test_the_attachments_of_a_document_show_in_its_history(db, office) -> None:
    doc_id = office["document"]
    with db.session() as s:
        ds.update_document(s, doc_id, {"attachments": [{"title": "名单", "body": "工程管理处党支部"},
                                                       {"title": "联系人"}]})
    with db.session() as s:
        ds.update_document(s, doc_id, {"attachments": [{"title": "名单", "body": "工程管理处党支部"},
                                                       {"title": "联系人"}]})  # the same again: no change
        trail = base.history(s, Document, doc_id)
    assert [h.action for h in trail] == ["create", "update"]
    assert trail[1].changes == {"attachments": [["名单"], ["名单 工程管理处党支部", "联系人"]]}
