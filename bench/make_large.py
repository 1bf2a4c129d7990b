"""Build a province-scale rfdesk database, deterministically, in bulk.

    python bench/make_large.py OUT.sqlite [--scale 1.0] [--seed 2020]

At scale 1: 100,000 people, 1,000,000 donations, 50,000 resources with 500,000 stock movements, 10,000
commendations and 5,000 documents, written through the real schema (migrated by rfdesk itself) with
executemany in large transactions. Values respect the services' rules (valid ID numbers, positive money,
stock never negative), so the same database serves benchmarks and manual testing of the window.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉国庆春梅海燕斌宇浩凯鹏飞亮志红林波宁晶欣雪琳晨阳峰博鑫佳婷颖雯琪瑞凡卫东方广宏裕繁敏"
AREA_CODES = ["410102", "410103", "410104", "410105", "410122", "410181", "410302", "410202", "410702", "411102"]
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"
NOW = datetime(2020, 12, 31, 12, 0, 0)


def id_number(rng: random.Random, birth: date, serial: int, female: bool) -> str:
    seq = serial % 500 * 2 + (0 if female else 1)
    body = f"{rng.choice(AREA_CODES)}{birth:%Y%m%d}{seq:03d}"
    return body + CHECK[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]


class Pinyin:
    """Pinyin of the small character pool, computed once (keeps 100,000 names fast)."""

    def __init__(self) -> None:
        from pypinyin import Style, lazy_pinyin

        pool = set(SURNAMES + GIVEN + "省市县区人防办处室队企业公司社区村仓库基地场所专班先锋岗志愿者第号")
        self.map = {ch: lazy_pinyin(ch, style=Style.NORMAL)[0] for ch in pool}
        self._lazy_pinyin, self._style = lazy_pinyin, Style.NORMAL

    def _of(self, ch: str) -> str:
        if ch not in self.map:  # posts, titles and categories: a few more characters, each read once
            self.map[ch] = self._lazy_pinyin(ch, style=self._style, errors=lambda t: t.lower())[0]
        return self.map[ch]

    def keys(self, name: str) -> tuple[str, str]:
        parts = [self._of(ch) for ch in name if not ch.isspace()]
        return "".join(parts)[:400], "".join(p[0] for p in parts if p)[:100]


def record(rng: random.Random, i: int) -> tuple:
    ts = (NOW - timedelta(minutes=i % 100_000)).isoformat(sep=" ")
    return (i, str(uuid.UUID(int=rng.getrandbits(128), version=4)), ts, ts, 1, None)


RECORD_COLS = ("id", "uuid", "created_at", "updated_at", "version", "deleted_at")


def insert(conn: sqlite3.Connection, table: str, cols: tuple[str, ...], rows: list[tuple]) -> None:
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    conn.executemany(sql, rows)


def build(out: Path, scale: float, seed: int) -> dict[str, int]:
    from rfdesk.db import open_database

    if out.exists():
        out.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    db = open_database(out)  # creates the schema through the shipped migrations
    db.close()

    rng = random.Random(seed)
    py = Pinyin()
    n = lambda base: max(1, int(base * scale))  # noqa: E731
    conn = sqlite3.connect(out)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA foreign_keys=OFF")
    # Many indexes take every insert: a page cache as large as the indexes keeps them off the disk.
    conn.execute("PRAGMA cache_size=-1000000")
    counts: dict[str, int] = {}

    # Organisations: province, its departments and direct team, 17 cities with counties, enterprises.
    orgs: list[tuple] = []
    org_cols = RECORD_COLS + ("name", "short_name", "kind", "parent_id", "path", "sort_order", "name_pinyin",
                              "name_initials")

    def add_org(name: str, kind: str, parent: int | None, path: str, short: str | None = None) -> int:
        oid = len(orgs) + 1
        orgs.append(record(rng, oid) + (name, short, kind, parent, path, oid, *py.keys(name)))
        return oid

    prov = add_org("河南省人民防空办公室", "province_office", None, "/", "省人防办")
    dept_ids = [add_org(f"第{i}处", "department", prov, f"/{prov}/") for i in range(1, 13)]
    dept_ids.append(add_org("机关直属专业队", "direct_team", prov, f"/{prov}/"))
    unit_ids = list(dept_ids)
    for c in range(1, 18):
        city = add_org(f"第{c}市人防办", "city_office", prov, f"/{prov}/")
        unit_ids.append(city)
        for k in range(1, 11):
            unit_ids.append(add_org(f"第{c}市第{k}县人防办", "county_office", city, f"/{prov}/{city}/"))
    enterprise_ids = [add_org(f"人防企业第{e}号公司", "enterprise", None, "/") for e in range(1, n(300) + 1)]
    insert(conn, "organisation", org_cols, orgs)
    counts["organisation"] = len(orgs)

    places = [record(rng, i) + (f"第{i}号{'社区' if i % 3 else '村'}", "community" if i % 3 else "village",
                                 rng.choice(unit_ids), *py.keys(f"第{i}号社区"))
              for i in range(1, n(2000) + 1)]
    warehouse_ids = list(range(len(places) + 1, len(places) + 1 + max(5, n(50))))
    places += [record(rng, i) + (f"第{i}号仓库", "warehouse", rng.choice(unit_ids), *py.keys(f"第{i}号仓库"))
               for i in warehouse_ids]
    insert(conn, "place", RECORD_COLS + ("name", "kind", "organisation_id", "name_pinyin", "name_initials"), places)
    community_ids = list(range(1, n(2000) + 1))
    counts["place"] = len(places)

    branches = [record(rng, i) + (f"第{i}党支部", rng.choice(unit_ids), i <= 2, *py.keys(f"第{i}党支部"))
                for i in range(1, n(1000) + 1)]
    insert(conn, "party_branch", RECORD_COLS + ("name", "organisation_id", "is_temporary", "name_pinyin",
                                                "name_initials"), branches)

    people: list[tuple] = []
    person_org: list[int] = []
    statuses = ["cpc", "cpc", "cpc", "masses", "cyl", "cpc_probationary"]
    kinds = ["staff"] * 8 + ["contract", "retired", "non_staff"]
    for i in range(1, n(100_000) + 1):
        female = rng.random() < 0.4
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        birth = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 40))
        org = rng.choice(unit_ids)
        person_org.append(org)
        people.append(record(rng, i) + (
            name, "F" if female else "M", birth.isoformat(), id_number(rng, birth, i, female),
            f"1{rng.choice('3589')}{rng.randrange(10**9):09d}", org, rng.choice(["科员", "副处长", "处长", "主任"]),
            rng.choice(kinds), rng.choice(statuses), rng.randrange(1, len(branches) + 1), *py.keys(name)))
    # ID numbers must be unique: the serial part makes them so only together with the birth date, so
    # re-draw the few collisions.
    seen: set[str] = set()
    for idx, row in enumerate(people):
        num = row[9]
        while num in seen:
            num = id_number(rng, date.fromisoformat(row[8]), rng.randrange(10**6), row[7] == "F")
        seen.add(num)
        if num != row[9]:
            people[idx] = row[:9] + (num,) + row[10:]
    person_cols = RECORD_COLS + ("name", "gender", "birth_date", "id_number", "phone", "organisation_id", "post",
                                 "employment_type", "political_status", "party_branch_id", "name_pinyin",
                                 "name_initials")
    post_at = person_cols.index("post")
    insert(conn, "person", person_cols + ("post_pinyin",),
           [p + (py.keys(p[post_at] or "")[0],) for p in people])
    counts["person"] = len(people)

    team_kinds = ["vanguard_post", "volunteer_team", "work_group", "professional_team"]
    teams = [record(rng, i) + (f"第{i}号先锋岗", team_kinds[i % 4], rng.choice(unit_ids), *py.keys(f"第{i}号先锋岗"))
             for i in range(1, n(2000) + 1)]
    insert(conn, "team", RECORD_COLS + ("name", "kind", "organisation_id", "name_pinyin", "name_initials"), teams)

    assign_status = ["community", "relief_village", "transfer_group", "stranded", "home_observation", "on_duty"]
    assignments = []
    for i in range(1, n(30_000) + 1):
        start = date(2020, 1, 26) + timedelta(days=rng.randrange(60))
        assignments.append(record(rng, i) + (rng.randrange(1, len(people) + 1), rng.choice(assign_status),
                                             rng.choice(community_ids), start.isoformat(),
                                             (start + timedelta(days=rng.randrange(1, 30))).isoformat()))
    insert(conn, "assignment", RECORD_COLS + ("person_id", "status", "place_id", "start_date", "end_date"),
           assignments)

    campaigns = [record(rng, i) + (f"第{i}次募捐", date(2010 + i, 1, 1).isoformat(), py.keys(f"第{i}次募捐")[0])
                 for i in range(1, 11)]
    insert(conn, "campaign", RECORD_COLS + ("name", "started_on", "name_pinyin"), campaigns)

    # Donations, in chunks to bound memory.
    don_cols = RECORD_COLS + ("donor_kind", "donor_person_id", "donor_organisation_id", "unit_id", "form", "amount",
                              "channel", "donated_on", "campaign_id", "receipt_year", "receipt_seq", "receipt_no",
                              "receipt_printed", "voided", "donor_display", "donor_initials")
    seq_by_year: dict[int, int] = {}
    total_don = n(1_000_000)
    chunk: list[tuple] = []
    start_day = date(2011, 1, 1)
    for i in range(1, total_don + 1):
        day = start_day + timedelta(days=(i * 3653) // total_don)
        seq = seq_by_year.get(day.year, 0) + 1
        seq_by_year[day.year] = seq
        amount = rng.choice((5000, 10000, 20000, 50000, 100000, 30000, 12345, 88800))
        if rng.random() < 0.05:
            ent = rng.choice(enterprise_ids)
            row = ("enterprise", None, ent, ent, orgs[ent - 1][6], py.keys(orgs[ent - 1][6])[1], amount * 100)
        else:
            pid = rng.randrange(1, len(people) + 1)
            pname = people[pid - 1][6]
            row = ("person", pid, None, person_org[pid - 1], pname, people[pid - 1][-1], amount)
        kind, dp, do, unit, display, initials, amt = row
        chunk.append(record(rng, i) + (kind, dp, do, unit, "cash", amt, rng.choice(("cash", "wechat", "bank")),
                                       day.isoformat(), 1 + (day.year - 2011) % 10, day.year, seq,
                                       f"{day.year}-{seq:06d}", 1, i % 997 == 0, display, initials))
        if len(chunk) >= 50_000:
            insert(conn, "donation", don_cols, chunk)
            chunk.clear()
    insert(conn, "donation", don_cols, chunk)
    conn.executemany("INSERT INTO number_sequence (name, year, last_value) VALUES ('receipt', ?, ?)",
                     sorted(seq_by_year.items()))
    counts["donation"] = total_don

    # Resources: facilities and equipment, and supplies whose movements never take more than is there.
    res_kinds = [("facility", "evacuation_base"), ("facility", "emergency_shelter"), ("facility", "command_post"),
                 ("equipment", "drone"), ("equipment", "alarm_system"), ("supply", "supply"), ("supply", "supply")]
    resources = []
    for i in range(1, n(50_000) + 1):
        cat, kind = res_kinds[i % len(res_kinds)]
        name = f"第{i}号{'基地' if cat == 'facility' else '仓库' if cat == 'supply' else '队'}"
        resources.append(record(rng, i) + (cat, kind, name, rng.choice(unit_ids), "ready",
                                           "件" if cat == "supply" else None, 1000 * 1000 if cat == "supply" else None,
                                           *py.keys(name)))
    insert(conn, "resource", RECORD_COLS + ("category", "kind", "name", "organisation_id", "status",
                                            "unit_of_measure", "min_stock", "name_pinyin", "name_initials"),
           resources)
    supply_ids = [r[0] for r in resources if r[6] == "supply"]
    movements = []
    mid = 0
    per_supply = max(2, n(500_000) // max(1, len(supply_ids)))
    for sid in supply_ids:
        store = rng.choice(warehouse_ids)
        mid += 1
        stock = 100_000
        movements.append(record(rng, mid) + (sid, "receipt", stock * 1000, None, store, "2020-01-27"))
        for k in range(per_supply - 1):
            qty = rng.randrange(1, 50)
            if qty > stock:
                break
            stock -= qty
            mid += 1
            movements.append(record(rng, mid) + (sid, "allocation", qty * 1000, store, rng.choice(community_ids),
                                                 (date(2020, 1, 28) + timedelta(days=k % 60)).isoformat()))
        if len(movements) >= 50_000:
            insert(conn, "stock_movement", RECORD_COLS + ("resource_id", "kind", "quantity", "from_place_id",
                                                          "to_place_id", "moved_on"), movements)
            movements.clear()
    insert(conn, "stock_movement", RECORD_COLS + ("resource_id", "kind", "quantity", "from_place_id",
                                                  "to_place_id", "moved_on"), movements)
    counts["stock_movement"] = mid

    batches = [record(rng, i) + (f"第{i}批表彰", prov, date(2011 + i % 10, 3, 1).isoformat(), "draft", "as_entered")
               for i in range(1, n(200) + 1)]
    insert(conn, "commendation_batch", RECORD_COLS + ("title", "issuer_id", "decided_on", "status", "list_order"),
           batches)
    # The first batch is the large one of the notice benchmark (1,000 honorees); the rest share the others.
    big = n(1000)
    others = max(1, len(batches) - 1)
    commendations = [record(rng, i) + (1 if i <= big else min(len(batches), 2 + i % others), "person",
                                       rng.randrange(1, len(people) + 1),
                                       "“硬核”共产党员", py.keys("“硬核”共产党员")[0], "疫情防控中表现突出", i)
                     for i in range(1, n(10_000) + 1)]
    insert(conn, "commendation", RECORD_COLS + ("batch_id", "honoree_kind", "person_id", "category",
                                                "category_pinyin", "deeds", "sort_order"), commendations)
    counts["commendation"] = len(commendations)

    documents = [record(rng, i) + ("circular", "red_header", f"关于做好第{i}项工作的通知",
                                   py.keys(f"关于做好第{i}项工作的通知")[0], "各省辖市人防办：",
                                   "一、总体要求\n各单位要高度重视。\n二、工作措施\n（一）加强领导。", prov,
                                   date(2011 + i % 10, 1 + i % 12, 1 + i % 28).isoformat(), "draft", True)
                 for i in range(1, n(5000) + 1)]
    insert(conn, "document", RECORD_COLS + ("kind", "layout", "title", "title_pinyin", "addressees", "body", "issuer_id",
                                            "doc_date", "status", "with_seal"), documents)
    counts["document"] = len(documents)

    conn.commit()
    # No ANALYZE: rfdesk itself never gathers statistics, so neither does a clerk's database.
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    counts = build(args.out, args.scale, args.seed)
    print(f"built {args.out} in {time.perf_counter() - t0:.1f} s: "
          + ", ".join(f"{k} {v:,}" for k, v in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
