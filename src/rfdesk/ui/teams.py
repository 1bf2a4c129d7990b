"""Teams (vanguard posts, volunteer teams, work groups, professional teams) and their members."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from rfdesk.domain import Organisation, Place, Team, TeamMembership
from rfdesk.domain.codes import TeamKind
from rfdesk.ui import i18n
from rfdesk.ui.dialogs import close_buttons, fill_table, list_table
from rfdesk.ui.queries import date_blank_first, live, name_search, org_subtree
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
            Column("formed_on", "Formed on", Team.formed_on, sort=date_blank_first(Team.formed_on), width=100),
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
        members = QPushButton(tr("Members…"), self)
        members.clicked.connect(self.show_members)
        return [add, members]

    def show_members(self) -> None:
        tid = self.current_id()
        if tid is not None:
            MembersDialog(self.db, tid, self).exec()
            self.refresh()

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


class MembersDialog(QDialog):
    """Everyone who is or was in a team: the clerk ends a membership (kept as a former member) or removes
    one entered by mistake."""

    def __init__(self, db: Any, team_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.team_id = team_id
        self.setWindowTitle(tr("Members of the team"))
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        self.table = list_table(self, [tr("Full name"), tr("Role"), tr("Joined on"), tr("Left on")],
                                name="members")
        layout.addWidget(self.table)
        self.end_button = QPushButton(tr("Left the team today"), self)
        self.remove_button = QPushButton(tr("Remove (entered by mistake)"), self)
        self.end_button.clicked.connect(lambda: self._change("end"))
        self.remove_button.clicked.connect(lambda: self._change("remove"))
        layout.addWidget(close_buttons(self, self.end_button, self.remove_button))
        self.load()

    def load(self) -> None:
        from rfdesk.services.teams import team_members

        with self.db.session() as s:
            members = team_members(s, self.team_id, include_former=True)
            fill_table(self.table, [(m.person.name, m.role or "", m.joined_on.isoformat() if m.joined_on else "",
                                     m.left_on.isoformat() if m.left_on else "") for m in members],
                       [m.id for m in members])

    def _change(self, how: str) -> None:
        from rfdesk.services.errors import RfdeskError
        from rfdesk.services.teams import end_membership, remove_member
        from rfdesk.ui.errors import show_error

        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        mid = item.data(Qt.ItemDataRole.UserRole)
        try:
            with self.db.session() as s:
                if how == "end":
                    end_membership(s, mid, date.today())
                else:
                    remove_member(s, mid)
        except RfdeskError as exc:
            show_error(exc, self)
        self.load()


