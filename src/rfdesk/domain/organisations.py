"""Organisations (a tree) and places (communities, villages, warehouses)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rfdesk.domain.base import Base, Record


class Organisation(Record, Base):
    """The provincial office, its departments, city and county offices, teams, enterprises, external donors.

    ``path`` is the materialised chain of ids ("/1/4/") so that a subtree is one indexed prefix match.
    """

    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(100), index=True)
    short_name: Mapped[str | None] = mapped_column(String(50), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    path: Mapped[str] = mapped_column(String(255), default="/", index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(30))
    notes: Mapped[str | None] = mapped_column(Text)
    name_pinyin: Mapped[str] = mapped_column(String(400), default="", index=True)
    name_initials: Mapped[str] = mapped_column(String(100), default="", index=True)

    parent: Mapped[Organisation | None] = relationship(remote_side="Organisation.id")


class Place(Record, Base):
    """Somewhere people are sent and stock is kept or delivered: community, village, airport, warehouse."""

    __tablename__ = "place"
    # The place list is shown by kind, then by pinyin.
    __table_args__ = (Index("ix_place_kind_pinyin", "kind", "name_pinyin"),)

    name: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    address: Mapped[str | None] = mapped_column(String(200))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    name_pinyin: Mapped[str] = mapped_column(String(400), default="")
    name_initials: Mapped[str] = mapped_column(String(100), default="", index=True)

    organisation: Mapped[Organisation | None] = relationship()
