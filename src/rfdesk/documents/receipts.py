"""Donation receipts (捐赠收据): the office's own acknowledgement of a cash or in-kind donation.

Each receipt has two copies, the stub (第一联 存根) that stays with the office and the donor copy (第二联
收据联). On A4 both copies share a page, cut apart along a dashed line; on third-of-A4 slips each copy is a
page. A voided receipt prints 作废 across every copy with the reason. Printing counts: the first print is the
original, every later one is marked 补打 with its number.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from rfdesk.documents.amounts import plain_amount
from rfdesk.documents.receipt_form import PAPERS, ReceiptFacts, draw_receipt
from rfdesk.documents.report_text import TextKit
from rfdesk.documents.reports import office_name
from rfdesk.domain import Campaign, Donation
from rfdesk.domain.codes import DonationForm, DonorKind, PaymentChannel
from rfdesk.services import donations as donation_service
from rfdesk.services.base import get, live
from rfdesk.services.errors import ValidationError


def _quantity(q: Decimal) -> str:
    """10,000 / 2.5: thousands separated, no trailing zeros."""
    return f"{q:,.3f}".rstrip("0").rstrip(".")


def receipt_facts(donation: Donation, reprint_no: int, office: str) -> ReceiptFacts:
    """What the receipt of ``donation`` prints; ``reprint_no`` 0 for the original, N for the N-th reprint."""
    if donation.donor_kind == DonorKind.ANONYMOUS:
        donor = donation_service.ANONYMOUS_DISPLAY
    else:
        donor = donation.donor_display or donation.donor_name or ""
    if donation.form == DonationForm.IN_KIND:
        form = DonationForm.IN_KIND.zh  # type: ignore[attr-defined]
        channel = ""
    else:
        form = DonationForm.CASH.zh  # type: ignore[attr-defined]
        channel = PaymentChannel(donation.channel).zh if donation.channel else ""  # type: ignore[attr-defined]
    items = [(i.name, _quantity(i.quantity), i.unit, plain_amount(i.estimated_value)) for i in donation.items]
    return ReceiptFacts(
        receipt_no=donation.receipt_no or "",
        office=office,
        donor=donor,
        donor_note=donation.anonymous_note or "",
        form=form,
        channel=channel,
        amount=donation.amount,
        items=items,
        purpose=donation.purpose or "",
        recipient=donation.recipient or "",
        notes=donation.notes or "",
        donated_on=donation.donated_on,
        handler=donation.handler or "",
        voided=bool(donation.voided),
        void_reason=donation.void_reason or "",
        voided_on=donation.voided_at.date() if donation.voided_at else None,
        reprint_no=reprint_no,
        printed_on=date.today(),
    )


def _canvas(buf: BytesIO, title: str, office: str, kit: TextKit) -> Canvas:
    # The initial font is the body font, so no unembedded standard font is ever named in the PDF.
    c = Canvas(buf, pagesize=A4, pageCompression=1, initialFontName=kit.fonts.name("body"), initialFontSize=12)
    c.setTitle(title)
    c.setAuthor(office or "rfdesk")
    c.setSubject("捐赠收据")
    c.setCreator("rfdesk")
    return c


def _print_count(session: Session, donation: Donation, reprint: bool | None, preview: bool) -> int:
    """Which print this is (0: the original, N: the N-th reprint); counts it unless it is a preview."""
    before = donation.receipt_printed or 0
    if reprint is False and before:
        raise ValidationError("reprint", f"收据 {donation.receipt_no} 已打印过 {before} 次，再次打印须标注“补打”",
                              f"receipt {donation.receipt_no} was printed {before} times; a new print is a reprint")
    if not preview:
        donation_service.mark_receipt_printed(session, donation.id)
    if reprint:
        return max(before, 1)
    return before


def render_receipt(session: Session, donation_id: int, *, reprint: bool | None = None, paper: str = "a4",
                   preview: bool = False) -> bytes:
    """The receipt of one donation as PDF bytes (stub and donor copy), and the print counted.

    The first print is the original; any later one, or one asked for with ``reprint=True``, is marked 补打
    with its number. ``preview`` shows what the next print would be without counting it. A voided donation
    prints 作废 with its reason. Refuses a missing or binned donation (NotFound), ``reprint=False`` for a
    receipt already printed, and an unknown paper.
    """
    if paper not in PAPERS:
        raise ValidationError("paper", f"纸张只能是 A4 或三等分纸（{paper}）", f"paper must be a4 or slip, not {paper}")
    donation = donation_service.get_donation(session, donation_id)
    count = _print_count(session, donation, reprint, preview)
    office = office_name(session)
    facts = receipt_facts(donation, count, office)
    kit = TextKit()
    buf = BytesIO()
    c = _canvas(buf, f"捐赠收据 {facts.receipt_no}", office, kit)
    draw_receipt(c, kit, facts, paper)
    c.save()
    return buf.getvalue()


def render_campaign_receipts(session: Session, campaign_id: int, *, paper: str = "a4",
                             preview: bool = False) -> bytes:
    """Every live, not voided receipt of a campaign in receipt-number order, in one PDF; each print counted
    (one already printed comes out marked 补打). Refuses a missing campaign and a campaign with no receipts."""
    if paper not in PAPERS:
        raise ValidationError("paper", f"纸张只能是 A4 或三等分纸（{paper}）", f"paper must be a4 or slip, not {paper}")
    campaign = get(session, Campaign, campaign_id)
    donations = list(session.scalars(
        select(Donation)
        .where(Donation.campaign_id == campaign.id, live(Donation), Donation.voided.is_(False))
        .order_by(Donation.receipt_year, Donation.receipt_seq, Donation.id)
    ))
    if not donations:
        raise ValidationError("campaign_id", f"募捐活动“{campaign.name}”没有可打印的收据",
                              f"campaign “{campaign.name}” has no receipts to print")
    office = office_name(session)
    kit = TextKit()
    buf = BytesIO()
    c = _canvas(buf, f"捐赠收据 {campaign.name}", office, kit)
    for donation in donations:
        count = _print_count(session, donation, None, preview)
        draw_receipt(c, kit, receipt_facts(donation, count, office), paper)
    c.save()
    return buf.getvalue()
