"""Setting Chinese text on the 22-line grid: pieces of text, lines, paragraphs and tables, and drawing them.

A ``Line`` occupies one grid line and holds ``Piece``s; a piece is text (in segments of roles) placed in a
box of the line, left/centre/right aligned or justified. Positions are points from the left edge of the type
area; the grid line index is given when the page is drawn.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from rfdesk.documents import layout as L
from rfdesk.documents.fonts import FontSet
from rfdesk.documents.linebreak import break_lines, title_lines

Segments = list[tuple[str, str]]  # (text, role)

BLACK = (0.0, 0.0, 0.0, 1.0)


@dataclass
class Piece:
    segments: Segments
    x: float = 0.0
    width: float = L.TYPE_WIDTH
    align: str = "left"  # left | center | right
    justify: bool = False
    size: float = L.BODY_SIZE
    char_space: float = L.CHAR_SPACE

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.segments)


@dataclass
class TableRule:
    """Borders a table line draws: column edges (x), and whether it opens or closes a row."""

    columns: tuple[float, ...]
    row_top: bool = False
    row_bottom: bool = False


@dataclass
class Line:
    pieces: list[Piece] = field(default_factory=list)
    rule: TableRule | None = None

    @property
    def blank(self) -> bool:
        return not self.pieces and self.rule is None

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass
class Block:
    """Lines that flow together. ``keep``: never split across pages; ``carry``: when moved to a new page,
    take this many lines of what precedes along (a signature never stands alone); ``header``: lines to
    repeat at the top of a page this block starts (a table's column titles); ``with_next``: never the last
    line of a page (a heading stays with what it heads)."""

    lines: list[Line]
    keep: bool = False
    new_page: bool = False
    carry: int = 0
    header: list[Line] | None = None
    with_next: bool = False


class Typesetter:
    """Measures and breaks text with the fonts of one print.

    Most text is wholly in its role's own font: such a string is measured in one call and drawn as one run,
    and only a string holding a character the font lacks is taken character by character (fallback fonts).
    Which characters a role's font draws is learnt once per character, and each string's width once.
    """

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self._widths: dict[tuple[str, str], float] = {}
        self._text_widths: dict[tuple[str, str], float] = {}
        self._own: dict[str, set[str]] = {}
        self._foreign: dict[str, set[str]] = {}

    def own_font_draws(self, text: str, role: str) -> bool:
        """True if every character of ``text`` is drawn by the role's own font (no fallback, no gap)."""
        own = self._own.get(role)
        if own is None:
            own = self._own[role] = set()
            self._foreign[role] = set()
        if own.issuperset(text):
            return True
        foreign = self._foreign[role]
        if not foreign.isdisjoint(text):
            return False
        for ch in set(text) - own:
            (own if self.fonts.covers(role, ch) else foreign).add(ch)
        return foreign.isdisjoint(text)

    def runs(self, text: str, role: str) -> list[tuple[str, str]]:
        """(font name, piece) runs that draw ``text`` in ``role``, as ``FontSet.runs`` gives them."""
        if self.own_font_draws(text, role):
            return [(self.fonts.name(role), text)]
        return self.fonts.runs(text, role)

    def char_width(self, ch: str, role: str) -> float:
        """Width of ``ch`` at 1 pt in the font that actually draws it."""
        key = (ch, role)
        w = self._widths.get(key)
        if w is None:
            w = stringWidth(ch, self.fonts.font_for(role, ch), 1.0)
            self._widths[key] = w
        return w

    def glyphs_width(self, text: str, role: str) -> float:
        """Sum of the advances of ``text`` at 1 pt, each character in the font that draws it."""
        key = (text, role)
        w = self._text_widths.get(key)
        if w is None:
            if self.own_font_draws(text, role):
                w = stringWidth(text, self.fonts.name(role), 1.0)
            else:
                w = sum(self.char_width(ch, role) for ch in text)
            self._text_widths[key] = w
        return w

    def width(self, text: str, role: str, size: float = L.BODY_SIZE, char_space: float = L.CHAR_SPACE) -> float:
        """Printed width of ``text`` without the spacing after its last character."""
        if not text:
            return 0.0
        return self.glyphs_width(text, role) * size + char_space * (len(text) - 1)

    def segments_width(self, piece: Piece) -> float:
        text = piece.text
        if not text:
            return 0.0
        glyphs = sum(self.glyphs_width(t, role) for t, role in piece.segments if t)
        return glyphs * piece.size + piece.char_space * (len(text) - 1)

    def wrap(self, text: str, role: str, width: float, first_width: float | None = None,
             size: float = L.BODY_SIZE, char_space: float = L.CHAR_SPACE, keep_quotes: bool = False) -> list[str]:
        def measure(piece: str) -> float:
            return self.glyphs_width(piece, role) * size + char_space * len(piece)

        # Each character owns a cell of its advance (as in the WPS character grid): 28 cells fill a line.
        return break_lines(text, measure, width, first_width, keep_quotes)

    # --- paragraphs -------------------------------------------------------------------------------------

    def paragraph(self, text: str, indent_chars: float = L.INDENT_CHARS, hang_chars: float = 0.0,
                  roles: Segments | None = None) -> list[Line]:
        """A body paragraph: first line ``indent_chars`` in, later lines ``hang_chars`` in; every line but
        the last justified to the right edge of the type area. ``roles`` gives the role of each part of
        the text (default: all body)."""
        segments = roles or [(text, "body")]
        main_role = segments[-1][1] if len(segments) > 1 else segments[0][1]
        first_x = indent_chars * L.CHAR_ADVANCE
        later_x = hang_chars * L.CHAR_ADVANCE
        lines = self.wrap(text, main_role, L.TYPE_WIDTH - later_x, L.TYPE_WIDTH - first_x)
        role_of = _role_map(segments)
        result = []
        pos = 0
        for i, line_text in enumerate(lines):
            x = first_x if i == 0 else later_x
            segs = _cut(role_of, pos, pos + len(line_text), line_text)
            pos += len(line_text)
            result.append(Line([Piece(segs, x=x, width=L.TYPE_WIDTH - x, justify=i < len(lines) - 1)]))
        return result or [Line([Piece([("", "body")], x=first_x)])]

    def centred(self, text: str, role: str, size: float, max_chars: int | None = None) -> list[Line]:
        """Centred lines (a title): balanced, upper lines as long or longer, as a trapezoid."""
        width = L.TYPE_WIDTH if max_chars is None else min(L.TYPE_WIDTH, max_chars * size)
        return [Line([Piece([(t, role)], align="center", size=size, char_space=0.0)])
                for t in self.balanced(text, role, size, width)]

    def balanced(self, text: str, role: str, size: float, width: float) -> list[str]:
        """``text`` in as few lines as fit ``width``, broken between words, the longer lines on top."""
        def measure(piece: str) -> float:
            return self.width(piece, role, size, 0.0)

        return title_lines(text, measure, width, size)


def _role_map(segments: Segments) -> list[str]:
    roles: list[str] = []
    for text, role in segments:
        roles.extend([role] * len(text))
    return roles


def _cut(role_of: list[str], start: int, end: int, text: str) -> Segments:
    segs: Segments = []
    for i, ch in enumerate(text):
        role = role_of[start + i] if start + i < len(role_of) else "body"
        if segs and segs[-1][1] == role:
            segs[-1] = (segs[-1][0] + ch, role)
        else:
            segs.append((ch, role))
    return segs or [("", "body")]


# Column widths of a list table in characters: 序号, 姓名, the rest for 单位及职务; a list of bodies
# (序号 / 名称 / 所属单位) gives the name more room.
TABLE_COLUMNS = (3, 6)
TABLE_COLUMNS_NAMED = (3, 14)


def table_blocks(ts: Typesetter, rows: list[list[str]]) -> list[Block]:
    """A ruled table on the grid, one block per row (never split), the first row repeated on each page."""
    ncols = max(len(r) for r in rows)
    columns = TABLE_COLUMNS if rows[0][1:2] in ([], ["姓名"]) else TABLE_COLUMNS_NAMED
    widths = [c * L.CHAR_ADVANCE for c in columns[: ncols - 1]]
    widths.append(L.TYPE_WIDTH - sum(widths))
    widths = widths[:ncols]
    edges = [0.0]
    for w in widths:
        edges.append(edges[-1] + w)
    pad = L.CHAR_ADVANCE / 4  # leaves room for a four-digit 序号 in three characters

    def row_lines(cells: list[str], role: str, centre_all: bool) -> list[Line]:
        cells = [*cells, *[""] * (ncols - len(cells))]
        wrapped = []
        for i, cell in enumerate(cells):
            w = widths[i] - 2 * pad
            wrapped.append(ts.wrap(cell.strip(), role, w) or [""])
        height = max(len(w) for w in wrapped)
        lines = []
        for k in range(height):
            pieces = []
            for i, cell_lines in enumerate(wrapped):
                if k < len(cell_lines) and cell_lines[k]:
                    align = "center" if centre_all or i < ncols - 1 else "left"
                    pieces.append(Piece([(cell_lines[k], role)], x=edges[i] + pad, width=widths[i] - 2 * pad,
                                        align=align))
            lines.append(Line(pieces, TableRule(tuple(edges), row_top=k == 0, row_bottom=k == height - 1)))
        return lines

    header = row_lines(rows[0], "heading", True)
    blocks = [Block(header, keep=True)]
    blocks.extend(Block(row_lines(r, "body", False), keep=True, header=header) for r in rows[1:])
    return blocks


# --- headings ---------------------------------------------------------------------------------------------

_LEVEL1 = re.compile(r"^[一二三四五六七八九十百]+、")
_LEVEL2 = re.compile(r"^（[一二三四五六七八九十百]+）")


def heading_segments(text: str) -> Segments:
    """Roles of a body paragraph: 一、 headings in 黑体, （一） in 楷体, 1. and （1） in 仿宋 like the body.

    A heading followed by text on the same line (（一）加强领导。各单位要……) keeps only its first sentence in
    the heading font.
    """
    for pattern, role in ((_LEVEL1, "heading"), (_LEVEL2, "subheading")):
        if pattern.match(text):
            stop = text.find("。")
            if 0 <= stop < len(text) - 1:
                return [(text[: stop + 1], role), (text[stop + 1:], "body")]
            return [(text, role)]
    return [(text, "body")]


# --- drawing ---------------------------------------------------------------------------------------------


class _Pen:
    """Writes pieces into one PDF text object, stating spacing, scaling, colour and font only when a piece
    needs other values than the one before: a page of a long table is one text object, not one per cell.

    Text state outlives BT/ET in PDF, so a new pen states all of them for its first piece, never inheriting
    what an earlier text object left behind."""

    def __init__(self, canvas: Canvas, ts: Typesetter) -> None:
        self.canvas = canvas
        self.ts = ts
        self.text: PDFTextObject | None = None
        self.space: float | None = None
        self.scale: float | None = None
        self.color: tuple[float, float, float, float] | None = None
        self.font: tuple[str, float] | None = None

    def piece(self, piece: Piece, left: float, baseline_from_top: float,
              color: tuple[float, float, float, float] | None = None, horiz_scale: float = 100.0) -> None:
        """Draw ``piece`` with its box starting ``left`` points from the paper's left edge."""
        text = piece.text
        if not text:
            return
        n = len(text)
        space = piece.char_space
        justify = piece.justify and n > 1
        if justify or piece.align != "left":  # a left-aligned piece needs no measuring to be placed
            natural = self.ts.segments_width(piece) * horiz_scale / 100.0
            if justify:
                space += (piece.width - natural) / (n - 1)
                natural = piece.width
        if piece.align == "center":
            x = left + piece.x + (piece.width - natural) / 2
        elif piece.align == "right":
            x = left + piece.x + piece.width - natural
        else:
            x = left + piece.x
        y = L.PAGE_HEIGHT - baseline_from_top
        t = self.text
        if t is None:
            t = self.text = self.canvas.beginText(x, y)
        else:
            t.setTextOrigin(x, y)
        if space != self.space:
            t.setCharSpace(space)
            self.space = space
        if horiz_scale != self.scale:
            t.setHorizScale(horiz_scale)
            self.scale = horiz_scale
        color = color or BLACK
        if color != self.color:
            t.setFillColorCMYK(*color)
            self.color = color
        for seg, role in piece.segments:
            for font, chunk in self.ts.runs(seg, role):
                if (font, piece.size) != self.font:
                    t.setFont(font, piece.size)
                    self.font = (font, piece.size)
                t.textOut(chunk)

    def finish(self) -> None:
        if self.text is not None:
            self.canvas.drawText(self.text)
            self.text = None


def draw_piece(canvas: Canvas, ts: Typesetter, piece: Piece, left: float, baseline_from_top: float,
               color: tuple[float, float, float, float] | None = None, horiz_scale: float = 100.0) -> None:
    """Draw ``piece`` with its box starting ``left`` points from the paper's left edge."""
    pen = _Pen(canvas, ts)
    pen.piece(piece, left, baseline_from_top, color, horiz_scale)
    pen.finish()


def draw_lines(canvas: Canvas, ts: Typesetter, lines: Iterable[tuple[int, Line]]) -> None:
    """Draw the lines of a page, each on its grid line: all their text in one text object, then the rules
    of the table lines among them."""
    pen = _Pen(canvas, ts)
    ruled: list[tuple[int, TableRule]] = []
    for grid_line, line in lines:
        for piece in line.pieces:
            pen.piece(piece, L.LEFT_MARGIN, L.baseline(grid_line, piece.size))
        if line.rule is not None:
            ruled.append((grid_line, line.rule))
    pen.finish()
    if ruled:
        _draw_table_rules(canvas, ruled)


def _draw_table_rules(canvas: Canvas, ruled: list[tuple[int, TableRule]]) -> None:
    """The rules of a page's table lines, stroked as one path: a column edge runs unbroken down a stretch of
    consecutive table lines, and where one row ends and the next begins one rule is drawn, not two."""
    half_gap = (L.LINE_PITCH - L.BODY_SIZE) / 2
    left = L.LEFT_MARGIN

    def top(grid_line: int) -> float:
        return L.PAGE_HEIGHT - (L.grid_top(grid_line) - half_gap)

    segments: list[tuple[float, float, float, float]] = []
    start = 0
    while start < len(ruled):
        first, columns = ruled[start][0], ruled[start][1].columns
        end = start + 1  # a stretch: consecutive grid lines with the same columns
        while end < len(ruled) and ruled[end][0] == first + (end - start) and ruled[end][1].columns == columns:
            end += 1
        last = ruled[end - 1][0]
        y_top, y_bottom = top(first), top(last) - L.LINE_PITCH
        segments.extend((left + x, y_top, left + x, y_bottom) for x in columns)
        edges: dict[int, float] = {}  # grid line boundary -> y; boundary k lies above grid line k
        for grid_line, rule in ruled[start:end]:
            if rule.row_top:
                edges[grid_line] = top(grid_line)
            if rule.row_bottom:
                edges[grid_line + 1] = y_bottom if grid_line == last else top(grid_line + 1)
        segments.extend((left + columns[0], y, left + columns[-1], y) for _, y in sorted(edges.items()))
        start = end
    canvas.setLineWidth(0.5)
    canvas.setStrokeColorCMYK(0, 0, 0, 1)
    canvas.lines(segments)
