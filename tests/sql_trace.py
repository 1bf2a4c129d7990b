"""The SQL a piece of rfdesk sends to SQLite, as SQLite ran it (values filled in), whichever way it was sent."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event


@contextmanager
def statements_sent(db: Any, *, timed: bool = False) -> Iterator[list[Any]]:
    """Every statement run on a connection taken from ``db``'s pool inside the block (sessions, and the
    compiled lists that read straight from a pooled connection alike); with ``timed``, each as
    (time.monotonic() when SQLite began it, statement)."""
    sent: list[Any] = []
    traced: list[Any] = []

    def began(sql: str) -> None:
        sent.append((time.monotonic(), sql))

    def checkout(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        dbapi_conn.set_trace_callback(began if timed else sent.append)
        traced.append(dbapi_conn)

    event.listen(db.engine, "checkout", checkout)
    # A register's table keeps the connection it reads its pages on (rfdesk.ui.table): traced as well.
    workers = sys.modules.get("rfdesk.ui.workers")
    for holder in list(getattr(workers, "_holders", ())):
        conn = getattr(holder, "_conn", None)
        if conn is not None and getattr(holder, "db", None) is db:
            checkout(conn, None, None)
    try:
        yield sent
    finally:
        event.remove(db.engine, "checkout", checkout)
        for conn in traced:
            conn.set_trace_callback(None)
