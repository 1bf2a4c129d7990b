"""New records made ready to be written, waiting in a temporary table of the connection that will write them
(SQLite only), so that under the write lock they are copied into their register by one INSERT … SELECT.

Handing SQLite a record at a time (``executemany``) costs, for each record, a statement run of its own:
its cursors on the table and each of its indexes opened and closed again, its foreign keys and its
statement journal. A register with a dozen indexes spent more on that than on the index entries themselves.
An INSERT … SELECT of a whole batch does that once, and the records still go in one by one, in order,
through the same constraints (unique ID number, foreign keys): what a clerk's database holds afterwards is
the same as with ``executemany``, and the write lock is held for a third of the time.

A temporary table belongs to its connection and lives in SQLite's temporary file, not in the database:
filling it takes no lock, and colleagues never see it. The values wait in it exactly as the driver was
given them (its columns have no type, so nothing is converted on the way in); the register's own column
types apply when they are copied, as they would to the same values given directly.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

_names = itertools.count(1)


@dataclass(frozen=True)
class StagedRows:
    """Where a batch's rows wait: their temporary table and the rowids they took there, in order."""

    table: str  # quoted, with its schema ("temp")
    columns: tuple[str, ...]
    first: int
    count: int


class RowStage:
    """A temporary table on ``session``'s connection holding the rows of many batches until they are written.

    Open it on the session that will write the rows: the table belongs to that session's connection.
    ``close`` drops it (it would go anyway with the connection, which the pool keeps open).
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.table = ""
        self.columns: tuple[str, ...] = ()
        self.next_rowid = 1

    def add(self, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> StagedRows:
        """Keep ``rows`` (values of ``columns`` as the driver takes them); where they now wait."""
        conn = self.session.connection()
        quote = conn.dialect.identifier_preparer.quote
        if not self.table:
            self.columns = tuple(columns)
            self.table = f'temp."staged_rows_{next(_names)}"'
            conn.exec_driver_sql(f"CREATE TEMP TABLE {self.table.split('.', 1)[1]} "
                                 f"({', '.join(quote(c) for c in self.columns)})")
        assert tuple(columns) == self.columns, "one stage holds the rows of one kind of batch"
        if not rows:
            return StagedRows(self.table, self.columns, self.next_rowid, 0)
        # A column no row of the batch gives is left out: the table gives it NULL, as binding None would,
        # and a list's many empty columns (rank, notes…) then cost nothing to keep.
        given = [j for j in range(len(self.columns)) if any(r[j] is not None for r in rows)] or [0]
        pick = itemgetter(*given) if len(given) > 1 else lambda r: (r[given[0]],)
        conn.exec_driver_sql(f"INSERT INTO {self.table} ({', '.join(quote(self.columns[j]) for j in given)}) "
                             f"VALUES ({', '.join('?' for _ in given)})", list(map(pick, rows)))
        # A new table numbers its rows 1, 2, 3… in the order they come, and none is ever taken out.
        first = self.next_rowid
        self.next_rowid += len(rows)
        last = conn.exec_driver_sql(f"SELECT max(rowid) FROM {self.table}").scalar()
        assert last == self.next_rowid - 1, "the staged rows are numbered in order"
        return StagedRows(self.table, self.columns, first, len(rows))

    def close(self) -> None:
        if self.table:
            table, self.table = self.table, ""
            with contextlib.suppress(SQLAlchemyError):  # best effort: never hides why an import failed
                self.session.connection().exec_driver_sql(f"DROP TABLE IF EXISTS {table}")


def staged_values(session: Session, staged: StagedRows) -> list[tuple[Any, ...]]:
    """The rows of a staged batch as they were given, in order."""
    quote = session.get_bind().dialect.identifier_preparer.quote
    result = session.connection().exec_driver_sql(
        f"SELECT {', '.join(quote(c) for c in staged.columns)} FROM {staged.table} "
        "WHERE rowid BETWEEN ? AND ? ORDER BY rowid", (staged.first, staged.first + staged.count - 1))
    return [tuple(r) for r in result]


def copy_staged(session: Session, target: str, names: Sequence[str], staged: StagedRows, first_id: int,
                stamp: Any) -> None:
    """INSERT into ``target`` the staged rows, the first with id ``first_id`` and the others after it in
    order, each stamped ``stamp`` as created and updated. ``names`` are the quoted columns of ``target``
    taking the id, the two stamps and then the staged columns, in that order."""
    quote = session.get_bind().dialect.identifier_preparer.quote
    values = ", ".join(quote(c) for c in staged.columns)
    session.connection().exec_driver_sql(
        f"INSERT INTO {target} ({', '.join(names)}) SELECT rowid + ?, ?, ?, {values} FROM {staged.table} "
        "WHERE rowid BETWEEN ? AND ? ORDER BY rowid",
        (first_id - staged.first, stamp, stamp, staged.first, staged.first + staged.count - 1))


__all__ = ["RowStage", "StagedRows", "copy_staged", "staged_values"]
