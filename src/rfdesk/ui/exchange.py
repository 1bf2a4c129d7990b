"""Backup to a USB stick, restore, import and export from the File menu; all on a worker thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rfdesk.ui import i18n
from rfdesk.ui.workers import run_with_progress

IMPORTABLE = ("people", "donations", "resources")
EXPORTABLE = ("people", "donations", "resources", "commendations")


def tr(text: str) -> str:
    return i18n.tr("Exchange", text)


def register_name(key: str) -> str:
    names = {"people": tr("Personnel register"), "donations": tr("Donation register"),
             "resources": tr("Resource register"), "commendations": tr("Commendation list")}
    return names.get(key, key)


def _last_folder(key: str) -> str:
    return str(QSettings().value(f"exchange/{key}", QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)))


def _remember_folder(key: str, path: str) -> None:
    QSettings().setValue(f"exchange/{key}", str(Path(path).parent if Path(path).suffix else path))


# ---- backup and restore ---------------------------------------------------------------------------------


def backup(parent: QWidget, db: Any, folder: str | None = None, passphrase: str | None = None) -> Path | None:
    """Write a verified backup into a folder the clerk picks (the USB stick)."""
    from rfdesk.exchange.backup import create_backup

    if folder is None:
        from rfdesk.ui.drives import choose_backup_folder

        path = getattr(db, "path", None)
        folder = choose_backup_folder(parent, path.stat().st_size if path is not None and path.exists() else 0)
        if not folder:
            return None
        text, ok = QInputDialog.getText(parent, tr("Password"),
                                        tr("Password to lock the backup (leave empty for none):"),
                                        QLineEdit.EchoMode.Password)
        if not ok:
            return None
        passphrase = text or None
    _remember_folder("backup", folder)

    def work(progress: Any) -> Path:
        return create_backup(db, folder, passphrase=passphrase, progress=progress, cancel=progress.is_cancelled)

    made = run_with_progress(parent, tr("Backing up…"), work)
    if made is not None:
        QMessageBox.information(parent, tr("Backup written"),
                                tr("The backup was written and checked:") + f"\n{made}")
    return made


def restore(window: Any, path: str | None = None, passphrase: str | None = None) -> bool:
    """Replace the open database by a backup (a safety copy of the current one is kept), then reopen it."""
    from rfdesk.exchange.restore import is_encrypted

    db = window.db
    if db.path is None:
        QMessageBox.warning(window, tr("Restore"), tr("A server database is restored by its administrator."))
        return False
    if path is None:
        path, _f = QFileDialog.getOpenFileName(window, tr("Restore from backup"), _last_folder("backup"),
                                               tr("rfdesk backups (*.rfbak)"))
        if not path:
            return False
        if is_encrypted(path):
            text, ok = QInputDialog.getText(window, tr("Password"), tr("Password of the backup:"),
                                            QLineEdit.EchoMode.Password)
            if not ok:
                return False
            passphrase = text
        answer = QMessageBox.question(
            window, tr("Restore"),
            tr("Replace every record in this database by the backup? The current records are kept in a "
               "safety copy first."))
        if answer != QMessageBox.StandardButton.Yes:
            return False
    from rfdesk.exchange.restore import restore_open_database
    from rfdesk.ui.workers import wait_for_background

    wait_for_background()  # no read of the overview or of a count may hold the file open

    def work(progress: Any) -> Any:
        return restore_open_database(db, path, passphrase, progress=progress, cancel=progress.is_cancelled)

    done = run_with_progress(window, tr("Restoring…"), work)
    if done is None:
        return False  # refused or cancelled: the open database is as it was
    _result, reopened = done
    window.replace_with(reopened)
    return True


# ---- import ---------------------------------------------------------------------------------------------


class ImportPreviewDialog(QDialog):
    """What an import would do: rows read, and every problem with its row and field, before anything is written."""

    def __init__(self, preview: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import preview"))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        blocking = [p for p in preview.problems if p.blocking]
        bad_rows = sorted({p.row for p in blocking})
        self.skip_rows = bad_rows
        summary = (tr("%1 rows read from %2.").replace("%1", str(preview.rows_read))
                   .replace("%2", Path(preview.path).name))
        if blocking:
            summary += " " + tr("%1 rows have problems; they are left out if you import now.").replace(
                "%1", str(len(bad_rows)))
        else:
            summary += " " + tr("No problems found.")
        layout.addWidget(QLabel(summary, self))
        self.table = QTableWidget(len(preview.problems), 3, self)
        self.table.setHorizontalHeaderLabels([tr("Row"), tr("Field"), tr("Problem")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        for r, p in enumerate(preview.problems):
            for c, text in enumerate((str(p.row), p.field, p.zh if i18n.is_chinese() else p.en)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.addButton(tr("Import %1 rows").replace("%1", str(preview.rows_read - len(bad_rows))),
                               QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setEnabled(preview.rows_read > len(bad_rows))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def import_file(parent: QWidget, db: Any, register: str | None = None, path: str | None = None) -> bool:
    """Pick a register and a spreadsheet, preview every row, then write the good ones (all or nothing)."""
    from rfdesk.exchange.importing import commit_import, preview_import
    from rfdesk.ui import import_mapping

    if register is None:
        names = [register_name(k) for k in IMPORTABLE]
        name, ok = QInputDialog.getItem(parent, tr("Import"), tr("Import into:"), names, 0, False)
        if not ok:
            return False
        register = IMPORTABLE[names.index(name)]
    if path is None:
        path, _f = QFileDialog.getOpenFileName(parent, tr("Import from Excel"), _last_folder("import"),
                                               tr("Spreadsheets (*.xlsx *.xls *.csv)"))
        if not path:
            return False
    _remember_folder("import", path)
    # A header the import does not know is mapped by the clerk; an unknown organisation can be created.
    mapping = import_mapping.choose_mapping(parent, register, path)
    if mapping is None:
        return False

    def check(progress: Any) -> Any:
        with db.session() as s:
            return preview_import(s, register, path, mapping=mapping, progress=progress,
                                  cancel=progress.is_cancelled)

    preview = run_with_progress(parent, tr("Checking the file…"), check)
    if preview is not None:
        preview = import_mapping.offer_missing_organisations(
            parent, db, preview, lambda: run_with_progress(parent, tr("Checking the file…"), check))
    if preview is None:
        return False
    dialog = ImportPreviewDialog(preview, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False

    def stage(progress: Any) -> Any:
        # The dialog's text says which part is under way (正在检查…, then 正在写入…) and its bar starts again
        # from zero for the rows to write, instead of standing at 100% while they are written.
        return lambda zh, en, total: progress.report(0, total, zh if i18n.is_chinese() else en)

    def write(progress: Any) -> Any:
        with db.session() as s:
            return commit_import(s, preview, dialog.skip_rows, progress=progress, cancel=progress.is_cancelled,
                                 stage=stage(progress))

    result = run_with_progress(parent, tr("Importing…"), write)
    if result is None:
        return False
    QMessageBox.information(parent, tr("Import finished"),
                            tr("%1 records imported.").replace("%1", str(result.created)))
    return True


# ---- export ---------------------------------------------------------------------------------------------


def export_filters(page: Any) -> dict[str, Any]:
    flt = page.current_filter() if hasattr(page, "current_filter") else None
    if flt is None:
        return {}
    out: dict[str, Any] = {}
    if flt.organisation_id is not None and page.key in ("people", "donations", "resources"):
        out["organisation_id"] = flt.organisation_id
    if page.key == "donations":
        out.update({"date_from": flt.date_from, "date_to": flt.date_to, "include_voided": flt.status == "voided"})
    if page.key == "resources" and flt.category:
        out["category"] = flt.category
    if page.key == "commendations" and flt.category:
        out["batch_id"] = int(flt.category)
    return {k: v for k, v in out.items() if v not in (None, "")}


def export_register(parent: QWidget, db: Any, page: Any, path: str | None = None) -> Path | None:
    """Write the register in front (narrowed by its organisation and dates) to .xlsx or .csv."""
    from rfdesk.exchange import exporting

    target = page
    if hasattr(page, "register") and not hasattr(page, "key"):
        target = page.register
    key = getattr(target, "key", "")
    if key not in EXPORTABLE:
        names = [register_name(k) for k in EXPORTABLE]
        name, ok = QInputDialog.getItem(parent, tr("Export"), tr("Export which register?"), names, 0, False)
        if not ok:
            return None
        key, target = EXPORTABLE[names.index(name)], None
    if path is None:
        suggested = str(Path(_last_folder("export")) / exporting.default_file_name(key))
        path, _f = QFileDialog.getSaveFileName(parent, tr("Export to Excel"), suggested,
                                               tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not path:
            return None
    _remember_folder("export", path)
    filters = export_filters(target) if target is not None else {}

    def work(progress: Any) -> Any:
        with db.session() as s:
            return exporting.export_register(s, key, path, progress=progress, cancel=progress.is_cancelled,
                                             **filters)

    result = run_with_progress(parent, tr("Exporting…"), work)
    if result is None:
        return None
    QMessageBox.information(parent, tr("Export finished"),
                            tr("%1 rows written to %2").replace("%1", str(result.rows))
                            .replace("%2", str(path)))
    return Path(path)
