"""Importing a clerk's own spreadsheet: unknown headers mapped in a dialog, unknown organisations created."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QMessageBox


def _sheet(path: Path, rows: list[list[Any]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _people(db: Any) -> list[tuple[str, str | None]]:
    from sqlalchemy import select

    from rfdesk.domain import Organisation, Person

    with db.session() as s:
        return [(p.name, org) for p, org in s.execute(
            select(Person, Organisation.name).outerjoin(Organisation, Person.organisation_id == Organisation.id)
            .order_by(Person.id))]


def test_a_column_with_a_header_the_import_does_not_know_is_mapped_by_the_clerk_and_imports(
        window: Any, office: dict[str, int], tmp_path: Path, monkeypatch: Any) -> None:
    from rfdesk.ui import exchange, import_mapping

    roster = _sheet(tmp_path / "值班人员.xlsx", [["值班员", "工作单位", "联系人手机"],
                                              ["刘宪武", "工程管理处", "13800138000"],
                                              ["郭卫华", "人事教育处", "13900139000"]])
    shown: list[Any] = []

    def clerk_maps(dialog: Any) -> int:
        shown.append(dialog)
        assert not dialog.ok.isEnabled(), "without a name column the file cannot be checked"
        assert "没有哪一列导入为“姓名”" in dialog.problem.text(), dialog.problem.text()
        dialog.choose("值班员", "name")
        dialog.choose("联系人手机", "phone")
        assert dialog.ok.isEnabled() and not dialog.problem.isVisible()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(import_mapping.ImportMappingDialog, "exec", clerk_maps)
    monkeypatch.setattr(exchange.ImportPreviewDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)

    assert exchange.import_file(window, window.db, register="people", path=str(roster))

    assert len(shown) == 1
    combo = shown[0].combos[1]
    assert combo.currentText() == "单位", "the known header came pre-filled with the import's guess"
    assert _people(window.db) == [("刘宪武", "工程管理处"), ("郭卫华", "人事教育处")]

    # The history of an imported person names the file and row it came from, with what was written.
    from sqlalchemy import select

    from rfdesk.domain import Person
    from rfdesk.ui.dialogs import history_lines

    with window.db.session() as s:
        guo = s.scalar(select(Person).where(Person.name == "郭卫华"))
        lines = history_lines(s, Person, guo.id)
    assert len(lines) == 1 and "新建" in lines[0], lines
    assert "来源: — → 值班人员.xlsx 第3行" in lines[0] and "单位: — → 人事教育处" in lines[0], lines


def test_a_column_left_out_in_the_dialog_is_not_imported(window: Any, office: dict[str, int], tmp_path: Path,
                                                         monkeypatch: Any) -> None:
    from rfdesk.services.people import get_person
    from rfdesk.ui import exchange, import_mapping

    roster = _sheet(tmp_path / "名单.xlsx", [["姓名", "手机", "内部代号"], ["刘宪武", "13800138000", "A-7"]])

    def leave_out_phone(dialog: Any) -> int:
        dialog.choose("手机", "")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(import_mapping.ImportMappingDialog, "exec", leave_out_phone)
    monkeypatch.setattr(exchange.ImportPreviewDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    assert exchange.import_file(window, window.db, register="people", path=str(roster))
    with window.db.session() as s:
        person = get_person(s, 1)
        assert person.name == "刘宪武" and not person.phone


def test_an_unknown_organisation_is_created_from_the_offer_and_its_rows_then_import(
        window: Any, office: dict[str, int], tmp_path: Path, monkeypatch: Any) -> None:
    from rfdesk.domain import Organisation
    from rfdesk.ui import exchange, import_mapping

    roster = _sheet(tmp_path / "花名册.xlsx", [["姓名", "单位"],
                                             ["刘宪武", "工程管理处"],
                                             ["王建国", "郑州市人防工程公司"],
                                             ["李红", "郑州市人防工程公司"]])
    offers: list[Any] = []
    previews: list[Any] = []

    def clerk_creates(dialog: Any) -> int:
        offers.append(dialog)
        assert dialog.names == ["郑州市人防工程公司"]
        assert dialog.kinds[0].currentData() == "external", "an unknown body is outside the system by default"
        dialog.choose_kind("郑州市人防工程公司", "enterprise")
        return QDialog.DialogCode.Accepted

    def accept_preview(dialog: Any) -> int:
        previews.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(import_mapping.MissingOrganisationsDialog, "exec", clerk_creates)
    monkeypatch.setattr(exchange.ImportPreviewDialog, "exec", accept_preview)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)

    assert exchange.import_file(window, window.db, register="people", path=str(roster))

    assert len(offers) == 1
    assert previews[0].skip_rows == [], "the preview after creating the organisation has no bad row"
    assert _people(window.db) == [("刘宪武", "工程管理处"), ("王建国", "郑州市人防工程公司"), ("李红", "郑州市人防工程公司")]
    with window.db.session() as s:
        created = s.query(Organisation).filter_by(name="郑州市人防工程公司").one()
        assert created.kind == "enterprise"


def test_declining_the_offer_leaves_the_rows_of_the_unknown_organisation_out(
        window: Any, office: dict[str, int], tmp_path: Path, monkeypatch: Any) -> None:
    from rfdesk.ui import exchange, import_mapping

    roster = _sheet(tmp_path / "花名册.xlsx", [["姓名", "单位"], ["刘宪武", "工程管理处"], ["王建国", "某某公司"]])
    monkeypatch.setattr(import_mapping.MissingOrganisationsDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(exchange.ImportPreviewDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    assert exchange.import_file(window, window.db, register="people", path=str(roster))
    assert _people(window.db) == [("刘宪武", "工程管理处")]
