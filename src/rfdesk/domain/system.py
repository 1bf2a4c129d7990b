"""Cross-register tables: number sequences, the audit log, office settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rfdesk.domain.base import Base, utcnow


class NumberSequence(Base):
    """Per-name, per-year counter for receipt and document numbers.

    Incremented inside the transaction that uses the number, so a rolled-back transaction gives the number
    back and numbers are never skipped or reused.
    """

    __tablename__ = "number_sequence"
    __table_args__ = (UniqueConstraint("name", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    year: Mapped[int] = mapped_column(Integer)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class AuditEntry(Base):
    """One create/update/delete/restore of one record, with the changed fields as JSON {field: [old, new]}."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_record", "table_name", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    operator: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    table_name: Mapped[str] = mapped_column(String(50))
    record_id: Mapped[int] = mapped_column(Integer)
    record_uuid: Mapped[str | None] = mapped_column(String(36))
    label: Mapped[str | None] = mapped_column(String(200))
    changes: Mapped[str] = mapped_column(Text, default="{}")


class Setting(Base):
    """Office-wide settings kept with the data (issuing body name, document prefix, retention policy)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
