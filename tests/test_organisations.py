"""Organisations: the tree, moves, the recycle bin and the audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from rfdesk.domain import AuditEntry, Organisation
from rfdesk.services import base
from rfdesk.services import organisations as orgs
from rfdesk.services.errors import NotFound, ValidationError


def test_a_clerk_builds_the_office_tree_and_finds_a_department_by_pinyin(session) -> None:
    prov = orgs.create_organisation(session, {"name": "河南省人民防空办公室", "short_name": "省人防办",
                                              "kind": "省级人防办"})
    dept = orgs.create_organisation(session, {"name": "工程管理处", "kind": "department", "parent_id": prov.id})
    assert dept.path == f"/{prov.id}/"
    assert [o.name for o in orgs.list_organisations(session, search="gcglc")] == ["工程管理处"]
    assert orgs.find_organisation(session, "省人防办").id == prov.id
    assert orgs.subtree_ids(session, prov.id) == [prov.id, dept.id]


def test_moving_a_unit_moves_its_subtree(session) -> None:
    a = orgs.create_organisation(session, {"name": "甲", "kind": "city_office"})
    b = orgs.create_organisation(session, {"name": "乙", "kind": "city_office"})
    a1 = orgs.create_organisation(session, {"name": "甲一", "kind": "county_office", "parent_id": a.id})
    a11 = orgs.create_organisation(session, {"name": "甲一处", "kind": "department", "parent_id": a1.id})
    orgs.update_organisation(session, a1.id, {"parent_id": b.id})
    assert a11.path == f"/{b.id}/{a1.id}/"
    with pytest.raises(ValidationError) as err:
        orgs.update_organisation(session, b.id, {"parent_id": a11.id})
    assert err.value.field == "parent_id"


def test_a_blank_name_is_refused_and_nothing_is_written(db) -> None:
    with pytest.raises(ValidationError) as err, db.session() as s:
        orgs.create_organisation(s, {"name": "  ", "kind": "department"})
    assert err.value.field == "name" and "不能为空" in err.value.zh
    with db.session() as s:
        assert s.scalars(select(Organisation)).all() == []
        assert s.scalars(select(AuditEntry)).all() == []


def test_delete_goes_to_the_bin_and_restore_brings_it_back_with_history(session) -> None:
    o = orgs.create_organisation(session, {"name": "管城区人防办", "kind": "county_office"})
    orgs.update_organisation(session, o.id, {"phone": "0371-65901234"})
    orgs.delete_organisation(session, o.id)
    with pytest.raises(NotFound):
        base.get(session, Organisation, o.id)
    assert [e.label for e in base.recycle_bin(session)] == ["管城区人防办"]
    base.restore_from_bin(session, "organisation", o.id)
    hist = base.history(session, Organisation, o.id)
    assert [h.action for h in hist] == ["create", "update", "delete", "restore"]
    assert hist[1].changes["phone"] == [None, "0371-65901234"]
    assert all(h.operator == "test-clerk" for h in hist)


def test_a_parent_or_organisation_that_is_missing_or_in_the_bin_is_refused_naming_the_field(session) -> None:
    zz = orgs.create_organisation(session, {"name": "郑州市人防办", "kind": "city_office"})
    old = orgs.create_organisation(session, {"name": "原指挥所", "kind": "其他单位"})
    orgs.delete_organisation(session, old.id)
    for parent in (999, old.id, "abc"):
        with pytest.raises(ValidationError) as err:
            orgs.create_organisation(session, {"name": "管城区人防办", "kind": "county_office", "parent_id": parent})
        assert err.value.field == "parent_id" and err.value.zh.startswith("上级单位：")
    with pytest.raises(ValidationError) as err:
        orgs.create_place(session, {"name": "紫荆山南路社区", "kind": "community", "organisation_id": old.id})
    assert err.value.field == "organisation_id"
    with pytest.raises(ValidationError) as err:
        orgs.list_places(session, kind="月球")
    assert err.value.field == "kind"
    assert [o.name for o in orgs.list_organisations(session, kind="市级人防办")] == [zz.name]


def test_a_unit_comes_back_from_the_bin_only_after_its_parent(session) -> None:
    zz = orgs.create_organisation(session, {"name": "郑州市人防办", "kind": "city_office"})
    gc = orgs.create_organisation(session, {"name": "管城区人防办", "kind": "county_office", "parent_id": zz.id})
    orgs.delete_organisation(session, gc.id)
    orgs.delete_organisation(session, zz.id)
    with pytest.raises(ValidationError) as err:
        base.restore_from_bin(session, "organisation", gc.id)
    assert err.value.field == "parent_id" and "郑州市人防办" in err.value.zh
    base.restore_from_bin(session, "organisation", zz.id)
    base.restore_from_bin(session, "organisation", gc.id)
    assert [o.name for o in orgs.list_organisations(session)] == ["郑州市人防办", "管城区人防办"]
