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
    """One column of an exported table. kind: text, date, money, quantity, integer, id_number, phone."""

    title: str
    kind: str = "text"
    total: bool = False


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
        widths = [max(display_width(c.title), 6) for c in columns]
        sums: list[Decimal] = [Decimal(0)] * len(columns)
        # A number column is as wide as its largest or smallest value, worked out once at the end.
        highest: list[Any] = [0] * len(columns)
        lowest: list[Any] = [0] * len(columns)
        for j, c in enumerate(columns):
            ws.write_string(0, j, c.title, head)
        ws.freeze_panes(1, 0)
        n = 0
        for row in rows:
            n += 1
            for j, (c, value) in enumerate(zip(columns, row, strict=True)):
                if value is None or value == "":
                    continue
                if c.kind == "date" and isinstance(value, date):
                    ws.write_datetime(n, j, datetime(value.year, value.month, value.day), fmt["date"])
                    widths[j] = max(widths[j], 10)
                elif c.kind in ("money", "quantity", "integer") and isinstance(value, (int, Decimal, float)):
                    ws.write_number(n, j, float(value), fmt[c.kind])
                    if value > highest[j]:
                        highest[j] = value
                    elif value < lowest[j]:
                        lowest[j] = value
                    if c.total:
                        sums[j] += value if isinstance(value, Decimal) else Decimal(value)
                else:
                    s = _cell_text(c, value, masked)
                    ws.write_string(n, j, s)
                    # No character is wider than two: a short text cannot widen the column (most cells).
                    if widths[j] < MAX_WIDTH and 2 * len(s) > widths[j]:
                        widths[j] = max(widths[j], min(MAX_WIDTH, display_width(s.split("\n", 1)[0])))
            ticker.step()
        if any(c.total for c in columns) and n:
            ws.write_string(n + 1, 0, "合计", bold)
            for j, c in enumerate(columns):
                if c.total and j:
                    rng = f"{xl_rowcol_to_cell(1, j)}:{xl_rowcol_to_cell(n, j)}"
                    ws.write_formula(n + 1, j, f"=SUM({rng})", total_fmt.get(c.kind, bold), float(sums[j]))
                elif j:
                    ws.write_blank(n + 1, j, None, bold)
        for j, w in enumerate(widths):
            if highest[j] or lowest[j]:
                w = max(w, len(f"{highest[j]:,}") + 1, len(f"{lowest[j]:,}") + 1)
            ws.set_column(j, j, min(MAX_WIDTH, w + 2))
    finally:
        wb.close()
    return n
