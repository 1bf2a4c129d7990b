"""Subcommands of the core layer: ``demo``, ``info`` and ``stats`` (see rfdesk.cli)."""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from rfdesk import cli

# What ``stats`` prints, in this order, with the clerk's label.
STAT_LABELS: dict[str, tuple[str, str]] = {
    "people": ("人员", "people"),
    "party_branches.temporary": ("临时党支部", "temporary party branches"),
    "teams.vanguard_post": ("党员先锋岗", "party-member vanguard posts"),
    "teams.volunteer_team": ("党员志愿者队伍", "volunteer teams"),
    "resources.evacuation_base": ("人防疏散基地", "evacuation bases"),
    "resources.emergency_shelter": ("人防应急避难场所", "emergency shelters"),
    "resources.command_post": ("基层人防指挥场所", "grass-roots command posts"),
    "donations.count": ("捐赠记录（不含作废）", "donations (not voided)"),
    "donations.system_total": ("人防系统捐款合计（元）", "civil air defence system cash total (yuan)"),
    "donations.enterprise_total": ("人防企业捐款合计（元）", "enterprise cash total (yuan)"),
    "commendations.batches": ("表彰批次", "commendation batches"),
    "commendations.honorees": ("表彰对象", "honorees"),
    "documents.count": ("公文", "documents"),
}


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    """Add this layer's subcommands."""
    p = sub.add_parser("demo", help="建立演示数据库（河南人防系统2020年疫情防控） build the demo database")
    cli.db_argument(p)
    p.add_argument("--force", action="store_true", help="替换已有的数据库文件 replace an existing database file")
    p.set_defaults(handler=demo)

    p = sub.add_parser("info", help="数据库位置、结构版本和各登记簿条数 where the database is, schema, row counts")
    cli.db_argument(p)
    p.add_argument("--json", action="store_true", help="输出 JSON print JSON")
    p.set_defaults(handler=info)

    p = sub.add_parser("stats", help="主要统计数字 headline figures of the registers")
    cli.db_argument(p)
    p.add_argument("--json", action="store_true", help="输出 JSON print JSON")
    p.set_defaults(handler=stats)


def _existing_database(args: argparse.Namespace) -> Any:
    """Open the database named by --db / RFDESK_DB; a file that does not exist is refused, not created."""
    from rfdesk.db.engine import open_database, sqlite_path, to_url
    from rfdesk.services.errors import DatabaseError

    target = cli.resolve_db(args)
    path = sqlite_path(to_url(target))
    if path is not None and not path.exists():
        raise DatabaseError("db", f"数据库文件不存在：{path}", f"No database file at {path}")
    return open_database(target)


def demo(args: argparse.Namespace) -> int:
    from rfdesk.demo import build_demo
    from rfdesk.services.errors import ValidationError

    target = getattr(args, "db", None) or os.environ.get("RFDESK_DB")
    if not target:
        # Never into the clerk's own database by default: the place must be named.
        raise ValidationError("db", "请用 --db 指定演示数据库文件的位置。", "Name the demo database file with --db.")
    from rfdesk.db.engine import shown

    url = build_demo(target, force=args.force)
    print(f"演示数据库已建立 demo database written: {shown(url)}")
    args.db = url
    args.json = False
    return stats(args)


def register_stats_of(session: Any) -> dict[str, Any]:
    """The headline figures of the registers (see ``services.stats``)."""
    from rfdesk.services.stats import register_stats

    return dict(register_stats(session))


def _jsonable(value: Any) -> Any:
    from decimal import Decimal

    return str(value) if isinstance(value, Decimal) else value


def stats(args: argparse.Namespace) -> int:
    db = _existing_database(args)
    try:
        with db.session() as s:
            figures = {k: _jsonable(v) for k, v in register_stats_of(s).items()}
    finally:
        db.close()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    keys = [k for k in STAT_LABELS if k in figures] + [k for k in figures if k not in STAT_LABELS]
    width = max(_width(STAT_LABELS.get(k, (k, k))[0]) for k in keys)
    for k in keys:
        zh, en = STAT_LABELS.get(k, (k, k))
        label = f"{zh}{' ' * (width - _width(zh))}"
        print(f"{label}  {figures[k]!s:>12}" + (f"  {en}" if en != zh else ""))
    return 0


def _width(text: str) -> int:
    """Columns a terminal gives the text: Chinese characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def info(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from rfdesk.db.engine import shown
    from rfdesk.domain import REGISTER_MODELS
    from rfdesk.services.base import model_label

    db = _existing_database(args)
    try:
        with db.engine.connect() as conn:
            journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar() if db.is_sqlite else None
        counts: dict[str, dict[str, int]] = {}
        with db.session() as s:
            for model in REGISTER_MODELS:
                total = int(s.scalar(select(func.count()).select_from(model)) or 0)
                binned = int(s.scalar(select(func.count()).select_from(model)
                                      .where(model.deleted_at.is_not(None))) or 0)
                counts[model.__tablename__] = {"live": total - binned, "recycle_bin": binned}
        result = {"url": shown(db.url), "path": str(db.path) if db.path else None, "revision": db.revision,
                  "journal_mode": journal, "size_bytes": db.path.stat().st_size if db.path else None,
                  "counts": counts}
    finally:
        db.close()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"数据库 database:        {result['path'] or result['url']}")
    print(f"结构版本 schema:        {result['revision']}")
    if journal is not None:
        mode = "WAL" if str(journal).lower() == "wal" else f"{journal}（回滚日志 rollback journal）"
        print(f"日志模式 journal mode:  {mode}")
    if result["size_bytes"] is not None:
        print(f"文件大小 size:          {result['size_bytes']:,} 字节 bytes")
    print("登记簿 registers:       在用 live / 回收站 recycle bin")
    for table, c in counts.items():
        zh, en = model_label(table)
        print(f"  {zh}（{en}）: {c['live']} / {c['recycle_bin']}")
    return 0
