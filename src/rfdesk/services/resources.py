"""War-readiness resources: facilities, equipment and supplies, and the stock movements of supplies.

The category (设施, 装备, 物资) follows from the kind. Only supplies have stock. A movement takes a quantity
out of one place and/or into another place or a team; the balance of a supply at a place is
sum(in) − sum(out) over its live movements, computed in SQL whenever it is asked for, so it can never drift
from the movements. Stock never goes negative: a movement that takes more than the source place holds is
refused, and so is deleting a movement that the later movements depend on.

Two clerks taking the last stock at once: each movement first takes the database's write lock (SQLite; on
PostgreSQL a row lock on the resource), then reads the balance and writes in the same transaction, so the
second clerk waits for the first and then sees what is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, func, literal, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from rfdesk.domain import Organisation, Place, Resource, StockMovement, Team
from rfdesk.domain.base import Quantity
from rfdesk.domain.codes import (
    RESOURCE_KIND_CATEGORY,
    MovementKind,
    PlaceKind,
    ResourceCategory,
    ResourceKind,
    ResourceStatus,
)
from rfdesk.services import validation as v
from rfdesk.services.base import (
    Page,
    check_version,
    claim_write_lock,
    flush,
    get,
    live,
    name_filter,
    page,
    referenced,
    set_name_keys,
    soft_delete,
    subtree_condition,
)
from rfdesk.services.errors import ValidationError

RESOURCE_FIELDS = {
    "kind", "name", "code", "organisation_id", "place_id", "address", "capacity_people", "area_m2",
    "serial_no", "status", "unit_of_measure", "min_stock", "notes",
}
# Fields that only make sense for one category; given for another they are refused, not silently dropped.
CATEGORY_FIELDS = {
    ResourceCategory.FACILITY: ("address", "capacity_people", "area_m2"),
    ResourceCategory.EQUIPMENT: ("serial_no",),
    ResourceCategory.SUPPLY: ("unit_of_measure", "min_stock"),
}
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


# ---- resources -------------------------------------------------------------------------------------------


def _keep_or_ref(session: Session, field: str, model: Any, value: Any, obj: Any) -> Any:
    """The referenced live record; the one the record already points to is kept even if binned since."""
    if obj is not None and value not in (None, "") and v.reference(field, value) == getattr(obj, field):
        return session.get(model, getattr(obj, field))
    return referenced(session, field, model, value)


def _clean_resource(session: Session, data: dict[str, Any], obj: Resource | None) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ValidationError("resource", "资源记录格式不对", "a resource must be a row of fields")
    v.unknown_fields(RESOURCE_FIELDS, data)
    if obj is None:
        raw: dict[str, Any] = {}
    else:
        raw = {k: getattr(obj, k) for k in RESOURCE_FIELDS}
    raw.update(data)
    kind = v.choice("kind", raw.get("kind"), ResourceKind)
    category = RESOURCE_KIND_CATEGORY[kind]  # type: ignore[index]
    if obj is not None and "kind" in data and category != obj.category:
        for key in sum((CATEGORY_FIELDS[c] for c in CATEGORY_FIELDS if c != category), ()):
            if key not in data:
                raw[key] = None  # the old category's details go with it
        if obj.category == ResourceCategory.SUPPLY and _has_movements(session, obj.id):
            raise v.fail("kind", "该物资已有出入库记录，不能改为设施或装备",
                         "this supply has stock movements and cannot become a facility or equipment")
    for other, keys in CATEGORY_FIELDS.items():
        if other == category:
            continue
        for key in keys:
            if raw.get(key) not in (None, ""):
                raise v.fail(key, f"只适用于{other.zh}，{category.zh}不填此项",  # type: ignore[attr-defined]
                             f"applies to {other.en} only, not to {category.en}")  # type: ignore[attr-defined]
    out: dict[str, Any] = {"kind": kind.value, "category": category.value}  # type: ignore[union-attr]
    out["name"] = v.text("name", raw.get("name"), required=True, max_len=100)
    out["code"] = v.text("code", raw.get("code"), max_len=50)
    org = _keep_or_ref(session, "organisation_id", Organisation, raw.get("organisation_id"), obj)
    out["organisation_id"] = org.id if org is not None else None
    place = _keep_or_ref(session, "place_id", Place, raw.get("place_id"), obj)
    out["place_id"] = place.id if place is not None else None
    out["address"] = v.text("address", raw.get("address"), max_len=200)
    out["capacity_people"] = v.integer("capacity_people", raw.get("capacity_people"), maximum=100_000_000)
    out["area_m2"] = v.quantity("area_m2", raw.get("area_m2"), required=False, positive=False)
    out["serial_no"] = v.text("serial_no", raw.get("serial_no"), max_len=50)
    out["status"] = v.choice("status", raw.get("status"), ResourceStatus,
                             default=ResourceStatus.READY).value  # type: ignore[union-attr]
    out["unit_of_measure"] = v.text("unit_of_measure", raw.get("unit_of_measure"), max_len=20,
                                    required=category == ResourceCategory.SUPPLY)
    out["min_stock"] = v.quantity("min_stock", raw.get("min_stock"), required=False, positive=False)
    out["notes"] = v.long_text("notes", raw.get("notes"), max_len=5000)
    return out


def _has_movements(session: Session, resource_id: int) -> bool:
    return session.scalar(
        select(StockMovement.id).where(StockMovement.resource_id == resource_id, live(StockMovement)).limit(1)
    ) is not None


def create_resource(session: Session, data: dict[str, Any]) -> Resource:
    """Add a facility (evacuation_base, emergency_shelter, command_post: address, capacity_people, area_m2),
    equipment (drone, alarm_system, other_equipment: serial_no, status) or a supply (unit_of_measure
    required, min_stock). Refuses a blank name, an unknown kind and a field of another category.
    """
    resource = Resource(**_clean_resource(session, data, None))
    set_name_keys(resource, resource.name)
    session.add(resource)
    flush(session)
    return resource


def update_resource(session: Session, resource_id: int, data: dict[str, Any],
                    expected_version: int | None = None) -> Resource:
    """Change a resource; fields not in ``data`` keep their values. Refuses what create refuses, turning a
    supply with stock movements into another category, and a change over someone else's (Conflict).
    """
    resource = get(session, Resource, resource_id)
    check_version(resource, expected_version)
    for key, val in _clean_resource(session, data, resource).items():
        if getattr(resource, key) != val:
            setattr(resource, key, val)
    set_name_keys(resource, resource.name)
    flush(session)
    return resource


def delete_resource(session: Session, resource_id: int) -> None:
    """Move a resource to the recycle bin; refused for a supply still in stock somewhere."""
    resource = get(session, Resource, resource_id)
    if resource.category == ResourceCategory.SUPPLY:
        left = balance(session, resource.id)
        if left > 0:
            raise ValidationError("resource_id", f"{resource.name} 还有库存 {amount_text(left)} "
                                  f"{resource.unit_of_measure or ''}，请先出库或报损后再删除。",
                                  f"{resource.name} still has {left} in stock; issue or write it off first.")
    soft_delete(session, resource)


def get_resource(session: Session, resource_id: int) -> Resource:
    """A live resource by id (NotFound if missing or in the recycle bin)."""
    return get(session, Resource, resource_id)


_owner = aliased(Organisation)

SORTS: dict[str, tuple[Any, ...]] = {
    "name": (Resource.name_pinyin,),
    "kind": (Resource.kind, Resource.name_pinyin),
    "category": (Resource.category, Resource.kind, Resource.name_pinyin),
    "status": (Resource.status, Resource.name_pinyin),
    "code": (Resource.code,),
    "organisation": (_owner.name_pinyin, Resource.name_pinyin),
    "capacity_people": (Resource.capacity_people,),
    "created_at": (Resource.created_at,),
}


def list_resources(session: Session, *, search: str = "", category: Any = None, kind: Any = None,
                   status: Any = None, organisation_id: Any = None, place_id: Any = None, sort: str = "name",
                   descending: bool = False, offset: int = 0, limit: int = 100) -> Page[Resource]:
    """One page of live resources matching the filters (``organisation_id`` takes its subtree; ``search``
    matches name by characters or pinyin, or the code), sorted in SQL with the id breaking ties.
    Refuses an unknown sort key or a bad filter value.
    """
    stmt = select(Resource).where(live(Resource))
    q = v.normalise(search)
    if q:
        stmt = stmt.where(or_(name_filter(Resource, q), Resource.code.contains(q, autoescape=True)))
    if category not in (None, ""):
        stmt = stmt.where(Resource.category == v.choice("category", category, ResourceCategory))
    if kind not in (None, ""):
        stmt = stmt.where(Resource.kind == v.choice("kind", kind, ResourceKind))
    if status not in (None, ""):
        stmt = stmt.where(Resource.status == v.choice("status", status, ResourceStatus))
    if organisation_id not in (None, ""):
        stmt = stmt.where(subtree_condition(session, Resource.organisation_id, organisation_id))
    if place_id not in (None, ""):
        stmt = stmt.where(Resource.place_id == v.reference("place_id", place_id))
    if sort not in SORTS:
        raise v.fail("sort", f"无法按“{sort}”排序", f"cannot sort by “{sort}”")
    if sort == "organisation":
        stmt = stmt.outerjoin(_owner, _owner.id == Resource.organisation_id)
    keys = (*SORTS[sort], Resource.id)
    return page(session, stmt.order_by(*((k.desc() if descending else k.asc()).nulls_last() for k in keys)), offset, limit)


def resource_counts(session: Session, by: str = "kind") -> dict[str, int]:
    """How many live resources there are per ``category``, ``kind`` or ``status`` (GROUP BY in SQL)."""
    columns = {"category": Resource.category, "kind": Resource.kind, "status": Resource.status}
    if by not in columns:
        raise v.fail("by", f"无法按“{by}”统计", f"cannot count by “{by}”")
    col = columns[by]
    stmt = select(col, func.count(Resource.id)).where(live(Resource)).group_by(col).order_by(col)
    return {str(k): int(n) for k, n in session.execute(stmt)}


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


def low_stock(session: Session) -> list[LowStock]:
    """Live supplies whose stock (all places together) is below their minimum, by name (found in SQL)."""
    f = _flows()
    per = (
        select(f.c.resource_id, func.sum(f.c.q_in).label("q_in"), func.sum(f.c.q_out).label("q_out"))
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
    for key, val in clean.items():
        if getattr(movement, key) != val:
            setattr(movement, key, val)
    flush(session)
    return movement


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


def restore_movement(session: Session, movement_id: int) -> StockMovement:
    """Bring a movement back from the recycle bin; refused when its source no longer holds the quantity."""
    claim_write_lock(session)
    movement = get(session, StockMovement, movement_id, include_deleted=True)
    if movement.deleted_at is None:
        return movement
    if movement.from_place_id is not None:
        _lock_resource(session, movement.resource_id)
        have = balance(session, movement.resource_id, movement.from_place_id)
        if have < movement.quantity:
            assert movement.from_place is not None
            raise _short_of(movement.resource, movement.from_place, have, movement.quantity,
                            MovementKind(movement.kind), "movement")
    movement.deleted_at = None
    flush(session)
    return movement


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
    keys = (m.moved_on, m.id)
    return page(session, stmt.order_by(*((k.desc() if descending else k.asc()).nulls_last() for k in keys)), offset, limit)
