"""Writing the rows of an import that passed their checks: kept in a temporary file while the rest of the file
is checked, then written all at once under the write lock.

Other clerks wait for the writing alone. What may have changed between a row's check and the writing is
looked at again under the lock, and refuses the whole import naming the row and field.
"""

from __future__ import annotations

import contextlib
import pickle
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from rfdesk.exchange.import_report import ImportRefused, Problem
from rfdesk.exchange.progress import WRITING, Ticker
from rfdesk.services.base import claim_write_lock
from rfdesk.services.bulk import ImportSource, Prepared, imported_from
from rfdesk.services.errors import ValidationError
from rfdesk.services.staging import RowStage, staged_values


class CheckedRows:
    """Rows that passed their checks, waiting in a temporary file until the whole file has been checked:
    memory holds one chunk, not the file. Also notes, for each record a row points to (its unit, party
    branch, campaign…), the first row pointing to it, to look them all up again under the write lock.

    On SQLite the records a register makes ready as stored values wait in a temporary table of the
    connection of ``session``, which will write them (see :mod:`rfdesk.services.staging`); the rest of
    each batch (what the audit trail records) waits in the file."""

    def __init__(self, rule: Any, session: Session) -> None:
        # Every register keys its names in pinyin when writing: the converter loads its dictionaries (a
        # third of a second) now, while no lock is held.
        import pypinyin.contrib.mmseg  # noqa: F401

        self.rule = rule
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self.stage = RowStage(session) if session.get_bind().dialect.name == "sqlite" else None
        self.chunks = 0
        self.rows = 0
        self.references: dict[tuple[str, Any, Any], int] = {}

    def add(self, passed: list[tuple[int, Any]]) -> None:
        """Keep the rows that passed, made ready to be written by the register (see its rule's ``ready``)."""
        if not passed:
            return
        for ref, row in self.rule.references(passed).items():
            self.references.setdefault(ref, row)
        batch = self.rule.ready([checked for _row, checked in passed])
        if self.stage is not None and isinstance(batch, Prepared) and batch.stored:
            batch = replace(batch, rows=[], staged=self.stage.add(batch.columns, batch.rows))
        pickle.dump(([row for row, _c in passed], batch), self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.chunks += 1
        self.rows += len(passed)

    def __iter__(self) -> Iterator[tuple[list[int], Any]]:
        """(the file's row of each record, the batch ready to be written), chunk by chunk."""
        self.file.seek(0)
        for _ in range(self.chunks):
            yield pickle.load(self.file)  # noqa: S301 - our own file, written just now

    def blocks(self, rows: int) -> Iterator[tuple[list[int], Any]]:
        """As iterating gives them, but consecutive batches that wait in the stage joined into batches of
        ``rows`` records or more (each chunk keeping an import audit entry of its own), to be copied into
        the register together: SQLite keeps, for each statement that writes, the former contents of every
        page it changes, and a copy of a few hundred records changed most of a register's index pages."""
        lines: list[int] = []
        joined: list[Prepared] = []
        for chunk_lines, batch in self:
            if joined and not _continues(joined[-1], batch):
                yield lines, _joined(joined)
                lines, joined = [], []
            if not (isinstance(batch, Prepared) and batch.staged is not None):
                yield chunk_lines, batch
                continue
            lines += chunk_lines
            joined.append(batch)
            if len(lines) >= rows:
                yield lines, _joined(joined)
                lines, joined = [], []
        if joined:
            yield lines, _joined(joined)

    def with_rows(self, batch: Any) -> Any:
        """``batch`` with its rows at hand, wherever they wait."""
        if isinstance(batch, Prepared) and batch.staged is not None and self.stage is not None:
            return replace(batch, rows=staged_values(self.stage.session, batch.staged), staged=None)
        return batch

    def close(self) -> None:
        self.file.close()
        if self.stage is not None:
            self.stage.close()


def _continues(before: Prepared, batch: Any) -> bool:
    """Whether ``batch`` waits in the stage right after ``before``, and its audit entry has the same columns."""
    return (isinstance(batch, Prepared) and batch.staged is not None and before.staged is not None
            and batch.staged.table == before.staged.table
            and batch.staged.first == before.staged.first + before.staged.count
            and batch.audit_columns == before.audit_columns and (batch.parts is None) == (before.parts is None))


def _joined(batches: list[Prepared]) -> Prepared:
    """Staged batches, one after the other, as one batch recording each in an import audit entry of its own."""
    if len(batches) == 1:
        return batches[0]
    first, last = batches[0].staged, batches[-1].staged
    assert first is not None and last is not None
    return replace(batches[0], staged=replace(first, count=last.first + last.count - first.first),
                   audit=[a for b in batches for a in b.audit], labels=[x for b in batches for x in b.labels],
                   parts=None if batches[0].parts is None else [p for b in batches for p in (b.parts or [])],
                   entry_sizes=[n for b in batches for n in (b.entry_sizes or [len(b)])])


# Records copied into the register by one statement: about a tenth of the file, so that the clerk still sees
# the writing move on, and at most this many, so that Cancel is still heard.
_COPY_ROWS_MAX = 20_000


def write_checked(session: Session, checked: CheckedRows, source: ImportSource,
                   ticker: Ticker) -> tuple[int, int, int]:
    """Write the rows of ``checked`` in ``session``, all or nothing: (created, first id, last id).

    The write lock is taken only now, after the whole file was read and checked: other clerks wait for
    the writing alone. What may have changed since a row was checked is looked at again under the lock:
    a unit, branch, campaign or place it points to moved to the recycle bin, or an ID number registered
    meanwhile (the register's unique index refuses it). Either refuses the import, naming the row and
    field, and nothing is written. ``ticker`` is told that the writing begins, then counts the rows written.
    """
    ticker.begin(WRITING, checked.rows)
    claim_write_lock(session)
    outer = session.begin_nested()
    created, first_id, last_id = 0, 0, 0
    cache_before = None
    try:
        _refuse_stale_references(session, checked)
        cache_before = _roomy_page_cache(session)
        with imported_from(session, source):
            for lines, batch in checked.blocks(min(_COPY_ROWS_MAX, checked.rows // 10)):
                source.lines = lines
                try:
                    ids = checked.rule.write(session, batch)
                except IntegrityError:
                    # Undone first: the look-up then sees the register as it is, without this file's rows.
                    outer.rollback()
                    found = checked.rule.conflict(session, lines, checked.with_rows(batch))
                    if found is None:
                        raise
                    raise _row_refused(*found) from None
                created += len(ids)
                first_id, last_id = first_id or ids[0], ids[-1]
                ticker.step(len(lines))
    except BaseException:
        if outer.is_active:
            outer.rollback()
        raise
    finally:
        if cache_before is not None:
            with contextlib.suppress(SQLAlchemyError):  # best effort: never hides why the writing failed
                session.connection().exec_driver_sql(f"PRAGMA cache_size = {cache_before}")
    outer.commit()
    return created, first_id, last_id


# SQLite keeps 2 MB of pages by default. Writing a big file puts new keys at random places in a dozen
# indexes, and with so small a cache the same index pages are written out and read back again and again
# (a third of the writing time of 100,000 people). The import's connection keeps up to 64 MB while it
# writes, and goes back to its own size afterwards.
_IMPORT_PAGE_CACHE_KIB = 65_536


def _roomy_page_cache(session: Session) -> int | None:
    """Enlarge the page cache of the session's SQLite connection; its former setting, or None."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    conn = session.connection()
    before = int(conn.exec_driver_sql("PRAGMA cache_size").scalar() or 0)
    conn.exec_driver_sql(f"PRAGMA cache_size = -{_IMPORT_PAGE_CACHE_KIB}")
    return before


def _refuse_stale_references(session: Session, checked: CheckedRows) -> None:
    from rfdesk.services.base import referenced

    wanted: dict[tuple[str, Any], set[Any]] = {}
    for field_key, model, record_id in checked.references:
        wanted.setdefault((field_key, model), set()).add(record_id)
    for (field_key, model), ids in wanted.items():
        live = set(session.scalars(select(model.id).where(model.id.in_(ids), model.deleted_at.is_(None))))
        for record_id in sorted(ids - live, key=lambda i: checked.references[(field_key, model, i)]):
            row = checked.references[(field_key, model, record_id)]
            try:
                referenced(session, field_key, model, record_id)
            except ValidationError as error:
                raise _row_refused(row, error) from None


def _row_refused(row: int, error: Any) -> ImportRefused:
    return ImportRefused([Problem(row, error.field, error.zh, error.en)], f"第{row}行：{error.zh}；未导入任何数据",
                         f"Row {row}: {error.en}; nothing was imported")


__all__ = ["CheckedRows", "write_checked"]
