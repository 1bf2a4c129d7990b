"""War-readiness resources: a clerk registers bases, drones and masks, takes supplies into the store and
allocates them to communities, villages and teams without ever going below zero."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from sqlalchemy import select

from office_registers import every_row
from rfdesk.domain import StockMovement
from rfdesk.services import base, teams
from rfdesk.services import organisations as orgs
from rfdesk.services import resources as rs
from rfdesk.services.errors import ValidationError


@pytest.fixture
def store(db):  # noqa: ANN001
    """The provincial office's store with 3000 masks, a community, a relief village and a volunteer team."""
    with db.session() as s:
        prov = orgs.create_organisation(s, {"name": "河南省人民防空办公室", "kind": "province_office"})
        city = orgs.create_organisation(s, {"name": "郑州市人防办", "kind": "city_office"})
        depot = orgs.create_place(s, {"name": "省人防办仓库", "kind": "warehouse", "organisation_id": prov.id})
        community = orgs.create_place(s, {"name": "金水区文化路社区", "kind": "community"})
        village = orgs.create_place(s, {"name": "卢氏县张庄村", "kind": "village"})
        team = teams.create_team(s, {"name": "直属队党员志愿者队", "kind": "volunteer_team"})
        masks = rs.create_resource(s, {"kind": "supply", "name": "医用口罩", "unit_of_measure": "只",
                                       "min_stock": "2000", "organisation_id": prov.id})
        rs.receive_stock(s, masks.id, depot.id, "3000", "2020-01-28", reference="捐赠入库")
        ids = dict(prov=prov.id, city=city.id, depot=depot.id, community=community.id, village=village.id,
                   team=team.id, masks=masks.id)
    return ids


def test_facilities_equipment_and_supplies_are_registered_counted_and_found(session) -> None:
    prov = orgs.create_organisation(session, {"name": "省人防办", "kind": "province_office"})
    city = orgs.create_organisation(session, {"name": "郑州市人防办", "kind": "city_office", "parent_id": prov.id})
    for i in range(3):
        rs.create_resource(session, {"kind": "人防疏散基地", "name": f"第{i + 1}疏散基地", "capacity_people": 5000,
                                     "area_m2": "12000.5", "address": "郑州市", "organisation_id": city.id})
    rs.create_resource(session, {"kind": "emergency_shelter", "name": "紫荆山公园应急避难场所", "organisation_id": prov.id})
    rs.create_resource(session, {"kind": "command_post", "name": "管城区基层指挥所"})
    drone = rs.create_resource(session, {"kind": "无人机", "name": "巡查无人机", "serial_no": "DJI-0001",
                                         "status": "维修中", "organisation_id": prov.id})
    rs.create_resource(session, {"kind": "alarm_system", "name": "多媒体防空警报器", "code": "JB-01"})
    alcohol = rs.create_resource(session, {"kind": "supply", "name": "75%酒精", "unit_of_measure": "升"})
    assert (drone.category, drone.status, alcohol.category) == ("equipment", "in_repair", "supply")
    assert rs.resource_counts(session, "category") == {"equipment": 2, "facility": 5, "supply": 1}
    assert rs.resource_counts(session)["evacuation_base"] == 3
    assert rs.resource_counts(session, "status") == {"in_repair": 1, "ready": 7}
    assert rs.list_resources(session, organisation_id=prov.id).total == 5
    assert [r.name for r in rs.list_resources(session, search="xcwrj").rows] == ["巡查无人机"]
    assert [r.name for r in rs.list_resources(session, search="JB-").rows] == ["多媒体防空警报器"]
    by_capacity = rs.list_resources(session, category="设施", sort="capacity_people", descending=True, limit=2)
    assert by_capacity.total == 5 and [r.name for r in by_capacity.rows] == ["第3疏散基地", "第2疏散基地"]
    rs.update_resource(session, drone.id, {"status": "ready"})
    assert rs.resource_counts(session, "status") == {"ready": 8}


@pytest.mark.parametrize(("data", "field"), [
    ({"kind": "drone", "name": "无人机", "capacity_people": 3}, "capacity_people"),
    ({"kind": "evacuation_base", "name": "基地", "unit_of_measure": "个"}, "unit_of_measure"),
    ({"kind": "supply", "name": "口罩"}, "unit_of_measure"),
    ({"kind": "supply", "name": "口罩", "unit_of_measure": "只", "min_stock": "-1"}, "min_stock"),
    ({"kind": "evacuation_base", "name": "基地", "area_m2": "1.2345"}, "area_m2"),
    ({"kind": "tank", "name": "坦克"}, "kind"),
    ({"kind": "drone", "name": ""}, "name"),
    ({"kind": "drone", "name": "无人机", "organisation_id": 404}, "organisation_id"),
])
def test_a_resource_with_a_field_of_another_category_or_bad_input_is_refused(db, data, field) -> None:
    before = every_row(db.path)
    with pytest.raises(ValidationError) as err, db.session() as s:
        rs.create_resource(s, data)
    assert err.value.field == field
    assert every_row(db.path) == before


