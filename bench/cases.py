"""The benchmarks that need no window: each times rfdesk's own code path against the floor of the same work
done with the bare tools (sqlite3, reportlab's canvas, python-calamine, xlsxwriter, cp) in the same run.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from common import Result, alternate, ratio_result, timed

Case = Callable[["Context"], "Result | list[Result]"]  # the backups add a second reference line


class Context:
    """The large database, its scale, a scratch folder and the number of repeats."""

    def __init__(self, db_file: Path, scale: float, scratch: Path, repeat: int, heavy_repeat: int) -> None:
        from rfdesk.db import open_database

        self.db_file = db_file
        self.scale = scale
        self.scratch = scratch
        self.repeat = repeat
        self.heavy_repeat = heavy_repeat  # for the cases that take a minute or more at full scale
        self.db = open_database(db_file)

    def n(self, base: int) -> int:
        return max(1, int(base * self.scale))

    def raw(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db_file)
        conn.execute("PRAGMA query_only=ON")
        return conn

    def close(self) -> None:
        self.db.close()


# ---- pinyin search -------------------------------------------------------------------------------------


def pinyin_search(ctx: Context) -> Result:
    from rfdesk.services.people import count_people, search_people

    with ctx.raw() as conn:
        initials = conn.execute("SELECT name_initials FROM person WHERE id = 1").fetchone()[0]
        cols = ", ".join(r[1] for r in conn.execute("PRAGMA table_info(person)"))
    upper = initials[:-1] + chr(ord(initials[-1]) + 1)
    # "+deleted_at": the recycle-bin index must not serve a test almost every row passes.
    sql = (f"SELECT {cols} FROM person WHERE +deleted_at IS NULL AND name_initials >= ? AND name_initials < ? "
           "ORDER BY name_pinyin, id LIMIT 100")
    conn = ctx.raw()

    def ours() -> None:
        with ctx.db.session() as s:
            assert search_people(s, initials, limit=100)
            assert count_people(s, initials)

    def base() -> None:
        assert conn.execute(sql, (initials, upper)).fetchall()

    o, b = alternate(ours, base, max(ctx.repeat, 7))
    conn.close()
    return ratio_result(f"pinyin-initials search “{initials}” by the people service, over {ctx.n(100_000):,} "
                        "people (reference)", o, b, 2, absolute=0.050,
                        note="search_people (the first 100 in pinyin order) and count_people (the exact count), "
                             "each in a unit of work, as a caller without the window would, vs the indexed "
                             "SELECT … LIMIT 100")


# ---- donation totals -----------------------------------------------------------------------------------


def donation_totals(ctx: Context) -> Result:
    from rfdesk.services.donation_totals import by_organisation

    sql = ("SELECT unit_id, count(id), sum(CASE WHEN form = 'cash' THEN amount ELSE 0 END), "
           "sum(CASE WHEN form = 'in_kind' THEN amount ELSE 0 END) FROM donation "
           "WHERE +deleted_at IS NULL AND +voided = 0 GROUP BY unit_id")
    conn = ctx.raw()

    def ours() -> None:
        with ctx.db.session() as s:
            assert by_organisation(s)

    def base() -> None:
        assert conn.execute(sql).fetchall()

    o, b = alternate(ours, base, ctx.repeat)
    conn.close()
    return ratio_result(f"donation totals per organisation subtree over {ctx.n(1_000_000):,} rows", o, b, 1.5,
                        note="by_organisation vs one GROUP BY unit_id")


# ---- PDFs ------------------------------------------------------------------------------------------------


def _canvas_lines(lines: list[str], *, landscape: bool = False, size: float = 10.5) -> bytes:
    """The floor of a PDF: the same text drawn line by line with reportlab's canvas, no layout at all."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as turn
    from reportlab.pdfgen.canvas import Canvas

    from rfdesk.documents.fonts import font_set

    font = font_set().name("body")
    buf = io.BytesIO()
    width, height = turn(A4) if landscape else A4
    c = Canvas(buf, pagesize=(width, height))
    y = height - 72
    c.setFont(font, size)
    for line in lines:
        if y < 72:
            c.showPage()
            c.setFont(font, size)
            y = height - 72
        c.drawString(72, y, line)
        y -= size * 1.4
    c.save()
    return buf.getvalue()


