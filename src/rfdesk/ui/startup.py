"""Starting the window: showing it at once, and opening the database behind it.

Opening the registers (the database layer, the models, the overview's figures) takes a second or more, and
several on an old office PC; without a window in the meantime a clerk double-clicks again. So the main
window is shown first, painted before anything slow happens, and the database is opened behind it.
"""

from __future__ import annotations

import os
import time
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from rfdesk.ui import i18n


def show_now(app: QApplication, window: QWidget) -> None:
    """Show ``window`` and paint it now (the event loop only starts once the registers are open)."""
    window.show()
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline:
        app.processEvents()
        handle = window.windowHandle()
        if handle is not None and handle.isExposed():
            break
    window.repaint()


QUIT_WHEN_SHOWN = "RFDESK_QUIT_WHEN_SHOWN"


def note_first_window() -> None:
    """With ``RFDESK_QUIT_WHEN_SHOWN`` set, print ``first <epoch seconds>``: the window is on screen (its
    registers still opening)."""
    if os.environ.get(QUIT_WHEN_SHOWN):
        print(f"first {time.time():.6f}", flush=True)


def quit_when_shown(window: Any) -> None:
    """With ``RFDESK_QUIT_WHEN_SHOWN`` set, print ``shown <epoch seconds>`` once ``window`` is on screen with
    its registers open and the tab in front painted, then close it as the clerk would (it saves its
    settings) and quit.

    Used to measure how long the program takes from being started to showing its window.
    """
    if not os.environ.get(QUIT_WHEN_SHOWN):
        return
    from PySide6.QtCore import QEvent, QObject, QTimer

    class PaintWatch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not self.property("seen"):
                self.setProperty("seen", True)
                QTimer.singleShot(0, done)  # once this paint is finished
            return False

    def done() -> None:
        print(f"shown {time.time():.6f}", flush=True)
        window.close()
        QApplication.quit()

    page = window.current_page()
    watch = PaintWatch(window)
    page.installEventFilter(watch)
    page.update()


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


def open_for_window(target: str, window: QWidget | None = None) -> Any:
    """The opened database for ``window``; a long opening (see ``opening_takes_long``) runs on a worker
    thread behind a progress dialog over the window, so the window keeps painting. Raises what
    ``open_database`` raises (RfdeskError for a database it refuses)."""
    from rfdesk.db import open_database
    from rfdesk.ui.workers import run_with_progress

    if not opening_takes_long(target):
        return open_database(target)

    def work(progress: Any) -> Any:
        progress.report(0, 0, tr("Upgrading the database to this version: a safety copy is made first…"))
        return open_database(target)

    # Not cancellable: stopping halfway through an upgrade would leave nothing gained.
    return run_with_progress(window, tr("Opening the database"), work, cancellable=False, show_errors=False)
