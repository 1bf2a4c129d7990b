"""The overview opens the register behind a bar; backup and export run from the window on a worker thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox


def _record_donations(db: Any, office: dict[str, int]) -> None:
    from rfdesk.services.donations import create_donation
    from rfdesk.services.people import create_person

    with db.session() as s:
        works = create_person(s, {"name": "曹裕军", "organisation_id": office["works"]})
        staff = create_person(s, {"name": "孙志敏", "organisation_id": office["staff"]})
        for person, amount in ((works, "300"), (works, "200"), (staff, "1000")):
            create_donation(s, {"donor_kind": "person", "donor_person_id": person.id, "amount": amount,
                                "donated_on": "2020-02-03"})


def test_clicking_an_organisation_bar_opens_its_donations(window: Any, office: dict[str, int], qtbot: Any) -> None:
    _record_donations(window.db, office)
    overview = window.show_tab("overview")
    overview.refresh()
    qtbot.waitUntil(lambda: overview.figures is not None and bool(overview.chart_views), timeout=10_000)
    qtbot.waitUntil(lambda: any(b.title == "各单位捐赠（元）" and len(b.labels) == 3
                                for b in overview.figures.charts), timeout=10_000)
    bars = next(b for b in overview.figures.charts if b.title == "各单位捐赠（元）")
    index = bars.labels.index("工程管理处")
    assert bars.values[index] == 500.0

    overview.open_bar(bars, index)
    donations = window.current_page()
    assert window.tabs.currentIndex() == 3
    assert donations.model.count == 2
    assert "500.00" in window.summary_label.text()


def test_backup_to_a_stick_and_export_to_excel_from_the_window(window: Any, office: dict[str, int], qtbot: Any,
                                                              tmp_path: Path, monkeypatch: Any) -> None:
    from openpyxl import load_workbook

    from rfdesk.exchange.restore import verify_backup
    from rfdesk.ui import exchange

    _record_donations(window.db, office)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    stick = tmp_path / "stick"
    stick.mkdir()
    made = exchange.backup(window, window.db, folder=str(stick))
    assert made is not None and made.parent == stick
    assert verify_backup(made).row_counts["donation"] == 3

    donations = window.show_tab("donations")
    donations.set_filter_values(organisation_id=office["works"])
    target = tmp_path / "捐赠.xlsx"
    assert exchange.export_register(window, window.db, donations, path=str(target)) == target
    book = load_workbook(target, read_only=True)
    try:
        rows = list(book.worksheets[0].values)
    finally:
        book.close()  # a read-only workbook keeps its file open until closed
    receipts = [r[0] for r in rows[1:] if r[0] and str(r[0]).startswith("2020-")]
    assert receipts == ["2020-000001", "2020-000002"], "the export follows the organisation chosen in the tree"
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "progress" and w.isVisible()]


def test_restoring_a_backup_brings_back_what_was_deleted_since(window: Any, office: dict[str, int], qtbot: Any,
                                                               tmp_path: Path, monkeypatch: Any) -> None:
    from rfdesk.services.donations import delete_donation
    from rfdesk.ui import exchange
    from rfdesk.ui.main_window import MainWindow

    _record_donations(window.db, office)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    backup_file = exchange.backup(window, window.db, folder=str(tmp_path))
    assert backup_file is not None
    with window.db.session() as s:
        delete_donation(s, 1)
    assert window.show_tab("donations").model.count == 2

    assert exchange.restore(window, path=str(backup_file))
    reopened = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert len(reopened) == 1 and reopened[0] is not window
    qtbot.addWidget(reopened[0])
    assert reopened[0].show_tab("donations").model.count == 3
    reopened[0].db.close()


def test_importing_a_roster_previews_every_row_then_writes_the_good_ones(window: Any, office: dict[str, int],
                                                                         qtbot: Any, tmp_path: Path,
                                                                         monkeypatch: Any) -> None:
    from openpyxl import Workbook
    from PySide6.QtWidgets import QDialog

    from rfdesk.ui import exchange

    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "单位", "身份证号"])
    sheet.append(["刘宪武", "工程管理处", None])
    sheet.append(["郭卫华", "人事教育处", None])
    sheet.append(["", "工程管理处", "410105198001011234"])  # no name, and a wrong check digit
    roster = tmp_path / "花名册.xlsx"
    book.save(roster)
    previews: list[Any] = []

    def accept(dialog: Any) -> int:
        previews.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(exchange.ImportPreviewDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    assert exchange.import_file(window, window.db, register="people", path=str(roster))
    assert previews[0].skip_rows and previews[0].table.rowCount() >= 1, "the bad row is shown before writing"
    people = window.show_tab("people").register
    people.refresh()
    assert people.model.count == 2


def test_the_backup_dialog_lists_the_sticks_with_their_free_space_and_passes_over_a_full_one(
        qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QStorageInfo

    from rfdesk.ui.drives import BackupTargetDialog, Drive, backup_drives, drive_of

    system = QStorageInfo.root().rootPath()
    assert all(d.folder != system and d.free >= 0 for d in backup_drives()), "never the system's own drive"

    stick = drive_of(QStorageInfo(str(tmp_path)), str(tmp_path))
    full = Drive("旧U盘", str(tmp_path / "full"), free=1024, total=8 * 1024 ** 3)
    dlg = BackupTargetDialog([full, stick], needed=50 * 1024 ** 2)
    qtbot.addWidget(dlg)
    assert "50 MB" in dlg.intro.text()
    assert "已满" in dlg.table.item(0, 2).text() or "空间不足" in dlg.table.item(0, 2).text()
    assert dlg.folder == str(tmp_path), "the first stick with room is chosen already"
    assert dlg.ok_button.isEnabled()
    dlg.table.selectRow(0)
    assert dlg.folder is None and not dlg.ok_button.isEnabled(), "a stick too full for the backup is refused"

    empty = BackupTargetDialog([], needed=0)
    qtbot.addWidget(empty)
    assert empty.none_label.isVisibleTo(empty) and not empty.ok_button.isEnabled()


def test_the_import_dialog_counts_the_rows_written_under_its_own_words(window: Any, office: dict[str, int],
                                                                        qtbot: Any, tmp_path: Path,
                                                                        monkeypatch: Any) -> None:
    from openpyxl import Workbook
    from PySide6.QtWidgets import QDialog, QProgressDialog

    from rfdesk.services.validation import id_check_char
    from rfdesk.ui import exchange

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["姓名", "单位", "身份证号"])
    for i in range(1200):
        first17 = f"410105{1950 + i % 50}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
        sheet.append([f"队员{i}", "工程管理处", first17 + id_check_char(first17)])
    roster = tmp_path / "队员名册.xlsx"
    book.save(roster)
    # What the progress dialog is told, in order (Qt's own setters, recorded and then called).
    told: list[tuple[str, Any]] = []
    for name in ("setLabelText", "setMaximum", "setValue"):
        original = getattr(QProgressDialog, name)
        monkeypatch.setattr(QProgressDialog, name,
                            lambda self, x, _n=name, _o=original: (told.append((_n, x)), _o(self, x))[1])
    monkeypatch.setattr(exchange.ImportPreviewDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    assert exchange.import_file(window, window.db, register="people", path=str(roster))
    labels = [x for n, x in told if n == "setLabelText"]
    assert labels[-2:] == ["正在检查…", "正在写入…"]
    start = told.index(("setLabelText", "正在写入…"))
    # The bar starts again at 0 of the rows to write as the words change, then counts up to all of them.
    assert told[start - 2:start] == [("setMaximum", 1200), ("setValue", 0)]
    values = [x for n, x in told[start:] if n == "setValue"]
    assert values == sorted(values) and values[-1] == 1200
