"""Writing a table to .xlsx or .csv the way a clerk's Excel expects it.

xlsx: a bold shaded header, frozen top row, column widths fitted to the content, dates as real dates,
money as numbers shown with two places, a 合计 row with SUM formulas under the columns that add up; written
row by row (XlsxWriter's constant-memory mode), so a 100,000-row register never sits in memory.
csv: UTF-8 with a BOM, so that Chinese Excel opens it without garbling.

Text that a spreadsheet would take for a formula (= + - @, tab, carriage return at the start) gets a
leading apostrophe; ID numbers and phone numbers can be masked (110***********1234).
"""

from __future__ import annotations

import csv
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from rfdesk.exchange.progress import CancelCheck, Progress, Ticker
from rfdesk.services.errors import ValidationError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_WIDTH = 60


@dataclass(frozen=True)
class Column:
    """One column of an exported table. kind: text, date, money, quantity, integer, id_number, phone.

    A date may come as a date or as its ISO text (2020-01-26), as SQLite stores it. A money or quantity
    column with ``scaled`` may also take whole numbers of its smallest unit, as the database stores them
    (fen for money: ``scaled=2``; thousandths for a quantity: ``scaled=3``), so that an export of a million
    rows makes no Decimal on the way; Decimals are taken as they are.
    """

    title: str
    kind: str = "text"
    total: bool = False
    scaled: int = 0


def neutralise(text: str) -> str:
    """Text that cannot run as a formula when a spreadsheet opens it."""
    return "'" + text if text.startswith(FORMULA_START) else text


def mask(text: str) -> str:
    """Keep the first 3 and last 4 characters: 110***********1234, 138****5678."""
    if len(text) <= 7:
        return text[:1] + "*" * (len(text) - 1) if text else text
    return text[:3] + "*" * (len(text) - 7) + text[-4:]


