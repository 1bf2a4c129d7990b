"""War-readiness resources tab: facilities, equipment and supplies with their stock, movements, allocations."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import BigInteger, case, func, select, type_coerce
from sqlalchemy.orm import aliased

from rfdesk.domain import Organisation, Place, Resource, StockMovement
from rfdesk.domain.codes import MovementKind, PlaceKind, ResourceCategory, ResourceKind, ResourceStatus
from rfdesk.ui import i18n
from rfdesk.ui.dialogs import close_buttons, fill_table, list_table
from rfdesk.ui.queries import live, name_search, org_subtree
from rfdesk.ui.register_tab import RegisterTab
from rfdesk.ui.table import Column, Filter, RegisterQuery, format_quantity


def tr(text: str) -> str:
    return i18n.tr("Resources", text)


_r_org = aliased(Organisation, name="r_org")
_r_place = aliased(Place, name="r_place")


def stock_expr() -> Any:
    """Stock of the correlated supply held at all places together (in − out of its live movements)."""
    m = StockMovement
    flow = (case((m.to_place_id.is_not(None), m.quantity), else_=0)
            - case((m.from_place_id.is_not(None), m.quantity), else_=0))
    total = (select(func.coalesce(func.sum(flow), 0)).where(m.resource_id == Resource.id, m.deleted_at.is_(None))
             .correlate(Resource).scalar_subquery())
    # Read as the stored integer (thousandths); shown by _stock_text.
    return type_coerce(case((Resource.category == ResourceCategory.SUPPLY.value, total), else_=None), BigInteger)


def _stock_text(value: Any) -> str:
    if value is None:
        return ""
    from decimal import Decimal

    return format_quantity(Decimal(int(value)).scaleb(-3))   # stored in thousandths


class ResourceQuery(RegisterQuery):
    model = Resource
    default_sort = ("name", False)

    def __init__(self) -> None:
        code = i18n.code_label
        self.columns = [
            Column("name", "Resource", Resource.name, sort=Resource.name_pinyin, width=260),
            Column("kind", "Kind", Resource.kind, fmt=lambda v: code(ResourceKind, v), width=150),
            Column("category", "Category", Resource.category, fmt=lambda v: code(ResourceCategory, v), width=60),
            Column("status", "Status", Resource.status, fmt=lambda v: code(ResourceStatus, v), width=80),
            Column("stock", "Stock", stock_expr(), sort=False, fmt=_stock_text, right=True, width=80),
            Column("unit_of_measure", "Unit", Resource.unit_of_measure, sort=False, width=50),
            Column("min_stock", "Minimum", Resource.min_stock, sort=False, fmt=format_quantity, right=True, width=70),
            Column("capacity_people", "Capacity (people)", Resource.capacity_people,
                   sort=func.coalesce(Resource.capacity_people, 0), right=True, width=100),
            Column("organisation", "Organisation", _r_org.name, sort=func.coalesce(_r_org.name_pinyin, ""), width=180),
            Column("place", "Place", _r_place.name, sort=func.coalesce(_r_place.name_pinyin, ""), width=140),
            Column("code", "Code", Resource.code, sort=func.coalesce(Resource.code, ""), width=90, visible=False),
            Column("serial_no", "Serial number", Resource.serial_no, sort=False, width=110, visible=False),
            Column("address", "Address", Resource.address, sort=False, width=200, visible=False),
        ]

    def select_from(self, stmt: Any) -> Any:
        return (stmt.select_from(Resource).outerjoin(_r_org, Resource.organisation_id == _r_org.id)
                .outerjoin(_r_place, Resource.place_id == _r_place.id))

    def conditions(self, session: Any, flt: Filter) -> list[Any]:
        conds = [live(session, Resource),
                 name_search(Resource.name, Resource.name_initials, Resource.name_pinyin, flt.search),
                 org_subtree(Resource.organisation_id, session, flt.organisation_id),
                 Resource.status == flt.status if flt.status else None,
                 Resource.category == flt.category if flt.category else None]
        if flt.extra.get("kind"):
            conds.append(Resource.kind == flt.extra["kind"])
        if flt.extra.get("below_minimum"):
            stock = stock_expr()
            conds.append(Resource.min_stock.is_not(None))
            conds.append(stock < func.coalesce(Resource.min_stock, 0))
        return conds

    def total_expr(self) -> Any:
        return None


class ResourcesTab(RegisterTab):
    key = "resources"
    title = "Resources"
    new_text = "New resource"
    report_kind = "resources"
    extra_filters = ("kind", "below_minimum")

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        self.status_choices = [(m.value, i18n.coded(m)) for m in ResourceStatus]
        self.category_choices = [(m.value, i18n.coded(m)) for m in ResourceCategory]
        super().__init__(db, parent)

    def make_query(self) -> RegisterQuery:
        return ResourceQuery()

    def extra_buttons(self) -> list[QWidget]:
        move = QPushButton(tr("Stock in / out…"), self)
        move.setObjectName("stock_movement")
        move.clicked.connect(self.stock_movement)
        alloc = QPushButton(tr("Allocations"), self)
        alloc.clicked.connect(self.show_allocations)
        return [move, alloc]

    def new_record(self) -> None:
        from rfdesk.ui.resource_forms import ResourceDialog

        dlg = ResourceDialog(self.db, self)
        if dlg.exec():
            self.refresh()
            self.select_id(dlg.record_id)

    def edit_record(self, record_id: int) -> None:
        from rfdesk.ui.resource_forms import ResourceDialog

        if ResourceDialog(self.db, self, record_id=record_id).exec():
            self.refresh()

    def delete_record(self, record_id: int) -> None:
        from rfdesk.services.resources import delete_resource

        with self.db.session() as s:
            delete_resource(s, record_id)

    def stock_movement(self) -> None:
        from rfdesk.ui.resource_forms import StockMovementDialog

        rid = self.current_id()
        if rid is None:
            return
        if StockMovementDialog(self.db, self, resource_id=rid).exec():
            self.refresh()

    def show_allocations(self) -> None:
        AllocationsDialog(self.db, self).exec()

    def detail_extra_html(self, session: Any, record_id: int) -> str:
        from rfdesk.services.resources import amount_text, balances, get_resource, list_movements

        r = get_resource(session, record_id)
        if r.category != ResourceCategory.SUPPLY.value:
            return ""
        uom = html.escape(r.unit_of_measure or "")
        rows = "".join(f"<li>{html.escape(b.place_name)}：{amount_text(b.balance)} {uom}</li>"
                       for b in balances(session, record_id))
        moves = list_movements(session, resource_id=record_id, descending=True, limit=10).rows
        mv = "".join(
            f"<li>{m.moved_on:%Y-%m-%d} {html.escape(i18n.code_label(MovementKind, m.kind))} "
            f"{amount_text(m.quantity)} {uom} "
            f"{html.escape((m.from_place.name if m.from_place else '') + ' → ' + (m.to_place.name if m.to_place else (m.to_team.name if m.to_team else '')))}</li>"
            for m in moves)
        out = ""
        if rows:
            out += f"<h4>{html.escape(tr('Stock by place'))}</h4><ul style='margin-left:-20px'>{rows}</ul>"
        if mv:
            out += f"<h4>{html.escape(tr('Latest movements'))}</h4><ul style='margin-left:-20px'>{mv}</ul>"
        return out


class AllocationsDialog(QDialog):
    """What each community, village and team received of each supply, and what came back."""

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from rfdesk.services.resources import allocations, amount_text

        self.setWindowTitle(tr("Allocations to communities, villages and teams"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        with db.session() as s:
            lines = allocations(s)
        self.table = list_table(self, [tr("Recipient"), tr("Kind"), tr("Supply"), tr("Received"), tr("Net")],
                                name="allocations")
        fill_table(self.table, [
            (line.recipient_name, i18n.code_label(PlaceKind, line.place_kind) if line.place_kind else tr("Team"),
             line.resource_name, f"{amount_text(line.received)} {line.unit_of_measure or ''}",
             f"{amount_text(line.net)} {line.unit_of_measure or ''}")
            for line in lines])
        layout.addWidget(self.table)
        layout.addWidget(close_buttons(self))
