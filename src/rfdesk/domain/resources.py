"""War-readiness resources: facilities, equipment and supplies, and the stock movements of supplies."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rfdesk.domain.base import Base, Quantity, Record
from rfdesk.domain.organisations import Organisation, Place
from rfdesk.domain.people import Team


class Resource(Record, Base):
    __tablename__ = "resource"
    # The resource list is filtered by kind and sorted by pinyin.
    __table_args__ = (Index("ix_resource_kind_pinyin", "kind", "name_pinyin"),)

    category: Mapped[str] = mapped_column(String(20), index=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    code: Mapped[str | None] = mapped_column(String(50), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id"), index=True)
    address: Mapped[str | None] = mapped_column(String(200))
    capacity_people: Mapped[int | None] = mapped_column(Integer)
    area_m2: Mapped[Decimal | None] = mapped_column(Quantity)
    serial_no: Mapped[str | None] = mapped_column(String(50))
    status: Mapped[str] = mapped_column(String(20), default="ready", index=True)
    unit_of_measure: Mapped[str | None] = mapped_column(String(20))
    min_stock: Mapped[Decimal | None] = mapped_column(Quantity)
    notes: Mapped[str | None] = mapped_column(Text)
    name_pinyin: Mapped[str] = mapped_column(String(400), default="")
    name_initials: Mapped[str] = mapped_column(String(100), default="", index=True)

    organisation: Mapped[Organisation | None] = relationship()
    place: Mapped[Place | None] = relationship()


class StockMovement(Record, Base):
    """Quantity moving out of ``from_place`` (if any) and into ``to_place`` or ``to_team`` (if any).

    receipt: into a place; issue/write-off: out of a place; allocation: from a store to a community,
    village or team; return: back from a community to a store. The balance at a place is
    sum(in) − sum(out), derivable at any time by SQL.
    """

    __tablename__ = "stock_movement"
    __table_args__ = (
        Index("ix_stock_movement_res_from", "resource_id", "from_place_id"),
        Index("ix_stock_movement_res_to", "resource_id", "to_place_id"),
    )

    resource_id: Mapped[int] = mapped_column(ForeignKey("resource.id"))
    kind: Mapped[str] = mapped_column(String(20), index=True)
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    from_place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id"))
    to_place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id"))
    to_team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    moved_on: Mapped[date] = mapped_column(Date, index=True)
    reference: Mapped[str | None] = mapped_column(String(100))
    handler: Mapped[str | None] = mapped_column(String(50))
    note: Mapped[str | None] = mapped_column(Text)

    resource: Mapped[Resource] = relationship()
    from_place: Mapped[Place | None] = relationship(foreign_keys=[from_place_id])
    to_place: Mapped[Place | None] = relationship(foreign_keys=[to_place_id])
    to_team: Mapped[Team | None] = relationship()
