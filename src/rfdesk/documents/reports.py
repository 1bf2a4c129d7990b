"""Printed reports: the personnel roster, the donation ledger, the resource inventory, the commendation list.

Every count, subtotal, total and balance printed here comes from a SQL aggregate (``func.count``,
``func.sum``); the rows themselves are streamed from the database into the table engine of
``report_tables``, so a ledger of 100,000 donations is never held as ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from rfdesk.documents.report_ledgers import donation_ledger, resource_inventory
from rfdesk.documents.report_tables import Column, Report, Row, Table, render
from rfdesk.documents.report_text import chinese_date, code_label, iso_day
from rfdesk.domain import (
    CommendationBatch,
    Organisation,
    Person,
    Setting,
)
from rfdesk.domain.codes import (
    AssignmentStatus,
    EmploymentType,
    Gender,
    OrgKind,
    PoliticalStatus,
)
from rfdesk.services import commendations as commendation_service
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


def _numeral(n: int) -> str:
    """一 … 十, then 十一 … 九十九: section numbers of a report."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


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
            yield Row((str(n), name, code_label(Gender, gender), post or "", code_label(EmploymentType, employment),
                       code_label(PoliticalStatus, political), phone or "", code_label(AssignmentStatus, code)))
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
        # One expression for SELECT and GROUP BY: PostgreSQL takes two copies with their own parameters for
        # two different expressions and refuses the grouping.
        status = whereabouts_service.status_on(on)
        counts = dict(session.execute(
            select(status, func.count(Person.id)).where(Person.id.in_(ids)).group_by(status)).all())
    order = {s.value: i for i, s in enumerate(AssignmentStatus)}
    people.sort(key=lambda p: order.get(p.status, 99))  # stable: keeps the service's unit order within a status

    def rows() -> Iterator[Row]:
        current = None
        n = 0
        for p in people:
            if p.status != current:
                current = p.status
                yield Row((f"{code_label(AssignmentStatus, p.status)}（{counts.get(p.status, 0)}人）",), "group")
            n += 1
            since = ""
            if p.start_date:
                since = f"{iso_day(p.start_date)} 至 {iso_day(p.end_date) if p.end_date else '今'}"
            yield Row((str(n), p.name, p.organisation or "", p.post or "", p.place or "", since))
        if n:
            yield Row((f"合计：{sum(counts.values())}人",), "note")

    columns = [
        Column("序号", 6.5, "right", wrap=False), Column("姓名", 9), Column("单位", 21), Column("职务", 17),
        Column("所在地点", 18), Column("起止日期", 25, "center", wrap=False),
    ]
    scope = [f"去向日期：{chinese_date(on)}（无去向记录者为在岗）"]
    return Report("人员去向一览表", [Table(columns, rows())], landscape=False, scope=scope)


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
        report = donation_ledger(session, filters)
    elif kind == "resources":
        _refuse_unknown(kind, filters)
        report = resource_inventory(session, filters)
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
