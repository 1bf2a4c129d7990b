"""A provincial office's donation register of 1,000,000 rows opens on its first page, not on all rows."""

from __future__ import annotations

import sqlite3
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt

ROWS = 1_000_000

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕兰凤洁梅琳素云莲真环雪荣爱妹香月莺媛瑞凡佳嘉琼勤珍贞莉"


def add_donations(db_file: Path, count: int, *, orgs: int = 20) -> None:
    """``count`` cash donations spread over ``orgs`` organisations and the year 2020.

    Amounts are 1.00 … 500.99 yuan (100 + i mod 50,000 fen), so their total is known in closed form.
    """
    con = sqlite3.connect(str(db_file))
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA journal_mode=MEMORY")
    now = "2020-03-01 00:00:00"
    con.executemany(
        "INSERT INTO organisation (id, name, short_name, kind, parent_id, path, sort_order, name_pinyin, "
        "name_initials, uuid, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1)",
        [(i, f"第{i}单位", f"单位{i}", "department", None, "/", i, f"di{i}danwei", f"d{i}dw", str(uuid.uuid4()),
          now, now) for i in range(1, orgs + 1)],
    )
    # Indexes are dropped during the load and built once after it: much quicker than row by row.
    indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='donation' "
                          "AND sql IS NOT NULL").fetchall()
    for name, _sql in indexes:
        con.execute(f'DROP INDEX "{name}"')
    con.execute(
        """
        INSERT INTO donation (id, donor_kind, unit_id, form, amount, channel, donated_on, receipt_year, receipt_seq,
            receipt_no, receipt_printed, voided, donor_display, donor_initials, uuid, created_at, updated_at, version)
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)
        SELECT i, 'person', 1 + i % :orgs, 'cash', 100 + i % 50000, 'wechat', date('2020-01-01', '+' || (i % 366) || ' days'),
            2020, i, printf('2020-%07d', i), 0, 0,
            substr(:s, 1 + i % length(:s), 1) || substr(:g, 1 + (i / length(:s)) % length(:g), 1)
                || substr(:g, 1 + (i / (length(:s) * length(:g))) % length(:g), 1),
            'x', printf('%032x', i), :now, :now, 1
        FROM n
        """,
        {"count": count, "orgs": orgs, "s": SURNAMES, "g": GIVEN, "now": now},
    )
    for _name, sql in indexes:
        con.execute(sql)
    con.commit()
    con.close()


def expected_total_fen(count: int) -> int:
    return sum(100 + i % 50_000 for i in range(1, count + 1))


def test_a_million_donations_show_their_first_page_without_reading_all_rows(tmp_path: Path, qtbot: Any) -> None:
    from rfdesk.db import open_database
    from rfdesk.ui.main_window import MainWindow
    from rfdesk.ui.table import PAGE_SIZE

    path = tmp_path / "province.sqlite"
    open_database(path).close()
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
