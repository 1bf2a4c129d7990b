"""Commendation register: batches (第一批“硬核”党支部和“硬核”共产党员 …) and their honorees.

A batch is drafted, its honorees entered and ordered, then it is issued with the notice (通报) that
announces it; an issued batch is part of an official document and refuses every change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from rfdesk.domain import (
    Commendation,
    CommendationBatch,
    Document,
    Organisation,
    PartyBranch,
    Person,
    Record,
    Team,
)
from rfdesk.domain.codes import BatchStatus, EmploymentType, HonoreeKind
from rfdesk.services import validation as v
from rfdesk.services.base import (
    Page,
    apply_changes,
    check_version,
    claim_write_lock,
    count,
    flush,
    get,
    live,
    referenced,
    soft_delete,
)
from rfdesk.services.errors import ValidationError
from rfdesk.services.people import code_of
from rfdesk.services.strokes import stroke_key

BATCH_FIELDS = {"title", "issuer_id", "decided_on", "list_order", "notes"}
HONOREE_FIELDS = {"honoree_kind", "organisation_id", "party_branch_id", "team_id", "person_id", "category", "deeds"}

AS_ENTERED, BY_UNIT, BY_STROKES = "as_entered", "by_unit", "by_strokes"
LIST_ORDERS = {
    AS_ENTERED: ("按录入顺序", "as entered"),
    BY_UNIT: ("按单位", "by unit"),
    BY_STROKES: ("按姓氏笔画", "by surname strokes"),
}

# The id field that goes with each kind of honoree.
HONOREE_ID_FIELD: dict[str, tuple[str, type[Record]]] = {
    HonoreeKind.ORGANISATION.value: ("organisation_id", Organisation),
    HonoreeKind.PARTY_BRANCH.value: ("party_branch_id", PartyBranch),
    HonoreeKind.TEAM.value: ("team_id", Team),
    HonoreeKind.PERSON.value: ("person_id", Person),
}


def _refuse_if_issued(batch: CommendationBatch) -> None:
    if batch.status == BatchStatus.ISSUED.value:
        raise ValidationError("status", f"“{batch.title}”已印发，不能再修改。",
                              f"“{batch.title}” has been issued and can no longer be changed.")


# ---- batches ------------------------------------------------------------------------------------------


def _list_order(value: Any) -> str:
    s = v.normalise(value)
    if not s:
        return AS_ENTERED
    for code, (zh, en) in LIST_ORDERS.items():
        if s in (code, zh) or s.lower() == en:
            return code
    raise v.fail("list_order", f"“{s}”无效，应为：{'、'.join(zh for zh, _ in LIST_ORDERS.values())}",
                 f"“{s}” is not valid; choose one of: {', '.join(en for _, en in LIST_ORDERS.values())}")


def _clean_batch(session: Session, data: dict[str, Any], obj: CommendationBatch | None) -> dict[str, Any]:
    v.unknown_fields(BATCH_FIELDS, data)
    out: dict[str, Any] = {}
    if obj is None or "title" in data:
        out["title"] = v.text("title", data.get("title"), required=True, max_len=300)
    if "issuer_id" in data:
        issuer = referenced(session, "issuer_id", Organisation, data.get("issuer_id"))
        out["issuer_id"] = issuer.id if issuer else None
    if "decided_on" in data:
        out["decided_on"] = v.a_date("decided_on", data.get("decided_on"))
    if obj is None or "list_order" in data:
        out["list_order"] = _list_order(data.get("list_order"))
    if "notes" in data:
        out["notes"] = v.long_text("notes", data.get("notes"), max_len=5000)
    return out


def create_batch(session: Session, data: dict[str, Any]) -> CommendationBatch:
    """Draft a commendation batch (title, issuing body, date of decision, list order, notes).

    Refuses a blank title, a missing issuer and a list order other than 按录入顺序/按单位/按姓氏笔画."""
    batch = CommendationBatch(status=BatchStatus.DRAFT.value, **_clean_batch(session, data, None))
    session.add(batch)
    flush(session)
    return batch


def update_batch(session: Session, batch_id: int, data: dict[str, Any],
                 expected_version: int | None = None) -> CommendationBatch:
    """Change a draft batch; refuses an issued batch, a stale version and what create refuses."""
    batch = get(session, CommendationBatch, batch_id)
    check_version(batch, expected_version)
    _refuse_if_issued(batch)
    return apply_changes(session, batch, _clean_batch(session, data, batch))


def delete_batch(session: Session, batch_id: int) -> None:
    """Move a draft batch to the recycle bin; an issued batch is refused."""
    batch = get(session, CommendationBatch, batch_id)
    _refuse_if_issued(batch)
    soft_delete(session, batch)


def mark_batch_issued(session: Session, batch_id: int, document_id: int) -> CommendationBatch:
    """Issue a batch with the notice that announces it; from then on the batch refuses changes.

    Refuses a batch already issued, a batch without honorees and a missing document."""
    batch = get(session, CommendationBatch, batch_id)
    _refuse_if_issued(batch)
    doc = referenced(session, "document_id", Document, document_id, required=True)
    assert doc is not None
    honorees = session.scalar(select(func.count(Commendation.id)).where(Commendation.batch_id == batch.id,
                                                                        live(Commendation))) or 0
    if not honorees:
        raise ValidationError("batch_id", "表彰名单还是空的，不能印发。", "The list of honorees is empty; nothing to issue.")
    batch.status = BatchStatus.ISSUED.value
    batch.document_id = doc.id
    flush(session)
    return batch


@dataclass(frozen=True)
class BatchSummary:
    """A batch as a row of the batch list, with its number of honorees."""

    id: int
    title: str
    issuer: str | None
    decided_on: date | None
    status: str
    list_order: str
    document_id: int | None
    honorees: int
    version: int


def _honoree_counts() -> Any:
    return (select(Commendation.batch_id, func.count(Commendation.id).label("n"))
            .where(live(Commendation)).group_by(Commendation.batch_id).subquery())


def list_batches(session: Session, *, search: str = "", status: str | None = None, offset: int = 0,
                 limit: int = 100) -> Page[BatchSummary]:
    """One page of live batches, newest decision first, each with its honoree count (SQL).

    ``search`` matches the title; ``status`` is draft/issued or 草稿/已印发 (anything else is refused)."""
    counts = _honoree_counts()
    issuer = aliased(Organisation)
    stmt = (select(CommendationBatch.id, CommendationBatch.title, issuer.name, CommendationBatch.decided_on,
                   CommendationBatch.status, CommendationBatch.list_order, CommendationBatch.document_id,
                   func.coalesce(counts.c.n, 0), CommendationBatch.version)
            .outerjoin(counts, counts.c.batch_id == CommendationBatch.id)
            .outerjoin(issuer, issuer.id == CommendationBatch.issuer_id)
            .where(live(CommendationBatch)))
    q = v.normalise(search)
    if q:
        stmt = stmt.where(CommendationBatch.title.contains(q, autoescape=True))
    if status:
        stmt = stmt.where(CommendationBatch.status == code_of("status", status, BatchStatus))
    stmt = stmt.order_by(CommendationBatch.decided_on.is_(None), CommendationBatch.decided_on.desc(),
                         CommendationBatch.id.desc())
    rows = [BatchSummary(*r) for r in session.execute(stmt.offset(max(0, offset)).limit(max(1, min(limit, 10_000))))]
    return Page(rows, count(session, stmt), offset, limit)


def category_counts(session: Session, batch_id: int) -> list[tuple[str, int]]:
    """(category, number of honorees) of a batch, in the order the categories were first entered (SQL)."""
    stmt = (select(Commendation.category, func.count(Commendation.id))
            .where(Commendation.batch_id == batch_id, live(Commendation))
            .group_by(Commendation.category)
            .order_by(func.min(Commendation.sort_order), Commendation.category))
    return [(str(c), int(n)) for c, n in session.execute(stmt)]


def register_totals(session: Session) -> tuple[int, int]:
    """(live batches, honorees in live batches), both counted in SQL."""
    batches = session.scalar(select(func.count(CommendationBatch.id)).where(live(CommendationBatch))) or 0
    honorees = session.scalar(
        select(func.count(Commendation.id)).join(CommendationBatch, CommendationBatch.id == Commendation.batch_id)
        .where(live(Commendation), live(CommendationBatch))) or 0
    return int(batches), int(honorees)


# ---- honorees -----------------------------------------------------------------------------------------


def _clean_honoree(session: Session, batch: CommendationBatch, data: dict[str, Any],
                   obj: Commendation | None) -> dict[str, Any]:
    v.unknown_fields(HONOREE_FIELDS, data)
    out: dict[str, Any] = {}
    id_fields = [f for f, _ in HONOREE_ID_FIELD.values()]
    touches_honoree = obj is None or "honoree_kind" in data or any(f in data for f in id_fields)
    if touches_honoree:
        given = [f for f in id_fields if v.normalise(data.get(f))]
        kind = code_of("honoree_kind", data.get("honoree_kind"), HonoreeKind, required=False)
        if kind is None:
            if len(given) != 1:
                raise v.fail("honoree_kind", "请选择表彰对象：单位、党支部、队伍或个人（只能选一个）",
                             "choose one honoree: an organisation, a party branch, a team or a person")
            kind = next(k for k, (f, _) in HONOREE_ID_FIELD.items() if f == given[0])
        field, model = HONOREE_ID_FIELD[kind]
        others = [f for f in given if f != field]
        if others:
            raise v.fail(others[0], f"表彰对象是{HonoreeKind(kind).zh}，此项应留空",  # type: ignore[attr-defined]
                         f"the honoree is a {HonoreeKind(kind).en}; leave this empty")  # type: ignore[attr-defined]
        ref = referenced(session, field, model, data.get(field), required=True)
        assert ref is not None
        out["honoree_kind"] = kind
        for f in id_fields:
            out[f] = ref.id if f == field else None
        stmt = select(Commendation).where(Commendation.batch_id == batch.id, live(Commendation),
                                          Commendation.honoree_kind == kind,
                                          getattr(Commendation, field) == ref.id)
        if obj is not None:
            stmt = stmt.where(Commendation.id != obj.id)
        twice = session.scalar(stmt)
        if twice is not None:
            raise v.fail(field, f"“{ref.label()}”已在本批表彰名单中（{twice.category}）",
                         f"“{ref.label()}” is already in this batch ({twice.category})")
    if obj is None or "category" in data:
        out["category"] = v.text("category", data.get("category"), required=True, max_len=100)
    if "deeds" in data:
        out["deeds"] = v.long_text("deeds", data.get("deeds"), max_len=20_000)
    return out


def add_honoree(session: Session, batch_id: int, data: dict[str, Any]) -> Commendation:
    """Add an organisation, party branch, team or person to a draft batch, at the end of the list.

    ``honoree_kind`` (单位/党支部/队伍/个人, or inferred when exactly one id is given) with the matching
    ``organisation_id``/``party_branch_id``/``team_id``/``person_id``, ``category`` (required, e.g.
    “硬核”共产党员) and ``deeds``. Refuses an issued batch, a missing or binned honoree, ids of two kinds
    and the same honoree twice in one batch."""
    claim_write_lock(session)  # duplicates and the next place in the list are read before writing
    batch = get(session, CommendationBatch, batch_id)
    _refuse_if_issued(batch)
    clean = _clean_honoree(session, batch, data, None)
    last = session.scalar(select(func.max(Commendation.sort_order)).where(Commendation.batch_id == batch.id))
    c = Commendation(batch_id=batch.id, sort_order=(last or 0) + 1, **clean)
    session.add(c)
    flush(session)
    return c


def update_honoree(session: Session, commendation_id: int, data: dict[str, Any],
                   expected_version: int | None = None) -> Commendation:
    """Change an honoree's category, deeds or the honoree itself; refuses what :func:`add_honoree` refuses."""
    claim_write_lock(session)
    c = get(session, Commendation, commendation_id)
    check_version(c, expected_version)
    batch = get(session, CommendationBatch, c.batch_id)
    _refuse_if_issued(batch)
    return apply_changes(session, c, _clean_honoree(session, batch, data, c))


