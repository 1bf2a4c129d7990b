"""Teams (vanguard posts, volunteer teams, work groups, emergency professional teams), their members and
duty rotas (who is on the hotline on which day)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from rfdesk.domain import DutyShift, Organisation, PartyBranch, Person, Place, Team, TeamMembership
from rfdesk.domain.codes import TeamKind
from rfdesk.services import validation as v
from rfdesk.services.base import (
    Page,
    apply_changes,
    check_version,
    claim_write_lock,
    flush,
    get,
    live,
    name_filter,
    name_keys,
    page,
    referenced,
    set_name_keys,
    soft_delete,
)
from rfdesk.services.errors import ValidationError
from rfdesk.services.people import code_of, not_after_today

TEAM_FIELDS = {"name", "kind", "organisation_id", "place_id", "party_branch_id", "formed_on", "description"}
MEMBERSHIP_FIELDS = {"team_id", "person_id", "role", "joined_on", "left_on"}
DUTY_FIELDS = {"team_id", "person_id", "duty_date", "shift", "duty"}
DEFAULT_SHIFT = "24h"

# ---- teams --------------------------------------------------------------------------------------------


def _clean_team(session: Session, data: dict[str, Any], obj: Team | None) -> dict[str, Any]:
    v.unknown_fields(TEAM_FIELDS, data)
    out: dict[str, Any] = {}
    if obj is None or "name" in data:
        out["name"] = v.text("name", data.get("name"), required=True, max_len=100)
    if obj is None or "kind" in data:
        out["kind"] = code_of("kind", data.get("kind"), TeamKind, required=True)
    for field, model in (("organisation_id", Organisation), ("place_id", Place), ("party_branch_id", PartyBranch)):
        if field in data:
            ref = referenced(session, field, model, data.get(field))
            out[field] = ref.id if ref else None
    if "formed_on" in data:
        out["formed_on"] = not_after_today("formed_on", data.get("formed_on"))
    if "description" in data:
        out["description"] = v.long_text("description", data.get("description"), max_len=5000)
    return out


def create_team(session: Session, data: dict[str, Any]) -> Team:
    """Set up a team of one of the kinds in :class:`TeamKind` (Chinese labels accepted).

    Refuses a blank name, an unknown kind, a missing organisation/place/party branch, a future date."""
    team = Team(**_clean_team(session, data, None))
    set_name_keys(team, team.name)
    session.add(team)
    flush(session)
    return team


def update_team(session: Session, team_id: int, data: dict[str, Any], expected_version: int | None = None) -> Team:
    """Change a team; refuses what :func:`create_team` refuses, and a stale version."""
    team = get(session, Team, team_id)
    check_version(team, expected_version)
    return apply_changes(session, team, _clean_team(session, data, team), keys=name_keys)


def delete_team(session: Session, team_id: int) -> None:
    """Move a team to the recycle bin; its memberships and rota stay on record with it."""
    soft_delete(session, get(session, Team, team_id))


def list_teams(session: Session, *, search: str = "", kind: str | None = None,
               organisation_id: int | None = None, offset: int = 0, limit: int = 100) -> Page[Team]:
    """One page of live teams by pinyin, filtered by kind (code or Chinese label), organisation and a name
    search (characters or pinyin initials). Refuses an unknown kind."""
    stmt = select(Team).where(live(Team))
    cond = name_filter(Team, v.normalise(search))
    if cond is not None:
        stmt = stmt.where(cond)
    if kind:
        stmt = stmt.where(Team.kind == code_of("kind", kind, TeamKind))
    if organisation_id is not None:
        stmt = stmt.where(Team.organisation_id == organisation_id)
    return page(session, stmt.order_by(Team.kind, Team.name_pinyin, Team.id), offset, limit)


# ---- memberships --------------------------------------------------------------------------------------


def _active_on(day: date) -> Any:
    return (live(TeamMembership),
            or_(TeamMembership.joined_on.is_(None), TeamMembership.joined_on <= day),
            or_(TeamMembership.left_on.is_(None), TeamMembership.left_on >= day))


def _clean_membership(session: Session, data: dict[str, Any], obj: TeamMembership | None) -> dict[str, Any]:
    v.unknown_fields(MEMBERSHIP_FIELDS, data)
    out: dict[str, Any] = {}
    if obj is None or "team_id" in data:
        team = referenced(session, "team_id", Team, data.get("team_id"), required=True)
        out["team_id"] = team.id if team else None
    if obj is None or "person_id" in data:
        person = referenced(session, "person_id", Person, data.get("person_id"), required=True)
        out["person_id"] = person.id if person else None
    if "role" in data:
        out["role"] = v.text("role", data.get("role"), max_len=50)
    if "joined_on" in data:
        out["joined_on"] = v.a_date("joined_on", data.get("joined_on"))
    if "left_on" in data:
        out["left_on"] = v.a_date("left_on", data.get("left_on"))
    joined = out.get("joined_on", obj.joined_on if obj else None)
    left = out.get("left_on", obj.left_on if obj else None)
    if joined and left and left < joined:
        raise v.fail("left_on", f"不能早于加入日期（{joined.isoformat()}）",
                     f"cannot be before the date of joining ({joined.isoformat()})")
    team_id = out.get("team_id", obj.team_id if obj else None)
    person_id = out.get("person_id", obj.person_id if obj else None)
    # Two memberships of one person in one team may not cover the same days.
    stmt = select(TeamMembership).where(TeamMembership.team_id == team_id, TeamMembership.person_id == person_id,
                                        live(TeamMembership))
    if joined is not None:
        stmt = stmt.where(or_(TeamMembership.left_on.is_(None), TeamMembership.left_on >= joined))
    if left is not None:
        stmt = stmt.where(or_(TeamMembership.joined_on.is_(None), TeamMembership.joined_on <= left))
    if obj is not None:
        stmt = stmt.where(TeamMembership.id != obj.id)
    other = session.scalar(stmt)
    if other is not None:
        since = f"（自{other.joined_on.isoformat()}起）" if other.joined_on else ""
        raise v.fail("person_id", f"“{other.person.name}”已是“{other.team.name}”的成员{since}",
                     f"“{other.person.name}” is already a member of “{other.team.name}”")
    return out


def add_member(session: Session, data: dict[str, Any]) -> TeamMembership:
    """Put a person in a team (``team_id``, ``person_id``, ``role`` such as 队长, ``joined_on``).

    Refuses a missing team or person and a second membership covering the same days."""
    claim_write_lock(session)  # a second membership is looked for before writing
    m = TeamMembership(**_clean_membership(session, data, None))
    session.add(m)
    flush(session)
    return m


def update_membership(session: Session, membership_id: int, data: dict[str, Any],
                      expected_version: int | None = None) -> TeamMembership:
    """Change a membership's role or dates; refuses what :func:`add_member` refuses."""
    claim_write_lock(session)
    m = get(session, TeamMembership, membership_id)
    check_version(m, expected_version)
    return apply_changes(session, m, _clean_membership(session, data, m))


