"""Commendation register: batches (第一批 …) and the organisations, teams and people commended."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rfdesk.domain.base import Base, Record, pinyin_sort_key
from rfdesk.domain.organisations import Organisation
from rfdesk.domain.people import PartyBranch, Person, Team


class CommendationBatch(Record, Base):
    __tablename__ = "commendation_batch"

    title: Mapped[str] = mapped_column(String(300))
    issuer_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    decided_on: Mapped[date | None] = mapped_column(Date, index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    # How the attachment list is ordered: as_entered, by_unit, by_strokes.
    list_order: Mapped[str] = mapped_column(String(20), default="as_entered")
    notes: Mapped[str | None] = mapped_column(Text)

    issuer: Mapped[Organisation | None] = relationship()
    commendations: Mapped[list[Commendation]] = relationship(
        back_populates="batch", order_by="Commendation.sort_order"
    )


class Commendation(Record, Base):
    """One honoree of a batch: exactly one of organisation, party branch, team or person is set."""

    __tablename__ = "commendation"
    pinyin_sort_keys = {"category": "category_pinyin"}
    __table_args__ = (Index("ix_commendation_batch_order", "batch_id", "sort_order"),)

    batch_id: Mapped[int] = mapped_column(ForeignKey("commendation_batch.id"))
    honoree_kind: Mapped[str] = mapped_column(String(20), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    party_branch_id: Mapped[int | None] = mapped_column(ForeignKey("party_branch.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    # The heading it is listed under, e.g. “硬核”党支部 / “硬核”共产党员.
    category: Mapped[str] = mapped_column(String(100), index=True)
    category_pinyin: Mapped[str] = pinyin_sort_key()
    deeds: Mapped[str | None] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    batch: Mapped[CommendationBatch] = relationship(back_populates="commendations")
    organisation: Mapped[Organisation | None] = relationship()
    party_branch: Mapped[PartyBranch | None] = relationship()
    team: Mapped[Team | None] = relationship()
    person: Mapped[Person | None] = relationship()
