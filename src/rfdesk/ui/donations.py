"""Donation register tab: the paged table of donations, totals, batch entry, voiding, receipts."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog, QPushButton, QWidget
from sqlalchemy import BigInteger, case, func, type_coerce
from sqlalchemy.orm import aliased

from rfdesk.domain import Campaign, Donation, Organisation
from rfdesk.domain.codes import DonationForm, DonorKind, PaymentChannel
from rfdesk.services.search import Search
from rfdesk.ui import i18n
from rfdesk.ui.queries import live, org_subtree
from rfdesk.ui.register_tab import RegisterTab
from rfdesk.ui.table import Column, Filter, RegisterQuery, format_fen


def tr(text: str) -> str:
    return i18n.tr("Donations", text)


_unit = aliased(Organisation, name="unit_org")


class DonationQuery(RegisterQuery):
    model = Donation
    default_sort = ("donated_on", True)
    total_title = "Amount"

    def __init__(self) -> None:
        code = i18n.code_label
        self.columns = [
            Column("receipt_no", "Receipt no.", Donation.receipt_no, sort=func.coalesce(Donation.receipt_no, ""),
                   width=120),
            Column("donated_on", "Date", Donation.donated_on, width=100),
            Column("donor", "Donor", Donation.donor_display, sort=Donation.donor_initials, width=170),
            Column("donor_kind", "Donor type", Donation.donor_kind, fmt=lambda v: code(DonorKind, v), width=80),
            Column("unit", "Counted for", _unit.name, sort=func.coalesce(_unit.name_pinyin, ""), width=200),
            Column("form", "Form", Donation.form, fmt=lambda v: code(DonationForm, v), width=90),
            # The stored fen, formatted only when painted: a million Decimals cost more than the query.
            Column("amount", "Amount (¥)", type_coerce(Donation.amount, BigInteger), fmt=format_fen, right=True,
                   width=110),
            Column("channel", "Channel", Donation.channel, sort=func.coalesce(Donation.channel, ""),
                   fmt=lambda v: code(PaymentChannel, v), width=90),
            Column("campaign", "Campaign", Campaign.name, sort=func.coalesce(Campaign.name_pinyin, ""), width=160),
            Column("voided", "Voided", Donation.voided, fmt=lambda v: tr("Voided") if v else "", width=70),
            Column("purpose", "Purpose", Donation.purpose, sort=Donation.purpose_pinyin,
                   width=160, visible=False),
            Column("handler", "Handled by", Donation.handler, sort=Donation.handler_pinyin,
                   width=90, visible=False),
        ]

    def select_from(self, stmt: Any) -> Any:
        return (stmt.select_from(Donation)
                .outerjoin(_unit, Donation.unit_id == _unit.id)
                .outerjoin(Campaign, Donation.campaign_id == Campaign.id))

    def conditions(self, session: Any, flt: Filter) -> list[Any]:
        conds = [live(session, Donation)]
        search = Search.of(flt.search)
        if search.letters:
            conds.append(search.prefix(Donation.donor_initials, lower=True))
        elif search.ascii:          # a receipt number, whole or its beginning: 2020-0001
            conds.append(search.prefix(Donation.receipt_no))
        elif search:
            conds.append(search.contains(Donation.donor_display))
        conds.append(org_subtree(Donation.unit_id, session, flt.organisation_id))
        if flt.status == "valid":
            conds.append(Donation.voided.is_(False))
        elif flt.status == "voided":
            conds.append(Donation.voided.is_(True))
        if flt.category:
            conds.append(Donation.form == flt.category)
        if flt.date_from:
            conds.append(Donation.donated_on >= flt.date_from)
        if flt.date_to:
            conds.append(Donation.donated_on <= flt.date_to)
        if flt.extra.get("donor_kind"):
            conds.append(Donation.donor_kind == flt.extra["donor_kind"])
        if flt.extra.get("campaign_id"):
            conds.append(Donation.campaign_id == flt.extra["campaign_id"])
        return conds

    def total_expr(self) -> Any:
        # Voided receipts stay in the list but never count towards the total.
        return func.sum(case((Donation.voided.is_(False), Donation.amount), else_=None))


class DonationsTab(RegisterTab):
    key = "donations"
    title = "Donations"
    date_filter = True
    new_text = "New donation"
    search_hint = "Search: donor, pinyin initials or receipt number"
    report_kind = "donations"
    extra_filters = ("donor_kind", "campaign_id")

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        self.status_choices = [("valid", tr("Valid")), ("voided", tr("Voided"))]
        self.category_choices = [(m.value, i18n.coded(m)) for m in DonationForm]
        super().__init__(db, parent)

    def make_query(self) -> RegisterQuery:
        return DonationQuery()

    def extra_buttons(self) -> list[QWidget]:
        batch = QPushButton(tr("Batch entry"), self)
        batch.setObjectName("batch_entry")
        batch.clicked.connect(self.batch_entry)
        void = QPushButton(tr("Void…"), self)
        void.setObjectName("void")
        void.clicked.connect(self.void_current)
        receipt = QPushButton(tr("Print receipt"), self)
        receipt.clicked.connect(self.print_receipt)
        campaign = QPushButton(tr("New campaign…"), self)
        campaign.clicked.connect(self.new_campaign)
        return [batch, void, receipt, campaign]

    def new_campaign(self) -> None:
        from rfdesk.ui.donation_forms import CampaignDialog, remember_entry

        dlg = CampaignDialog(self.db, self)
        if dlg.exec():
            remember_entry(dlg.record_id, None)  # the next donation is most likely for it

    def summary_text(self) -> str:
        return super().summary_text()

    def new_record(self) -> None:
        from rfdesk.ui.donation_forms import DonationDialog

        dlg = DonationDialog(self.db, self)
        if dlg.exec():
            self.refresh()
            self.select_id(dlg.record_id)

    def edit_record(self, record_id: int) -> None:
        from rfdesk.ui.donation_forms import DonationDialog

        dlg = DonationDialog(self.db, self, record_id=record_id)
        if dlg.exec():
            self.refresh()

    def batch_entry(self) -> None:
        from rfdesk.ui.donation_forms import BatchEntryDialog

        dlg = BatchEntryDialog(self.db, self)
        if dlg.exec():
            self.refresh()

    def void_current(self) -> None:
        from rfdesk.services.errors import RfdeskError
        from rfdesk.ui.errors import show_error

        rid = self.current_id()
        if rid is None:
            return
        reason, ok = QInputDialog.getText(self, tr("Void receipt"), tr("Reason for voiding (required):"))
        if not ok:
            return
        try:
            from rfdesk.services import donations as service

            with self.db.session() as s:
                service.void_donation(s, rid, reason)
        except RfdeskError as exc:
            show_error(exc, self)
            return
        self.refresh()

    def delete_record(self, record_id: int) -> None:
        from rfdesk.services import donations as service

        with self.db.session() as s:
            service.delete_donation(s, record_id)

    def report_filters(self) -> dict[str, Any]:
        flt = self.current_filter()
        return {"search": flt.search, "organisation_id": flt.organisation_id, "form": flt.category,
                "date_from": flt.date_from, "date_to": flt.date_to, **flt.extra}

    def print_receipt(self) -> None:
        from rfdesk.ui.printing import print_receipt

        rid = self.current_id()
        if rid is not None:
            print_receipt(self, self.db, rid)
