"""Long work (import, export, backup, big PDFs, opening a big database) off the GUI thread.

``run_with_progress`` starts the work on a worker thread, shows a progress dialog with Cancel, and keeps the
event loop running until the work ends, so the window repaints and stays responsive. The work function gets a
:class:`Progress` to report through and to learn that the clerk pressed Cancel; it opens its own session
(database sessions are never shared between threads).
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from rfdesk.ui import i18n

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """The clerk pressed Cancel; the work stops at its next check and writes nothing more."""


class _Bridge(QObject):
    progressed = Signal(int, int, str)
    done = Signal()


class Progress:
    """Given to the work function: ``report`` how far it is, ``check`` (or ``cancelled``) for Cancel."""

    def __init__(self, bridge: _Bridge) -> None:
        self._bridge = bridge
        self._cancel = threading.Event()
        self._last = 0.0

    def _emit(self, done: int, total: int, text: str) -> None:
        # At most ~20 updates a second reach the dialog: a tight loop must not flood the event queue.
        now = time.monotonic()
        if text or now - self._last >= 0.05 or (total and done >= total):
            self._last = now
            self._bridge.progressed.emit(int(done), int(total), text)

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        self._emit(done, total, text)
        self.check()

    def __call__(self, done: int, total: int = 0) -> None:
        """The ``progress(done, total)`` callback of the exchange layer: reports, never raises."""
        self._emit(done, total, "")

    def is_cancelled(self) -> bool:
        """The ``cancel()`` callback of the exchange layer."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Thread(QThread):
    def __init__(self, target: Callable[[], None]) -> None:
        super().__init__()
        self._target = target

    def run(self) -> None:
        self._target()


class Job:
    """One piece of work on its worker thread; ``wait`` runs the event loop until it ends."""

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        self.bridge = _Bridge()
        self.progress = Progress(self.bridge)
        self.result: Any = None
        self.error: BaseException | None = None
        self._finished = False
        self._fn = fn
        self._thread = _Thread(self._run)
        self._ending = threading.Lock()

    @property
    def finished(self) -> bool:
        """True once the work has ended and its answer has been sent to the GUI thread (one turn of the event
        loop hands it over); whoever has received the answer sees True."""
        with self._ending:
            return self._finished

    def _run(self) -> None:
        try:
            self.result = self._fn(self.progress)
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self.error = exc
        finally:
            # The answer is on its way to the GUI thread before the job says it has finished: whoever sees
            # ``finished`` and then lets the event loop turn once has had the answer handled.
            with self._ending:
                self.bridge.done.emit()
                self._finished = True

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
        loop = QEventLoop()
        with self._ending:   # either the end is signalled after this connection, or it is already seen here
            self.bridge.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
            finished = self._finished
        if not finished:
            loop.exec()
        self._thread.wait()


def run_with_progress(parent: QWidget | None, title: str, fn: Callable[[Progress], Any], *,
                      cancellable: bool = True, show_errors: bool = True) -> Any:
    """Run ``fn(progress)`` on a worker thread behind a progress dialog; its result, or None if cancelled.

    A refusal (RfdeskError) or an unexpected failure is shown to the clerk (unless ``show_errors`` is
    False, when it is raised again here).
    """
    job = Job(fn)
    dialog = QProgressDialog(title, i18n.tr("Workers", "Cancel") if cancellable else "", 0, 0, parent)
    dialog.setObjectName("progress")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)

    def on_progress(done: int, total: int, text: str) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if text:
            dialog.setLabelText(text)

    job.bridge.progressed.connect(on_progress)
    dialog.canceled.connect(job.progress.cancel)
    job.start()
    job.wait()
    dialog.close()
    dialog.deleteLater()
    if isinstance(job.error, Cancelled) or (job.error is not None and job.progress.cancelled):
        return None  # the clerk asked for it: the work stopped and wrote nothing
    if job.error is not None:
        if not show_errors:
            raise job.error
        from rfdesk.services.errors import RfdeskError
        from rfdesk.ui.errors import show_error

        if not isinstance(job.error, RfdeskError):
            log.error("background work failed: %s", title, exc_info=job.error)
        show_error(job.error, parent)
        return None
    return job.result