def end_membership(session: Session, membership_id: int, left_on: Any,
                   expected_version: int | None = None) -> TeamMembership:
    """A member leaves the team on ``left_on`` (kept on record as a former member)."""
    return update_membership(session, membership_id, {"left_on": v.a_date("left_on", left_on, required=True)},
                             expected_version)


def remove_member(session: Session, membership_id: int) -> None:
    """Move a membership entered by mistake to the recycle bin."""
    soft_delete(session, get(session, TeamMembership, membership_id))


def team_members(session: Session, team_id: int, *, on: date | None = None,
                 include_former: bool = False) -> list[TeamMembership]:
    """Members of a team on ``on`` (default today), or everyone who ever was; leaders (with a role) first."""
    stmt = (select(TeamMembership).join(Person, Person.id == TeamMembership.person_id)
            .where(TeamMembership.team_id == team_id, live(Person)))
    stmt = stmt.where(live(TeamMembership)) if include_former else stmt.where(*_active_on(on or date.today()))
    return list(session.scalars(stmt.order_by(TeamMembership.role.is_(None), Person.name_pinyin, Person.id)))


def person_teams(session: Session, person_id: int, *, include_former: bool = False) -> list[TeamMembership]:
    """The live teams a person belongs to today (or ever), by kind then pinyin."""
    stmt = (select(TeamMembership).join(Team, Team.id == TeamMembership.team_id)
            .where(TeamMembership.person_id == person_id, live(Team)))
    stmt = stmt.where(live(TeamMembership)) if include_former else stmt.where(*_active_on(date.today()))
    return list(session.scalars(stmt.order_by(Team.kind, Team.name_pinyin, TeamMembership.id)))


# ---- duty rota ----------------------------------------------------------------------------------------


def _clean_duty(session: Session, data: dict[str, Any], obj: DutyShift | None) -> dict[str, Any]:
    v.unknown_fields(DUTY_FIELDS, data)
    out: dict[str, Any] = {}
    if obj is None or "team_id" in data:
        team = referenced(session, "team_id", Team, data.get("team_id"), required=True)
        out["team_id"] = team.id if team else None
    if obj is None or "person_id" in data:
        person = referenced(session, "person_id", Person, data.get("person_id"), required=True)
        out["person_id"] = person.id if person else None
    if obj is None or "duty_date" in data:
        out["duty_date"] = v.a_date("duty_date", data.get("duty_date"), required=True)
    if obj is None or "shift" in data:
        out["shift"] = v.text("shift", data.get("shift"), max_len=20) or DEFAULT_SHIFT
    if "duty" in data:
        out["duty"] = v.text("duty", data.get("duty"), max_len=50)
    team_id = out.get("team_id", obj.team_id if obj else None)
    person_id = out.get("person_id", obj.person_id if obj else None)
    day = out.get("duty_date", obj.duty_date if obj else None)
    shift = out.get("shift", obj.shift if obj else DEFAULT_SHIFT)
    assert day is not None
    member = session.scalar(select(TeamMembership.id).where(TeamMembership.team_id == team_id,
                                                            TeamMembership.person_id == person_id,
                                                            *_active_on(day)))
    if member is None:
        raise v.fail("person_id", f"{day.isoformat()}不是该队伍的成员，不能排班",
                     f"is not a member of the team on {day.isoformat()} and cannot be put on its rota")
    stmt = select(DutyShift).where(DutyShift.person_id == person_id, DutyShift.duty_date == day,
                                   DutyShift.shift == shift, live(DutyShift))
    if obj is not None:
        stmt = stmt.where(DutyShift.id != obj.id)
    other = session.scalar(stmt)
    if other is not None:
        raise v.fail("person_id", f"“{other.person.name}”{day.isoformat()}的{shift}班次已安排在“{other.team.name}”",
                     f"“{other.person.name}” is already on the {shift} shift of {day.isoformat()} "
                     f"in “{other.team.name}”")
    return out


