"""Resource forms: a facility, piece of equipment or supply; a stock movement that shows the balance."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from rfdesk.domain.codes import (
    RESOURCE_KIND_CATEGORY,
    MovementKind,
    ResourceCategory,
    ResourceKind,
    ResourceStatus,
)
from rfdesk.ui import i18n
from rfdesk.ui.form import RecordForm, fill_choices, fill_coded
from rfdesk.ui.forms.resource_form import Ui_ResourceForm
from rfdesk.ui.forms.stock_movement import Ui_StockMovementForm
from rfdesk.ui.queries import organisation_choices, place_choices

# Which form rows belong to which category (the service refuses the others).
CATEGORY_ROWS = {
    ResourceCategory.FACILITY.value: ("address", "capacity_people", "area_m2"),
    ResourceCategory.EQUIPMENT.value: ("serial_no",),
    ResourceCategory.SUPPLY.value: ("unit_of_measure", "min_stock"),
}
ENDS = {
    MovementKind.RECEIPT.value: ("to_place_id",),
    MovementKind.ISSUE.value: ("from_place_id", "to_team_id"),
    MovementKind.ALLOCATION.value: ("from_place_id", "to_place_id", "to_team_id"),
    MovementKind.RETURN.value: ("from_place_id", "to_place_id"),
    MovementKind.WRITE_OFF.value: ("from_place_id",),
}


def tr(text: str) -> str:
    return i18n.tr("Resources", text)


class ResourceDialog(RecordForm):
    ui_class = Ui_ResourceForm
    fields = ("kind", "name", "code", "organisation_id", "place_id", "address", "capacity_people", "area_m2",
              "serial_no", "status", "unit_of_measure", "min_stock", "notes")

    def __init__(self, db: Any, parent: QWidget | None = None, *, record_id: int | None = None) -> None:
        super().__init__(db, parent, record_id=record_id)
        u = self.ui
        fill_coded(u.category, ResourceCategory)
        fill_coded(u.status, ResourceStatus)
        fill_choices(u.organisation_id, organisation_choices(db), blank=True)
        fill_choices(u.place_id, place_choices(db), blank=True)
        u.category.currentIndexChanged.connect(lambda _i: self._category_changed())
        self._category_changed()
        self.setWindowTitle(tr("New resource") if record_id is None else tr("Edit resource"))
        if record_id is not None:
            from rfdesk.services.resources import get_resource

            with db.session() as s:
                r = get_resource(s, record_id)
                self.set_value("category", r.category)
                self._category_changed()
                self.load(r)

    def _category_changed(self) -> None:
        category = self.ui.category.currentData()
        current = self.ui.kind.currentData()
        fill_choices(self.ui.kind, [(k.value, i18n.coded(k)) for k in ResourceKind
                                    if RESOURCE_KIND_CATEGORY[k].value == category])
        if current is not None:
            self.set_value("kind", current)
        for cat, rows in CATEGORY_ROWS.items():
            for name in rows:
                self.ui.fields.setRowVisible(self.widget(name), cat == category)

    def data(self) -> dict[str, Any]:
        data = super().data()
        category = self.ui.category.currentData()
        for cat, rows in CATEGORY_ROWS.items():
            if cat != category:
                for name in rows:
                    data[name] = None
        if data.get("capacity_people") == 0:
            data["capacity_people"] = None
        return data

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services import resources

        if self.record_id is None:
            return resources.create_resource(session, data)
        return resources.update_resource(session, self.record_id, data, expected_version=self.version)


class StockMovementDialog(RecordForm):
    """Receive, issue, allocate, return or write off a supply; the balance of the source place is shown."""

    ui_class = Ui_StockMovementForm
    fields = ("kind", "quantity", "from_place_id", "to_place_id", "to_team_id", "moved_on", "reference",
              "handler", "note")

    def __init__(self, db: Any, parent: QWidget | None = None, *, resource_id: int,
                 kind: str = MovementKind.ALLOCATION.value) -> None:
        super().__init__(db, parent)
        from rfdesk.services.resources import get_resource
        from rfdesk.services.teams import list_teams

        self.resource_id = resource_id
        u = self.ui
        with db.session() as s:
            r = get_resource(s, resource_id)
            self.unit = r.unit_of_measure or ""
            u.resource.setText(r.name)
            teams = [(t.id, t.name) for t in list_teams(s, limit=10_000).rows]
        fill_coded(u.kind, MovementKind)
        places = place_choices(db)
        fill_choices(u.from_place_id, places, blank=True)
        fill_choices(u.to_place_id, places, blank=True)
        fill_choices(u.to_team_id, teams, blank=True)
        u.moved_on.setDate(QDate.currentDate())
        u.moved_on.setMaximumDate(QDate.currentDate())
        self.set_value("kind", kind)
        u.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        u.from_place_id.currentIndexChanged.connect(lambda _i: self.show_balance())
        self._kind_changed()
        self.setWindowTitle(tr("Stock movement"))

    def _kind_changed(self) -> None:
        ends = ENDS.get(self.ui.kind.currentData(), ())
        for name in ("from_place_id", "to_place_id", "to_team_id"):
            self.ui.fields.setRowVisible(self.widget(name), name in ends)
        self.show_balance()

    def show_balance(self) -> None:
        from rfdesk.services.resources import amount_text, balance

        place = self.ui.from_place_id.currentData()
        with self.db.session() as s:
            total = balance(s, self.resource_id)
            here = balance(s, self.resource_id, place) if place is not None else None
        text = tr("%1 %2 in all places").replace("%1", amount_text(total)).replace("%2", self.unit)
        if here is not None:
            text = (tr("%1 %2 at %3").replace("%1", amount_text(here)).replace("%2", self.unit)
                    .replace("%3", self.ui.from_place_id.currentText()) + "；" + text)
        self.ui.balance.setText(text)

    def data(self) -> dict[str, Any]:
        data = super().data()
        ends = ENDS.get(data["kind"], ())
        for name in ("from_place_id", "to_place_id", "to_team_id"):
            if name not in ends:
                data[name] = None
        return {**data, "resource_id": self.resource_id}

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        from rfdesk.services.resources import record_movement

        return record_movement(session, data)
