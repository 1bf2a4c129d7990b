"""Automatic backups from the window: once a day while it is open, and each time it closes.

Both run on a worker thread. The daily one is silent apart from a line in the status bar. The one on
closing shows a small progress dialog only if it takes a moment, and the clerk can close without waiting;
whatever happens, the window closes. A backup that failed or was skipped on closing is logged and named in
the status bar the next time the window opens. A server database is backed up by its administrator, so
nothing is done for one. Older automatic backups are thinned out by the office's retention policy
(``exchange.retention``).
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressDialog

from rfdesk.ui import i18n

log = logging.getLogger(__name__)

# "off" turns automatic backups off for a run (the test suite does, except in the tests of this module).
SWITCH = "RFDESK_AUTO_BACKUP"
# A window left open overnight makes the next day's backup within the hour.
DAILY_CHECK_MS = 3_600_000
# The day's first check waits a little: the window's first seconds are the clerk's, not the backup's.
FIRST_CHECK_MS = 20_000
# After "close without waiting" the backup stops at its next check; it is waited for at most this long.
GIVE_UP_MS = 5_000
NOTICE_MS = 30_000
PROBLEM_KEY = "backup/exit_problem"

# One automatic backup at a time in this process (a window rebuilt for another language starts its own check).
_one_at_a_time = threading.Lock()
_abandoned: list[Any] = []  # backups still stopping after the clerk closed without waiting


def tr(text: str) -> str:
    return i18n.tr("AutoBackup", text)


def enabled(db: Any) -> bool:
    """Whether ``db`` gets automatic backups: a database file, unless switched off for this run."""
    if os.environ.get(SWITCH, "").strip().lower() in ("0", "off", "no", "false"):
        return False
    return bool(getattr(db, "is_sqlite", False)) and getattr(db, "path", None) is not None


def _backup(db: Any, reason: str, progress: Any = None) -> Path | None:
    from rfdesk.exchange.retention import auto_backup

    with _one_at_a_time:
        if progress is None:
            return auto_backup(db, reason)
        return auto_backup(db, reason, progress=progress, cancel=progress.is_cancelled)


class AutoBackups(QObject):
    """Attached to the main window: the daily backup, the backup on closing and the status-bar notice."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("auto_backups")
        self.window = window
        self.daily_job: Any = None
        self.last_daily: Path | None = None
        self.exit_result: Path | None = None
        self._closing = False
        self.window_closed = False
        self.notice = QLabel(window)
        self.notice.setObjectName("backup_notice")
        self.notice.setVisible(False)
        window.statusBar().addPermanentWidget(self.notice)
        self._clear_notice = QTimer(self)
        self._clear_notice.setSingleShot(True)
        self._clear_notice.timeout.connect(lambda: self.notice.setVisible(False))
        self._tell_last_exit_problem()
        self.active = enabled(window.db)
        if not self.active:
            return
        window.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(DAILY_CHECK_MS)
        self.timer.timeout.connect(self.daily)
        self.timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self.daily)

    # ---- the status bar -------------------------------------------------------------------------------

    def show_notice(self, text: str, *, problem: bool = False, tip: str = "") -> None:
        self.notice.setText(text)
        self.notice.setToolTip(tip)
        self.notice.setStyleSheet("color: #b71c1c;" if problem else "color: #2e7d32;")
        self.notice.setVisible(True)
        if problem:
            self._clear_notice.stop()  # a problem stays until the window closes
        else:
            self._clear_notice.start(NOTICE_MS)

    def _tell_last_exit_problem(self) -> None:
        st = QSettings()
        problem = st.value(PROBLEM_KEY)
        if not problem:
            return
        st.remove(PROBLEM_KEY)
        from rfdesk.config import log_dir

        self.show_notice(tr("The automatic backup when rfdesk last closed was not made: %1").replace("%1", str(problem)),
                         problem=True, tip=tr("Details are in the log folder: %1").replace("%1", str(log_dir())))

    # ---- once a day -----------------------------------------------------------------------------------

    def daily(self) -> None:
        """Back up now if there is no automatic backup of today yet (on a worker thread)."""
        if self._closing or (self.daily_job is not None and not self.daily_job.finished):
            return
        from rfdesk.ui.workers import run_in_background

        db = self.window.db
        self.daily_job = run_in_background(lambda _progress: _backup(db, "daily"), self._daily_done)

    def _daily_done(self, job: Any) -> None:
        if self.window_closed:
            return
        if job.error is not None:
            log.error("daily automatic backup failed", exc_info=job.error)
            from rfdesk.ui.errors import describe

            self.show_notice(tr("Today's automatic backup failed: %1").replace("%1", describe(job.error)),
                             problem=True)
        elif job.result is not None:
            self.last_daily = Path(job.result)
            self.show_notice(tr("Automatic backup made"), tip=str(job.result))

    # ---- on closing -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Close:
            if self._closing:
                return True  # a second click on the close button while the backup runs
            if not getattr(self.window, "_closing_for_replacement", False):
                self._closing = True
                try:
                    self.backup_on_exit()
                except Exception:  # noqa: BLE001 - the window closes whatever happened
                    log.exception("automatic backup on closing failed")
                finally:
                    self._closing = False
                    self.window_closed = True
                self.window.removeEventFilter(self)
        return False

    def backup_on_exit(self) -> None:
        """The backup on closing, behind a small progress dialog the clerk can leave; never keeps the window."""
        from rfdesk.ui.errors import describe
        from rfdesk.ui.workers import Job

        self.timer.stop()
        db = self.window.db
        job = Job(lambda progress: _backup(db, "exit", progress))
        dialog = QProgressDialog(tr("Backing up automatically…"), tr("Close without waiting"), 0, 1000, self.window)
        dialog.setObjectName("auto_backup_progress")
        dialog.setWindowTitle(tr("Automatic backup"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)  # a quick backup shows nothing
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        job.bridge.progressed.connect(lambda done, total, _text: dialog.setValue(min(done, 1000))
                                      if total else None)
        loop = QEventLoop()
        job.bridge.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

        skipped = []

        def skip() -> None:
            skipped.append(True)
            job.progress.cancel()
            QTimer.singleShot(GIVE_UP_MS, loop.quit)

        dialog.canceled.connect(skip)
        job.start()
        if not job.finished:
            loop.exec()
        dialog.canceled.disconnect(skip)  # closing a progress dialog says "canceled"
        dialog.close()
        dialog.deleteLater()
        if not job.finished:
            _abandoned.append(job)  # the thread ends at its next check; it must not be destroyed running
            self._remember_problem(tr("closed without waiting for it"))
            return
        job.wait()
        if job.error is not None and skipped:
            self._remember_problem(tr("closed without waiting for it"))
        elif job.error is not None:
            log.error("automatic backup on closing failed", exc_info=job.error)
            self._remember_problem(describe(job.error))
        else:
            self.exit_result = job.result
            log.info("automatic backup on closing: %s", job.result)

    def _remember_problem(self, text: str) -> None:
        log.warning("automatic backup on closing not made: %s", text)
        st = QSettings()
        st.setValue(PROBLEM_KEY, text)
        st.sync()


def attach(window: Any) -> AutoBackups:
    """Give ``window`` its automatic backups (and the notice of a failed one from last time)."""
    window.auto_backups = AutoBackups(window)
    return window.auto_backups
