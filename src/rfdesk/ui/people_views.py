"""Teams with their members, where everyone is on a day, and the duty rota as a calendar."""

from __future__ import annotations

import html
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
from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from rfdesk.domain import Assignment, Organisation, Person, Place, Team, TeamMembership
from rfdesk.domain.codes import AssignmentStatus, TeamKind
from rfdesk.ui import i18n
from rfdesk.ui.queries import live, name_search, org_subtree
from rfdesk.ui.register_tab import RegisterTab
from rfdesk.ui.table import Column, Filter, RegisterQuery


def tr(text: str) -> str:
    return i18n.tr("People", text)


_team_org = aliased(Organisation, name="team_org")
_team_place = aliased(Place, name="team_place")


class TeamQuery(RegisterQuery):
    model = Team
    default_sort = ("name", False)

    def __init__(self) -> None:
        members = (select(func.count(TeamMembership.id))
                   .where(TeamMembership.team_id == Team.id, TeamMembership.deleted_at.is_(None),
                          or_(TeamMembership.left_on.is_(None), TeamMembership.left_on >= date.today()))
                   .correlate(Team).scalar_subquery())
        self.columns = [
            Column("name", "Team", Team.name, sort=Team.name_pinyin, width=220),
            Column("kind", "Kind", Team.kind, fmt=lambda v: i18n.code_label(TeamKind, v), width=130),
            Column("organisation", "Organisation", _team_org.name, sort=func.coalesce(_team_org.name_pinyin, ""),
                   width=200),
            Column("place", "Place", _team_place.name, sort=func.coalesce(_team_place.name_pinyin, ""), width=140),
            Column("members", "Members", members, sort=False, right=True, width=60),
            Column("formed_on", "Formed on", Team.formed_on, sort=func.coalesce(Team.formed_on, ""), width=100),
        ]

    def select_from(self, stmt: Any) -> Any:
        return (stmt.select_from(Team).outerjoin(_team_org, Team.organisation_id == _team_org.id)
                .outerjoin(_team_place, Team.place_id == _team_place.id))

    def conditions(self, session: Any, flt: Filter) -> list[Any]:
        return [live(session, Team), name_search(Team.name, Team.name_initials, Team.name_pinyin, flt.search),
                org_subtree(Team.organisation_id, session, flt.organisation_id),
                Team.kind == flt.category if flt.category else None]


class TeamsRegister(RegisterTab):
    key = "teams"
    title = "Teams"
    new_text = "New team"

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        self.category_choices = [(m.value, i18n.coded(m)) for m in TeamKind]
        super().__init__(db, parent)

    def make_query(self) -> RegisterQuery:
        return TeamQuery()

    def extra_buttons(self) -> list[QWidget]:
        add = QPushButton(tr("Add member…"), self)
        add.clicked.connect(self.add_member)
        return [add]

    def new_record(self) -> None:
        from rfdesk.ui.people_forms import TeamDialog

        dlg = TeamDialog(self.db, self)
        if dlg.exec():
            self.refresh()
            self.select_id(dlg.record_id)

    def edit_record(self, record_id: int) -> None:
        from rfdesk.ui.people_forms import TeamDialog

        if TeamDialog(self.db, self, record_id=record_id).exec():
            self.refresh()

    def delete_record(self, record_id: int) -> None:
        from rfdesk.services.teams import delete_team

        with self.db.session() as s:
            delete_team(s, record_id)

    def add_member(self) -> None:
        from rfdesk.ui.people_forms import MemberDialog

        tid = self.current_id()
        if tid is not None and MemberDialog(self.db, self, team_id=tid).exec():
            self.refresh()

    def detail_extra_html(self, session: Any, record_id: int) -> str:
        from rfdesk.services.teams import team_members

        members = team_members(session, record_id)
        if not members:
            return ""
        lis = "".join(f"<li>{html.escape(m.person.name)}{html.escape('（' + m.role + '）' if m.role else '')}</li>"
                      for m in members)
        return f"<h4>{html.escape(tr('Members'))}（{len(members)}）</h4><ul style='margin-left:-20px'>{lis}</ul>"


