"""Reading a clerk's spreadsheet row by row: .xlsx/.xls/.ods and .csv (UTF-8 with or without BOM, GBK/GB18030).

Spreadsheets from the field have a title row or two (often merged across the columns) above the header,
blank rows, and a totals row at the bottom. The header is the row among the first few that names the most
known columns; rows are then handed out one at a time so that a 100,000-row file never sits in Python
memory as a whole.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

from rfdesk.services import validation as v
from rfdesk.services.errors import ValidationError

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
CSV_SUFFIXES = {".csv", ".txt"}
HEADER_SCAN_ROWS = 20
# A totals row at the bottom of a register is not a record.
TOTAL_LABELS = {"合计", "总计", "小计", "合 计", "总 计", "total", "totals", "sum"}

Scorer = Callable[[list[str]], int]


def cell_text(value: Any) -> str:
    """A cell as the clerk sees it: integral numbers without ".0", text normalised."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return v.normalise(value)


def is_blank(cells: list[Any]) -> bool:
    return all(cell_text(c) == "" for c in cells)


def is_totals_row(cells: list[Any]) -> bool:
    for c in cells:
        t = cell_text(c)
        if t:
            return t.replace(" ", "").lower() in TOTAL_LABELS or t.lower() in TOTAL_LABELS
    return False


def _blank_or_totals(cells: list[Any]) -> bool:
    """is_blank or is_totals_row, reading the cells up to the first filled one only once."""
    for c in cells:
        if type(c) is str:
            total = _text_is_total(c)  # the first column repeats (names, units): each text is read once
            if total is not None:
                return total
            continue
        t = cell_text(c)
        if t:
            return t.replace(" ", "").lower() in TOTAL_LABELS or t.lower() in TOTAL_LABELS
    return True


@lru_cache(maxsize=4096)
def _text_is_total(text: str) -> bool | None:
    """Whether a filled text cell is a totals label; None for a cell blank as the clerk sees it."""
    t = cell_text(text)
    if not t:
        return None
    return t.replace(" ", "").lower() in TOTAL_LABELS or t.lower() in TOTAL_LABELS


