"""Overview tab: the figures and charts a leader asks for; a click on a bar opens the register behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rfdesk.domain.codes import AssignmentStatus, ResourceKind, ResourceStatus
from rfdesk.ui import i18n

BAR_COLOUR = "#3b6ea5"


def tr(text: str) -> str:
    return i18n.tr("Overview", text)


@dataclass
class Bars:
    """One chart's bars: labels, values and what each bar opens ((register, filter values) or None)."""

    title: str
    labels: list[str] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    targets: list[tuple[str, dict[str, Any]] | None] = field(default_factory=list)
    horizontal: bool = True
    money: bool = False

    def add(self, label: str, value: Any, target: tuple[str, dict[str, Any]] | None) -> None:
        self.labels.append(label)
        self.values.append(float(value))
        self.targets.append(target)


@dataclass
class Figures:
    headline: list[tuple[str, str]]
    charts: list[Bars]
    low_stock: list[tuple[int, str, str, str]]


def gather(session: Any) -> Figures:
    """Every figure of the overview, read in one session (on a worker thread)."""
    from rfdesk.services import donation_totals as dt
    from rfdesk.services.commendations import list_batches
    from rfdesk.services.resources import amount_text, low_stock, resource_counts
    from rfdesk.services.whereabouts import people_by_status

    today = date.today()
    from sqlalchemy import select

    from rfdesk.domain import Organisation

    short = dict(session.execute(select(Organisation.id, Organisation.short_name)).all())
    by_org = dt.by_organisation(session)
    top = sorted((o for o in by_org if o.path.count("/") <= 3 and o.total > 0), key=lambda o: -o.total)[:10]
    orgs = Bars(tr("Donations per organisation (yuan)"), money=True)
    for o in reversed(top):
        orgs.add(short.get(o.key) or o.label, o.total, ("donations", {"organisation_id": o.key}))
    weeks = Bars(tr("Donations per week (yuan)"), horizontal=False, money=True)
    for w in dt.by_week(session)[-12:]:
        lo, hi = dt.week_range(w.key)
        weeks.add(f"{lo:%m-%d}", w.total, ("donations", {"date_from": lo, "date_to": hi}))
    kinds = Bars(tr("Resources by kind"))
    for code, n in resource_counts(session, "kind").items():
        kinds.add(i18n.code_label(ResourceKind, code), n, ("resources", {"kind": code}))
    statuses = Bars(tr("Resources by status"))
    for code, n in resource_counts(session, "status").items():
        statuses.add(i18n.code_label(ResourceStatus, code), n, ("resources", {"status": code}))
    where = Bars(tr("People by where they are today"))
    for code, n in sorted(people_by_status(session, today).items(), key=lambda kv: kv[1]):
        where.add(i18n.code_label(AssignmentStatus, code), n, ("people", {"status": code}))
    batches = Bars(tr("Honorees per commendation batch"))
    summaries = list_batches(session, limit=12).rows
    for b in reversed(summaries):
        batches.add(b.title[:24] + ("…" if len(b.title) > 24 else ""), b.honorees,
                    ("commendations", {"batch_id": b.id}))
    from rfdesk.services.stats import register_stats

    stats = register_stats(session)
    money = lambda v: f"¥{Decimal(v):,.2f}"  # noqa: E731
    headline = [
        (tr("Civil air defence system donations"), money(dt.system_total(session))),
        (tr("Enterprise donations"), money(dt.enterprise_total(session))),
        (tr("All cash donations"), money(dt.cash_total(session))),
        (tr("People"), f"{int(stats.get('people', 0)):,}"),
        (tr("Resources"), f"{sum(resource_counts(session, 'category').values()):,}"),
        (tr("Honorees"), f"{sum(b.honorees for b in summaries):,}"),
    ]
    low = [(r.resource_id, r.name, f"{amount_text(r.balance)} {r.unit_of_measure or ''}",
            f"{amount_text(r.min_stock)} {r.unit_of_measure or ''}") for r in low_stock(session)]
    return Figures(headline, [orgs, weeks, kinds, statuses, where, batches], low)


