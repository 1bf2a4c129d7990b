"""Whatever a clerk types or a spreadsheet holds, the organisation, place, donation, resource and document
registers answer with a validation message naming the field, or accept it; never a crash, and a refusal
writes nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from office_registers import every_row
from rfdesk.domain import Donation
from rfdesk.services import documents as ds
from rfdesk.services import donations as dn
from rfdesk.services import organisations as orgs
from rfdesk.services import people, teams
from rfdesk.services import resources as rs
from rfdesk.services.errors import ValidationError

FUZZ = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Anything at all: blanks, text, digits and date-like text, huge and odd numbers, dates, booleans.
wild = st.one_of(
    st.none(), st.just(""), st.text(max_size=40),
    st.text(alphabet="0123456789.,-+¥￥万元年月日/ ：:eE", max_size=16),
    st.integers(min_value=-(10**20), max_value=10**20), st.floats(), st.decimals(), st.dates(), st.datetimes(),
    st.booleans(), st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
ref = st.one_of(st.integers(min_value=1, max_value=9), wild)


def plausible(*values: Any) -> st.SearchStrategy[Any]:
    """Good values often, so the checks behind the first field are reached too."""
    return st.one_of(st.sampled_from(values), wild)


def spoilt(good: st.SearchStrategy[dict], fields: set[str]) -> st.SearchStrategy[dict]:
    """Valid rows (accepted and written), the same with one or two fields spoilt, and rows of anything."""
    anything = st.dictionaries(st.sampled_from(sorted(fields)), wild, max_size=len(fields))
    broken = st.builds(lambda row, bad: {**row, **bad},
                       good, st.dictionaries(st.sampled_from(sorted(fields)), wild, min_size=1, max_size=2))
    return st.one_of(good, broken, anything)


name = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), min_size=1, max_size=30)
money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999"), places=2).map(str)
amount_of = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("99999"), places=3)
day = st.dates(min_value=date(2000, 1, 1), max_value=date(2020, 12, 31))
good_item = st.fixed_dictionaries({"name": name, "quantity": amount_of, "unit": st.sampled_from(["只", "升", "套"]),
                                   "estimated_value": money})
item = spoilt(good_item, {"name", "quantity", "unit", "estimated_value"})
good_donation = st.one_of(
    st.fixed_dictionaries({"donor_kind": st.just("person"), "donor_person_id": st.just(1), "amount": money,
                           "donated_on": day, "channel": st.sampled_from(["bank", "微信", "payroll", ""])}),
    st.fixed_dictionaries({"donor_kind": st.sampled_from(["enterprise", "other"]), "donor_name": name,
                           "amount": money, "donated_on": day}),
    st.fixed_dictionaries({"donor_kind": st.just("匿名"), "anonymous_note": name, "amount": money,
                           "donated_on": day, "donor_person_id": st.sampled_from([1, None])}),
    st.fixed_dictionaries({"donor_kind": st.just("organisation"), "donor_organisation_id": st.sampled_from([1, 2]),
                           "form": st.just("in_kind"), "items": st.lists(good_item, min_size=1, max_size=3),
                           "donated_on": day, "campaign_id": st.sampled_from([1, None])}),
)
donation = spoilt(good_donation, dn.DONATION_FIELDS)
campaign = spoilt(st.fixed_dictionaries({"name": name}, optional={"started_on": day, "notes": name}),
                  dn.CAMPAIGN_FIELDS)
good_resource = st.one_of(
    st.fixed_dictionaries({"kind": st.just("supply"), "name": name, "unit_of_measure": st.sampled_from(["只", "套"])},
                          optional={"min_stock": amount_of, "organisation_id": st.sampled_from([1, 2])}),
    st.fixed_dictionaries({"kind": st.sampled_from(["evacuation_base", "人防应急避难场所", "command_post"]),
                           "name": name}, optional={"capacity_people": st.integers(0, 100000),
                                                    "area_m2": amount_of, "address": name, "place_id": st.just(1)}),
    st.fixed_dictionaries({"kind": st.sampled_from(["drone", "alarm_system"]), "name": name},
                          optional={"serial_no": name, "status": st.sampled_from(["ready", "维修中"])}),
)
resource = spoilt(good_resource, rs.RESOURCE_FIELDS)
good_movement = st.one_of(
    st.fixed_dictionaries({"resource_id": st.just(1), "kind": st.just("receipt"), "to_place_id": st.sampled_from([1, 2]),
                           "quantity": amount_of, "moved_on": day}),
    st.fixed_dictionaries({"resource_id": st.just(1), "kind": st.sampled_from(["issue", "write_off"]),
                           "from_place_id": st.sampled_from([1, 2, 3]), "quantity": amount_of, "moved_on": day}),
    st.fixed_dictionaries({"resource_id": st.just(1), "kind": st.just("调拨"), "from_place_id": st.sampled_from([1, 2]),
                           "to_place_id": st.sampled_from([2, 3]), "quantity": amount_of, "moved_on": day}),
    st.fixed_dictionaries({"resource_id": st.just(1), "kind": st.just("return"), "from_place_id": st.sampled_from([2, 3]),
                           "to_place_id": st.just(1), "quantity": amount_of, "moved_on": day}),
)
movement = spoilt(good_movement, rs.MOVEMENT_FIELDS)
good_attachment = st.fixed_dictionaries({"title": name}, optional={"body": name})
attachment = st.one_of(good_attachment, spoilt(good_attachment, {"title", "body"}))
document = spoilt(
    st.fixed_dictionaries({"title": name}, optional={
        "kind": st.sampled_from(["circular", "通报"]), "layout": st.sampled_from(["red_header", "信函格式"]),
        "body": name, "attachments": st.lists(attachment, max_size=3), "doc_date": day, "issuer_id": st.just(1),
        "number_prefix": st.sampled_from(["豫人防", "豫人防函"]), "with_seal": st.booleans()}),
    ds.DOCUMENT_FIELDS)
organisation = spoilt(
    st.fixed_dictionaries({"name": name, "kind": st.sampled_from(["department", "县区人防办", "enterprise"])},
                          optional={"short_name": name, "parent_id": st.sampled_from([1, 2, None]),
                                    "sort_order": st.integers(-5, 5), "phone": st.sampled_from(["0371-65901234",
                                                                                                "13903711234"]),
                                    "address": name, "notes": name}),
    orgs.ORG_FIELDS)
place = spoilt(
    st.fixed_dictionaries({"name": name, "kind": st.sampled_from(["community", "村", "warehouse"])},
                          optional={"address": name, "organisation_id": st.sampled_from([1, 3, None]),
                                    "notes": name}),
    orgs.PLACE_FIELDS)
movement_fix = spoilt(st.fixed_dictionaries({}, optional={"moved_on": day, "reference": name, "note": name}),
                      {"moved_on", "reference", "handler", "note", "quantity"})



@pytest.fixture(scope="module")
def registers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One small office with a donation of each form, a supply in stock, a facility and a draft circular."""
    from rfdesk.db import open_database

    db = open_database(tmp_path_factory.mktemp("fuzz") / "registers.sqlite")
    with db.session() as s:
        prov = orgs.create_organisation(s, {"name": "省人防办", "kind": "province_office"})
        dept = orgs.create_organisation(s, {"name": "工程管理处", "kind": "department", "parent_id": prov.id})
        orgs.create_organisation(s, {"name": "人防企业", "kind": "enterprise"})
        people.create_person(s, {"name": "曹裕军", "organisation_id": dept.id})
        depot = orgs.create_place(s, {"name": "省人防办仓库", "kind": "warehouse"})
        orgs.create_place(s, {"name": "文化路社区", "kind": "community"})
        orgs.create_place(s, {"name": "张庄村", "kind": "village"})
        teams.create_team(s, {"name": "志愿者队", "kind": "volunteer_team"})
        dn.create_campaign(s, {"name": "抗击疫情捐款"})
        dn.create_donation(s, {"donor_kind": "person", "donor_person_id": 1, "amount": "100", "donated_on": "2020-02-03"})
        dn.create_donation(s, {"donor_kind": "organisation", "donor_organisation_id": dept.id, "form": "in_kind",
                               "items": [{"name": "口罩", "quantity": 10, "unit": "只", "estimated_value": 15}],
                               "donated_on": "2020-02-03"})
        masks = rs.create_resource(s, {"kind": "supply", "name": "医用口罩", "unit_of_measure": "只"})
        rs.create_resource(s, {"kind": "evacuation_base", "name": "一号疏散基地"})
        rs.receive_stock(s, masks.id, depot.id, "5000", "2020-02-01")
        ds.create_document(s, {"title": "关于利用人防战备资源为新冠肺炎疫情防控工作提供应急支援的通知"})
    yield db
    db.close()


