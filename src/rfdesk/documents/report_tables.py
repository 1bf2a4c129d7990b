"""Ruled tables of the printed reports, drawn straight onto the canvas.

A report is a title, a few lines saying what it covers, and one or more tables. Tables are laid out first
(every row measured and wrapped, every page break decided) and drawn second, so the footer of page 1 already
knows the page count ("第 1 页 共 N 页") and the header row is repeated on every page of its table.

platypus tables measure every cell several times over; a ledger of 100,000 donations would take minutes.
Here each cell is measured once, from a per-character width cache, and each page's text goes into one PDF
text object, so a long ledger costs about what writing its characters costs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from rfdesk.documents.fonts import FontSet
from rfdesk.documents.report_text import PageText, TextKit, chinese_date

GRID = 0.35  # grey of inner rules
HEADER_FILL = 0.90
GROUP_FILL = 0.955
TOTAL_FILL = 0.90


# ---- tables ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column: its header, its share of the table width, how its cells align, whether they wrap."""

    title: str
    share: float
    align: str = "left"  # left | center | right
    wrap: bool = True


@dataclass(frozen=True)
class Row:
    """A line of a table. ``style``: data; group (one cell across the table, heading a group); subtotal;
    total (bold, ruled above); note (one cell across the table, e.g. the total in capitals)."""

    cells: Sequence[str]
    style: str = "data"


@dataclass
class Table:
    columns: Sequence[Column]
    rows: Iterable[Row]
    heading: str | None = None  # a section heading above the table (一、物资结存)
    new_page: bool = False
    empty_text: str = "（无记录）"


@dataclass
class Report:
    title: str
    tables: list[Table]
    landscape: bool = False
    office: str = ""  # 制表单位
    generated_on: date | None = None
    scope: list[str] = field(default_factory=list)  # lines saying what the report covers
    subject: str = ""


# Sizes in points.
BODY = 10.0
LEADING = 13.0
PAD = 3.6
MARGIN = 15 * mm
FOOTER_Y = 8 * mm
TITLE_SIZE = 18.0
HEADING = 12.0
META_SIZE = 9.5


@dataclass(slots=True)
class _Placed:
    kind: str  # title | meta | running | heading | header | row
    y: float  # top of the item
    height: float
    # per cell, its wrapped lines joined by "\n": one small tuple per row keeps a 100,000-row ledger lean
    cells: tuple[str, ...] = ()
    style: str = "data"
    text: str = ""
    block: _Block | None = None  # the table a header or row belongs to (shared, not copied)


@dataclass(frozen=True)
class _Block:
    columns: Sequence[Column]
    widths: list[float]


@dataclass
class _Page:
    items: list[_Placed] = field(default_factory=list)


