"""Declarative base, the common record columns and exact value types (money, quantities).

Money and quantities are stored as integers (fen, thousandths) so that SQL sums are exact on SQLite and
PostgreSQL alike; Python sees them as ``Decimal``.
"""

from __future__ import annotations

import uuid as uuid_mod
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Current time in UTC without tzinfo (stored the same way on every backend)."""
    return datetime.now(UTC).replace(tzinfo=None)


def pinyin_sort_key(*, index: bool = True) -> Mapped[str]:
    """A stored pinyin reading of a free-text column, so the registers sort it as a clerk expects
    (安全 before 保卫 before 财务) with an index on any database, instead of by code point.

    The model names which column it reads in ``pinyin_sort_keys``; the services keep it current.
    """
    return mapped_column(String(400), default="", server_default="", index=index)


def new_uuid() -> str:
    return str(uuid_mod.uuid4())


class _ScaledDecimal(TypeDecorator[Decimal]):
    """A Decimal stored as an integer count of 1/10**places units."""

    impl = BigInteger
    cache_ok = True
    places = 2

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            value = Decimal(str(value))
        scaled = value.scaleb(self.places)
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {self.places} decimal places")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        exponent = Decimal(1).scaleb(-self.places)
        return (Decimal(int(value)).scaleb(-self.places)).quantize(exponent)

    @property
    def python_type(self) -> type:
        return Decimal


class Money(_ScaledDecimal):
    """Yuan with two places, stored as integer fen."""

    cache_ok = True
    places = 2


class Quantity(_ScaledDecimal):
    """A quantity (pieces, litres, m²) with up to three places, stored as integer thousandths."""

    cache_ok = True
    places = 3


def money(value: Any) -> Decimal:
    """Round-half-up to fen; for values computed by the application, not for clerk input."""
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Record:
    """Columns every register row has: key, exchange UUID, timestamps, version, recycle-bin mark."""

    __tablename__: Any  # as DeclarativeBase declares it; every register names its table

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None, index=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        # Optimistic locking: an UPDATE that finds another clerk changed the row first fails loudly.
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]

    # A short human label for audit lists and the recycle bin.
    def label(self) -> str:
        return str(getattr(self, "name", None) or getattr(self, "title", None) or f"#{self.id}")