def attempt(db, call: Callable[[Session], Any]) -> None:  # noqa: ANN001
    """Run one service call as a unit of work; a refusal must be a ValidationError and change nothing."""
    before = every_row(db.path)
    try:
        with db.session() as s:
            call(s)
    except ValidationError as err:
        assert err.field and err.zh and err.en
        assert every_row(db.path) == before


def create_or_change(db, create: Callable[..., Any], update: Callable[..., Any], target: int | None,  # noqa: ANN001
                     data: Any) -> None:
    """Create a record (no ``target``) or change record ``target``, as one fuzzed unit of work."""
    if target is None:
        attempt(db, lambda s: create(s, data))
    else:
        attempt(db, lambda s: update(s, target, data))


@FUZZ
@given(data=donation)
def test_recording_a_donation(registers, data) -> None:
    attempt(registers, lambda s: dn.create_donation(s, data))


@FUZZ
@given(data=donation, target=st.sampled_from([1, 2]))
def test_changing_a_donation(registers, data, target) -> None:
    attempt(registers, lambda s: dn.update_donation(s, target, data))


@FUZZ
@given(rows=st.lists(donation, max_size=3), count=st.one_of(st.none(), wild), total=st.one_of(st.none(), wild))
def test_entering_a_collection_sheet(registers, rows, count, total) -> None:
    # Usually the declared figures are those of the rows, so that whole sheets get recorded too.
    if count is None:
        count = len(rows)
    if total is None:
        total = sum((Decimal(str(r.get("amount") or 0)) for r in rows if isinstance(r.get("amount"), str)
                     and r.get("amount", "").replace(".", "", 1).isdigit()), Decimal(0))
    attempt(registers, lambda s: dn.create_donation_batch(s, count, total, rows))


