"""The commendation register: the party group's first batch of “硬核” branches and members, from draft to
issued notice."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from rfdesk.domain import Base, Document
from rfdesk.services import commendations as cm
from rfdesk.services import organisations as orgs
from rfdesk.services import people, teams
from rfdesk.services.errors import Conflict, ValidationError
from rfdesk.services.strokes import stroke_count, stroke_key

BRANCHES = "“硬核”党支部（组织）"
MEMBERS = "“硬核”共产党员（职工）"


def table_counts(session) -> dict[str, int]:
    return {t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


@pytest.fixture
def province(session):
    prov = orgs.create_organisation(session, {"name": "河南省人民防空办公室", "short_name": "省人防办",
                                              "kind": "省级人防办"})
    # departments entered in another order than the office lists them (sort_order)
    rs = orgs.create_organisation(session, {"name": "人事教育处", "kind": "处室", "parent_id": prov.id,
                                            "sort_order": 3})
    gc = orgs.create_organisation(session, {"name": "工程管理处", "kind": "处室", "parent_id": prov.id,
                                            "sort_order": 1})
    zh = orgs.create_organisation(session, {"name": "指挥与应急协调处", "kind": "处室", "parent_id": prov.id,
                                            "sort_order": 2})
    gcq = orgs.create_organisation(session, {"name": "管城区人防办", "kind": "县区人防办", "sort_order": 10})
    r = {"prov": prov, "rs": rs, "gc": gc, "zh": zh, "gcq": gcq}
    r["gc_branch"] = people.create_party_branch(session, {"name": "工程管理处党支部", "organisation_id": gc.id})
    r["airport_branch"] = people.create_party_branch(session, {"name": "机场转运临时党支部", "is_temporary": True})
    r["group"] = teams.create_team(session, {"name": "境外返郑人员转运专班", "kind": "工作专班",
                                             "organisation_id": gcq.id})
    r["曹裕军"] = people.create_person(session, {"name": "曹裕军", "organisation_id": gc.id, "post": "党支部书记"})
    r["孙志敏"] = people.create_person(session, {"name": "孙志敏", "organisation_id": rs.id, "post": "党支部书记"})
    r["曾方"] = people.create_person(session, {"name": "曾方", "organisation_id": zh.id, "post": "四级调研员"})
    r["王师傅"] = people.create_person(session, {"name": "王建国", "organisation_id": prov.id,
                                              "employment_type": "不在编", "post": "保安"})
    r["老刘"] = people.create_person(session, {"name": "刘振华", "organisation_id": gc.id, "employment_type": "退休"})
    return r


@pytest.fixture
def first_batch(session, province):
    p = province
    batch = cm.create_batch(session, {"title": "第一批“硬核”党支部和“硬核”共产党员", "issuer_id": p["prov"].id,
                                      "decided_on": "2020年3月2日"})
    cm.add_honoree(session, batch.id, {"honoree_kind": "党支部", "party_branch_id": p["airport_branch"].id,
                                       "category": BRANCHES, "deeds": "机场一线"})
    cm.add_honoree(session, batch.id, {"team_id": p["group"].id, "category": BRANCHES})
    cm.add_honoree(session, batch.id, {"party_branch_id": p["gc_branch"].id, "category": BRANCHES})
    for name in ("曹裕军", "孙志敏", "王师傅", "曾方", "老刘"):
        cm.add_honoree(session, batch.id, {"honoree_kind": "个人", "person_id": p[name].id, "category": MEMBERS,
                                           "deeds": "冲锋在前"})
    return batch


def names(session, batch) -> list[str]:
    return [h.name for h in cm.batch_honorees(session, batch.id)]


def test_stroke_counts_of_common_surnames() -> None:
    assert [stroke_count(c) for c in "王刘孙曹曾贾"] == [4, 6, 6, 11, 12, 10]
    assert stroke_count("A") is None
    assert sorted(["曹裕军", "王建国", "刘振华"], key=stroke_key) == ["王建国", "刘振华", "曹裕军"]


def test_the_list_as_entered_grouped_by_category(session, first_batch) -> None:
    rows = cm.batch_honorees(session, first_batch.id)
    assert [h.name for h in rows] == ["机场转运临时党支部", "境外返郑人员转运专班", "工程管理处党支部",
                                      "曹裕军", "孙志敏", "王建国", "曾方", "刘振华"]
    assert [h.category for h in rows] == [BRANCHES] * 3 + [MEMBERS] * 5
    by_name = {h.name: h for h in rows}
    assert by_name["曹裕军"].unit_and_post == "工程管理处党支部书记"
    assert by_name["王建国"].unit_and_post == "河南省人民防空办公室保安"
    assert by_name["刘振华"].unit_and_post == "工程管理处退休"
    people.update_person(session, by_name["孙志敏"].honoree_id, {"post": "人事教育处党支部书记"})
    assert {h.name: h.unit_and_post for h in cm.batch_honorees(session, first_batch.id)}["孙志敏"] == "人事教育处党支部书记"
    assert by_name["工程管理处党支部"].unit == "工程管理处"
    assert by_name["境外返郑人员转运专班"].honoree_kind == "team"


def test_the_list_by_surname_strokes(session, first_batch) -> None:
    cm.update_batch(session, first_batch.id, {"list_order": "按姓氏笔画"})
    assert names(session, first_batch)[3:] == ["王建国", "刘振华", "孙志敏", "曹裕军", "曾方"]
    # 工 (3) 机 (6) 境 (14)
    assert names(session, first_batch)[:3] == ["工程管理处党支部", "机场转运临时党支部", "境外返郑人员转运专班"]


def test_the_list_by_unit_follows_the_office_order(session, first_batch) -> None:
    cm.update_batch(session, first_batch.id, {"list_order": "by_unit"})
    # the office itself, then 工程管理处 (1), 指挥与应急协调处 (2), 人事教育处 (3); within a unit by pinyin
    assert names(session, first_batch)[3:] == ["王建国", "曹裕军", "刘振华", "曾方", "孙志敏"]
    # a branch or team with a unit comes before one without
    assert names(session, first_batch)[:3] == ["工程管理处党支部", "境外返郑人员转运专班", "机场转运临时党支部"]


def test_moving_honorees_up_and_down_and_setting_the_order(session, first_batch) -> None:
    rows = cm.batch_honorees(session, first_batch.id)
    liu = rows[-1].commendation_id
    cm.move_honoree(session, liu, -2)
    assert names(session, first_batch)[3:] == ["曹裕军", "孙志敏", "刘振华", "王建国", "曾方"]
    cm.move_honoree(session, liu, +10)
    assert names(session, first_batch)[-1] == "刘振华"
    ids = [h.commendation_id for h in rows]
    cm.set_honoree_order(session, first_batch.id, list(reversed(ids)))
    # a category is listed where its first honoree now stands
    assert names(session, first_batch) == ["刘振华", "曾方", "王建国", "孙志敏", "曹裕军",
                                           "工程管理处党支部", "境外返郑人员转运专班", "机场转运临时党支部"]
    with pytest.raises(ValidationError) as err:
        cm.set_honoree_order(session, first_batch.id, ids[:-1])
    assert "每一位" in err.value.zh


def test_counts_per_batch_and_per_category_come_from_sql(session, first_batch) -> None:
    second = cm.create_batch(session, {"title": "第二批", "decided_on": "2020-04-10"})
    page = cm.list_batches(session)
    assert [(b.title, b.honorees) for b in page.rows] == [("第二批", 0), (first_batch.title, 8)]
    assert page.rows[1].issuer == "河南省人民防空办公室"
    assert cm.category_counts(session, first_batch.id) == [(BRANCHES, 3), (MEMBERS, 5)]
    assert cm.register_totals(session) == (2, 8)
    cm.delete_batch(session, second.id)
    assert cm.register_totals(session) == (1, 8)
    assert [b.title for b in cm.list_batches(session, search="硬核").rows] == [first_batch.title]


def test_refused_honorees_name_the_field_and_write_nothing(session, province, first_batch) -> None:
    p = province
    people.delete_person(session, p["曾方"].id)
    before = table_counts(session)
    cases = [
        ({"person_id": p["曹裕军"].id, "category": "优秀"}, "person_id", "已在本批"),
        ({"person_id": p["孙志敏"].id, "team_id": p["group"].id, "category": MEMBERS}, "honoree_kind", "只能选一个"),
        ({"honoree_kind": "个人", "person_id": p["孙志敏"].id, "team_id": p["group"].id, "category": MEMBERS},
         "team_id", "应留空"),
        ({"honoree_kind": "个人", "category": MEMBERS}, "person_id", "不能为空"),
        ({"honoree_kind": "集体", "person_id": p["孙志敏"].id, "category": MEMBERS}, "honoree_kind", "单位"),
        ({"organisation_id": p["gcq"].id, "category": "  "}, "category", "不能为空"),
        ({"organisation_id": 4242, "category": BRANCHES}, "organisation_id", "找不到"),
        ({"person_id": p["曾方"].id, "category": MEMBERS}, "person_id", "回收站"),
    ]
    for data, field, words in cases:
        with pytest.raises(ValidationError) as err:
            cm.add_honoree(session, first_batch.id, data)
        assert err.value.field == field, data
        assert words in err.value.zh, err.value.zh
    assert table_counts(session) == before


def test_a_batch_with_a_bad_field_is_refused_and_nothing_is_written(db) -> None:
    with db.session() as s:
        before = table_counts(s)
    for data, field in [({"title": ""}, "title"), ({"title": "第三批", "list_order": "按年龄"}, "list_order"),
                        ({"title": "第三批", "decided_on": "2020-13-01"}, "decided_on"),
                        ({"title": "第三批", "issuer_id": 99}, "issuer_id"),
                        ({"title": "第三批", "status": "issued"}, "status")]:
        with pytest.raises(ValidationError) as err, db.session() as s:
            cm.create_batch(s, data)
        assert err.value.field == field
    with db.session() as s:
        assert table_counts(s) == before


def test_an_issued_batch_refuses_every_change(session, province, first_batch) -> None:
    empty = cm.create_batch(session, {"title": "空批次"})
    notice = Document(kind="notice", title="关于表彰第一批“硬核”党支部和“硬核”共产党员的通报")
    session.add(notice)
    session.flush()
    with pytest.raises(ValidationError) as err:
        cm.mark_batch_issued(session, empty.id, notice.id)
    assert "空" in err.value.zh
    with pytest.raises(ValidationError) as err:
        cm.mark_batch_issued(session, first_batch.id, 777)
    assert err.value.field == "document_id"

    cm.mark_batch_issued(session, first_batch.id, notice.id)
    assert first_batch.status == "issued" and first_batch.document_id == notice.id
    one = cm.batch_honorees(session, first_batch.id)[0].commendation_id
    before = table_counts(session)
    attempts = [
        lambda: cm.update_batch(session, first_batch.id, {"title": "改"}),
        lambda: cm.delete_batch(session, first_batch.id),
        lambda: cm.add_honoree(session, first_batch.id, {"organisation_id": province["gcq"].id, "category": "x"}),
        lambda: cm.update_honoree(session, one, {"deeds": "改"}),
        lambda: cm.remove_honoree(session, one),
        lambda: cm.move_honoree(session, one, 1),
        lambda: cm.mark_batch_issued(session, first_batch.id, notice.id),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as err:
            attempt()
        assert err.value.field == "status" and "已印发" in err.value.zh
    assert table_counts(session) == before
    assert [b.status for b in cm.list_batches(session, status="已印发").rows] == ["issued"]


def test_an_honoree_is_corrected_or_removed_while_the_batch_is_a_draft(session, province, first_batch) -> None:
    rows = {h.name: h for h in cm.batch_honorees(session, first_batch.id)}
    cm.update_honoree(session, rows["曾方"].commendation_id, {"deeds": "连续值守热线", "category": MEMBERS},
                      expected_version=rows["曾方"].version)
    with pytest.raises(Conflict):
        cm.update_honoree(session, rows["曾方"].commendation_id, {"deeds": "x"}, expected_version=rows["曾方"].version)
    # replacing the honoree by someone already in the batch is refused
    with pytest.raises(ValidationError) as err:
        cm.update_honoree(session, rows["曾方"].commendation_id, {"person_id": province["曹裕军"].id})
    assert err.value.field == "person_id"
    cm.remove_honoree(session, rows["刘振华"].commendation_id)
    assert "刘振华" not in names(session, first_batch)
    # once removed, the same person may be added again
    cm.add_honoree(session, first_batch.id, {"person_id": province["老刘"].id, "category": MEMBERS})
    assert names(session, first_batch)[-1] == "刘振华"
    assert {h.name: h.deeds for h in cm.batch_honorees(session, first_batch.id)}["曾方"] == "连续值守热线"


def test_an_honoree_taken_off_comes_back_only_to_a_draft_and_only_once(session, province, first_batch) -> None:
    from rfdesk.services import base

    rows = {h.name: h for h in cm.batch_honorees(session, first_batch.id)}
    liu, zeng = rows["刘振华"].commendation_id, rows["曾方"].commendation_id
    cm.remove_honoree(session, liu)
    cm.remove_honoree(session, zeng)
    cm.add_honoree(session, first_batch.id, {"person_id": province["老刘"].id, "category": MEMBERS})
    with pytest.raises(ValidationError) as err:  # 刘振华 was entered again meanwhile
        base.restore_from_bin(session, "commendation", liu)
    assert err.value.field == "batch_id" and "重新列入" in err.value.zh
    notice = Document(kind="notice", title="通报")
    session.add(notice)
    session.flush()
    cm.mark_batch_issued(session, first_batch.id, notice.id)
    before = table_counts(session)
    with pytest.raises(ValidationError) as err:  # the list printed in the notice stays as issued
        base.restore_from_bin(session, "commendation", zeng)
    assert err.value.field == "batch_id" and "已印发" in err.value.zh
    assert table_counts(session) == before and "曾方" not in names(session, first_batch)