class _Layout:
    def __init__(self, report: Report, kit: TextKit) -> None:
        self.report = report
        self.kit = kit
        self.pagesize = landscape(A4) if report.landscape else A4
        self.width = self.pagesize[0] - 2 * MARGIN
        self.top = self.pagesize[1] - MARGIN
        self.bottom = MARGIN + 4 * mm  # room for the page footer
        self.pages: list[_Page] = []

    # a row's wrapped lines and height
    def measure(self, table: Table, widths: list[float], row: Row) -> tuple[tuple[str, ...], float]:
        kit = self.kit
        if row.style in ("group", "note"):
            text = row.cells[0] if row.cells else ""
            role = "heading" if row.style == "group" else "body"
            wrapped = [kit.wrap(text, role, BODY, self.width - 2 * PAD)]
        else:
            role = "body" if row.style == "data" else "heading"
            wrapped = []
            for text, col, w in zip(row.cells, table.columns, widths, strict=False):
                text = text or ""
                if col.wrap and "\n" not in text and kit.width(text, role, BODY) <= w - 2 * PAD:
                    wrapped.append([text])
                elif col.wrap:
                    wrapped.append(kit.wrap(text, role, BODY, w - 2 * PAD))
                else:
                    wrapped.append([text.replace("\n", " ")])
        count = max((len(c) for c in wrapped), default=1)
        return tuple(c[0] if len(c) == 1 else "\n".join(c) for c in wrapped), count * LEADING + 2 * PAD

    def header(self, table: Table, widths: list[float]) -> tuple[tuple[str, ...], float]:
        wrapped = [
            self.kit.wrap(c.title, "heading", BODY, w - 2 * PAD)
            for c, w in zip(table.columns, widths, strict=True)
        ]
        count = max(len(c) for c in wrapped)
        return tuple("\n".join(c) for c in wrapped), count * LEADING + 2 * PAD

    def new_page(self) -> float:
        page = _Page()
        self.pages.append(page)
        y = self.top
        if len(self.pages) == 1:
            page.items.append(_Placed("title", y, TITLE_SIZE + 6, text=self.report.title))
            y -= TITLE_SIZE + 10
            meta = 1 + len(self.report.scope)
            page.items.append(_Placed("meta", y, meta * (META_SIZE + 4)))
            y -= meta * (META_SIZE + 4) + 4
        else:
            page.items.append(_Placed("running", y, META_SIZE + 6, text=self.report.title))
            y -= META_SIZE + 8
        return y

    def run(self) -> list[_Page]:
        y = self.new_page()
        for table in self.report.tables:
            total_share = sum(c.share for c in table.columns) or 1
            widths = [self.width * c.share / total_share for c in table.columns]
            block = _Block(table.columns, widths)
            head_lines, head_h = self.header(table, widths)
            if table.new_page and self.pages[-1].items[-1].kind not in ("title", "meta", "running"):
                y = self.new_page()
            page = self.pages[-1]
            heading_lines = self.kit.wrap(table.heading, "heading", HEADING, self.width) if table.heading else []
            heading_h = len(heading_lines) * (HEADING + 5) + 9 if heading_lines else 0.0
            # the heading, the header row and one row stay together
            if y - heading_h - head_h - (LEADING + 2 * PAD) < self.bottom:
                y = self.new_page()
                page = self.pages[-1]
            if table.heading:
                page.items.append(_Placed("heading", y, heading_h, text="\n".join(heading_lines)))
                y -= heading_h
            page.items.append(_Placed("header", y, head_h, cells=head_lines, block=block))
            y -= head_h
            any_row = False
            group: Row | None = None  # the group the rows belong to, named again at the top of a new page
            rows: Iterator[Row] = iter(table.rows)
            pending: Row | None = None
            while True:
                row = pending if pending is not None else next(rows, None)
                pending = None
                if row is None:
                    break
                any_row = True
                if row.style == "group":
                    group = row
                elif row.style in ("total", "note"):
                    group = None
                lines, h = self.measure(table, widths, row)
                need = h
                if row.style == "group":  # a group heading is never the last line of a page
                    need += LEADING + 2 * PAD
                if y - need < self.bottom and self.pages[-1].items[-1].kind != "header":
                    y = self.new_page()
                    page = self.pages[-1]
                    page.items.append(_Placed("header", y, head_h, cells=head_lines, block=block))
                    y -= head_h
                    if group is not None and row.style in ("data", "subtotal"):
                        g_lines, g_h = self.measure(table, widths, Row((f"{group.cells[0]}（续）",), "group"))
                        page.items.append(_Placed("row", y, g_h, cells=g_lines, style="group", block=block))
                        y -= g_h
                available = y - self.bottom
                if h > available:  # one row taller than a page: cut it, rather than run off the paper
                    keep = max(1, int((available - 2 * PAD) // LEADING))
                    lines = tuple(_cut(c, keep) for c in lines)
                    h = keep * LEADING + 2 * PAD
                page.items.append(_Placed("row", y, h, cells=lines, style=row.style, block=block))
                y -= h
            if not any_row:
                lines, h = self.measure(table, widths, Row((table.empty_text,), "note"))
                page.items.append(_Placed("row", y, h, cells=lines, style="note", block=block))
                y -= h
            y -= 8  # space between tables
        return self.pages


class _Painter:
    def __init__(self, report: Report, kit: TextKit, layout: _Layout, canvas: Canvas) -> None:
        self.report = report
        self.kit = kit
        self.layout = layout
        self.c = canvas
        self.left = MARGIN

    def page(self, number: int, total: int, page: _Page) -> None:
        c = self.c
        kit = self.kit
        text = PageText(kit, c)
        table_top: float | None = None
        table_bottom = 0.0
        hlines: list[tuple[float, float]] = []  # (y, weight)
        spans: list[tuple[float, float]] = []  # (top, bottom) of rows spanning all columns
        block: _Block | None = None
        for item in page.items:
            if item.kind == "title":
                kit.draw(
                    c,
                    item.text,
                    "title",
                    TITLE_SIZE,
                    self.left + self.layout.width / 2,
                    item.y - TITLE_SIZE,
                    "center",
                )
            elif item.kind == "meta":
                y = item.y - META_SIZE
                if self.report.office:
                    kit.draw(c, f"制表单位：{self.report.office}", "body", META_SIZE, self.left, y)
                when = self.report.generated_on or date.today()
                kit.draw(
                    c,
                    f"制表日期：{chinese_date(when)}",
                    "body",
                    META_SIZE,
                    self.left + self.layout.width,
                    y,
                    "right",
                )
                for line in self.report.scope:
                    y -= META_SIZE + 4
                    kit.draw(c, line, "body", META_SIZE, self.left, y)
            elif item.kind == "running":
                kit.draw(c, f"{item.text}（续）", "heading", META_SIZE, self.left, item.y - META_SIZE)
            elif item.kind == "heading":
                y = item.y - 4 - HEADING
                for line in item.text.split("\n"):
                    kit.draw(c, line, "heading", HEADING, self.left, y)
                    y -= HEADING + 5
            else:
                if item.kind == "header":  # each table block on a page starts with its header row
                    if table_top is not None and block is not None:
                        self.rules(block, table_top, table_bottom, hlines, spans)
                    table_top, hlines, spans, block = item.y, [], [], item.block
                self.row(item, text, spans)
                bottom = item.y - item.height
                weight = 1.0 if item.kind == "header" or item.style == "total" else 0.4
                hlines.append((bottom, weight))
                if item.style == "total":
                    hlines.append((item.y, 1.0))
                table_bottom = bottom
        if table_top is not None and block is not None:
            self.rules(block, table_top, table_bottom, hlines, spans)
        text.draw()
        kit.draw(
            c,
            f"第 {number} 页 共 {total} 页",
            "body",
            9,
            self.left + self.layout.width / 2,
            FOOTER_Y,
            "center",
        )

    def row(
        self, item: _Placed, text: PageText, spans: list[tuple[float, float]]
    ) -> None:
        c = self.c
        kit = self.kit
        fill = {"header": HEADER_FILL}.get(item.kind) or {
            "group": GROUP_FILL,
            "subtotal": GROUP_FILL,
            "total": TOTAL_FILL,
        }.get(item.style)
        if fill:
            c.setFillGray(fill)
            c.rect(self.left, item.y - item.height, self.layout.width, item.height, stroke=0, fill=1)
            c.setFillGray(0)
        role = "heading" if item.kind == "header" or item.style in ("group", "subtotal", "total") else "body"
        if item.style in ("group", "note"):
            spans.append((item.y, item.y - item.height))
            y = item.y - PAD - BODY * 0.86
            for line in item.cells[0].split("\n"):
                text.line(line, role, BODY, self.left + PAD, y)
                y -= LEADING
            return
        x = self.left
        assert item.block is not None
        for col, w, joined in zip(item.block.columns, item.block.widths, item.cells, strict=False):
            align = "center" if item.kind == "header" else col.align
            cell = joined.split("\n") if "\n" in joined else (joined,)
            block = len(cell) * LEADING
            y = item.y - (item.height - block) / 2 - BODY * 0.86 - (LEADING - BODY) / 2
            for line in cell:
                if align == "left":
                    lx = x + PAD
                else:
                    lw = kit.width(line, role, BODY)
                    lx = x + w - PAD - lw if align == "right" else x + (w - lw) / 2
                text.line(line, role, BODY, lx, y)
                y -= LEADING
            x += w

    def rules(
        self,
        block: _Block,
        top: float,
        bottom: float,
        hlines: list[tuple[float, float]],
        spans: list[tuple[float, float]],
    ) -> None:
        c = self.c
        left, right = self.left, self.left + self.layout.width
        c.setStrokeGray(GRID)
        for y, weight in hlines:
            c.setLineWidth(weight if weight < 1 else 0.8)
            c.setStrokeGray(0 if weight >= 1 else GRID)
            c.line(left, y, right, y)
        c.setStrokeGray(GRID)
        c.setLineWidth(0.4)
        # column rules, broken where a row spans the whole table
        x = left
        for w in block.widths[:-1]:
            x += w
            segment_top = top
            for s_top, s_bottom in sorted(spans, reverse=True):
                if s_top < segment_top:
                    c.line(x, segment_top, x, s_top)
                segment_top = s_bottom
            if bottom < segment_top:
                c.line(x, segment_top, x, bottom)
        c.setStrokeGray(0)
        c.setLineWidth(1.0)
        c.rect(left, bottom, right - left, top - bottom, stroke=1, fill=0)


def _cut(joined: str, keep: int) -> str:
    lines = joined.split("\n")
    if len(lines) <= keep:
        return joined
    return "\n".join(lines[: keep - 1] + [lines[keep - 1] + "…"])


def render(report: Report, fonts: FontSet | None = None) -> bytes:
    """The report as PDF bytes: laid out completely, then drawn page by page."""
    kit = TextKit(fonts)
    layout = _Layout(report, kit)
    pages = layout.run()
    buf = BytesIO()
    # The initial font is the body font, so no unembedded standard font is ever named in the PDF.
    c = Canvas(buf, pagesize=layout.pagesize, pageCompression=1, initialFontName=kit.fonts.name("body"),
               initialFontSize=BODY)
    c.setTitle(report.title)
    c.setSubject(report.subject or report.title)
    c.setAuthor(report.office or "rfdesk")
    c.setCreator("rfdesk")
    painter = _Painter(report, kit, layout, c)
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        painter.page(number, total, page)
        c.showPage()
    c.save()
    return buf.getvalue()
