"""The official-document engine (GB/T 9704-2012): red-header and letter formats.

``render(OfficialDocument)`` lays out a whole 公文 — 发文机关标志, 发文字号, red separator, title, 主送机关, body
with its heading levels, 附件说明, signature and date, attachment pages, 版记 and page numbers — on the 22-line
grid and returns the PDF bytes. The same input always gives the same bytes, so an issued document can be
reprinted identically. ``render_document`` does the same for a ``Document`` record.

All figures come from ``layout``; text breaking follows ``linebreak``; fonts come from ``fonts``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date

from reportlab.pdfgen.canvas import Canvas

from rfdesk.documents import layout as L
from rfdesk.documents.fonts import FontSet, font_set
from rfdesk.documents.typesetting import (
    Block,
    Line,
    Piece,
    Typesetter,
    draw_lines,
    draw_piece,
    heading_segments,
    table_blocks,
)


@dataclass
class AttachmentPage:
    """An attachment (附件): its title and its text, one paragraph a line.

    A run of lines holding tab characters is a table; its first line gives the column titles.
    """

    title: str
    body: str = ""


@dataclass
class OfficialDocument:
    title: str
    body: str
    layout: str = "red_header"  # red_header | letter
    issuer_mark: str = ""
    number: str | None = None
    addressees: str | None = None
    attachments: list[AttachmentPage] = field(default_factory=list)
    signatory: str | None = None
    doc_date: date | None = None
    with_seal: bool = True
    cc: str | None = None
    printed_by: str | None = None
    printed_on: date | None = None


def chinese_date(d: date) -> str:
    """2020年3月5日: Arabic numerals, no zero padding (std)."""
    return f"{d.year}年{d.month}月{d.day}日"


def paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n") if p.strip()]


# --- building the flow ------------------------------------------------------------------------------------


_NOTE = re.compile(r"^（[^（）]*）$")


def _body_blocks(ts: Typesetter, text: str, attachment: bool = False) -> list[Block]:
    """Paragraphs and tables of a body or attachment text. In an attachment, a first line wholly in
    brackets — （排名不分先后） — is a note centred under the title, in 楷体."""
    blocks: list[Block] = []
    first = (text or "").lstrip().split("\n", 1)[0].strip()
    if attachment and _NOTE.match(first) and heading_segments(first)[0][1] == "body":
        blocks.append(Block(ts.centred(first, "subheading", L.BODY_SIZE)))
        text = (text or "").lstrip().split("\n", 1)[1] if "\n" in (text or "").lstrip() else ""
    table: list[str] = []
    lines = [p.rstrip() for p in (text or "").replace("\r\n", "\n").split("\n")]
    for raw in [*lines, ""]:
        if "\t" in raw:
            table.append(raw)
            continue
        if table:
            blocks.extend(table_blocks(ts, [row.split("\t") for row in table]))
            table = []
        para = raw.strip()
        if para:
            roles = heading_segments(para)
            heading = len(roles) == 1 and roles[0][1] != "body"
            blocks.append(Block(ts.paragraph(para, roles=roles), keep=heading, with_next=heading))
    return blocks


def _attachment_note(ts: Typesetter, attachments: list[AttachmentPage]) -> list[Block]:
    """附件：1. … two characters in; every name starts at the same place and its later lines align under its
    first character (std). The label and numbers stand apart from the names, so justifying a name's first
    line never pushes it out of line with the others."""
    if not attachments:
        return []
    label = "附件："
    blocks = [Block([Line()])]
    many = len(attachments) > 1
    label_x = L.INDENT_CHARS * L.CHAR_ADVANCE
    number_x = label_x + ts.width(label, "body") + L.CHAR_SPACE
    numbers = [f"{i}. " if many else "" for i in range(1, len(attachments) + 1)]
    name_x = number_x + max(ts.width(n, "body") + L.CHAR_SPACE if n else 0.0 for n in numbers)
    for i, (att, number) in enumerate(zip(attachments, numbers, strict=True)):
        lines = ts.paragraph(att.title, indent_chars=name_x / L.CHAR_ADVANCE, hang_chars=name_x / L.CHAR_ADVANCE)
        first = lines[0].pieces
        if number:
            first.insert(0, Piece([(number, "body")], x=number_x, width=name_x - number_x))
        if i == 0:
            first.insert(0, Piece([(label, "body")], x=label_x, width=number_x - label_x))
        blocks.append(Block(lines, keep=True))
    return blocks


def _signature_block(ts: Typesetter, doc: OfficialDocument) -> Block | None:
    """署名 and 成文日期: with a seal the date is four characters in from the right and the 署名 centred
    above it; without, the 署名 two characters in and the date two characters right of its start (std)."""
    if doc.doc_date is None and not doc.signatory:
        return None
    date_text = chinese_date(doc.doc_date) if doc.doc_date else ""
    sig = doc.signatory or ""
    date_w = ts.width(date_text, "body")
    sig_w = ts.width(sig, "body")
    right = L.TYPE_WIDTH
    lines: list[Line] = []
    if doc.with_seal:
        lines.extend(Line() for _ in range(L.SEAL_BLANK_LINES))
        date_x = right - L.SEAL_DATE_RIGHT_CHARS * L.CHAR_ADVANCE - date_w
        centre = date_x + date_w / 2 if date_text else right - L.SEAL_DATE_RIGHT_CHARS * L.CHAR_ADVANCE - sig_w / 2
        sig_x = min(max(0.0, centre - sig_w / 2), right - sig_w)
    else:
        lines.extend(Line() for _ in range(L.SIGNATURE_BLANK_LINES))
        sig_x = right - L.SIGNATURE_RIGHT_CHARS * L.CHAR_ADVANCE - sig_w
        date_x = sig_x + L.DATE_SHIFT_CHARS * L.CHAR_ADVANCE
        if not sig or date_x + date_w > right - L.SIGNATURE_RIGHT_CHARS * L.CHAR_ADVANCE:
            date_x = right - L.SIGNATURE_RIGHT_CHARS * L.CHAR_ADVANCE - date_w
            if sig:
                sig_x = date_x - L.DATE_SHIFT_CHARS * L.CHAR_ADVANCE
    if sig:
        lines.append(Line([Piece([(sig, "body")], x=sig_x, width=sig_w + 1)]))
    if date_text:
        lines.append(Line([Piece([(date_text, "body")], x=date_x, width=date_w + 1)]))
    return Block(lines, keep=True, carry=2)


def _attachment_blocks(ts: Typesetter, doc: OfficialDocument) -> list[Block]:
    """Each attachment on a new page: 附件 + number in 黑体 on line 1, title centred on line 3 (std)."""
    blocks = []
    many = len(doc.attachments) > 1
    for i, att in enumerate(doc.attachments, start=1):
        label = f"附件{i}" if many else "附件"
        head = [Line([Piece([(label, "heading")])])]
        head.extend(Line() for _ in range(L.ATTACHMENT_TITLE_LINE - L.ATTACHMENT_LABEL_LINE - 1))
        head.extend(ts.centred(att.title, "title", L.TITLE_SIZE, L.TITLE_MAX_CHARS))
        head.append(Line())
        blocks.append(Block(head, keep=True, new_page=True))
        blocks.extend(_body_blocks(ts, att.body, attachment=True))
    return blocks


# --- pages ----------------------------------------------------------------------------------------------


@dataclass
class _Page:
    lines: dict[int, Line] = field(default_factory=dict)


def _paginate(blocks: list[Block], first_line: int) -> list[_Page]:
    pages = [_Page()]
    cursor = first_line

    def new_page() -> None:
        nonlocal cursor
        pages.append(_Page())
        cursor = 0

    for block in blocks:
        if block.new_page or (block.with_next and cursor + len(block.lines) >= L.LINES_PER_PAGE):
            new_page()
        lines = list(block.lines)
        if block.keep and cursor + len(lines) > L.LINES_PER_PAGE and len(lines) <= L.LINES_PER_PAGE:
            carried: list[Line] = []
            page = pages[-1]
            for _ in range(block.carry):
                last = max((i for i, ln in page.lines.items() if not ln.blank), default=None)
                if last is None or last == 0:
                    break
                carried.insert(0, page.lines.pop(last))
            new_page()
            if block.header and not carried:
                lines = [*block.header, *lines]
            lines = [*carried, *lines]
        for line in lines:
            if cursor >= L.LINES_PER_PAGE:
                new_page()
                if block.header:
                    for h in block.header:
                        pages[-1].lines[cursor] = h
                        cursor += 1
            if line.blank and cursor == 0:
                continue  # a page never starts with a blank line
            pages[-1].lines[cursor] = line
            cursor += 1
    return pages


def _imprint_lines(ts: Typesetter, doc: OfficialDocument) -> tuple[list[str], bool]:
    """The 抄送 lines of the 版记 and whether it has the 印发 row."""
    cc_lines: list[str] = []
    if doc.cc and doc.cc.strip():
        cc = re.sub(r"^抄送[：:]\s*", "", doc.cc.strip()).rstrip("。.，, ") + "。"
        label = "抄送："
        width = L.TYPE_WIDTH - 2 * L.IMPRINT_INSET
        label_w = ts.width(label, "body", L.IMPRINT_SIZE, 0.0)
        cc_lines = ts.wrap(label + cc, "body", width - label_w, width, L.IMPRINT_SIZE, 0.0)
    printed = doc.layout != "letter" and bool(doc.printed_by or doc.printed_on)
    return cc_lines, printed


def _draw_imprint(canvas: Canvas, ts: Typesetter, doc: OfficialDocument, cc_lines: list[str],
                  printed: bool) -> None:
    """版记 at the foot of the last page: rules 0.35 mm outside, 0.25 mm between rows, 156 mm (std)."""
    rows: list[list[Piece]] = []
    label_w = ts.width("抄送：", "body", L.IMPRINT_SIZE, 0.0)
    for i, text in enumerate(cc_lines):
        x = L.IMPRINT_INSET + (0 if i == 0 else label_w)
        rows.append([Piece([(text, "body")], x=x, width=L.TYPE_WIDTH - x - L.IMPRINT_INSET,
                           size=L.IMPRINT_SIZE, char_space=0.0)])
    if printed:
        pieces = []
        if doc.printed_by:
            pieces.append(Piece([(doc.printed_by, "body")], x=L.IMPRINT_INSET, size=L.IMPRINT_SIZE,
                                char_space=0.0, width=L.TYPE_WIDTH - 2 * L.IMPRINT_INSET))
        if doc.printed_on:
            pieces.append(Piece([(chinese_date(doc.printed_on) + "印发", "body")], x=L.IMPRINT_INSET,
                                width=L.TYPE_WIDTH - 2 * L.IMPRINT_INSET, align="right",
                                size=L.IMPRINT_SIZE, char_space=0.0))
        rows.append(pieces)
    if not rows:
        return
    ruled = doc.layout != "letter"
    bottom = L.TYPE_BOTTOM
    top = bottom - len(rows) * L.IMPRINT_ROW
    for i, pieces in enumerate(rows):
        row_top = top + i * L.IMPRINT_ROW
        base = row_top + L.IMPRINT_ROW / 2 + (L.EM_ASCENT - 0.5) * L.IMPRINT_SIZE
        for p in pieces:
            draw_piece(canvas, ts, p, L.LEFT_MARGIN, base)
    if not ruled:
        return
    canvas.setStrokeColorCMYK(0, 0, 0, 1)
    edges = [top + i * L.IMPRINT_ROW for i in range(len(rows) + 1)]
    for i, y in enumerate(edges):
        outer = i in (0, len(edges) - 1)
        if not outer and not (printed and i == len(edges) - 2):
            continue  # rows of one 抄送 entry are not ruled apart; the 印发 row is
        canvas.setLineWidth(L.IMPRINT_RULE_OUTER if outer else L.IMPRINT_RULE_INNER)
        canvas.line(L.LEFT_MARGIN, L.PAGE_HEIGHT - y, L.TYPE_RIGHT, L.PAGE_HEIGHT - y)


def _draw_page_number(canvas: Canvas, ts: Typesetter, number: int) -> None:
    """“— N —” in 4号, odd pages one character in from the right, even pages from the left (std)."""
    text = f"— {number} —"
    piece = Piece([(text, "body")], x=L.PAGE_NUMBER_INSET, width=L.TYPE_WIDTH - 2 * L.PAGE_NUMBER_INSET,
                  align="right" if number % 2 else "left", size=L.PAGE_NUMBER_SIZE, char_space=0.0)
    draw_piece(canvas, ts, piece, L.LEFT_MARGIN, L.PAGE_NUMBER_TOP + L.EM_ASCENT * L.PAGE_NUMBER_SIZE)


def _fit_mark(ts: Typesetter, text: str, size: float) -> float:
    """Horizontal scale (per cent) that fits the 发文机关标志 into the type area at ``size``."""
    natural = ts.width(text, "title", size, 0.0)
    if natural <= L.TYPE_WIDTH:
        return 100.0
    return max(L.MARK_MIN_SCALE, 100.0 * L.TYPE_WIDTH / natural)


def _draw_header(canvas: Canvas, ts: Typesetter, doc: OfficialDocument) -> int:
    """The head of page 1; returns the grid line the title starts on."""
    red = L.RED_CMYK
    mark = doc.issuer_mark.strip()
    if doc.layout == "letter":
        size, mark_top = L.LETTER_MARK_SIZE, L.LETTER_MARK_TOP
    else:
        size, mark_top = L.MARK_SIZE, L.MARK_TOP
    if mark:
        scale = _fit_mark(ts, mark, size)
        piece = Piece([(mark, "title")], align="center", size=size, char_space=0.0)
        draw_piece(canvas, ts, piece, L.LEFT_MARGIN, mark_top + L.EM_ASCENT * size, color=red, horiz_scale=scale)
    mark_bottom = mark_top + size
    canvas.setStrokeColorCMYK(*red)
    if doc.layout == "letter":
        left = (L.PAGE_WIDTH - L.LETTER_RULE_WIDTH) / 2
        y = mark_bottom + L.LETTER_RULE_GAP
        _double_rule(canvas, left, y, thick_first=True)
        _double_rule(canvas, left, L.LETTER_BOTTOM_RULE, thick_first=False)
        line = L.first_line_below(y + 2 * L.LETTER_RULE_THICK)
        if doc.number:
            piece = Piece([(doc.number, "body")], align="right")
            draw_piece(canvas, ts, piece, L.LEFT_MARGIN, L.baseline(line))
        return line + 1 + L.TITLE_BLANK_LINES
    number_top = mark_bottom + L.NUMBER_BLANK_LINES * L.LINE_PITCH
    if doc.number:
        piece = Piece([(doc.number, "body")], align="center", char_space=0.0)
        draw_piece(canvas, ts, piece, L.LEFT_MARGIN, number_top + L.EM_ASCENT * L.BODY_SIZE)
    rule_y = number_top + L.BODY_SIZE + L.RULE_GAP
    canvas.setLineWidth(L.RULE_THICKNESS)
    canvas.line(L.LEFT_MARGIN, L.PAGE_HEIGHT - rule_y, L.LEFT_MARGIN + L.RULE_WIDTH, L.PAGE_HEIGHT - rule_y)
    return L.first_line_below(rule_y) + L.TITLE_BLANK_LINES


def _double_rule(canvas: Canvas, left: float, y: float, thick_first: bool) -> None:
    widths = (L.LETTER_RULE_THICK, L.LETTER_RULE_THIN) if thick_first else (L.LETTER_RULE_THIN, L.LETTER_RULE_THICK)
    offset = 0.0
    for w in widths:
        canvas.setLineWidth(w)
        yy = y + offset + w / 2
        canvas.line(left, L.PAGE_HEIGHT - yy, left + L.LETTER_RULE_WIDTH, L.PAGE_HEIGHT - yy)
        offset += w + L.LETTER_RULE_SPACING


def render(doc: OfficialDocument, fonts: FontSet | None = None) -> bytes:
    """The PDF of ``doc``: A4, GB/T 9704 layout, every font embedded as a subset; identical bytes for
    identical input."""
    ts = Typesetter(fonts or font_set())
    buf = io.BytesIO()
    # The initial font is ours, or reportlab would name Helvetica on every page without embedding it.
    canvas = Canvas(buf, pagesize=(L.PAGE_WIDTH, L.PAGE_HEIGHT), invariant=1, pageCompression=1,
                    initialFontName=ts.fonts.name("body"), initialFontSize=L.BODY_SIZE)
    canvas.setTitle(doc.title)
    canvas.setAuthor(doc.issuer_mark or "")
    canvas.setCreator("rfdesk")
    canvas.setProducer("rfdesk")

    title_line = _draw_header(canvas, ts, doc)  # drawn on page 1, which the canvas has open
    blocks: list[Block] = [Block(ts.centred(doc.title, "title", L.TITLE_SIZE, L.TITLE_MAX_CHARS), keep=True)]
    blocks.append(Block([Line()]))
    if doc.addressees and doc.addressees.strip():
        addressees = doc.addressees.strip().rstrip("：:") + "："
        blocks.append(Block(ts.paragraph(addressees, indent_chars=0)))
    blocks.extend(_body_blocks(ts, doc.body))
    blocks.extend(_attachment_note(ts, doc.attachments))
    signature = _signature_block(ts, doc)
    if signature is not None:
        blocks.append(signature)
    blocks.extend(_attachment_blocks(ts, doc))

    pages = _paginate(blocks, title_line)
    cc_lines, printed = _imprint_lines(ts, doc)
    imprint_rows = len(cc_lines) + (1 if printed else 0)
    unnumbered: set[int] = set()
    if imprint_rows:
        used = max(pages[-1].lines, default=-1) + 1
        if used + imprint_rows + 1 > L.LINES_PER_PAGE or (len(pages) % 2 and len(pages) > 1):
            # The 版记 goes on the back of the last sheet (an even page); when that needs a blank page
            # before it, neither the blank page nor the 版记 page is numbered (std).
            pages.append(_Page())
            if len(pages) % 2:
                unnumbered.add(len(pages))
                pages.append(_Page())
                unnumbered.add(len(pages))

    for number, page in enumerate(pages, start=1):
        if number > 1:
            canvas.showPage()
        draw_lines(canvas, ts, sorted(page.lines.items()))
        if number == len(pages) and imprint_rows:
            _draw_imprint(canvas, ts, doc, cc_lines, printed)
        if not (doc.layout == "letter" and number == 1) and number not in unnumbered:
            _draw_page_number(canvas, ts, number)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def from_record(document) -> OfficialDocument:  # noqa: ANN001 - a rfdesk.domain.documents.Document
    """The engine's view of a ``Document`` record."""
    issuer_mark = document.issuer_mark or ""
    if not issuer_mark and document.issuer is not None:
        issuer_mark = document.issuer.name + "文件" if document.layout != "letter" else document.issuer.name
    return OfficialDocument(
        title=document.title,
        body=document.body or "",
        layout=document.layout or "red_header",
        issuer_mark=issuer_mark,
        number=document.number,
        addressees=document.addressees,
        attachments=[AttachmentPage(a.title, a.body or "") for a in document.attachments],
        signatory=document.signatory,
        doc_date=document.doc_date,
        with_seal=bool(document.with_seal),
        cc=document.cc,
        printed_by=document.printed_by,
        printed_on=document.printed_on,
    )


def render_document(document, fonts: FontSet | None = None) -> bytes:  # noqa: ANN001
    """The PDF of a ``Document`` record as it stands (an issued one's archive is in services.documents)."""
    return render(from_record(document), fonts)
