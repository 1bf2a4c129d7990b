"""War-readiness resources: facilities, equipment and supplies (the register itself).

The category (设施, 装备, 物资) follows from the kind. Only supplies have stock; their movements, balances and
allocations are in ``stock`` and are importable from here as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from rfdesk.domain import Organisation, Place, Resource, StockMovement
from rfdesk.domain.codes import RESOURCE_KIND_CATEGORY, ResourceCategory, ResourceKind, ResourceStatus
from rfdesk.services import validation as v
from rfdesk.services.base import (
    Page,
    apply_changes,
    check_version,
    claim_write_lock,
    flush,
    get,
    kept_or_referenced,
    live,
    name_filter,
    name_keys,
    page,
    set_name_keys,
    soft_delete,
    sort_terms,
    subtree_condition,
)
from rfdesk.services.bulk import Checked, first_refusal, insert_records, name_keys_many
from rfdesk.services.errors import ValidationError
from rfdesk.services.stock import (
    MOVEMENT_EDITABLE,
    MOVEMENT_FIELDS,
    AllocationLine,
    LowStock,
    PlaceBalance,
    allocate_stock,
    allocations,
    amount_text,
    balance,
    balances,
    delete_movement,
    list_movements,
    low_stock,
    receive_stock,
    record_movement,
    restore_movement,
    update_movement,
)

__all__ = [
    "CATEGORY_FIELDS", "MOVEMENT_EDITABLE", "MOVEMENT_FIELDS", "RESOURCE_FIELDS", "AllocationLine", "LowStock",
    "PlaceBalance", "allocate_stock", "allocations", "amount_text", "balance", "balances", "check_resources",
    "create_resource", "create_resources", "insert_resources",
    "delete_movement", "delete_resource", "get_resource", "list_movements", "list_resources", "low_stock",
    "receive_stock", "record_movement", "resource_counts", "restore_movement", "update_movement",
    "update_resource",
]

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


# ---- resources -------------------------------------------------------------------------------------------


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
    org = kept_or_referenced(session, "organisation_id", Organisation, raw.get("organisation_id"), obj)
    out["organisation_id"] = org.id if org is not None else None
    place = kept_or_referenced(session, "place_id", Place, raw.get("place_id"), obj)
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
    claim_write_lock(session)
    resource = Resource(**_clean_resource(session, data, None))
    set_name_keys(resource, resource.name)
    session.add(resource)
    flush(session)
    return resource


def check_resources(session: Session, rows: Sequence[dict[str, Any]]) -> list[Checked | ValidationError]:
    """Check new resources exactly as :func:`create_resource` checks each one, writing nothing: for every
    row the values to write, or the ValidationError refusing it."""
    checked: list[Checked | ValidationError] = []
    for data in rows:
        try:
            checked.append(Checked(_clean_resource(session, data, None)))
        except ValidationError as err:
            checked.append(err)
    return checked


def insert_resources(session: Session, checked: Sequence[Checked]) -> list[int]:
    """Write resources passed by :func:`check_resources` (with pinyin keys and audit entries) in one
    executemany; their new ids in order. The caller holds the write lock (:func:`create_resources` does)."""
    keys = name_keys_many([c.values["name"] for c in checked])
    rows = [{**c.values, "name_pinyin": full, "name_initials": initials}
            for c, (full, initials) in zip(checked, keys, strict=True)]
    return insert_records(session, Resource, rows)


def create_resources(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Add many resources at once, all or nothing, each checked as :func:`create_resource` checks it; the
    first refused row raises :class:`RowRefused` (its index and the error) and nothing is written."""
    claim_write_lock(session)
    checked = check_resources(session, rows)
    first_refusal(checked)
    return insert_resources(session, checked)  # type: ignore[arg-type]


def update_resource(session: Session, resource_id: int, data: dict[str, Any],
                    expected_version: int | None = None) -> Resource:
    """Change a resource; fields not in ``data`` keep their values. Refuses what create refuses, turning a
    supply with stock movements into another category, and a change over someone else's (Conflict).
    """
    claim_write_lock(session)
    resource = get(session, Resource, resource_id)
    check_version(resource, expected_version)
    return apply_changes(session, resource, _clean_resource(session, data, resource), keys=name_keys)


def delete_resource(session: Session, resource_id: int) -> None:
    """Move a resource to the recycle bin; refused for a supply still in stock somewhere."""
    claim_write_lock(session)
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
    terms = sort_terms(SORTS, sort, descending, Resource.id)
    if sort == "organisation":
        stmt = stmt.outerjoin(_owner, _owner.id == Resource.organisation_id)
    return page(session, stmt.order_by(*terms), offset, limit)


def resource_counts(session: Session, by: str = "kind") -> dict[str, int]:
    """How many live resources there are per ``category``, ``kind`` or ``status`` (GROUP BY in SQL)."""
    columns = {"category": Resource.category, "kind": Resource.kind, "status": Resource.status}
    if by not in columns:
        raise v.fail("by", f"无法按“{by}”统计", f"cannot count by “{by}”")
    col = columns[by]
    stmt = select(col, func.count(Resource.id)).where(live(Resource)).group_by(col).order_by(col)
    return {str(k): int(n) for k, n in session.execute(stmt)}
