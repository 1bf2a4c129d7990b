"""The paged table model: pages read by scrolling are exactly the pages read by jumping, for every sort."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROWS = 3_000


@pytest.fixture
def register(tmp_path: Path, bulk_donations: Any) -> Any:
    from rfdesk.db import open_database

    path = tmp_path / "donations.sqlite"
    open_database(path).close()
    bulk_donations[0](path, ROWS, orgs=4)
    db = open_database(path)
    yield db
    db.close()


@pytest.mark.parametrize("sort_key", ["donated_on", "donor", "amount", "receipt_no", "unit"])
@pytest.mark.parametrize("descending", [False, True])
def test_scrolling_and_jumping_read_the_same_rows(register: Any, qtbot: Any, sort_key: str, descending: bool) -> None:
    from PySide6.QtCore import Qt

    from rfdesk.ui.donations import DonationQuery
    from rfdesk.ui.table import PAGE_SIZE, Filter, PagedTableModel

    def model() -> PagedTableModel:
        m = PagedTableModel(register, DonationQuery())
        m.set_filter(Filter())
        m.wait_for_count()
        column = [c.key for c in m.query.columns].index(sort_key)
        m.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        m.wait_for_count()
        return m

    scrolled = model()
    ids = [scrolled.record_id(r) for r in range(ROWS)]          # page after page, each after the last
    assert len(set(ids)) == ROWS, "no row twice, none missing"
    assert scrolled.pages_fetched == -(-ROWS // PAGE_SIZE) + 1  # + the first page read on refresh

    jumped = model()
    for page in (7, 2, 12, 14):                                  # straight to a page (OFFSET, either end)
        start = page * PAGE_SIZE
        assert [jumped.record_id(r) for r in range(start, min(start + PAGE_SIZE, ROWS))] == \
            ids[start:start + PAGE_SIZE]
