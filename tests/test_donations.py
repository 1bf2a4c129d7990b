"""Donation register: a clerk records staff, unit, enterprise and anonymous donations, prints receipts,
voids a mistake and reads the totals of the office, the system and the enterprises."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from office_registers import every_row
from rfdesk.domain import Donation, NumberSequence
from rfdesk.services import base, people
from rfdesk.services import donation_totals as totals
from rfdesk.services import donations as dn
from rfdesk.services import organisations as orgs
from rfdesk.services.errors import ValidationError


@pytest.fixture
def office(db):  # noqa: ANN001
    """The provincial office with two departments, a city office with a county office, and an enterprise."""
    with db.session() as s:
        prov = orgs.create_organisation(s, {"name": "河南省人民防空办公室", "short_name": "省人防办",
                                            "kind": "province_office"})
        eng = orgs.create_organisation(s, {"name": "工程管理处", "kind": "department", "parent_id": prov.id})
        hr = orgs.create_organisation(s, {"name": "人事教育处", "kind": "department", "parent_id": prov.id})
        city = orgs.create_organisation(s, {"name": "郑州市人防办", "kind": "city_office"})
        county = orgs.create_organisation(s, {"name": "管城区人防办", "kind": "county_office", "parent_id": city.id})
        firm = orgs.create_organisation(s, {"name": "河南人防工程设备有限公司", "kind": "enterprise"})
        cao = people.create_person(s, {"name": "曹裕军", "organisation_id": eng.id})
        sun = people.create_person(s, {"name": "孙志敏", "organisation_id": hr.id})
        meng = people.create_person(s, {"name": "孟繁", "organisation_id": county.id})
        ids = {k: o.id for k, o in dict(prov=prov, eng=eng, hr=hr, city=city, county=county, firm=firm,
                                          cao=cao, sun=sun, meng=meng).items()}
    return ids


def cash(person_id: int, amount: str, day: str = "2020-02-03", **extra) -> dict:  # noqa: ANN003
    return {"donor_kind": "person", "donor_person_id": person_id, "amount": amount, "donated_on": day, **extra}


def test_receipts_are_numbered_per_year_without_gaps_even_across_a_rolled_back_entry(db, office) -> None:
    with db.session() as s:
        first = dn.create_donation(s, cash(office["sun"], "500"))
    with pytest.raises(RuntimeError), db.session() as s:
        # The clerk's entry fails after the number was drawn (the window crashed): everything rolls back.
        dn.create_donation(s, cash(office["sun"], "300"))
        raise RuntimeError("power cut")
    with db.session() as s:
        second = dn.create_donation(s, cash(office["cao"], "1000"))
        next_year = dn.create_donation(s, cash(office["cao"], "200", "2021-01-04"))
        third = dn.create_donation(s, cash(office["meng"], "800", "2020-12-31"))
    assert [first.receipt_no, second.receipt_no, third.receipt_no] == ["2020-000001", "2020-000002", "2020-000003"]
    assert (next_year.receipt_year, next_year.receipt_seq, next_year.receipt_no) == (2021, 1, "2021-000001")


def test_two_clerks_entering_at_the_same_time_get_distinct_consecutive_receipts(db, office) -> None:
    start = threading.Barrier(2)
    got: dict[str, list[str]] = {"a": [], "b": []}
    errors: list[BaseException] = []

    def clerk(name: str, person_id: int) -> None:
        try:
            start.wait()
            for i in range(8):
                with db.session() as s:
                    s.info["operator"] = name
                    got[name].append(dn.create_donation(s, cash(person_id, f"{100 + i}")).receipt_no)
        except BaseException as exc:  # reported below, a thread cannot fail the test itself
            errors.append(exc)

    threads = [threading.Thread(target=clerk, args=("a", office["cao"])),
               threading.Thread(target=clerk, args=("b", office["sun"]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    numbers = sorted(got["a"] + got["b"])
    assert numbers == [f"2020-{n:06d}" for n in range(1, 17)]
    with db.session() as s:
        assert s.scalar(select(NumberSequence.last_value).where(NumberSequence.name == "receipt")) == 16


def test_voiding_keeps_the_receipt_number_and_drops_the_amount_from_every_total(db, office) -> None:
    with db.session() as s:
        keep = dn.create_donation(s, cash(office["cao"], "1000"))
        wrong = dn.create_donation(s, cash(office["sun"], "5000"))
        assert dn.donation_totals(s) == (2, Decimal("6000.00"))
        dn.void_donation(s, wrong.id, "重复登记，以 2020-000001 为准")
    with db.session() as s:
        wrong = s.get(Donation, wrong.id)
        assert wrong.voided and wrong.voided_at is not None and wrong.receipt_no == "2020-000002"
        assert dn.donation_totals(s) == (1, Decimal("1000.00"))
        assert totals.system_total(s) == Decimal("1000.00")
        assert [d.receipt_no for d in dn.list_donations(s).rows] == ["2020-000001"]
        assert [d.receipt_no for d in dn.list_donations(s, include_voided=True).rows] == ["2020-000001", "2020-000002"]
        with pytest.raises(ValidationError) as err:
            dn.update_donation(s, wrong.id, {"amount": "50"})
        assert err.value.field == "voided"
        with pytest.raises(ValidationError):
            dn.void_donation(s, wrong.id, "again")
        with pytest.raises(ValidationError) as err:
            dn.void_donation(s, keep.id, "  ")
        assert err.value.field == "void_reason"
        # The voided number is never handed out again.
        assert dn.create_donation(s, cash(office["meng"], "10")).receipt_no == "2020-000003"


def test_the_office_subtree_the_system_and_the_enterprises_add_up(db, office) -> None:
    with db.session() as s:
        dn.create_donation(s, cash(office["cao"], "1000"))
        dn.create_donation(s, cash(office["sun"], "2000.50"))
        dn.create_donation(s, {"donor_kind": "organisation", "donor_organisation_id": office["prov"],
                               "amount": "10000", "channel": "bank", "donated_on": "2020-02-05"})
        dn.create_donation(s, cash(office["meng"], "300"))
        dn.create_donation(s, {"donor_kind": "enterprise", "donor_organisation_id": office["firm"],
                               "amount": "700000", "channel": "银行转账", "donated_on": "2020-02-06"})
        dn.create_donation(s, {"donor_kind": "enterprise", "donor_name": "某安防科技公司", "amount": "5000",
                               "donated_on": "2020-02-06"})
        dn.create_donation(s, {"donor_kind": "organisation", "donor_organisation_id": office["eng"], "form": "in_kind",
                               "items": [{"name": "医用口罩", "quantity": "2000", "unit": "只", "estimated_value": "3000"}],
                               "donated_on": "2020-02-07"})
    with db.session() as s:
        tree = {t.label: t for t in totals.by_organisation(s)}
        assert tree["河南省人民防空办公室"].cash == Decimal("13000.50")
        assert tree["河南省人民防空办公室"].in_kind == Decimal("3000.00")
        assert tree["河南省人民防空办公室"].own_cash == Decimal("10000.00")
        assert tree["工程管理处"].cash == Decimal("1000.00") and tree["工程管理处"].count == 2
        assert tree["郑州市人防办"].cash == Decimal("300.00") and tree["郑州市人防办"].own_count == 0
        assert tree["河南人防工程设备有限公司"].cash == Decimal("700000.00")
        assert totals.organisation_total(s, office["prov"]).total == Decimal("16000.50")
        assert dn.donation_totals(s, organisation_id=office["prov"]) == (4, Decimal("16000.50"))
        assert dn.donation_totals(s, organisation_id=office["prov"], form="cash") == (3, Decimal("13000.50"))
        # Cash of the system counts the office, its departments and the city and county offices, not goods.
        assert totals.system_total(s) == Decimal("13300.50")
        assert totals.enterprise_total(s) == Decimal("705000.00")
        assert totals.in_kind_total(s) == Decimal("3000.00")
        kinds = {t.key: t for t in totals.by_donor_kind(s)}
        assert kinds["enterprise"].cash == Decimal("705000.00") and kinds["enterprise"].label == "企业"
        assert kinds["person"].count == 3


def test_an_anonymous_donation_counts_for_the_donors_unit_but_never_shows_the_name(db, office) -> None:
    with db.session() as s:
        anon = dn.create_donation(s, {"donor_kind": "匿名", "donor_person_id": office["cao"],
                                      "anonymous_note": "曹裕军（本人未声张，由同事告知）", "amount": "2000",
                                      "donated_on": "2020-02-10"})
        assert anon.donor_display == "匿名" and anon.unit_id == office["eng"]
        assert dn.donation_totals(s, organisation_id=office["eng"]) == (1, Decimal("2000.00"))
        assert [d.id for d in dn.list_donations(s, search="同事告知").rows] == [anon.id]
        assert dn.list_donations(s, search="cyj").rows == []
        with pytest.raises(ValidationError) as err:
            dn.create_donation(s, {"donor_kind": "anonymous", "donor_name": "曹裕军", "amount": "1",
                                   "donated_on": "2020-02-10"})
        assert err.value.field == "donor_name"


def test_the_unit_is_fixed_when_recorded_and_the_receipt_number_never_changes(db, office) -> None:
    with db.session() as s:
        d = dn.create_donation(s, cash(office["cao"], "1000"))
        people.update_person(s, office["cao"], {"organisation_id": office["hr"]})
        dn.update_donation(s, d.id, {"amount": "1200.5", "purpose": "疫情防控"})
        assert (d.amount, d.unit_id, d.receipt_no) == (Decimal("1200.50"), office["eng"], "2020-000001")
        with pytest.raises(ValidationError) as err:
            dn.update_donation(s, d.id, {"donated_on": "2019-12-30"})
        assert err.value.field == "donated_on" and "2020-000001" in err.value.zh
        dn.update_donation(s, d.id, {"donor_person_id": office["sun"]})
        assert d.unit_id == office["hr"] and d.donor_display == "孙志敏" and d.receipt_no == "2020-000001"
        assert base.history(s, Donation, d.id)[1].changes["amount"] == ["1000.00", "1200.50"]


def test_goods_are_valued_item_by_item_and_a_bad_item_names_its_line_and_writes_nothing(db, office) -> None:
    items = [{"name": "医用酒精", "quantity": "50.5", "unit": "升", "estimated_value": "1010"},
             {"name": "体温计", "quantity": "100", "unit": "支", "estimated_value": "1500.25"}]
    with db.session() as s:
        goods = dn.create_donation(s, {"donor_kind": "enterprise", "donor_organisation_id": office["firm"],
                                       "form": "物资捐赠", "items": items, "donated_on": "2020-02-11"})
        assert goods.amount == Decimal("2510.25") and goods.channel is None
        assert [(i.name, i.quantity) for i in goods.items] == [("医用酒精", Decimal("50.500")), ("体温计", Decimal("100.000"))]
    before = every_row(db.path)
    refusals = [
        ({"items": [items[0], {**items[1], "quantity": "-3"}]}, "items[1].quantity"),
        ({"items": [items[0], {**items[1], "quantity": "1.2345"}]}, "items[1].quantity"),
        ({"items": [{**items[0], "unit": " "}]}, "items[0].unit"),
        ({"items": [{**items[0], "estimated_value": "abc"}]}, "items[0].estimated_value"),
        ({"items": []}, "items"),
        ({"items": items, "amount": "99"}, "amount"),
        ({"items": items, "channel": "wechat"}, "channel"),
    ]
    for change, field in refusals:
        with pytest.raises(ValidationError) as err, db.session() as s:
            dn.create_donation(s, {"donor_kind": "enterprise", "donor_organisation_id": office["firm"],
                                   "form": "in_kind", "donated_on": "2020-02-11", **change})
        assert err.value.field == field, change
    assert every_row(db.path) == before
    assert "第2项物品的数量" in _refusal(db, {"donor_kind": "enterprise", "donor_organisation_id": office["firm"],
                                         "form": "in_kind", "donated_on": "2020-02-11",
                                         "items": [items[0], {**items[1], "quantity": "0"}]}).zh


def _refusal(db, data: dict) -> ValidationError:  # noqa: ANN001
    with pytest.raises(ValidationError) as err, db.session() as s:
        dn.create_donation(s, data)
    return err.value


@pytest.mark.parametrize(("change", "field"), [
    ({"amount": "0"}, "amount"),
    ({"amount": "-5"}, "amount"),
    ({"amount": "12.345"}, "amount"),
    ({"amount": ""}, "amount"),
    ({"donated_on": "2020-02-30"}, "donated_on"),
    ({"donated_on": (date.today() + timedelta(days=1)).isoformat()}, "donated_on"),
    ({"donated_on": ""}, "donated_on"),
    ({"channel": "银票"}, "channel"),
    ({"donor_person_id": 99999}, "donor_person_id"),
    ({"donor_person_id": None}, "donor_person_id"),
    ({"campaign_id": 12}, "campaign_id"),
    ({"donor_kind": "friend"}, "donor_kind"),
    ({"anonymous_note": "同事告知"}, "anonymous_note"),
    ({"color": "red"}, "color"),
])
def test_refused_input_names_the_field_and_writes_nothing(db, office, change, field) -> None:
    before = every_row(db.path)
    err = _refusal(db, {**cash(office["cao"], "100"), **change})
    assert err.field == field and err.zh and err.en
    assert every_row(db.path) == before


def test_a_collection_sheet_is_entered_all_or_nothing_against_its_declared_count_and_total(db, office) -> None:
    rows = [cash(office["cao"], "1000"), cash(office["sun"], "500.50"), cash(office["meng"], "300")]
    before = every_row(db.path)
    with pytest.raises(ValidationError) as err, db.session() as s:
        dn.create_donation_batch(s, 3, "1900.50", rows)
    assert err.value.field == "declared_total"
    assert "各笔合计 1800.50 元" in err.value.zh and "少 100.00 元" in err.value.zh
    with pytest.raises(ValidationError) as err, db.session() as s:
        dn.create_donation_batch(s, 4, "1800.50", rows)
    assert err.value.field == "declared_count" and "少 1 笔" in err.value.zh
    with pytest.raises(ValidationError) as err, db.session() as s:
        dn.create_donation_batch(s, 3, "1800.50", [*rows[:2], {**rows[2], "amount": "-1"}])
    assert err.value.field == "rows[2].amount" and err.value.zh.startswith("第3笔")
    assert every_row(db.path) == before
    with db.session() as s:
        made = dn.create_donation_batch(s, "3", "¥1,800.50", rows)
    assert [d.receipt_no for d in made] == ["2020-000001", "2020-000002", "2020-000003"]


def test_the_clerk_finds_sorts_and_pages_the_register(db, office) -> None:
    with db.session() as s:
        spring = dn.create_campaign(s, {"name": "抗击疫情捐款", "started_on": "2020-01-27"})
        for i, (pid, amount, day) in enumerate([("cao", "100", "2020-02-01"), ("sun", "100", "2020-02-03"),
                                                 ("meng", "300", "2020-02-02"), ("cao", "50", "2020-03-01")]):
            dn.create_donation(s, cash(office[pid], amount, day, campaign_id=spring.id if i < 3 else None))
    with db.session() as s:
        assert [d.donor_display for d in dn.list_donations(s, search="szm").rows] == ["孙志敏"]
        assert [d.receipt_no for d in dn.list_donations(s, search="000003").rows] == ["2020-000003"]
        by_amount = dn.list_donations(s, sort="amount", descending=True).rows
        # Equal amounts fall back on the id, in the same direction, so pages never overlap.
        assert [(d.amount, d.receipt_seq) for d in by_amount] == [
            (Decimal("300.00"), 3), (Decimal("100.00"), 2), (Decimal("100.00"), 1), (Decimal("50.00"), 4)]
        pages = [dn.list_donations(s, sort="donor", offset=o, limit=2) for o in (0, 2)]
        assert pages[0].total == 4 and len({d.id for p in pages for d in p.rows}) == 4
        assert [d.donor_display for p in pages for d in p.rows] == ["曹裕军", "曹裕军", "孟繁", "孙志敏"]
        assert dn.donation_totals(s, campaign_id=spring.id) == (3, Decimal("500.00"))
        assert dn.donation_totals(s, date_from="2020-02-02", date_to="2020年2月28日") == (2, Decimal("400.00"))
        assert dn.donation_totals(s, organisation_id=office["city"]) == (1, Decimal("300.00"))
        campaigns = {t.label: t.cash for t in totals.by_campaign(s)}
        assert campaigns == {"抗击疫情捐款": Decimal("500.00"), "未指定活动": Decimal("50.00")}
        assert [(t.label, t.cash) for t in totals.by_month(s)] == [("2020年2月", Decimal("500.00")),
                                                                    ("2020年3月", Decimal("50.00"))]
        # Saturday 1 and Sunday 2 February fall in ISO week 5, Monday 3 February opens week 6.
        weeks = [(t.key, t.label, t.cash) for t in totals.by_week(s)]
        assert weeks == [(date(2020, 1, 27), "2020-W05", Decimal("400.00")),
                         (date(2020, 2, 3), "2020-W06", Decimal("100.00")),
                         (date(2020, 2, 24), "2020-W09", Decimal("50.00"))]
        with pytest.raises(ValidationError) as err:
            dn.list_donations(s, sort="colour")
        assert err.value.field == "sort"


def test_donations_sort_by_campaign_in_pinyin_with_none_last(db, office) -> None:
    with db.session() as s:
        # Entered in code-point order (保 U+4FDD before 安 U+5B89), which is not the pinyin order.
        for n, name in enumerate(["保卫家园募捐", "安全防范募捐", "财务公开募捐", None]):
            campaign = dn.create_campaign(s, {"name": name}) if name else None
            dn.create_donation(s, cash(office["cao"], "10", f"2020-02-0{n + 1}",
                                       campaign_id=campaign.id if campaign else None))
    with db.session() as s:
        rows = dn.list_donations(s, sort="campaign").rows
        assert [d.campaign.name if d.campaign else None for d in rows] == [
            "安全防范募捐", "保卫家园募捐", "财务公开募捐", None]


def test_campaign_names_are_unique_and_a_used_campaign_is_not_deleted(session) -> None:
    c = dn.create_campaign(session, {"name": "抗击疫情捐款"})
    with pytest.raises(ValidationError) as err:
        dn.create_campaign(session, {"name": " 抗击疫情捐款 "})
    assert err.value.field == "name"
    with pytest.raises(ValidationError) as err:
        dn.update_campaign(session, c.id, {"started_on": "2020-02-01", "ended_on": "2020-01-01"})
    assert err.value.field == "ended_on"
    office = orgs.create_organisation(session, {"name": "省人防办", "kind": "province_office"})
    dn.create_donation(session, {"donor_kind": "organisation", "donor_organisation_id": office.id, "amount": "1",
                                 "donated_on": "2020-02-01", "campaign_id": c.id})
    with pytest.raises(ValidationError):
        dn.delete_campaign(session, c.id)
    assert [x.name for x in dn.list_campaigns(session)] == ["抗击疫情捐款"]


def test_a_deleted_donation_goes_to_the_bin_and_keeps_its_number(db, office) -> None:
    with db.session() as s:
        d = dn.create_donation(s, cash(office["cao"], "100"))
        dn.delete_donation(s, d.id)
        assert dn.donation_totals(s) == (0, Decimal("0.00"))
        again = dn.create_donation(s, cash(office["cao"], "100"))
        assert again.receipt_no == "2020-000002"
        assert [dn.mark_receipt_printed(s, again.id) for _ in range(2)] == [0, 1]
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM donation WHERE deleted_at IS NOT NULL")).scalar() == 1
