"""Work off the GUI thread: its answer reaches the window as soon as the work says it has finished."""

from __future__ import annotations

import time
from typing import Any


def test_a_finished_background_job_has_its_answer_waiting_for_the_window(qtbot: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    from rfdesk.ui.workers import run_in_background

    for _ in range(20):   # the worker thread ends at a slightly different moment each time
        shown: list[int] = []
        job = run_in_background(lambda _progress: 42, lambda done, shown=shown: shown.append(done.result))
        deadline = time.monotonic() + 10
        while not job.finished and time.monotonic() < deadline:
            time.sleep(0.0002)     # the event loop does not turn meanwhile
        assert job.finished
        QCoreApplication.processEvents()
        assert shown == [42], "one turn of the event loop after `finished` hands the answer over"


def test_reads_handed_to_the_worker_thread_answer_in_order_and_only_the_newest_of_an_owner_waits(
        qtbot: Any) -> None:
    import threading

    from rfdesk.ui.workers import background_reads

    reads = background_reads()
    gate = threading.Event()
    answers: list[Any] = []
    owner, other = object(), object()
    reads.submit(other, lambda: gate.wait(10) and "gate", lambda r, e: answers.append(r))
    qtbot.waitUntil(lambda: not reads._waiting, timeout=5_000)       # the worker is busy with it
    reads.submit(owner, lambda: "former", lambda r, e: answers.append(r))
    reads.submit(owner, lambda: "newer", lambda r, e: answers.append(r))
    reads.submit(other, lambda: 1 / 0, lambda r, e: answers.append(type(e).__name__))
    gate.set()
    assert reads.wait_idle(10)
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=5_000)
    assert answers == ["gate", "newer", "ZeroDivisionError"], \
        "a read not yet begun is replaced by its owner's newer one; a failure is handed over, not lost"
