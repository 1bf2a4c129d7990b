"""Organisations, places and party branches (Edit menu): the tree of units every register hangs from, the
communities, villages and stores that people are sent to and stock is kept in, and the party branches."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rfdesk.domain.codes import OrgKind, PlaceKind
from rfdesk.services.errors import RfdeskError
from rfdesk.ui import i18n
from rfdesk.ui.form import RecordForm, fill_choices, fill_coded, optional_date
from rfdesk.ui.forms.organisation_form import Ui_OrganisationForm
from rfdesk.ui.forms.party_branch_form import Ui_PartyBranchForm
from rfdesk.ui.forms.place_form import Ui_PlaceForm
from rfdesk.ui.queries import organisation_choices


def tr(text: str) -> str:
    return i18n.tr("Organisations", text)


class OrganisationDialog(RecordForm):
    ui_class = Ui_OrganisationForm
    fields = ("name", "short_name", "kind", "parent_id", "address", "phone", "notes")

    def __init__(self, db: Any, parent: QWidget | None = None, *, record_id: int | None = None,
                 parent_id: int | None = None) -> None:
        super().__init__(db, parent, record_id=record_id)
        fill_coded(self.ui.kind, OrgKind)
        fill_choices(self.ui.parent_id, [(i, n) for i, n in organisation_choices(db) if i != record_id], blank=True)
        self.set_value("kind", OrgKind.DEPARTMENT.value)
        self.set_value("parent_id", parent_id)
        self.setWindowTitle(tr("New organisation") if record_id is None else tr("Edit organisation"))
        if record_id is not None:
            from rfdesk.domain import Organisation
            from rfdesk.services.base import get

            with db.session() as s:
                self.load(get(s, Organisation, record_id))

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services import organisations

        if self.record_id is None:
            return organisations.create_organisation(session, data)
        return organisations.update_organisation(session, self.record_id, data, expected_version=self.version)


class PlaceDialog(RecordForm):
    ui_class = Ui_PlaceForm
    fields = ("name", "kind", "organisation_id", "address", "notes")

    def __init__(self, db: Any, parent: QWidget | None = None, *, record_id: int | None = None) -> None:
        super().__init__(db, parent, record_id=record_id)
        fill_coded(self.ui.kind, PlaceKind)
        fill_choices(self.ui.organisation_id, organisation_choices(db), blank=True)
        self.setWindowTitle(tr("New place") if record_id is None else tr("Edit place"))
        if record_id is not None:
            from rfdesk.domain import Place
            from rfdesk.services.base import get

            with db.session() as s:
                self.load(get(s, Place, record_id))

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services import organisations

        if self.record_id is None:
            return organisations.create_place(session, data)
        return organisations.update_place(session, self.record_id, data, expected_version=self.version)


class PartyBranchDialog(RecordForm):
    ui_class = Ui_PartyBranchForm
    fields = ("name", "organisation_id", "is_temporary", "founded_on", "dissolved_on", "notes")

    def __init__(self, db: Any, parent: QWidget | None = None, *, record_id: int | None = None) -> None:
        super().__init__(db, parent, record_id=record_id)
        fill_choices(self.ui.organisation_id, organisation_choices(db), blank=True)
        optional_date(self.ui.founded_on)
        optional_date(self.ui.dissolved_on)
        self.setWindowTitle(tr("New party branch") if record_id is None else tr("Edit party branch"))
        if record_id is not None:
            from rfdesk.domain import PartyBranch
            from rfdesk.services.base import get

            with db.session() as s:
                self.load(get(s, PartyBranch, record_id))

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services import people

        if self.record_id is None:
            return people.create_party_branch(session, data)
        return people.update_party_branch(session, self.record_id, data, expected_version=self.version)


class OrganisationsDialog(QDialog):
    """The organisation tree and the list of places, each with new / edit / delete."""

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.changed = False
        self.setWindowTitle(tr("Organisations and places"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        tabs = QTabWidget(self)
        layout.addWidget(tabs)

        org_page = QWidget(tabs)
        ol = QVBoxLayout(org_page)
        self.tree = QTreeWidget(org_page)
        self.tree.setObjectName("organisations")
        self.tree.setHeaderLabels([tr("Organisation"), tr("Kind")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.itemDoubleClicked.connect(lambda _item, _col: self.edit_organisation())
        ol.addWidget(self.tree)
        ol.addLayout(self._buttons(org_page, (
            (tr("New unit under the selected one…"), self.new_organisation),
            (tr("Edit…"), self.edit_organisation),
            (tr("Delete"), self.delete_organisation))))
        tabs.addTab(org_page, tr("Organisations"))

        place_page = QWidget(tabs)
        pl = QVBoxLayout(place_page)
        self.places = QListWidget(place_page)
        self.places.setObjectName("places")
        self.places.itemDoubleClicked.connect(lambda _item: self.edit_place())
        pl.addWidget(self.places)
        pl.addLayout(self._buttons(place_page, (
            (tr("New place…"), self.new_place), (tr("Edit…"), self.edit_place), (tr("Delete"), self.delete_place))))
        tabs.addTab(place_page, tr("Places"))

        branch_page = QWidget(tabs)
        bl = QVBoxLayout(branch_page)
        self.branches = QListWidget(branch_page)
        self.branches.setObjectName("party_branches")
        self.branches.itemDoubleClicked.connect(lambda _item: self.edit_branch())
        bl.addWidget(self.branches)
        bl.addLayout(self._buttons(branch_page, (
            (tr("New party branch…"), self.new_branch), (tr("Edit…"), self.edit_branch),
            (tr("Delete"), self.delete_branch))))
        tabs.addTab(branch_page, tr("Party branches"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.load()

    def _buttons(self, parent: QWidget, specs: tuple[tuple[str, Any], ...]) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in specs:
            b = QPushButton(text, parent)
            b.clicked.connect(lambda _c=False, slot=slot: slot())
            row.addWidget(b)
        row.addStretch(1)
        return row

    def load(self) -> None:
        from rfdesk.services.organisations import list_organisations, list_places
        from rfdesk.services.people import list_party_branches

        with self.db.session() as s:
            orgs = [(o.id, o.parent_id, o.name, o.kind) for o in list_organisations(s)]
            places = [(p.id, p.name, p.kind) for p in list_places(s)]
            branches = [(b.id, b.name, b.is_temporary) for b in list_party_branches(s)]
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for oid, parent_id, name, kind in orgs:
            item = QTreeWidgetItem([name, i18n.code_label(OrgKind, kind)])
            item.setData(0, Qt.ItemDataRole.UserRole, oid)
            parent = items.get(parent_id) if parent_id else None
            if parent is not None:
                parent.addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            items[oid] = item
        self.tree.expandToDepth(0)
        self.places.clear()
        for pid, name, kind in places:
            item = QListWidgetItem(f"{name}（{i18n.code_label(PlaceKind, kind)}）")
            item.setData(Qt.ItemDataRole.UserRole, pid)
            self.places.addItem(item)
        self.branches.clear()
        for bid, name, temporary in branches:
            item = QListWidgetItem(name + (f"（{tr('temporary')}）" if temporary else ""))
            item.setData(Qt.ItemDataRole.UserRole, bid)
            self.branches.addItem(item)

    def _org_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _place_id(self) -> int | None:
        item = self.places.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _after(self, accepted: bool) -> None:
        if accepted:
            self.changed = True
            self.load()

    def new_organisation(self) -> None:
        self._after(bool(OrganisationDialog(self.db, self, parent_id=self._org_id()).exec()))

    def edit_organisation(self) -> None:
        if self._org_id() is not None:
            self._after(bool(OrganisationDialog(self.db, self, record_id=self._org_id()).exec()))

    def new_place(self) -> None:
        self._after(bool(PlaceDialog(self.db, self).exec()))

    def edit_place(self) -> None:
        if self._place_id() is not None:
            self._after(bool(PlaceDialog(self.db, self, record_id=self._place_id()).exec()))

    def _delete(self, fn: Any, record_id: int | None) -> None:
        from rfdesk.ui.errors import show_error

        if record_id is None:
            return
        answer = QMessageBox.question(self, tr("Delete"), tr("Move it to the recycle bin?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.db.session() as s:
                fn(s, record_id)
        except RfdeskError as exc:
            show_error(exc, self)
            return
        self._after(True)

    def _branch_id(self) -> int | None:
        item = self.branches.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def new_branch(self) -> None:
        self._after(bool(PartyBranchDialog(self.db, self).exec()))

    def edit_branch(self) -> None:
        if self._branch_id() is not None:
            self._after(bool(PartyBranchDialog(self.db, self, record_id=self._branch_id()).exec()))

    def delete_branch(self) -> None:
        from rfdesk.services.people import delete_party_branch

        self._delete(delete_party_branch, self._branch_id())

    def delete_organisation(self) -> None:
        from rfdesk.services.organisations import delete_organisation

        self._delete(delete_organisation, self._org_id())

    def delete_place(self) -> None:
        from rfdesk.services.organisations import delete_place

        self._delete(delete_place, self._place_id())