class OverviewTab(QWidget):
    openRequested = Signal(str, object)
    summaryChanged = Signal()

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.figures: Figures | None = None
        self.chart_views: list[Any] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        self.body = QWidget(scroll)
        self.body.setObjectName("overview_body")
        scroll.setWidget(self.body)
        self.grid = QGridLayout(self.body)
        self.grid.setSpacing(12)
        # Both columns share the width: a chart of twelve weeks squeezed into what the long one left over
        # drew its labels over each other and cut its dates to "…".
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        self.loading = QLabel(tr("Reading the registers…"), self.body)
        self.grid.addWidget(self.loading, 0, 0)
        self.refresh()

    def refresh(self) -> None:
        from rfdesk.ui.workers import run_in_background

        def work(_progress: Any) -> Figures:
            with self.db.session() as s:
                return gather(s)

        self.job = run_in_background(work, self._show)

    def _show(self, job: Any) -> None:
        from shiboken6 import isValid

        if not isValid(self):
            return  # the window was closed while the figures were being read
        if job.error is not None:
            from rfdesk.ui.errors import show_error

            self.loading.setText(tr("The overview could not be read."))
            show_error(job.error, self)
            return
        self.figures = job.result
        self._build()
        self.summaryChanged.emit()

    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            w = item.widget()
            if w is not None:
                w.deleteLater()
        self.chart_views.clear()

    def _build(self) -> None:
        assert self.figures is not None
        self._clear()
        cards = QWidget(self.body)
        row = QHBoxLayout(cards)
        row.setContentsMargins(0, 0, 0, 0)
        for label, value in self.figures.headline:
            row.addWidget(self._card(label, value))
        self.grid.addWidget(cards, 0, 0, 1, 2)
        for i, bars in enumerate(self.figures.charts):
            self.grid.addWidget(self._chart(bars), 1 + i // 2, i % 2)
        self.grid.addWidget(self._low_stock(), 1 + (len(self.figures.charts) + 1) // 2, 0, 1, 2)

    def _card(self, label: str, value: str) -> QWidget:
        card = QFrame(self.body)
        card.setObjectName("card")
        card.setStyleSheet("#card { background: #f5f8fc; border: 1px solid #d5dfeb; border-radius: 6px; }")
        lay = QVBoxLayout(card)
        name = QLabel(label, card)
        name.setStyleSheet("color: #555;")
        figure = QLabel(value, card)
        figure.setStyleSheet("font-size: 18pt; font-weight: bold; color: #1f4e8c;")
        lay.addWidget(name)
        lay.addWidget(figure)
        return card

    def _chart(self, bars: Bars) -> QWidget:
        from PySide6.QtCharts import (
            QAbstractBarSeries,
            QBarCategoryAxis,
            QBarSeries,
            QBarSet,
            QChart,
            QChartView,
            QHorizontalBarSeries,
            QValueAxis,
        )

        chart = QChart()
        chart.setTitle(bars.title)
        chart.legend().setVisible(False)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setFont(self.font())
        title_font = self.font()
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        bar_set = QBarSet(bars.title)
        bar_set.setColor(QColor(BAR_COLOUR))
        bar_set.append(bars.values or [0])
        series = QHorizontalBarSeries() if bars.horizontal else QBarSeries()
        series.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        # Beside the bar, not in it: a short bar cut its figure to "000".
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        bar_set.setLabelColor(QColor("#1f3552"))
        if not bars.horizontal and len(bars.values) > 6:
            series.setLabelsAngle(-90)  # upright figures fit in narrow columns
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(bars.labels or [tr("(none)")])
        categories.setLabelsFont(self.font())
        values = QValueAxis()
        values.setLabelFormat("%.0f")
        values.setRange(0, max(bars.values or [1]) * 1.25 or 1)  # room for the figure beside the longest bar
        values.applyNiceNumbers()
        values.setLabelsFont(self.font())
        if bars.horizontal:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        view = QChartView(chart, self.body)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(max(300, 90 + 34 * len(bars.labels)) if bars.horizontal else 300)
        view.setToolTip(tr("Click a bar to open the register"))
        bar_set.clicked.connect(lambda index, b=bars: self.open_bar(b, index))
        view.bars = bars  # type: ignore[attr-defined]
        self.chart_views.append(view)
        return view

    def open_bar(self, bars: Bars, index: int) -> None:
        if 0 <= index < len(bars.targets) and bars.targets[index] is not None:
            key, values = bars.targets[index]  # type: ignore[misc]
            self.openRequested.emit(key, dict(values))

    def _low_stock(self) -> QWidget:
        assert self.figures is not None
        box = QWidget(self.body)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        title = QLabel(tr("Supplies below their minimum stock"), box)
        title.setStyleSheet("font-weight: bold;")
        lay.addWidget(title)
        rows = self.figures.low_stock
        table = QTableWidget(len(rows), 3, box)
        table.setObjectName("low_stock")
        table.setHorizontalHeaderLabels([tr("Supply"), tr("In stock"), tr("Minimum")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 260)
        table.setColumnWidth(1, 140)
        for r, (_rid, name, have, minimum) in enumerate(rows):
            for c, text in enumerate((name, have, minimum)):
                item = QTableWidgetItem(text)
                if c == 1:
                    item.setForeground(QColor("#c62828"))
                table.setItem(r, c, item)
        table.setMaximumHeight(60 + 28 * max(1, len(rows)))
        table.cellDoubleClicked.connect(
            lambda _r, _c: self.openRequested.emit("resources", {"below_minimum": True}))
        if not rows:
            lay.addWidget(QLabel(tr("No supply is below its minimum."), box))
        lay.addWidget(table)
        return box

    def print_current(self) -> None:
        from rfdesk.ui.register_commands import nothing_to_print

        nothing_to_print(self)

    def summary_text(self) -> str:
        if self.figures is None:
            return ""
        return "　".join(f"{k}：{v}" for k, v in self.figures.headline[:3])
