"""Subcommands of this layer (see rfdesk.cli): ``screenshots`` (and the window's self-test)."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    """Add this layer's subcommands."""
    from rfdesk.cli import db_argument

    p = sub.add_parser("screenshots", help="save a PNG of each tab and main dialog of the window")
    db_argument(p)
    p.add_argument("--out", metavar="DIR", required=True, help="folder for the PNG files")
    p.add_argument("--lang", dest="shot_lang", choices=["zh_CN", "en"], default=None, help="interface language")
    p.add_argument("--size", default="1400x900", help="window size, e.g. 1400x900")
    p.set_defaults(handler=screenshots_command)
    __import__("rfdesk.selftest", fromlist=["register"]).register(sub)


def screenshots_command(args: argparse.Namespace) -> int:
    from rfdesk.cli import resolve_db

    if not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen needed to draw the window
    width, _x, height = args.size.partition("x")
    lang = args.shot_lang or getattr(args, "lang", None) or "zh_CN"
    files = save_screenshots(resolve_db(args), Path(args.out), lang=lang, size=(int(width), int(height)))
    for f in files:
        print(f)
    return 0


def _settle(app: Any, seconds: float = 0.05) -> None:
    """Let pending paints and layout passes run before a picture is taken."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def save_screenshots(db_target: str, out: Path, *, lang: str = "zh_CN", size: tuple[int, int] = (1400, 900)) -> list[Path]:
    """Open the window on ``db_target`` and save each tab and each main dialog as PNG in ``out``."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from rfdesk.app import make_application
    from rfdesk.db import open_database
    from rfdesk.services.errors import RfdeskError
    from rfdesk.ui import i18n
    from rfdesk.ui.main_window import TAB_KEYS, MainWindow

    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    # The pictures show the window as first opened, not as someone last left it.
    settings = tempfile.mkdtemp(prefix="rfdesk-screenshots-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
    QCoreApplication.setOrganizationName("rfdesk-screenshots")
    i18n.install(lang)
    db = open_database(db_target)
    window = MainWindow(db)
    window.resize(*size)
    window.show()
    overview = window.tab("overview")
    deadline = time.monotonic() + 60
    while overview.figures is None and time.monotonic() < deadline:
        _settle(app)
    saved: list[Path] = []

    def shot(widget: Any, name: str) -> None:
        _settle(app)
        path = out / f"{len(saved) + 1:02d}-{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    for key in TAB_KEYS:
        page = window.show_tab(key)
        shot(window, f"tab-{key}")
        if key == "people":
            for i, sub in enumerate(("teams", "whereabouts", "rota")[:page.inner.count() - 1], start=1):
                page.inner.setCurrentIndex(i)
                shot(window, f"tab-people-{sub}")
            page.inner.setCurrentIndex(0)
    for name, make in _dialogs(window):
        try:
            dialog = make()
        except (RfdeskError, LookupError) as exc:  # a register without the record the dialog needs
            print(f"skipped {name}: {exc}", file=sys.stderr)
            continue
        if dialog is None:
            continue
        dialog.show()
        shot(dialog, f"dialog-{name}")
        dialog.close()
        dialog.deleteLater()
    window.close()
    from rfdesk.ui.workers import wait_for_background

    wait_for_background()
    db.close()
    shutil.rmtree(settings, ignore_errors=True)
    return saved


def _first_id(db: Any, model: Any, *conds: Any) -> int:
    from sqlalchemy import select

    with db.session() as s:
        found = s.scalar(select(model.id).where(model.deleted_at.is_(None), *conds).order_by(model.id).limit(1))
    if found is None:
        raise LookupError(model.__tablename__)
    return int(found)


def _dialogs(window: Any) -> list[tuple[str, Any]]:
    from rfdesk.domain import CommendationBatch, Document, Donation, Organisation, Person, Resource, Team
    from rfdesk.ui.commendation_forms import CommendationBatchDialog
    from rfdesk.ui.dialogs import HistoryDialog, RecycleBinDialog, about_box
    from rfdesk.ui.document_editor import DocumentEditorDialog
    from rfdesk.ui.donation_forms import BatchEntryDialog, CampaignDialog, DonationDialog
    from rfdesk.ui.drives import BackupTargetDialog, backup_drives
    from rfdesk.ui.organisations import OrganisationDialog, OrganisationsDialog
    from rfdesk.ui.people_forms import AssignmentDialog, PersonDialog, TeamDialog
    from rfdesk.ui.resource_forms import ResourceDialog, StockMovementDialog
    from rfdesk.ui.resources import AllocationsDialog
    from rfdesk.ui.teams import MembersDialog

    db, w = window.db, window
    return [
        ("person", lambda: PersonDialog(db, w, record_id=_first_id(db, Person))),
        ("team", lambda: TeamDialog(db, w)),
        ("team-members", lambda: MembersDialog(db, _first_id(db, Team), w)),
        ("whereabouts", lambda: AssignmentDialog(db, w, person_id=_first_id(db, Person))),
        ("donation", lambda: DonationDialog(db, w, record_id=_first_id(db, Donation))),
        ("donation-batch", lambda: BatchEntryDialog(db, w)),
        ("campaign", lambda: CampaignDialog(db, w)),
        ("resource", lambda: ResourceDialog(db, w, record_id=_first_id(db, Resource))),
        ("stock-movement", lambda: StockMovementDialog(
            db, w, resource_id=_first_id(db, Resource, Resource.category == "supply"))),
        ("allocations", lambda: AllocationsDialog(db, w)),
        ("commendation-batch", lambda: CommendationBatchDialog(db, w, batch_id=_first_id(db, CommendationBatch))),
        ("document", lambda: DocumentEditorDialog(db, w, record_id=_first_id(db, Document))),
        ("history", lambda: HistoryDialog(db, Person, _first_id(db, Person), "", w)),
        ("recycle-bin", lambda: RecycleBinDialog(db, w)),
        ("organisations", lambda: OrganisationsDialog(db, w)),
        ("organisation", lambda: OrganisationDialog(db, w, record_id=_first_id(db, Organisation))),
        ("backup", lambda: BackupTargetDialog(backup_drives(), db.path.stat().st_size if db.path else 0, w)),
        ("about", lambda: about_box(w, db)),
    ]
