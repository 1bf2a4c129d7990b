"""Organisations (a tree) and places: create, update, move, delete to the bin, list, search."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rfdesk.domain import Organisation, Place
from rfdesk.domain.codes import OrgKind, PlaceKind
from rfdesk.services import validation as v
from rfdesk.services.base import (
    apply_changes,
    check_version,
    flush,
    get,
    live,
    name_filter,
    name_keys,
    referenced,
    set_name_keys,
    soft_delete,
)
from rfdesk.services.errors import ValidationError

ORG_FIELDS = {"name", "short_name", "kind", "parent_id", "sort_order", "address", "phone", "notes"}
PLACE_FIELDS = {"name", "kind", "address", "organisation_id", "notes"}


def _clean_org(session: Session, data: dict[str, Any], obj: Organisation | None) -> dict[str, Any]:
    v.unknown_fields(ORG_FIELDS, data)
    out: dict[str, Any] = {}
    if obj is None or "name" in data:
        out["name"] = v.text("name", data.get("name"), required=True, max_len=100)
    if "short_name" in data:
        out["short_name"] = v.text("short_name", data.get("short_name"), max_len=50)
    if obj is None or "kind" in data:
        out["kind"] = v.choice("kind", data.get("kind"), OrgKind).value  # type: ignore[union-attr]
    if "parent_id" in data:
        parent = referenced(session, "parent_id", Organisation, data.get("parent_id"))
        if parent is not None and obj is not None and (
                parent.id == obj.id or parent.path.startswith(obj.path + f"{obj.id}/")):
            raise v.fail("parent_id", "不能把单位移到它自己或它的下级单位之下",
                         "an organisation cannot be moved under itself or one of its own units")
        out["parent_id"] = parent.id if parent is not None else None
    if "sort_order" in data:
        out["sort_order"] = v.integer("sort_order", data.get("sort_order"), minimum=-1_000_000) or 0
    if "address" in data:
        out["address"] = v.text("address", data.get("address"))
    if "phone" in data:
        out["phone"] = v.phone("phone", data.get("phone"))
    if "notes" in data:
        out["notes"] = v.long_text("notes", data.get("notes"), max_len=5000)
    return out


def _path_for(session: Session, parent_id: int | None) -> str:
    if parent_id is None:
        return "/"
    parent = session.get(Organisation, parent_id)
    assert parent is not None
    return f"{parent.path}{parent.id}/"


def create_organisation(session: Session, data: dict[str, Any]) -> Organisation:
    """Add an organisation under ``parent_id`` (or at the top). Refuses a blank name, an unknown kind, a
    parent that does not exist or is in the recycle bin, and a bad phone number."""
    clean = _clean_org(session, data, None)
    org = Organisation(**clean)
    org.path = _path_for(session, clean.get("parent_id"))
    set_name_keys(org, org.name)
    session.add(org)
    flush(session)
    return org


def update_organisation(session: Session, org_id: int, data: dict[str, Any],
                        expected_version: int | None = None) -> Organisation:
    """Change an organisation; moving it (``parent_id``) moves its whole subtree. Refuses what create
    refuses, a move under itself or one of its own units, and a change over someone else's (Conflict)."""
    org = get(session, Organisation, org_id)
    check_version(org, expected_version)
    clean = _clean_org(session, data, org)
    old_prefix = f"{org.path}{org.id}/"
    if "parent_id" in clean:
        clean["path"] = _path_for(session, clean["parent_id"])
    apply_changes(session, org, clean, keys=name_keys)
    new_prefix = f"{org.path}{org.id}/"
    if new_prefix != old_prefix:
        for sub in session.scalars(select(Organisation).where(Organisation.path.startswith(old_prefix))):
            sub.path = new_prefix + sub.path[len(old_prefix):]
        flush(session)
    return org


def delete_organisation(session: Session, org_id: int) -> None:
    """Move an organisation to the recycle bin; refused while it still has live sub-units."""
    org = get(session, Organisation, org_id)
    child = session.scalar(select(Organisation.id).where(Organisation.parent_id == org.id, live(Organisation)))
    if child is not None:
        raise ValidationError("organisation", "该单位下还有下级单位，请先删除或移走下级单位。",
                              "This organisation still has sub-units; delete or move them first.")
    soft_delete(session, org)


