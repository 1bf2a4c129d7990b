"""A SELECT compiled once and run straight on a pooled driver connection: for lists read many times a second.

A register page is a 0.3 ms query. Going through SQLAlchemy's execution each time (cache key of the
statement, a BEGIN and a ROLLBACK, row objects with every value converted) costs several times that. A list
that is read again and again with the same shape (the first page after F5, the next page while scrolling,
a search as the clerk types) is compiled here once; each read then binds its values, runs the SQL on a
pooled connection of the engine and returns the driver's own tuples. Values are converted only when asked
for (:meth:`PreparedSelect.convert`), so a page costs what the query costs.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

Processor = Callable[[Any], Any] | None


class PreparedSelect:
    """``stmt`` compiled for the dialect of ``bind`` (an engine, or a dialect when only :meth:`rows_in` is used);
    ``late`` names the bind parameters given at each read (names the statement does not use are ignored).

    Every other parameter keeps the value it has in ``stmt``, converted once as SQLAlchemy would.
    Late values are passed as the database stores them (a key read back from an earlier row, a number).
    """

    def __init__(self, bind: Any, stmt: Any, late: Iterable[str] = ()) -> None:
        dialect = getattr(bind, "dialect", bind)
        self.engine: Any | None = bind if bind is not dialect else None
        late = frozenset(late)
        key = stmt._generate_cache_key()
        shape = _shape_of(dialect, stmt, key, late)
        values = shape.compiled.construct_params(
            dict.fromkeys(late), extracted_parameters=key.bindparams if shape.shared else None, escape_names=False)
        processors = shape.processors
        fixed: dict[str, Any] = {}
        for name, value in values.items():
            if name in late:
                continue
            proc = processors.get(name)
            fixed[name] = proc(value) if proc is not None and value is not None else value
        self.sql = shape.sql
        self._fixed = fixed
        self._late = late & shape.names
        self._order = shape.order
        self.converters = shape.converters
        self._converted = shape.converted

    def params(self, late: dict[str, Any]) -> Any:
        if self._order is None:   # named parameters: only the statement's own (a caller may pass more)
            return {**self._fixed, **{name: late[name] for name in self._late if name in late}}
        values = {**self._fixed, **late} if late else self._fixed
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


class _Shape:
    """One compiled SQL text, shared by the statements that differ from it only in their values.

    A register compiles its page and count SELECTs anew for every filter: each letter typed in a search.
    The structure of those statements repeats (the same columns, joins and kinds of condition), and
    SQLAlchemy's cache key of a statement tells two of the same structure apart from their values; the
    second and later filters of a shape then take their values from the statement
    (``construct_params(extracted_parameters=…)``, as SQLAlchemy's own statement cache does) instead of
    being compiled again, which cost several times the query.
    """

    __slots__ = ("compiled", "sql", "order", "names", "processors", "converters", "converted", "shared")

    def __init__(self, dialect: Any, stmt: Any, key: Any) -> None:
        self.compiled = compiled = stmt.compile(dialect=dialect, cache_key=key,
                                                compile_kwargs={"render_postcompile": True})
        self.sql = str(compiled)
        self.order: tuple[str, ...] | None = tuple(compiled.positiontup) if compiled.positional else None
        self.names = frozenset(compiled.binds)
        self.processors: dict[str, Processor] = {}
        for name, bind in compiled.binds.items():
            self.processors[name] = bind.type.dialect_impl(dialect).bind_processor(dialect)
        self.converters: list[Processor] = [
            col.type.dialect_impl(dialect).result_processor(dialect, None) for col in stmt.selected_columns
        ]
        self.converted = [(i, f) for i, f in enumerate(self.converters) if f is not None]
        # Values written into the SQL text itself (an IN list, a LIMIT some dialects will not bind) make the
        # text fit this statement only.
        self.shared = key is not None and not (compiled.literal_execute_params or compiled.post_compile_params)


_SHAPES: OrderedDict[tuple[Any, ...], _Shape] = OrderedDict()
_SHAPES_KEPT = 256
_shapes_lock = threading.Lock()   # registers compile on the GUI thread and count on a worker thread


def _shape_of(dialect: Any, stmt: Any, key: Any, late: frozenset[str]) -> _Shape:
    if key is None or any(b.expanding or b.literal_execute for b in key.bindparams):
        return _Shape(dialect, stmt, None)    # not cacheable as a structure: compiled for itself
    cache_key = (dialect, key.key, late)
    with _shapes_lock:
        shape = _SHAPES.get(cache_key)
        if shape is not None:
            _SHAPES.move_to_end(cache_key)
            return shape
    shape = _Shape(dialect, stmt, key)
    if shape.shared:
        with _shapes_lock:
            _SHAPES[cache_key] = shape
            while len(_SHAPES) > _SHAPES_KEPT:
                _SHAPES.popitem(last=False)
    return shape
