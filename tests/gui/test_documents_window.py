"""Documents: a clerk drafts a circular with heading levels and issues it, which gives it its 发文字号."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox


def test_clerk_drafts_and_issues_a_circular(window: Any, office: dict[str, int], qtbot: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from rfdesk.ui.document_editor import DocumentEditorDialog

    tab = window.show_tab("documents")
    dlg = DocumentEditorDialog(window.db, tab)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.ui.title.insert("关于利用人防战备资源为新冠肺炎疫情防控工作提供应急支援的通知")
    dlg.ui.addressees.insert("各省辖市人防办")
    dlg.ui.number_prefix.insert("豫人防")
    dlg.set_value("issuer_id", office["top"])
    body = dlg.ui.body
    body.insertPlainText("为做好疫情防控工作，现将有关事项通知如下。\n")
    dlg.insert_heading(0)
    body.insertPlainText("开放疏散基地\n")
    dlg.insert_heading(1)
    body.insertPlainText("八个疏散基地随时待命\n")
    dlg.insert_heading(1)
    body.insertPlainText("十九个应急避难场所\n")
    dlg.insert_heading(0)
    body.insertPlainText("工作要求")
    assert body.toPlainText().splitlines()[1:] == [
        "一、开放疏散基地", "（一）八个疏散基地随时待命", "（二）十九个应急避难场所", "二、工作要求"]

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dlg.ui.issue.click()
    assert dlg.marked_fields() == [], dlg.ui.message.text()
    assert dlg.ui.number.text().startswith("豫人防〔") and dlg.ui.number.text().endswith("〕1号")
    assert not dlg.ui.body.isEnabled(), "an issued document is read only"
    dlg.accept()
    tab.refresh()
    assert tab.model.count == 1 and tab.model.index(0, 0).data() == dlg.ui.number.text()


def test_voiding_needs_a_reason_and_takes_the_receipt_out_of_the_total(window: Any, office: dict[str, int],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from rfdesk.services.donations import create_donation
    from rfdesk.services.people import create_person
    from rfdesk.ui import errors

    with window.db.session() as s:
        p = create_person(s, {"name": "张广", "organisation_id": office["works"]})
        for amount in ("100", "250"):
            create_donation(s, {"donor_kind": "person", "donor_person_id": p.id, "amount": amount,
                                "donated_on": "2020-02-01"})
    tab = window.show_tab("donations")
    assert tab.model.total == Decimal("350.00")
    tab.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    tab.void_current()
    assert "作废原因" in errors.shown_errors[-1]
    assert tab.model.total == Decimal("350.00")

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("收据填错金额", True))
    tab.void_current()
    assert tab.model.count == 2, "a voided receipt stays in the register"
    assert tab.model.total in (Decimal("100.00"), Decimal("250.00"))
    assert "已作废" in {tab.model.index(r, 9).data() for r in range(2)}


def _print_receipt_of(window: Any, office: dict[str, int], qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                      donor: str, amount: str) -> list[Any]:
    """``donor`` gives ``amount`` and the clerk prints the receipt from the register: the previews shown,
    kept instead of waiting for the clerk to close them."""
    from rfdesk.services.donations import create_donation
    from rfdesk.services.people import create_person
    from rfdesk.ui import printing

    with window.db.session() as s:
        p = create_person(s, {"name": donor, "organisation_id": office["works"]})
        create_donation(s, {"donor_kind": "person", "donor_person_id": p.id, "amount": amount,
                            "donated_on": "2020-02-01"})
    shown: list[Any] = []
    monkeypatch.setattr(printing.PdfPreviewDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    tab = window.show_tab("donations")
    tab.table.selectRow(0)
    tab.print_receipt()
    for preview in shown:
        qtbot.addWidget(preview)
    return shown


def test_a_receipt_is_previewed_before_printing(window: Any, office: dict[str, int], qtbot: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _print_receipt_of(window, office, qtbot, monkeypatch, "孟繁", "2000")
    assert len(shown) == 1
    preview = shown[0]
    assert preview.page_count >= 1
    assert preview.data.startswith(b"%PDF-")

    window.print_action.trigger()   # Ctrl+P on the register: the ledger of what is shown
    assert len(shown) == 2 and shown[1].page_count >= 1
    qtbot.addWidget(shown[1])


def test_the_preview_names_a_character_no_font_can_print(window: Any, office: dict[str, int], qtbot: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A donor whose name has 𰻞 (no font on this PC has it): the preview says so before the clerk prints,
    and says which fonts were replaced by the bundled ones."""
    from rfdesk.documents.fonts import font_set

    preview = _print_receipt_of(window, office, qtbot, monkeypatch, "王𰻞", "500")[0]
    assert preview.page_count >= 1
    assert preview.notes_label.isVisibleTo(preview)
    text = preview.notes_label.text()
    assert "U+30EDE" in text and "空框" in text
    for note in font_set().notes():
        assert note in text


