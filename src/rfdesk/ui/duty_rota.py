"""The duty rota of a team (the 24-hour hotline) as a month calendar with the names of each day."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from rfdesk.domain.codes import TeamKind
from rfdesk.ui import i18n


def tr(text: str) -> str:
    return i18n.tr("People", text)


def shift_label(code: str) -> str:
    """A shift as the clerk reads it (the rota stores 24h, day, night)."""
    labels = {"24h": tr("24 hours"), "day": tr("Day"), "night": tr("Night")}
    return labels.get(code, code)


class RotaCalendar(QCalendarWidget):
    """A month calendar that writes the names of those on duty into each day's cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: dict[date, list[str]] = {}
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:  # noqa: N802
        painter.save()
        if qdate == self.selectedDate():
            painter.fillRect(rect, QColor("#dbe9f8"))
        elif qdate.month() != self.monthShown():
            painter.fillRect(rect, QColor("#f4f4f4"))
        painter.setPen(QColor("#222") if qdate.month() == self.monthShown() else QColor("#999"))
        painter.drawText(rect.adjusted(4, 2, -4, -2), int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight),
                         str(qdate.day()))
        names = self.names.get(qdate.toPython(), [])
        if names:
            font = painter.font()
            font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
            painter.setFont(font)
            painter.setPen(QColor("#1f4e8c"))
            painter.drawText(rect.adjusted(4, 18, -4, -2),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                             "、".join(names))
        painter.restore()


class DutyRotaView(QWidget):
    """The hotline (or any team's) rota: a calendar with names per day, the chosen day's list, add/remove."""

    summaryChanged = Signal()

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Team"), self))
        self.team = QComboBox(self)
        self.team.setObjectName("rota_team")
        self.team.setMinimumWidth(260)
        bar.addWidget(self.team)
        bar.addStretch(1)
        self.add_button = QPushButton(tr("Put someone on duty…"), self)
        self.remove_button = QPushButton(tr("Take off the rota"), self)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.calendar = RotaCalendar(split)
        self.calendar.setObjectName("rota_calendar")
        right = QWidget(split)
        rl = QVBoxLayout(right)
        self.day_label = QLabel(right)
        rl.addWidget(self.day_label)
        self.day_list = QListWidget(right)
        rl.addWidget(self.day_list)
        split.setSizes([800, 260])
        layout.addWidget(split, 1)
        self.fill_teams()
        self.team.currentIndexChanged.connect(lambda _i: self.show_latest_month())
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.load_month())
        self.calendar.selectionChanged.connect(self.show_day)
        self.add_button.clicked.connect(self.add_duty)
        self.remove_button.clicked.connect(self.remove_duty)
        self.show_latest_month()

    def show_latest_month(self) -> None:
        """Open on this month, or on the month of the team's last duty when nobody is on duty this month."""

        from rfdesk.domain import DutyShift

        tid = self.team.currentData()
        latest = None
        if tid is not None:
            with self.db.session() as s:
                latest = s.scalar(select(func.max(DutyShift.duty_date)).where(
                    DutyShift.team_id == tid, DutyShift.deleted_at.is_(None), DutyShift.duty_date <= date.today()))
        today = date.today()
        if latest is not None and (latest.year, latest.month) != (today.year, today.month):
            self.calendar.setSelectedDate(QDate(latest))
            self.calendar.setCurrentPage(latest.year, latest.month)
        self.load_month()

    def fill_teams(self) -> None:
        from rfdesk.services.teams import list_teams

        with self.db.session() as s:
            teams = list_teams(s, limit=10_000).rows
            # The professional teams (hotline) first: they are the ones with a rota.
            teams.sort(key=lambda t: (t.kind != TeamKind.PROFESSIONAL_TEAM.value, t.name_pinyin))
            choices = [(t.id, t.name) for t in teams]
        self.team.clear()
        for tid, name in choices:
            self.team.addItem(name, tid)

    def load_month(self) -> None:
        from rfdesk.services.teams import rota

        tid = self.team.currentData()
        self.rota: dict[date, list[Any]] = {}
        if tid is not None:
            with self.db.session() as s:
                self.rota = rota(s, tid, self.calendar.yearShown(), self.calendar.monthShown())
        self.calendar.names = {d: [o.name for o in duties] for d, duties in self.rota.items()}
        self.calendar.updateCells()
        self.show_day()

    def show_day(self) -> None:
        day = self.calendar.selectedDate().toPython()
        self.day_label.setText(tr("On duty on %1").replace("%1", day.isoformat()))
        self.day_list.clear()
        for o in self.rota.get(day, []):
            text = f"{o.name}　{shift_label(o.shift)}" + (f"　{o.duty}" if o.duty else "") + (f"　{o.phone}" if o.phone else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, o.shift_id)
            self.day_list.addItem(item)
        self.calendar.updateCells()

    def add_duty(self) -> None:
        from rfdesk.ui.people_forms import DutyDialog

        tid = self.team.currentData()
        if tid is None:
            return
        if DutyDialog(self.db, self, team_id=tid, day=self.calendar.selectedDate().toPython()).exec():
            self.load_month()

    def remove_duty(self) -> None:
        from rfdesk.services.teams import remove_duty

        item = self.day_list.currentItem()
        if item is None:
            return
        with self.db.session() as s:
            remove_duty(s, item.data(Qt.ItemDataRole.UserRole))
        self.load_month()

    def refresh(self) -> None:
        self.load_month()

    def summary_text(self) -> str:
        return ""