_a_person = aliased(Person, name="a_person")
_a_org = aliased(Organisation, name="a_org")
_a_place = aliased(Place, name="a_place")


class WhereaboutsQuery(RegisterQuery):
    """Assignments covering a day (the filter's date_from, default today)."""

    model = Assignment
    default_sort = ("status", False)

    def __init__(self) -> None:
        self.columns = [
            Column("person", "Full name", _a_person.name, sort=_a_person.name_pinyin, width=90),
            Column("organisation", "Organisation", _a_org.name, sort=func.coalesce(_a_org.name_pinyin, ""), width=200),
            Column("status", "Where", Assignment.status, fmt=lambda v: i18n.code_label(AssignmentStatus, v),
                   width=120),
            Column("place", "Place", func.coalesce(_a_place.name, Assignment.place_text),
                   sort=func.coalesce(_a_place.name, Assignment.place_text, ""), width=180),
            Column("start_date", "From", Assignment.start_date, width=100),
            Column("end_date", "Until", Assignment.end_date, sort=func.coalesce(Assignment.end_date, ""), width=100),
            Column("note", "Note", Assignment.note, sort=False, width=200),
        ]

    def select_from(self, stmt: Any) -> Any:
        return (stmt.select_from(Assignment).join(_a_person, Assignment.person_id == _a_person.id)
                .outerjoin(_a_org, _a_person.organisation_id == _a_org.id)
                .outerjoin(_a_place, Assignment.place_id == _a_place.id))

    def conditions(self, session: Any, flt: Filter) -> list[Any]:
        day = flt.date_from or date.today()
        return [live(session, Assignment), _a_person.deleted_at.is_(None), Assignment.start_date <= day,
                or_(Assignment.end_date.is_(None), Assignment.end_date >= day),
                name_search(_a_person.name, _a_person.name_initials, _a_person.name_pinyin, flt.search),
                org_subtree(_a_person.organisation_id, session, flt.organisation_id),
                Assignment.status == flt.status if flt.status else None]


class WhereaboutsRegister(RegisterTab):
    """Where everyone is on a day: who is seconded, stranded, at home, on duty (everyone else is in post)."""

    key = "whereabouts"
    title = "Where everyone is"
    new_text = "Record whereabouts…"

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        self.status_choices = [(m.value, i18n.coded(m)) for m in AssignmentStatus if m != AssignmentStatus.IN_POST]
        super().__init__(db, parent)
        self.day = self._day_edit()

    def _day_edit(self) -> Any:
        from PySide6.QtWidgets import QDateEdit

        edit = QDateEdit(QDate.currentDate(), self, calendarPopup=True, displayFormat="yyyy-MM-dd")
        edit.dateChanged.connect(lambda _d: self.apply_filter())
        bar = self.layout().itemAt(0).layout()
        bar.insertWidget(1, QLabel(tr("On"), self))
        bar.insertWidget(2, edit)
        return edit

    def make_query(self) -> RegisterQuery:
        return WhereaboutsQuery()

    def current_filter(self) -> Filter:
        flt = super().current_filter()
        day = getattr(self, "day", None)
        flt.date_from = day.date().toPython() if day is not None else date.today()
        return flt

    def summary_text(self) -> str:
        from rfdesk.services.whereabouts import people_by_status

        day = self.current_filter().date_from or date.today()
        with self.db.session() as s:
            counts = people_by_status(s, day)
        parts = [f"{i18n.code_label(AssignmentStatus, k)} {n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1])]
        return tr("On %1: ").replace("%1", day.isoformat()) + "，".join(parts)

    def new_record(self) -> None:
        from rfdesk.ui.people_forms import AssignmentDialog

        if AssignmentDialog(self.db, self).exec():
            self.refresh()

    def edit_record(self, record_id: int) -> None:
        """Whereabouts are corrected by recording a new period; the form is not reopened."""

    def delete_record(self, record_id: int) -> None:
        from rfdesk.services.whereabouts import delete_assignment

        with self.db.session() as s:
            delete_assignment(s, record_id)


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
        from sqlalchemy import func, select

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
            text = f"{o.name}　{o.shift}" + (f"　{o.duty}" if o.duty else "") + (f"　{o.phone}" if o.phone else "")
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
