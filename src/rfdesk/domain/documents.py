"""Official documents (公文): circulars and notices with their 发文字号, and archived PDFs."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rfdesk.domain.base import Base, Record, pinyin_sort_key, utcnow
from rfdesk.domain.organisations import Organisation


class Document(Record, Base):
    """A circular (通知) or notice (通报).

    ``body`` is plain text, one paragraph a line; heading levels are recognised by their numbering
    (一、 （一） 1. （1）). The 发文字号 is assigned when the document is issued.
    """

    __tablename__ = "document"
    pinyin_sort_keys = {"title": "title_pinyin"}
    __table_args__ = (UniqueConstraint("number_prefix", "number_year", "number_seq"),)

    kind: Mapped[str] = mapped_column(String(20), index=True)
    layout: Mapped[str] = mapped_column(String(20), default="red_header")
    title: Mapped[str] = mapped_column(String(300))
    title_pinyin: Mapped[str] = pinyin_sort_key()
    addressees: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text, default="")
    cc: Mapped[str | None] = mapped_column(Text)
    issuer_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    # 发文机关标志, e.g. 河南省人民防空办公室文件
    issuer_mark: Mapped[str | None] = mapped_column(String(100))
    signatory: Mapped[str | None] = mapped_column(String(100))
    doc_date: Mapped[date | None] = mapped_column(Date, index=True)
    with_seal: Mapped[bool] = mapped_column(Boolean, default=True)
    printed_by: Mapped[str | None] = mapped_column(String(100))
    printed_on: Mapped[date | None] = mapped_column(Date)
    number_prefix: Mapped[str | None] = mapped_column(String(20))
    number_year: Mapped[int | None] = mapped_column(Integer)
    number_seq: Mapped[int | None] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(50), index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    issued_at: Mapped[datetime | None] = mapped_column(DateTime)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))

    issuer: Mapped[Organisation | None] = relationship()
    attachments: Mapped[list[DocumentAttachment]] = relationship(
        back_populates="document", order_by="DocumentAttachment.position", cascade="all, delete-orphan"
    )


class DocumentAttachment(Base):
    """An attachment (附件) of a document: its title and its text (one paragraph a line)."""

    __tablename__ = "document_attachment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")

    document: Mapped[Document] = relationship(back_populates="attachments")


class ArchivedPdf(Base):
    """The exact bytes of an issued PDF (document, commendation notice or receipt), for identical reprints."""

    __tablename__ = "archived_pdf"
    __table_args__ = (UniqueConstraint("subject", "subject_id", "variant"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject: Mapped[str] = mapped_column(String(30))
    subject_id: Mapped[int] = mapped_column(Integer)
    variant: Mapped[str] = mapped_column(String(30), default="original")
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