def subtree_ids(session: Session, org_id: int) -> list[int]:
    """The organisation and all its live descendants."""
    org = get(session, Organisation, org_id)
    prefix = f"{org.path}{org.id}/"
    ids = list(session.scalars(select(Organisation.id).where(Organisation.path.startswith(prefix),
                                                             live(Organisation))))
    return [org.id, *ids]


def list_organisations(session: Session, *, search: str = "", kind: str | None = None,
                       parent_id: int | None = None) -> list[Organisation]:
    """Live organisations, as a flat list in tree order (path, sort order, pinyin); ``kind`` is a code or its
    Chinese label (an unknown one is refused)."""
    stmt = select(Organisation).where(live(Organisation))
    cond = name_filter(Organisation, search)
    if cond is not None:
        from sqlalchemy import or_
        stmt = stmt.where(or_(cond, Organisation.short_name.contains(search.strip(), autoescape=True)))
    if kind:
        stmt = stmt.where(Organisation.kind == v.choice("kind", kind, OrgKind))
    if parent_id is not None:
        stmt = stmt.where(Organisation.parent_id == parent_id)
    return list(session.scalars(stmt.order_by(Organisation.path, Organisation.sort_order,
                                              Organisation.name_pinyin)))


def find_organisation(session: Session, name: str) -> Organisation | None:
    """An organisation by its full or short name (exact, after normalising spaces and full-width)."""
    n = v.normalise(name)
    if not n:
        return None
    return session.scalar(
        select(Organisation).where(live(Organisation), (Organisation.name == n) | (Organisation.short_name == n))
        .order_by(Organisation.id)
    )


def _clean_place(session: Session, data: dict[str, Any], obj: Place | None) -> dict[str, Any]:
    v.unknown_fields(PLACE_FIELDS, data)
    out: dict[str, Any] = {}
    if obj is None or "name" in data:
        out["name"] = v.text("name", data.get("name"), required=True, max_len=100)
    if obj is None or "kind" in data:
        out["kind"] = v.choice("kind", data.get("kind"), PlaceKind).value  # type: ignore[union-attr]
    if "address" in data:
        out["address"] = v.text("address", data.get("address"))
    if "organisation_id" in data:
        org = referenced(session, "organisation_id", Organisation, data.get("organisation_id"))
        out["organisation_id"] = org.id if org is not None else None
    if "notes" in data:
        out["notes"] = v.long_text("notes", data.get("notes"), max_len=5000)
    return out


def create_place(session: Session, data: dict[str, Any]) -> Place:
    """Add a community, village, airport, warehouse or other place. Refuses a blank name, an unknown kind and
    an organisation that does not exist or is in the recycle bin."""
    place = Place(**_clean_place(session, data, None))
    set_name_keys(place, place.name)
    session.add(place)
    flush(session)
    return place


def update_place(session: Session, place_id: int, data: dict[str, Any],
                 expected_version: int | None = None) -> Place:
    """Change a place; refuses what :func:`create_place` refuses, and a change over someone else's (Conflict)."""
    place = get(session, Place, place_id)
    check_version(place, expected_version)
    return apply_changes(session, place, _clean_place(session, data, place), keys=name_keys)


def delete_place(session: Session, place_id: int) -> None:
    """Move a place to the recycle bin; the stock movements and assignments that name it keep it on record."""
    soft_delete(session, get(session, Place, place_id))


def list_places(session: Session, *, search: str = "", kind: str | None = None) -> list[Place]:
    """Live places by kind, then pinyin; ``search`` matches the name by characters or pinyin initials,
    ``kind`` is a code or its Chinese label (an unknown one is refused)."""
    stmt = select(Place).where(live(Place))
    cond = name_filter(Place, search)
    if cond is not None:
        stmt = stmt.where(cond)
    if kind:
        stmt = stmt.where(Place.kind == v.choice("kind", kind, PlaceKind))
    return list(session.scalars(stmt.order_by(Place.kind, Place.name_pinyin)))
