"""Stock of supplies: movements (receipt, issue, allocation, return, write-off), balances, allocations.

A movement takes a quantity out of one place and/or into another place or a team; the balance of a supply
at a place is sum(in) − sum(out) over its live movements, computed in SQL whenever it is asked for, so it
can never drift from the movements. Stock never goes negative: a movement that takes more than the source
place holds is refused, and so is deleting a movement that the later movements depend on. Balances do not
depend on dates: a movement may be entered late.

Two clerks taking the last stock at once: each movement first takes the database's write lock (SQLite; on
PostgreSQL a row lock on the resource), then reads the balance and writes in the same transaction, so the
second clerk waits for the first and then sees what is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, event, func, literal, or_, select, union_all
from sqlalchemy.orm import Session, attributes

from rfdesk.domain import Place, Resource, StockMovement, Team
from rfdesk.domain.base import Quantity
from rfdesk.domain.codes import MovementKind, PlaceKind, ResourceCategory
from rfdesk.services import validation as v
from rfdesk.services.base import (
    Page,
    apply_changes,
    check_version,
    claim_write_lock,
    flush,
    get,
    in_order,
    live,
    page,
    referenced,
    restore,
    soft_delete,
)
from rfdesk.services.errors import ValidationError

MOVEMENT_FIELDS = {
    "resource_id", "kind", "quantity", "from_place_id", "to_place_id", "to_team_id", "moved_on", "reference",
    "handler", "note",
}
MOVEMENT_EDITABLE = {"moved_on", "reference", "handler", "note"}
VERBS = {
    MovementKind.RECEIPT: ("入库", "receive"),
    MovementKind.ISSUE: ("出库", "issue"),
    MovementKind.ALLOCATION: ("调拨", "allocate"),
    MovementKind.RETURN: ("归还", "return"),
    MovementKind.WRITE_OFF: ("报损", "write off"),
}
ZERO = Decimal("0.000")


def _q(value: Any) -> Decimal:
    return Decimal(value or 0).quantize(ZERO)


def amount_text(q: Decimal | None) -> str:
    """A quantity as a clerk writes it: 1200, 10.5 (no trailing zeros, no exponent)."""
    if q is None:
        return "0"
    return format(q.normalize(), "f")


# ---- balances --------------------------------------------------------------------------------------------


def balance(session: Session, resource_id: int, place_id: int | None = None) -> Decimal:
    """Stock of a supply at one place, or (``place_id`` None) held at all places together, from SQL sums."""
    m = StockMovement
    if place_id is None:
        inflow = case((m.to_place_id.is_not(None), m.quantity), else_=0)
        outflow = case((m.from_place_id.is_not(None), m.quantity), else_=0)
    else:
        inflow = case((m.to_place_id == place_id, m.quantity), else_=0)
        outflow = case((m.from_place_id == place_id, m.quantity), else_=0)
    got_in, got_out = session.execute(
        select(func.coalesce(func.sum(inflow), 0), func.coalesce(func.sum(outflow), 0))
        .where(m.resource_id == resource_id, live(m))
    ).one()
    return _q(got_in) - _q(got_out)


@dataclass(frozen=True)
class PlaceBalance:
    place_id: int
    place_name: str
    place_kind: str
    received: Decimal
    sent: Decimal

    @property
    def balance(self) -> Decimal:
        return self.received - self.sent


def _flows() -> Any:
    """Every live movement as (resource, place, in, out) rows: one row per side of the movement."""
    m = StockMovement
    zero = literal(0, Quantity)
    into = select(m.resource_id.label("resource_id"), m.to_place_id.label("place_id"),
                  m.quantity.label("q_in"), zero.label("q_out")).where(live(m), m.to_place_id.is_not(None))
    out = select(m.resource_id, m.from_place_id, zero, m.quantity).where(live(m), m.from_place_id.is_not(None))
    return union_all(into, out).subquery()


def balances(session: Session, resource_id: int, *, include_empty: bool = False) -> list[PlaceBalance]:
    """Stock of a supply per place (places it ever moved through; empty ones only if asked), by place name."""
    f = _flows()
    q_in, q_out = func.sum(f.c.q_in), func.sum(f.c.q_out)
    stmt = (
        select(Place.id, Place.name, Place.kind, q_in, q_out)
        .select_from(f)
        .join(Place, Place.id == f.c.place_id)
        .where(f.c.resource_id == resource_id)
        .group_by(Place.id, Place.name, Place.kind, Place.name_pinyin)
        .order_by(Place.name_pinyin, Place.id)
    )
    if not include_empty:
        stmt = stmt.having(q_in != q_out)
    return [PlaceBalance(pid, name, kind, _q(i), _q(o))
            for pid, name, kind, i, o in session.execute(stmt)]


@dataclass(frozen=True)
class LowStock:
    resource_id: int
    name: str
    unit_of_measure: str | None
    balance: Decimal
    min_stock: Decimal


# Places that receive supplies for use rather than keep them: what was allocated there is no longer in the
# office's stores, so it does not count against a supply's minimum stock.
RECIPIENT_PLACE_KINDS = (PlaceKind.COMMUNITY.value, PlaceKind.VILLAGE.value)


def low_stock(session: Session) -> list[LowStock]:
    """Live supplies whose stock in the office's stores (every place except the communities and villages it
    was allocated to) is below their minimum, by name (found in SQL)."""
    f = _flows()
    per = (
        select(f.c.resource_id, func.sum(f.c.q_in).label("q_in"), func.sum(f.c.q_out).label("q_out"))
        .join(Place, Place.id == f.c.place_id)
        .where(Place.kind.not_in(RECIPIENT_PLACE_KINDS))
        .group_by(f.c.resource_id)
        .subquery()
    )
    q_in, q_out = func.coalesce(per.c.q_in, 0), func.coalesce(per.c.q_out, 0)
    stmt = (
        select(Resource.id, Resource.name, Resource.unit_of_measure, q_in, q_out, Resource.min_stock)
        .outerjoin(per, per.c.resource_id == Resource.id)
        .where(live(Resource), Resource.category == ResourceCategory.SUPPLY.value, Resource.min_stock.is_not(None),
               q_in - q_out < Resource.min_stock)  # all stored in thousandths, so comparable as stored
        .order_by(Resource.name_pinyin, Resource.id)
    )
    return [LowStock(rid, name, uom, _q(i) - _q(o), mn)
            for rid, name, uom, i, o, mn in session.execute(stmt)]


@dataclass(frozen=True)
class AllocationLine:
    """What one community, village, other place or team received of one supply (and gave back)."""

    recipient_kind: str  # "place" or "team"
    recipient_id: int
    recipient_name: str
    place_kind: str | None
    resource_id: int
    resource_name: str
    unit_of_measure: str | None
    received: Decimal
    returned: Decimal

    @property
    def net(self) -> Decimal:
        return self.received - self.returned


def allocations(session: Session, *, place_kind: Any = None, resource_id: int | None = None,
                date_from: Any = None, date_to: Any = None) -> list[AllocationLine]:
    """Allocations received per place (communities, villages, …) and per team, with the quantities
    returned from each place, per supply; places first, by name. Sums in SQL.
    """
    m = StockMovement
    conds = [live(m)]
    if resource_id is not None:
        conds.append(m.resource_id == resource_id)
    lo, hi = v.a_date("date_from", date_from), v.a_date("date_to", date_to)
    if lo is not None:
        conds.append(m.moved_on >= lo)
    if hi is not None:
        conds.append(m.moved_on <= hi)
    zero = literal(0, Quantity)
    got = select(m.to_place_id.label("place_id"), m.resource_id.label("resource_id"), m.quantity.label("q_in"),
                 zero.label("q_back")).where(*conds, m.kind == MovementKind.ALLOCATION.value,
                                             m.to_place_id.is_not(None))
    back = select(m.from_place_id, m.resource_id, zero, m.quantity).where(*conds, m.kind == MovementKind.RETURN.value)
    f = union_all(got, back).subquery()
    place_stmt = (
        select(Place.id, Place.name, Place.kind, Resource.id, Resource.name, Resource.unit_of_measure,
               func.sum(f.c.q_in), func.sum(f.c.q_back))
        .select_from(f).join(Place, Place.id == f.c.place_id).join(Resource, Resource.id == f.c.resource_id)
        .group_by(Place.id, Place.name, Place.kind, Place.name_pinyin, Resource.id, Resource.name,
                  Resource.unit_of_measure, Resource.name_pinyin)
        .order_by(Place.name_pinyin, Place.id, Resource.name_pinyin, Resource.id)
    )
    if place_kind not in (None, ""):
        place_stmt = place_stmt.where(Place.kind == v.choice("place_kind", place_kind, PlaceKind))
    lines = [AllocationLine("place", pid, pname, pkind, rid, rname, uom, _q(i), _q(b))
             for pid, pname, pkind, rid, rname, uom, i, b in session.execute(place_stmt)]
    if place_kind in (None, ""):
        team_stmt = (
            select(Team.id, Team.name, Resource.id, Resource.name, Resource.unit_of_measure, func.sum(m.quantity))
            .select_from(m).join(Team, Team.id == m.to_team_id).join(Resource, Resource.id == m.resource_id)
            .where(*conds, m.kind == MovementKind.ALLOCATION.value)
            .group_by(Team.id, Team.name, Team.name_pinyin, Resource.id, Resource.name, Resource.unit_of_measure,
                      Resource.name_pinyin)
            .order_by(Team.name_pinyin, Team.id, Resource.name_pinyin, Resource.id)
        )
        lines += [AllocationLine("team", tid, tname, None, rid, rname, uom, _q(q), ZERO)
                  for tid, tname, rid, rname, uom, q in session.execute(team_stmt)]
    return lines


# ---- movements -------------------------------------------------------------------------------------------

# Which ends a movement of each kind has: "required", "optional" or absent (refused).
_ENDS: dict[MovementKind, dict[str, str]] = {
    MovementKind.RECEIPT: {"to_place_id": "required"},
    MovementKind.ISSUE: {"from_place_id": "required", "to_team_id": "optional"},
    MovementKind.ALLOCATION: {"from_place_id": "required", "to_place_id": "optional", "to_team_id": "optional"},
    MovementKind.RETURN: {"from_place_id": "required", "to_place_id": "required"},
    MovementKind.WRITE_OFF: {"from_place_id": "required"},
}
_END_LABELS = {"from_place_id": ("调出地点", "source place"), "to_place_id": ("调入地点", "destination place"),
               "to_team_id": ("接收队伍", "receiving team")}


def _end_fail(field: str, zh: str, en: str) -> ValidationError:
    lz, le = _END_LABELS[field]
    return ValidationError(field, f"{lz}：{zh}", f"{le}: {en}")


def _lock_resource(session: Session, resource_id: int) -> None:
    # Rendered as SELECT … FOR UPDATE on PostgreSQL; on SQLite the write lock already taken serialises.
    session.execute(select(Resource.id).where(Resource.id == resource_id).with_for_update())


def _short_of(resource: Resource, place: Place, have: Decimal, want: Decimal, kind: MovementKind,
              field: str = "quantity") -> ValidationError:
    uom = resource.unit_of_measure or ""
    zh, en = VERBS[kind]
    return ValidationError(
        field,
        f"库存不足：{resource.name} 在 {place.name} 仅剩 {amount_text(have)} {uom}，无法{zh} {amount_text(want)} {uom}",
        f"Not enough stock: {resource.name} at {place.name} has only {amount_text(have)} {uom}; "
        f"cannot {en} {amount_text(want)} {uom}",
    )


def record_movement(session: Session, data: dict[str, Any]) -> StockMovement:
    """Record a stock movement of a supply: receipt (``to_place_id``), issue (``from_place_id``, optionally
    ``to_team_id``), allocation (``from_place_id`` to ``to_place_id`` or ``to_team_id``), return (from a
    community ``from_place_id`` back to a store ``to_place_id``) or write_off (``from_place_id``).

    Refuses a resource that is not a supply, a quantity that is not positive or has more than three
    places, ends that do not fit the kind, a date in the future, and taking more than the source place holds
    (message names the supply, the place, what is left and the unit). The balance is read and the movement
    written in one locked transaction.
    """
    claim_write_lock(session)
    if not isinstance(data, dict):
        raise ValidationError("movement", "出入库记录格式不对", "a movement must be a row of fields")
    v.unknown_fields(MOVEMENT_FIELDS, data)
    resource = referenced(session, "resource_id", Resource, data.get("resource_id"), required=True)
    assert resource is not None
    if resource.category != ResourceCategory.SUPPLY:
        raise v.fail("resource_id", f"{resource.name} 不是物资，没有库存", f"{resource.name} is not a supply; it has no stock")
    kind = v.choice("kind", data.get("kind"), MovementKind)
    assert kind is not None
    quantity = v.quantity("quantity", data.get("quantity"))
    assert quantity is not None
    ends: dict[str, Any] = {}
    for field, model in (("from_place_id", Place), ("to_place_id", Place), ("to_team_id", Team)):
        rule = _ENDS[kind].get(field)
        given = data.get(field) not in (None, "")
        if rule is None and given:
            raise _end_fail(field, f"{kind.zh}不填此项", f"not used for {kind.en}")  # type: ignore[attr-defined]
        if rule == "required" and not given:
            raise _end_fail(field, "不能为空", "is required")
        ends[field] = referenced(session, field, model, data.get(field))
    if kind == MovementKind.ALLOCATION and (ends["to_place_id"] is None) == (ends["to_team_id"] is None):
        raise _end_fail("to_place_id", "调拨须选择调入地点或接收队伍（二选一）",
                        "an allocation goes either to a place or to a team")
    if ends["from_place_id"] is not None and ends["from_place_id"] is ends["to_place_id"]:
        raise _end_fail("to_place_id", "不能与调出地点相同", "must differ from the source place")
    moved_on = v.a_date("moved_on", data.get("moved_on"), required=True, hi=date.today())
    extra = {
        "reference": v.text("reference", data.get("reference"), max_len=100),
        "handler": v.text("handler", data.get("handler"), max_len=50),
        "note": v.long_text("note", data.get("note"), max_len=5000),
    }
    source: Place | None = ends["from_place_id"]
    if source is not None:
        _lock_resource(session, resource.id)
        have = balance(session, resource.id, source.id)
        if quantity > have:
            raise _short_of(resource, source, have, quantity, kind)
    movement = StockMovement(
        resource_id=resource.id, kind=kind.value, quantity=quantity, moved_on=moved_on,
        from_place_id=source.id if source is not None else None,
        to_place_id=ends["to_place_id"].id if ends["to_place_id"] is not None else None,
        to_team_id=ends["to_team_id"].id if ends["to_team_id"] is not None else None,
        **extra,
    )
    session.add(movement)
    flush(session)
    return movement


def receive_stock(session: Session, resource_id: int, place_id: int, quantity: Any, moved_on: Any,
                  **extra: Any) -> StockMovement:
    """Take supplies into a place (入库). See ``record_movement``."""
    return record_movement(session, {"kind": MovementKind.RECEIPT.value, "resource_id": resource_id,
                                     "to_place_id": place_id, "quantity": quantity, "moved_on": moved_on, **extra})


def allocate_stock(session: Session, resource_id: int, from_place_id: int, quantity: Any, moved_on: Any, *,
                   to_place_id: int | None = None, to_team_id: int | None = None, **extra: Any) -> StockMovement:
    """Allocate supplies from a store to a community, village or team (调拨). See ``record_movement``."""
    return record_movement(session, {"kind": MovementKind.ALLOCATION.value, "resource_id": resource_id,
                                     "from_place_id": from_place_id, "to_place_id": to_place_id,
                                     "to_team_id": to_team_id, "quantity": quantity, "moved_on": moved_on, **extra})


def update_movement(session: Session, movement_id: int, data: dict[str, Any],
                    expected_version: int | None = None) -> StockMovement:
    """Correct the date, reference, handler or note of a movement. Quantities and places are not edited:
    delete the movement and record it again, so the stock checks apply. Refuses any other field.
    """
    claim_write_lock(session)
    movement = get(session, StockMovement, movement_id)
    check_version(movement, expected_version)
    if not isinstance(data, dict):
        raise ValidationError("movement", "出入库记录格式不对", "a movement must be a row of fields")
    v.unknown_fields(MOVEMENT_FIELDS, data)
    fixed = sorted(set(data) - MOVEMENT_EDITABLE)
    if fixed:
        raise v.fail(fixed[0], "已登记的出入库不能改数量、物资或地点，请删除后重新登记",
                     "quantity, supply and places of a recorded movement are not edited; delete it and record it again")
    clean: dict[str, Any] = {}
    if "moved_on" in data:
        clean["moved_on"] = v.a_date("moved_on", data["moved_on"], required=True, hi=date.today())
    if "reference" in data:
        clean["reference"] = v.text("reference", data["reference"], max_len=100)
    if "handler" in data:
        clean["handler"] = v.text("handler", data["handler"], max_len=50)
    if "note" in data:
        clean["note"] = v.long_text("note", data["note"], max_len=5000)
    return apply_changes(session, movement, clean)


def delete_movement(session: Session, movement_id: int) -> None:
    """Move a movement to the recycle bin, giving the quantity back to its source. Refused when the place
    it brought stock into no longer holds that much (what came in has already gone on).
    """
    claim_write_lock(session)
    movement = get(session, StockMovement, movement_id)
    if movement.to_place_id is not None:
        _lock_resource(session, movement.resource_id)
        have = balance(session, movement.resource_id, movement.to_place_id)
        if have < movement.quantity:
            resource, place = movement.resource, movement.to_place
            assert place is not None
            uom = resource.unit_of_measure or ""
            raise ValidationError(
                "movement",
                f"不能删除：{resource.name} 在 {place.name} 现有 {amount_text(have)} {uom}，删除这笔 "
                f"{amount_text(movement.quantity)} {uom} 后库存将为负数",
                f"Cannot delete: {resource.name} at {place.name} holds {amount_text(have)} {uom}; removing "
                f"{amount_text(movement.quantity)} {uom} would make it negative",
            )
    soft_delete(session, movement)


def _check_source_holds(session: Session, movement: StockMovement) -> None:
    if movement.from_place_id is None:
        return
    _lock_resource(session, movement.resource_id)
    have = balance(session, movement.resource_id, movement.from_place_id)
    if have < movement.quantity:
        resource, source = session.get(Resource, movement.resource_id), session.get(Place, movement.from_place_id)
        assert resource is not None and source is not None
        raise _short_of(resource, source, have, movement.quantity, MovementKind(movement.kind), "movement")


def restore_movement(session: Session, movement_id: int) -> StockMovement:
    """Bring a movement back from the recycle bin; refused when its source no longer holds the quantity
    (checked on every route back, below)."""
    claim_write_lock(session)
    return restore(session, StockMovement, movement_id)


@event.listens_for(Session, "before_flush")
def _restored_movement_keeps_stock(session: Session, _ctx: Any, _instances: Any) -> None:
    """However a movement comes back from the recycle bin (here or the bin's generic restore), its source
    must still hold the quantity, or the flush is refused."""
    for obj in list(session.dirty):
        if not isinstance(obj, StockMovement) or obj.deleted_at is not None:
            continue
        was = attributes.get_history(obj, "deleted_at").deleted
        if was and was[0] is not None:
            with session.no_autoflush:
                try:
                    _check_source_holds(session, obj)
                except ValidationError:
                    obj.deleted_at = was[0]  # refused: it stays in the bin, also for the rest of the session
                    raise


def list_movements(session: Session, *, resource_id: Any = None, place_id: Any = None, team_id: Any = None,
                   kind: Any = None, date_from: Any = None, date_to: Any = None, descending: bool = False,
                   offset: int = 0, limit: int = 100) -> Page[StockMovement]:
    """One page of live movements (``place_id`` on either side), by date then id. Refuses bad filters."""
    m = StockMovement
    stmt: Select[Any] = select(m).where(live(m))
    if resource_id not in (None, ""):
        stmt = stmt.where(m.resource_id == v.reference("resource_id", resource_id))
    if place_id not in (None, ""):
        pid = v.reference("place_id", place_id)
        stmt = stmt.where(or_(m.from_place_id == pid, m.to_place_id == pid))
    if team_id not in (None, ""):
        stmt = stmt.where(m.to_team_id == v.reference("team_id", team_id))
    if kind not in (None, ""):
        stmt = stmt.where(m.kind == v.choice("kind", kind, MovementKind))
    lo, hi = v.a_date("date_from", date_from), v.a_date("date_to", date_to)
    if lo is not None:
        stmt = stmt.where(m.moved_on >= lo)
    if hi is not None:
        stmt = stmt.where(m.moved_on <= hi)
    return page(session, stmt.order_by(*in_order((m.moved_on, m.id), descending)), offset, limit)