@lru_cache(maxsize=65536)  # a register repeats its texts (units, campaigns, kinds) thousands of times
def display_width(text: str) -> int:
    """Width in Excel character units: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def check_target(path: str | os.PathLike[str]) -> tuple[Path, str]:
    """The output path and its format ("xlsx" or "csv"); refuses another suffix or a missing folder."""
    p = Path(path)
    fmt = p.suffix.lower().lstrip(".")
    if fmt not in ("xlsx", "csv"):
        raise ValidationError("out", f"只能导出为 .xlsx 或 .csv 文件，不能是“{p.suffix}”",
                              f"Export to an .xlsx or .csv file, not “{p.suffix}”")
    if not p.parent.is_dir():
        raise ValidationError("out", f"找不到文件夹：{p.parent}", f"Folder not found: {p.parent}")
    return p, fmt


def write_table(path: str | os.PathLike[str], columns: list[Column], rows: Iterable[tuple[Any, ...]], *,
                sheet_name: str = "Sheet1", masked: bool = False, total_rows: int = 0,
                progress: Progress | None = None, cancel: CancelCheck | None = None) -> int:
    """Write ``rows`` under ``columns`` to an .xlsx or .csv file; returns the number of rows written.

    The file is written under a temporary name and renamed at the end, so a cancelled or failed export
    leaves no half-written file behind. Raises :class:`Cancelled` when ``cancel()`` turns true.
    """
    p, fmt = check_target(path)
    tmp = p.with_name(f".{p.name}.part")
    ticker = Ticker(progress, cancel, total_rows)
    try:
        if fmt == "csv":
            n = _write_csv(tmp, columns, rows, masked, ticker)
        else:
            n = _write_xlsx(tmp, columns, rows, masked, ticker, sheet_name)
        ticker.finish()
        os.replace(tmp, p)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


def _cell_text(col: Column, value: Any, masked: bool) -> str:
    if col.scaled and type(value) is int:
        value = Decimal(value).scaleb(-col.scaled)
    if col.kind == "quantity" and isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 2000.5, not 2000.500
    s = _text(value)
    if masked and col.kind in ("id_number", "phone") and s:
        s = mask(s)
    return neutralise(s) if col.kind in ("text", "id_number", "phone") else s


def _write_csv(tmp: Path, columns: list[Column], rows: Iterable[tuple[Any, ...]], masked: bool,
               ticker: Ticker) -> int:
    n = 0
    with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow([c.title for c in columns])
        for row in rows:
            w.writerow([_cell_text(c, v, masked) for c, v in zip(columns, row, strict=True)])
            n += 1
            ticker.step()
    return n


EXCEL_EPOCH = date(1899, 12, 31)
TEXT_KINDS = ("text", "id_number", "phone")
NUMBER_DECIMALS = {"money": 2, "quantity": 3, "integer": 0}


def excel_serial(value: date | str) -> int:
    """The day number Excel (1900 date system) shows a date by: 2020-01-26 is 43856.

    Excel counts 1900-02-29, a day that never was, so every date from 1900-03-01 on is one day further.
    """
    d = date.fromisoformat(value) if isinstance(value, str) else value
    days = (date(d.year, d.month, d.day) - EXCEL_EPOCH).days
    return days + 1 if days > 59 else days


def _write_xlsx(tmp: Path, columns: list[Column], rows: Iterable[tuple[Any, ...]], masked: bool,
                ticker: Ticker, sheet_name: str) -> int:
    import xlsxwriter
    from xlsxwriter.utility import xl_rowcol_to_cell

    wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_formulas": False,
                                        "strings_to_numbers": False, "strings_to_urls": False})
    try:
        ws = wb.add_worksheet(sheet_name[:31])
        head = wb.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "align": "center",
                              "valign": "vcenter", "text_wrap": True})
        fmt = {
            "date": wb.add_format({"num_format": "yyyy-mm-dd"}),
            "money": wb.add_format({"num_format": "#,##0.00"}),
            "quantity": wb.add_format({"num_format": "#,##0.###"}),
            "integer": wb.add_format({"num_format": "0"}),
        }
        bold = wb.add_format({"bold": True, "top": 1})
        total_fmt = {"money": wb.add_format({"bold": True, "top": 1, "num_format": "#,##0.00"}),
                     "quantity": wb.add_format({"bold": True, "top": 1, "num_format": "#,##0.###"}),
                     "integer": wb.add_format({"bold": True, "top": 1, "num_format": "0"})}
        for j, c in enumerate(columns):
            ws.write_string(0, j, c.title, head)
        ws.freeze_panes(1, 0)
        n, widths, totals, highest, lowest = _write_rows(ws, columns, rows, masked, ticker, fmt)
        if any(c.total for c in columns) and n:
            ws.write_string(n + 1, 0, "合计", bold)
            for j, c in enumerate(columns):
                if c.total and j:
                    rng = f"{xl_rowcol_to_cell(1, j)}:{xl_rowcol_to_cell(n, j)}"
                    ws.write_formula(n + 1, j, f"=SUM({rng})", total_fmt.get(c.kind, bold), float(totals[j]))
                elif j:
                    ws.write_blank(n + 1, j, None, bold)
        for j, (c, w) in enumerate(zip(columns, widths, strict=True)):
            if highest[j] or lowest[j]:
                places = NUMBER_DECIMALS[c.kind]
                w = max(w, len(f"{highest[j]:,.{places}f}") + 1, len(f"{lowest[j]:,.{places}f}") + 1)
            ws.set_column(j, j, min(MAX_WIDTH, w + 2))
    finally:
        wb.close()
    return n


def _write_rows(ws: Any, columns: list[Column], rows: Iterable[tuple[Any, ...]], masked: bool, ticker: Ticker,
                fmt: dict[str, Any]) -> tuple[int, list[int], list[Decimal], list[float], list[float]]:
    """Write the rows under the header: the row count, the text widths, the totals and the number extremes.

    This loop writes every cell of a register (17 million for a province's donations), so each column's
    handling is settled before it starts and a cell costs one branch on a small number and one write.
    """
    write_string, write_number = ws.write_string, ws.write_number
    date_fmt = fmt["date"]
    widths = [max(display_width(c.title), 6) for c in columns]
    # 0 text, 1 text that can be masked, 2 date, 3 number; a date or number of another type goes as text.
    kinds = [2 if c.kind == "date" else 3 if c.kind in NUMBER_DECIMALS else
             1 if masked and c.kind in ("id_number", "phone") else 0 for c in columns]
    number_fmt = [fmt.get(c.kind) for c in columns]
    divisor = [10 ** c.scaled for c in columns]
    totals_of = [j for j, c in enumerate(columns) if c.total]
    scaled_sums = [0] * len(columns)        # whole numbers of the smallest unit, as stored
    decimal_sums = [Decimal(0)] * len(columns)
    # A number column is as wide as its largest or smallest value, worked out once at the end.
    highest = [0.0] * len(columns)
    lowest = [0.0] * len(columns)
    serials: dict[Any, int] = {}             # a register has a few thousand distinct dates
    n = 0
    step = ticker.step
    for row in rows:
        n += 1
        j = -1
        for value in row:
            j += 1
            if value is None or value == "":
                continue
            kind = kinds[j]
            if kind == 3:
                kind_of = type(value)
                if kind_of is int:
                    number = value / divisor[j]
                elif kind_of is Decimal or kind_of is float:
                    number = float(value)
                else:
                    kind = 0
                if kind:
                    write_number(n, j, number, number_fmt[j])
                    if number > highest[j]:
                        highest[j] = number
                    elif number < lowest[j]:
                        lowest[j] = number
                    continue
            elif kind == 2:
                serial = serials.get(value)
                if serial is None and isinstance(value, (date, str)):
                    try:
                        serial = serials[value] = excel_serial(value)
                    except ValueError:      # text in a date column goes out as written
                        serial = None
                if serial is not None:
                    write_number(n, j, serial, date_fmt)
                    if widths[j] < 10:
                        widths[j] = 10
                    continue
            if type(value) is str:
                text = value
            else:
                text = _text(value)
            if kind == 1:
                text = mask(text)
            text = neutralise(text)
            write_string(n, j, text)
            # No character is wider than two: a short text cannot widen the column (most cells).
            if widths[j] < MAX_WIDTH and 2 * len(text) > widths[j]:
                line = text.split("\n", 1)[0]
                wide = len(line) if line.isascii() else display_width(line)  # receipt numbers are unique
                if wide > widths[j]:
                    widths[j] = min(MAX_WIDTH, wide)
        for j in totals_of:
            value = row[j]
            if type(value) is int and columns[j].scaled:
                scaled_sums[j] += value
            elif isinstance(value, (int, Decimal, float)):
                decimal_sums[j] += value if isinstance(value, Decimal) else Decimal(value)
        step()
    totals = [decimal_sums[j] + Decimal(scaled_sums[j]).scaleb(-c.scaled) for j, c in enumerate(columns)]
    return n, widths, totals, highest, lowest
