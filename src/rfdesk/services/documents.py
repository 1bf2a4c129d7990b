"""Official documents (公文): drafting circulars and notices, issuing them with a 发文字号, archiving PDFs.

A document is drafted freely. Issuing it gives it the next number of its prefix and year
(豫人防〔2020〕12号), renders the PDF, and archives the exact bytes with their SHA-256 — all or nothing:
if the PDF cannot be made, the document stays a draft and the number is not used up. An issued document
is never edited again, so a reprint is the archived PDF, byte for byte.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from rfdesk.domain import ArchivedPdf, Document, DocumentAttachment, Organisation
from rfdesk.domain.base import utcnow
from rfdesk.domain.codes import DocumentFormat, DocumentKind, DocumentStatus
from rfdesk.services import validation as v
from rfdesk.services.base import (
    Page,
    apply_changes,
    check_version,
    claim_write_lock,
    flush,
    get,
    kept_or_referenced,
    live,
    next_number,
    page,
    soft_delete,
    sort_terms,
)
from rfdesk.services.errors import Conflict, RfdeskError, ValidationError

DOCUMENT_FIELDS = {
    "kind", "layout", "title", "addressees", "body", "attachments", "cc", "issuer_id", "issuer_mark",
    "signatory", "doc_date", "with_seal", "printed_by", "printed_on", "number_prefix",
}
ATTACHMENT_FIELDS = {"title", "body"}
# A prefix is the issuing body's short code (豫人防, 豫人防函); brackets, digits and 号 belong to the number.
_BAD_PREFIX = re.compile(r"[\s\d〔〕\[\]【】()（）号第]")


def document_number(prefix: str, year: int, seq: int) -> str:
    """The 发文字号 as GB/T 9704 writes it: 豫人防〔2020〕12号 (〔〕, full year, no leading zeros, no 第)."""
    return f"{prefix}\u3014{year}\u3015{seq}号"


def _attachment_error(index: int, err: ValidationError) -> ValidationError:
    return ValidationError(f"attachments[{index}].{err.field}", f"附件{index + 1}的{err.zh}",
                           f"attachment {index + 1}, {err.en}")


def _clean_attachments(raw: Any) -> list[dict[str, Any]]:
    if raw is None or raw == "":
        return []
    if not isinstance(raw, (list, tuple)):
        raise v.fail("attachments", "应为附件清单", "must be a list of attachments")
    out = []
    for i, row in enumerate(raw):
        if not isinstance(row, dict):
            raise ValidationError(f"attachments[{i}]", f"附件{i + 1}格式不对", f"attachment {i + 1} is not a row")
        try:
            v.unknown_fields(ATTACHMENT_FIELDS, row)
            out.append({"position": i + 1,
                        "title": v.text("title", row.get("title"), required=True, max_len=300),
                        "body": v.long_text("body", row.get("body")) or ""})
        except ValidationError as err:
            raise _attachment_error(i, err) from None
    return out


def _clean_document(session: Session, data: dict[str, Any], obj: Document | None) -> tuple[dict[str, Any],
                                                                                          list[dict[str, Any]] | None]:
    if not isinstance(data, dict):
        raise ValidationError("document", "公文格式不对", "a document must be a row of fields")
    v.unknown_fields(DOCUMENT_FIELDS, data)
    out: dict[str, Any] = {}

    def given(key: str) -> bool:
        return obj is None or key in data

    if given("kind"):
        out["kind"] = v.choice("kind", data.get("kind"), DocumentKind,
                               default=DocumentKind.CIRCULAR).value  # type: ignore[union-attr]
    if given("layout"):
        out["layout"] = v.choice("layout", data.get("layout"), DocumentFormat,
                                 default=DocumentFormat.RED_HEADER).value  # type: ignore[union-attr]
    if given("title"):
        out["title"] = v.text("title", data.get("title"), required=True, max_len=300)
    if given("addressees"):
        out["addressees"] = v.text("addressees", data.get("addressees"), max_len=1000)
    if given("body"):
        out["body"] = v.long_text("body", data.get("body")) or ""
    if given("cc"):
        out["cc"] = v.text("cc", data.get("cc"), max_len=1000)
    if "issuer_id" in data:
        issuer = kept_or_referenced(session, "issuer_id", Organisation, data["issuer_id"], obj)
        out["issuer_id"] = issuer.id if issuer is not None else None
    for key, n in (("issuer_mark", 100), ("signatory", 100), ("printed_by", 100)):
        if given(key):
            out[key] = v.text(key, data.get(key), max_len=n)
    for key in ("doc_date", "printed_on"):
        if given(key):
            out[key] = v.a_date(key, data.get(key))
    if "with_seal" in data:
        out["with_seal"] = v.boolean("with_seal", data.get("with_seal"))
    elif obj is None:
        out["with_seal"] = True
    if given("number_prefix"):
        prefix = v.text("number_prefix", data.get("number_prefix"), max_len=20)
        if prefix and _BAD_PREFIX.search(prefix):
            raise v.fail("number_prefix", "只填机关代字，如“豫人防”；年份和序号由系统编排",
                         "is the issuing body's code only, such as 豫人防; year and number are assigned")
        out["number_prefix"] = prefix
    attachments = _clean_attachments(data.get("attachments")) if given("attachments") else None
    return out, attachments


def create_document(session: Session, data: dict[str, Any]) -> Document:
    """Draft a circular or notice: kind, layout (red_header / letter), title (required), addressees 主送,
    body (one paragraph a line), attachments [{title, body}], cc 抄送, issuer_id, issuer_mark, signatory,
    doc_date, with_seal, printed_by, printed_on, number_prefix (豫人防). Refuses a blank title, a bad date,
    an attachment without a title (field ``attachments[i].title``) or a prefix holding a year or number.
    """
    claim_write_lock(session)
    values, attachments = _clean_document(session, data, None)
    doc = Document(**values, status=DocumentStatus.DRAFT.value)
    doc.attachments = [DocumentAttachment(**a) for a in attachments or []]
    session.add(doc)
    flush(session)
    return doc


def _refuse_if_issued(doc: Document, action_zh: str, action_en: str) -> None:
    if doc.status == DocumentStatus.ISSUED:
        raise v.fail("status", f"该公文已印发（{doc.number}），不能{action_zh}",
                     f"this document was issued as {doc.number} and cannot be {action_en}")


def update_document(session: Session, doc_id: int, data: dict[str, Any],
                    expected_version: int | None = None) -> Document:
    """Change a draft; fields not in ``data`` keep their values. Refuses an issued document, what create
    refuses, and a change over someone else's (Conflict).
    """
    claim_write_lock(session)
    doc = get(session, Document, doc_id)
    check_version(doc, expected_version)
    _refuse_if_issued(doc, "修改", "changed")
    values, attachments = _clean_document(session, data, doc)
    if attachments is not None:
        old = [(a.title, a.body) for a in doc.attachments]
        if old != [(a["title"], a["body"]) for a in attachments]:
            doc.attachments = [DocumentAttachment(**a) for a in attachments]
    return apply_changes(session, doc, values)


def delete_document(session: Session, doc_id: int) -> None:
    """Move a draft to the recycle bin. An issued document is part of the record and is refused."""
    claim_write_lock(session)
    doc = get(session, Document, doc_id)
    _refuse_if_issued(doc, "删除", "deleted")
    soft_delete(session, doc)


def get_document(session: Session, doc_id: int) -> Document:
    """A live document by id (NotFound if missing or in the recycle bin)."""
    return get(session, Document, doc_id)


def issue_document(session: Session, doc_id: int, render: Callable[[Document], bytes], *,
                   year: int | None = None) -> Document:
    """Issue a draft: give it the next 发文字号 of its prefix and year (year of ``doc_date``, today's date
    if it has none, or ``year``), mark it issued, call ``render(doc)`` for the PDF and archive the bytes with
    their SHA-256 in ``doc.pdf_sha256``.

    All in one savepoint: if ``render`` raises (its exception is passed on) or returns something that is not
    a PDF, the document stays a draft and the number is not used. Refuses an issued document, and a draft
    without a number prefix or body text.
    """
    claim_write_lock(session)
    doc = get(session, Document, doc_id)
    _refuse_if_issued(doc, "再次印发", "issued again")
    if not doc.number_prefix:
        raise v.fail("number_prefix", "印发前须填写发文机关代字，如“豫人防”", "is needed before issuing, such as 豫人防")
    if not (doc.body or "").strip():
        raise v.fail("body", "印发前须填写正文", "is needed before issuing")
    doc_date = doc.doc_date or date.today()
    # A blank year, as a form leaves it, means the year of the document's date.
    number_year = v.integer("year", year, minimum=1900, maximum=2100) or doc_date.year
    with session.begin_nested():
        seq = next_number(session, f"doc:{doc.number_prefix}", number_year)
        doc.doc_date = doc_date
        doc.number_year, doc.number_seq = number_year, seq
        doc.number = document_number(doc.number_prefix, number_year, seq)
        doc.status, doc.issued_at = DocumentStatus.ISSUED.value, utcnow()
        flush(session)
        data = render(doc)
        archived = archive_pdf(session, "document", doc.id, data)
        doc.pdf_sha256 = archived.sha256
        flush(session)
    return doc


def _check_pdf(data: Any) -> bytes:
    if not isinstance(data, (bytes, bytearray)) or not bytes(data[:5]) == b"%PDF-":
        raise RfdeskError("pdf", "生成的文件不是PDF，未存档", "The file made is not a PDF; nothing was archived")
    return bytes(data)


def archive_pdf(session: Session, subject: str, subject_id: int, data: bytes,
                variant: str = "original") -> ArchivedPdf:
    """Keep the exact bytes of a PDF (a document, commendation notice or receipt) for identical reprints.

    Archiving the same bytes again is harmless; different bytes under the same subject, id and variant are
    refused (Conflict): an archived PDF is never replaced. Refuses bytes that are not a PDF.
    """
    subject_ = v.text("subject", subject, required=True, max_len=30)
    variant_ = v.text("variant", variant, required=True, max_len=30)
    sid = v.integer("subject_id", subject_id, required=True, minimum=1)
    pdf = _check_pdf(data)
    sha = hashlib.sha256(pdf).hexdigest()
    existing = session.scalar(select(ArchivedPdf).where(ArchivedPdf.subject == subject_,
                                                        ArchivedPdf.subject_id == sid,
                                                        ArchivedPdf.variant == variant_))
    if existing is not None:
        if existing.sha256 == sha:
            return existing
        raise Conflict("pdf", "该文件已存档，存档的PDF不能替换", "A PDF is already archived for this; it is never replaced")
    archived = ArchivedPdf(subject=subject_, subject_id=sid, variant=variant_, sha256=sha, data=pdf)
    session.add(archived)
    session.flush()
    return archived


def archived_pdf(session: Session, subject: str, subject_id: int, variant: str = "original") -> bytes | None:
    """The archived bytes of a PDF, or None if none was archived."""
    return session.scalar(select(ArchivedPdf.data).where(ArchivedPdf.subject == subject,
                                                         ArchivedPdf.subject_id == subject_id,
                                                         ArchivedPdf.variant == variant))


SORTS: dict[str, tuple[Any, ...]] = {
    "doc_date": (Document.doc_date,),
    "number": (Document.number_prefix, Document.number_year, Document.number_seq),
    "title": (Document.title_pinyin,),
    "kind": (Document.kind,),
    "status": (Document.status,),
    "issued_at": (Document.issued_at,),
    "created_at": (Document.created_at,),
    "updated_at": (Document.updated_at,),
}


def list_documents(session: Session, *, search: str = "", kind: Any = None, status: Any = None,
                   issuer_id: Any = None, year: Any = None, date_from: Any = None, date_to: Any = None,
                   sort: str = "doc_date", descending: bool = False, offset: int = 0,
                   limit: int = 100) -> Page[Document]:
    """One page of live documents; ``search`` matches title, number or addressees; ``year`` the number's
    year. Sorted in SQL with the id breaking ties. Refuses an unknown sort key or a bad filter value.
    """
    stmt: Select[Any] = select(Document).where(live(Document))
    q = v.normalise(search)
    if q:
        stmt = stmt.where(or_(Document.title.contains(q, autoescape=True),
                              Document.number.contains(q, autoescape=True),
                              Document.addressees.contains(q, autoescape=True)))
    if kind not in (None, ""):
        stmt = stmt.where(Document.kind == v.choice("kind", kind, DocumentKind))
    if status not in (None, ""):
        stmt = stmt.where(Document.status == v.choice("status", status, DocumentStatus))
    if issuer_id not in (None, ""):
        stmt = stmt.where(Document.issuer_id == v.reference("issuer_id", issuer_id))
    if year not in (None, ""):
        stmt = stmt.where(Document.number_year == v.integer("year", year, minimum=1900, maximum=2100))
    lo, hi = v.a_date("date_from", date_from), v.a_date("date_to", date_to)
    if lo is not None:
        stmt = stmt.where(Document.doc_date >= lo)
    if hi is not None:
        stmt = stmt.where(Document.doc_date <= hi)
    return page(session, stmt.order_by(*sort_terms(SORTS, sort, descending, Document.id)), offset, limit)
