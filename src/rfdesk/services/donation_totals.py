"""Totals of the donation register, all computed in SQL: per organisation subtree, campaign, donor kind,
month and ISO week, and the headline figures of the system and of enterprises.

Every breakdown counts live, non-voided donations and gives cash and in-kind (estimated value) separately,
so a chart or report can show either. The headline figures ``system_total`` and ``enterprise_total`` are
cash only (捐款): estimated values of goods are a clerk's guess and are reported apart, by
``in_kind_total``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, String, case, cast, extract, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from rfdesk.domain import Campaign, Donation, Organisation
from rfdesk.domain.codes import SYSTEM_ORG_KINDS, DonationForm, DonorKind, OrgKind
from rfdesk.services.base import live
from rfdesk.services.donations import donation_filter

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Total:
    """One line of a breakdown: what it is, how many donations, cash and in-kind value."""

    key: Any
    label: str
    count: int
    cash: Decimal
    in_kind: Decimal

    @property
    def total(self) -> Decimal:
        return self.cash + self.in_kind


@dataclass(frozen=True)
class OrganisationTotal(Total):
    """Totals of an organisation's whole subtree (``own_*``: donations counted for it directly)."""

    path: str = "/"
    own_count: int = 0
    own_cash: Decimal = ZERO
    own_in_kind: Decimal = ZERO


def _dec(value: Any) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01"))


def _sums(source: Any) -> tuple[Any, Any, Any]:
    """count, cash and in-kind sums of a selectable having ``form`` and ``amount`` columns."""
    cash = func.coalesce(func.sum(case((source.form == DonationForm.CASH.value, source.amount), else_=0)), 0)
    kind = func.coalesce(func.sum(case((source.form == DonationForm.IN_KIND.value, source.amount), else_=0)), 0)
    return func.count(source.id), cash, kind


def _filtered(session: Session, filters: dict[str, Any], *columns: Any) -> Any:
    """A subquery of the donations the filters select (same filters as ``list_donations``)."""
    conds = donation_filter(session, **filters)
    return select(Donation.id, Donation.form, Donation.amount, *columns).where(*conds).subquery()


def by_organisation(session: Session, *, root_id: int | None = None, **filters: Any) -> list[OrganisationTotal]:
    """For each live organisation (or each in the subtree of ``root_id``), the totals of the donations
    counted for it or any of its descendants, in tree order. Filters as ``list_donations``.
    """
    d = _filtered(session, filters, Donation.unit_id)
    # A CTE, read twice below (subtree sums and own sums) but computed once: one pass over the donations.
    per_unit = (
        select(d.c.unit_id, *(c.label(n) for c, n in zip(_sums(d.c), ("n", "cash", "in_kind"), strict=True)))
        .group_by(d.c.unit_id)
        .cte("per_unit")
    )
    org, unit = aliased(Organisation), aliased(Organisation)
    own = aliased(per_unit)
    prefix = org.path + cast(org.id, String) + "/"
    # One query: each organisation joined to every unit at or under it (a path-prefix match), summed.
    stmt = (
        select(org.id, org.name, org.path,
               func.coalesce(func.sum(per_unit.c.n), 0), func.coalesce(func.sum(per_unit.c.cash), 0),
               func.coalesce(func.sum(per_unit.c.in_kind), 0),
               func.coalesce(func.max(own.c.n), 0), func.coalesce(func.max(own.c.cash), 0),
               func.coalesce(func.max(own.c.in_kind), 0))
        .select_from(org)
        .outerjoin(unit, or_(unit.id == org.id, unit.path.startswith(prefix)))
        .outerjoin(per_unit, per_unit.c.unit_id == unit.id)
        .outerjoin(own, own.c.unit_id == org.id)
        .where(live(org))
        .group_by(org.id, org.name, org.path)
        .order_by(prefix, org.id)
    )
    if root_id is not None:
        root = session.get(Organisation, root_id)
        root_prefix = f"{root.path}{root.id}/" if root is not None else "/-/"
        stmt = stmt.where(or_(org.id == root_id, org.path.startswith(root_prefix)))
    return [
        OrganisationTotal(key=oid, label=name, count=int(n), cash=_dec(cash), in_kind=_dec(kind), path=path,
                          own_count=int(on), own_cash=_dec(oc), own_in_kind=_dec(ok))
        for oid, name, path, n, cash, kind, on, oc, ok in session.execute(stmt)
    ]


def organisation_total(session: Session, organisation_id: int, **filters: Any) -> Total:
    """The totals of one organisation's subtree (e.g. the provincial office and its departments)."""
    rows = [r for r in by_organisation(session, root_id=organisation_id, **filters) if r.key == organisation_id]
    if not rows:
        return Total(organisation_id, "", 0, ZERO, ZERO)
    return rows[0]


