"""The ledgers among the printed reports: the donation ledger (subtotals per unit, the grand total in figures
and capitals, voided receipts apart) and the war-readiness resource inventory (facilities, equipment, stock
balances per place, allocations). Every subtotal, total and balance is a SQL aggregate.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session, aliased

from rfdesk.documents.amounts import capital_amount, plain_amount
from rfdesk.documents.report_tables import Column, Report, Row, Table
from rfdesk.documents.report_text import YUAN, chinese_date, code_label, iso_day
from rfdesk.domain import Campaign, Donation, Organisation, Place, Resource, StockMovement
from rfdesk.domain.base import Quantity
from rfdesk.domain.codes import (
    RESOURCE_KIND_CATEGORY,
    DonationForm,
    PaymentChannel,
    PlaceKind,
    ResourceCategory,
    ResourceKind,
    ResourceStatus,
)
from rfdesk.services import donations as donation_service
from rfdesk.services import resources as resource_service
from rfdesk.services import validation as v
from rfdesk.services.base import get, live
from rfdesk.services.stock import RECIPIENT_PLACE_KINDS

# ---- donation ledger -------------------------------------------------------------------------------------


def donation_ledger(session: Session, filters: dict[str, Any]) -> Report:
    conds = donation_service.donation_filter(session, **filters)
    unit = aliased(Organisation)
    sub = dict(
        ((u, (int(n), Decimal(s))) for u, n, s in session.execute(
            select(Donation.unit_id, func.count(Donation.id), func.coalesce(func.sum(Donation.amount), 0))
            .where(*conds).group_by(Donation.unit_id)))
    )
    count, total = donation_service.donation_totals(session, **filters)
    by_form = dict(
        session.execute(select(Donation.form, func.coalesce(func.sum(Donation.amount), 0))
                        .where(*conds).group_by(Donation.form)).all()
    )
    stmt = (
        select(Donation.unit_id, unit.name, Donation.donated_on, Donation.receipt_no, Donation.donor_display,
               Donation.form, Donation.channel, Donation.amount, Donation.purpose, Donation.handler)
        .select_from(Donation)
        .outerjoin(unit, unit.id == Donation.unit_id)
        .where(*conds)
        .order_by(unit.path.is_(None), unit.path, unit.sort_order, Donation.unit_id, Donation.donated_on,
                  Donation.receipt_year, Donation.receipt_seq, Donation.id)
        .execution_options(yield_per=5000)
    )

    def subtotal(unit_id: Any) -> Row:
        n, s = sub.get(unit_id, (0, Decimal(0)))
        return Row(("", "", "", f"小计（{n}笔）", "", "", plain_amount(s), "", ""), "subtotal")

    def rows() -> Iterator[Row]:
        current: object = object()
        n = 0
        for unit_id, unit_name, on, receipt_no, donor, form, channel, amount, purpose, handler in session.execute(stmt):
            if unit_id != current:
                if n:
                    yield subtotal(current)
                current = unit_id
                yield Row((unit_name or "未计入单位",), "group")
            n += 1
            how = code_label(PaymentChannel, channel) if form == DonationForm.CASH.value else "物资"
            yield Row((str(n), iso_day(on), receipt_no or "", donor, code_label(DonationForm, form)[:2], how,
                       plain_amount(amount), purpose or "", handler or ""))
        if n:
            yield subtotal(current)
            yield Row(("", "", "", f"合计（{count}笔）", "", "", plain_amount(total), "", ""), "total")
            yield Row((f"合计金额（大写）：{capital_amount(total, currency=True)}",), "note")

    columns = [
        Column("序号", 5, "right", wrap=False), Column("日期", 9, "center", wrap=False),
        Column("收据编号", 10, "center", wrap=False), Column("捐赠人", 16), Column("形式", 5, "center"),
        Column("方式", 7, "center"), Column("金额（元）", 11, "right", wrap=False), Column("用途", 19),
        Column("经办人", 7, "center"),
    ]
    cash = Decimal(by_form.get(DonationForm.CASH.value, 0))
    kind = Decimal(by_form.get(DonationForm.IN_KIND.value, 0))
    scope = _ledger_scope(session, filters)
    scope.append(f"共 {count} 笔，合计 {YUAN}{plain_amount(total)}（其中现金 {YUAN}{plain_amount(cash)}，"
                 f"物资估值 {YUAN}{plain_amount(kind)}）；已作废的收据不计入。")
    tables = [Table(columns, rows())]
    voided = _voided_table(session, filters)
    if voided is not None:
        tables.append(voided)
    return Report("捐赠登记台账", tables, landscape=True, scope=scope)


def _ledger_scope(session: Session, filters: dict[str, Any]) -> list[str]:
    parts = []
    if filters.get("campaign_id") not in (None, ""):
        campaign = get(session, Campaign, v.reference("campaign_id", filters["campaign_id"]) or 0)
        parts.append(f"募捐活动：{campaign.name}")
    if filters.get("organisation_id") not in (None, ""):
        org = get(session, Organisation, v.reference("organisation_id", filters["organisation_id"]) or 0)
        parts.append(f"单位：{org.name}（含下属单位）")
    lo, hi = v.a_date("date_from", filters.get("date_from")), v.a_date("date_to", filters.get("date_to"))
    if lo or hi:
        parts.append(f"日期：{chinese_date(lo) if lo else '起'}至{chinese_date(hi) if hi else '今'}")
    return ["统计范围：" + "；".join(parts)] if parts else []


def _voided_table(session: Session, filters: dict[str, Any]) -> Table | None:
    conds = donation_service.donation_filter(session, **{**filters, "include_voided": True})
    stmt = (select(Donation.receipt_no, Donation.donated_on, Donation.donor_display, Donation.amount,
                   Donation.void_reason)
            .where(*conds, Donation.voided.is_(True))
            .order_by(Donation.receipt_year, Donation.receipt_seq, Donation.id))
    voided = session.execute(stmt).all()
    if not voided:
        return None
    columns = [Column("收据编号", 12, "center", wrap=False), Column("日期", 10, "center", wrap=False),
               Column("捐赠人", 18), Column("原金额（元）", 12, "right", wrap=False), Column("作废原因", 40)]
    rows = [Row((no or "", iso_day(on), donor, plain_amount(amount), reason or ""))
            for no, on, donor, amount, reason in voided]
    return Table(columns, rows, heading=f"附：已作废收据（{len(rows)}张，不计入合计）")


# ---- resource inventory ----------------------------------------------------------------------------------


def _quantity(q: Decimal | None) -> str:
    """10,000 / 150.25: thousands separated, no trailing zeros."""
    return format(Decimal(q or 0).normalize(), ",f")


def _stock_rows(session: Session) -> Iterator[Row]:
    m = StockMovement
    zero = literal(0, Quantity)
    into = select(m.resource_id.label("resource_id"), m.to_place_id.label("place_id"),
                  m.quantity.label("q_in"), zero.label("q_out")).where(live(m), m.to_place_id.is_not(None))
    out = select(m.resource_id, m.from_place_id, zero, m.quantity).where(live(m), m.from_place_id.is_not(None))
    flows = union_all(into, out).subquery()
    q_in, q_out = func.sum(flows.c.q_in), func.sum(flows.c.q_out)
    per_place = (
        select(Resource.id, Resource.name, Resource.unit_of_measure, Place.name, q_in, q_out)
        .select_from(flows)
        .join(Resource, Resource.id == flows.c.resource_id)
        .join(Place, Place.id == flows.c.place_id)
        .where(live(Resource))
        .group_by(Resource.id, Resource.name, Resource.unit_of_measure, Resource.name_pinyin, Place.id, Place.name,
                  Place.name_pinyin)
        .order_by(Resource.name_pinyin, Resource.id, Place.name_pinyin, Place.id)
    )
    # What the stores hold: allocations to communities and villages have left the office's stock.
    per_resource = dict(
        ((rid, (i, o)) for rid, i, o in session.execute(
            select(flows.c.resource_id, func.sum(flows.c.q_in), func.sum(flows.c.q_out))
            .join(Place, Place.id == flows.c.place_id)
            .where(Place.kind.not_in(RECIPIENT_PLACE_KINDS))
            .group_by(flows.c.resource_id)))
    )
    minimum = dict(session.execute(select(Resource.id, Resource.min_stock).where(live(Resource))).all())
    current = None
    n = 0
    for rid, name, uom, place, got, sent in session.execute(per_place):
        got, sent = Decimal(got or 0), Decimal(sent or 0)
        if got == sent == 0:
            continue
        if rid != current:
            if current is not None:
                yield _stock_subtotal(per_resource.get(current), minimum.get(current))
            current = rid
            yield Row((f"{name}（{uom or '—'}）",), "group")
        n += 1
        yield Row((str(n), name, uom or "", place, _quantity(got), _quantity(sent), _quantity(got - sent), ""))
    if current is not None:
        yield _stock_subtotal(per_resource.get(current), minimum.get(current))


def _stock_subtotal(sums: tuple[Any, Any] | None, min_stock: Decimal | None) -> Row:
    # Only the stock in the stores is totalled (and compared with the minimum); inflows of all places together
    # would count every allocation twice (out of the store, into the village).
    held = Decimal(sums[0] or 0) - Decimal(sums[1] or 0) if sums else Decimal(0)
    note = "低于最低库存" if min_stock is not None and held < min_stock else ""
    return Row(("", "在库合计", "", "", "", "", _quantity(held), note), "subtotal")


def resource_inventory(session: Session, filters: dict[str, Any]) -> Report:
    del filters
    counts = dict(session.execute(select(Resource.kind, func.count(Resource.id)).where(live(Resource))
                                  .group_by(Resource.kind)).all())
    place = aliased(Place)
    org = aliased(Organisation)

    def listing(category: ResourceCategory) -> list[Row]:
        stmt = (select(Resource.kind, Resource.name, Resource.code, Resource.serial_no, org.name, place.name,
                       Resource.address, Resource.capacity_people, Resource.area_m2, Resource.status)
                .outerjoin(place, place.id == Resource.place_id).outerjoin(org, org.id == Resource.organisation_id)
                .where(live(Resource), Resource.category == category.value)
                .order_by(Resource.kind, Resource.name_pinyin, Resource.id))
        out: list[Row] = []
        current = None
        n = 0
        for kind, name, code, serial, org_name, place_name, address, capacity, area, status in session.execute(stmt):
            if kind != current:
                current = kind
                unit = "处" if category == ResourceCategory.FACILITY else "台（套）"
                out.append(Row((f"{code_label(ResourceKind, kind)}（{counts.get(kind, 0)}{unit}）",), "group"))
            n += 1
            where = place_name or address or ""
            if category == ResourceCategory.FACILITY:
                out.append(Row((str(n), name, org_name or "", where, str(capacity or ""),
                                _quantity(area) if area else "", code_label(ResourceStatus, status))))
            else:
                out.append(Row((str(n), name, code or serial or "", org_name or "", where,
                                code_label(ResourceStatus, status))))
        return out

    facilities = Table(
        [Column("序号", 5, "right", wrap=False), Column("名称", 26), Column("管理单位", 20), Column("位置", 24),
         Column("可容纳人数", 9, "right"), Column("面积（㎡）", 9, "right"), Column("状态", 8, "center")],
        listing(ResourceCategory.FACILITY), heading="一、战备设施",
    )
    equipment = Table(
        [Column("序号", 5, "right", wrap=False), Column("名称", 26), Column("编号", 16), Column("管理单位", 20),
         Column("存放地点", 24), Column("状态", 9, "center")],
        listing(ResourceCategory.EQUIPMENT), heading="二、装备",
    )
    stock = Table(
        [Column("序号", 5, "right", wrap=False), Column("物资名称", 20), Column("单位", 6, "center"),
         Column("存放地点", 24), Column("入库合计", 11, "right"), Column("出库合计", 11, "right"),
         Column("结存", 11, "right"), Column("提示", 12, "center")],
        _stock_rows(session), heading="三、防疫物资库存（结存 ＝ 入库合计 － 出库合计）",
    )
    alloc = resource_service.allocations(session)
    places: dict[str, list[Any]] = {}
    for line in alloc:
        places.setdefault(line.place_kind or "team", []).append(line)
    order = [PlaceKind.COMMUNITY.value, PlaceKind.VILLAGE.value, "team"]
    alloc_rows: list[Row] = []
    n = 0
    for key in order + [k for k in places if k not in order]:
        lines = places.get(key)
        if not lines:
            continue
        title = "队伍" if key == "team" else code_label(PlaceKind, key)
        alloc_rows.append(Row((f"调拨至{title}（{len({ln.recipient_id for ln in lines})}个）",), "group"))
        for ln in lines:
            n += 1
            alloc_rows.append(Row((str(n), ln.recipient_name, ln.resource_name, ln.unit_of_measure or "",
                                   _quantity(ln.received), _quantity(ln.returned), _quantity(ln.net))))
    allocations = Table(
        [Column("序号", 5, "right", wrap=False), Column("接收社区／村／队伍", 26), Column("物资名称", 20),
         Column("单位", 6, "center"), Column("调拨数量", 12, "right"), Column("归还数量", 12, "right"),
         Column("实际留用", 12, "right")],
        alloc_rows, heading="四、物资调拨去向",
    )
    summary = "，".join(
        f"{k.zh}{counts[k.value]}{'处' if RESOURCE_KIND_CATEGORY[k] == ResourceCategory.FACILITY else '台（套）'}"  # type: ignore[attr-defined,union-attr]
        for k in ResourceKind if counts.get(k.value) and k != ResourceKind.SUPPLY)
    scope = [f"资源概况：{summary}" if summary else "资源概况：尚无设施和装备登记"]
    return Report("战备资源台账", [facilities, equipment, stock, allocations], landscape=True, scope=scope)
