"""``rfdesk pdf receipt`` and ``rfdesk pdf report``: receipts and reports from the command line.

A light module (listed in ``PDF_KINDS`` of ``documents.commands``): the PDF code is imported only when a
command runs.
"""

from __future__ import annotations

import argparse

from rfdesk import cli
from rfdesk.documents.commands import pdf_command, render_and_write

REPORT_KINDS = ("people", "donations", "resources", "commendations")


def _receipt(args: argparse.Namespace) -> int:
    from rfdesk.documents.receipts import render_campaign_receipts, render_receipt

    if (args.donation is None) == (args.campaign is None):
        raise cli.UsageError("pdf receipt: 请指定 --donation ID 或 --campaign ID 之一 (give --donation or --campaign)")
    if args.donation is not None:
        return render_and_write(
            args, lambda s: render_receipt(s, args.donation, reprint=True if args.reprint else None, paper=args.paper),
            f"receipt-{args.donation}.pdf")
    return render_and_write(args, lambda s: render_campaign_receipts(s, args.campaign, paper=args.paper),
                            f"receipts-campaign-{args.campaign}.pdf")


def _report(args: argparse.Namespace) -> int:
    from rfdesk.documents.reports import render_report

    filters: dict[str, object] = {}
    if args.kind == "people":
        filters = {"by": args.by, "on": args.on, "organisation_id": args.organisation}
    elif args.kind == "donations":
        filters = {"campaign_id": args.campaign, "organisation_id": args.organisation, "date_from": args.date_from,
                   "date_to": args.date_to}
    elif args.kind == "commendations":
        filters = {"batch_id": args.batch}
    return render_and_write(args, lambda s: render_report(s, args.kind, **filters), f"report-{args.kind}.pdf")


def add_receipt(pdf_sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    p = pdf_command(pdf_sub, "receipt", "捐赠收据（存根和收据联） donation receipt", _receipt)
    p.add_argument("--donation", type=int, metavar="ID", help="donation id")
    p.add_argument("--campaign", type=int, metavar="ID", help="all receipts of a campaign in one PDF")
    p.add_argument("--reprint", action="store_true", help="mark as 补打 (a later print is marked anyway)")
    p.add_argument("--paper", choices=["a4", "slip"], default="a4",
                   help="a4: both copies on one A4 page; slip: third-of-A4 slips")


def add_report(pdf_sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    p = pdf_command(pdf_sub, "report", "报表（花名册、捐赠台账、资源台账、表彰名单） report", _report)
    p.add_argument("kind", choices=REPORT_KINDS, help="people | donations | resources | commendations")
    p.add_argument("--by", choices=["organisation", "whereabouts"], default="organisation",
                   help="people: by organisation, or by where they are")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="people: whereabouts on this day (default today)")
    p.add_argument("--organisation", type=int, metavar="ID", help="people, donations: this unit and its subunits")
    p.add_argument("--campaign", type=int, metavar="ID", help="donations: one campaign")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="donations: from this day")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="donations: up to this day")
    p.add_argument("--batch", type=int, metavar="ID", help="commendations: one batch (default every batch)")
