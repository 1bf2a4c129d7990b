"""Exporting a register (people, donations, resources, commendations, stock movements) to .xlsx or .csv.

Each register is one streamed query (names of organisations, places and people joined in SQL), written by
:mod:`rfdesk.exchange.sheets`. The column titles are the ones the import recognises, so an exported file
(unmasked) imports back into the same records.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Date, Integer, String, case, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from rfdesk.domain import (
    Campaign,
    Commendation,
    CommendationBatch,
    Donation,
    DonationItem,
    Organisation,
    PartyBranch,
    Person,
    Place,
    Resource,
    StockMovement,
    Team,
)
from rfdesk.domain.codes import (
    DonationForm,
    DonorKind,
    EmploymentType,
    Gender,
    HonoreeKind,
    MovementKind,
    PaymentChannel,
    PoliticalStatus,
    ResourceCategory,
    ResourceKind,
    ResourceStatus,
)
from rfdesk.exchange.progress import CancelCheck, Progress
from rfdesk.exchange.sheets import Column, check_target, write_table
from rfdesk.services.base import count, live, subtree_condition
from rfdesk.services.errors import ValidationError
from rfdesk.services.prepared import PreparedSelect

EXPORT_REGISTERS = {
    "people": ("人员名册", "people"),
    "donations": ("捐赠登记", "donations"),
    "resources": ("战备资源", "resources"),
    "commendations": ("表彰名单", "commendations"),
    "movements": ("出入库记录", "stock movements"),
}


@dataclass(frozen=True)
class ExportResult:
    register: str
    path: Path
    rows: int


def _stored(column: Any) -> Any:
    """``column`` read as the database holds it: money in fen, a quantity in thousandths, a date as written
    (see :class:`Column` ``scaled``). A million rows then cost no conversion to Decimal or date on the way."""
    return type_coerce(column, String if isinstance(column.type, Date) else Integer)


def _label(enum: Any) -> Callable[[Any], str | None]:
    labels = {m.value: m.zh for m in enum}
    return lambda code: labels.get(code, code) if code else None


@dataclass(frozen=True)
class _Table:
    columns: list[Column]
    stmt: Any
    convert: Callable[[tuple[Any, ...]], tuple[Any, ...]]


def _people(session: Session, filters: dict[str, Any]) -> _Table:
    org, branch = aliased(Organisation), aliased(PartyBranch)
    stmt = (
        select(Person.name, Person.gender, Person.id_number, org.name, Person.post, Person.rank, Person.phone,
               Person.political_status, Person.employment_type, _stored(Person.birth_date),
               _stored(Person.party_joined_on),
               branch.name, Person.qualifications, Person.notes)
        .outerjoin(org, org.id == Person.organisation_id)
        .outerjoin(branch, branch.id == Person.party_branch_id)
        .where(live(Person))
        .order_by(org.path.is_(None), org.path, org.sort_order, Person.name_pinyin, Person.id)
    )
    if filters.get("organisation_id") is not None:
        stmt = stmt.where(subtree_condition(session, Person.organisation_id, filters["organisation_id"]))
    gender, pol, emp = _label(Gender), _label(PoliticalStatus), _label(EmploymentType)
    columns = [Column("姓名"), Column("性别"), Column("身份证号", "id_number"), Column("单位"), Column("职务"),
               Column("职级"), Column("手机", "phone"), Column("政治面貌"), Column("人员类别"),
               Column("出生日期", "date"), Column("入党时间", "date"), Column("党支部"), Column("专业资格"),
               Column("备注")]

    def convert(r: tuple[Any, ...]) -> tuple[Any, ...]:
        return (r[0], gender(r[1]), r[2], r[3], r[4], r[5], r[6], pol(r[7]), emp(r[8]), *r[9:])

    return _Table(columns, stmt, convert)


def _donations(session: Session, filters: dict[str, Any]) -> _Table:
    unit, camp = aliased(Organisation), aliased(Campaign)
    items = (select(DonationItem.donation_id, func.min(DonationItem.id).label("first"))
             .group_by(DonationItem.donation_id).subquery())
    item = aliased(DonationItem)
    stmt = (
        select(Donation.receipt_no, _stored(Donation.donated_on), Donation.donor_display, Donation.donor_kind,
               unit.name, Donation.form, _stored(Donation.amount), Donation.channel, item.name,
               _stored(item.quantity), item.unit, _stored(item.estimated_value),
               type_coerce(item.id == items.c.first, Integer),
               camp.name, Donation.purpose, Donation.recipient,
               Donation.handler, Donation.notes)
        .outerjoin(unit, unit.id == Donation.unit_id)
        .outerjoin(camp, camp.id == Donation.campaign_id)
        .outerjoin(items, items.c.donation_id == Donation.id)
        .outerjoin(item, item.donation_id == Donation.id)
        .where(live(Donation))
        .order_by(Donation.donated_on, Donation.id, item.id)
    )
    if not filters.get("include_voided"):
        stmt = stmt.where(Donation.voided.is_(False))
    if filters.get("organisation_id") is not None:
        stmt = stmt.where(subtree_condition(session, Donation.unit_id, filters["organisation_id"]))
    if filters.get("campaign_id") is not None:
        stmt = stmt.where(Donation.campaign_id == filters["campaign_id"])
    if filters.get("date_from") is not None:
        stmt = stmt.where(Donation.donated_on >= filters["date_from"])
    if filters.get("date_to") is not None:
        stmt = stmt.where(Donation.donated_on <= filters["date_to"])
    kind, form, channel = _label(DonorKind), _label(DonationForm), _label(PaymentChannel)
    columns = [Column("收据号"), Column("捐款日期", "date"), Column("捐赠人"), Column("捐赠人类型"), Column("单位"),
               Column("捐赠方式"), Column("金额", "money", total=True, scaled=2), Column("支付方式"), Column("物资名称"),
               Column("数量", "quantity", scaled=3), Column("计量单位"), Column("估价", "money", scaled=2),
               Column("募捐活动"),
               Column("用途"), Column("接收单位"), Column("经办人"), Column("备注")]

    def convert(r: tuple[Any, ...]) -> tuple[Any, ...]:
        donor = None if r[3] == DonorKind.ANONYMOUS.value else r[2]
        donor = donor if donor is not None else "匿名"
        # An in-kind donation takes a row per item under the same receipt number (the import joins them
        # again); its amount stands on the first row only, so that the column adds up.
        amount = r[6] if r[12] is None or r[12] else None
        return (r[0], r[1], donor, kind(r[3]), r[4], form(r[5]), amount, channel(r[7]), *r[8:12], *r[13:])

    return _Table(columns, stmt, convert)


def _balances() -> Any:
    m = StockMovement
    inflow = func.sum(case((m.to_place_id.is_not(None), m.quantity), else_=0))
    outflow = func.sum(case((m.from_place_id.is_not(None), m.quantity), else_=0))
    return (select(m.resource_id, (inflow - outflow).label("stock")).where(live(m))
            .group_by(m.resource_id).subquery())


def _resources(session: Session, filters: dict[str, Any]) -> _Table:
    org, place = aliased(Organisation), aliased(Place)
    stock = _balances()
    stmt = (
        select(Resource.code, Resource.name, Resource.kind, Resource.category, org.name, place.name,
               Resource.address, Resource.capacity_people, _stored(Resource.area_m2), Resource.serial_no,
               Resource.status, Resource.unit_of_measure, type_coerce(stock.c.stock, Integer),
               _stored(Resource.min_stock), Resource.notes)
        .outerjoin(org, org.id == Resource.organisation_id)
        .outerjoin(place, place.id == Resource.place_id)
        .outerjoin(stock, stock.c.resource_id == Resource.id)
        .where(live(Resource))
        .order_by(Resource.category, Resource.kind, Resource.name_pinyin, Resource.id)
    )
    if filters.get("category"):
        stmt = stmt.where(Resource.category == filters["category"])
    if filters.get("organisation_id") is not None:
        stmt = stmt.where(subtree_condition(session, Resource.organisation_id, filters["organisation_id"]))
    kind, cat, status = _label(ResourceKind), _label(ResourceCategory), _label(ResourceStatus)
    columns = [Column("编号"), Column("名称"), Column("类别"), Column("大类"), Column("所属单位"),
               Column("存放地点"), Column("地址"), Column("容纳人数", "integer", total=True),
               Column("面积", "quantity", total=True, scaled=3), Column("出厂编号"), Column("状态"),
               Column("计量单位"), Column("数量", "quantity", scaled=3), Column("最低库存", "quantity", scaled=3),
               Column("备注")]

    def convert(r: tuple[Any, ...]) -> tuple[Any, ...]:
        supply = r[3] == ResourceCategory.SUPPLY.value
        stock_value = int(r[12]) if supply and r[12] else None
        return (r[0], r[1], kind(r[2]), cat(r[3]), r[4], r[5], r[6], r[7], r[8], r[9], status(r[10]), r[11],
                stock_value, r[13], r[14])

    return _Table(columns, stmt, convert)


def _commendations(session: Session, filters: dict[str, Any]) -> _Table:
    org, branch, team, person, person_org = (aliased(Organisation), aliased(PartyBranch), aliased(Team),
                                             aliased(Person), aliased(Organisation))
    stmt = (
        select(CommendationBatch.title, _stored(CommendationBatch.decided_on), Commendation.category,
               Commendation.honoree_kind, func.coalesce(person.name, org.name, branch.name, team.name),
               person_org.name, Commendation.deeds)
        .join(CommendationBatch, CommendationBatch.id == Commendation.batch_id)
        .outerjoin(org, org.id == Commendation.organisation_id)
        .outerjoin(branch, branch.id == Commendation.party_branch_id)
        .outerjoin(team, team.id == Commendation.team_id)
        .outerjoin(person, person.id == Commendation.person_id)
        .outerjoin(person_org, person_org.id == person.organisation_id)
        .where(live(Commendation), live(CommendationBatch))
        .order_by(CommendationBatch.decided_on, CommendationBatch.id, Commendation.sort_order, Commendation.id)
    )
    if filters.get("batch_id") is not None:
        stmt = stmt.where(Commendation.batch_id == filters["batch_id"])
    kind = _label(HonoreeKind)
    columns = [Column("表彰批次"), Column("表彰日期", "date"), Column("类别"), Column("对象类型"),
               Column("表彰对象"), Column("单位"), Column("事迹")]
    return _Table(columns, stmt, lambda r: (r[0], r[1], r[2], kind(r[3]), *r[4:]))


def _movements(session: Session, filters: dict[str, Any]) -> _Table:
    res, src, dst, team = aliased(Resource), aliased(Place), aliased(Place), aliased(Team)
    stmt = (
        select(_stored(StockMovement.moved_on), res.name, StockMovement.kind, _stored(StockMovement.quantity),
               res.unit_of_measure,
               src.name, func.coalesce(dst.name, team.name), StockMovement.reference, StockMovement.handler,
               StockMovement.note)
        .join(res, res.id == StockMovement.resource_id)
        .outerjoin(src, src.id == StockMovement.from_place_id)
        .outerjoin(dst, dst.id == StockMovement.to_place_id)
        .outerjoin(team, team.id == StockMovement.to_team_id)
        .where(live(StockMovement))
        .order_by(StockMovement.moved_on, StockMovement.id)
    )
    if filters.get("resource_id") is not None:
        stmt = stmt.where(StockMovement.resource_id == filters["resource_id"])
    kind = _label(MovementKind)
    columns = [Column("日期", "date"), Column("物资名称"), Column("类型"), Column("数量", "quantity", scaled=3),
               Column("计量单位"), Column("调出地点"), Column("调入地点/队伍"), Column("凭证号"), Column("经办人"),
               Column("备注")]
    return _Table(columns, stmt, lambda r: (r[0], r[1], kind(r[2]), *r[3:]))


_TABLES: dict[str, Callable[[Session, dict[str, Any]], _Table]] = {
    "people": _people, "donations": _donations, "resources": _resources, "commendations": _commendations,
    "movements": _movements,
}


def export_columns(session: Session, register: str) -> list[str]:
    """The column titles an export of ``register`` has (for the window's preview of the export)."""
    return [c.title for c in _TABLES[_check(register)](session, {}).columns]


def _check(register: str) -> str:
    if register not in _TABLES:
        names = "、".join(zh for zh, _ in EXPORT_REGISTERS.values())
        raise ValidationError("register", f"不能导出“{register}”，可导出：{names}",
                              f"Cannot export “{register}”; choose {', '.join(_TABLES)}")
    return register


def export_register(session: Session, register: str, path: str | os.PathLike[str], *, mask: bool = False,
                    progress: Progress | None = None, cancel: CancelCheck | None = None,
                    **filters: Any) -> ExportResult:
    """Write a register to ``path`` (.xlsx or .csv), optionally masking ID and phone numbers.

    Filters: ``organisation_id`` (with its sub-units; people, donations, resources), ``campaign_id``,
    ``date_from``/``date_to``, ``include_voided`` (donations), ``category`` (resources), ``batch_id``
    (commendations), ``resource_id`` (movements). Refuses an unknown register, a file type other than
    .xlsx/.csv, or a missing folder. Raises :class:`Cancelled` (no file left behind) on cancel.
    """
    table = _TABLES[_check(register)](session, filters)
    p, _fmt = check_target(path)
    total = count(session, table.stmt)

    def rows() -> Iterator[tuple[Any, ...]]:
        convert = table.convert
        for r in _stored_rows(session, table.stmt):
            yield convert(r)

    n = write_table(p, table.columns, rows(), sheet_name=EXPORT_REGISTERS[register][0], masked=mask,
                    total_rows=total, progress=progress, cancel=cancel)
    return ExportResult(register, p, n)


def _stored_rows(session: Session, stmt: Any) -> Iterator[Any]:
    """The rows of ``stmt`` as the driver reads them. Every column is selected as stored (:func:`_stored`,
    codes as text), so nothing is left to convert: on SQLite the rows come straight from the driver, read as
    they are written out; a server's rows stream through SQLAlchemy in batches."""
    dialect = session.get_bind().dialect
    if dialect.name != "sqlite":
        yield from session.execute(stmt.execution_options(yield_per=1000))
        return
    prepared = PreparedSelect(dialect, stmt)
    assert not any(prepared.converters), "every exported column is read as stored"
    yield from prepared.stream_in(session)


def default_file_name(register: str, fmt: str = "xlsx", on: date | None = None) -> str:
    """人员名册-20200126.xlsx"""
    return f"{EXPORT_REGISTERS[_check(register)][0]}-{(on or date.today()):%Y%m%d}.{fmt}"
