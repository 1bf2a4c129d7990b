"""Dialogs shared by every register: a record's history, the recycle bin, About."""

from __future__ import annotations

from collections.abc import Sequence
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


def list_table(parent: QWidget, headers: list[str], *, name: str = "", stretch: int = 0) -> QTableWidget:
    """A list the clerk reads and picks whole lines from, but does not type into; column ``stretch`` takes
    the width left over."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    return table


def fill_table(table: QTableWidget, lines: Sequence[Sequence[str]], keys: Sequence[Any] | None = None) -> None:
    """Show ``lines`` in ``table``; every cell of a line carries its ``keys`` entry (the record it stands for)."""
    table.setRowCount(len(lines))
    for r, cells in enumerate(lines):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if keys is not None:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            table.setItem(r, c, item)


def close_buttons(dialog: QDialog, *actions: QPushButton) -> QDialogButtonBox:
    """The foot of a list dialog: what can be done to the chosen lines, and Close."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    for button in actions:
        buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    buttons.rejected.connect(dialog.reject)
    return buttons


# Columns the history shows under a name of their own (the services' labels cover the form fields).
HISTORY_LABELS: dict[str, tuple[str, str]] = {
    "donor_kind": ("捐赠人类型", "donor type"), "donor_person_id": ("捐赠人", "donor"),
    "donor_organisation_id": ("捐赠单位", "donating organisation"), "unit_id": ("计入单位", "counted for"),
    "form": ("捐赠形式", "form"), "channel": ("支付方式", "channel"), "recipient": ("接收单位", "recipient"),
    "purpose": ("用途", "purpose"), "handler": ("经办人", "handled by"), "receipt_no": ("收据号", "receipt no."),
    "receipt_printed": ("收据打印次数", "receipt prints"), "voided": ("作废", "voided"),
    "voided_at": ("作废时间", "voided at"), "anonymous_note": ("匿名说明", "note on the anonymous donor"),
    "notes": ("备注", "notes"), "note": ("备注", "note"), "layout": ("版式", "layout"),
    "addressees": ("主送机关", "main recipients"), "body": ("正文", "body"), "cc": ("抄送", "copy to"),
    "issuer_id": ("发文机关", "issued by"), "issuer_mark": ("发文机关标志", "issuer mark"),
    "signatory": ("署名", "signed by"), "with_seal": ("加盖印章", "with seal"), "printed_by": ("印发机关", "printed by"),
    "printed_on": ("印发日期", "printed on"), "number_prefix": ("机关代字", "issuer code"),
    "number": ("发文字号", "document number"), "issued_at": ("印发时间", "issued at"),
    "batch_id": ("表彰批次", "batch"), "honoree_kind": ("表彰对象类别", "honoree type"),
    "deeds": ("主要事迹", "deeds"), "list_order": ("名单排序", "list order"), "document_id": ("公文", "document"),
    "qualifications": ("资格证书", "qualifications"), "code": ("编号", "code"), "address": ("地址", "address"),
    "serial_no": ("出厂编号", "serial number"), "from_place_id": ("调出地点", "from"),
    "to_place_id": ("调入地点", "to"), "to_team_id": ("接收队伍", "to team"), "reference": ("单据号", "reference"),
    "shift": ("班次", "shift"), "duty": ("值班任务", "duty"), "role": ("职责", "role"),
    "joined_on": ("加入日期", "joined on"), "left_on": ("离开日期", "left on"), "place_text": ("其他地点", "place"),
    "description": ("说明", "description"), "formed_on": ("成立日期", "formed on"), "path": ("上级单位", "parent"),
    "is_temporary": ("临时党支部", "temporary"), "founded_on": ("成立日期", "founded on"),
    "dissolved_on": ("撤销日期", "dissolved on"), "sort_order": ("排序", "order"),
}
# Bookkeeping columns that would only clutter the history.
HISTORY_HIDDEN = {"receipt_year", "receipt_seq", "donor_display", "donor_initials", "number_year", "number_seq",
                  "pdf_sha256", "path", "sort_order"}