def test_stock_moves_between_places_and_the_balance_is_known_per_place(db, store) -> None:
    with db.session() as s:
        rs.allocate_stock(s, store["masks"], store["depot"], "1200", "2020-02-01", to_place_id=store["community"])
        rs.allocate_stock(s, store["masks"], store["depot"], "500", "2020-02-01", to_place_id=store["village"])
        rs.allocate_stock(s, store["masks"], store["depot"], "100", "2020-02-02", to_team_id=store["team"])
        rs.record_movement(s, {"kind": "return", "resource_id": store["masks"], "from_place_id": store["community"],
                               "to_place_id": store["depot"], "quantity": "200", "moved_on": "2020-02-05"})
        rs.record_movement(s, {"kind": "issue", "resource_id": store["masks"], "from_place_id": store["depot"],
                               "quantity": "300", "moved_on": "2020-02-06", "handler": "王晶"})
        rs.record_movement(s, {"kind": "报损", "resource_id": store["masks"], "from_place_id": store["village"],
                               "quantity": "0.5", "moved_on": "2020-02-07", "note": "受潮"})
    with db.session() as s:
        masks = store["masks"]
        assert rs.balance(s, masks, store["depot"]) == Decimal("1100.000")
        assert rs.balance(s, masks, store["community"]) == Decimal("1000.000")
        assert rs.balance(s, masks, store["village"]) == Decimal("499.500")
        # The team's 100 and the 300 issued and 0.5 written off have left the places.
        assert rs.balance(s, masks) == Decimal("2599.500")
        assert [(b.place_name, b.balance) for b in rs.balances(s, masks)] == [
            ("金水区文化路社区", Decimal("1000.000")), ("卢氏县张庄村", Decimal("499.500")),
            ("省人防办仓库", Decimal("1100.000"))]
        received = [(a.recipient_name, a.received, a.returned) for a in rs.allocations(s)]
        assert received == [("金水区文化路社区", Decimal("1200.000"), Decimal("200.000")),
                            ("卢氏县张庄村", Decimal("500.000"), Decimal("0.000")),
                            ("直属队党员志愿者队", Decimal("100.000"), Decimal("0.000"))]
        assert [a.recipient_name for a in rs.allocations(s, place_kind="村")] == ["卢氏县张庄村"]
        assert rs.list_movements(s, place_id=store["community"]).total == 2
        # What went to the community and the village is theirs now: the store's 1100 is below the minimum.
        assert [(x.name, x.balance) for x in rs.low_stock(s)] == [("医用口罩", Decimal("1100.000"))]


def test_allocating_more_than_the_store_holds_is_refused_with_a_message_the_clerk_understands(db, store) -> None:
    with db.session() as s:
        rs.allocate_stock(s, store["masks"], store["depot"], "1800", "2020-02-01", to_place_id=store["community"])
    before = every_row(db.path)
    with pytest.raises(ValidationError) as err, db.session() as s:
        rs.allocate_stock(s, store["masks"], store["depot"], "1500", "2020-02-02", to_place_id=store["village"])
    assert err.value.field == "quantity"
    assert err.value.zh == "库存不足：医用口罩 在 省人防办仓库 仅剩 1200 只，无法调拨 1500 只"
    assert "1200" in err.value.en
    with pytest.raises(ValidationError) as err, db.session() as s:
        rs.record_movement(s, {"kind": "return", "resource_id": store["masks"], "from_place_id": store["village"],
                               "to_place_id": store["depot"], "quantity": "1", "moved_on": "2020-02-02"})
    assert err.value.zh == "库存不足：医用口罩 在 卢氏县张庄村 仅剩 0 只，无法归还 1 只"
    assert every_row(db.path) == before
    with db.session() as s:
        rs.allocate_stock(s, store["masks"], store["depot"], "1200", "2020-02-02", to_place_id=store["village"])
        assert rs.balance(s, store["masks"], store["depot"]) == 0
        assert rs.balance(s, store["masks"]) == Decimal("3000.000")  # still held, at the community and village


def test_stock_below_its_minimum_is_listed(db, store) -> None:
    with db.session() as s:
        rs.record_movement(s, {"kind": "issue", "resource_id": store["masks"], "from_place_id": store["depot"],
                               "quantity": "1001", "moved_on": "2020-02-02"})
        gloves = rs.create_resource(s, {"kind": "supply", "name": "医用手套", "unit_of_measure": "副", "min_stock": "10"})
        rs.create_resource(s, {"kind": "supply", "name": "防护服", "unit_of_measure": "套"})
        low = rs.low_stock(s)
        assert [(x.name, x.balance, x.min_stock) for x in low] == [
            ("医用口罩", Decimal("1999.000"), Decimal("2000.000")), ("医用手套", Decimal("0.000"), Decimal("10.000"))]
        rs.receive_stock(s, gloves.id, store["depot"], "10", "2020-02-03")
        assert [x.name for x in rs.low_stock(s)] == ["医用口罩"]


