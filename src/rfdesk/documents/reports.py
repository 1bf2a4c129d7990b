"""Printed reports: the personnel roster, the donation ledger, the resource inventory, the commendation list.

Every count, subtotal, total and balance printed here comes from a SQL aggregate (``func.count``,
``func.sum``); the rows themselves are streamed from the database into the table engine of
``report_tables``, so a ledger of 100,000 donations is never held as ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session, aliased

from rfdesk.documents.amounts import capital_amount, plain_amount
from rfdesk.documents.report_tables import YUAN, Column, Report, Row, Table, chinese_date, render
from rfdesk.domain import (
    Campaign,
    CommendationBatch,
    Donation,
    Organisation,
    Person,
    Place,
    Resource,
    Setting,
    StockMovement,
)
from rfdesk.domain.base import Quantity
from rfdesk.domain.codes import (
    RESOURCE_KIND_CATEGORY,
    AssignmentStatus,
    DonationForm,
    EmploymentType,
    Gender,
    OrgKind,
    PaymentChannel,
    PlaceKind,
    PoliticalStatus,
    ResourceCategory,
    ResourceKind,
    ResourceStatus,
)
from rfdesk.services import commendations as commendation_service
from rfdesk.services import donations as donation_service
from rfdesk.services import resources as resource_service
from rfdesk.services import validation as v
from rfdesk.services import whereabouts as whereabouts_service
from rfdesk.services.base import get, live, subtree_condition
from rfdesk.services.errors import ValidationError

KINDS = ("people", "donations", "resources", "commendations")
NUMERALS = "一二三四五六七八九十"

# Setting keys an office may use for the name printed as 制表单位 / 开具单位.
OFFICE_SETTING_KEYS = ("office_name", "issuer_name")


def office_name(session: Session) -> str:
    """The office that prints: the setting if there is one, else the top civil air defence office."""
    for key in OFFICE_SETTING_KEYS:
        value = session.scalar(select(Setting.value).where(Setting.key == key))
        if value and value.strip():
            return value.strip()
    offices = (OrgKind.PROVINCE_OFFICE.value, OrgKind.CITY_OFFICE.value, OrgKind.COUNTY_OFFICE.value)
    name = session.scalar(
        select(Organisation.name)
        .where(live(Organisation), Organisation.kind.in_(offices))
        .order_by(func.length(Organisation.path), Organisation.sort_order, Organisation.id)
        .limit(1)
    )
    return name or ""


def _label(enum: Any, code: str | None) -> str:
    if not code:
        return ""
    try:
        return str(enum(code).zh)
    except ValueError:
        return code


def _numeral(n: int) -> str:
    """一 … 十, then 十一 … 九十九: section numbers of a report."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


# ---- personnel roster ------------------------------------------------------------------------------------


def _people_by_organisation(session: Session, on: date, organisation_id: Any) -> Report:
    org = aliased(Organisation)
    conds = [live(Person)]
    if organisation_id not in (None, ""):
        conds.append(subtree_condition(session, Person.organisation_id, organisation_id))
    counts = dict(
        session.execute(select(Person.organisation_id, func.count(Person.id)).where(*conds)
                        .group_by(Person.organisation_id)).all()
    )
    total = sum(counts.values())  # the per-group SQL counts, added: same numbers the group rows show
    status = whereabouts_service.status_on(on)
    stmt = (
        select(Person.organisation_id, org.name, Person.name, Person.gender, Person.post, Person.employment_type,
               Person.political_status, Person.phone, status)
        .select_from(Person)
        .outerjoin(org, org.id == Person.organisation_id)
        .where(*conds)
        .order_by(org.path.is_(None), org.path, org.sort_order, org.id, Person.name_pinyin, Person.id)
        .execution_options(yield_per=2000)
    )

    def rows() -> Iterator[Row]:
        current: object = object()
        n = 0
        for org_id, org_name, name, gender, post, employment, political, phone, code in session.execute(stmt):
            if org_id != current:
                current = org_id
                yield Row((f"{org_name or '未指定单位'}（{counts.get(org_id, 0)}人）",), "group")
            n += 1
            yield Row((str(n), name, _label(Gender, gender), post or "", _label(EmploymentType, employment),
                       _label(PoliticalStatus, political), phone or "", _label(AssignmentStatus, code)))
        if n:
            yield Row((f"合计：{total}人",), "note")

    columns = [
        Column("序号", 5, "right", wrap=False), Column("姓名", 9), Column("性别", 5, "center"),
        Column("职务", 20), Column("用工性质", 8, "center"), Column("政治面貌", 10, "center"),
        Column("联系电话", 13, "center", wrap=False), Column("今日去向", 11, "center"),
    ]
    scope = [f"去向日期：{chinese_date(on)}"] + _status_summary(session, on)
    return Report("人员花名册（按单位）", [Table(columns, rows())], landscape=True, scope=scope)


