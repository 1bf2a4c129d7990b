"""Progress reports and Cancel for long imports and exports (run on a worker thread by the window)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from rfdesk.services.errors import RfdeskError

# progress(done, total): total is 0 when it is not known in advance.
Progress = Callable[[int, int], None]
# cancel() -> True when the clerk pressed Cancel.
CancelCheck = Callable[[], bool]
# stage(zh, en, total): the work moves on to a part of its own (reading and checking, then writing) of
# ``total`` steps (0: not known); the progress(done, total) reports that follow count that part from zero.
Stage = Callable[[str, str, int], None]

CHECKING = ("正在检查…", "Checking…")
WRITING = ("正在写入…", "Writing…")


class Cancelled(RfdeskError):
    """The clerk cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("cancel", "已取消，未写入任何数据。", "Cancelled; nothing was written.")


class Ticker:
    """Calls ``progress`` and checks ``cancel`` every ``every`` steps, so that the checks cost nothing."""

    def __init__(self, progress: Progress | None, cancel: CancelCheck | None, total: int = 0,
                 every: int = 250, stage: Stage | None = None) -> None:
        self.progress = progress
        self.cancel = cancel
        self.total = total
        self.every = every
        self.stage = stage
        self.done = 0

    def begin(self, text: tuple[str, str], total: int) -> None:
        """Start a part of the work of ``total`` steps: ``stage`` is told its text, and progress counts anew."""
        self.done, self.total = 0, total
        if self.stage is not None:
            self.stage(*text, total)
        self.check()

    def step(self, n: int = 1) -> None:
        before = self.done
        self.done += n
        if self.done // self.every != before // self.every:
            self.check()

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        if self.progress is not None:
            self.progress(self.done, max(self.total, self.done) if self.total else 0)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.done, max(self.total, self.done))


class ConsoleProgress:
    """``progress`` and ``stage`` for the command line, on standard error: on a terminal one line rewritten
    in place (正在写入… Writing… 45000/100000 45%); elsewhere (a log file) each stage on a line of its own."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self.text = ""
        self.shown: int | None = None  # the percentage on the line being rewritten
        self.open = False  # a line is being rewritten

    def stage(self, zh: str, en: str, total: int = 0) -> None:
        self.end_line()
        self.text = f"{zh} {en}"
        if not self.live:
            print(self.text, file=self.stream, flush=True)

    def __call__(self, done: int, total: int) -> None:
        if not self.live:
            return
        percent = done * 100 // total if total else None
        if percent is not None and percent == self.shown:
            return
        self.shown, self.open = percent, True
        counted = f"{done}/{total} {percent}%" if total else f"{done}"
        self.stream.write(f"\r{self.text} {counted}")
        self.stream.flush()

    def end_line(self) -> None:
        """Leave the line being rewritten, so that what is printed next starts on a line of its own."""
        if self.open:
            self.stream.write("\n")
            self.stream.flush()
        self.shown, self.open = None, False