@dataclass
class Table:
    """An opened sheet: where its header is, and its rows after the header."""

    path: Path
    kind: str  # "spreadsheet" or "csv"
    header_row: int  # 1-based, as the spreadsheet numbers rows
    headers: list[str]
    total_rows: int  # rows after the header, blank ones included (for progress)
    sheet_name: str = ""
    encoding: str = ""
    _rows: Iterator[list[Any]] | None = field(default=None, repr=False)
    _close: Callable[[], None] | None = field(default=None, repr=False)

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(row number as in the spreadsheet, cells) of every non-blank row after the header.

        Totals rows (合计/总计) are left out. Rows are padded to the header's width.
        """
        assert self._rows is not None, "rows() can be read once"
        rows, self._rows = self._rows, None
        width = len(self.headers)
        number = self.header_row
        for cells in rows:
            number += 1
            if _blank_or_totals(cells):
                continue
            if len(cells) < width:
                cells = list(cells) + [""] * (width - len(cells))
            yield number, cells

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_table(path: str | Path, score: Scorer, *, header_row: int | None = None, sheet: str | None = None,
               min_score: int = 2) -> Table:
    """Open a spreadsheet or CSV file and find its header row.

    ``score(header_texts)`` says how many known column names a row holds; the best row among the first
    20 is the header (``header_row`` overrides). Refuses a file that is missing, unreadable, of an unknown
    type or empty.
    """
    p = Path(path)
    if not p.is_file():
        raise ValidationError("file", f"找不到文件：{p}", f"File not found: {p}")
    suffix = p.suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES:
        return _open_spreadsheet(p, score, header_row, sheet, min_score)
    if suffix in CSV_SUFFIXES:
        return _open_csv(p, score, header_row, min_score)
    raise ValidationError("file", f"不支持的文件类型“{p.suffix}”，请使用 .xlsx、.xls 或 .csv 文件",
                          f"Unsupported file type “{p.suffix}”; use an .xlsx, .xls or .csv file")


def _find_header(first_rows: list[list[Any]], score: Scorer, min_score: int) -> int | None:
    """Index (0-based) of the header among the first rows, or None when no row names known columns."""
    best, best_score = None, 0
    for i, cells in enumerate(first_rows):
        s = score([cell_text(c) for c in cells])
        if s > best_score:
            best, best_score = i, s
    if best is not None and best_score >= min_score:
        return best
    # Unknown headers (the mapping dialog will name them): the first row with at least two texts.
    for i, cells in enumerate(first_rows):
        if sum(1 for c in cells if isinstance(c, str) and c.strip()) >= 2:
            return i if best is None else best
    return best


def _headers(cells: list[Any]) -> list[str]:
    out = [cell_text(c) for c in cells]
    while out and not out[-1]:
        out.pop()
    return out


def _assemble(p: Path, kind: str, rows: Iterator[list[Any]], score: Scorer, header_row: int | None,
              min_score: int, height: int, **extra: Any) -> Table:
    first: list[list[Any]] = []
    for cells in rows:
        first.append(list(cells))
        if len(first) >= max(HEADER_SCAN_ROWS, header_row or 0):
            break
    if not first or all(is_blank(r) for r in first):
        raise ValidationError("file", "文件是空的，没有可导入的行", "The file is empty; there is nothing to import")
    if header_row is not None:
        if not 1 <= header_row <= len(first):
            raise ValidationError("file", f"第{header_row}行不存在", f"Row {header_row} does not exist")
        index: int | None = header_row - 1
    else:
        index = _find_header(first, score, min_score)
    if index is None:
        raise ValidationError("file", "找不到表头行（如“姓名”“身份证号”所在的行）",
                              "Cannot find the header row (the row naming the columns)")
    headers = _headers(first[index])
    return Table(path=p, kind=kind, header_row=index + 1, headers=headers,
                 total_rows=max(0, height - index - 1), _rows=chain(first[index + 1:], rows), **extra)


def _open_spreadsheet(p: Path, score: Scorer, header_row: int | None, sheet: str | None,
                      min_score: int) -> Table:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(p))
    except (CalamineError, OSError, ValueError) as exc:
        raise ValidationError("file", f"无法读取该表格文件，可能已损坏或已加密：{exc}",
                              f"Cannot read this spreadsheet; it may be damaged or encrypted: {exc}") from None
    try:
        names = [m.name for m in wb.sheets_metadata if str(m.visible).endswith("Visible")
                 and str(m.typ).endswith("WorkSheet")] or list(wb.sheet_names)
        if sheet is not None:
            if sheet not in wb.sheet_names:
                raise ValidationError("file", f"没有名为“{sheet}”的工作表", f"There is no sheet named “{sheet}”")
            names = [sheet]
        chosen = None
        for name in names:
            ws = wb.get_sheet_by_name(name)
            if ws.height == 0:
                continue
            if chosen is None:
                chosen = ws
            if header_row is not None or len(names) == 1:
                break
            # Several sheets: take the first whose header names known columns.
            head = [list(r) for _, r in zip(range(HEADER_SCAN_ROWS), ws.iter_rows(), strict=False)]
            if max((score([cell_text(c) for c in r]) for r in head), default=0) >= min_score:
                chosen = ws
                break
        if chosen is None:
            raise ValidationError("file", "文件是空的，没有可导入的行",
                                  "The file is empty; there is nothing to import")
        return _assemble(p, "spreadsheet", chosen.iter_rows(), score, header_row, min_score,
                         chosen.height, sheet_name=chosen.name, _close=wb.close)
    except BaseException:
        wb.close()
        raise


def detect_encoding(p: Path) -> tuple[str, int]:
    """("utf-8-sig" or "gb18030", number of lines), reading the file once in chunks.

    UTF-8 is tried strictly first: GBK bytes are almost never valid UTF-8, while UTF-8 text decoded as
    GB18030 would silently turn into nonsense.
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    lines = 0
    ok = True
    last = b""
    with open(p, "rb") as f:
        while chunk := f.read(1 << 18):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
            if ok:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    ok = False
    if ok:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            ok = False
    if last and last != b"\n":
        lines += 1
    if ok:
        return "utf-8-sig", lines
    try:
        with open(p, encoding="gb18030", errors="strict") as f:
            while f.read(1 << 16):
                pass
    except UnicodeDecodeError:
        raise ValidationError("file", "无法识别该CSV文件的文字编码（应为UTF-8或GBK）",
                              "Cannot tell this CSV file's text encoding (it should be UTF-8 or GBK)") from None
    return "gb18030", lines


def _open_csv(p: Path, score: Scorer, header_row: int | None, min_score: int) -> Table:
    encoding, lines = detect_encoding(p)
    f = open(p, encoding=encoding, newline="")  # noqa: SIM115 - closed by Table.close
    try:
        sample = f.read(8192)
        f.seek(0)
        delimiter = ","
        first_line = sample.split("\n", 1)[0]
        for d in ("\t", ";", ","):
            if first_line.count(d) > first_line.count(delimiter):
                delimiter = d
        rows = csv.reader(f, delimiter=delimiter)
        return _assemble(p, "csv", rows, score, header_row, min_score, lines, encoding=encoding,
                         _close=f.close)
    except BaseException:
        f.close()
        raise


def read_all(path: str | Path) -> list[list[str]]:
    """Every row of a small file as text (for tests and the mapping dialog's sample); not for big files."""
    with open_table(path, lambda _h: 0, header_row=1) as t:
        return [t.headers] + [[cell_text(c) for c in cells] for _, cells in t.rows()]


__all__ = ["Table", "cell_text", "detect_encoding", "open_table", "read_all"]