def _status_summary(session: Session, on: date) -> list[str]:
    counts = whereabouts_service.people_by_status(session, on)
    parts = [f"{s.zh} {counts[s.value]} 人" for s in AssignmentStatus if counts.get(s.value)]  # type: ignore[attr-defined]
    return ["人员去向：" + "，".join(parts)] if parts else []


def _people_by_whereabouts(session: Session, on: date, organisation_id: Any) -> Report:
    counts = whereabouts_service.people_by_status(session, on)
    people = whereabouts_service.whereabouts(session, on)
    if organisation_id not in (None, ""):
        ids = set(session.scalars(select(Person.id).where(
            live(Person), subtree_condition(session, Person.organisation_id, organisation_id))))
        people = [p for p in people if p.person_id in ids]
        counts = dict(session.execute(
            select(whereabouts_service.status_on(on), func.count(Person.id))
            .where(Person.id.in_(ids)).group_by(whereabouts_service.status_on(on))).all())
    order = {s.value: i for i, s in enumerate(AssignmentStatus)}
    people.sort(key=lambda p: order.get(p.status, 99))  # stable: keeps the service's unit order within a status

    def rows() -> Iterator[Row]:
        current = None
        n = 0
        for p in people:
            if p.status != current:
                current = p.status
                yield Row((f"{_label(AssignmentStatus, p.status)}（{counts.get(p.status, 0)}人）",), "group")
            n += 1
            since = ""
            if p.start_date:
                since = f"{_day(p.start_date)} 至 {_day(p.end_date) if p.end_date else '今'}"
            yield Row((str(n), p.name, p.organisation or "", p.post or "", p.place or "", since))
        if n:
            yield Row((f"合计：{sum(counts.values())}人",), "note")

    columns = [
        Column("序号", 6.5, "right", wrap=False), Column("姓名", 9), Column("单位", 21), Column("职务", 17),
        Column("所在地点", 18), Column("起止日期", 25, "center", wrap=False),
    ]
    scope = [f"去向日期：{chinese_date(on)}（无去向记录者为在岗）"]
    return Report("人员去向一览表", [Table(columns, rows())], landscape=False, scope=scope)


# ---- donation ledger -------------------------------------------------------------------------------------


