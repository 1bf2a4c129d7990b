"""The commendation batch editor: the batch, and honorees added from the registers with their deeds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from rfdesk.domain.codes import HonoreeKind
from rfdesk.services.errors import RfdeskError
from rfdesk.ui import i18n
from rfdesk.ui.form import PersonPicker, RecordForm, fill_choices, fill_coded
from rfdesk.ui.forms.commendation_batch import Ui_CommendationBatchForm
from rfdesk.ui.queries import organisation_choices

# Headings the first batch used; the clerk may type others.
USUAL_CATEGORIES = ("“硬核”党支部", "“硬核”共产党员", "“硬核”职工")


def tr(text: str) -> str:
    return i18n.tr("Commendations", text)


def honoree_choices(db: Any, kind: str) -> list[tuple[int, str]]:
    """Organisations, party branches or teams to choose from (people are looked up as the clerk types)."""
    from sqlalchemy import select

    from rfdesk.domain import PartyBranch, Team

    if kind == HonoreeKind.ORGANISATION.value:
        return organisation_choices(db)
    model = PartyBranch if kind == HonoreeKind.PARTY_BRANCH.value else Team
    with db.session() as s:
        return [(i, n) for i, n in s.execute(select(model.id, model.name).where(model.deleted_at.is_(None))
                                             .order_by(model.name_pinyin))]


class CommendationBatchDialog(RecordForm):
    ui_class = Ui_CommendationBatchForm
    fields = ("title", "issuer_id", "decided_on", "list_order", "notes")

    def __init__(self, db: Any, parent: QWidget | None = None, *, batch_id: int | None = None) -> None:
        super().__init__(db, parent, record_id=batch_id)
        from rfdesk.services.commendations import LIST_ORDERS

        u = self.ui
        fill_choices(u.issuer_id, organisation_choices(db), blank=True)
        fill_choices(u.list_order, [(k, zh if i18n.is_chinese() else en) for k, (zh, en) in LIST_ORDERS.items()])
        fill_coded(u.honoree_kind, HonoreeKind)
        u.honoree_kind.setCurrentIndex(max(0, u.honoree_kind.findData(HonoreeKind.PERSON.value)))
        fill_choices(u.category, [(c, c) for c in USUAL_CATEGORIES])
        u.decided_on.setDate(QDate.currentDate())
        self.person_picker = PersonPicker(u.honoree, db)
        self._named: dict[str, int] = {}
        self._names_model = QStringListModel(self)
        self._names_completer = QCompleter(self._names_model, self)
        self._names_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._names_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        u.honoree_kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        u.add_honoree.clicked.connect(self.add_honoree)
        u.add_honoree.setAutoDefault(False)
        u.move_up.clicked.connect(lambda: self.move(-1))
        u.move_down.clicked.connect(lambda: self.move(1))
        u.remove_honoree.clicked.connect(self.remove_honoree)
        t: QTableWidget = u.honorees
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        t.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        t.setColumnWidth(0, 150)
        t.setColumnWidth(1, 220)
        t.setColumnWidth(2, 70)
        t.verticalHeader().setVisible(False)
        self.setWindowTitle(tr("New commendation batch") if batch_id is None else tr("Commendation batch"))
        if batch_id is not None:
            from rfdesk.domain import CommendationBatch
            from rfdesk.services.base import get

            with db.session() as s:
                self.load(get(s, CommendationBatch, batch_id))
        self._kind_changed()
        self.load_honorees()

    def _kind_changed(self) -> None:
        kind = self.ui.honoree_kind.currentData()
        self.ui.honoree.clear()
        if kind == HonoreeKind.PERSON.value:
            self.ui.honoree.setCompleter(self.person_picker.completer)
            return
        choices = honoree_choices(self.db, kind)
        self._named = {name: i for i, name in choices}
        self._names_model.setStringList([name for _i, name in choices])
        self.ui.honoree.setCompleter(self._names_completer)

    def _honoree_id(self) -> Any:
        if self.ui.honoree_kind.currentData() == HonoreeKind.PERSON.value:
            return self.person_picker.value()
        text = self.ui.honoree.text().strip()
        return self._named.get(text, text or None)

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services import commendations

        if self.record_id is None:
            batch = commendations.create_batch(session, data)
        else:
            batch = commendations.update_batch(session, self.record_id, data, expected_version=self.version)
        return batch

    def _ensure_batch(self) -> bool:
        """The batch is saved before its first honoree (the honoree needs it)."""
        if self.record_id is not None:
            return True
        self.clear_marks()
        try:
            with self.db.session() as s:
                batch = self.write(s, self.data())
                self.record_id, self.version = batch.id, batch.version
        except RfdeskError as exc:
            self.mark(exc)
            return False
        return True

    def add_honoree(self) -> None:
        from rfdesk.services.commendations import HONOREE_ID_FIELD, add_honoree

        if not self._ensure_batch():
            return
        self.clear_marks()
        kind = self.ui.honoree_kind.currentData()
        id_field = HONOREE_ID_FIELD[kind][0]
        data = {"honoree_kind": kind, id_field: self._honoree_id(),
                "category": self.value("category"), "deeds": self.value("deeds")}
        try:
            with self.db.session() as s:
                add_honoree(s, self.record_id, data)
                from rfdesk.domain import CommendationBatch

                self.version = s.get(CommendationBatch, self.record_id).version
        except RfdeskError as exc:
            if exc.field == id_field:
                exc = type(exc)("honoree", exc.zh, exc.en)
            self.mark(exc)
            return
        self.ui.honoree.clear()
        self.person_picker.person_id = None
        self.ui.deeds.clear()
        self.load_honorees()
        self.ui.honoree.setFocus()

    def load_honorees(self) -> None:
        from rfdesk.services.commendations import batch_honorees

        t = self.ui.honorees
        t.setRowCount(0)
        if self.record_id is None:
            return
        with self.db.session() as s:
            rows = batch_honorees(s, self.record_id)
        t.setRowCount(len(rows))
        for category in dict.fromkeys(h.category for h in rows):   # headings already used come first
            if self.ui.category.findText(category) < 0:
                self.ui.category.insertItem(0, category, category)
        for r, h in enumerate(rows):
            name = h.name + (f"（{h.unit_and_post}）" if h.honoree_kind == HonoreeKind.PERSON.value and h.unit_and_post
                             else "")
            for c, text in enumerate((h.category, name, i18n.code_label(HonoreeKind, h.honoree_kind),
                                      (h.deeds or "").replace("\n", " "))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, h.commendation_id)
                t.setItem(r, c, item)
        self.ui.honoree_box.setTitle(tr("Add an honoree from the registers") + f"（{tr('%n on the list').replace('%n', str(len(rows)))}）")

    def _selected(self) -> int | None:
        item = self.ui.honorees.item(self.ui.honorees.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def move(self, steps: int) -> None:
        from rfdesk.services.commendations import move_honoree

        cid = self._selected()
        if cid is None:
            return
        row = self.ui.honorees.currentRow()
        try:
            with self.db.session() as s:
                move_honoree(s, cid, steps)
        except RfdeskError as exc:
            self.mark(exc)
            return
        self.load_honorees()
        self.ui.honorees.selectRow(max(0, min(row + steps, self.ui.honorees.rowCount() - 1)))

    def remove_honoree(self) -> None:
        from rfdesk.services.commendations import remove_honoree

        cid = self._selected()
        if cid is None:
            return
        try:
            with self.db.session() as s:
                remove_honoree(s, cid)
        except RfdeskError as exc:
            self.mark(exc)
            return
        self.load_honorees()

    def honoree_count(self) -> int:
        return self.ui.honorees.rowCount()
