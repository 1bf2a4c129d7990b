"""Headline figures of all registers, for ``rfdesk stats``, the overview page and reports.

Every figure is a SQL count or sum over live records (not in the recycle bin); donations exclude voided
ones, and the money figures are cash (捐款) as decimal strings with two places, in-kind value apart.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rfdesk.domain import (
    Commendation,
    CommendationBatch,
    Document,
    Donation,
    Organisation,
    PartyBranch,
    Person,
    Resource,
    StockMovement,
    Team,
)
from rfdesk.domain.codes import DocumentStatus, ResourceKind, TeamKind
from rfdesk.services import donation_totals
from rfdesk.services.base import live


def _count(session: Session, model: Any, *conds: Any) -> int:
    return int(session.scalar(select(func.count(model.id)).where(live(model), *conds)) or 0)


def _grouped(session: Session, column: Any, model: Any) -> dict[str, int]:
    stmt = select(column, func.count(model.id)).where(live(model)).group_by(column)
    return {str(k): int(n) for k, n in session.execute(stmt)}


def _money(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))


def register_stats(session: Session) -> dict[str, int | str]:
    """The figures of every register as ``{key: int or decimal string}``.

    Keys: people, party_branches.temporary, party_branches.total, teams.<kind> for every team kind,
    resources.<kind> for every resource kind, donations.count, donations.voided, donations.system_total,
    donations.enterprise_total, donations.cash_total, donations.in_kind_value, commendations.batches,
    commendations.honorees, documents.count, documents.issued, organisations, stock_movements.
    """
    teams = _grouped(session, Team.kind, Team)
    resources = _grouped(session, Resource.kind, Resource)
    stats: dict[str, int | str] = {
        "people": _count(session, Person),
        "party_branches.temporary": _count(session, PartyBranch, PartyBranch.is_temporary.is_(True)),
        "party_branches.total": _count(session, PartyBranch),
    }
    for team_kind in TeamKind:
        stats[f"teams.{team_kind.value}"] = teams.get(team_kind.value, 0)
    for resource_kind in ResourceKind:
        stats[f"resources.{resource_kind.value}"] = resources.get(resource_kind.value, 0)
    stats.update({
        "donations.count": _count(session, Donation, Donation.voided.is_(False)),
        "donations.voided": _count(session, Donation, Donation.voided.is_(True)),
        "donations.system_total": _money(donation_totals.system_total(session)),
        "donations.enterprise_total": _money(donation_totals.enterprise_total(session)),
        "donations.cash_total": _money(donation_totals.cash_total(session)),
        "donations.in_kind_value": _money(donation_totals.in_kind_total(session)),
        # Honorees of batches in the recycle bin are not counted either.
        "commendations.batches": _count(session, CommendationBatch),
        "commendations.honorees": int(session.scalar(
            select(func.count(Commendation.id))
            .join(CommendationBatch, CommendationBatch.id == Commendation.batch_id)
            .where(live(Commendation), live(CommendationBatch))) or 0),
        "documents.count": _count(session, Document),
        "documents.issued": _count(session, Document, Document.status == DocumentStatus.ISSUED.value),
        "organisations": _count(session, Organisation),
        "stock_movements": _count(session, StockMovement),
    })
    return stats
