"""One register on screen: search box, filters, organisation tree, paged table, detail pane.

Each register module (people, donations, …) subclasses :class:`RegisterTab`, gives it a RegisterQuery and
adds its own buttons and forms. Nothing here writes to the database except through service functions.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from rfdesk.ui import i18n
from rfdesk.ui.org_tree import fill_org_tree, select_org
from rfdesk.ui.register_commands import RegisterCommands
from rfdesk.ui.table import Filter, PagedTableModel, RegisterQuery, format_value


def tr(text: str) -> str:
    return i18n.tr("RegisterTab", text)


def detail_html(rows: list[tuple[str, str]]) -> str:
    """The detail pane's table of labels and values."""
    parts = ["<table cellspacing='4'>"]
    for label, value in rows:
        parts.append(f"<tr><td style='color:#666'>{html.escape(label)}</td>"
                     f"<td>{html.escape(value).replace(chr(10), '<br>')}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


class RegisterTab(RegisterCommands, QWidget):
    """A register's tab. Subclasses set ``query`` and override the hooks below."""

    summaryChanged = Signal()
    openRequested = Signal(str, object)   # (register key, Filter) — e.g. from the detail pane

    key = "register"
    title = "Register"
    show_org_tree = True
    status_choices: list[tuple[str, str]] = []     # (code, label)
    category_choices: list[tuple[str, str]] = []
    date_filter = False
    new_text = "New"
    search_hint = "Search: name, or pinyin initials such as cyj"
    all_categories_text = "All categories"
    report_kind: str | None = None     # the printed report of this register (rfdesk.documents.reports)

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.query: RegisterQuery = self.make_query()
        self.model = PagedTableModel(db, self.query, self)
        self.model.summaryChanged.connect(self.summaryChanged)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.apply_filter)
        self._build()
        self.restore_layout()
        self.apply_filter()

    # ---- hooks for subclasses -----------------------------------------------------------------------

    def make_query(self) -> RegisterQuery:
        raise NotImplementedError

    def extra_buttons(self) -> list[QWidget]:
        return []

    def new_record(self) -> None:
        """Open the form for a new record (Ctrl+N)."""

    def edit_record(self, record_id: int) -> None:
        """Open the form for a record (double-click, Enter)."""

    def delete_record(self, record_id: int) -> None:
        """Move the record to the recycle bin through its service."""
        raise NotImplementedError

    def detail_rows(self, session: Any, record_id: int) -> list[tuple[str, str]]:
        """(label, value) pairs of the detail pane; by default the row's visible columns."""
        values = self.model.row_values(self.table.currentIndex().row()) or ()
        return [(i18n.tr("Columns", c.title), c.fmt(v)) for c, v in zip(self.query.columns, values[1:], strict=False)]

    def detail_extra_html(self, session: Any, record_id: int) -> str:
        return ""

    def summary_text(self) -> str:
        if not self.model.summary_known:
            return tr("Counting…")
        text = tr("%n record(s)").replace("%n", f"{self.model.count:,}")
        if self.query.total_title:
            text += "　" + tr("Total: ¥%1").replace("%1", format_value(self.model.total or 0))
        return text

    # ---- layout ---------------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr(self.search_hint))
        self.search.setToolTip(tr(self.search_hint))  # the whole hint, when a narrow screen cuts the box short
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        bar.addWidget(self.search, 2)
        self.status_box = self._choice_box(tr("All statuses"), self.status_choices, bar)
        self.category_box = self._choice_box(tr(self.all_categories_text), self.category_choices, bar)
        self.date_check: QCheckBox | None = None
        if self.date_filter:
            self.date_check = QCheckBox(tr("Date"), self)
            self.date_from = QDateEdit(self, calendarPopup=True, displayFormat="yyyy-MM-dd")
            self.date_to = QDateEdit(self, calendarPopup=True, displayFormat="yyyy-MM-dd")
            today = QDate.currentDate()
            self.date_from.setDate(today.addMonths(-1))
            self.date_to.setDate(today)
            for w in (self.date_from, self.date_to):
                w.setEnabled(False)
                w.dateChanged.connect(lambda _d: self.apply_filter())
            self.date_check.toggled.connect(self._toggle_dates)
            bar.addWidget(self.date_check)
            bar.addWidget(self.date_from)
            bar.addWidget(QLabel("—", self))
            bar.addWidget(self.date_to)
        bar.addStretch(1)
        # The register's commands sit in a tool bar: on a narrow screen the ones that do not fit move behind
        # its » button instead of forcing the window wider than the screen.
        commands = QToolBar(self)
        commands.setObjectName("commands")
        commands.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        commands.setStyleSheet("QToolBar { border: none; spacing: 4px; }")
        self.new_button = QPushButton(tr(self.new_text), self)
        self.new_button.clicked.connect(self.new_record)
        commands.addWidget(self.new_button)
        for w in self.extra_buttons():
            commands.addWidget(w)
        bar.addWidget(commands, 0)
        self.columns_button = QToolButton(self)
        self.columns_button.setText(tr("Columns"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_menu = QMenu(self)
        self.columns_button.setMenu(self.columns_menu)
        bar.addWidget(self.columns_button)
        outer.addLayout(bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.org_tree = QTreeWidget(self.splitter)
        self.org_tree.setHeaderLabels([tr("Organisation")])
        self.org_tree.setMinimumWidth(160)
        self.org_tree.setVisible(self.show_org_tree)
        if self.show_org_tree:
            fill_org_tree(self.org_tree, self.db)
            self.org_tree.currentItemChanged.connect(lambda *_: self.apply_filter())

        self.table = QTableView(self.splitter)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.model.shown_in = self.table.viewport()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(lambda pos: self.columns_menu.exec(header.mapToGlobal(pos)))
        for i, col in enumerate(self.query.columns):
            header.resizeSection(i, col.width)
            self.table.setColumnHidden(i, not col.visible)
        sort_col = next((i for i, c in enumerate(self.query.columns) if c.key == self.model.sort_key), -1)
        if sort_col >= 0:
            header.setSortIndicator(sort_col, Qt.SortOrder.DescendingOrder if self.model.descending
                                    else Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # after the indicator: enabling it sorts by the indicated column
        self._fill_columns_menu()
        self.table.doubleClicked.connect(lambda idx: self._edit_row(idx.row()))
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.show_detail(cur.row()))
        enter = QAction(self.table)
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        enter.triggered.connect(lambda: self._edit_row(self.table.currentIndex().row()))
        self.table.addAction(enter)

        self.detail = QTextBrowser(self.splitter)
        self._detail_html: str | None = None   # what the pane shows (see _show_in_detail)
        self.detail.setObjectName("detail")
        self.detail.setMinimumWidth(200)
        self.detail.setOpenLinks(False)
        self.show_detail_hint()
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([180, 1000, 260])
        outer.addWidget(self.splitter, 1)

    def _choice_box(self, all_text: str, choices: list[tuple[str, str]], bar: QHBoxLayout) -> QComboBox | None:
        if not choices:
            return None
        box = QComboBox(self)
        box.addItem(all_text, None)
        for code, label in choices:
            box.addItem(label, code)
        box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        bar.addWidget(box)
        return box

    def _toggle_dates(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filter()

    def _fill_columns_menu(self) -> None:
        self.columns_menu.clear()
        for i, col in enumerate(self.query.columns):
            act = self.columns_menu.addAction(i18n.tr("Columns", col.title))
            act.setCheckable(True)
            act.setChecked(not self.table.isColumnHidden(i))
            act.toggled.connect(lambda on, i=i: self.table.setColumnHidden(i, not on))

    # ---- filter, selection, detail --------------------------------------------------------------------

    def current_filter(self) -> Filter:
        flt = Filter(search=self.search.text().strip())
        if self.show_org_tree and self.org_tree.currentItem() is not None:
            flt.organisation_id = self.org_tree.currentItem().data(0, Qt.ItemDataRole.UserRole)
        if self.status_box is not None:
            flt.status = self.status_box.currentData()
        if self.category_box is not None:
            flt.category = self.category_box.currentData()
        if self.date_check is not None and self.date_check.isChecked():
            flt.date_from = self.date_from.date().toPython()
            flt.date_to = self.date_to.date().toPython()
        return flt

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self.show_detail_hint()

    def set_filter_values(self, *, organisation_id: int | None = None, status: str | None = None,
                          category: str | None = None, date_from: date | None = None,
                          date_to: date | None = None, search: str = "") -> None:
        """Show the register narrowed as a chart bar or a link asks (blocking signals, then one refresh)."""
        widgets = [self.search, self.org_tree, self.status_box, self.category_box]
        for w in widgets:
            if w is not None:
                w.blockSignals(True)
        try:
            self.search.setText(search)
            if self.status_box is not None:
                self.status_box.setCurrentIndex(max(0, self.status_box.findData(status)))
            if self.category_box is not None:
                self.category_box.setCurrentIndex(max(0, self.category_box.findData(category)))
            if self.show_org_tree:
                self._select_org(organisation_id)
            if self.date_check is not None:
                on = date_from is not None or date_to is not None
                for w in (self.date_check, self.date_from, self.date_to):
                    w.blockSignals(True)
                self.date_check.setChecked(on)
                self.date_from.setEnabled(on)
                self.date_to.setEnabled(on)
                if date_from:
                    self.date_from.setDate(QDate(date_from))
                if date_to:
                    self.date_to.setDate(QDate(date_to))
                for w in (self.date_check, self.date_from, self.date_to):
                    w.blockSignals(False)
        finally:
            for w in widgets:
                if w is not None:
                    w.blockSignals(False)
        self.apply_filter()

    def _select_org(self, org_id: int | None) -> None:
        select_org(self.org_tree, org_id)

    def refresh(self) -> None:
        """Re-read the register (F5, after a change), keeping the current record selected if still shown."""
        current = self.current_id()
        if self.show_org_tree:
            org = self.org_tree.currentItem().data(0, Qt.ItemDataRole.UserRole) if self.org_tree.currentItem() else None
            self.org_tree.blockSignals(True)
            fill_org_tree(self.org_tree, self.db)
            self._select_org(org)
            self.org_tree.blockSignals(False)
        self.model.refresh()
        if current is not None:
            self.select_id(current)

    def select_id(self, record_id: int) -> None:
        """Select a record if it is among the rows read so far (the first page is read if none was)."""
        self.model.row_values(0)
        row = self.model.row_of(record_id)
        if row is not None:
            self.table.selectRow(row)
            self.show_detail(row)

    def current_id(self) -> int | None:
        idx = self.table.currentIndex()
        return self.model.record_id(idx.row()) if idx.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return self.model.visible_ids(rows)

    def _edit_row(self, row: int) -> None:
        rid = self.model.record_id(row)
        if rid is not None:
            self.edit_record(rid)

    def show_detail_hint(self) -> None:
        """What the detail pane says while no record is selected: how to see and change one."""
        hint = tr("Select a row to see the record here, with its history of changes.")
        keys = tr("Double-click or press Enter to change it; Delete moves it to the recycle bin.")
        self._show_in_detail(f"<p style='color:#666'>{html.escape(hint)}</p>"
                             f"<p style='color:#666'>{html.escape(keys)}</p>")

    def _show_in_detail(self, text: str) -> None:
        # Laying out a document costs more than a search's query: the pane is left as it is when it shows the
        # same text already (the hint, after each letter typed in the search box).
        if text != self._detail_html:
            self._detail_html = text
            self.detail.setHtml(text)

    def show_detail(self, row: int) -> None:
        rid = self.model.record_id(row)
        if rid is None:
            self.show_detail_hint()
            return
        with self.db.session() as s:
            rows = self.detail_rows(s, rid)
            extra = self.detail_extra_html(s, rid)
            hist = self.history_html(s, rid)
        self._show_in_detail(detail_html(rows) + extra + hist)

    def history_html(self, session: Any, record_id: int) -> str:
        """The last changes of the record, from the audit log, under the details."""
        from rfdesk.ui.dialogs import history_lines

        lines = history_lines(session, self.query.model, record_id)
        if not lines:
            return ""
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines[-10:])
        return f"<h4>{html.escape(tr('History'))}</h4><ul style='margin-left:-20px'>{items}</ul>"

    # ---- remembered layout --------------------------------------------------------------------------

    def restore_layout(self) -> None:
        st = QSettings()
        header = st.value(f"{self.key}/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
            self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            for i, act in enumerate(self.columns_menu.actions()):
                act.blockSignals(True)
                act.setChecked(not self.table.isColumnHidden(i))
                act.blockSignals(False)
            section = self.table.horizontalHeader().sortIndicatorSection()
            if 0 <= section < len(self.query.columns) and self.query.columns[section].sortable:
                self.model.sort_key = self.query.columns[section].key
                self.model.descending = (self.table.horizontalHeader().sortIndicatorOrder()
                                         == Qt.SortOrder.DescendingOrder)
        splitter = st.value(f"{self.key}/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        st = QSettings()
        st.setValue(f"{self.key}/header", self.table.horizontalHeader().saveState())
        st.setValue(f"{self.key}/splitter", self.splitter.saveState())