def remove_honoree(session: Session, commendation_id: int) -> None:
    """Take an honoree off a draft batch (to the recycle bin); refused once the batch is issued."""
    c = get(session, Commendation, commendation_id)
    _refuse_if_issued(get(session, CommendationBatch, c.batch_id, include_deleted=True))
    soft_delete(session, c)


def _entered(session: Session, batch_id: int) -> list[Commendation]:
    return list(session.scalars(select(Commendation).where(Commendation.batch_id == batch_id, live(Commendation))
                                .order_by(Commendation.sort_order, Commendation.id)))


def set_honoree_order(session: Session, batch_id: int, commendation_ids: list[int]) -> None:
    """Put the honorees of a draft batch in exactly this order (all of them, each once)."""
    batch = get(session, CommendationBatch, batch_id)
    _refuse_if_issued(batch)
    current = {c.id: c for c in _entered(session, batch.id)}
    if sorted(commendation_ids) != sorted(current):
        raise ValidationError("batch_id", "排序应包含本批的每一位表彰对象，且各只一次。",
                              "The new order must list every honoree of the batch exactly once.")
    for position, cid in enumerate(commendation_ids, start=1):
        if current[cid].sort_order != position:
            current[cid].sort_order = position
    flush(session)


def move_honoree(session: Session, commendation_id: int, steps: int) -> None:
    """Move an honoree up (negative ``steps``) or down the as-entered list of its draft batch."""
    c = get(session, Commendation, commendation_id)
    by = v.integer("steps", steps, required=True, minimum=-100_000, maximum=100_000)
    assert by is not None
    ids = [x.id for x in _entered(session, c.batch_id)]
    i = ids.index(c.id)
    j = max(0, min(len(ids) - 1, i + by))
    if i != j:
        ids.insert(j, ids.pop(i))
    set_honoree_order(session, c.batch_id, ids)