def test_the_document_editor_fits_a_small_screen_with_save_in_sight(window: Any, office: dict[str, int],
                                                                    qtbot: Any) -> None:
    """On the offscreen 800×600 screen (smaller than any office PC's) the editor's fields scroll, and the
    buttons to preview, issue and save stay below them, inside the screen."""
    from PySide6.QtWidgets import QDialogButtonBox, QScrollArea

    from rfdesk.ui.document_editor import DocumentEditorDialog
    from rfdesk.ui.screen_fit import room_for

    dlg = DocumentEditorDialog(window.db, window)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    room = room_for(dlg)
    assert dlg.height() <= room.height() and dlg.width() <= room.width()
    scroll = dlg.findChild(QScrollArea, "fields_scroll")
    assert scroll is not None and scroll.isAncestorOf(dlg.ui.title) and scroll.isAncestorOf(dlg.ui.number)
    save = dlg.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not scroll.isAncestorOf(save) and not scroll.isAncestorOf(dlg.ui.issue)
    corner = save.mapTo(dlg, save.rect().bottomRight())
    assert save.isVisible() and dlg.rect().contains(corner), "Save is inside the dialog, not scrolled away"
    dlg.ui.title.insert("关于做好人防工程维护管理工作的通知")
    assert dlg.ui.title.text().startswith("关于"), "the fields still work after moving into the scroll area"


def test_the_preview_saves_the_pdf_and_prints_every_page(window: Any, office: dict[str, int], qtbot: Any,
                                                         monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """Save as PDF writes the very file shown; printing draws each page on the printer (here a PDF printer,
    read back with pypdf)."""
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QFileDialog

    from rfdesk.ui import printing

    preview = _print_receipt_of(window, office, qtbot, monkeypatch, "白辉", "800")[0]

    saved = tmp_path / "收据.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    preview.save_button.click()
    assert saved.read_bytes() == preview.data

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printing.print_pdf(preview.document, printer)
    assert len(PdfReader(str(printed)).pages) == preview.page_count


def test_issuing_warns_of_a_character_no_font_can_print(window: Any, office: dict[str, int], qtbot: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The clerk is told before issuing, while the text can still be corrected."""
    from rfdesk.ui.document_editor import DocumentEditorDialog

    dlg = DocumentEditorDialog(window.db, window.show_tab("documents"))
    qtbot.addWidget(dlg)
    dlg.ui.title.insert("关于表扬王𰻞同志的通报")
    dlg.ui.number_prefix.insert("豫人防")
    dlg.set_value("issuer_id", office["top"])
    dlg.ui.body.insertPlainText("现予通报表扬。")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k:
                        asked.append(text) or QMessageBox.StandardButton.No)
    dlg.ui.issue.click()
    assert len(asked) == 1 and "U+30EDE" in asked[0] and "空框" in asked[0]
    assert "〔" not in dlg.ui.number.text(), "answering No issues nothing"
