"""PDF preview before printing (QPdfView), printing through QPrintDialog, saving as PDF."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rfdesk.ui import i18n


def tr(text: str) -> str:
    return i18n.tr("Printing", text)


class PdfPreviewDialog(QDialog):
    """Shows a PDF as it will print; Print… and Save as PDF… from here.

    ``notes`` are what the clerk must know before printing: a character no font on this PC has (it prints as
    an empty box) or a font that was replaced by the bundled one. They stand above the page, in red."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None, *, file_name: str = "rfdesk.pdf",
                 notes: list[str] | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.data = data
        self.file_name = file_name
        self.setWindowTitle(tr("Preview: %1").replace("%1", title))
        self.resize(820, 900)
        from rfdesk.ui.screen_fit import fit_to_screen

        fit_to_screen(self)  # only the size: the page view is the part that shrinks
        layout = QVBoxLayout(self)
        self.notes = list(notes or [])
        self.notes_label = QLabel("\n".join(self.notes), self)
        self.notes_label.setObjectName("font_notes")
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_label.setStyleSheet("QLabel#font_notes { color: #b71c1c; background: #fff3e0;"
                                       " border: 1px solid #e0a060; padding: 6px; }")
        self.notes_label.setVisible(bool(self.notes))
        layout.addWidget(self.notes_label)
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(tr("Print…"), self)
        self.save_button = QPushButton(tr("Save as PDF…"), self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_pdf)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())

    def save_pdf(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, tr("Save as PDF"), self.file_name, tr("PDF files (*.pdf)"))
        if path:
            save_bytes(path, self.data)

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_pdf(self.document, printer)


def save_bytes(path: str, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)


def print_pdf(document: Any, printer: Any) -> None:
    """Each page rendered at the printer's resolution and drawn full page (PDF sizes are kept)."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        first, last = 0, document.pageCount() - 1
        if printer.fromPage() > 0:
            first, last = printer.fromPage() - 1, min(last, printer.toPage() - 1)
        for i in range(first, last + 1):
            if i > first:
                printer.newPage()
            target = painter.viewport()
            size = document.pagePointSize(i)
            dpi = printer.resolution()
            image = document.render(i, QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72)))
            fitted = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(target.x(), target.y(),
                              image.scaled(fitted, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))
    finally:
        painter.end()


def render_watched(db: Any, render: Callable[[Any], bytes]) -> tuple[bytes, list[str]]:
    """The PDF ``render(session)`` makes, and what the clerk must be told about its fonts: each character
    that printed as an empty box (with where it stands), and the roles whose font the PC lacks."""
    from rfdesk.documents.fonts import font_set
    from rfdesk.documents.unprintable import watch_unprintable

    with db.session() as s, watch_unprintable() as unprintable:
        data = render(s)
    return data, [*unprintable, *font_set().notes()]


def preview_pdf(parent: QWidget, db: Any, title: str, render: Callable[[Any], bytes], file_name: str) -> None:
    """Make the PDF on a worker thread (its own session), then show it with its font notes."""
    from rfdesk.ui.workers import run_with_progress

    def work(progress: Any) -> tuple[bytes, list[str]]:
        progress.report(0, 0, tr("Preparing the document…"))
        return render_watched(db, render)

    made = run_with_progress(parent, title, work)
    if made:
        data, notes = made
        PdfPreviewDialog(data, title, parent, file_name=file_name, notes=notes).exec()


def print_receipt(parent: QWidget, db: Any, donation_id: int) -> None:
    from rfdesk.documents.receipts import render_receipt

    preview_pdf(parent, db, tr("Donation receipt"), lambda s: render_receipt(s, donation_id),
                f"receipt-{donation_id}.pdf")


def print_report(parent: QWidget, db: Any, kind: str, title: str, **filters: Any) -> None:
    from rfdesk.documents.reports import render_report

    preview_pdf(parent, db, title, lambda s: render_report(s, kind, **filters), f"{kind}.pdf")
