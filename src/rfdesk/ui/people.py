"""Personnel tab: the people register, teams and their members, where everyone is today, the duty rota."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy import func
from sqlalchemy.orm import aliased

from rfdesk.domain import Organisation, Person
from rfdesk.domain.codes import AssignmentStatus, EmploymentType, Gender, PoliticalStatus
from rfdesk.services.search import Search
from rfdesk.ui import i18n
from rfdesk.ui.queries import live, name_search, org_subtree
from rfdesk.ui.register_tab import RegisterTab
from rfdesk.ui.table import Column, Filter, RegisterQuery


def tr(text: str) -> str:
    return i18n.tr("People", text)


_org = aliased(Organisation, name="person_org")


class PersonQuery(RegisterQuery):
    model = Person
    default_sort = ("name", False)

    def __init__(self) -> None:
        from rfdesk.services.whereabouts import status_on

        code = i18n.code_label
        self.columns = [
            Column("name", "Full name", Person.name, sort=Person.name_pinyin, width=90),
            Column("gender", "Gender", Person.gender, sort=func.coalesce(Person.gender, ""),
                   fmt=lambda v: code(Gender, v), width=50),
            Column("organisation", "Organisation", _org.name, sort=func.coalesce(_org.name_pinyin, ""), width=220),
            Column("post", "Post", Person.post, sort=Person.post_pinyin, width=140),
            Column("employment_type", "Employment", Person.employment_type,
                   fmt=lambda v: code(EmploymentType, v), width=70),
            Column("political_status", "Political status", Person.political_status,
                   sort=func.coalesce(Person.political_status, ""), fmt=lambda v: code(PoliticalStatus, v), width=100),
            Column("today", "Where today", status_on(date.today()), sort=False,
                   fmt=lambda v: code(AssignmentStatus, v), width=110),
            Column("phone", "Phone", Person.phone, sort=func.coalesce(Person.phone, ""), width=110),
            Column("rank", "Rank", Person.rank, sort=Person.rank_pinyin, width=90, visible=False),
            Column("id_number", "ID number", Person.id_number, sort=func.coalesce(Person.id_number, ""),
                   width=160, visible=False),
        ]

    def select_from(self, stmt: Any) -> Any:
        return stmt.select_from(Person).outerjoin(_org, Person.organisation_id == _org.id)

    def conditions(self, session: Any, flt: Filter) -> list[Any]:
        from rfdesk.services.whereabouts import status_on

        conds = [live(session, Person)]
        search = Search.of(flt.search)
        if search:
            cond = name_search(Person.name, Person.name_initials, Person.name_pinyin, search)
            if search.digits:   # an ID or phone number
                from sqlalchemy import or_

                cond = or_(cond, search.starts(Person.id_number, case="upper"), search.starts(Person.phone))
            conds.append(cond)
        conds.append(org_subtree(Person.organisation_id, session, flt.organisation_id))
        if flt.status:
            conds.append(status_on(date.today()) == flt.status)
        if flt.category:
            conds.append(Person.employment_type == flt.category)
        return conds


class PeopleRegister(RegisterTab):
    key = "people"
    title = "People"
    new_text = "New person"
    report_kind = "people"

    def report_filters(self) -> dict[str, Any]:
        return {"organisation_id": self.current_filter().organisation_id}

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        self.status_choices = [(m.value, i18n.coded(m)) for m in AssignmentStatus]
        self.category_choices = [(m.value, i18n.coded(m)) for m in EmploymentType]
        super().__init__(db, parent)

    def make_query(self) -> RegisterQuery:
        return PersonQuery()

    def new_record(self) -> None:
        from rfdesk.ui.people_forms import PersonDialog

        dlg = PersonDialog(self.db, self)
        if dlg.exec():
            self.refresh()
            self.search.setText("")
            self.select_id(dlg.record_id)

    def edit_record(self, record_id: int) -> None:
        from rfdesk.ui.people_forms import PersonDialog

        if PersonDialog(self.db, self, record_id=record_id).exec():
            self.refresh()

    def delete_record(self, record_id: int) -> None:
        from rfdesk.services.people import delete_person

        with self.db.session() as s:
            delete_person(s, record_id)

    def detail_rows(self, session: Any, record_id: int) -> list[tuple[str, str]]:
        from rfdesk.services.people import get_person

        p = get_person(session, record_id)
        code = i18n.code_label
        rows = [
            (tr("Name"), p.name), (tr("Gender"), code(Gender, p.gender)),
            (tr("Date of birth"), p.birth_date.isoformat() if p.birth_date else ""),
            (tr("ID number"), p.id_number or ""), (tr("Phone"), p.phone or ""),
            (tr("Organisation"), p.organisation.name if p.organisation else ""),
            (tr("Post"), p.post or ""), (tr("Rank"), p.rank or ""),
            (tr("Employment"), code(EmploymentType, p.employment_type)),
            (tr("Political status"), code(PoliticalStatus, p.political_status)),
            (tr("Party branch"), p.party_branch.name if p.party_branch else ""),
            (tr("Qualifications"), p.qualifications or ""), (tr("Notes"), p.notes or ""),
        ]
        return [(k, v) for k, v in rows if v]

    def detail_extra_html(self, session: Any, record_id: int) -> str:
        from rfdesk.services.people import person_commendations
        from rfdesk.services.teams import person_teams
        from rfdesk.services.whereabouts import person_assignments

        parts = []
        honours = [f"{c.batch.title}：{c.category}" for c in person_commendations(session, record_id)]
        teams = [m.team.name + (f"（{m.role}）" if m.role else "") for m in person_teams(session, record_id)]
        where = [f"{a.start_date:%Y-%m-%d}—{a.end_date:%Y-%m-%d}" if a.end_date else f"{a.start_date:%Y-%m-%d}—"
                 for a in person_assignments(session, record_id)]
        where = [f"{w} {i18n.code_label(AssignmentStatus, a.status)} {a.place.name if a.place else (a.place_text or '')}"
                 for w, a in zip(where, person_assignments(session, record_id), strict=False)]
        for title, items in ((tr("Commendations"), honours), (tr("Teams"), teams), (tr("Whereabouts"), where)):
            if items:
                lis = "".join(f"<li>{html.escape(i)}</li>" for i in items)
                parts.append(f"<h4>{html.escape(title)}</h4><ul style='margin-left:-20px'>{lis}</ul>")
        return "".join(parts)

    def extra_buttons(self) -> list[QWidget]:
        where = QPushButton(tr("Record whereabouts…"), self)
        where.clicked.connect(self.record_whereabouts)
        return [where]

    def record_whereabouts(self) -> None:
        from rfdesk.ui.people_forms import AssignmentDialog

        dlg = AssignmentDialog(self.db, self, person_id=self.current_id())
        if dlg.exec():
            self.refresh()


class PeopleTab(QWidget):
    """The 人员 tab: register, teams, where everyone is today, duty rota."""

    summaryChanged = Signal()
    openRequested = Signal(str, object)

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from rfdesk.ui.duty_rota import DutyRotaView
        from rfdesk.ui.teams import TeamsRegister
        from rfdesk.ui.whereabouts import WhereaboutsRegister

        self.db = db
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.inner = QTabWidget(self)
        self.inner.setObjectName("people_tabs")
        self.register = PeopleRegister(db, self.inner)
        self.teams = TeamsRegister(db, self.inner)
        self.whereabouts = WhereaboutsRegister(db, self.inner)
        self.rota = DutyRotaView(db, self.inner)
        self.inner.addTab(self.register, tr("Register"))
        self.inner.addTab(self.teams, tr("Teams"))
        self.inner.addTab(self.whereabouts, tr("Where everyone is"))
        self.inner.addTab(self.rota, tr("Duty rota"))
        layout.addWidget(self.inner)
        for page in (self.register, self.teams, self.whereabouts):
            page.summaryChanged.connect(self.summaryChanged)
        self.inner.currentChanged.connect(lambda _i: self.summaryChanged.emit())

    def current(self) -> Any:
        return self.inner.currentWidget()

    def show_filtered(self, **values: Any) -> None:
        self.inner.setCurrentWidget(self.register)
        self.register.show_filtered(**values)

    def save_layout(self) -> None:
        for page in (self.register, self.teams, self.whereabouts):
            page.save_layout()


def _forward(name: str) -> Any:
    def call(self: PeopleTab, *args: Any, **kwargs: Any) -> Any:
        target = getattr(self.current(), name, None)
        return target(*args, **kwargs) if target is not None else ""
    call.__name__ = name
    return call


# Menu commands (new record, refresh, delete, …) go to the sub-tab in front.
for _name in ("new_record", "delete_selected", "focus_search", "refresh", "summary_text", "edit_current",
              "show_history", "print_current", "export_rows"):
    setattr(PeopleTab, _name, _forward(_name))
