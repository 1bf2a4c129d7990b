"""Documents tab: circulars and notices, drafted, previewed, issued with their 发文字号, printed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget
from sqlalchemy import func, or_
from sqlalchemy.orm import aliased

from rfdesk.domain import Document, Organisation
from rfdesk.domain.codes import DocumentKind, DocumentStatus
from rfdesk.services.search import Search
from rfdesk.ui import i18n
from rfdesk.ui.queries import date_blank_first, live, org_subtree
from rfdesk.ui.register_tab import RegisterTab
from rfdesk.ui.table import Column, Filter, RegisterQuery


def tr(text: str) -> str:
    return i18n.tr("Documents", text)


_issuer = aliased(Organisation, name="doc_issuer")


class DocumentQuery(RegisterQuery):
    model = Document
    default_sort = ("doc_date", True)

    def __init__(self) -> None:
        self.columns = [
            Column("number", "Document number", Document.number, sort=func.coalesce(Document.number, ""), width=170),
            Column("title", "Title", Document.title, sort=Document.title_pinyin, width=420),
            Column("kind", "Kind", Document.kind, fmt=lambda v: i18n.code_label(DocumentKind, v), width=60),
            Column("status", "Status", Document.status, fmt=lambda v: i18n.code_label(DocumentStatus, v), width=70),
            Column("doc_date", "Date", Document.doc_date, sort=date_blank_first(Document.doc_date), width=100),
            Column("issuer", "Issued by", _issuer.name, sort=func.coalesce(_issuer.name_pinyin, ""), width=180),
            Column("addressees", "Main recipients", Document.addressees, sort=False, width=200, visible=False),
        ]

    def select_from(self, stmt: Any) -> Any:
        return stmt.select_from(Document).outerjoin(_issuer, Document.issuer_id == _issuer.id)

    def conditions(self, session: Any, flt: Filter) -> list[Any]:
        search = Search.of(flt.search)
        found = []
        if search:
            found = [search.contains(Document.title), search.contains(Document.number)]
            if search.letters:  # pinyin initials: of the issuing office (titles have none stored)
                found.append(search.starts(_issuer.name_initials, case="lower"))
        return [live(session, Document),
                or_(*found) if found else None,
                org_subtree(Document.issuer_id, session, flt.organisation_id),
                Document.status == flt.status if flt.status else None,
                Document.kind == flt.category if flt.category else None,
                Document.doc_date >= flt.date_from if flt.date_from else None,
                Document.doc_date <= flt.date_to if flt.date_to else None]


class DocumentsTab(RegisterTab):
    key = "documents"
    title = "Documents"
    new_text = "New document"
    search_hint = "Search: title, document number, issuer or its pinyin initials"
    date_filter = True
    show_org_tree = False

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        self.status_choices = [(m.value, i18n.coded(m)) for m in DocumentStatus]
        self.category_choices = [(m.value, i18n.coded(m)) for m in DocumentKind]
        super().__init__(db, parent)

    def make_query(self) -> RegisterQuery:
        return DocumentQuery()

    def extra_buttons(self) -> list[QWidget]:
        preview = QPushButton(tr("Preview / print…"), self)
        preview.clicked.connect(self.print_current)
        return [preview]

    def new_record(self) -> None:
        from rfdesk.ui.document_editor import DocumentEditorDialog

        dlg = DocumentEditorDialog(self.db, self)
        dlg.exec()
        self.refresh()
        if dlg.record_id is not None:
            self.select_id(dlg.record_id)

    def edit_record(self, record_id: int) -> None:
        from rfdesk.ui.document_editor import DocumentEditorDialog

        DocumentEditorDialog(self.db, self, record_id=record_id).exec()
        self.refresh()

    def delete_record(self, record_id: int) -> None:
        from rfdesk.services.documents import delete_document

        with self.db.session() as s:
            delete_document(s, record_id)

    def print_current(self) -> None:
        from rfdesk.documents.circular import render_circular
        from rfdesk.ui.printing import preview_pdf

        rid = self.current_id()
        if rid is not None:
            preview_pdf(self, self.db, tr("Official document"), lambda s: render_circular(s, rid), f"document-{rid}.pdf")

    def detail_rows(self, session: Any, record_id: int) -> list[tuple[str, str]]:
        from rfdesk.services.documents import get_document

        d = get_document(session, record_id)
        rows = [(tr("Title"), d.title), (tr("Document number"), d.number or tr("(assigned when issued)")),
                (tr("Main recipients"), d.addressees or ""), (tr("Copy to"), d.cc or ""),
                (tr("Date"), d.doc_date.isoformat() if d.doc_date else ""),
                (tr("Status"), i18n.code_label(DocumentStatus, d.status)),
                (tr("Attachments"), "；".join(a.title for a in d.attachments))]
        body = (d.body or "").strip()
        if body:
            rows.append((tr("Body"), body[:600] + ("…" if len(body) > 600 else "")))
        return [(k, v) for k, v in rows if v]