def _coded_enum(table: str, field: str) -> Any:
    from rfdesk.domain import codes

    by_field = {"donor_kind": codes.DonorKind, "form": codes.DonationForm, "channel": codes.PaymentChannel,
                "honoree_kind": codes.HonoreeKind, "employment_type": codes.EmploymentType,
                "political_status": codes.PoliticalStatus, "gender": codes.Gender, "layout": codes.DocumentFormat,
                "category": codes.ResourceCategory if table == "resource" else None}
    by_table = {("document", "status"): codes.DocumentStatus, ("document", "kind"): codes.DocumentKind,
                ("commendation_batch", "status"): codes.BatchStatus, ("resource", "status"): codes.ResourceStatus,
                ("resource", "kind"): codes.ResourceKind, ("stock_movement", "kind"): codes.MovementKind,
                ("assignment", "status"): codes.AssignmentStatus, ("team", "kind"): codes.TeamKind,
                ("organisation", "kind"): codes.OrgKind, ("place", "kind"): codes.PlaceKind}
    return by_table.get((table, field)) or by_field.get(field)


def _field_label(field: str) -> str:
    from rfdesk.services.validation import FIELD_LABELS, label

    zh, en = FIELD_LABELS[field] if field in FIELD_LABELS else HISTORY_LABELS.get(field) or label(field)
    return zh if i18n.is_chinese() else en


def _show(value: Any, enum: Any = None) -> str:
    if value is None or value == "":
        return "—"
    if value is True:
        return tr("yes")
    if value is False:
        return tr("no")
    if enum is not None and isinstance(value, str):
        return i18n.code_label(enum, value)
    if isinstance(value, str) and len(value) > 19 and value[:4].isdigit() and "T" in value[10:11]:
        return value[:16].replace("T", " ")  # a timestamp, to the minute
    text = str(value).replace("\n", " ")
    return text if len(text) <= 60 else text[:60] + "…"


_REFERENCE_LABELS = ("name", "title", "receipt_no", "number")


def _reference_names(session: Any, table: Any, entries: list[Any]) -> dict[str, dict[Any, str]]:
    """For each changed field that points to another record (donor, unit, campaign…), the names of the
    records its old and new ids point to, read in one query per field: the clerk reads 白辉, not 171."""
    from sqlalchemy import select

    wanted: dict[str, set[Any]] = {}
    for h in entries:
        for k, (old, new) in h.changes.items():
            col = table.c.get(k)
            if col is not None and col.foreign_keys:
                wanted.setdefault(k, set()).update(v for v in (old, new) if isinstance(v, int))
    names: dict[str, dict[Any, str]] = {}
    for k, ids in wanted.items():
        target = next(iter(table.c[k].foreign_keys)).column.table
        label = next((target.c[n] for n in _REFERENCE_LABELS if n in target.c), None)
        if label is None or not ids:
            continue
        rows = session.execute(select(target.c.id, label).where(target.c.id.in_(ids))).all()
        names[k] = {rid: str(text) for rid, text in rows if text is not None}
    return names


def history_lines(session: Any, model: Any, record_id: int) -> list[str]:
    """The audit trail of a record as readable lines: when, who, what, field old → new."""
    from rfdesk.domain.codes import AuditAction
    from rfdesk.services.base import history

    lines = []
    table = model.__tablename__
    entries = list(history(session, model, record_id))
    names = _reference_names(session, model.__table__, entries)

    def shown(field: str, value: Any) -> str:
        if field in names and value in names[field]:
            return names[field][value]
        return _show(value, _coded_enum(table, field))

    for h in entries:
        action = i18n.code_label(AuditAction, h.action)
        changes = "；".join(
            f"{_field_label(k)}: {shown(k, old)} → {shown(k, new)}"
            for k, (old, new) in h.changes.items() if k != "deleted_at" and k not in HISTORY_HIDDEN)
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
        self.table = list_table(self, [tr("Register"), tr("Record"), tr("Deleted at")], name="bin", stretch=1)
        layout.addWidget(self.table)
        self.restore_button = QPushButton(tr("Restore"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        layout.addWidget(close_buttons(self, self.restore_button))
        self.load()

    def load(self) -> None:
        from rfdesk.services.base import model_label, recycle_bin

        with self.db.session() as s:
            entries = recycle_bin(s)
        lang = 0 if i18n.is_chinese() else 1  # model_label names a register (in Chinese, in English)
        fill_table(self.table, [(model_label(e.table_name)[lang], e.label, e.deleted_at.strftime("%Y-%m-%d %H:%M"))
                                for e in entries], [(e.table_name, e.record_id) for e in entries])
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
        self.table = list_table(self, [tr("Change")], name="history")
        fill_table(self.table, [[line] for line in lines])
        layout.addWidget(self.table)
        layout.addWidget(close_buttons(self))


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
