"""Time and peak memory of importing N people (default 100,000) from a generated .xlsx or .csv file.

    python tools/bench_import.py [N] [xlsx|csv]

Prints the preview, commit and single-pass times, the peak resident memory of the process, and the floor
the benchmark target is measured against: reading the file with the fastest reader and one executemany.
"""

from __future__ import annotations

import csv
import resource
import sys
import tempfile
import time
from pathlib import Path

from rfdesk.db import open_database
from rfdesk.exchange.importing import commit_import, import_file, preview_import
from rfdesk.services.organisations import create_organisation
from rfdesk.services.validation import id_check_char

HEADER = ["姓名", "性别", "身份证号", "单位", "职务", "手机", "政治面貌", "出生日期", "备注"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英"


def rows(n: int):  # noqa: ANN201
    for i in range(n):
        first17 = f"41{i // 100000 % 100:02d}{i // 10000 % 10:01d}5{1950 + i % 50}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
        name = SURNAMES[i % 20] + GIVEN[i // 20 % len(GIVEN)] + GIVEN[i // 500 % len(GIVEN)]
        yield [name, "", first17 + id_check_char(first17), "省人防办", "科员", f"138{i:08d}", "中共党员", "", ""]


def write(path: Path, n: int) -> None:
    if path.suffix == ".csv":
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(HEADER)
            w.writerows(rows(n))
        return
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet()
    ws.write_row(0, 0, HEADER)
    for r, row in enumerate(rows(n), 1):
        ws.write_row(r, 0, row)
    wb.close()


def fresh(folder: Path, name: str):  # noqa: ANN201
    db = open_database(folder / name)
    with db.session() as s:
        create_organisation(s, {"name": "河南省人民防空办公室", "short_name": "省人防办", "kind": "province_office"})
    return db


def floor(path: Path, db_path: Path) -> None:
    """The floor: the fastest reader (calamine, or csv) and one executemany of the bare rows."""
    import sqlite3
    import uuid

    if path.suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as f:
            data = list(csv.reader(f))
    else:
        from python_calamine import CalamineWorkbook

        wb = CalamineWorkbook.from_path(str(path))
        data = wb.get_sheet_by_index(0).to_python()
        wb.close()
    now = "2020-12-31 12:00:00"
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.executemany(
        "INSERT INTO person (uuid, created_at, updated_at, version, name, id_number, post, phone, name_pinyin, "
        "name_initials, employment_type, political_status) VALUES (?, ?, ?, 1, ?, ?, ?, ?, '', '', 'staff', 'cpc')",
        ((str(uuid.uuid4()), now, now, r[0], r[2], r[4], str(r[5])) for r in data[1:]))
    conn.commit()
    conn.close()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    fmt = sys.argv[2] if len(sys.argv) > 2 else "xlsx"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / f"people.{fmt}"
        write(path, n)
        db = fresh(folder, "a.sqlite")
        t0 = time.perf_counter()
        with db.session() as s:
            preview = preview_import(s, "people", path)
        t1 = time.perf_counter()
        with db.session() as s:
            result = commit_import(s, preview)
        t2 = time.perf_counter()
        db.close()
        db = fresh(folder, "b.sqlite")
        t3 = time.perf_counter()
        with db.session() as s:
            _preview, single = import_file(s, "people", path)
        t4 = time.perf_counter()
        db.close()
        fresh(folder, "c.sqlite").close()
        t5 = time.perf_counter()
        floor(path, folder / "c.sqlite")
        t6 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n} rows ({fmt}): preview {t1 - t0:.1f} s, commit {t2 - t1:.1f} s ({result.created} written), "
          f"single pass {t4 - t3:.1f} s ({single.created} written), peak memory {peak:.0f} MB; "
          f"floor (fastest reader + executemany) {t6 - t5:.2f} s, single pass / floor {(t4 - t3) / (t6 - t5):.1f}×")


if __name__ == "__main__":
    main()
