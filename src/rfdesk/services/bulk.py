"""Writing many new records of one register at once (an import of thousands of rows).

Each register's bulk create checks every row with the same clean function as its single create (same
refusals, same messages), then writes the rows with one INSERT … executemany and their audit entries with
another, instead of a flush and an audit write per record. The audit entries are those the after_flush hook
writes for a record created on its own: same action, label and changed fields.

Rows read from a file (:func:`imported_from`) get one audit entry per insert instead: the file, its SHA-256,
and each record's row and values, from which ``history`` shows each record's creation as above, naming the
file and row it came from.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.orm import Session

from rfdesk.domain import AuditEntry, NumberSequence, Record
from rfdesk.domain.base import utcnow
from rfdesk.domain.codes import AuditAction
from rfdesk.services.base import (
    _NOT_AUDITED,
    _describe_part,
    _jsonable,
    _one_key_per_letter,
    claim_write_lock,
    next_number,
    operator_name,
    write_refusals_made_clear,
)
from rfdesk.services.errors import ValidationError
from rfdesk.services.staging import StagedRows, copy_staged, staged_values


@dataclass
class Checked:
    """A row that passed its register's checks: the column values to write (and an in-kind donation's items).

    Only a register's ``check_…`` function makes these, so nothing unchecked reaches ``insert_…``.
    """

    values: dict[str, Any]
    items: list[dict[str, Any]] = field(default_factory=list)


class RowRefused(ValidationError):
    """Row ``index`` (0-based) of a batch is refused for ``error``; nothing of the batch was written."""

    def __init__(self, index: int, error: ValidationError) -> None:
        super().__init__(f"rows[{index}].{error.field}", f"第{index + 1}行：{error.zh}", f"row {index + 1}: {error.en}")
        self.index = index
        self.error = error


def first_refusal(checked: Sequence[Checked | ValidationError]) -> None:
    """Raise :class:`RowRefused` for the first refused row of a checked batch."""
    for i, c in enumerate(checked):
        if isinstance(c, ValidationError):
            raise RowRefused(i, c)


def _audited_keys(model: type[Record]) -> list[str]:
    from sqlalchemy import inspect

    skip = _NOT_AUDITED | {"id", "uuid", "created_at", "deleted_at"}
    return [a.key for a in inspect(model).column_attrs if a.key not in skip]


def parts_changes(key: str, parts: Sequence[Any]) -> dict[str, list[Any]]:
    """The audit change of a new record's owned list (a donation's items), as the history shows it."""
    return {key: [None, [_describe_part(p) for p in parts]]} if parts else {}


def insert_records(session: Session, model: type[Record], rows: list[dict[str, Any]],
                   parts: Sequence[dict[str, list[Any]]] | None = None) -> list[int]:
    """Insert checked rows of ``model`` with their audit entries; the new ids in the order of ``rows``.

    Columns a row leaves out take their declared default, as an ORM insert would give them. ``parts``
    holds, per row, the audit change of its owned lists (see :func:`parts_changes`).
    """
    return write_prepared(session, model, prepare_records(session, model, rows, parts))


@dataclass
class Prepared:
    """New records of one table made ready to be written: everything but their ids and the time of the
    writing is worked out beforehand (defaults, uuids, pinyin keys, each value as the database stores it,
    what the audit trail records), so that under the write lock only the INSERT is left to do. It holds
    plain values only (texts, numbers, None), so that it waits cheaply in a temporary file."""

    columns: list[str]  # the stored columns of ``rows`` (all but the id and the two times)
    rows: list[tuple[Any, ...]]  # per record, its values in ``columns`` order
    stored: bool  # values as the driver takes them (SQLite); else as Python has them
    audit_columns: list[str]  # the audited columns any record of the batch gives
    audit: list[tuple[Any, ...]]  # per record, its values of ``audit_columns`` as the audit trail writes them
    labels: list[str | None]  # per record, what its audit entry is labelled with (else its id)
    parts: Sequence[dict[str, list[Any]]] | None = None
    # Set when ``rows`` wait in a temporary table instead (see rfdesk.services.staging); ``rows`` is then empty.
    staged: StagedRows | None = None
    # Records read from a file: how many of them each of its audit entries records, in order (the chunks of
    # an import written together); None: one entry for them all.
    entry_sizes: list[int] | None = None

    def __len__(self) -> int:
        return self.staged.count if self.staged is not None else len(self.rows)


_STAMPS = ("created_at", "updated_at")
_JSON_AS_IS = {str, int, bool, float, type(None)}


def prepare_records(session: Session, model: type[Record], rows: list[dict[str, Any]],
                    parts: Sequence[dict[str, list[Any]]] | None = None, *, blank: Iterable[str] = (),
                    given: dict[str, list[Any]] | None = None) -> Prepared:
    """Make checked rows of ``model`` ready for :func:`write_prepared`, taking no lock and writing nothing.

    Columns a row leaves out take their declared default, as an ORM insert would give them, except those
    named in ``blank``, which it leaves empty. ``given`` holds whole columns (a value per row) that take the
    place of the rows' own. ``parts`` holds, per row, the audit change of its owned lists (see
    :func:`parts_changes`).
    """
    table = cast(Table, model.__table__)  # type: ignore[attr-defined]
    defaults: dict[str, Any] = {}
    for col in table.columns:
        if col.primary_key or col.key in ("uuid", *_STAMPS, "version"):
            continue
        d = col.default
        defaults[col.key] = getattr(d, "arg", None) if d is not None and d.is_scalar else None
    defaults.update(dict.fromkeys(blank))
    n = len(rows)
    # Column by column: each record's value of a column is its row's, else the column's default.
    values: dict[str, list[Any]] = {}

    def column(key: str) -> list[Any]:
        if key not in values:
            default = defaults.get(key)
            values[key] = [r.get(key, default) for r in rows]
        return values[key]

    values["uuid"], values["version"] = _new_uuids(n), [1] * n
    values.update(given or {})
    for text_key, key_column in getattr(model, "pinyin_sort_keys", {}).items():
        # The sort key of a free-text column, as a single create writes it (full pinyin).
        values[key_column] = [full for full, _initials in name_keys_many([t or "" for t in column(text_key)])]
    audit_columns: list[str] = []
    audited: list[Any] = []
    for k in _audited_keys(model):
        col_values = column(k)
        kinds = set(map(type, col_values))
        if kinds <= {type(None)}:
            continue  # no record of the batch gives it
        audit_columns.append(k)
        # Texts and numbers go to the audit trail as they are; dates and amounts as the history shows them.
        audited.append(col_values if kinds <= _JSON_AS_IS else _each_turned(_jsonable, col_values))
    audit = list(zip(*audited, strict=True)) if audited else [() for _r in rows]
    labels = [a or b or None for a, b in zip(column("name"), column("title"), strict=True)]
    columns = [c for c in table.columns if not c.primary_key and c.key not in _STAMPS]
    dialect = session.get_bind().dialect
    stored = dialect.name == "sqlite"
    stored_columns = []
    for col in columns:
        col_values = column(col.key)
        process = col.type.dialect_impl(dialect).bind_processor(dialect) if stored else None
        if process is not None:
            # The rows go to the driver as tuples of stored values, without the per-row parameter
            # building of a Core INSERT (a third of the time of a 100,000-row import).
            col_values = _each_turned(process, col_values)
        stored_columns.append(col_values)
    return Prepared([c.key for c in columns], list(zip(*stored_columns, strict=True)) if rows else [], stored,
                    audit_columns, audit, labels, list(parts) if parts is not None else None)


def _each_turned(turn: Callable[[Any], Any], values: list[Any]) -> list[Any]:
    """``turn`` of each value, worked out once for the same value (a blank, a default) following itself and
    once per distinct date: a list repeats its dates of birth. Two equal dates are alike in every way,
    unlike equal numbers or times (1.0 and 1.00, times in two time zones)."""
    out: list[Any] = []
    last: Any = object()
    done: Any = None
    dates: dict[date, Any] = {}
    for x in values:
        if x is not last:
            if type(x) is date:
                done = dates[x] if x in dates else dates.setdefault(x, turn(x))
            else:
                done = turn(x)
            last = x
        out.append(done)
    return out


def write_prepared(session: Session, model: type[Record], prepared: Prepared) -> list[int]:
    """Insert the records of ``prepared`` (see :func:`prepare_records`) with their audit entries; their new
    ids in order. Rows read from a file (:func:`imported_from`) get one audit entry for the insert."""
    if not len(prepared):
        return []
    table = cast(Table, model.__table__)  # type: ignore[attr-defined]
    now = utcnow()
    ids = _insert_many(session, table, prepared, now)
    op = operator_name(session)
    source: ImportSource | None = session.info.get(_IMPORT_SOURCE)
    if source is not None and len(source.lines) == len(ids):
        entries, start = [], 0
        for size in prepared.entry_sizes or [len(ids)]:
            part = slice(start, start + size)
            entries.append(_import_entry(table.name, now, op, source, ids[part], source.lines[part],
                                         prepared.audit_columns, prepared.audit[part],
                                         prepared.parts[part] if prepared.parts is not None else None))
            start += size
        # As a list of rows, so that the INSERT is compiled once for every chunk of the import.
        session.execute(insert(cast(Table, AuditEntry.__table__)), entries)
        source.lines = ()  # they name these rows only
        return ids
    rows = prepared.rows if prepared.staged is None else staged_values(session, prepared.staged)
    entries = []
    for n, (record_id, label, values) in enumerate(zip(ids, prepared.labels, prepared.audit, strict=True)):
        changes = {k: [None, x] for k, x in zip(prepared.audit_columns, values, strict=True) if x is not None}
        if prepared.parts is not None:
            changes.update(prepared.parts[n])
        entries.append(dict(at=now, operator=op, action=AuditAction.CREATE.value, table_name=table.name,
                            record_id=record_id, record_uuid=rows[n][prepared.columns.index("uuid")],
                            label=str(label or f"#{record_id}")[:200],
                            changes=json.dumps(changes, ensure_ascii=False)))
    session.execute(insert(cast(Table, AuditEntry.__table__)), entries)
    return ids


def _insert_many(session: Session, table: Table, prepared: Prepared, now: Any) -> list[int]:
    """INSERT every row of ``prepared``, stamped ``now``; their new ids in order."""
    if not prepared.stored:
        assert prepared.staged is None, "rows wait in a temporary table on SQLite only"
        # Matched back by uuid: the server's sequence gives the ids.
        full = [{**dict(zip(prepared.columns, r, strict=True)), "created_at": now, "updated_at": now}
                for r in prepared.rows]
        by_uuid = {u: int(i) for i, u in session.execute(insert(table).returning(table.c.id, table.c.uuid), full)}
        return [by_uuid[r["uuid"]] for r in full]
    # SQLite: under the write lock the new ids are those SQLite would give (one above the largest, in
    # order); given here, the prepared tuples go to sqlite3's executemany as they are.
    _hold_write_lock(session)
    start = int(session.scalar(select(func.max(table.c.id))) or 0)
    ids = list(range(start + 1, start + 1 + len(prepared)))
    conn = session.connection()
    dialect = conn.dialect
    stamp_type = table.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)
    stamp = stamp_type(now) if stamp_type is not None else now
    quote = dialect.identifier_preparer.quote
    if prepared.staged is not None:
        with write_refusals_made_clear():
            copy_staged(session, dialect.identifier_preparer.format_table(table),
                        [quote(table.c[k].name) for k in ("id", *_STAMPS, *prepared.columns)], prepared.staged,
                        start + 1, stamp)
        return ids
    names = ", ".join(quote(table.c[k].name) for k in ("id", *_STAMPS, *prepared.columns))
    marks = ", ".join("?" for _ in range(3 + len(prepared.columns)))
    sql = f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({names}) VALUES ({marks})"
    with write_refusals_made_clear():
        conn.exec_driver_sql(sql, [(i, stamp, stamp, *r) for i, r in zip(ids, prepared.rows, strict=True)])
    return ids


_LOCKED_BY = "bulk_write_lock_transaction"


def _hold_write_lock(session: Session) -> None:
    """``claim_write_lock`` once per transaction: SQLite keeps the lock until the transaction ends (rolling
    back to a savepoint does not give it up), so the batches of an import after the first need not claim it
    again."""
    root = session.get_transaction()
    if root is None or session.info.get(_LOCKED_BY) is not root:
        claim_write_lock(session)
        session.info[_LOCKED_BY] = session.get_transaction()


def _new_uuids(n: int) -> list[str]:
    """``n`` random (version 4) UUIDs as text, from one read of the system's random source."""
    raw = bytearray(os.urandom(16 * n))
    for i in range(0, 16 * n, 16):
        raw[i + 6] = (raw[i + 6] & 0x0F) | 0x40  # version 4
        raw[i + 8] = (raw[i + 8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return [f"{h[i:i + 8]}-{h[i + 8:i + 12]}-{h[i + 12:i + 16]}-{h[i + 16:i + 20]}-{h[i + 20:i + 32]}"
            for i in range(0, 32 * n, 32)]


# ---- records that came from a file: one audit entry per batch ------------------------------------------

_IMPORT_SOURCE = "import_source"
IMPORTED = "import"


@dataclass
class ImportSource:
    """The file the records of the next bulk inserts come from, and the row of it each record was read
    from (``lines``, set before each insert, in the order of its rows)."""

    file_name: str
    sha256: str
    lines: Sequence[int] = ()


@contextmanager
def imported_from(session: Session, source: ImportSource) -> Iterator[ImportSource]:
    """While open, the bulk inserts of ``session`` whose rows ``source.lines`` names are recorded in the audit
    trail by one entry per insert (file, hash, and each record's row and values) instead of one per record;
    :func:`rfdesk.services.base.history` shows each record's part of it as that record's creation."""
    session.info[_IMPORT_SOURCE] = source
    try:
        yield source
    finally:
        session.info.pop(_IMPORT_SOURCE, None)


def _import_entry(table_name: str, now: Any, operator: str, source: ImportSource, ids: list[int],
                  lines: Sequence[int], audit_columns: list[str], audit: Sequence[tuple[Any, ...]],
                  parts: Sequence[dict[str, list[Any]]] | None) -> dict[str, Any]:
    """The audit entry of records read from a file: the file, its hash, and each record's row and values."""
    columns = list(audit_columns)
    records = [[record_id, line, *values] for record_id, line, values in zip(ids, lines, audit, strict=True)]
    if parts is not None:
        columns.append("_parts")
        for rec, p in zip(records, parts, strict=True):
            rec.append(p or None)
    changes = {"file": source.file_name, "sha256": source.sha256, "columns": columns, "records": records}
    return dict(at=now, operator=operator, action=IMPORTED, table_name=table_name, record_id=min(ids),
                record_uuid=None, label=source.file_name[:200],
                changes=json.dumps(changes, ensure_ascii=False, default=_jsonable))


def created_by_import(session: Session, model: type[Record], record_id: int) -> tuple[Any, str, dict[str, Any]] | None:
    """(time, operator, changes) of a record's creation by an import, as a form's creation would record it,
    with the file and row it came from under ``source``; None if it was not imported."""
    created = session.scalar(select(model.created_at).where(model.id == record_id))
    if created is None:
        return None
    entries = session.scalars(select(AuditEntry).where(AuditEntry.at == created, AuditEntry.action == IMPORTED,
                                                       AuditEntry.table_name == model.__tablename__,
                                                       AuditEntry.record_id <= record_id))
    for entry in entries:
        batch = json.loads(entry.changes)
        for rec in batch["records"]:
            if rec[0] != record_id:
                continue
            changes: dict[str, Any] = {}
            for key, value in zip(batch["columns"], rec[2:], strict=True):
                if key == "_parts":
                    changes.update(value or {})
                elif value is not None:
                    changes[key] = [None, value]
            changes["source"] = [None, f"{batch['file']} 第{rec[1]}行"]
            return entry.at, entry.operator, changes
    return None


def name_keys_many(names: Sequence[str]) -> list[tuple[str, str]]:
    """``name_keys`` of many names at once: each distinct name is keyed once, character by character.

    The converter reads a run of characters as a word when its phrase dictionary knows one starting there
    (重庆 chongqing, not zhongqing); a name in which no two neighbouring characters begin such a word is
    read one character at a time, so its keys are those of its characters, each looked up once per import.
    The other names go through the converter together, joined by line breaks, which no cleaned name holds:
    the converter never takes a phrase across one, so every name still gets exactly its own keys.
    """
    if not names:
        return []
    keyed = _KEYED
    try:
        # Every name keyed already (most batches of an import after the first few): a name holding no
        # white space is keyed as it is, and one holding some is never a key, so this finds only the keys
        # the full reading below would give.
        return [keyed[n] for n in names]
    except (KeyError, TypeError):
        pass
    # A printable name holds no white space but the plain space (see validation.normalise).
    cleaned = [n if n.isprintable() and " " not in n else "".join(ch for ch in n if not ch.isspace())
               for n in (n or "" for n in names)]
    if len(keyed) > _KEYED_MAX:
        keyed.clear()
    read_whole: list[str] = []
    for text in dict.fromkeys(cleaned):
        if text in keyed:
            continue
        syllables = _read_per_character(text)
        if syllables is None:
            read_whole.append(text)
        else:
            keyed[text] = _keys_of(syllables)
    if read_whole:
        from pypinyin import Style, lazy_pinyin

        items = lazy_pinyin("\n".join(read_whole), style=Style.NORMAL, errors=_one_key_per_letter)
        current: list[str] = []
        texts = iter(read_whole)
        for item in [*items, "\n"]:
            if item != "\n":
                current.append(item)
                continue
            keyed[next(texts)] = _keys_of(current)
            current = []
        assert next(texts, None) is None
    return [keyed[c] for c in cleaned]


# Names keyed by earlier batches (an import's chunks share most of their names), up to a bound.
_KEYED: dict[str, tuple[str, str]] = {}
_KEYED_MAX = 100_000


def _keys_of(syllables: Sequence[str]) -> tuple[str, str]:
    initials = "".join(p[0] for p in syllables if p)
    return "".join(syllables).lower()[:400], initials.lower()[:100]


def _read_per_character(text: str) -> list[str] | None:
    """The syllables of ``text`` one per character, or None when the converter would read some of it as a
    word, or would not give each character a syllable of its own (letters, digits, marks)."""
    out: list[str] = []
    for i, ch in enumerate(text):
        reading = _character_reading(ch)
        if reading is None or (i and _begins_a_word(text[i - 1:i + 1])):
            return None
        out.append(reading)
    return out


@lru_cache(maxsize=65536)
def _begins_a_word(pair: str) -> bool:
    """Whether the converter's phrase dictionary has a word beginning with these two characters."""
    from pypinyin.contrib.mmseg import p_set as word_starts

    return pair in word_starts


@lru_cache(maxsize=65536)
def _character_reading(ch: str) -> str | None:
    """The syllable of one Chinese character read on its own (its most common reading), else None."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import RE_HANS

    if not RE_HANS.match(ch):
        return None
    items = lazy_pinyin(ch, style=Style.NORMAL, errors=_one_key_per_letter)
    return items[0] if len(items) == 1 else None


def reserve_numbers(session: Session, name: str, year: int, count: int) -> int:
    """The first of ``count`` consecutive numbers of the sequence ``name`` for ``year`` (see ``next_number``)."""
    first = next_number(session, name, year)
    if count > 1:
        session.execute(update(NumberSequence)
                        .where(NumberSequence.name == name, NumberSequence.year == year)
                        .values(last_value=NumberSequence.last_value + (count - 1)))
    return first


__all__ = ["Checked", "ImportSource", "Prepared", "RowRefused", "created_by_import", "first_refusal",
           "imported_from", "insert_records", "name_keys_many", "parts_changes", "prepare_records",
           "reserve_numbers", "write_prepared"]
