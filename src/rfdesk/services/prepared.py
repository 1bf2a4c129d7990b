"""A SELECT compiled once and run straight on a pooled driver connection: for lists read many times a second.

A register page is a 0.3 ms query. Going through SQLAlchemy's execution each time (cache key of the
statement, a BEGIN and a ROLLBACK, row objects with every value converted) costs several times that. A list
that is read again and again with the same shape (the first page after F5, the next page while scrolling,
a search as the clerk types) is compiled here once; each read then binds its values, runs the SQL on a
pooled connection of the engine and returns the driver's own tuples. Values are converted only when asked
for (:meth:`PreparedSelect.convert`), so a page costs what the query costs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

Processor = Callable[[Any], Any] | None


class PreparedSelect:
    """``stmt`` compiled for the dialect of ``bind`` (an engine, or a dialect when only :meth:`rows_in` is used);
    ``late`` names the bind parameters given at each read.

    Every other parameter keeps the value it has in ``stmt``, converted once as SQLAlchemy would.
    Late values are passed as the database stores them (a key read back from an earlier row, a number).
    """

    def __init__(self, bind: Any, stmt: Any, late: Iterable[str] = ()) -> None:
        dialect = getattr(bind, "dialect", bind)
        compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
        self.engine: Any | None = bind if bind is not dialect else None
        self.sql = str(compiled)
        late = set(late)
        values = compiled.construct_params(dict.fromkeys(late), escape_names=False)
        fixed: dict[str, Any] = {}
        for name, value in values.items():
            if name in late:
                continue
            bind = compiled.binds.get(name)
            proc = bind.type.dialect_impl(dialect).bind_processor(dialect) if bind is not None else None
            fixed[name] = proc(value) if proc is not None and value is not None else value
        self._fixed = fixed
        self._late = late
        self._order: tuple[str, ...] | None = tuple(compiled.positiontup) if compiled.positional else None
        self.converters: list[Processor] = [
            col.type.dialect_impl(dialect).result_processor(dialect, None) for col in stmt.selected_columns
        ]
        self._converted = [(i, f) for i, f in enumerate(self.converters) if f is not None]

    def params(self, late: dict[str, Any]) -> Any:
        values = {**self._fixed, **late} if late else self._fixed
        if self._order is None:
            return values
        return tuple(values[name] for name in self._order)

    def rows(self, **late: Any) -> list[tuple[Any, ...]]:
        """The rows as the driver returns them (unconverted), on a connection borrowed from the pool."""
        assert self.engine is not None, "compiled for a dialect only: read with rows_in(session)"
        conn = self.engine.raw_connection()
        try:
            return self.rows_on(conn, late)
        finally:
            conn.close()

    def rows_in(self, session: Any, **late: Any) -> list[tuple[Any, ...]]:
        """The same, inside ``session``'s transaction: what it has written so far is seen."""
        session.flush()
        return self.rows_on(session.connection().connection.dbapi_connection, late)

    def stream_in(self, session: Any, **late: Any) -> Iterator[tuple[Any, ...]]:
        """The rows one at a time, unconverted, inside ``session``'s transaction, for reading a whole register
        out. SQLite hands each row over as it steps to it; another driver may read the whole result first,
        so a caller streaming from a server reads through SQLAlchemy's ``yield_per`` instead."""
        session.flush()
        cur = session.connection().connection.dbapi_connection.cursor()
        try:
            cur.execute(self.sql, self.params(late))
            yield from cur
        finally:
            cur.close()

    def rows_on(self, conn: Any, late: dict[str, Any]) -> list[tuple[Any, ...]]:
        """The rows as the driver returns them, read on ``conn``, a driver connection the caller holds."""
        cur = conn.cursor()
        try:
            cur.execute(self.sql, self.params(late))
            return cur.fetchall()
        finally:
            cur.close()

    def convert(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """A driver row with each value converted to its Python type (dates, Decimals, booleans)."""
        if not self._converted:
            return tuple(row)
        if len(self._converted) == 1:   # the common case (one date in a list): no list built
            i, f = self._converted[0]
            v = row[i]
            return tuple(row) if v is None else (*row[:i], f(v), *row[i + 1:])
        values = list(row)
        for i, f in self._converted:
            if values[i] is not None:
                values[i] = f(values[i])
        return tuple(values)