def by_campaign(session: Session, **filters: Any) -> list[Total]:
    """Totals per campaign, by campaign name; donations outside any campaign under key None, 未指定活动."""
    d = _filtered(session, filters, Donation.campaign_id)
    stmt = (
        select(d.c.campaign_id, Campaign.name, *_sums(d.c))
        .select_from(d)
        .outerjoin(Campaign, Campaign.id == d.c.campaign_id)
        .group_by(d.c.campaign_id, Campaign.name)
        .order_by(Campaign.name, d.c.campaign_id)
    )
    return [Total(cid, name or "未指定活动", int(n), _dec(c), _dec(k)) for cid, name, n, c, k in session.execute(stmt)]


def by_donor_kind(session: Session, **filters: Any) -> list[Total]:
    """Totals per donor kind (个人, 单位, 企业, 匿名, 其他), in the order of the code list."""
    d = _filtered(session, filters, Donation.donor_kind)
    stmt = select(d.c.donor_kind, *_sums(d.c)).group_by(d.c.donor_kind)
    found = {kind: (int(n), _dec(c), _dec(k)) for kind, n, c, k in session.execute(stmt)}
    return [Total(m.value, m.zh, *found[m.value]) for m in DonorKind if m.value in found]  # type: ignore[attr-defined]


def by_month(session: Session, **filters: Any) -> list[Total]:
    """Totals per calendar month, oldest first; ``key`` is (year, month), label "2020年2月"."""
    d = _filtered(session, filters, extract("year", Donation.donated_on).label("y"),
                  extract("month", Donation.donated_on).label("m"))
    stmt = select(d.c.y, d.c.m, *_sums(d.c)).group_by(d.c.y, d.c.m).order_by(d.c.y, d.c.m)
    out = []
    for y, m, n, c, k in session.execute(stmt):
        year, month = int(y), int(m)
        out.append(Total((year, month), f"{year}年{month}月", int(n), _dec(c), _dec(k)))
    return out


def week_start(session: Session, column: Any) -> Any:
    """SQL for the Monday of the ISO week of a date column (the one dialect-specific expression here)."""
    if session.get_bind().dialect.name == "sqlite":
        # The next Sunday (or the day itself if a Sunday), then back six days.
        return func.date(column, literal_column("'weekday 0'"), literal_column("'-6 days'"), type_=Date)
    return cast(func.date_trunc(literal_column("'week'"), column), Date)


def by_week(session: Session, **filters: Any) -> list[Total]:
    """Totals per ISO week, oldest first; ``key`` is the week's Monday, label "2020-W05"."""
    d = _filtered(session, filters, week_start(session, Donation.donated_on).label("week"))
    stmt = select(d.c.week, *_sums(d.c)).group_by(d.c.week).order_by(d.c.week)
    out = []
    for week, n, c, k in session.execute(stmt):
        monday = week if isinstance(week, date) else date.fromisoformat(str(week)[:10])
        iso = monday.isocalendar()
        out.append(Total(monday, f"{iso.year}-W{iso.week:02d}", int(n), _dec(c), _dec(k)))
    return out


def week_range(monday: date) -> tuple[date, date]:
    """First and last day of the week starting on ``monday`` (for labels of a chart)."""
    return monday, monday + timedelta(days=6)


def _cash_total(session: Session, *conds: Any) -> Decimal:
    stmt = (
        select(func.coalesce(func.sum(Donation.amount), 0))
        .select_from(Donation)
        .outerjoin(Organisation, Organisation.id == Donation.unit_id)
        .where(live(Donation), Donation.voided.is_(False), Donation.form == DonationForm.CASH.value, *conds)
    )
    return _dec(session.scalar(stmt))


def system_total(session: Session) -> Decimal:
    """Cash donated by staff and units of the civil air defence system (provincial, city and county offices,
    their departments and directly-run teams): live, non-voided cash donations counted for such a unit.
    """
    return _cash_total(session, Organisation.kind.in_([k.value for k in SYSTEM_ORG_KINDS]))


def enterprise_total(session: Session) -> Decimal:
    """Cash donated by enterprises: donor kind enterprise, or counted for an organisation of kind enterprise."""
    return _cash_total(session, or_(Donation.donor_kind == DonorKind.ENTERPRISE.value,
                                    Organisation.kind == OrgKind.ENTERPRISE.value))


def cash_total(session: Session) -> Decimal:
    """All live, non-voided cash donations."""
    return _cash_total(session)


def in_kind_total(session: Session) -> Decimal:
    """Estimated value of all live, non-voided in-kind donations (reported apart from cash)."""
    stmt = select(func.coalesce(func.sum(Donation.amount), 0)).where(
        live(Donation), Donation.voided.is_(False), Donation.form == DonationForm.IN_KIND.value)
    return _dec(session.scalar(stmt))
