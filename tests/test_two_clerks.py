"""Two clerks on one database change the same record: the second one's change, made on what they read before
the first one saved, is refused with a clear Conflict and writes nothing — in every register.

Two ways a clerk ends up with an old copy: the form was opened earlier (the version it showed is passed as
``expected_version``), or the record was read in a unit of work that was still open when the other clerk
committed.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy import select

from every_register import CHANGES, one_of_each
from rfdesk.domain import Base
from rfdesk.services.errors import Conflict


@pytest.fixture
def office(db) -> dict[str, int]:
    with db.session() as s:
        return one_of_each(s)


def every_row(db) -> dict[str, list[tuple[Any, ...]]]:  # noqa: ANN001
    with db.engine.connect() as conn:
        return {t.name: sorted(map(tuple, conn.execute(select(t)).all()), key=repr) for t in Base.metadata.sorted_tables}


@pytest.mark.parametrize("register", sorted(CHANGES))
def test_a_form_opened_before_the_other_clerk_saved_is_refused(db, office, register) -> None:
    model, update, first, second = CHANGES[register]
    record_id = office[register]
    with db.session() as s:  # clerk B opens the form
        seen = s.get(model, record_id).version
    with db.session() as s:  # clerk A saves a change
        update(s, record_id, first, expected_version=seen)
    after_a = every_row(db)
    with pytest.raises(Conflict) as refused, db.session() as s:  # clerk B saves what the form showed
        update(s, record_id, second, expected_version=seen)
    assert refused.value.field == "version" and "他人修改" in refused.value.zh and "someone else" in refused.value.en
    assert every_row(db) == after_a


@pytest.mark.parametrize("register", sorted(CHANGES))
def test_a_change_resting_on_what_was_read_before_the_other_clerk_committed_is_refused(db, office, register) -> None:
    model, update, first, second = CHANGES[register]
    record_id = office[register]
    a, b = db.new_session(), db.new_session()
    try:
        assert b.get(model, record_id) is not None  # clerk B's unit of work reads the record …
        update(a, record_id, first)  # … clerk A changes it and commits meanwhile …
        a.commit()
        after_a = every_row(db)
        with pytest.raises(Conflict):  # … and B's change, made on the old state, is refused
            update(b, record_id, second)
        b.rollback()
        assert every_row(db) == after_a
    finally:
        a.close()
        b.close()


def test_a_change_that_waits_too_long_for_another_clerks_is_told_so_and_writes_nothing(db, office) -> None:
    from rfdesk.services import people
    from rfdesk.services.errors import DatabaseError

    other = sqlite3.connect(db.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another clerk's long change holds the write lock
        before = every_row(db)
        with pytest.raises(DatabaseError) as refused, db.session() as s:
            s.connection().exec_driver_sql("PRAGMA busy_timeout = 50")  # not the usual ten seconds
            people.update_person(s, office["person"], {"post": "队长"})
        assert refused.value.field == "db" and "稍后重试" in refused.value.zh
        other.execute("ROLLBACK")
        assert every_row(db) == before
    finally:
        other.close()
