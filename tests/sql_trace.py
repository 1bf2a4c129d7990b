"""The SQL a piece of rfdesk sends to SQLite, as SQLite ran it (values filled in), whichever way it was sent."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event


@contextmanager
def statements_sent(db: Any) -> Iterator[list[str]]:
    """Every statement run on a connection taken from ``db``'s pool inside the block (sessions, and the
    compiled lists that read straight from a pooled connection alike)."""
    sent: list[str] = []
    traced: list[Any] = []

    def checkout(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        dbapi_conn.set_trace_callback(sent.append)
        traced.append(dbapi_conn)

    event.listen(db.engine, "checkout", checkout)
    try:
        yield sent
    finally:
        event.remove(db.engine, "checkout", checkout)
        for conn in traced:
            conn.set_trace_callback(None)