_running: set[Job] = set()


def run_in_background(fn: Callable[[Progress], Any], on_done: Callable[[Job], None]) -> Job:
    """Start ``fn`` on a worker thread without a dialog; ``on_done(job)`` runs on the GUI thread after."""
    job = Job(fn)
    _running.add(job)

    def finished() -> None:
        _running.discard(job)
        job._thread.wait()
        on_done(job)

    job.bridge.done.connect(finished, Qt.ConnectionType.QueuedConnection)
    job.start()
    return job


def wait_for_background(timeout_ms: int = 30_000) -> None:
    """Let background reads finish before the application ends (a thread must not outlive its QThread), and
    before the file is restored or let go of (no read may hold it open)."""
    for job in list(_running):
        job._thread.wait(timeout_ms)
    if _reads is not None:
        _reads.wait_idle(timeout_ms / 1000)
    for holder in list(_holders):
        holder.let_go()


_holders: weakref.WeakSet[Any] = weakref.WeakSet()


def holds_the_file(holder: Any) -> None:
    """``holder`` keeps a connection to the database open between reads; ``wait_for_background`` makes it
    ``let_go()`` (close it) whenever the file must be free."""
    _holders.add(holder)


class _Arrival(QObject):
    """Hands the answers of :class:`BackgroundReads` to the GUI thread (made there, kept for good)."""

    arrived = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _deliver(self, answer: tuple[Callable[[Any, BaseException | None], None], Any, BaseException | None]) -> None:
        done, result, error = answer
        done(result, error)


class BackgroundReads:
    """One long-lived worker thread for short reads off the GUI thread, such as a register's count and total.

    Starting a thread, with its Qt objects, for every F5 cost the GUI thread more than reading the first page
    did; this thread is started once and only handed each read. A read not yet begun is replaced by a newer one
    of the same owner, whose answer supersedes it anyway. ``done(result, error)`` runs on the GUI thread.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._waiting: dict[int, tuple[Callable[[], Any], Callable[[Any, BaseException | None], None]]] = {}
        self._busy = False
        self._thread: threading.Thread | None = None
        self._arrival: _Arrival | None = None

    def submit(self, owner: object, read: Callable[[], Any],
               done: Callable[[Any, BaseException | None], None]) -> None:
        """Run ``read()`` on the worker thread, then ``done(result, error)`` on the GUI thread (call from it)."""
        if self._arrival is None:
            self._arrival = _Arrival()
        with self._cond:
            self._waiting.pop(id(owner), None)
            self._waiting[id(owner)] = (read, done)
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="background-reads", daemon=True)
                self._thread.start()
            self._cond.notify()

    def _serve(self) -> None:
        arrival = self._arrival
        assert arrival is not None
        while True:
            with self._cond:
                while not self._waiting:
                    self._cond.wait()
                read, done = self._waiting.pop(next(iter(self._waiting)))
                self._busy = True
            result: Any = None
            error: BaseException | None = None
            try:
                result = read()
            except BaseException as exc:  # handed to the GUI thread, which decides what to show
                error = exc
            arrival.arrived.emit((done, result, error))
            del read, done, result, error
            with self._cond:
                self._busy = False
                self._cond.notify_all()

    def idle(self) -> bool:
        with self._cond:
            return not self._waiting and not self._busy

    def wait_idle(self, timeout: float) -> bool:
        """Block until no read is waiting or running (their answers may still be on their way)."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._waiting and not self._busy, timeout)


_reads: BackgroundReads | None = None


def background_reads() -> BackgroundReads:
    """The application's worker thread for short background reads (started on first use)."""
    global _reads
    if _reads is None:
        _reads = BackgroundReads()
    return _reads