def test_two_clerks_cannot_both_take_the_last_stock(db, store) -> None:
    start = threading.Barrier(2)
    outcome: dict[str, str] = {}

    def clerk(name: str, place: int) -> None:
        start.wait()
        try:
            with db.session() as s:
                rs.allocate_stock(s, store["masks"], store["depot"], "2000", "2020-02-01", to_place_id=place)
            outcome[name] = "done"
        except ValidationError as err:
            outcome[name] = err.zh
        except Exception as exc:  # anything else is a failure of the test, reported below
            outcome[name] = repr(exc)

    threads = [threading.Thread(target=clerk, args=("a", store["community"])),
               threading.Thread(target=clerk, args=("b", store["village"]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcome.values()) == ["done", "库存不足：医用口罩 在 省人防办仓库 仅剩 1000 只，无法调拨 2000 只"]
    with db.session() as s:
        assert rs.balance(s, store["masks"], store["depot"]) == Decimal("1000.000")


def test_a_movement_the_later_ones_depend_on_cannot_be_deleted(db, store) -> None:
    with db.session() as s:
        first = s.scalar(select(StockMovement.id))
        out = rs.allocate_stock(s, store["masks"], store["depot"], "2500", "2020-02-01", to_place_id=store["community"])
    with pytest.raises(ValidationError) as err, db.session() as s:
        rs.delete_movement(s, first)
    assert err.value.field == "movement" and "省人防办仓库 现有 500 只" in err.value.zh
    with db.session() as s:
        rs.delete_movement(s, out.id)  # the allocation gives its 2500 back to the store
        assert rs.balance(s, store["masks"], store["depot"]) == Decimal("3000.000")
        rs.record_movement(s, {"kind": "issue", "resource_id": store["masks"], "from_place_id": store["depot"],
                               "quantity": "2800", "moved_on": "2020-02-02"})
        with pytest.raises(ValidationError) as err:
            rs.restore_movement(s, out.id)
        assert "仅剩 200 只" in err.value.zh
    with pytest.raises(ValidationError) as err, db.session() as s:
        base.restore_from_bin(s, "stock_movement", out.id)  # the recycle bin's own restore is checked too
    assert err.value.field == "movement"
    with db.session() as s:
        assert rs.balance(s, store["masks"], store["depot"]) == Decimal("200.000")
        with pytest.raises(ValidationError) as err:
            rs.delete_resource(s, store["masks"])
        assert "还有库存 200" in err.value.zh


def test_a_movement_keeps_its_quantity_and_places_but_its_note_can_be_corrected(db, store) -> None:
    with db.session() as s:
        m = s.scalars(select(StockMovement)).one()
        rs.update_movement(s, m.id, {"reference": "豫人防〔2020〕3号", "moved_on": "2020-01-29"})
        assert (m.reference, m.quantity) == ("豫人防〔2020〕3号", Decimal("3000.000"))
        with pytest.raises(ValidationError) as err:
            rs.update_movement(s, m.id, {"quantity": "1"})
        assert err.value.field == "quantity"


@pytest.mark.parametrize(("data", "field"), [
    ({"kind": "allocation", "quantity": "10"}, "to_place_id"),
    ({"kind": "allocation", "quantity": "10", "to_place_id": "community", "to_team_id": "team"}, "to_place_id"),
    ({"kind": "allocation", "quantity": "10", "to_place_id": "depot"}, "to_place_id"),
    ({"kind": "receipt", "quantity": "10", "to_place_id": "depot"}, "from_place_id"),
    ({"kind": "write_off", "quantity": "10", "to_place_id": "village"}, "to_place_id"),
    ({"kind": "issue", "quantity": "0", "to_team_id": "team"}, "quantity"),
    ({"kind": "issue", "quantity": "1.0001"}, "quantity"),
    ({"kind": "issue", "quantity": "1", "moved_on": "2999-01-01"}, "moved_on"),
    ({"kind": "borrow", "quantity": "1"}, "kind"),
])
def test_a_movement_that_does_not_fit_its_kind_is_refused(db, store, data, field) -> None:
    data = {"resource_id": store["masks"], "from_place_id": store["depot"], "moved_on": "2020-02-01", **data}
    data = {k: (store[val] if k.endswith("_id") and isinstance(val, str) else val) for k, val in data.items()}
    before = every_row(db.path)
    with pytest.raises(ValidationError) as err, db.session() as s:
        rs.record_movement(s, data)
    assert err.value.field == field
    assert every_row(db.path) == before


def test_only_supplies_have_stock(session) -> None:
    depot = orgs.create_place(session, {"name": "仓库", "kind": "warehouse"})
    drone = rs.create_resource(session, {"kind": "drone", "name": "无人机"})
    with pytest.raises(ValidationError) as err:
        rs.receive_stock(session, drone.id, depot.id, "1", "2020-02-01")
    assert err.value.field == "resource_id" and "不是物资" in err.value.zh
