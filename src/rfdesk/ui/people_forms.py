"""Forms of the personnel register: a person, a team, a member, whereabouts, a duty shift."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from rfdesk.domain.codes import AssignmentStatus, EmploymentType, Gender, PoliticalStatus, TeamKind
from rfdesk.ui import i18n
from rfdesk.ui.form import PersonPicker, RecordForm, fill_choices, fill_coded, optional_date
from rfdesk.ui.forms.assignment_form import Ui_AssignmentForm
from rfdesk.ui.forms.duty_form import Ui_DutyForm
from rfdesk.ui.forms.member_form import Ui_MemberForm
from rfdesk.ui.forms.person_form import Ui_PersonForm
from rfdesk.ui.forms.team_form import Ui_TeamForm
from rfdesk.ui.queries import organisation_choices, place_choices


def tr(text: str) -> str:
    return i18n.tr("People", text)


def branch_choices(db: Any) -> list[tuple[int, str]]:
    from rfdesk.services.people import list_party_branches

    with db.session() as s:
        return [(b.id, b.name) for b in list_party_branches(s)]


class PersonDialog(RecordForm):
    ui_class = Ui_PersonForm
    fields = ("name", "gender", "id_number", "birth_date", "phone", "organisation_id", "post", "rank",
              "employment_type", "political_status", "party_branch_id", "party_joined_on", "qualifications",
              "notes")

    def __init__(self, db: Any, parent: QWidget | None = None, *, record_id: int | None = None) -> None:
        super().__init__(db, parent, record_id=record_id)
        u = self.ui
        fill_coded(u.gender, Gender, blank=True)
        fill_coded(u.employment_type, EmploymentType)
        fill_coded(u.political_status, PoliticalStatus, blank=True)
        fill_choices(u.organisation_id, organisation_choices(db), blank=True)
        fill_choices(u.party_branch_id, branch_choices(db), blank=True)
        optional_date(u.birth_date)
        optional_date(u.party_joined_on)
        self.setWindowTitle(tr("New person") if record_id is None else tr("Edit person"))
        if record_id is not None:
            from rfdesk.services.people import get_person

            with db.session() as s:
                self.load(get_person(s, record_id))

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services import people

        if self.record_id is None:
            return people.create_person(session, data)
        return people.update_person(session, self.record_id, data, expected_version=self.version)


class TeamDialog(RecordForm):
    ui_class = Ui_TeamForm
    fields = ("name", "kind", "organisation_id", "place_id", "party_branch_id", "formed_on", "description")

    def __init__(self, db: Any, parent: QWidget | None = None, *, record_id: int | None = None) -> None:
        super().__init__(db, parent, record_id=record_id)
        u = self.ui
        fill_coded(u.kind, TeamKind)
        fill_choices(u.organisation_id, organisation_choices(db), blank=True)
        fill_choices(u.place_id, place_choices(db), blank=True)
        fill_choices(u.party_branch_id, branch_choices(db), blank=True)
        optional_date(u.formed_on)
        self.setWindowTitle(tr("New team") if record_id is None else tr("Edit team"))
        if record_id is not None:
            from rfdesk.domain import Team
            from rfdesk.services.base import get

            with db.session() as s:
                self.load(get(s, Team, record_id))

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services import teams

        if self.record_id is None:
            return teams.create_team(session, data)
        return teams.update_team(session, self.record_id, data, expected_version=self.version)


class MemberDialog(RecordForm):
    ui_class = Ui_MemberForm
    fields = ("person_id", "role", "joined_on")

    def __init__(self, db: Any, parent: QWidget | None = None, *, team_id: int) -> None:
        super().__init__(db, parent)
        self.team_id = team_id
        self.pickers["person_id"] = PersonPicker(self.ui.person_id, db)
        self.ui.joined_on.setDate(QDate.currentDate())
        self.setWindowTitle(tr("Add a team member"))

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services.teams import add_member

        return add_member(session, {**data, "team_id": self.team_id})


class AssignmentDialog(RecordForm):
    ui_class = Ui_AssignmentForm
    fields = ("person_id", "status", "place_id", "place_text", "start_date", "end_date", "note")

    def __init__(self, db: Any, parent: QWidget | None = None, *, person_id: int | None = None) -> None:
        super().__init__(db, parent)
        u = self.ui
        self.pickers["person_id"] = PersonPicker(u.person_id, db)
        fill_coded(u.status, AssignmentStatus)
        fill_choices(u.place_id, place_choices(db), blank=True)
        u.start_date.setDate(QDate.currentDate())
        optional_date(u.end_date)
        self.setWindowTitle(tr("Record whereabouts"))
        if person_id is not None:
            from rfdesk.services.people import get_person

            with db.session() as s:
                self.pickers["person_id"].set(person_id, get_person(s, person_id).name)

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services.whereabouts import create_assignment

        return create_assignment(session, data)


class DutyDialog(RecordForm):
    ui_class = Ui_DutyForm
    fields = ("person_id", "duty_date", "shift", "duty")

    def __init__(self, db: Any, parent: QWidget | None = None, *, team_id: int, day: date) -> None:
        super().__init__(db, parent)
        self.team_id = team_id
        self.pickers["person_id"] = PersonPicker(self.ui.person_id, db)
        self.ui.duty_date.setDate(QDate(day))
        fill_choices(self.ui.shift, [("24h", tr("24 hours")), ("day", tr("Day")), ("night", tr("Night"))])
        self.setWindowTitle(tr("Put someone on duty"))

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services.teams import assign_duty

        return assign_duty(session, {**data, "team_id": self.team_id})
