"""GUI fixtures: one offscreen application, settings in the test's folder, Chinese interface by default."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform says what it cannot do (size hints, raise, keyboard grab): about it, not us.
    for item in items:
        if "tests/gui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))


@pytest.fixture(autouse=True)
def _gui_settings(qapp: Any, tmp_path: Path) -> Iterator[None]:
    """QSettings of each test in its own folder, so remembered sizes and campaigns never leak between tests."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from rfdesk.app import make_application
    from rfdesk.ui import i18n

    make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName("rfdesk-tests")
    i18n.install("zh_CN")
    yield
    from rfdesk.ui.workers import wait_for_background

    wait_for_background()
    i18n.install("zh_CN")


@pytest.fixture
def window(db: Any, qtbot: Any) -> Any:
    from rfdesk.ui.main_window import MainWindow

    w = MainWindow(db)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def office(db: Any) -> dict[str, int]:
    """A small office: the provincial office with two departments, a store and a community."""
    from rfdesk.services.organisations import create_organisation, create_place

    with db.session() as s:
        top = create_organisation(s, {"name": "河南省人民防空办公室", "short_name": "省人防办", "kind": "province_office"})
        works = create_organisation(s, {"name": "工程管理处", "kind": "department", "parent_id": top.id})
        staff = create_organisation(s, {"name": "人事教育处", "kind": "department", "parent_id": top.id})
        store = create_place(s, {"name": "省人防物资仓库", "kind": "warehouse"})
        community = create_place(s, {"name": "金水区文化路社区", "kind": "community"})
        return {"top": top.id, "works": works.id, "staff": staff.id, "store": store.id, "community": community.id}


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


@pytest.fixture
def bulk_donations() -> tuple[Any, Any]:
    """(add_donations(db_file, count), expected_total_fen(count)) for scale tests."""
    return add_donations, expected_total_fen
