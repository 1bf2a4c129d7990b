"""What every register's services share: the audit trail, the recycle bin, look-ups, name keys, numbers.

Services are functions that take a SQLAlchemy ``Session`` (a unit of work from ``Database.session()``) and
plain values; they validate everything before writing and raise :class:`ValidationError` naming the field.
The caller's unit of work commits or rolls back as a whole, so a refused call writes nothing.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, Generic, TypeVar

from sqlalchemy import event, func, insert, inspect, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, attributes
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import BinaryExpression
from sqlalchemy.sql.functions import FunctionElement

from rfdesk.domain import REGISTER_MODELS, AuditEntry, NumberSequence, Organisation, Record
from rfdesk.domain.base import utcnow
from rfdesk.domain.codes import AuditAction
from rfdesk.services.errors import Conflict, DatabaseError, NotFound, ValidationError
from rfdesk.services.search import next_prefix

T = TypeVar("T", bound=Record)

# Columns that change on every write and would only clutter the history.
_NOT_AUDITED = {"updated_at", "version", "name_pinyin", "name_initials", "donor_initials", "post_pinyin",
                "rank_pinyin", "purpose_pinyin", "handler_pinyin", "category_pinyin", "title_pinyin",
                "place_text_pinyin"}


def operator_name(session: Session) -> str:
    """Who is making the change: set in ``session.info["operator"]``, else the OS user."""
    op = session.info.get("operator")
    if op:
        return str(op)
    try:
        return getpass.getuser()
    except Exception:  # no user name on some service accounts
        return "unknown"


def _jsonable(v: Any) -> Any:
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if isinstance(v, bytes):
        return f"<{len(v)} bytes>"
    return v


def _column_changes(obj: Record, *, new: bool) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _NOT_AUDITED or key in ("id", "uuid", "created_at"):
            continue
        hist = attributes.get_history(obj, key)
        if new:
            value = getattr(obj, key)
            if value is not None and not (key == "deleted_at"):
                changes[key] = [None, _jsonable(value)]
        elif hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new_v = hist.added[0] if hist.added else None
            if old != new_v:
                changes[key] = [_jsonable(old), _jsonable(new_v)]
    return changes


def _owned_collections(obj: Record) -> list[str]:
    """The lists that are part of a record (a donation's items, a document's attachments)."""
    return [r.key for r in inspect(obj).mapper.relationships if r.uselist and r.cascade.delete_orphan]


def _describe_part(part: Any) -> str:
    """One line of an owned list as the history shows it: its own columns, long text shortened."""
    state = inspect(part)
    keys = {c.key for c in state.mapper.primary_key} | {
        c.key for r in state.mapper.relationships if r.direction.name == "MANYTOONE" for c in r.local_columns}
    values = []
    for attr in state.mapper.column_attrs:
        if attr.key in keys or attr.key == "position":
            continue
        value = getattr(part, attr.key)
        if value not in (None, ""):
            text = str(_jsonable(value))
            values.append(text if len(text) <= 60 else text[:59] + "…")
    return " ".join(values)


def _part_order(part: Any) -> Any:
    return (getattr(part, "position", 0) or 0, part.id or 0)


def _list_history(obj: Record, key: str) -> Any:
    # A list that was never loaded cannot have changed: do not load it just to look.
    return attributes.get_history(obj, key, passive=attributes.PASSIVE_NO_INITIALIZE)


def _collection_changes(obj: Record, *, new: bool) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    for key in _owned_collections(obj):
        hist = _list_history(obj, key)
        if not new and not hist.has_changes():
            continue
        before = sorted([*hist.unchanged, *hist.deleted], key=_part_order)
        after = sorted([*hist.unchanged, *hist.added], key=_part_order)
        old_lines, new_lines = [_describe_part(p) for p in before], [_describe_part(p) for p in after]
        if new and after:
            changes[key] = [None, new_lines]
        elif not new and old_lines != new_lines:
            changes[key] = [old_lines, new_lines]
    return changes


_AUDITED = tuple(REGISTER_MODELS)


@event.listens_for(Session, "before_flush")
def _parts_change_their_record(session: Session, _ctx: Any, _instances: Any) -> None:
    """A record whose items or attachments changed is itself changed: its version moves on, so a clerk
    holding the old list gets a Conflict instead of silently writing over the new one."""
    for obj in list(session.dirty):
        if isinstance(obj, _AUDITED) and any(_list_history(obj, key).has_changes()
                                             for key in _owned_collections(obj)):
            obj.updated_at = utcnow()


@event.listens_for(Session, "before_flush")
def _renew_pinyin_sort_keys(session: Session, _ctx: Any, _instances: Any) -> None:
    """Every write of a free-text column a register sorts by (a post, a purpose, a title) renews its stored
    pinyin key, whichever service wrote it."""
    for obj in [*session.new, *session.dirty]:
        pairs = getattr(obj, "pinyin_sort_keys", None)
        if not pairs:
            continue
        new = obj in session.new
        for text_key, key_column in pairs.items():
            if new or attributes.get_history(obj, text_key).has_changes():
                setattr(obj, key_column, pinyin_sort_key_of(getattr(obj, text_key)))


def pinyin_sort_key_of(text: str | None) -> str:
    """The stored sort key of a free-text value: its full pinyin without tones, lower-case ("" for none)."""
    return name_keys(text or "")[0]


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, _ctx: Any) -> None:
    """Record every create/update/delete/restore of a register row, in the same transaction."""
    rows: list[dict[str, Any]] = []
    now = utcnow()
    op = operator_name(session)
    for obj in session.new:
        if isinstance(obj, _AUDITED):
            rows.append(dict(at=now, operator=op, action=AuditAction.CREATE.value, table_name=obj.__tablename__,
                             record_id=obj.id, record_uuid=obj.uuid, label=obj.label()[:200],
                             changes=json.dumps({**_column_changes(obj, new=True),
                                                 **_collection_changes(obj, new=True)}, ensure_ascii=False)))
    for obj in session.dirty:
        if not isinstance(obj, _AUDITED) or not session.is_modified(obj):
            continue
        changes = {**_column_changes(obj, new=False), **_collection_changes(obj, new=False)}
        if not changes:
            continue
        action = AuditAction.UPDATE
        if "deleted_at" in changes:
            old, new_v = changes["deleted_at"]
            action = AuditAction.DELETE if new_v is not None else AuditAction.RESTORE
        rows.append(dict(at=now, operator=op, action=action.value, table_name=obj.__tablename__,
                         record_id=obj.id, record_uuid=obj.uuid, label=obj.label()[:200],
                         changes=json.dumps(changes, ensure_ascii=False)))
    for obj in session.deleted:
        if isinstance(obj, _AUDITED):
            rows.append(dict(at=now, operator=op, action="purge", table_name=obj.__tablename__,
                             record_id=obj.id, record_uuid=obj.uuid, label=obj.label()[:200], changes="{}"))
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def get(session: Session, model: type[T], record_id: int, *, include_deleted: bool = False) -> T:
    """The record with this id; NotFound if there is none or it is in the recycle bin."""
    obj = session.get(model, record_id) if isinstance(record_id, int) else None
    if obj is None or (obj.deleted_at is not None and not include_deleted):
        where = "（已在回收站）" if obj is not None else ""
        raise NotFound(
            model.__tablename__,
            f"找不到编号为 {record_id} 的{model_label(model)[0]}{where}",
            f"No {model_label(model)[1]} with id {record_id}{' (it is in the recycle bin)' if where else ''}",
        )
    return obj


def referenced(session: Session, field: str, model: type[T], value: Any, *, required: bool = False) -> T | None:
    """The live record a form field points to, or None when it is blank.

    An id that is not a number, does not exist or is in the recycle bin is bad input, so it is refused with
    a ValidationError naming the field (not NotFound, which is for the record being edited).
    """
    from rfdesk.services import validation as v

    record_id = v.reference(field, value, required=required)
    if record_id is None:
        return None
    obj = session.get(model, record_id)
    zh, en = model_label(model)
    if obj is None:
        raise v.fail(field, f"找不到编号为 {record_id} 的{zh}", f"there is no {en} with id {record_id}")
    if obj.deleted_at is not None:
        raise v.fail(field, f"{zh}“{obj.label()}”已在回收站中", f"the {en} “{obj.label()}” is in the recycle bin")
    return obj


def subtree_condition(session: Session, column: Any, organisation_id: Any, field: str = "organisation_id") -> Any:
    """WHERE ``column`` (an organisation id) is the given organisation or one of its descendants.

    One indexed prefix match on ``Organisation.path``; refuses (ValidationError naming ``field``) an
    organisation that does not exist.
    """
    from sqlalchemy import or_

    org = referenced(session, field, Organisation, organisation_id, required=True)
    assert org is not None
    prefix = f"{org.path}{org.id}/"
    return column.in_(select(Organisation.id).where(or_(Organisation.id == org.id, Organisation.path.startswith(prefix))))


class ColumnFunction(FunctionElement[Any]):
    """An SQL function of one column that keeps the column's type; each dialect compiles it its own way."""

    inherit_cache = True

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type