def notice_pdf(ctx: Context) -> Result:
    from rfdesk.documents.notice import notice_draft, render_notice

    honorees = ctx.n(1000)
    with ctx.raw() as conn:
        batch_id, count = conn.execute(
            "SELECT batch_id, count(*) FROM commendation WHERE deleted_at IS NULL GROUP BY batch_id "
            "ORDER BY count(*) DESC LIMIT 1").fetchone()
    assert count >= honorees, f"the largest batch has {count} honorees, not {honorees}"
    with ctx.db.session() as s:
        draft = notice_draft(s, batch_id)
    lines = [draft["title"], draft["addressees"], *draft["body"].splitlines()]
    for a in draft["attachments"]:
        lines += [a["title"], *(line.replace("\t", "  ") for line in a["body"].splitlines())]

    def ours() -> None:
        with ctx.db.session() as s:
            assert render_notice(s, batch_id).startswith(b"%PDF")

    def base() -> None:
        _canvas_lines(lines)

    o, b = alternate(ours, base, ctx.repeat)
    return ratio_result(f"commendation notice with {count:,} honorees to PDF", o, b, 4,
                        note="render_notice vs canvas.drawString of the same lines")


def ledger_pdf(ctx: Context) -> Result:
    from rfdesk.documents.reports import render_report

    with ctx.raw() as conn:
        # The year holding about a tenth of the donations: 100,000 rows at full scale.
        year = conn.execute("SELECT substr(donated_on, 1, 4) AS y FROM donation GROUP BY y ORDER BY y "
                            "LIMIT 1 OFFSET 4").fetchone()[0]
        lo, hi = f"{year}-01-01", f"{year}-12-31"
        rows = conn.execute(
            "SELECT count(*) FROM donation WHERE deleted_at IS NULL AND voided = 0 AND donated_on BETWEEN ? AND ?",
            (lo, hi)).fetchone()[0]
    sql = ("SELECT d.donated_on, d.receipt_no, d.donor_display, d.form, d.channel, d.amount, d.purpose, d.handler, "
           "o.name FROM donation d LEFT JOIN organisation o ON o.id = d.unit_id "
           "WHERE d.deleted_at IS NULL AND d.voided = 0 AND d.donated_on BETWEEN ? AND ? "
           "ORDER BY o.path, o.sort_order, d.unit_id, d.donated_on, d.receipt_year, d.receipt_seq, d.id")
    conn = ctx.raw()

    def ours() -> None:
        with ctx.db.session() as s:
            assert render_report(s, "donations", date_from=date.fromisoformat(lo),
                                 date_to=date.fromisoformat(hi)).startswith(b"%PDF")

    def base() -> None:
        lines = [f"{i}  {on}  {no}  {donor}  {form}  {channel}  {amount / 100:,.2f}  {purpose or ''}  {handler or ''}"
                 for i, (on, no, donor, form, channel, amount, purpose, handler, _unit)
                 in enumerate(conn.execute(sql, (lo, hi)), start=1)]
        _canvas_lines(lines, landscape=True, size=9)

    o, b = alternate(ours, base, ctx.heavy_repeat, warmup=False)
    conn.close()
    return ratio_result(f"donation ledger of {rows:,} rows to PDF", o, b, 4,
                        note=f"render_report donations {year} vs canvas.drawString of each row")


# ---- import ----------------------------------------------------------------------------------------------

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"
UNITS = ["第一处", "第二处", "第三处", "机关直属专业队"]


def _id_number(birth: date, serial: int) -> str:
    body = f"410105{birth:%Y%m%d}{serial % 1000:03d}"
    return body + CHECK[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]


