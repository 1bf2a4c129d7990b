"""The editor of a circular or notice: heading levels, attachments, preview, issue with its 发文字号."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QHeaderView, QMessageBox, QTableWidget, QTableWidgetItem, QWidget

from rfdesk.domain.codes import DocumentFormat, DocumentKind, DocumentStatus
from rfdesk.services.errors import RfdeskError
from rfdesk.ui import i18n
from rfdesk.ui.form import RecordForm, fill_choices, fill_coded, optional_date
from rfdesk.ui.forms.document_editor import Ui_DocumentEditor
from rfdesk.ui.queries import organisation_choices

CHINESE_NUMERALS = "零一二三四五六七八九十"
# The numbering of each heading level (GB/T 9704 §7.3.3): 一、 （一） 1. （1）
LEVELS = (
    re.compile(r"^[一二三四五六七八九十]+、"),
    re.compile(r"^（[一二三四五六七八九十]+）"),
    re.compile(r"^\d+[.．]"),
    re.compile(r"^（\d+）"),
)


def tr(text: str) -> str:
    return i18n.tr("Documents", text)


def chinese_number(n: int) -> str:
    if n <= 10:
        return CHINESE_NUMERALS[n]
    tens, ones = divmod(n, 10)
    return (CHINESE_NUMERALS[tens] if tens > 1 else "") + "十" + (CHINESE_NUMERALS[ones] if ones else "")


def next_heading(text_before: str, level: int) -> str:
    """The numbering of the next heading of ``level`` (0–3), counting headings since the enclosing one."""
    count = 0
    for line in reversed(text_before.splitlines()):
        line = line.strip()
        if any(LEVELS[k].match(line) for k in range(level)):
            break
        if LEVELS[level].match(line):
            count += 1
    n = count + 1
    return (f"{chinese_number(n)}、", f"（{chinese_number(n)}）", f"{n}.", f"（{n}）")[level]


class DocumentEditorDialog(RecordForm):
    ui_class = Ui_DocumentEditor
    fields = ("kind", "layout", "title", "addressees", "body", "cc", "issuer_id", "issuer_mark", "number_prefix",
              "signatory", "doc_date", "with_seal", "printed_by", "printed_on")

    def __init__(self, db: Any, parent: QWidget | None = None, *, record_id: int | None = None) -> None:
        super().__init__(db, parent, record_id=record_id)
        u = self.ui
        fill_coded(u.kind, DocumentKind)
        fill_coded(u.layout, DocumentFormat)
        fill_choices(u.issuer_id, organisation_choices(db), blank=True)
        u.doc_date.setDate(QDate.currentDate())
        optional_date(u.printed_on)
        u.with_seal.setChecked(True)
        for level, button in enumerate((u.level1, u.level2, u.level3, u.level4)):
            button.setAutoDefault(False)
            button.setToolTip(tr("Start a heading of level %1 at the cursor").replace("%1", str(level + 1)))
            button.clicked.connect(lambda _c=False, level=level: self.insert_heading(level))
        t: QTableWidget = u.attachments
        t.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        t.setColumnWidth(0, 260)
        t.verticalHeader().setVisible(False)
        u.add_attachment.clicked.connect(lambda: t.insertRow(t.rowCount()))
        u.remove_attachment.clicked.connect(lambda: t.removeRow(t.currentRow()) if t.currentRow() >= 0 else None)
        for b in (u.add_attachment, u.remove_attachment, u.preview, u.save_pdf, u.print, u.issue):
            b.setAutoDefault(False)
        u.preview.clicked.connect(self.preview)
        u.print.clicked.connect(self.preview)
        u.save_pdf.clicked.connect(self.save_pdf)
        u.issue.clicked.connect(self.issue)
        self.setWindowTitle(tr("New document") if record_id is None else tr("Edit document"))
        self.issued = False
        if record_id is not None:
            self.reload()
        else:
            u.number.setText(tr("(assigned when issued)"))

    def reload(self) -> None:
        from rfdesk.services.documents import get_document

        with self.db.session() as s:
            d = get_document(s, self.record_id)
            self.load(d)
            t = self.ui.attachments
            t.setRowCount(len(d.attachments))
            for r, a in enumerate(d.attachments):
                t.setItem(r, 0, QTableWidgetItem(a.title))
                t.setItem(r, 1, QTableWidgetItem(a.body))
            self.issued = d.status == DocumentStatus.ISSUED.value
            self.ui.number.setText(d.number or tr("(assigned when issued)"))
        self._lock_if_issued()

    def _lock_if_issued(self) -> None:
        if not self.issued:
            return
        for name in self.fields:
            self.widget(name).setEnabled(False)
        for w in (self.ui.attachments, self.ui.add_attachment, self.ui.remove_attachment, self.ui.issue,
                  self.ui.level1, self.ui.level2, self.ui.level3, self.ui.level4):
            w.setEnabled(False)
        self.setWindowTitle(tr("Issued document %1 (read only)").replace("%1", self.ui.number.text()))

    def insert_heading(self, level: int) -> None:
        edit = self.ui.body
        cursor = edit.textCursor()
        before = edit.toPlainText()[:cursor.position()]
        prefix = "" if not before or before.endswith("\n") else "\n"
        cursor.insertText(prefix + next_heading(before, level))
        edit.setFocus()

    def data(self) -> dict[str, Any]:
        data = super().data()
        t = self.ui.attachments
        rows = []
        for r in range(t.rowCount()):
            title = t.item(r, 0).text().strip() if t.item(r, 0) else ""
            body = t.item(r, 1).text() if t.item(r, 1) else ""
            if title or body.strip():
                rows.append({"title": title, "body": body})
        data["attachments"] = rows
        return data

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services import documents

        if self.record_id is None:
            return documents.create_document(session, data)
        return documents.update_document(session, self.record_id, data, expected_version=self.version)

    def save_draft(self) -> bool:
        """Save without closing (before a preview or issuing); False if the service refused."""
        if self.issued:
            return True
        self.clear_marks()
        try:
            with self.db.session() as s:
                doc = self.write(s, self.data())
                self.record_id, self.version = doc.id, doc.version
        except RfdeskError as exc:
            self.mark(exc)
            return False
        return True

    def save(self) -> None:
        if self.issued:
            self.accept()
            return
        super().save()

    def preview(self) -> None:
        from rfdesk.documents.circular import render_circular
        from rfdesk.ui.printing import preview_pdf

        if not self.save_draft():
            return
        rid = self.record_id
        preview_pdf(self, self.db, self.ui.title.text() or tr("Official document"),
                    lambda s: render_circular(s, rid), f"document-{rid}.pdf")

    def save_pdf(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from rfdesk.documents.circular import render_circular
        from rfdesk.ui.printing import save_bytes
        from rfdesk.ui.workers import run_with_progress

        if not self.save_draft():
            return
        path, _f = QFileDialog.getSaveFileName(self, tr("Save as PDF"), f"{self.ui.title.text()[:30] or 'document'}.pdf",
                                               tr("PDF files (*.pdf)"))
        if not path:
            return
        rid = self.record_id

        def work(progress: Any) -> bytes:
            with self.db.session() as s:
                return render_circular(s, rid)

        data = run_with_progress(self, tr("Save as PDF"), work)
        if data:
            save_bytes(path, data)

    def unprintable(self) -> list[str]:
        """A message for each character of the document that no font on this PC can print."""
        from rfdesk.documents.fonts import check_text

        u = self.ui
        parts = [u.title.text(), u.addressees.text(), u.body.toPlainText(), u.cc.text(), u.issuer_mark.text(),
                 u.signatory.text(), u.printed_by.text()]
        t = u.attachments
        parts += [t.item(r, c).text() for r in range(t.rowCount()) for c in range(t.columnCount())
                  if t.item(r, c) is not None]
        return check_text("\n".join(parts))

    def issue(self) -> None:
        """Give the document its 发文字号, lay it out and archive the PDF (all or nothing)."""
        from rfdesk.documents.official import render_document
        from rfdesk.services.documents import issue_document

        if not self.save_draft():
            return
        question = tr("Issue this document? It gets the next document number and can no longer be changed.")
        problems = self.unprintable()
        if problems:  # said now: once issued, the text can no longer be corrected
            question = "\n".join(problems) + "\n\n" + question
        answer = QMessageBox.question(self, tr("Issue document"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        from rfdesk.ui.workers import run_with_progress

        rid = self.record_id

        def work(progress: Any) -> bool:
            progress.report(0, 0, tr("Laying out and archiving the document…"))
            with self.db.session() as s:
                issue_document(s, rid, render_document)
            return True

        try:
            # Laying out a long document takes a while: on a worker thread, with its own session.
            if not run_with_progress(self, tr("Issue document"), work, cancellable=False, show_errors=False):
                return
        except RfdeskError as exc:
            self.mark(exc)
            return
        self.reload()