@FUZZ
@given(reason=wild)
def test_voiding_a_donation(registers, reason) -> None:
    with registers.session() as s:
        target = dn.create_donation(s, {"donor_kind": "other", "donor_name": "群众", "amount": "1",
                                        "donated_on": "2020-02-03"}).id
    attempt(registers, lambda s: dn.void_donation(s, target, reason))
    with registers.session() as s:
        d = s.get(Donation, target)
        assert d.voided == bool(d.void_reason)


@FUZZ
@given(data=campaign, target=st.sampled_from([None, 1]))
def test_campaigns(registers, data, target) -> None:
    create_or_change(registers, dn.create_campaign, dn.update_campaign, target, data)


@FUZZ
@given(data=resource, target=st.sampled_from([None, 1, 2]))
def test_resources(registers, data, target) -> None:
    create_or_change(registers, rs.create_resource, rs.update_resource, target, data)


@FUZZ
@given(data=movement)
def test_stock_movements_never_leave_a_negative_balance(registers, data) -> None:
    attempt(registers, lambda s: rs.record_movement(s, data))
    with registers.session() as s:
        assert all(b.balance >= 0 for b in rs.balances(s, 1, include_empty=True))
        assert rs.balance(s, 1) >= Decimal(0)


@FUZZ
@given(data=movement_fix)
def test_correcting_a_movement(registers, data) -> None:
    attempt(registers, lambda s: rs.update_movement(s, 1, data))


@FUZZ
@given(data=document, target=st.sampled_from([None, 1]))
def test_documents(registers, data, target) -> None:
    create_or_change(registers, ds.create_document, ds.update_document, target, data)


@FUZZ
@given(data=organisation, target=st.sampled_from([None, 2, 3]))
def test_organisations(registers, data, target) -> None:
    create_or_change(registers, orgs.create_organisation, orgs.update_organisation, target, data)


@FUZZ
@given(data=place, target=st.sampled_from([None, 1, 3]))
def test_places(registers, data, target) -> None:
    create_or_change(registers, orgs.create_place, orgs.update_place, target, data)


@FUZZ
@given(data=document, year=st.one_of(st.none(), wild))
def test_issuing_a_document(registers, data, year) -> None:
    def draft_change_and_issue(s: Session) -> None:
        target = ds.create_document(s, {"title": "关于做好疫情防控工作的通知", "body": "各市人防办：",
                                        "number_prefix": "豫人防"}).id
        ds.update_document(s, target, data)
        ds.issue_document(s, target, lambda doc: b"%PDF-1.4 " + doc.number.encode(), year=year)

    attempt(registers, draft_change_and_issue)