class unindexed(ColumnFunction):  # noqa: N801 - reads as the SQL it becomes
    """A column that SQLite must not look up by its index in this condition (``+column``); plain elsewhere.

    rfdesk never runs ANALYZE, and SQLite without statistics takes ``deleted_at IS NULL`` or ``voided = 0``
    for a selective test and walks that index through nearly the whole table, instead of using the index of
    the search, sort or grouping. Almost every row is live and valid, so those indexes only serve the
    recycle bin and the voided receipts.
    """

    name = "unindexed"
    inherit_cache = True


@compiles(unindexed)
def _unindexed_plain(element: unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


class by_code_point(ColumnFunction):  # noqa: N801 - reads as the SQL it becomes
    """A text column compared character by character (code point order), whatever the server's collation.

    SQLite compares text that way already. A PostgreSQL server set up for Chinese (zh_CN, ICU ``zh``) puts
    punctuation before letters, so the upper end of a prefix range (``cyj`` … ``cyk``, ``jwfz`` … ``jwf{``)
    would no longer lie above the keys that start with the prefix.
    """

    name = "by_code_point"
    inherit_cache = True


@compiles(by_code_point)
def _by_code_point_plain(element: by_code_point, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(by_code_point, "postgresql")
def _by_code_point_postgresql(element: by_code_point, compiler: Any, **kw: Any) -> str:
    return f'({compiler.process(element.clauses, **kw)}) COLLATE "C"'


# SQLite's LIKE ignores the case of Latin letters; PostgreSQL's does not. The same search ("wz" for the code
# WZ-001, "abc" for ABC Co.) must find the same rows on a server, so there every LIKE is an ILIKE.
_CASELESS = {operators.like_op: operators.ilike_op, operators.not_like_op: operators.not_ilike_op,
             operators.contains_op: operators.icontains_op, operators.not_contains_op: operators.not_icontains_op,
             operators.startswith_op: operators.istartswith_op,
             operators.not_startswith_op: operators.not_istartswith_op,
             operators.endswith_op: operators.iendswith_op, operators.not_endswith_op: operators.not_iendswith_op}


@compiles(BinaryExpression, "postgresql")
def _like_ignores_case_postgresql(element: BinaryExpression[Any], compiler: Any, **kw: Any) -> str:
    caseless = _CASELESS.get(element.operator)
    if caseless is not None and "override_operator" not in kw:
        kw["override_operator"] = caseless
    return str(compiler.visit_binary(element, **kw))


def live(model: type[T]) -> Any:
    """WHERE clause for rows not in the recycle bin."""
    return unindexed(model.deleted_at).is_(None)


def changed_meanwhile() -> Conflict:
    return Conflict("version", "该记录已被他人修改，请刷新后重试。",
                    "This record was changed by someone else; reload it and try again.")


# SQLite result codes of a write refused because of another clerk's transaction.
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_BUSY_SNAPSHOT = 5, 6, 517


def _clear_write_refusal(exc: OperationalError) -> Exception | None:
    """What a clerk is told when SQLite refuses a write because someone else is writing or has written.

    BUSY_SNAPSHOT: this unit of work read the data before another clerk committed a change (WAL), so what
    it was about to write rests on an old state — the same as a lost optimistic-lock race. BUSY/LOCKED:
    another clerk's change held the lock for longer than the busy timeout.
    """
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code == _SQLITE_BUSY_SNAPSHOT:
        return changed_meanwhile()
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DatabaseError("db", "数据库正被其他同事修改，请稍后重试；本次未写入任何内容。",
                             "The database is busy with another clerk's change; try again shortly. "
                             "Nothing was written.")
    return None


@contextmanager
def write_refusals_made_clear() -> Iterator[None]:
    """Turn SQLite's refusal of a write because of another clerk into a Conflict or a DatabaseError."""
    try:
        yield
    except OperationalError as exc:
        clear = _clear_write_refusal(exc)
        if clear is None:
            raise
        raise clear from exc


def check_version(obj: Record, expected: int | None) -> None:
    """Refuse to save over a change someone else made since the clerk opened the form."""
    if expected is not None and obj.version != expected:
        raise changed_meanwhile()


def flush(session: Session) -> None:
    """Flush, turning a lost optimistic-lock race (version or SQLite snapshot) into a clear Conflict."""
    try:
        with write_refusals_made_clear():
            session.flush()
    except StaleDataError:
        raise changed_meanwhile() from None


def apply_changes(session: Session, obj: T, clean: dict[str, Any], *,
                  keys: Callable[[str], tuple[str, str]] | None = None) -> T:
    """Write the checked values of a change into ``obj`` and flush, returning ``obj``.

    A value equal to the stored one is left alone. With ``keys`` (:func:`name_keys`, or a register's own
    reading of names), a new name also renews the record's pinyin search keys. The flush writes the history
    entry and refuses a change over someone else's (Conflict).
    """
    for key, val in clean.items():
        if getattr(obj, key) != val:
            setattr(obj, key, val)
    if keys is not None and "name" in clean:
        set_name_keys(obj, clean["name"], keys)
    flush(session)
    return obj


def soft_delete(session: Session, obj: Record) -> None:
    """Move a record to the recycle bin (never a hard delete from the UI)."""
    if obj.deleted_at is None:
        obj.deleted_at = utcnow()
        flush(session)


def _refuse_restore(session: Session, obj: Record) -> None:
    """Refuse bringing back a record whose place in the registers is gone or was taken since it was deleted.

    Kept here, with the recycle bin, so that every route back (the bin's window, a register's own restore)
    applies them; stock movements have their own check, in ``stock``.
    """
    from rfdesk.domain import Commendation, CommendationBatch
    from rfdesk.domain.codes import BatchStatus

    if isinstance(obj, Organisation) and obj.parent_id is not None:
        parent = session.get(Organisation, obj.parent_id)
        if parent is not None and parent.deleted_at is not None:
            raise ValidationError("parent_id", f"上级单位“{parent.name}”也在回收站中，请先恢复它。",
                                  f"Its parent organisation “{parent.name}” is in the recycle bin; restore it first.")
    if isinstance(obj, Commendation):
        batch = session.get(CommendationBatch, obj.batch_id)
        if batch is not None and batch.status == BatchStatus.ISSUED.value:
            raise ValidationError("batch_id", f"“{batch.title}”已印发，不能再加入表彰对象。",
                                  f"“{batch.title}” has been issued; no honoree can be added back to it.")
        same = session.scalar(select(Commendation.id).where(
            Commendation.batch_id == obj.batch_id, Commendation.honoree_kind == obj.honoree_kind,
            Commendation.organisation_id.is_not_distinct_from(obj.organisation_id),
            Commendation.party_branch_id.is_not_distinct_from(obj.party_branch_id),
            Commendation.team_id.is_not_distinct_from(obj.team_id),
            Commendation.person_id.is_not_distinct_from(obj.person_id),
            Commendation.id != obj.id, live(Commendation)))
        if same is not None:
            raise ValidationError("batch_id", "该表彰对象已重新列入本批名单，不能再恢复一次。",
                                  "This honoree was entered in the batch again since; it cannot be restored twice.")


def restore(session: Session, model: type[T], record_id: int) -> T:
    """Bring a record back from the recycle bin. Refuses an organisation whose parent is still in the bin,
    and an honoree of a batch issued since or entered in it again since."""
    obj = get(session, model, record_id, include_deleted=True)
    if obj.deleted_at is not None:
        _refuse_restore(session, obj)
        obj.deleted_at = None
        flush(session)
    return obj


@dataclass(frozen=True)
class BinEntry:
    table_name: str
    record_id: int
    label: str
    deleted_at: datetime


def recycle_bin(session: Session) -> list[BinEntry]:
    """Everything in the recycle bin, newest first."""
    out: list[BinEntry] = []
    for model in REGISTER_MODELS:
        for obj in session.scalars(select(model).where(model.deleted_at.is_not(None))):
            out.append(BinEntry(model.__tablename__, obj.id, obj.label(), obj.deleted_at))  # type: ignore[arg-type]
    out.sort(key=lambda e: e.deleted_at, reverse=True)
    return out


def model_for_table(table_name: str) -> type[Record]:
    for model in REGISTER_MODELS:
        if model.__tablename__ == table_name:
            return model
    raise NotFound("table", f"未知的登记簿：{table_name}", f"Unknown register: {table_name}")


def restore_from_bin(session: Session, table_name: str, record_id: int) -> Record:
    """Restore an entry of the recycle bin (as :func:`recycle_bin` lists it); refuses what ``restore`` does."""
    return restore(session, model_for_table(table_name), record_id)


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    operator: str
    action: str
    changes: dict[str, list[Any]]


def history(session: Session, model: type[Record], record_id: int) -> list[HistoryEntry]:
    """The audit trail of one record, oldest first; a record brought in by an import starts with its
    creation as a form records it, naming the file and row it came from."""
    from rfdesk.services.bulk import IMPORTED, created_by_import

    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.table_name == model.__tablename__, AuditEntry.record_id == record_id,
               AuditEntry.action != IMPORTED)
        .order_by(AuditEntry.id)
    )
    entries = [HistoryEntry(r.at, r.operator, r.action, json.loads(r.changes)) for r in rows]
    imported = created_by_import(session, model, record_id)
    if imported is not None:
        at, operator, changes = imported
        entries.insert(0, HistoryEntry(at, operator, AuditAction.CREATE.value, changes))
    return entries


