"""Commendation tab: every honoree of every batch, the batch editor, the notice."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget
from sqlalchemy import func, or_
from sqlalchemy.orm import aliased

from rfdesk.domain import Commendation, CommendationBatch, Organisation, PartyBranch, Person, Team
from rfdesk.domain.codes import BatchStatus, HonoreeKind
from rfdesk.services.search import Search
from rfdesk.ui import i18n
from rfdesk.ui.queries import date_blank_first, live, org_subtree
from rfdesk.ui.register_tab import RegisterTab
from rfdesk.ui.table import Column, Filter, RegisterQuery


def tr(text: str) -> str:
    return i18n.tr("Commendations", text)


_c_org = aliased(Organisation, name="c_org")
_c_person_org = aliased(Organisation, name="c_person_org")
_c_person = aliased(Person, name="c_person")
_c_team = aliased(Team, name="c_team")
_c_branch = aliased(PartyBranch, name="c_branch")
_honoree_name = func.coalesce(_c_person.name, _c_org.name, _c_team.name, _c_branch.name)


class CommendationQuery(RegisterQuery):
    model = Commendation
    default_sort = ("batch", True)

    def __init__(self) -> None:
        self.columns = [
            Column("batch", "Batch", CommendationBatch.title, sort=date_blank_first(CommendationBatch.decided_on),
                   width=260),
            Column("category", "Category", Commendation.category, sort=Commendation.category_pinyin, width=170),
            Column("honoree", "Honoree", _honoree_name, sort=func.coalesce(
                _c_person.name_pinyin, _c_org.name_pinyin, _c_team.name_pinyin, _c_branch.name_pinyin, ""), width=200),
            Column("honoree_kind", "Type", Commendation.honoree_kind,
                   fmt=lambda v: i18n.code_label(HonoreeKind, v), width=70),
            Column("unit", "Organisation", _c_person_org.name, sort=func.coalesce(_c_person_org.name_pinyin, ""),
                   width=200),
            Column("decided_on", "Decided on", CommendationBatch.decided_on,
                   sort=date_blank_first(CommendationBatch.decided_on), width=100),
            Column("status", "Status", CommendationBatch.status, fmt=lambda v: i18n.code_label(BatchStatus, v),
                   width=70),
            Column("deeds", "Deeds", Commendation.deeds, sort=False, fmt=lambda v: (v or "").replace("\n", " "),
                   width=300),
        ]

    def select_from(self, stmt: Any) -> Any:
        return (stmt.select_from(Commendation)
                .join(CommendationBatch, Commendation.batch_id == CommendationBatch.id)
                .outerjoin(_c_person, Commendation.person_id == _c_person.id)
                .outerjoin(_c_person_org, _c_person.organisation_id == _c_person_org.id)
                .outerjoin(_c_org, Commendation.organisation_id == _c_org.id)
                .outerjoin(_c_team, Commendation.team_id == _c_team.id)
                .outerjoin(_c_branch, Commendation.party_branch_id == _c_branch.id))

    def conditions(self, session: Any, flt: Filter) -> list[Any]:
        conds = [live(session, Commendation), CommendationBatch.deleted_at.is_(None)]
        search = Search.of(flt.search)
        if search:
            alts = [search.contains(_honoree_name), search.contains(Commendation.category)]
            if search.letters:
                for alias in (_c_person, _c_org, _c_team, _c_branch):
                    alts.append(search.starts(alias.name_initials, case="lower"))
            conds.append(or_(*alts))
        if flt.organisation_id is not None:
            conds.append(or_(org_subtree(_c_person.organisation_id, session, flt.organisation_id),
                             org_subtree(Commendation.organisation_id, session, flt.organisation_id)))
        if flt.status:
            conds.append(CommendationBatch.status == flt.status)
        if flt.category:
            conds.append(Commendation.batch_id == int(flt.category))
        return conds


class CommendationsTab(RegisterTab):
    key = "commendations"
    title = "Commendations"
    new_text = "New batch…"
    all_categories_text = "All batches"
    report_kind = "commendations"

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        self.status_choices = [(m.value, i18n.coded(m)) for m in BatchStatus]
        self.category_choices = self._batches(db)
        super().__init__(db, parent)

    @staticmethod
    def _batches(db: Any) -> list[tuple[str, str]]:
        from rfdesk.services.commendations import list_batches

        with db.session() as s:
            return [(str(b.id), b.title) for b in list_batches(s, limit=1000).rows]

    def make_query(self) -> RegisterQuery:
        return CommendationQuery()

    def extra_buttons(self) -> list[QWidget]:
        edit = QPushButton(tr("Edit batch…"), self)
        edit.setObjectName("edit_batch")
        edit.clicked.connect(self.edit_current)
        notice = QPushButton(tr("Notice (PDF)…"), self)
        notice.clicked.connect(self.preview_notice)
        return [edit, notice]

    def _batch_of(self, commendation_id: int | None) -> int | None:
        if commendation_id is None:
            if self.category_box is not None and self.category_box.currentData():
                return int(self.category_box.currentData())
            return None
        with self.db.session() as s:
            c = s.get(Commendation, commendation_id)
            return c.batch_id if c is not None else None

    def new_record(self) -> None:
        from rfdesk.ui.commendation_forms import CommendationBatchDialog

        CommendationBatchDialog(self.db, self).exec()
        self.refresh_batches()

    def edit_record(self, record_id: int) -> None:
        from rfdesk.ui.commendation_forms import CommendationBatchDialog

        batch_id = self._batch_of(record_id)
        if batch_id is not None:
            CommendationBatchDialog(self.db, self, batch_id=batch_id).exec()
            self.refresh_batches()

    def edit_current(self) -> None:
        from rfdesk.ui.commendation_forms import CommendationBatchDialog

        batch_id = self._batch_of(self.current_id())
        if batch_id is not None:
            CommendationBatchDialog(self.db, self, batch_id=batch_id).exec()
            self.refresh_batches()

    def refresh_batches(self) -> None:
        box = self.category_box
        if box is not None:
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(tr("All batches"), None)
            for code, label in self._batches(self.db):
                box.addItem(label, code)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)
        self.refresh()

    def delete_record(self, record_id: int) -> None:
        from rfdesk.services.commendations import remove_honoree

        with self.db.session() as s:
            remove_honoree(s, record_id)

    def preview_notice(self) -> None:
        from rfdesk.documents.notice import render_notice
        from rfdesk.ui.printing import preview_pdf

        batch_id = self._batch_of(self.current_id())
        if batch_id is not None:
            preview_pdf(self, self.db, tr("Commendation notice"), lambda s: render_notice(s, batch_id),
                        f"notice-{batch_id}.pdf")

    def report_filters(self) -> dict[str, Any]:
        batch = self.category_box.currentData() if self.category_box is not None else None
        return {"batch_id": int(batch)} if batch else {}

    def show_filtered(self, **values: Any) -> None:
        batch_id = values.pop("batch_id", None)
        self.set_filter_values(category=str(batch_id) if batch_id else None, **values)
