"""The start-up window: on screen as soon as the application exists, while the registers are opened.

Opening the registers (the database layer, the models, the overview's figures) takes a second or more, and
several on an old office PC; without a window in the meantime a clerk double-clicks again. This one shows the
program's name and that it is opening, and closes when the main window appears. It is shown before the
bundled fonts are registered (a tenth of a second), so its Chinese text needs a Chinese font of the PC.
"""

from __future__ import annotations

import os
import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from rfdesk.ui import i18n


def show_start_up_window(app: QApplication) -> QLabel:
    """Show the start-up window and paint it now (the event loop only starts once the main window exists)."""
    label = QLabel()
    label.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    label.setObjectName("start_up_window")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.RichText)
    # Before rfdesk's own fonts are loaded, Chinese shows only if the PC has a Chinese font (any Windows has).
    if i18n.is_chinese() and QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        what, doing = "人防办登记、公文与备份", "正在打开登记簿……"
    else:
        what, doing = "Civil air defence registers, documents and backups", "Opening the registers…"
    label.setText("<p style='font-size:22pt;font-weight:bold;color:#b71c1c'>rfdesk</p>"
                  f"<p style='font-size:12pt'>{what}</p><p style='color:#555'>{doing}</p>")
    label.setStyleSheet("QLabel#start_up_window { background: white; border: 1px solid #b71c1c; padding: 24px; }")
    label.resize(460, 220)
    screen = app.primaryScreen()
    if screen is not None:
        label.move(screen.availableGeometry().center() - label.rect().center())
    label.show()
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline:
        app.processEvents()
        handle = label.windowHandle()
        if handle is not None and handle.isExposed():
            break
    label.repaint()
    if os.environ.get("RFDESK_QUIT_WHEN_SHOWN"):  # start-up measurement, see rfdesk.selftest.quit_when_shown
        print(f"first {time.time():.6f}", flush=True)
    return label


def close_start_up_window(label: Any) -> None:
    label.close()
    label.deleteLater()


def tr(text: str) -> str:
    return i18n.tr("StartUp", text)


def opening_takes_long(target: str) -> bool:
    """Whether opening ``target`` may take long: an older database to be copied for safety and upgraded
    (minutes for a big one on an old PC), or a database server reached over the network. A database that
    is up to date, new or refused opens in a moment, on the spot, so the usual start stays quick."""
    from rfdesk.db.engine import peek_revision, sqlite_path, to_url
    from rfdesk.db.schema import HEAD_REVISION
    from rfdesk.services.errors import RfdeskError

    db_file = sqlite_path(to_url(target))
    if db_file is None:
        return True
    if not db_file.is_file() or db_file.stat().st_size == 0:
        return False
    try:
        revision = peek_revision(db_file)
    except RfdeskError:
        return False  # open_database refuses it at once, with the same message
    return revision is not None and revision != HEAD_REVISION


def open_for_window(target: str, starting: QWidget | None = None) -> Any:
    """The opened database for the window; a long opening (see ``opening_takes_long``) runs on a worker
    thread behind a progress dialog, so the window keeps painting. The start-up window ``starting`` steps
    aside for the progress dialog (a splash screen stays on top and would hide it). Raises what
    ``open_database`` raises (RfdeskError for a database it refuses)."""
    from rfdesk.db import open_database
    from rfdesk.ui.workers import run_with_progress

    if not opening_takes_long(target):
        return open_database(target)
    if starting is not None:
        starting.hide()

    def work(progress: Any) -> Any:
        progress.report(0, 0, tr("Upgrading the database to this version: a safety copy is made first…"))
        return open_database(target)

    # Not cancellable: stopping halfway through an upgrade would leave nothing gained.
    return run_with_progress(None, tr("Opening the database"), work, cancellable=False, show_errors=False)
