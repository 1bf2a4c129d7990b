"""Fast bulk rows for scale tests: raw executemany into the real schema, no services (speed only)."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date, timedelta
from pathlib import Path

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕兰凤洁梅琳素云莲真环雪荣爱妹香月莺媛瑞凡佳嘉琼勤珍贞莉"


def add_donations(db_file: Path, count: int, *, orgs: int = 20) -> None:
    """``count`` donations spread over ``orgs`` organisations and one year, with their donor keys."""
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
    start = date(2020, 1, 1)
    ns, ng = len(SURNAMES), len(GIVEN)

    def rows():  # noqa: ANN202
        for i in range(1, count + 1):
            name = SURNAMES[i % ns] + GIVEN[(i // ns) % ng] + GIVEN[(i // (ns * ng)) % ng]
            yield ("person", 1 + i % orgs, "cash", (i % 50_000) + 100, "wechat",
                   (start + timedelta(days=i % 366)).isoformat(), 2020, i, f"2020-{i:07d}", 0, 0,
                   name, "x" * 3, f"{i:032x}", now, now)

    con.executemany(
        "INSERT INTO donation (donor_kind, unit_id, form, amount, channel, donated_on, receipt_year, receipt_seq, "
        "receipt_no, receipt_printed, voided, donor_display, donor_initials, uuid, created_at, updated_at, "
        "version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)",
        rows(),
    )
    con.commit()
    con.close()