def _roster(path: Path, rows: int) -> None:
    """A clerk's roster: a title row, the header, ``rows`` people with valid and distinct ID numbers."""
    import xlsxwriter

    rng = random.Random(7)
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("人员")
    ws.write_row(0, 0, ["2020年人员花名册"])
    ws.write_row(1, 0, ["姓名", "性别", "出生日期", "身份证号", "单位", "职务", "手机"])
    for i in range(rows):
        birth = date(1960, 1, 1).fromordinal(date(1960, 1, 1).toordinal() + (i // 1000) % 14_000)
        name = rng.choice(surnames) + rng.choice(given) + (rng.choice(given) if i % 3 else "")
        ws.write_row(i + 2, 0, [name, "男" if i % 2 else "女", birth.isoformat(), _id_number(birth, i),
                                rng.choice(UNITS), "科员", f"139{i:08d}"])
    wb.close()


def import_xlsx(ctx: Context) -> list[Result]:

    from rfdesk.db import open_database
    from rfdesk.exchange.importing import import_file
    from rfdesk.services.organisations import create_organisation

    rows = ctx.n(100_000)
    roster = ctx.scratch / f"roster-{rows}.xlsx"
    if not roster.exists():
        _roster(roster, rows)
    # An office's database with its departments, copied afresh before every import.
    template = ctx.scratch / "import-template.sqlite"
    target = ctx.scratch / "import-target.sqlite"
    template.unlink(missing_ok=True)
    db = open_database(template)
    with db.session() as s:
        prov = create_organisation(s, {"name": "河南省人民防空办公室", "kind": "province_office"})
        for name in UNITS:
            create_organisation(s, {"name": name, "kind": "department", "parent_id": prov.id})
    db.close()

    def fresh() -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(template, target)

    def ours() -> None:
        tdb = open_database(target)
        try:
            with tdb.session() as s:
                _preview, result = import_file(s, "people", roster)
            assert result.created == rows, result
        finally:
            tdb.close()

    def base() -> None:
        data, now, conn = _roster_and_connection(roster, target)
        conn.executemany(
            "INSERT INTO person (uuid, created_at, updated_at, version, name, gender, birth_date, id_number, post, "
            "phone, name_pinyin, name_initials, employment_type, political_status) "
            "VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, '', '', 'staff', 'masses')",
            ((str(uuid.uuid4()), now, now, r[0], "M" if r[1] == "男" else "F", r[2], r[3], r[5], r[6])
             for r in data[2:]))
        conn.commit()
        conn.close()

    def floor() -> None:
        _import_floor(roster, target)

    import pypinyin.contrib.mmseg  # noqa: F401 - its dictionaries load once per process, for whichever runs first

    # In turns, so that a noisy minute hurts all three alike.
    o: list[float] = []
    b: list[float] = []
    f: list[float] = []
    for _ in range(ctx.heavy_repeat):
        for fn, out in ((base, b), (floor, f), (ours, o)):
            fresh()
            out.append(timed(fn))
    name = f"import {rows:,} people from .xlsx"
    return [ratio_result(name, o, b, 2, note="import_file people vs calamine to_python + executemany"),
            ratio_result(f"{name}, against the keyed and checked floor", o, f, 2,
                         note="import_file people vs the same with ID check, unit look-up, pinyin keys and "
                              "a file record (bench/README.md)")]


def _roster_and_connection(roster: Path, target: Path) -> tuple[list[list[Any]], str, sqlite3.Connection]:
    """The roster's cells read with calamine, the time stamp of the rows, and the database opened as
    rfdesk opens it (WAL, synchronous=FULL): the common start of both floors."""
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(roster))
    data = wb.get_sheet_by_index(0).to_python()
    wb.close()
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return data, "2020-12-31 12:00:00", conn


def _import_floor(roster: Path, target: Path) -> None:
    """The issue's baseline plus what any correct import of this roster must also do, with the bare tools:
    the GB 11643 check character of each ID number, the unit's id by its name, the pinyin keys (full and
    initials) of each distinct name and post that the search and sort indexes hold, and a record of the
    file and its SHA-256 in the audit trail."""
    import hashlib
    import json

    from pypinyin import Style, lazy_pinyin

    data, now, conn = _roster_and_connection(roster, target)
    units = dict(conn.execute("SELECT name, id FROM organisation"))
    keys: dict[str, tuple[str, str]] = {}

    def keyed(text: str) -> tuple[str, str]:
        if text not in keys:
            syllables = lazy_pinyin(text, style=Style.NORMAL)
            keys[text] = ("".join(syllables), "".join(x[0] for x in syllables if x))
        return keys[text]

    rows = []
    for r in data[2:]:
        number = r[3]
        if CHECK[sum(int(c) * w for c, w in zip(number[:17], WEIGHTS, strict=True)) % 11] != number[17]:
            raise AssertionError(number)
        full, initials = keyed(r[0])
        rows.append((str(uuid.uuid4()), now, now, r[0], "M" if r[1] == "男" else "F", r[2], number, units[r[4]],
                     r[5], keyed(r[5])[0], r[6], full, initials))
    conn.executemany(
        "INSERT INTO person (uuid, created_at, updated_at, version, name, gender, birth_date, id_number, "
        "organisation_id, post, post_pinyin, phone, name_pinyin, name_initials, employment_type) "
        "VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'staff')", rows)
    digest = hashlib.sha256(roster.read_bytes()).hexdigest()
    conn.execute("INSERT INTO audit_entry (at, operator, action, table_name, record_id, label, changes) "
                 "VALUES (?, 'bench', 'import', 'person', 0, ?, ?)",
                 (now, roster.name, json.dumps({"file": roster.name, "sha256": digest})))
    conn.commit()
    conn.close()


# ---- export ----------------------------------------------------------------------------------------------


def export_xlsx(ctx: Context) -> Result:
    import xlsxwriter

    from rfdesk.exchange.exporting import export_register

    out_ours = ctx.scratch / "export-ours.xlsx"
    out_base = ctx.scratch / "export-base.xlsx"
    sql = ("SELECT d.receipt_no, d.donated_on, d.donor_display, d.donor_kind, o.name, d.form, d.amount, d.channel, "
           "c.name, d.purpose, d.recipient, d.handler, d.notes FROM donation d "
           "LEFT JOIN organisation o ON o.id = d.unit_id LEFT JOIN campaign c ON c.id = d.campaign_id "
           "WHERE d.deleted_at IS NULL AND d.voided = 0 ORDER BY d.donated_on, d.id")
    conn = ctx.raw()
    written = 0

    def ours() -> None:
        nonlocal written
        with ctx.db.session() as s:
            written = export_register(s, "donations", out_ours).rows

    def base() -> None:
        wb = xlsxwriter.Workbook(str(out_base), {"constant_memory": True})
        ws = wb.add_worksheet()
        for i, row in enumerate(conn.execute(sql)):
            ws.write_row(i, 0, row)
        wb.close()

    o, b = alternate(ours, base, ctx.heavy_repeat, warmup=False)
    conn.close()
    return ratio_result(f"export {written:,} donations to .xlsx", o, b, 1.5,
                        note="export_register donations vs xlsxwriter constant_memory write_row")


# ---- backup ----------------------------------------------------------------------------------------------


def _cp(src: Path, dst: Path) -> None:
    if shutil.which("cp") and sys.platform != "win32":
        subprocess.run(["cp", str(src), str(dst)], check=True)
    else:
        shutil.copyfile(src, dst)


def _verified_copy(src: Path, dst: Path) -> None:
    """The least a copy that can be trusted does: cp, fsync of file and folder, drop the copy from the page
    cache, read it back from the disk and compare it with the original (8 MiB at a time, memcmp)."""
    import os

    _cp(src, dst)
    fd = os.open(dst, os.O_RDONLY)
    try:
        os.fsync(fd)
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
    if sys.platform != "win32":
        folder = os.open(dst.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    block = 8 * 1024 * 1024
    with open(src, "rb", buffering=0) as a, open(dst, "rb", buffering=0) as b:
        while True:
            x, y = a.read(block), b.read(block)
            if x != y:
                raise AssertionError("the copy read back differs")
            if not x:
                break


def _backup(ctx: Context, passphrase: str | None) -> list[Result]:
    from common import timed

    from rfdesk.exchange.backup import create_backup

    folder = ctx.scratch / "stick"
    copy = ctx.scratch / "cp-copy.sqlite"

    def clear() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        copy.unlink(missing_ok=True)

    def ours() -> None:
        create_backup(ctx.db, folder, passphrase=passphrase)

    # In turns, so that a noisy minute hurts all three alike.
    o: list[float] = []
    b: list[float] = []
    v: list[float] = []
    for _ in range(ctx.heavy_repeat):
        for fn, out in ((lambda: _cp(ctx.db_file, copy), b), (lambda: _verified_copy(ctx.db_file, copy), v),
                        (ours, o)):
            clear()
            out.append(timed(fn))
    clear()
    size = ctx.db_file.stat().st_size / 1e6
    limit = 2.5 if passphrase else 1.5
    name = f"{'encrypted ' if passphrase else ''}backup of the large database ({size:,.0f} MB)"
    what = "create_backup" + (" with a passphrase" if passphrase else "")
    return [ratio_result(name, o, b, limit, note=f"{what} vs cp"),
            ratio_result(f"{name}, against a verified copy", o, v, limit,
                         note=f"{what} vs cp + fsync + read back from the disk and compared (bench/README.md)")]


def backup(ctx: Context) -> list[Result]:
    return _backup(ctx, None)


def backup_encrypted(ctx: Context) -> list[Result]:
    return _backup(ctx, "人防办 2020 备份口令")


CASES: dict[str, Case] = {
    "search-service": pinyin_search,
    "totals": donation_totals,
    "notice": notice_pdf,
    "ledger": ledger_pdf,
    "import": import_xlsx,
    "export": export_xlsx,
    "backup": backup,
    "backup-encrypted": backup_encrypted,
}


def scratch_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="rfdesk-bench-"))


def describe(value: Any) -> str:
    return str(value)