@dataclass(frozen=True)
class Honoree:
    """One line of a commendation list."""

    commendation_id: int
    honoree_kind: str
    honoree_id: int
    name: str
    unit: str | None
    post: str | None
    employment_type: str | None
    category: str
    deeds: str | None
    sort_order: int
    version: int

    @property
    def unit_and_post(self) -> str:
        """How the list prints a person: 工程管理处党支部书记; a retired or non-staff person says so."""
        unit, post = self.unit or "", self.post or ""
        # a post written with its unit (机关党委专职副书记) is not prefixed a second time
        parts = post if unit and post.startswith(unit) else unit + post
        if self.employment_type in (EmploymentType.RETIRED.value, EmploymentType.NON_STAFF.value) and not self.post:
            parts += EmploymentType(self.employment_type).zh  # type: ignore[attr-defined]
        return parts


def batch_honorees(session: Session, batch_id: int) -> list[Honoree]:
    """The honorees of a batch with display name, unit and post, grouped by category (in the order the
    categories were first entered) and, within a category, in the batch's list order: as entered; by unit
    (the organisation tree, then pinyin); or 按姓氏笔画 (stroke count of the surname, then of the
    following characters)."""
    batch = get(session, CommendationBatch, batch_id, include_deleted=True)
    unit = aliased(Organisation)
    own = aliased(Organisation)
    pb = aliased(PartyBranch)
    team = aliased(Team)
    person = aliased(Person)
    unit_id = func.coalesce(person.organisation_id, pb.organisation_id, team.organisation_id, own.parent_id)
    stmt = (
        select(Commendation.id, Commendation.honoree_kind,
               func.coalesce(Commendation.organisation_id, Commendation.party_branch_id, Commendation.team_id,
                             Commendation.person_id),
               func.coalesce(own.name, pb.name, team.name, person.name), unit.name, person.post,
               person.employment_type, Commendation.category, Commendation.deeds, Commendation.sort_order,
               Commendation.version,
               # where the honoree stands in the organisation tree, for the by-unit order
               func.coalesce(own.path, unit.path), func.coalesce(own.id, unit.id),
               func.coalesce(own.name_pinyin, pb.name_pinyin, team.name_pinyin, person.name_pinyin))
        .outerjoin(own, own.id == Commendation.organisation_id)
        .outerjoin(pb, pb.id == Commendation.party_branch_id)
        .outerjoin(team, team.id == Commendation.team_id)
        .outerjoin(person, person.id == Commendation.person_id)
        .outerjoin(unit, unit.id == unit_id)
        .where(Commendation.batch_id == batch.id, live(Commendation))
        .order_by(Commendation.sort_order, Commendation.id)
    )
    rows: list[Any] = list(session.execute(stmt).all())
    first_seen: dict[str, int] = {}
    for r in rows:
        first_seen.setdefault(r[7], len(first_seen))
    kind_rank = {k: i for i, k in enumerate(HONOREE_ID_FIELD)}
    position = {r[0]: i for i, r in enumerate(rows)}
    if batch.list_order == BY_UNIT:
        tree = _tree_positions(session)

        def key(r: Any) -> Any:
            chain = [int(x) for x in (r[11] or "").strip("/").split("/") if x] + ([r[12]] if r[12] else [])
            return (first_seen[r[7]], r[12] is None, [tree.get(i, (0, "", i)) for i in chain],
                    kind_rank.get(r[1], 9), r[13] or "", position[r[0]])
    elif batch.list_order == BY_STROKES:
        def key(r: Any) -> Any:
            return (first_seen[r[7]], stroke_key(r[3] or ""), position[r[0]])
    else:
        def key(r: Any) -> Any:
            return (first_seen[r[7]], position[r[0]])
    return [Honoree(*r[:11]) for r in sorted(rows, key=key)]


def _tree_positions(session: Session) -> dict[int, tuple[int, str, int]]:
    """For each organisation, its place among its siblings: (sort order, pinyin, id)."""
    stmt = select(Organisation.id, Organisation.sort_order, Organisation.name_pinyin)
    return {i: (s or 0, p or "", i) for i, s, p in session.execute(stmt)}