def assign_duty(session: Session, data: dict[str, Any]) -> DutyShift:
    """Put a member of the team on duty on a date and shift (default 24h), with an optional duty such as
    心理热线. Refuses a person who is not a member that day, and the same person twice on the same day and
    shift."""
    claim_write_lock(session)  # the same person on the same shift is looked for before writing
    clean = _clean_duty(session, data, None)
    # A shift deleted earlier still holds its key in the table: bring that row back instead of a second one.
    binned = session.scalar(select(DutyShift).where(
        DutyShift.team_id == clean["team_id"], DutyShift.person_id == clean["person_id"],
        DutyShift.duty_date == clean["duty_date"], DutyShift.shift == clean["shift"],
        DutyShift.deleted_at.is_not(None)))
    if binned is not None:
        binned.deleted_at = None
        binned.duty = clean.get("duty")
        flush(session)
        return binned
    duty = DutyShift(**clean)
    session.add(duty)
    flush(session)
    return duty


def update_duty(session: Session, shift_id: int, data: dict[str, Any],
                expected_version: int | None = None) -> DutyShift:
    """Move a duty to another person, date or shift; refuses what :func:`assign_duty` refuses."""
    claim_write_lock(session)
    duty = get(session, DutyShift, shift_id)
    check_version(duty, expected_version)
    clean = _clean_duty(session, data, duty)
    key = (clean.get("team_id", duty.team_id), clean.get("person_id", duty.person_id),
           clean.get("duty_date", duty.duty_date), clean.get("shift", duty.shift))
    binned = session.scalar(select(DutyShift.id).where(
        DutyShift.team_id == key[0], DutyShift.person_id == key[1], DutyShift.duty_date == key[2],
        DutyShift.shift == key[3], DutyShift.id != duty.id))
    if binned is not None:
        raise ValidationError("duty_date", "回收站中有同一人同一天同一班次的排班，请先从回收站恢复它。",
                              "The recycle bin holds the same person on the same day and shift; restore it instead.")
    return apply_changes(session, duty, clean)


def remove_duty(session: Session, shift_id: int) -> None:
    """Take a duty off the rota (to the recycle bin)."""
    soft_delete(session, get(session, DutyShift, shift_id))


@dataclass(frozen=True)
class OnDuty:
    """One person on one shift of one day."""

    shift_id: int
    duty_date: date
    person_id: int
    name: str
    phone: str | None
    shift: str
    duty: str | None


def _duties(session: Session, team_id: int, first: date, last: date) -> list[OnDuty]:
    stmt = (select(DutyShift.id, DutyShift.duty_date, Person.id, Person.name, Person.phone, DutyShift.shift,
                   DutyShift.duty)
            .join(Person, Person.id == DutyShift.person_id)
            .where(DutyShift.team_id == team_id, live(DutyShift), live(Person),
                   DutyShift.duty_date >= first, DutyShift.duty_date <= last)
            .order_by(DutyShift.duty_date, DutyShift.shift, Person.name_pinyin, Person.id))
    return [OnDuty(*row) for row in session.execute(stmt)]


def rota(session: Session, team_id: int, year: int, month: int) -> dict[date, list[OnDuty]]:
    """The team's rota of a month for a calendar: every day of the month (in order) with who is on duty."""
    y = v.integer("year", year, required=True, minimum=1900, maximum=2100)
    m = v.integer("month", month, required=True, minimum=1, maximum=12)
    assert y is not None and m is not None
    days = calendar.monthrange(y, m)[1]
    out: dict[date, list[OnDuty]] = {date(y, m, d): [] for d in range(1, days + 1)}
    for row in _duties(session, team_id, date(y, m, 1), date(y, m, days)):
        out[row.duty_date].append(row)
    return out


def on_duty(session: Session, team_id: int, day: date) -> list[OnDuty]:
    """Who of the team is on duty on ``day``, by shift then pinyin."""
    return _duties(session, team_id, day, day)
