"""One window measurement in a fresh interpreter (run by gui.py, offscreen); prints one JSON line.

    python gui_probe.py startup-bare | startup-ours DB | table DB | search DB | memory-bare | memory-ours DB

Start-up prints "shown" the moment the first window has been exposed and painted; the parent times it
from the spawn of the process, so the interpreter's own start is in both figures alike.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


def high_water_mb() -> float:
    """Peak resident memory of this process (VmHWM), in MB."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


class FirstExpose(QObject):
    """Calls ``then`` once, right after the first top-level window has been exposed (and so painted)."""

    def __init__(self, then: object) -> None:
        super().__init__()
        self.then = then
        self.fired = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if (not self.fired and event.type() == QEvent.Type.Expose and isinstance(obj, QWindow)
                and obj.isExposed()):
            self.fired = True
            QTimer.singleShot(0, self.then)  # after the expose has been handled: the paint is done
        return False


class Painted(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.done = False
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.done = True
        return False


def until(app: QApplication, check: object, timeout: float = 600) -> None:
    end = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        app.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("the window did not answer in time")
        time.sleep(0.0005)


def wait_for_count(app: QApplication, model: object) -> None:
    """The model counts a large filter on a worker thread after showing its first page; wait for it."""
    until(app, lambda: not getattr(model, "counting", False))
    app.processEvents()


def emit(**values: object) -> None:
    sys.stdout.write(json.dumps(values) + "\n")
    sys.stdout.flush()


class StartUpWatch(QObject):
    """Prints "first" when any window is first exposed, then "main" once the window shows the registers (rfdesk:
    the tab in front painted after the database is open; the bare window: its first exposure), and ends the
    process there."""

    def __init__(self) -> None:
        super().__init__()
        self.first = False
        self.main = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if self.main:
            return False
        kind = event.type()
        if kind == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
            if not self.first:
                self.first = True
                emit(window="first")
            if any(isinstance(w, QMainWindow) and w.windowHandle() is obj and not hasattr(w, "attach")
                   for w in QApplication.topLevelWidgets()):
                self.finish()  # the bare window has no registers to wait for
        elif kind == QEvent.Type.Paint and self.first and isinstance(obj, QWidget):
            top = obj.window()
            page = getattr(top.tabs.currentWidget(), "page", None) if getattr(top, "db", None) else None
            if page is not None and (obj is page or page.isAncestorOf(obj)):
                self.finish()
        return False

    def finish(self) -> None:
        self.main = True
        QTimer.singleShot(0, self.done)  # after this event has been handled: the paint is done

    def done(self) -> None:
        emit(window="main", hwm=high_water_mb())
        os._exit(0)


def startup(db: str | None) -> None:
    app = QApplication(sys.argv[:1])
    watch = StartUpWatch()  # held here: Qt does not keep the Python object alive
    app.installEventFilter(watch)
    if db is None:
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        app.exec()
        return
    from rfdesk.app import run_gui

    run_gui(db)


def open_window(db_file: str) -> tuple[QApplication, object]:
    # The benchmark's data folder is new, so it holds no backup of today: the daily automatic backup of the
    # whole large file would run beside the measurements (and add its own buffers to the peak memory).
    os.environ["RFDESK_AUTO_BACKUP"] = "off"
    from rfdesk.app import make_application
    from rfdesk.db import open_database
    from rfdesk.ui import i18n
    from rfdesk.ui.main_window import MainWindow

    app = make_application()
    i18n.install(i18n.DEFAULT_LANG)
    window = MainWindow(open_database(db_file))
    window.show()
    exposed = [False]
    watch = FirstExpose(lambda: exposed.__setitem__(0, True))
    app.installEventFilter(watch)
    until(app, lambda: exposed[0])
    app.removeEventFilter(watch)
    # The overview reads its figures on a worker thread; let it finish so that it does not share the time.
    overview = window.tab("overview")
    job = getattr(overview, "job", None)
    until(app, lambda: job is None or job.finished)
    app.processEvents()
    return app, window


FIRST_PAGE_SQL = (
    "SELECT d.id, d.receipt_no, d.donated_on, d.donor_display, d.donor_kind, o.name, d.form, d.amount, d.channel, "
    "c.name, d.voided, d.purpose, d.handler, d.donated_on FROM donation d "
    "LEFT JOIN organisation o ON o.id = d.unit_id LEFT JOIN campaign c ON c.id = d.campaign_id "
    "WHERE +d.deleted_at IS NULL {after} ORDER BY d.donated_on DESC, d.id DESC LIMIT {limit}")


def table(db_file: str) -> None:
    app, window = open_window(db_file)
    t0 = time.perf_counter()
    tab = window.show_tab("donations")  # type: ignore[attr-defined]
    painted = Painted(tab.table.viewport())
    until(app, lambda: painted.done)
    first_open = time.perf_counter() - t0
    model = tab.model
    wait_for_count(app, model)

    # The same first page again (F5): the data path alone, the tab already built.
    refresh = []
    for _ in range(5):
        wait_for_count(app, model)
        painted.done = False
        t0 = time.perf_counter()
        model.refresh()
        until(app, lambda: painted.done)
        refresh.append(time.perf_counter() - t0)

    # The data path alone: the model's reset and its first page, nothing painted.
    model_only = []
    for _ in range(5):
        wait_for_count(app, model)
        t0 = time.perf_counter()
        model.refresh()
        assert model.row_values(0) is not None
        model_only.append(time.perf_counter() - t0)

    conn = sqlite3.connect(db_file)
    base_first = []
    for _ in range(5):
        t0 = time.perf_counter()
        assert conn.execute(FIRST_PAGE_SQL.format(after="", limit=100)).fetchall()
        base_first.append(time.perf_counter() - t0)

    # Top to bottom, a page at a time, as scrolling asks for them.
    model.refresh()
    wait_for_count(app, model)
    count, size = model.rowCount(), model.page_size
    t0 = time.perf_counter()
    for start in range(0, count, size):
        assert model.row_values(start) is not None
    scroll = time.perf_counter() - t0

    t0 = time.perf_counter()
    rows = conn.execute(FIRST_PAGE_SQL.format(after="", limit=size)).fetchall()
    seen = len(rows)
    while len(rows) == size:
        last = rows[-1]
        rows = conn.execute(FIRST_PAGE_SQL.format(after="AND (d.donated_on, d.id) < (?, ?)", limit=size),
                            (last[-1], last[0])).fetchall()
        seen += len(rows)
    base_scroll = time.perf_counter() - t0
    assert seen == count, (seen, count)
    floor_open, floor_shown = toolkit_floor(app, tab, conn)
    emit(first_open=first_open, refresh=statistics.median(refresh), model_first=statistics.median(model_only),
         base_first=statistics.median(base_first),
         scroll=scroll, base_scroll=base_scroll, rows=count, pages=-(-count // size),
         floor_open=floor_open, floor_shown=floor_shown)


# What the people tab shows of each person found, written by hand: the same columns (the organisation's name,
# and where the person is today: the status of the latest assignment covering the day, 在岗 without one),
# for the people whose pinyin initials start with the text, in pinyin order, the first hundred.
MATCHING_SQL = (
    "SELECT p.id, p.name, p.gender, o.name, p.post, p.employment_type, p.political_status, "
    "coalesce((SELECT a.status FROM assignment a WHERE a.person_id = p.id AND +a.deleted_at IS NULL "
    "AND a.start_date <= :day AND (a.end_date IS NULL OR a.end_date >= :day) "
    "ORDER BY a.start_date DESC, a.id DESC LIMIT 1), 'in_post'), p.phone, p.rank, p.id_number "
    "FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id "
    "WHERE +p.deleted_at IS NULL AND p.name_initials >= :lo AND p.name_initials < :hi "
    "ORDER BY p.name_pinyin, p.id LIMIT 100")


def search(db_file: str) -> None:
    """The people tab's search as the clerk types it: the text one letter short has been searched for, the last
    letter is typed into the box (untimed), and the tab's filter is applied, as its timer does a moment after
    the last key, until the first row is in hand. Against the indexed SELECT of what the tab shows of the
    people found (MATCHING_SQL) with sqlite3, and beside it the bare SELECT of the person rows alone. Each of
    the three reads the text one letter short first, untimed, as the tab did (a connection's next query is
    quicker after the same query than after another), and they are timed in turns."""
    from collections.abc import Callable
    from datetime import date

    from common import timed

    app, window = open_window(db_file)
    tab = window.show_tab("people").register  # type: ignore[attr-defined]
    model = tab.model
    wait_for_count(app, model)
    conn = sqlite3.connect(db_file)
    initials = conn.execute("SELECT name_initials FROM person WHERE id = 1").fetchone()[0]
    assert len(initials) >= 2, initials
    cols = ", ".join(r[1] for r in conn.execute("PRAGMA table_info(person)"))
    # "+deleted_at": the recycle-bin index must not serve a test almost every row passes.
    bare = (f"SELECT {cols} FROM person WHERE +deleted_at IS NULL AND name_initials >= :lo AND name_initials < :hi "
            "ORDER BY name_pinyin, id LIMIT 100")

    def values(text: str) -> dict[str, str]:
        return {"lo": text, "hi": text[:-1] + chr(ord(text[-1]) + 1), "day": date.today().isoformat()}

    def typed() -> None:
        tab.search.setText(initials[:-1])
        tab.apply_filter()
        wait_for_count(app, model)
        tab.search.setText(initials)

    def ours() -> None:
        tab.apply_filter()
        assert model.row_values(0) is not None

    def sql_case(sql: str) -> tuple[Callable[[], None], Callable[[], None]]:
        def before() -> None:   # the same query history as the tab's: the text one letter short first
            conn.execute(sql, values(initials[:-1])).fetchall()

        def run() -> None:
            assert conn.execute(sql, values(initials)).fetchall()
        return before, run

    typed()
    ours()
    shown = [model.row_values(r) for r in range(model.rowCount())]
    matching = conn.execute(MATCHING_SQL, values(initials)).fetchall()
    assert [tuple(r) for r in matching] == shown, "the baseline reads what the tab shows, row for row"
    rounds = (sql_case(MATCHING_SQL), sql_case(bare), (typed, ours))
    for before, fn in rounds:   # warm-up, untimed
        before()
        fn()
    o: list[float] = []
    b: list[float] = []
    q: list[float] = []
    for _ in range(9):
        for (before, fn), out in zip(rounds, (b, q, o), strict=True):
            before()
            out.append(timed(fn))
    wait_for_count(app, model)
    emit(initials=initials, search=o, matching=b, bare=q, found=model.rowCount())


def toolkit_floor(app: QApplication, tab: QWidget, conn: sqlite3.Connection) -> tuple[float, float]:
    """What Qt alone takes to show the same first page: (first opening, F5), medians of five.

    A bare QTableView over a QStandardItemModel (C++ items: no Python is called while it paints), the
    same size as the register's table, with the same columns, widths and texts, in a page of the same
    window beside the register. First opening: the sqlite3 SELECT, the model filled with the 100 rows,
    the view made and painted. F5: the SELECT, the view reset and painted (the items already there).
    """
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStackedWidget, QTableView

    ours = tab.table  # type: ignore[attr-defined]
    model = ours.model()
    columns = model.columnCount()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(columns)]
    texts = [[model.index(r, c).data() or "" for c in range(columns)] for r in range(100)]
    stack = tab.parentWidget()
    while stack is not None and not isinstance(stack, QStackedWidget):
        stack = stack.parentWidget()
    assert isinstance(stack, QStackedWidget)
    holder = QStackedWidget()
    stack.addWidget(holder)
    stack.setCurrentWidget(holder)
    app.processEvents()

    def bare_view() -> tuple[QTableView, Painted]:
        rows = conn.execute(FIRST_PAGE_SQL.format(after="", limit=100)).fetchall()
        items = QStandardItemModel(len(rows), columns)
        items.setHorizontalHeaderLabels(headers)
        for r, line in enumerate(texts[:len(rows)]):
            for c, text in enumerate(line):
                items.setItem(r, c, QStandardItem(text))
        view = QTableView()
        view.setModel(items)
        view.setFixedSize(ours.size())
        view.verticalHeader().setDefaultSectionSize(ours.verticalHeader().defaultSectionSize())
        view.verticalHeader().setVisible(False)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        for c in range(columns):
            view.setColumnWidth(c, ours.columnWidth(c))
            view.setColumnHidden(c, ours.isColumnHidden(c))
        painted = Painted(view.viewport())
        holder.addWidget(view)
        holder.setCurrentWidget(view)
        return view, painted

    opened = []
    for _ in range(5):
        t0 = time.perf_counter()
        view, fresh = bare_view()
        until(app, lambda fresh=fresh: fresh.done)  # type: ignore[misc]
        opened.append(time.perf_counter() - t0)
        holder.removeWidget(view)
        view.deleteLater()
        app.processEvents()
    view, painted = bare_view()
    until(app, lambda: painted.done)
    shown = []
    for _ in range(5):
        painted.done = False
        t0 = time.perf_counter()
        assert conn.execute(FIRST_PAGE_SQL.format(after="", limit=100)).fetchall()
        view.reset()
        until(app, lambda: painted.done)
        shown.append(time.perf_counter() - t0)
    stack.setCurrentWidget(tab.parentWidget() if tab.parentWidget() is not stack else tab)
    return statistics.median(opened), statistics.median(shown)


def memory(db_file: str | None) -> None:
    if db_file is None:
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        until(app, lambda: window.windowHandle() is not None and window.windowHandle().isExposed())
        app.processEvents()
        emit(hwm=high_water_mb())
        return
    app, window = open_window(db_file)
    tab = window.show_tab("donations")  # type: ignore[attr-defined]
    app.processEvents()
    view, model = tab.table, tab.model
    wait_for_count(app, model)
    count = model.rowCount()
    for row in range(0, count, model.page_size):
        view.scrollTo(model.index(row, 0))
        app.processEvents()
    view.scrollToBottom()
    app.processEvents()
    emit(hwm=high_water_mb(), rows=count, pages_fetched=model.pages_fetched)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1]
    db = sys.argv[2] if len(sys.argv) > 2 else None
    {"startup-bare": lambda: startup(None), "startup-ours": lambda: startup(db), "table": lambda: table(db),
     "search": lambda: search(db), "memory-bare": lambda: memory(None), "memory-ours": lambda: memory(db)}[mode]()
    os._exit(0)  # the figures are out: no waiting for a worker thread's last count at interpreter exit


if __name__ == "__main__":
    main()
