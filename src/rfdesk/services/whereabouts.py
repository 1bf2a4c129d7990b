"""Where everyone is: assignments of people to communities, relief villages, transfer groups, home
observation, duty, … for a period, and the "where is everyone today" queries built on them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from rfdesk.domain import Assignment, Organisation, Person, Place
from rfdesk.domain.codes import AssignmentStatus
from rfdesk.services import validation as v
from rfdesk.services.base import (
    apply_changes,
    check_version,
    claim_write_lock,
    flush,
    get,
    live,
    referenced,
    soft_delete,
)
from rfdesk.services.people import code_of

ASSIGNMENT_FIELDS = {"person_id", "status", "place_id", "place_text", "start_date", "end_date", "note"}


def _covering(on: date) -> Any:
    return (live(Assignment), Assignment.start_date <= on,
            or_(Assignment.end_date.is_(None), Assignment.end_date >= on))


def _covering_id(on: date) -> Any:
    # Overlaps are refused, but a restore from the bin could bring one back: the latest start wins.
    return (select(Assignment.id).where(Assignment.person_id == Person.id, *_covering(on))
            .order_by(Assignment.start_date.desc(), Assignment.id.desc()).limit(1)
            .correlate(Person).scalar_subquery())


def status_on(on: date) -> Any:
    """SQL expression: the status of the correlated ``Person`` on ``on`` (在岗 when nothing covers it)."""
    covering = (select(Assignment.status).where(Assignment.person_id == Person.id, *_covering(on))
                .order_by(Assignment.start_date.desc(), Assignment.id.desc()).limit(1)
                .correlate(Person).scalar_subquery())
    return func.coalesce(covering, literal(AssignmentStatus.IN_POST.value))


def _period(start: date, end: date | None) -> str:
    return f"{start.isoformat()}至{end.isoformat() if end else '今'}"


def _clean_assignment(session: Session, data: dict[str, Any], obj: Assignment | None) -> dict[str, Any]:
    v.unknown_fields(ASSIGNMENT_FIELDS, data)
    out: dict[str, Any] = {}
    if obj is None or "person_id" in data:
        person = referenced(session, "person_id", Person, data.get("person_id"), required=True)
        assert person is not None
        out["person_id"] = person.id
    if obj is None or "status" in data:
        out["status"] = code_of("status", data.get("status"), AssignmentStatus, required=True)
    if "place_id" in data:
        place = referenced(session, "place_id", Place, data.get("place_id"))
        out["place_id"] = place.id if place else None
    if "place_text" in data:
        out["place_text"] = v.text("place_text", data.get("place_text"), max_len=200)
    if obj is None or "start_date" in data:
        out["start_date"] = v.a_date("start_date", data.get("start_date"), required=True)
    if "end_date" in data:
        out["end_date"] = v.a_date("end_date", data.get("end_date"))
    if "note" in data:
        out["note"] = v.long_text("note", data.get("note"), max_len=5000)
    start = out.get("start_date", obj.start_date if obj else None)
    end = out.get("end_date", obj.end_date if obj else None)
    assert start is not None
    if end is not None and end < start:
        raise v.fail("end_date", f"不能早于开始日期（{start.isoformat()}）",
                     f"cannot be before the start date ({start.isoformat()})")
    person_id = out.get("person_id", obj.person_id if obj else None)
    clash_stmt = select(Assignment).where(
        Assignment.person_id == person_id, live(Assignment),
        or_(Assignment.end_date.is_(None), Assignment.end_date >= start))
    if end is not None:
        clash_stmt = clash_stmt.where(Assignment.start_date <= end)
    if obj is not None:
        clash_stmt = clash_stmt.where(Assignment.id != obj.id)
    clash = session.scalar(clash_stmt.order_by(Assignment.start_date))
    if clash is not None:
        where = clash.place.name if clash.place is not None else (clash.place_text or "")
        status = AssignmentStatus(clash.status)
        raise v.fail("start_date",
                     f"与该人员已有的去向“{status.zh}{('·' + where) if where else ''}”"  # type: ignore[attr-defined]
                     f"（{_period(clash.start_date, clash.end_date)}）时间重叠",
                     f"overlaps the person's existing assignment “{status.en}” "  # type: ignore[attr-defined]
                     f"({clash.start_date.isoformat()} – {clash.end_date.isoformat() if clash.end_date else 'open'})")
    return out


def create_assignment(session: Session, data: dict[str, Any]) -> Assignment:
    """Record where a person is for a period (seconded to a community, stranded away, on duty, …).

    Refuses a missing person, an unknown status, an end date before the start date, and a period that
    overlaps another assignment of the same person (the message names it)."""
    claim_write_lock(session)  # overlaps are looked for before writing
    a = Assignment(**_clean_assignment(session, data, None))
    session.add(a)
    flush(session)
    return a


def update_assignment(session: Session, assignment_id: int, data: dict[str, Any],
                      expected_version: int | None = None) -> Assignment:
    """Change an assignment; refuses what :func:`create_assignment` refuses, and a stale version."""
    claim_write_lock(session)
    a = get(session, Assignment, assignment_id)
    check_version(a, expected_version)
    return apply_changes(session, a, _clean_assignment(session, data, a))


def end_assignment(session: Session, assignment_id: int, end_date: Any,
                   expected_version: int | None = None) -> Assignment:
    """Close an assignment on ``end_date`` (the person is back in post the day after)."""
    return update_assignment(session, assignment_id, {"end_date": v.a_date("end_date", end_date, required=True)},
                             expected_version)


def delete_assignment(session: Session, assignment_id: int) -> None:
    """Move an assignment entered by mistake to the recycle bin."""
    soft_delete(session, get(session, Assignment, assignment_id))


def person_assignments(session: Session, person_id: int) -> list[Assignment]:
    """A person's live assignments, latest first."""
    return list(session.scalars(select(Assignment).where(Assignment.person_id == person_id, live(Assignment))
                                .order_by(Assignment.start_date.desc(), Assignment.id.desc())))


