"""War-readiness resources used in the response: facilities, equipment, and supplies with their movements."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from rfdesk.demo.context import Demo
from rfdesk.demo.organisations import DIRECT_TEAM, PROVINCE, WAREHOUSE, ZHENGZHOU, communities_of, villages_of
from rfdesk.demo.teams import LEADING_GROUP
from rfdesk.domain import Donation, Resource, StockMovement
from rfdesk.domain.codes import MovementKind, ResourceKind, ResourceStatus
from rfdesk.services.resources import create_resource, record_movement

EVACUATION_BASES = [("新郑", "郑州市人防办"), ("中牟", "郑州市人防办"), ("登封", "郑州市人防办"),
                    ("巩义", "郑州市人防办"), ("偃师", "洛阳市人防办"), ("尉氏", "开封市人防办"),
                    ("辉县", "新乡市人防办"), ("镇平", "南阳市人防办")]
SHELTERS = [("紫荆山公园", "郑州市人防办"), ("人民公园", "郑州市人防办"), ("碧沙岗公园", "郑州市人防办"),
            ("绿城广场", "郑州市人防办"), ("郑东新区CBD地下空间", "郑州市人防办"), ("二七广场地下人防工程", "二七区人防办"),
            ("金水河滨河公园", "金水区人防办"), ("管城区商城遗址公园", "管城区人防办"), ("新郑市轩辕湖公园", "新郑市人防办"),
            ("航空港区园博园", "航空港区人防办"), ("洛阳市隋唐城遗址植物园", "洛阳市人防办"),
            ("洛阳市周王城广场", "洛阳市人防办"), ("涧西区牡丹广场", "涧西区人防办"), ("开封市汴京公园", "开封市人防办"),
            ("开封市清明上河园广场", "祥符区人防办"), ("新乡市人民公园", "新乡市人防办"), ("新乡市平原广场", "红旗区人防办"),
            ("南阳市白河游览区", "南阳市人防办"), ("宛城区梅溪公园", "宛城区人防办")]
COMMAND_POSTS = ["管城区人防办", "金水区人防办", "二七区人防办", "新郑市人防办", "航空港区人防办", "涧西区人防办",
                 "祥符区人防办", "红旗区人防办", "宛城区人防办"]
# (name, unit of measure, minimum stock, purchases [(date, quantity)], allocations, donated item name)
SUPPLIES = [
    ("75%医用酒精", "瓶", 100, [(date(2020, 1, 29), 300)], [120, 100, 100, 80, 80, 60], "75%医用酒精"),
    ("84消毒液", "桶", 30, [(date(2020, 1, 29), 80)], [30, 25, 25, 20, 20], "84消毒液"),
    ("红外额温枪", "支", 10, [(date(2020, 1, 30), 20)], [12, 10, 10, 8, 8, 6], "红外额温枪"),
    ("医用外科口罩", "只", 2000, [(date(2020, 1, 28), 5000)], [2000, 2000, 1500, 1500, 1000, 1000, 800], "医用外科口罩"),
    ("一次性医用手套", "副", 1000, [(date(2020, 1, 31), 2000)], [1000, 800, 800, 600, 500], "一次性医用手套"),
    # Protective suits ran short: the stock fell below its minimum and the clerk sees it flagged.
    ("医用防护服", "套", 50, [], [60, 50, 40, 30], "医用防护服"),
]


def _resource(demo: Demo, kind: ResourceKind, name: str, org_short: str, **values: object) -> Resource:
    return create_resource(demo.session, {"kind": kind.value, "name": name,
                                          "organisation_id": demo.orgs[org_short].id, **values})


def build_facilities(demo: Demo) -> None:
    rng = demo.rng
    for i, (town, org) in enumerate(EVACUATION_BASES, 1):
        _resource(demo, ResourceKind.EVACUATION_BASE, f"河南省人防疏散基地（{town}）", org, code=f"SSJD-{i:02d}",
                  address=f"{town}{rng.choice(['产业集聚区', '城郊乡', '新区'])}{rng.randint(1, 30)}号",
                  capacity_people=rng.randrange(3000, 10001, 500),
                  area_m2=Decimal(rng.randrange(20000, 80001, 1000)), status=ResourceStatus.READY.value,
                  notes="可用于集中隔离和应急疏散安置")
    for i, (site, org) in enumerate(SHELTERS, 1):
        _resource(demo, ResourceKind.EMERGENCY_SHELTER, f"人防应急避难场所（{site}）", org, code=f"YJBN-{i:02d}",
                  address=site, capacity_people=rng.randrange(800, 5001, 100),
                  area_m2=Decimal(rng.randrange(2000, 20001, 100)),
                  status=(ResourceStatus.IN_USE if i % 6 == 0 else ResourceStatus.READY).value)
    for i, org in enumerate(COMMAND_POSTS, 1):
        _resource(demo, ResourceKind.COMMAND_POST, f"{org.removesuffix('人防办')}基层人防指挥所", org,
                  code=f"JCZH-{i:02d}", address=demo.orgs[org].address, capacity_people=rng.randrange(30, 81, 5),
                  area_m2=Decimal(rng.randrange(200, 601, 10)), status=ResourceStatus.IN_USE.value,
                  notes="疫情期间作为属地疫情防控指挥部值班场所")


def build_equipment(demo: Demo) -> None:
    statuses = [ResourceStatus.IN_USE, ResourceStatus.IN_USE, ResourceStatus.READY, ResourceStatus.READY,
                ResourceStatus.IN_REPAIR, ResourceStatus.READY]
    for i, status in enumerate(statuses, 1):
        _resource(demo, ResourceKind.DRONE, f"多旋翼无人机{i}号", DIRECT_TEAM if i <= 3 else "郑州市人防办",
                  code=f"WRJ-{i:02d}", serial_no=f"UAV-M210-2019{i:04d}", status=status.value,
                  notes="配备喊话器，用于社区高空巡查和防疫宣传" if status is ResourceStatus.IN_USE else None)
    sites = [("郑州市人防办", "二七广场"), ("郑州市人防办", "绿城广场"), ("金水区人防办", "花园路口"),
             ("管城区人防办", "紫荆山广场"), ("洛阳市人防办", "王城广场"), ("开封市人防办", "鼓楼广场"),
             ("新乡市人防办", "平原广场"), ("南阳市人防办", "人民广场")]
    for i, (org, site) in enumerate(sites, 1):
        status = ResourceStatus.IN_USE if i <= 5 else (ResourceStatus.IN_REPAIR if i == 8 else ResourceStatus.READY)
        _resource(demo, ResourceKind.ALARM_SYSTEM, f"多媒体防空警报系统（{site}）", org, code=f"DMT-{i:02d}",
                  serial_no=f"MMA-4101-{2017 + i % 3}{i:03d}", status=status.value,
                  notes="循环播放疫情防控知识" if status is ResourceStatus.IN_USE else None)


def _move(demo: Demo, resource: Resource, kind: MovementKind, quantity: int, on: date, *,
          from_place: str | None = None, to_place: str | None = None, to_team: str | None = None,
          reference: str | None = None, note: str | None = None) -> None:
    record_movement(demo.session, {
        "resource_id": resource.id, "kind": kind.value, "quantity": quantity, "moved_on": on,
        "from_place_id": demo.places[from_place].id if from_place else None,
        "to_place_id": demo.places[to_place].id if to_place else None,
        "to_team_id": demo.teams[to_team].id if to_team else None, "reference": reference, "handler": "王晶",
        "note": note})


def build_supplies(demo: Demo) -> None:
    from sqlalchemy import select

    from rfdesk.domain import DonationItem

    places = communities_of(ZHENGZHOU)[:10] + villages_of(PROVINCE)
    for name, uom, minimum, purchases, allocations, item in SUPPLIES:
        r = _resource(demo, ResourceKind.SUPPLY, name, PROVINCE, unit_of_measure=uom, min_stock=Decimal(minimum),
                      place_id=demo.places[WAREHOUSE].id, status=ResourceStatus.READY.value)
        for on, qty in purchases:
            _move(demo, r, MovementKind.RECEIPT, qty, on, to_place=WAREHOUSE, reference=f"采购单 2020-{r.id:03d}",
                  note="紧急采购入库")
        donated = demo.session.execute(
            select(Donation.receipt_no, Donation.donated_on, DonationItem.quantity)
            .join(DonationItem, DonationItem.donation_id == Donation.id).where(DonationItem.name == item)
        ).all()
        for receipt_no, on, qty in donated:
            _move(demo, r, MovementKind.RECEIPT, int(qty), on, to_place=WAREHOUSE, reference=f"捐赠收据 {receipt_no}",
                  note="受赠物资入库")
        start = max([on for on, _q in purchases] + [d for _no, d, _q in donated])
        for i, qty in enumerate(allocations):
            on = start + timedelta(days=1 + 2 * i)
            place = places[(i + len(name)) % len(places)]
            _move(demo, r, MovementKind.ALLOCATION, qty, on, from_place=WAREHOUSE, to_place=place,
                  reference=f"调拨单 {r.id:02d}-{i + 1:02d}", note="发放给下沉社区和驻村工作队")
            if name != "红外额温枪":  # thermometers are kept and returned; the rest is used up at the front
                used = qty if name == "医用防护服" else qty * 4 // 5
                _move(demo, r, MovementKind.ISSUE, used, on + timedelta(days=5), from_place=place,
                      reference=f"领用单 {r.id:02d}-{i + 1:02d}", note="志愿者和驻村工作队一线使用")
    thermometers = demo.session.scalar(select(Resource).where(Resource.name == "红外额温枪"))
    alcohol = demo.session.scalar(select(Resource).where(Resource.name == "75%医用酒精"))
    assert thermometers is not None and alcohol is not None
    first_place = demo.session.scalar(
        select(StockMovement.to_place_id).where(StockMovement.resource_id == thermometers.id,
                                                StockMovement.kind == MovementKind.ALLOCATION.value)
        .order_by(StockMovement.moved_on, StockMovement.id))
    back_from = next(n for n, p in demo.places.items() if p.id == first_place)
    _move(demo, thermometers, MovementKind.RETURN, 4, date(2020, 3, 20), from_place=back_from, to_place=WAREHOUSE,
          reference="归还单 01", note="社区卡点撤除后归还")
    _move(demo, alcohol, MovementKind.ALLOCATION, 40, date(2020, 3, 2), from_place=WAREHOUSE, to_team=LEADING_GROUP,
          reference="调拨单 机关-01", note="机关楼宇消杀")
    _move(demo, alcohol, MovementKind.WRITE_OFF, 6, date(2020, 3, 25), from_place=WAREHOUSE, reference="报损单 01",
          note="搬运中破损")
