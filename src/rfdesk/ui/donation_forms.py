"""Donation forms: one donation (cash or in kind) and fast batch entry from a unit's collection sheet."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from rfdesk.domain.codes import DonationForm, DonorKind, PaymentChannel
from rfdesk.ui import i18n
from rfdesk.ui.form import PersonPicker, RecordForm, fill_choices, fill_coded, optional_date
from rfdesk.ui.forms.campaign_form import Ui_CampaignForm
from rfdesk.ui.forms.donation_batch import Ui_DonationBatchForm
from rfdesk.ui.forms.donation_form import Ui_DonationForm
from rfdesk.ui.queries import organisation_choices


def tr(text: str) -> str:
    return i18n.tr("Donations", text)


# The donor fields the form shows, and sends to the register, for each kind of donor.
DONOR_FIELDS = ("donor_person_id", "donor_organisation_id", "donor_name", "anonymous_note")
DONOR_FIELDS_OF_KIND = {
    DonorKind.PERSON.value: {"donor_person_id"},
    DonorKind.ORGANISATION.value: {"donor_organisation_id"},
    DonorKind.ENTERPRISE.value: {"donor_organisation_id", "donor_name"},
    DonorKind.ANONYMOUS.value: {"donor_person_id", "anonymous_note"},
    DonorKind.OTHER.value: {"donor_name"},
}


def campaign_choices(db: Any) -> list[tuple[int, str]]:
    from rfdesk.services.donations import list_campaigns

    with db.session() as s:
        return [(c.id, c.name) for c in list_campaigns(s)]


def remember_entry(campaign_id: Any, donated_on: Any) -> None:
    """The last campaign and date, offered again in the next form (clerks enter a sheet at a time)."""
    st = QSettings()
    st.setValue("donations/last_campaign", campaign_id if campaign_id is not None else "")
    if donated_on is not None:
        st.setValue("donations/last_date", donated_on.isoformat())


def last_entry() -> tuple[Any, QDate]:
    st = QSettings()
    campaign = st.value("donations/last_campaign", "")
    when = QDate.fromString(str(st.value("donations/last_date", "")), "yyyy-MM-dd")
    return (int(campaign) if str(campaign).isdigit() else None), (when if when.isValid() else QDate.currentDate())


class CampaignDialog(RecordForm):
    """A fund-raising campaign (抗击新冠肺炎疫情捐款) that donations are recorded under."""

    ui_class = Ui_CampaignForm
    fields = ("name", "started_on", "ended_on", "notes")

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.ui.started_on.setDate(QDate.currentDate())
        optional_date(self.ui.ended_on)
        self.setWindowTitle(tr("New campaign"))

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services.donations import create_campaign

        return create_campaign(session, data)


class DonationDialog(RecordForm):
    ui_class = Ui_DonationForm
    fields = ("donor_kind", "donor_person_id", "donor_organisation_id", "donor_name", "anonymous_note", "form",
              "amount", "channel", "donated_on", "campaign_id", "purpose", "handler", "notes")

    def __init__(self, db: Any, parent: QWidget | None = None, *, record_id: int | None = None) -> None:
        super().__init__(db, parent, record_id=record_id)
        u = self.ui
        fill_coded(u.donor_kind, DonorKind)
        fill_coded(u.form, DonationForm)
        fill_coded(u.channel, PaymentChannel)
        fill_choices(u.donor_organisation_id, organisation_choices(db), blank=True)
        fill_choices(u.campaign_id, campaign_choices(db), blank=True)
        self.pickers["donor_person_id"] = PersonPicker(u.donor_person_id, db)
        u.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        u.add_item.clicked.connect(lambda: u.items.insertRow(u.items.rowCount()))
        u.remove_item.clicked.connect(lambda: u.items.removeRow(max(u.items.currentRow(), 0))
                                      if u.items.rowCount() else None)
        u.donor_kind.currentIndexChanged.connect(lambda _i: self._donor_fields())
        u.form.currentIndexChanged.connect(lambda _i: self._form_fields())
        campaign, when = last_entry()
        self.set_value("campaign_id", campaign)
        u.donated_on.setDate(when)
        u.donated_on.setMaximumDate(QDate.currentDate())
        self.setWindowTitle(tr("New donation") if record_id is None else tr("Edit donation"))
        if record_id is not None:
            from rfdesk.services.donations import get_donation

            with db.session() as s:
                d = get_donation(s, record_id)
                self.load(d)
                if d.donor_person is not None:
                    self.pickers["donor_person_id"].set(d.donor_person_id, d.donor_person.name)
                for item in d.items:
                    r = u.items.rowCount()
                    u.items.insertRow(r)
                    for c, val in enumerate((item.name, item.quantity, item.unit, item.estimated_value)):
                        u.items.setItem(r, c, QTableWidgetItem(str(val)))
                self.setWindowTitle(tr("Donation, receipt %1").replace("%1", d.receipt_no or ""))
        self._donor_fields()
        self._form_fields()

    def _donor_fields(self) -> None:
        shown = DONOR_FIELDS_OF_KIND.get(self.ui.donor_kind.currentData(), set())
        for name in DONOR_FIELDS:
            self._show_row(name, name in shown)

    def _form_fields(self) -> None:
        cash = self.ui.form.currentData() == DonationForm.CASH.value
        self._show_row("amount", cash)
        self._show_row("channel", cash)
        self.ui.items_box.setVisible(not cash)

    def _show_row(self, name: str, visible: bool) -> None:
        self.ui.fields.setRowVisible(self.widget(name), visible)

    def data(self) -> dict[str, Any]:
        data = super().data()
        # Only the fields of the chosen donor kind and form go to the service (hidden ones may hold old text).
        keep = DONOR_FIELDS_OF_KIND.get(data["donor_kind"], set())
        for name in DONOR_FIELDS:
            if name not in keep:
                data[name] = None
        if data["form"] == DonationForm.IN_KIND.value:
            data["amount"] = None
            data["channel"] = None
            data["items"] = self._items()
        return data

    def _items(self) -> list[dict[str, Any]]:
        t = self.ui.items
        rows = []
        for r in range(t.rowCount()):
            cells = [(t.item(r, c).text().strip() if t.item(r, c) else "") for c in range(4)]
            if any(cells):
                rows.append(dict(zip(("name", "quantity", "unit", "estimated_value"), cells, strict=True)))
        return rows

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services import donations

        remember_entry(data.get("campaign_id") if isinstance(data.get("campaign_id"), int) else None,
                       data.get("donated_on"))
        if self.record_id is None:
            return donations.create_donation(session, data)
        return donations.update_donation(session, self.record_id, data, expected_version=self.version)


class DonorCellDelegate(QStyledItemDelegate):
    """The donor cell of the batch grid completes people by name or pinyin initials, like the forms do."""

    def __init__(self, db: Any, parent: QWidget) -> None:
        super().__init__(parent)
        self.db = db

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.picker = PersonPicker(editor, self.db)  # type: ignore[attr-defined]
        return editor

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:  # noqa: N802
        picker: PersonPicker = editor.picker  # type: ignore[attr-defined]
        text = editor.text().strip()  # type: ignore[attr-defined]
        model.setData(index, text.split("（")[0])
        model.setData(index, picker.person_id, Qt.ItemDataRole.UserRole)


class BatchEntryDialog(RecordForm):
    """A unit's collection sheet: declare how many receipts and what total, type the rows, save when they match."""

    ui_class = Ui_DonationBatchForm
    fields = ("declared_count", "declared_total", "campaign_id", "donated_on", "channel")

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        u = self.ui
        fill_choices(u.campaign_id, campaign_choices(db), blank=True)
        fill_coded(u.channel, PaymentChannel)
        campaign, when = last_entry()
        self.set_value("campaign_id", campaign)
        u.donated_on.setDate(when)
        u.donated_on.setMaximumDate(QDate.currentDate())
        t: QTableWidget = u.rows
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        t.setColumnWidth(1, 120)
        t.setColumnWidth(2, 180)
        t.setItemDelegateForColumn(0, DonorCellDelegate(db, t))
        u.add_row.clicked.connect(self.add_row)
        u.remove_row.clicked.connect(lambda: (t.removeRow(t.currentRow()) if t.currentRow() >= 0 else None,
                                              self.update_totals()))
        t.itemChanged.connect(lambda _i: self.update_totals())
        u.declared_count.valueChanged.connect(lambda _v: self._grow_to_declared())
        u.declared_total.textChanged.connect(lambda _t: self.update_totals())
        self.setWindowTitle(tr("Batch entry of donations"))
        self.update_totals()

    def _grow_to_declared(self) -> None:
        t = self.ui.rows
        while t.rowCount() < self.ui.declared_count.value():
            self.add_row()
        self.update_totals()

    def add_row(self) -> None:
        t = self.ui.rows
        t.insertRow(t.rowCount())
        t.setCurrentCell(t.rowCount() - 1, 0)

    def _row_values(self) -> list[tuple[Any, str, str]]:
        """(donor, amount, purpose) of each filled row; the donor is the picked person's id when there is one."""
        t = self.ui.rows
        out = []
        for r in range(t.rowCount()):
            cells = [(t.item(r, c).text().strip() if t.item(r, c) else "") for c in range(3)]
            if any(cells):
                picked = t.item(r, 0).data(Qt.ItemDataRole.UserRole) if t.item(r, 0) else None
                out.append((picked or cells[0], cells[1], cells[2]))
        return out

    def update_totals(self) -> None:
        rows = self._row_values()
        total = Decimal("0")
        for _donor, amount, _purpose in rows:
            try:
                total += Decimal(amount.replace(",", "").replace("，", "").replace("¥", "") or "0")
            except InvalidOperation:
                pass
        declared_n = self.ui.declared_count.value()
        try:
            declared_total = Decimal(self.ui.declared_total.text().replace(",", "") or "0")
        except InvalidOperation:
            declared_total = None
        match = len(rows) == declared_n and declared_total == total and declared_n > 0
        self.ui.entered.setText(tr("Entered: %1 receipts, ¥%2").replace("%1", str(len(rows)))
                                .replace("%2", f"{total:,.2f}"))
        self.ui.entered.setStyleSheet("color: #2e7d32;" if match else "color: #b26a00;")

    def _person_id(self, name: Any) -> Any:
        from rfdesk.ui.queries import people_matching

        if isinstance(name, int):
            return name

        matches = people_matching(self.db, name, limit=5)
        exact = [pid for pid, label in matches if label.split("（")[0] == name]
        if len(exact) == 1:
            return exact[0]
        if len(matches) == 1:
            return matches[0][0]
        return name  # refused by the service, naming the row

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services.donations import create_donation_batch

        common = {"campaign_id": data["campaign_id"], "donated_on": data["donated_on"], "channel": data["channel"],
                  "donor_kind": DonorKind.PERSON.value, "form": DonationForm.CASH.value}
        rows = [{**common, "donor_person_id": self._person_id(donor), "amount": amount, "purpose": purpose or None}
                for donor, amount, purpose in self._row_values()]
        remember_entry(data["campaign_id"] if isinstance(data["campaign_id"], int) else None, data["donated_on"])
        made = create_donation_batch(session, data["declared_count"], data["declared_total"], rows)
        self.created = [d.id for d in made]
        return None

    def field_widget(self, field: str) -> Any:
        if field.startswith("rows["):
            row = int(field[5:field.index("]")])
            self.ui.rows.setCurrentCell(row, 1 if field.endswith("amount") else 0)
            return self.ui.rows
        return super().field_widget(field)