def _donation_ledger(session: Session, filters: dict[str, Any]) -> Report:
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
            how = _label(PaymentChannel, channel) if form == DonationForm.CASH.value else "物资"
            yield Row((str(n), _day(on), receipt_no or "", donor, _label(DonationForm, form)[:2], how,
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
    rows = [Row((no or "", _day(on), donor, plain_amount(amount), reason or ""))
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
    per_resource = dict(
        ((rid, (i, o)) for rid, i, o in session.execute(
            select(flows.c.resource_id, func.sum(flows.c.q_in), func.sum(flows.c.q_out)).group_by(flows.c.resource_id)))
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
                yield _stock_subtotal(per_resource[current], minimum.get(current))
            current = rid
            yield Row((f"{name}（{uom or '—'}）",), "group")
        n += 1
        yield Row((str(n), name, uom or "", place, _quantity(got), _quantity(sent), _quantity(got - sent), ""))
    if current is not None:
        yield _stock_subtotal(per_resource[current], minimum.get(current))


def _stock_subtotal(sums: tuple[Any, Any], min_stock: Decimal | None) -> Row:
    # Inflows of all places together count every allocation twice (out of the store, into the village), so
    # only the stock held everywhere is totalled.
    held = Decimal(sums[0] or 0) - Decimal(sums[1] or 0)
    note = "低于最低库存" if min_stock is not None and held < min_stock else ""
    return Row(("", "各地点结存合计", "", "", "", "", _quantity(held), note), "subtotal")


def _resource_inventory(session: Session, filters: dict[str, Any]) -> Report:
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
                out.append(Row((f"{_label(ResourceKind, kind)}（{counts.get(kind, 0)}{unit}）",), "group"))
            n += 1
            where = place_name or address or ""
            if category == ResourceCategory.FACILITY:
                out.append(Row((str(n), name, org_name or "", where, str(capacity or ""),
                                _quantity(area) if area else "", _label(ResourceStatus, status))))
            else:
                out.append(Row((str(n), name, code or serial or "", org_name or "", where,
                                _label(ResourceStatus, status))))
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
        title = "队伍" if key == "team" else _label(PlaceKind, key)
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


# ---- commendation list -----------------------------------------------------------------------------------


def _commendation_list(session: Session, filters: dict[str, Any]) -> Report:
    batch_id = filters.get("batch_id")
    if batch_id not in (None, ""):
        batches = [get(session, CommendationBatch, v.reference("batch_id", batch_id) or 0)]
    else:
        batches = list(session.scalars(select(CommendationBatch).where(live(CommendationBatch))
                                       .order_by(CommendationBatch.decided_on, CommendationBatch.id)))
    tables: list[Table] = []
    for b_index, batch in enumerate(batches, start=1):
        counts = dict(commendation_service.category_counts(session, batch.id))
        honorees = commendation_service.batch_honorees(session, batch.id)
        rows: list[Row] = []
        current = None
        c_index = 0
        n = 0
        for h in honorees:
            if h.category != current:
                current = h.category
                c_index += 1
                measure = "名" if h.honoree_kind == "person" else "个"
                rows.append(Row((f"{_numeral(c_index)}、{h.category}（{counts.get(h.category, 0)}{measure}）",),
                                "group"))
            n += 1
            rows.append(Row((str(n), h.name, h.unit_and_post if h.honoree_kind == "person" else (h.unit or ""),
                             h.deeds or "")))
        decided = f"，{chinese_date(batch.decided_on)}" if batch.decided_on else ""
        heading = f"{batch.title}（共 {sum(counts.values())} 个（名）{decided}）"
        if len(batches) > 1:
            heading = f"第{_numeral(b_index)}部分　{heading}"
        tables.append(Table(
            [Column("序号", 6, "right", wrap=False), Column("姓名（名称）", 22), Column("单位及职务", 30),
             Column("主要事迹", 42)],
            rows, heading=heading, new_page=b_index > 1,
        ))
    if not tables:
        tables.append(Table([Column("表彰批次", 1)], [], empty_text="（尚无表彰批次）"))
    return Report("表彰名单", tables, landscape=False)


# ---- entry point -----------------------------------------------------------------------------------------

_LEDGER_FILTERS = {"search", "organisation_id", "campaign_id", "donor_kind", "form", "date_from", "date_to"}


def build_report(session: Session, kind: str, **filters: Any) -> Report:
    """The report ``kind`` with its filters, ready to draw (see :func:`render_report`)."""
    filters = {k: val for k, val in filters.items() if val not in (None, "")}
    if kind == "people":
        on = v.a_date("on", filters.pop("on", None)) or date.today()
        by = filters.pop("by", "organisation")
        organisation_id = filters.pop("organisation_id", None)
        _refuse_unknown(kind, filters)
        if by in ("organisation", "单位"):
            report = _people_by_organisation(session, on, organisation_id)
        elif by in ("whereabouts", "去向"):
            report = _people_by_whereabouts(session, on, organisation_id)
        else:
            raise ValidationError("by", f"花名册只能按单位或按去向排列（{by}）", f"roster is by organisation or whereabouts, not {by}")
    elif kind == "donations":
        _refuse_unknown(kind, {k: x for k, x in filters.items() if k not in _LEDGER_FILTERS})
        report = _donation_ledger(session, filters)
    elif kind == "resources":
        _refuse_unknown(kind, filters)
        report = _resource_inventory(session, filters)
    elif kind == "commendations":
        _refuse_unknown(kind, {k: x for k, x in filters.items() if k != "batch_id"})
        report = _commendation_list(session, filters)
    else:
        raise ValidationError("kind", f"没有“{kind}”这种报表（可选：人员、捐赠、资源、表彰）",
                              f"no report called {kind} (people, donations, resources, commendations)")
    report.office = report.office or office_name(session)
    report.generated_on = report.generated_on or date.today()
    report.subject = {"people": "人员花名册", "donations": "捐赠登记台账", "resources": "战备资源台账",
                      "commendations": "表彰名单"}[kind]
    return report


def _refuse_unknown(kind: str, extra: dict[str, Any]) -> None:
    if extra:
        name = sorted(extra)[0]
        raise ValidationError(name, f"报表不支持筛选条件“{name}”", f"the {kind} report has no filter {name}")


def render_report(session: Session, kind: str, **filters: Any) -> bytes:
    """A printed report as PDF bytes: ``people`` (filters ``by`` organisation|whereabouts, ``on``,
    ``organisation_id``), ``donations`` (the filters of the donation list: ``campaign_id``, ``organisation_id``,
    ``date_from``, ``date_to``, ``form``, ``donor_kind``, ``search``), ``resources``, ``commendations``
    (``batch_id``, else every batch). Refuses an unknown kind, an unknown filter, a bad filter value and a
    missing campaign, organisation or batch."""
    return render(build_report(session, kind, **filters))
