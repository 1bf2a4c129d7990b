"""A table model that holds only the current filter and fetches rows a page at a time as they are shown.

The idea is Anki's browser table: the view asks for a cell, the model finds which page the row is on and,
if that page is not cached, reads just that page in its own short session. Pages are read by keyset
((sort key, id) greater than the last row of the previous page) when the previous page is known, which is
what scrolling does; a jump with the scroll bar falls back to OFFSET for that one page. Only a bounded
number of pages is kept, so memory stays flat whatever the size of the register.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThread,
    QTimer,
    Signal,
)

from rfdesk.services.search import SEARCH_BINDS, Search

PAGE_SIZE = 100
CACHED_PAGES = 80

_reads: Any = None   # the application's worker thread for counts (rfdesk.ui.workers.background_reads)

Index = QModelIndex | QPersistentModelIndex


def format_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return QCoreApplication.translate("Table", "Yes") if value else ""
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def format_fen(value: Any) -> str:
    """Money read as its stored integer fen (no Decimal per row while scrolling), shown as 1,234.50."""
    if value is None:
        return ""
    yuan, fen = divmod(int(value), 100)
    return f"{yuan:,}.{fen:02d}"


def format_quantity(value: Any) -> str:
    if value is None:
        return ""
    q = Decimal(value).normalize()
    return f"{q:,f}"


@dataclass
class Column:
    """One column: what to select, how to sort by it, how to show it."""

    key: str
    title: str                      # English source text, translated in the "Columns" context
    expr: Any                       # the selected SQL expression
    sort: Any = None                # sort expression (not null); None = the column itself; False = unsortable
    fmt: Callable[[Any], str] = format_value
    right: bool = False
    width: int = 120
    visible: bool = True

    def sort_expr(self) -> Any:
        return self.expr if self.sort is None else self.sort

    @property
    def sortable(self) -> bool:
        return self.sort is not False


@dataclass
class Filter:
    """What the clerk has narrowed the register to."""

    search: str = ""
    organisation_id: int | None = None
    status: str | None = None
    category: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class RegisterQuery:
    """Describes one register for the table: its columns, joins, filter clauses and total.

    Subclasses set ``model``, ``columns`` and override ``select_from`` / ``conditions``.
    """

    model: Any
    columns: list[Column]
    default_sort: tuple[str, bool] = ("id", True)   # (column key, descending)
    total_title: str | None = None                   # e.g. "Amount" when the register has a money total

    def select_from(self, stmt: Any) -> Any:
        return stmt.select_from(self.model)

    def conditions(self, session: Any, flt: Filter) -> list[Any]:
        from rfdesk.ui.queries import live

        return [live(session, self.model)]

    def total_expr(self) -> Any | None:
        return None

    def rare_matches(self, flt: Filter) -> bool:
        """True when the filter keeps few rows that no index finds (characters anywhere in a name).

        Walking the sort column's index would then visit every row in order to fill one page; reading the
        table once and sorting the few matches is far quicker.
        """
        q = flt.search.strip()
        return bool(q) and not q.isascii()

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_USER = int(Qt.ItemDataRole.UserRole)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class PagedTableModel(QAbstractTableModel):
    """Rows of a RegisterQuery under a Filter, read in pages of ``page_size`` as the view needs them.

    A page keeps the rows as the database driver returns them; a value is converted (a stored date to a
    date, fen to money) and formatted only when the view asks for that cell, so reading a page costs what
    the query costs, and a page that is scrolled past is never formatted at all.
    """

    summaryChanged = Signal()

    def __init__(self, db: Any, query: RegisterQuery, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.db = db
        self.query = query
        self.page_size = page_size
        self.filter = Filter()
        self.sort_key, self.descending = query.default_sort
        self._count = 0
        self._total: Any = None
        self._pages: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()
        self._bounds: dict[int, tuple[Any, int]] = {}  # page → (sort value, id) of its last row
        self._active = False    # no reads until the tab sets its first filter
        self._generation = 0
        self._filter_version = 0
        self._stmt_cache: tuple[Any, _Statements] | None = None
        self._search_values: dict[str, str] = {}   # bound at each read (see _statements)
        self._filter_shape: tuple[Any, ...] = (Filter(), Search("").shape)   # what the statements depend on
        self._formats = [c.fmt for c in query.columns]
        self._has_total = query.total_expr() is not None   # a filter on one page needs no count, only its total
        self._converters: list[Any] = []  # per selected value: driver value → Python value (None: as is)
        self._aligns = [_RIGHT if c.right else _LEFT for c in query.columns]
        self._shown: tuple[Any, ...] | None = None   # (filter version, sort, descending) of the rows shown
        self.counting = False   # the count of the filter is being read on a worker thread
        self.summary_known = False   # the count and total on screen are those of the filter (or of its last read)
        self._after_paint: _AfterPaint | None = None
        self._retired: Any = None   # the pages before a refresh, until its first page is shown (_retire_pages)
        self._conn: Any = None   # the connection pages are read on, kept between reads (see _rows)
        self._keeps_connection = getattr(db, "is_sqlite", False) and getattr(db, "path", None) is not None
        self.rows_fetched = 0   # rows read from the database since the model was made (for tests and benchmarks)
        self.pages_fetched = 0

    @property
    def shown_in(self) -> Any:
        """The view's viewport, if any: a count waits until it has painted."""
        return None if self._after_paint is None else self._after_paint.widget

    @shown_in.setter
    def shown_in(self, widget: Any) -> None:
        self._after_paint = None if widget is None else _AfterPaint(widget)

    # ---- Qt interface --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._formats)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == _DISPLAY:
            return QCoreApplication.translate("Columns", self.query.columns[section].title)
        if role == _ALIGNMENT:
            return self._aligns[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every cell painted: the common path does as little as it can.
        if role == _DISPLAY:
            raw = self._raw_row(index.row())
            if raw is None:
                return None
            col = index.column()
            value = raw[col + 1]
            if value is not None:
                convert = self._converters[col + 1]
                if convert is not None:
                    value = convert(value)
            return self._formats[col](value)
        if role == _ALIGNMENT:
            return self._aligns[index.column()]
        if role == _USER:
            return self.record_id(index.row())
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        col = self.query.columns[column]
        if not col.sortable:
            return
        self.sort_key = col.key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    # ---- what the tab uses ---------------------------------------------------------------------------

    def set_filter(self, flt: Filter) -> None:
        self.filter = flt
        self._filter_version += 1
        search = Search.of(flt.search)
        self._search_values = search.values()
        self._filter_shape = (replace(flt, search=""), search.shape)
        self._active = True
        self.refresh()

    def refresh(self) -> None:
        """Forget cached pages and read the filter again (F5, after an edit).

        The first page is read at once, so the clerk sees rows immediately. When it is full, the count and
        total of the whole filter are read on a worker thread (over a million rows that takes a moment); the
        rows below the first page appear when the count arrives, and ``summaryChanged`` is emitted.

        Reading the same filter and sort again (F5) keeps the rows, the scroll position and the count on
        screen while they are read anew: the cells shown are repainted from the fresh first page and the
        count and total are corrected when they arrive, instead of the table collapsing to one page and
        growing back.
        """
        if not self._active:
            return
        if self.filter.organisation_id is not None:
            self._stmt_cache = None       # the organisation may have moved in the tree since
        self._generation += 1
        shown = (self._filter_version, self.sort_key, self.descending)
        again = shown == self._shown and self.summary_known and not self.counting
        self._shown = shown
        if again:
            self._read_again()
            return
        self.beginResetModel()
        self._retire_pages()
        self._count = self.page_size      # lets the first page be read
        first = self._fetch(0)
        self._count = len(first)
        self.counting = len(first) >= self.page_size
        self.summary_known = not self.counting
        self._total = None
        if not self.counting and self._has_total:
            self._total = self._summary()[1]   # a handful of rows: as quick as the page itself
        self.endResetModel()
        if self.counting:
            self._count_in_background(self._generation)
        else:
            self._let_go_of_retired_pages()
        self.summaryChanged.emit()

    def _read_again(self) -> None:
        self._retire_pages()
        first = self._fetch(0)
        if len(first) < self.page_size:
            # The whole filter is on the first page: its count is known at once.
            self._set_count(len(first))
            if self._has_total:
                self._total = self._summary()[1]
            self._all_changed()
            self._let_go_of_retired_pages()
            self.summaryChanged.emit()
            return
        self._set_count(max(self._count, len(first)))
        self._all_changed()
        self.counting = True
        self._count_in_background(self._generation)

    def _retire_pages(self) -> None:
        """Put the pages read so far aside. They are let go of once the new first page has been painted (or
        its count has arrived): freeing thousands of rows is work the clerk would otherwise wait for before
        seeing the new rows, after each letter typed in a search box too."""
        self._retired = (self._retired, self._pages)
        self._pages = OrderedDict()
        self._bounds = {}

    def _let_go_of_retired_pages(self) -> None:
        watch = self._after_paint
        if watch is not None and watch.widget.isVisible():
            watch.arm(self._drop_retired)
        else:
            self._retired = None

    def _drop_retired(self) -> None:
        self._retired = None

    def _set_count(self, count: int) -> None:
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()

    def _all_changed(self) -> None:
        if self._count:
            # createIndex, not index: index() asks rowCount and columnCount (two calls back into Python) first.
            self.dataChanged.emit(self.createIndex(0, 0), self.createIndex(self._count - 1, len(self._formats) - 1))

    def _count_in_background(self, generation: int) -> None:
        statements = self._statements()
        # Counting a million rows keeps a core busy: the worker waits until the view has painted the first
        # page (a moment at most), so that the clerk sees it as soon as without a count running beside it.
        painted = threading.Event()
        values = self._search_values

        def read() -> tuple[int, Any] | None:
            painted.wait(0.05)
            if generation != self._generation:
                return None   # a newer filter or F5 came meanwhile: its own count follows
            # Compiled here on a new filter, once the page is on screen, instead of before it is.
            summary = statements.summary
            return _summary_of(summary, summary.rows(**values))

        global _reads
        if _reads is None:
            from rfdesk.ui.workers import background_reads

            _reads = background_reads()
        _reads.submit(self, read, lambda result, error: self._count_arrived(generation, result, error))
        watch = self._after_paint
        if watch is not None and watch.widget.isVisible():
            watch.arm(painted.set)
        else:
            painted.set()

    def _count_arrived(self, generation: int, result: tuple[int, Any] | None, error: BaseException | None) -> None:
        from shiboken6 import isValid

        if not isValid(self) or generation != self._generation:
            return  # the window was closed, or the filter changed and a newer count is on its way
        self._retired = None
        if error is not None:
            from rfdesk.ui.errors import show_error

            self.counting = False
            show_error(error)
            return
        assert result is not None
        count, total = result
        if count != self._count and self.summary_known:
            # Read again with the former count on screen: pages read from the far end may have been
            # placed by it. Keep the first page, read the others anew.
            first = self._pages.get(0)
            self._pages.clear()
            self._bounds = {0: self._bounds[0]} if first is not None and 0 in self._bounds else {}
            if first is not None:
                self._pages[0] = first
            self._set_count(count)
            self._all_changed()
        else:
            self._set_count(count)
        self._total = total
        self.counting = False
        self.summary_known = True
        self.summaryChanged.emit()

    def wait_for_count(self, timeout_ms: int = 60_000) -> None:
        """Block until the count of the filter is known (for the command line and tests)."""
        from PySide6.QtCore import QCoreApplication, QElapsedTimer

        timer = QElapsedTimer()
        timer.start()
        while self.counting and timer.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            QThread.msleep(5)

    @property
    def count(self) -> int:
        return self._count

    @property
    def total(self) -> Any:
        return self._total

    def record_id(self, row: int) -> int | None:
        raw = self._raw_row(row)
        return None if raw is None else int(raw[0])

    def _raw_row(self, row: int) -> tuple[Any, ...] | None:
        if row < 0 or row >= self._count:
            return None
        page_no, pos = divmod(row, self.page_size)
        page = self._pages.get(page_no)
        if page is None:
            page = self._fetch(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page[pos] if pos < len(page) else None

    def row_values(self, row: int) -> tuple[Any, ...] | None:
        """(id, column values…) of a row, reading its page if needed."""
        raw = self._raw_row(row)
        if raw is None:
            return None
        return tuple(v if v is None or f is None else f(v) for f, v in zip(self._converters, raw[:-1], strict=False))

    def row_of(self, record_id: int) -> int | None:
        """The row of a record among the pages already read (to reselect it after a refresh)."""
        for page_no, page in self._pages.items():
            for pos, values in enumerate(page):
                if values[0] == record_id:
                    return page_no * self.page_size + pos
        return None

    def visible_ids(self, rows: Sequence[int]) -> list[int]:
        return [i for i in (self.record_id(r) for r in rows) if i is not None]

    # ---- SQL -----------------------------------------------------------------------------------------

    def _where(self, session: Any) -> list[Any]:
        return [c for c in self.query.conditions(session, self.filter) if c is not None]

    def _summary(self) -> tuple[int, Any]:
        summary = self._statements().summary
        return _summary_of(summary, self._rows(summary))

    def _statements(self) -> _Statements:
        """The filter's page and summary SELECTs for the current sort, compiled once.

        F5 and scrolling ask for the same shapes again and again; compiling them once and binding only the
        last row's key keeps a page's cost close to the query's own. The text of the search is bound at each
        read too, so typing in the search box reads with the statements of the first letter typed, as long
        as the text keeps its shape (see rfdesk.services.search). They are made again when the rest of the
        filter, the sort or the day changes, and on F5 under an organisation (whose place in the tree may
        have moved); a statement of a shape compiled before is not compiled again (PreparedSelect).
        """
        key_of_cache = (self._filter_shape, self.sort_key, self.descending, date.today())
        if self._stmt_cache is not None and self._stmt_cache[0] == key_of_cache:
            return self._stmt_cache[1]
        from sqlalchemy import bindparam, func, select, tuple_

        from rfdesk.services.prepared import PreparedSelect

        q = self.query
        key = q.column(self.sort_key).sort_expr() if self.sort_key != "id" else q.model.id
        ident = q.model.id
        if q.rare_matches(self.filter):
            key = func.coalesce(key, key)   # the same order, but no index walk (see rare_matches)
        with self.db.session() as s:
            where = self._where(s)
        base = q.select_from(select(ident, *[c.expr for c in q.columns], key)).where(*where)
        order = (key.desc(), ident.desc()) if self.descending else (key.asc(), ident.asc())
        reverse = (key.asc(), ident.asc()) if self.descending else (key.desc(), ident.desc())
        edge = tuple_(bindparam("k", type_=key.type), bindparam("i", type_=ident.type))
        after = tuple_(key, ident) < edge if self.descending else tuple_(key, ident) > edge
        size = self.page_size
        at, count = bindparam("at", type_=ident.type), bindparam("n", type_=ident.type)
        totals = [func.count(ident)]
        total_expr = q.total_expr()
        if total_expr is not None:
            totals.append(total_expr)
        engine = self.db.engine
        # Each is compiled when first needed: a search typed and changed again may never scroll or jump.
        built = _Statements({
            "first": lambda: PreparedSelect(engine, base.order_by(*order).limit(size), SEARCH_BINDS),
            "following": lambda: PreparedSelect(engine, base.where(after).order_by(*order).limit(size),
                                                  SEARCH_BINDS | {"k", "i"}),
            "skipping": lambda: PreparedSelect(engine, base.order_by(*order).offset(at).limit(count),
                                                 SEARCH_BINDS | {"at", "n"}),
            "from_end": lambda: PreparedSelect(engine, base.order_by(*reverse).offset(at).limit(count),
                                                 SEARCH_BINDS | {"at", "n"}),
            "summary": lambda: PreparedSelect(engine, q.select_from(select(*totals)).where(*where), SEARCH_BINDS),
        })
        self._stmt_cache = (key_of_cache, built)
        self._converters = built.first.converters
        return built

    def _rows(self, stmt: Any, **late: Any) -> list[tuple[Any, ...]]:
        """The rows of one page, as the driver gives them.

        On an SQLite file the pages are read on a connection of the register's own, kept between reads:
        borrowing one from the pool and giving it back for every page cost the GUI thread about as much as
        the page's query. SQLite holds no lock and no transaction between statements here (the driver runs
        in autocommit), and ``let_go`` closes the connection whenever the file must be free (a restore,
        another database opened, the window closing: rfdesk.ui.workers.wait_for_background). Elsewhere (a
        server) each page is read on a pooled connection, which the pool resets after it.
        """
        conn = self._conn
        if conn is None:
            if not self._keeps_connection:
                return stmt.rows(**self._search_values, **late)
            from rfdesk.ui.workers import holds_the_file

            pooled = self.db.engine.raw_connection()
            pooled.detach()      # the register's own now: closed by let_go, never handed back to the pool
            conn = self._conn = pooled.dbapi_connection
            holds_the_file(self)
        return stmt.rows_on(conn, {**self._search_values, **late})

    def let_go(self) -> None:
        """Close the register's own connection (it is opened again at the next read)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def _fetch(self, page_no: int) -> list[tuple[Any, ...]]:
        """Read one page; its rows are kept as the driver gives them, (id, columns…, sort key)."""
        st = self._statements()
        bound = self._bounds.get(page_no - 1) if page_no > 0 else None
        start = page_no * self.page_size
        if page_no == 0:
            rows = self._rows(st.first)
        elif bound is not None:
            rows = self._rows(st.following, k=bound[0], i=bound[1])
        elif start > self._count // 2:
            # A jump into the second half of the list reads from the far end: OFFSET costs what it skips.
            end = min(start + self.page_size, self._count)
            rows = self._rows(st.from_end, at=self._count - end, n=end - start)
            rows.reverse()
        else:
            rows = self._rows(st.skipping, at=start, n=self.page_size)
        self.rows_fetched += len(rows)
        self.pages_fetched += 1
        if rows:
            last = rows[-1]
            self._bounds[page_no] = (last[-1], last[0])
        self._pages[page_no] = rows
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return rows


_PAINT = QEvent.Type.Paint


class _AfterPaint(QObject):
    """Calls what it is armed with from the event loop once ``widget`` has painted (the paint done, not just
    asked for). Made once per view; it watches the widget's events only while armed."""

    def __init__(self, widget: Any) -> None:
        super().__init__(widget)
        self.widget = widget
        self._then: Callable[[], None] | None = None

    def arm(self, then: Callable[[], None]) -> None:
        former, self._then = self._then, then
        if former is None:
            self.widget.installEventFilter(self)
        else:
            former()   # its read is superseded: let it end at once instead of waiting for a paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == _PAINT and self._then is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._then)
            self._then = None
        return False


@dataclass
class _Statements:
    """The compiled SELECTs of one filter and sort (first, following, skipping, from_end, summary)."""

    makers: dict[str, Callable[[], Any]]

    def __getattr__(self, name: str) -> Any:
        # The worker thread compiles the summary while the GUI thread may ask for it too: at worst it is
        # compiled twice, to the same statement.
        make = self.makers.get(name)
        if make is None:
            raise AttributeError(name)
        made = make()
        setattr(self, name, made)
        return made


def _summary_of(summary: Any, rows: list[tuple[Any, ...]]) -> tuple[int, Any]:
    """(count, total or None) of a filter, from the rows its compiled summary SELECT read."""
    row = summary.convert(rows[0])
    return int(row[0] or 0), (row[1] if len(row) > 1 else None)
