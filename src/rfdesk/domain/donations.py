"""Donation register: campaigns, cash and in-kind donations, their items and receipts."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rfdesk.domain.base import Base, Money, Quantity, Record, pinyin_sort_key
from rfdesk.domain.organisations import Organisation
from rfdesk.domain.people import Person


class Campaign(Record, Base):
    __tablename__ = "campaign"
    pinyin_sort_keys = {"name": "name_pinyin"}

    name: Mapped[str] = mapped_column(String(100), unique=True)
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    name_pinyin: Mapped[str] = pinyin_sort_key(index=False)  # a handful of campaigns: no index needed


class Donation(Record, Base):
    """A cash or in-kind donation.

    ``unit_id`` is the organisation the donation counts for in totals, fixed when it is recorded (a
    person's organisation at that time, or the donating organisation), so later moves do not rewrite history.
    ``amount`` is the cash amount, or for in-kind donations the sum of the items' estimated values.
    """

    __tablename__ = "donation"
    pinyin_sort_keys = {"purpose": "purpose_pinyin", "handler": "handler_pinyin"}
    __table_args__ = (
        UniqueConstraint("receipt_year", "receipt_seq"),
        Index("ix_donation_unit_date", "unit_id", "donated_on"),
        Index("ix_donation_date_id", "donated_on", "id"),
    )

    donor_kind: Mapped[str] = mapped_column(String(20), index=True)
    donor_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    donor_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    donor_name: Mapped[str | None] = mapped_column(String(100))
    anonymous_note: Mapped[str | None] = mapped_column(String(200))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    form: Mapped[str] = mapped_column(String(10), default="cash", index=True)
    amount: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    channel: Mapped[str | None] = mapped_column(String(20))
    donated_on: Mapped[date] = mapped_column(Date)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id"), index=True)
    recipient: Mapped[str | None] = mapped_column(String(100))
    purpose: Mapped[str | None] = mapped_column(String(200))
    handler: Mapped[str | None] = mapped_column(String(50))
    receipt_year: Mapped[int | None] = mapped_column(Integer)
    receipt_seq: Mapped[int | None] = mapped_column(Integer)
    receipt_no: Mapped[str | None] = mapped_column(String(30), index=True)
    receipt_printed: Mapped[int] = mapped_column(Integer, default=0)
    voided: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    void_reason: Mapped[str | None] = mapped_column(String(200))
    voided_at: Mapped[datetime | None] = mapped_column(DateTime)
    notes: Mapped[str | None] = mapped_column(Text)
    # Donor display name, kept for search and sorting (pinyin) without joins.
    donor_display: Mapped[str] = mapped_column(String(100), default="", index=True)
    donor_initials: Mapped[str] = mapped_column(String(50), default="", index=True)
    purpose_pinyin: Mapped[str] = pinyin_sort_key()
    handler_pinyin: Mapped[str] = pinyin_sort_key()

    donor_person: Mapped[Person | None] = relationship(foreign_keys=[donor_person_id])
    donor_organisation: Mapped[Organisation | None] = relationship(foreign_keys=[donor_organisation_id])
    unit: Mapped[Organisation | None] = relationship(foreign_keys=[unit_id])
    campaign: Mapped[Campaign | None] = relationship()
    items: Mapped[list[DonationItem]] = relationship(
        back_populates="donation", order_by="DonationItem.id", cascade="all, delete-orphan"
    )


class DonationItem(Base):
    """One line of an in-kind donation (masks, 2,000 pieces, estimated ¥3,000)."""

    __tablename__ = "donation_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    donation_id: Mapped[int] = mapped_column(ForeignKey("donation.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    unit: Mapped[str] = mapped_column(String(20))
    estimated_value: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))

    donation: Mapped[Donation] = relationship(back_populates="items")
