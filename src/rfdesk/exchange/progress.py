"""Progress reports and Cancel for long imports and exports (run on a worker thread by the window)."""

from __future__ import annotations

from collections.abc import Callable

from rfdesk.services.errors import RfdeskError

# progress(done, total): total is 0 when it is not known in advance.
Progress = Callable[[int, int], None]
# cancel() -> True when the clerk pressed Cancel.
CancelCheck = Callable[[], bool]


class Cancelled(RfdeskError):
    """The clerk cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("cancel", "已取消，未写入任何数据。", "Cancelled; nothing was written.")


class Ticker:
    """Calls ``progress`` and checks ``cancel`` every ``every`` steps, so that the checks cost nothing."""

    def __init__(self, progress: Progress | None, cancel: CancelCheck | None, total: int = 0,
                 every: int = 250) -> None:
        self.progress = progress
        self.cancel = cancel
        self.total = total
        self.every = every
        self.done = 0

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
