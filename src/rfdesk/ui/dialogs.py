"""Dialogs shared by every register: a record's history, the recycle bin, About."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rfdesk.ui import i18n


def tr(text: str) -> str:
    return i18n.tr("Dialogs", text)


def _field_label(field: str) -> str:
    from rfdesk.services.validation import label

    zh, en = label(field)
    return zh if i18n.is_chinese() else en


def _show(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if value is True:
        return tr("yes")
    if value is False:
        return tr("no")
    return str(value)


def history_lines(session: Any, model: Any, record_id: int) -> list[str]:
    """The audit trail of a record as readable lines: when, who, what, field old → new."""
    from rfdesk.domain.codes import AuditAction
    from rfdesk.services.base import history

    lines = []
    for h in history(session, model, record_id):
        action = i18n.code_label(AuditAction, h.action)
        changes = "；".join(f"{_field_label(k)}: {_show(old)} → {_show(new)}"
                           for k, (old, new) in h.changes.items() if k != "deleted_at")
        when = h.at.strftime("%Y-%m-%d %H:%M")
        lines.append(f"{when} {h.operator} {action}" + (f"：{changes}" if changes else ""))
    return lines


class RecycleBinDialog(QDialog):
    """What was deleted, newest first; the clerk restores a record with one click."""

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.restored = False
        self.setWindowTitle(tr("Recycle bin"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Deleted records are kept here and can be restored."), self))
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("bin")
        self.table.setHorizontalHeaderLabels([tr("Register"), tr("Record"), tr("Deleted at")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(tr("Restore"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        from rfdesk.services.base import model_label, recycle_bin

        with self.db.session() as s:
            entries = recycle_bin(s)
        self.table.setRowCount(len(entries))
        for r, e in enumerate(entries):
            zh, en = model_label(e.table_name)
            cells = [zh if i18n.is_chinese() else en, e.label, e.deleted_at.strftime("%Y-%m-%d %H:%M")]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (e.table_name, e.record_id))
                self.table.setItem(r, c, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)

    def restore_selected(self) -> None:
        from rfdesk.services.base import restore_from_bin
        from rfdesk.services.errors import RfdeskError
        from rfdesk.ui.errors import show_error

        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if not rows:
            return
        try:
            with self.db.session() as s:
                for r in rows:
                    table_name, record_id = self.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
                    restore_from_bin(s, table_name, record_id)
        except RfdeskError as exc:
            show_error(exc, self)
        self.restored = True
        self.load()


class HistoryDialog(QDialog):
    """Every change of one record, from the audit log."""

    def __init__(self, db: Any, model: Any, record_id: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("History: %1").replace("%1", title))
        self.resize(640, 360)
        layout = QVBoxLayout(self)
        with db.session() as s:
            lines = history_lines(s, model, record_id)
        self.table = QTableWidget(len(lines), 1, self)
        self.table.setHorizontalHeaderLabels([tr("Change")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        for r, line in enumerate(lines):
            self.table.setItem(r, 0, QTableWidgetItem(line))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def about_box(parent: QWidget, db: Any) -> QMessageBox:
    """The About box: version, schema revision and where the database is."""
    from rfdesk import __version__

    where = str(db.path) if db.path is not None else db.url.split("@")[-1]
    box = QMessageBox(parent)
    box.setObjectName("about")
    box.setWindowTitle(tr("About rfdesk"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setText("<h3>rfdesk</h3><p>" + tr("Registers, official documents and backups for civil air defence offices.")
                + "</p><table>"
                + f"<tr><td>{tr('Version')}：</td><td>{__version__}</td></tr>"
                + f"<tr><td>{tr('Schema revision')}：</td><td>{db.revision}</td></tr>"
                + f"<tr><td>{tr('Database')}：</td><td>{where}</td></tr></table>")
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def about(parent: QWidget, db: Any) -> None:
    about_box(parent, db).exec()