@dataclass(frozen=True)
class Whereabouts:
    """Where one person is on a given day."""

    person_id: int
    name: str
    organisation: str | None
    post: str | None
    status: str
    place: str | None
    start_date: date | None
    end_date: date | None
    assignment_id: int | None

    @property
    def status_label(self) -> str:
        return AssignmentStatus(self.status).zh  # type: ignore[attr-defined,no-any-return]


def whereabouts(session: Session, on: date) -> list[Whereabouts]:
    """Every live person with the status that covers ``on`` (在岗 when no assignment covers it); one query,
    in organisation order then by pinyin."""
    a = aliased(Assignment)
    org = aliased(Organisation)
    place = aliased(Place)
    stmt = (
        select(Person.id, Person.name, org.name, Person.post,
               func.coalesce(a.status, literal(AssignmentStatus.IN_POST.value)),
               func.coalesce(place.name, a.place_text), a.start_date, a.end_date, a.id)
        .select_from(Person)
        .outerjoin(a, a.id == _covering_id(on))
        .outerjoin(place, place.id == a.place_id)
        .outerjoin(org, org.id == Person.organisation_id)
        .where(live(Person))
        .order_by(org.path.is_(None), org.path, org.sort_order, Person.name_pinyin, Person.id)
    )
    return [Whereabouts(*row) for row in session.execute(stmt)]


def people_by_status(session: Session, on: date) -> dict[str, int]:
    """How many live people are in each status on ``on`` ({"in_post": 40, "community": 12, …}); one GROUP BY."""
    a = aliased(Assignment)
    status = func.coalesce(a.status, literal(AssignmentStatus.IN_POST.value))
    stmt = (select(status, func.count(Person.id)).select_from(Person)
            .outerjoin(a, a.id == _covering_id(on)).where(live(Person)).group_by(status))
    return {str(code): int(n) for code, n in session.execute(stmt)}
