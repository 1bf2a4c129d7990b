"""Bulk creates (what an import uses): a clerk's list written at once gives exactly the records, receipt
numbers and audit entries that entering the same rows one by one in the forms gives, and refuses what the
forms refuse, with the same messages."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from rfdesk.db import open_database
from rfdesk.domain import AuditEntry, Donation, DonationItem, Person, Resource
from rfdesk.services import donations as dn
from rfdesk.services import organisations as orgs
from rfdesk.services import people
from rfdesk.services import resources as res
from rfdesk.services.bulk import RowRefused
from rfdesk.services.errors import ValidationError
from rfdesk.services.validation import id_check_char

ZHANG = "41010519800126123" + id_check_char("41010519800126123")
LI = "41010219850315202" + id_check_char("41010219850315202")


def office(s) -> dict[str, int]:  # noqa: ANN001
    prov = orgs.create_organisation(s, {"name": "河南省人民防空办公室", "kind": "province_office"})
    firm = orgs.create_organisation(s, {"name": "河南人防工程设备有限公司", "kind": "enterprise"})
    return {"prov": prov.id, "firm": firm.id}


def people_rows(ids: dict[str, int]) -> list[dict]:
    return [
        {"name": "曾方", "id_number": ZHANG, "organisation_id": ids["prov"], "phone": "13812345678",
         "political_status": "cpc", "party_joined_on": "2005-07-01", "notes": "心理援助热线"},
        {"name": "李四", "id_number": LI, "employment_type": "contract", "post": "科员"},
        {"name": "Wang Wu", "gender": "M"},
    ]


def donation_rows(ids: dict[str, int], zeng: int) -> list[dict]:
    return [
        {"donor_kind": "person", "donor_person_id": zeng, "amount": "1000.50", "donated_on": "2020-01-26",
         "channel": "wechat", "purpose": "疫情防控"},
        {"donor_kind": "enterprise", "donor_organisation_id": ids["firm"], "form": "in_kind",
         "donated_on": "2019-12-30", "items": [{"name": "医用口罩", "quantity": "2000", "unit": "个",
                                                "estimated_value": "3000"},
                                               {"name": "防护服", "quantity": "50", "unit": "套"}]},
        {"donor_kind": "anonymous", "amount": "500", "donated_on": "2020-01-28"},
    ]


RESOURCE_ROWS = [
    {"kind": "supply", "name": "75%酒精", "unit_of_measure": "升", "min_stock": "10"},
    {"kind": "emergency_shelter", "name": "人民公园应急避难场所", "capacity_people": 5000, "area_m2": "12000.5"},
]


def _records(s) -> dict[str, list]:  # noqa: ANN001
    """Every column of the records but keys and clock times; the audit entries likewise."""
    def strip(obj) -> dict:  # noqa: ANN001
        return {c.key: getattr(obj, c.key) for c in obj.__table__.columns
                if c.key not in ("id", "uuid", "created_at", "updated_at", "donation_id", "donor_person_id")}

    audit = [(a.action, a.table_name, a.label.startswith("#") or a.label, a.operator, json.loads(a.changes))
             for a in s.scalars(select(AuditEntry).where(AuditEntry.table_name.in_(("person", "donation",
                                                                                      "resource")))
                                .order_by(AuditEntry.id))]
    for entry in audit:
        entry[4].pop("donor_person_id", None)  # the same person, under another id in each database
    return {
        "people": [strip(p) for p in s.scalars(select(Person).order_by(Person.id))],
        "donations": [strip(d) for d in s.scalars(select(Donation).order_by(Donation.id))],
        "items": [strip(i) for i in s.scalars(select(DonationItem).order_by(DonationItem.id))],
        "resources": [strip(r) for r in s.scalars(select(Resource).order_by(Resource.id))],
        "audit": audit,
    }


def test_a_list_written_at_once_equals_the_same_rows_entered_one_by_one(tmp_path) -> None:  # noqa: ANN001
    by_hand, at_once = open_database(tmp_path / "by-hand.sqlite"), open_database(tmp_path / "at-once.sqlite")
    try:
        with by_hand.session() as s:
            s.info["operator"] = "王会计"
            ids = office(s)
            made = [people.create_person(s, r) for r in people_rows(ids)]
            for r in donation_rows(ids, made[0].id):
                dn.create_donation(s, r)
            for r in RESOURCE_ROWS:
                res.create_resource(s, r)
            expected = _records(s)
        with at_once.session() as s:
            s.info["operator"] = "王会计"
            ids = office(s)
            person_ids = people.create_people(s, people_rows(ids))
            donation_ids = dn.create_donations(s, donation_rows(ids, person_ids[0]))
            res.create_resources(s, RESOURCE_ROWS)
            assert _records(s) == expected
            assert [d.receipt_no for d in s.scalars(select(Donation).order_by(Donation.id))] == [
                "2020-000001", "2019-000001", "2020-000002"]
            zeng = s.get(Person, person_ids[0])
            assert (zeng.name_initials, zeng.gender, zeng.birth_date) == ("zf", "M", date(1980, 1, 26))
            assert people.list_people(s, search="zf").rows == [zeng]
            assert len(donation_ids) == 3 and expected["audit"]
            # The pinyin sort keys were compared above with every other column; they are really there.
            assert s.get(Person, person_ids[1]).post_pinyin == "keyuan"
            assert s.get(Donation, donation_ids[0]).purpose_pinyin == "yiqingfangkong"
    finally:
        by_hand.close()
        at_once.close()


def test_a_bulk_create_refuses_what_the_form_refuses_and_writes_nothing(session) -> None:  # noqa: ANN001
    ids = office(session)
    people.create_person(session, {"name": "张三", "id_number": ZHANG, "organisation_id": ids["prov"]})
    rows = [{"name": "李四", "id_number": LI}, {"name": "张三三", "id_number": ZHANG.lower()}]
    with pytest.raises(ValidationError) as by_form:
        people.create_person(session, rows[1])
    with pytest.raises(RowRefused) as at_once:
        people.create_people(session, rows)
    assert at_once.value.index == 1
    assert (at_once.value.error.field, at_once.value.error.zh) == (by_form.value.field, by_form.value.zh)
    assert at_once.value.error.zh == "身份证号：已登记为“张三”（河南省人民防空办公室）的身份证号"
    assert people.find_person_by_id_number(session, LI) is None

    # The same number twice in one list: the second is refused as a second form would be.
    checked = people.check_people(session, [{"name": "李四", "id_number": LI, "organisation_id": ids["prov"]},
                                            {"name": "李四四", "id_number": LI}, {"name": "", "phone": "1"}])
    assert not isinstance(checked[0], ValidationError)
    assert isinstance(checked[1], ValidationError) and "已登记为“李四”（河南省人民防空办公室）" in checked[1].zh
    assert isinstance(checked[2], ValidationError) and checked[2].field == "name"

    with pytest.raises(RowRefused) as bad_item:
        dn.create_donations(session, [{"donor_kind": "anonymous", "amount": "5", "donated_on": "2020-01-01"},
                                      {"donor_kind": "anonymous", "form": "in_kind", "donated_on": "2020-01-01",
                                       "items": [{"name": "口罩", "unit": "个"}]}])
    assert (bad_item.value.index, bad_item.value.error.field) == (1, "items[0].quantity")
    assert session.scalar(select(Donation.id)) is None


TRICKY_NAMES = ["曹裕军", "曾方", "单于春", "单田芳", "重庆", "阿依古丽·买买提", "Wang Wu", "李A明", "", "  ", "张　三",
                "乐嘉", "长孙无忌", "区志强", "１２３", "O'Neil", "朴槿惠", "解缙", "覃", "银行行长", "\u3007"]


def test_names_keyed_in_one_pass_get_the_keys_they_get_one_at_a_time() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from rfdesk.services.base import name_keys
    from rfdesk.services.bulk import name_keys_many

    assert name_keys_many(TRICKY_NAMES) == [name_keys(n) for n in TRICKY_NAMES]
    assert people.person_name_keys_many(TRICKY_NAMES) == [people.person_name_keys(n) for n in TRICKY_NAMES]

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.text(alphabet="曾单重长行乐区朴解银于春庆田芳AbZ9·' 　-", max_size=6), max_size=8))
    def same_keys(names: list[str]) -> None:
        assert name_keys_many(names) == [name_keys(n) for n in names]
        assert people.person_name_keys_many(names) == [people.person_name_keys(n) for n in names]

    same_keys()


def test_a_large_roster_keyed_at_once_gets_every_name_its_own_keys() -> None:
    """Names read character by character (most of them) and names holding a word the converter knows
    (重庆, 银行) keyed together still come out exactly as keyed one at a time."""
    import random

    from rfdesk.services.base import name_keys
    from rfdesk.services.bulk import name_keys_many

    rng = random.Random(11)
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗曾单解区朴重长"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平庆行银华国建春东文红中长重乐"
    names = [rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.randint(0, 3)))
             for _ in range(3000)] + ["重庆", "银行行长", "李A明", "", "阿依古丽·买买提"]
    assert name_keys_many(names) == [name_keys(n) for n in names]
    assert people.person_name_keys_many(names) == [people.person_name_keys(n) for n in names]


def test_records_written_at_once_each_get_a_random_uuid_of_their_own(session) -> None:  # noqa: ANN001
    import uuid

    ids = people.create_people(session, [{"name": f"人员{i}"} for i in range(300)])
    uuids = [session.get(Person, i).uuid for i in ids]
    assert len(set(uuids)) == 300
    assert all(uuid.UUID(u).version == 4 and uuid.UUID(u).variant == uuid.RFC_4122 and str(uuid.UUID(u)) == u
               for u in uuids)


def test_a_person_added_in_the_same_unit_of_work_but_not_yet_written_is_a_duplicate_too(session) -> None:  # noqa: ANN001
    ids = office(session)
    session.add(Person(name="曾方", id_number=ZHANG, organisation_id=ids["prov"], employment_type="staff"))
    checked = people.check_people(session, [{"name": "曾方", "id_number": ZHANG}, {"name": "李四", "id_number": LI}])
    assert isinstance(checked[0], ValidationError)
    assert checked[0].zh == "身份证号：已登记为“曾方”（河南省人民防空办公室）的身份证号"
    assert not isinstance(checked[1], ValidationError)
    assert people.registered_id_numbers(session, {ZHANG, LI}) == {ZHANG}
