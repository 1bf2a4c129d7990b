"""Where everyone is on a day: seconded, stranded, at home, on duty (everyone else is in post)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QWidget,
)
from sqlalchemy import func, or_
from sqlalchemy.orm import aliased

from rfdesk.domain import Assignment, Organisation, Person, Place
from rfdesk.domain.codes import AssignmentStatus
from rfdesk.ui import i18n
from rfdesk.ui.queries import date_blank_first, live, name_search, org_subtree
from rfdesk.ui.register_tab import RegisterTab
from rfdesk.ui.table import Column, Filter, RegisterQuery


def tr(text: str) -> str:
    return i18n.tr("People", text)


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
                   sort=func.coalesce(_a_place.name_pinyin, Assignment.place_text_pinyin), width=180),
            Column("start_date", "From", Assignment.start_date, width=100),
            Column("end_date", "Until", Assignment.end_date, sort=date_blank_first(Assignment.end_date), width=100),
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

    def extra_buttons(self) -> list[QWidget]:
        back = QPushButton(tr("Back in post today"), self)
        back.setObjectName("back_in_post")
        back.clicked.connect(self.end_current)
        return [back]

    def end_current(self) -> None:
        """The person's period ends today; from tomorrow they count as in post again."""
        from rfdesk.services.errors import RfdeskError
        from rfdesk.services.whereabouts import end_assignment
        from rfdesk.ui.errors import show_error

        rid = self.current_id()
        if rid is None:
            return
        try:
            with self.db.session() as s:
                end_assignment(s, rid, date.today())
        except RfdeskError as exc:
            show_error(exc, self)
        self.refresh()

    def edit_record(self, record_id: int) -> None:
        """Whereabouts are corrected by ending the period or recording a new one; no form to reopen."""

    def delete_record(self, record_id: int) -> None:
        from rfdesk.services.whereabouts import delete_assignment

        with self.db.session() as s:
            delete_assignment(s, record_id)


