"""A provincial office's donation register of 1,000,000 rows opens on its first page, not on all rows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt

ROWS = 1_000_000

def test_a_million_donations_show_their_first_page_without_reading_all_rows(tmp_path: Path, qtbot: Any,
                                                                          bulk_donations: Any) -> None:
    from rfdesk.db import open_database
    from rfdesk.ui.main_window import MainWindow
    from rfdesk.ui.table import PAGE_SIZE

    path = tmp_path / "province.sqlite"
    open_database(path).close()
    add_donations, expected_total_fen = bulk_donations
    add_donations(path, ROWS)
    db = open_database(path)
    try:
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        tab = window.show_tab("donations")
        qtbot.waitExposed(window)
        qtbot.wait(50)

        model = tab.model
        # The first page is on screen at once; the count of a million rows follows from a worker thread.
        assert model.index(0, 1).data() == "2020-12-31", "newest first"
        qtbot.waitUntil(lambda: not model.counting, timeout=60_000)
        assert model.rowCount() == ROWS
        assert model.total == Decimal(expected_total_fen(ROWS)).scaleb(-2)
        assert "1,000,000" in window.summary_label.text()
        assert tab.table.indexAt(tab.table.viewport().rect().topLeft()).row() == 0
        assert model.rows_fetched <= 2 * PAGE_SIZE, f"read {model.rows_fetched} rows to show one screen"

        # The clerk drags the scroll bar to the end: only the pages on screen are read.
        bar = tab.table.verticalScrollBar()
        bar.setValue(bar.maximum())
        qtbot.wait(50)
        last = tab.table.indexAt(QPoint(5, tab.table.viewport().height() - 5))
        assert model.index(ROWS - 1, 1).data() == "2020-01-01"
        assert last.row() > ROWS - 100
        assert model.rows_fetched <= 4 * PAGE_SIZE

        # Sorting by donor reads one page again (keyset on pinyin initials and id), never the table.
        before = model.rows_fetched
        tab.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        qtbot.wait(50)
        assert model.rows_fetched - before <= 2 * PAGE_SIZE
        window.close()
    finally:
        db.close()
