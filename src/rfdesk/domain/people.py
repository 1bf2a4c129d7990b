"""Personnel register: party branches, people, teams, memberships, duty rotas, assignments."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rfdesk.domain.base import Base, Record, pinyin_sort_key
from rfdesk.domain.organisations import Organisation, Place


class PartyBranch(Record, Base):
    """A party branch (党支部); temporary ones (临时党支部) are set up for the duration of a task."""

    __tablename__ = "party_branch"
    # Listed regular branches first, then temporary ones, each by pinyin.
    __table_args__ = (Index("ix_party_branch_temporary_pinyin", "is_temporary", "name_pinyin"),)

    name: Mapped[str] = mapped_column(String(100), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    is_temporary: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    founded_on: Mapped[date | None] = mapped_column(Date)
    dissolved_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    name_pinyin: Mapped[str] = mapped_column(String(400), default="")
    name_initials: Mapped[str] = mapped_column(String(100), default="", index=True)

    organisation: Mapped[Organisation | None] = relationship()


class Person(Record, Base):
    __tablename__ = "person"
    pinyin_sort_keys = {"post": "post_pinyin", "rank": "rank_pinyin"}

    name: Mapped[str] = mapped_column(String(50), index=True)
    gender: Mapped[str | None] = mapped_column(String(2))
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    post: Mapped[str | None] = mapped_column(String(100))
    rank: Mapped[str | None] = mapped_column(String(50))
    employment_type: Mapped[str] = mapped_column(String(20), default="staff", index=True)
    political_status: Mapped[str | None] = mapped_column(String(20), index=True)
    party_branch_id: Mapped[int | None] = mapped_column(ForeignKey("party_branch.id"), index=True)
    party_joined_on: Mapped[date | None] = mapped_column(Date)
    qualifications: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    name_pinyin: Mapped[str] = mapped_column(String(200), default="", index=True)
    name_initials: Mapped[str] = mapped_column(String(50), default="", index=True)
    post_pinyin: Mapped[str] = pinyin_sort_key()
    rank_pinyin: Mapped[str] = pinyin_sort_key()

    organisation: Mapped[Organisation | None] = relationship()
    party_branch: Mapped[PartyBranch | None] = relationship()


class Team(Record, Base):
    """A vanguard post, volunteer team, work group or emergency professional team."""

    __tablename__ = "team"
    # The team list (hundreds of vanguard posts and volunteer teams) is shown by kind, then by pinyin.
    __table_args__ = (Index("ix_team_kind_pinyin", "kind", "name_pinyin"),)

    name: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id"), index=True)
    party_branch_id: Mapped[int | None] = mapped_column(ForeignKey("party_branch.id"), index=True)
    formed_on: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)
    name_pinyin: Mapped[str] = mapped_column(String(400), default="")
    name_initials: Mapped[str] = mapped_column(String(100), default="", index=True)

    organisation: Mapped[Organisation | None] = relationship()
    place: Mapped[Place | None] = relationship()


class TeamMembership(Record, Base):
    __tablename__ = "team_membership"
    __table_args__ = (Index("ix_team_membership_team_person", "team_id", "person_id"),)

    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str | None] = mapped_column(String(50))
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)

    team: Mapped[Team] = relationship()
    person: Mapped[Person] = relationship()


class DutyShift(Record, Base):
    """One person on one duty (e.g. the 24-hour hotline) on one day."""

    __tablename__ = "duty_shift"
    # The rota shows one team's month: its shifts between two dates.
    __table_args__ = (UniqueConstraint("team_id", "person_id", "duty_date", "shift"),
                      Index("ix_duty_shift_team_date", "team_id", "duty_date"))

    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    duty_date: Mapped[date] = mapped_column(Date, index=True)
    shift: Mapped[str] = mapped_column(String(20), default="24h")
    duty: Mapped[str | None] = mapped_column(String(50))

    team: Mapped[Team] = relationship()
    person: Mapped[Person] = relationship()


class Assignment(Record, Base):
    """Where a person is for a period: seconded to a community, a relief village, stranded away, …"""

    __tablename__ = "assignment"
    pinyin_sort_keys = {"place_text": "place_text_pinyin"}
    __table_args__ = (Index("ix_assignment_person_dates", "person_id", "start_date", "end_date"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    status: Mapped[str] = mapped_column(String(20), index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id"), index=True)
    place_text: Mapped[str | None] = mapped_column(String(200))
    # Sorted together with the place's own key (a COALESCE), which no index serves.
    place_text_pinyin: Mapped[str] = pinyin_sort_key(index=False)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship()
    place: Mapped[Place | None] = relationship()
