"""The circular (通知) of a document record, and the archived original of an issued document."""

from __future__ import annotations

from sqlalchemy.orm import Session

from rfdesk.documents.official import render_document


def archived_bytes(session: Session, subject: str, subject_id: int) -> bytes | None:
    """The archived original PDF (subject ``document``, ``receipt`` …), if one was stored when it was issued."""
    from rfdesk.services.documents import archived_pdf

    data = archived_pdf(session, subject, subject_id)
    return bytes(data) if data is not None else None


def render_circular(session: Session, document_id: int) -> bytes:
    """The PDF of a document: an issued one reprints its archived bytes exactly; a draft is laid out from
    the record as it stands. Refuses a missing document (NotFound)."""
    from rfdesk.domain import Document
    from rfdesk.services.base import get

    document = get(session, Document, document_id, include_deleted=True)
    if document.status == "issued":
        archived = archived_bytes(session, "document", document.id)
        if archived is not None:
            return archived
    return render_document(document)
