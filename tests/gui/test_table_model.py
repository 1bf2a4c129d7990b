"""The paged table model: pages read by scrolling are exactly the pages read by jumping, for every sort."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROWS = 3_000


@pytest.fixture
def register(tmp_path: Path, bulk_donations: Any) -> Any:
    from rfdesk.db import open_database

    path = tmp_path / "donations.sqlite"
    open_database(path).close()
    bulk_donations[0](path, ROWS, orgs=4)
    db = open_database(path)
    yield db
    db.close()


def shown_model(db: Any, qtbot: Any) -> tuple[Any, Any]:
    """A donations table model and the view on screen it is shown in, which tells it when it has painted."""
    from PySide6.QtWidgets import QTableView

    from rfdesk.ui.donations import DonationQuery
    from rfdesk.ui.table import PagedTableModel

    model = PagedTableModel(db, DonationQuery())
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.shown_in = view.viewport()
    view.show()
    qtbot.waitExposed(view)
    return model, view


@pytest.mark.parametrize("sort_key", ["donated_on", "donor", "amount", "receipt_no", "unit"])
@pytest.mark.parametrize("descending", [False, True])
def test_scrolling_and_jumping_read_the_same_rows(register: Any, qtbot: Any, sort_key: str, descending: bool) -> None:
    from PySide6.QtCore import Qt

    from rfdesk.ui.donations import DonationQuery
    from rfdesk.ui.table import PAGE_SIZE, Filter, PagedTableModel

    def model() -> PagedTableModel:
        m = PagedTableModel(register, DonationQuery())
        m.set_filter(Filter())
        m.wait_for_count()
        column = [c.key for c in m.query.columns].index(sort_key)
        m.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        m.wait_for_count()
        return m

    scrolled = model()
    ids = [scrolled.record_id(r) for r in range(ROWS)]          # page after page, each after the last
    assert len(set(ids)) == ROWS, "no row twice, none missing"
    assert scrolled.pages_fetched == -(-ROWS // PAGE_SIZE) + 1  # + the first page read on refresh

    jumped = model()
    for page in (7, 2, 12, 14):                                  # straight to a page (OFFSET, either end)
        start = page * PAGE_SIZE
        assert [jumped.record_id(r) for r in range(start, min(start + PAGE_SIZE, ROWS))] == \
            ids[start:start + PAGE_SIZE]


def test_f5_keeps_the_rows_and_count_on_screen_and_corrects_them_when_the_count_arrives(register: Any,
                                                                                        qtbot: Any) -> None:
    from rfdesk.services.donations import delete_donation
    from rfdesk.ui.donations import DonationQuery
    from rfdesk.ui.table import PAGE_SIZE, Filter, PagedTableModel

    model = PagedTableModel(register, DonationQuery())
    model.set_filter(Filter())
    model.wait_for_count()
    assert model.rowCount() == ROWS and model.summary_known
    near_the_end = [model.record_id(r) for r in range(ROWS - 5, ROWS)]
    total = model.total
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    # A colleague moves five donations to the recycle bin: the first one shown and four near the end.
    gone = [model.record_id(0), *near_the_end[:4]]
    with register.session() as s:
        for rid in gone:
            delete_donation(s, rid)
    model.refresh()  # F5
    assert resets == [], "the table is read again in place, not emptied"
    assert model.rowCount() == ROWS and model.summary_known and model.total == total, \
        "the former count and total stay on screen while the new ones are read"
    assert model.record_id(0) not in gone, "the first page is read at once"
    model.wait_for_count()
    assert model.rowCount() == ROWS - 5 and model.total < total

    fresh = PagedTableModel(register, DonationQuery())
    fresh.set_filter(Filter())
    fresh.wait_for_count()
    assert [model.record_id(r) for r in range(ROWS - 5 - 2 * PAGE_SIZE, ROWS - 5)] == \
        [fresh.record_id(r) for r in range(ROWS - 5 - 2 * PAGE_SIZE, ROWS - 5)]
    assert not set(gone) & {model.record_id(r) for r in range(ROWS - 5)}

    # A new filter is a new list: the table starts again from its first page.
    model.set_filter(Filter(search="zzz"))
    assert resets == [True] and model.rowCount() == 0 and model.summary_known


def test_the_count_of_a_large_register_starts_only_once_its_first_page_is_painted(register: Any,
                                                                                   qtbot: Any) -> None:
    import time

    from PySide6.QtCore import QEvent, QObject

    from rfdesk.ui.table import Filter
    from sql_trace import statements_sent

    model, _view = shown_model(register, qtbot)

    class Paints(QObject):
        at: list[float] = []

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.at.append(time.monotonic())
            return False

    paints = Paints()
    model.shown_in.installEventFilter(paints)
    with statements_sent(register, timed=True) as sent:
        asked = time.monotonic()
        model.set_filter(Filter())
        assert model.counting, "a full first page: the rest is counted on a worker thread"
        qtbot.waitUntil(lambda: not model.counting, timeout=10_000)
    counted = [t for t, sql in sent if "count(" in sql]
    assert model.rowCount() == ROWS
    assert paints.at and counted
    # The count began after the first page was painted (or, had no paint come, a moment after it was asked).
    assert counted[0] >= paints.at[0] or counted[0] - asked >= 0.05


def test_a_count_read_for_a_former_filter_never_replaces_the_count_of_the_newer_one(register: Any,
                                                                                    qtbot: Any) -> None:
    import threading

    from rfdesk.ui.donations import DonationQuery
    from rfdesk.ui.table import Filter, PagedTableModel
    from rfdesk.ui.workers import background_reads

    model = PagedTableModel(register, DonationQuery())
    counts: list[int] = []
    model.summaryChanged.connect(lambda: counts.append(model.count) if model.summary_known else None)

    model.set_filter(Filter())                      # the whole register: counted on the worker thread
    assert model.counting
    assert background_reads().wait_idle(10), "the count of the whole register has been read"
    # Its answer waits in the event queue; meanwhile the clerk picks the first unit (a quarter of the rows).
    model.set_filter(Filter(organisation_id=1))
    assert model.counting
    qtbot.waitUntil(lambda: not model.counting, timeout=10_000)
    assert model.rowCount() == ROWS // 4 and counts == [ROWS // 4], \
        "the count of the whole register arrived after the unit was picked and was let go of"

    # F5 again and again hands each count to the same worker thread; every one arrives.
    threads = {t.ident for t in threading.enumerate()}
    for _ in range(5):
        model.refresh()
        qtbot.waitUntil(lambda: not model.counting, timeout=10_000)
    assert {t.ident for t in threading.enumerate()} == threads, "no thread is started for an F5"
    assert model.rowCount() == ROWS // 4 and model.summary_known and len(counts) == 6


def test_the_register_lets_go_of_the_file_when_asked(register: Any, qtbot: Any) -> None:
    import os

    from rfdesk.ui.donations import DonationQuery
    from rfdesk.ui.table import Filter, PagedTableModel
    from rfdesk.ui.workers import wait_for_background

    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("open files are listed by /proc")

    def open_on_file() -> int:
        path = os.path.realpath(register.path)
        found = 0
        for fd in os.listdir("/proc/self/fd"):
            try:
                found += os.path.realpath(f"/proc/self/fd/{fd}") == path
            except OSError:
                pass
        return found

    register.engine.dispose()
    model = PagedTableModel(register, DonationQuery())
    model.set_filter(Filter())
    model.wait_for_count()
    assert model.record_id(ROWS - 1) is not None
    register.engine.dispose()            # what a restore does first: the pool's idle connections close
    assert open_on_file() > 0, "the register reads its pages on a connection of its own"
    wait_for_background()                # before a restore or another database: every reader lets go
    assert open_on_file() == 0
    assert model.record_id(ROWS - 1) is not None, "the next read opens the file again"


def test_rows_read_before_a_new_search_are_let_go_of_after_the_new_rows_are_painted(register: Any,
                                                                                    qtbot: Any) -> None:
    import weakref

    from rfdesk.ui.table import PAGE_SIZE, Filter

    class Page(list):  # type: ignore[type-arg]  # a page that can be watched being freed
        pass

    model, _view = shown_model(register, qtbot)
    model.set_filter(Filter())
    model.wait_for_count()
    for row in range(0, ROWS, PAGE_SIZE):          # scrolled through: every page read and kept
        assert model.record_id(row) is not None
    model._pages[5] = Page(model._pages[5])
    watched = weakref.ref(model._pages[5])

    model.set_filter(Filter(search="zzzz"))         # a search that finds nobody: no count follows
    assert model.rowCount() == 0 and model.summary_known
    assert watched() is not None, "the rows read before are freed after the new rows are shown, not before"
    qtbot.waitUntil(lambda: watched() is None, timeout=5_000)

    model.set_filter(Filter())                      # and with a count on a worker thread
    model.wait_for_count()
    model._pages[0] = Page(model._pages[0])
    watched = weakref.ref(model._pages[0])
    model.set_filter(Filter(search="a"))
    qtbot.waitUntil(lambda: watched() is None and not model.counting, timeout=10_000)
