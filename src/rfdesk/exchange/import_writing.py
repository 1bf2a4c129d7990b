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
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from rfdesk.exchange.import_report import ImportRefused, Problem
from rfdesk.exchange.progress import WRITING, Ticker
from rfdesk.services.base import claim_write_lock
from rfdesk.services.bulk import ImportSource, imported_from
from rfdesk.services.errors import ValidationError


class CheckedRows:
    """Rows that passed their checks, waiting in a temporary file until the whole file has been checked:
    memory holds one chunk, not the file. Also notes, for each record a row points to (its unit, party
    branch, campaign…), the first row pointing to it, to look them all up again under the write lock."""

    def __init__(self, rule: Any) -> None:
        # Every register keys its names in pinyin when writing: the converter loads its dictionaries (a
        # third of a second) now, while no lock is held.
        import pypinyin.contrib.mmseg  # noqa: F401

        self.rule = rule
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
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
        pickle.dump(([row for row, _c in passed], batch), self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.chunks += 1
        self.rows += len(passed)

    def __iter__(self) -> Iterator[tuple[list[int], Any]]:
        """(the file's row of each record, the batch ready to be written), chunk by chunk."""
        self.file.seek(0)
        for _ in range(self.chunks):
            yield pickle.load(self.file)  # noqa: S301 - our own file, written just now

    def close(self) -> None:
        self.file.close()


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
            for lines, batch in checked:
                source.lines = lines
                try:
                    ids = checked.rule.write(session, batch)
                except IntegrityError:
                    # Undone first: the look-up then sees the register as it is, without this file's rows.
                    outer.rollback()
                    found = checked.rule.conflict(session, lines, batch)
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