_MODEL_LABELS = {
    "organisation": ("单位", "organisation"),
    "place": ("地点", "place"),
    "party_branch": ("党支部", "party branch"),
    "person": ("人员", "person"),
    "team": ("队伍", "team"),
    "team_membership": ("队伍成员", "team membership"),
    "duty_shift": ("值班安排", "duty shift"),
    "assignment": ("去向记录", "assignment"),
    "commendation_batch": ("表彰批次", "commendation batch"),
    "commendation": ("表彰对象", "commendation"),
    "campaign": ("募捐活动", "campaign"),
    "donation": ("捐赠记录", "donation"),
    "resource": ("战备资源", "resource"),
    "stock_movement": ("出入库记录", "stock movement"),
    "document": ("公文", "document"),
}


def model_label(model: type[Record] | str) -> tuple[str, str]:
    name = model if isinstance(model, str) else model.__tablename__
    return _MODEL_LABELS.get(name, (name, name))


# ---- names: pinyin keys for search and sorting ---------------------------------------------------------


def _one_key_per_letter(text: str) -> Any:
    # pypinyin accepts a list here (one "syllable" per letter) although its annotation says str.
    return list(text.lower())


@lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin without tones, initials) of a name: 曹裕军 → ("caoyujun", "cyj").

    Polyphonic surnames follow pypinyin's phrase dictionary; non-Chinese characters pass through lower-cased.
    """
    from pypinyin import Style, lazy_pinyin  # imported on first use: it loads large dictionaries

    clean = "".join(ch for ch in (name or "") if not ch.isspace())
    full = lazy_pinyin(clean, style=Style.NORMAL, errors=_one_key_per_letter)
    initials = "".join(p[0] for p in full if p)
    return "".join(full).lower()[:400], initials.lower()[:100]


def set_name_keys(obj: Any, name: str | None, keys: Callable[[str], tuple[str, str]] = name_keys) -> None:
    full, initials = keys(name or "")
    obj.name_pinyin = full
    obj.name_initials = initials


def prefix_range(column: Any, prefix: str) -> Any:
    """``column`` starts with ``prefix`` (lower-case ASCII) as an index range; LIKE ignores case and cannot
    use the index."""
    from sqlalchemy import and_

    key = by_code_point(column)
    return and_(key >= prefix, key < next_prefix(prefix))


def name_filter(model: Any, query: str) -> Any:
    """WHERE clause matching a name by characters, by pinyin initials (cyj) or by full pinyin prefix.

    A query of Latin letters only is looked up in the pinyin keys alone (a Latin name's keys are its own
    letters, lower-cased), as two index ranges: a substring test on the name would read every row.
    """
    from sqlalchemy import or_

    q = query.strip()
    if not q:
        return None
    low = q.lower()
    if low.isascii() and low.isalpha():
        return or_(prefix_range(model.name_initials, low), prefix_range(model.name_pinyin, low))
    return model.name.contains(q, autoescape=True)


# ---- numbers: gap-free per-year sequences ------------------------------------------------------------


def next_number(session: Session, name: str, year: int) -> int:
    """The next value of the sequence ``name`` for ``year``, inside the caller's transaction.

    The row is updated before it is read, so on SQLite the write lock and on PostgreSQL the row lock is
    held until the transaction ends: two clerks never get the same number, and a rolled-back
    transaction gives its number back (no gaps).
    """
    bump = (
        update(NumberSequence)
        .where(NumberSequence.name == name, NumberSequence.year == year)
        .values(last_value=NumberSequence.last_value + 1)
    )
    res = session.execute(bump)
    if res.rowcount == 0:  # type: ignore[attr-defined]
        # First number of the year. Two clerks on a server may both find no row: the second insert fails
        # on the unique key once the first commits, and its UPDATE then waits for the first one's lock.
        try:
            with session.begin_nested():
                session.execute(insert(NumberSequence).values(name=name, year=year, last_value=0))
        except IntegrityError:
            pass
        session.execute(bump)
    value = session.scalar(
        select(NumberSequence.last_value).where(NumberSequence.name == name, NumberSequence.year == year)
    )
    return int(value or 0)


def claim_write_lock(session: Session) -> None:
    """Take the database's write lock now, as the first statement of a change that depends on what it reads.

    SQLite starts every transaction as a reader; a reader that writes after another clerk has committed
    fails with "database is locked" instead of waiting. Taking the lock first makes the second clerk wait
    (busy timeout) and then read the fresh state, so two clerks never get the same number or the last
    stock. On PostgreSQL row locks do this job (``next_number``'s UPDATE, SELECT … FOR UPDATE).
    """
    if session.get_bind().dialect.name == "sqlite":
        with write_refusals_made_clear():
            session.execute(
                update(NumberSequence).where(NumberSequence.id < 0).values(last_value=NumberSequence.last_value)
            )


# ---- lists: paging, sorting and totals in SQL ---------------------------------------------------------

R = TypeVar("R")


@dataclass
class Page(Generic[R]):
    """One page of a filtered, sorted list, with the total count of the filter."""

    rows: list[R]
    total: int
    offset: int
    limit: int


def in_order(keys: Sequence[Any], descending: bool = False) -> list[Any]:
    """ORDER BY terms for ``keys``: blanks last in either direction, as in a spreadsheet, and the same on
    SQLite and PostgreSQL. End ``keys`` with the id, so that paging never repeats or skips a row."""
    return [(k.desc() if descending else k.asc()).nulls_last() for k in keys]


def sort_terms(sorts: dict[str, tuple[Any, ...]], sort: str, descending: bool, tie: Any) -> list[Any]:
    """ORDER BY terms of a list's sort key (a column of ``sorts``), ``tie`` (the id) breaking ties.
    Refuses an unknown key, naming the field ``sort``."""
    from rfdesk.services import validation as v

    if sort not in sorts:
        raise v.fail("sort", f"无法按“{sort}”排序", f"cannot sort by “{sort}”")
    return in_order((*sorts[sort], tie), descending)


def kept_or_referenced(session: Session, field: str, model: type[T], value: Any, obj: Record | None) -> T | None:
    """The live record a field of ``obj`` points to; the one it already points to is kept even if it went to
    the recycle bin since (changing a note of an old donation must not fail on its binned campaign)."""
    from rfdesk.services import validation as v

    if obj is not None and value not in (None, "") and v.reference(field, value) == getattr(obj, field):
        return session.get(model, getattr(obj, field))
    return referenced(session, field, model, value)


def count(session: Session, stmt: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0)


def page(session: Session, stmt: Any, offset: int = 0, limit: int = 100, *, with_total: bool = True) -> Page[Any]:
    rows = list(session.scalars(stmt.offset(max(0, offset)).limit(max(1, min(limit, 10_000)))))
    total = count(session, stmt) if with_total else -1
    return Page(rows, total, offset, limit)


def ids_of(objs: Iterable[Record]) -> list[int]:
    return [o.id for o in objs]


def first_or_none(seq: Sequence[R]) -> R | None:
    return seq[0] if seq else None
