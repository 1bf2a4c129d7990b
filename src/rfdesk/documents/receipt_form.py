"""The printed form of a donation receipt: two copies (stub and donor copy) with the amount in figures and in
capitals, the items of an in-kind donation, 作废 across a voided receipt and 补打 on a reprint.

Drawn directly on the canvas: a receipt is a ruled form whose every line has its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from rfdesk.documents.amounts import capital_amount, figure_amount, plain_amount
from rfdesk.documents.layout import RED_CMYK
from rfdesk.documents.report_text import YUAN, TextKit, chinese_date

SLIP = (210 * mm, 99 * mm)  # a third of A4, the size of pre-cut receipt paper
PAPERS = ("a4", "slip")

THANKS = "感谢您对人民防空事业和疫情防控工作的关心与支持！"
# The copy label is printed vertically: brackets turn with it.
VERTICAL = {"（": "︵", "）": "︶"}


@dataclass(frozen=True)
class Geometry:
    """Sizes of one copy of the receipt (points), for a half A4 page or a third-of-A4 slip."""

    margin: float
    title: float
    meta_gap: float
    row_h: float
    item_h: float
    items: int  # item lines the receipt holds before the rest go to a separate list
    value: float
    amount: float
    sign_gap: float
    thanks_gap: float
    stamp: float


A4_GEOMETRY = Geometry(margin=9 * mm, title=21, meta_gap=9 * mm, row_h=11 * mm, item_h=8 * mm, items=5,
                       value=12.5, amount=13.5, sign_gap=9 * mm, thanks_gap=8 * mm, stamp=15)
SLIP_GEOMETRY = Geometry(margin=6 * mm, title=16, meta_gap=6 * mm, row_h=8 * mm, item_h=6.5 * mm, items=2,
                         value=11.5, amount=12, sign_gap=6 * mm, thanks_gap=5.5 * mm, stamp=12)


@dataclass(frozen=True)
class ReceiptCopy:
    label: str  # 第一联 存根
    short: str  # 存根
    for_donor: bool


STUB = ReceiptCopy("第一联 存根（留存）", "存根", False)
DONOR_COPY = ReceiptCopy("第二联 收据联（交捐赠人）", "收据联", True)


@dataclass(frozen=True)
class ReceiptFacts:
    """What one receipt prints, read from the register in one place."""

    receipt_no: str
    office: str
    donor: str
    donor_note: str  # what the office knows of an anonymous donor: stub only
    form: str
    channel: str
    amount: Decimal
    items: list[tuple[str, str, str, str]]  # name, quantity, unit, estimated value
    purpose: str
    recipient: str
    notes: str
    donated_on: date
    handler: str
    voided: bool
    void_reason: str
    voided_on: date | None
    reprint_no: int  # 0 for the original, N for the N-th reprint
    printed_on: date


LABEL = "heading"  # 黑体 for the printed labels of the form
VALUE = "body"  # 仿宋 for what the clerk filled in


class _ReceiptPainter:
    def __init__(self, canvas: Canvas, kit: TextKit) -> None:
        self.c = canvas
        self.kit = kit

    def red(self) -> None:
        self.c.setFillColorCMYK(*RED_CMYK)
        self.c.setStrokeColorCMYK(*RED_CMYK)

    def black(self) -> None:
        self.c.setFillGray(0)
        self.c.setStrokeGray(0)

    def cell(self, text: str, role: str, size: float, x: float, top: float, w: float, h: float,
             align: str = "left") -> None:
        """Text inside a box, wrapped and centred vertically; shrunk a little if it would not fit."""
        pad = 2 * mm
        while True:
            lines = self.kit.wrap(text, role, size, w - 2 * pad)
            leading = size * 1.3
            if len(lines) * leading <= h - 2 or size <= 7:
                break
            size -= 0.5
        block = len(lines) * leading
        y = top - (h - block) / 2 - leading + (leading - size) / 2 + size * 0.12
        for line in lines:
            if align == "center":
                self.kit.draw(self.c, line, role, size, x + w / 2, y, "center")
            elif align == "right":
                self.kit.draw(self.c, line, role, size, x + w - pad, y, "right")
            else:
                self.kit.draw(self.c, line, role, size, x + pad, y)
            y -= leading

    def copy(self, facts: ReceiptFacts, which: ReceiptCopy, x0: float, y0: float, width: float, height: float,
             item_rows: int) -> None:
        """One copy of the receipt in the box (x0, y0) – (x0 + width, y0 + height), bottom-left origin."""
        c, kit = self.c, self.kit
        g = SLIP_GEOMETRY if height < 120 * mm else A4_GEOMETRY
        left = x0 + 14 * mm
        right = x0 + width - 16 * mm  # the copy label runs down the right margin
        inner = right - left
        items = facts.items
        shown = items if len(items) <= item_rows else items[: item_rows - 1]
        item_lines = (1 + len(shown) + (len(shown) < len(items))) if items else 0
        grid_h = 4 * g.row_h + item_lines * g.item_h
        head_h = g.title + 4 + g.meta_gap + 3 * mm
        foot_h = g.sign_gap + (g.thanks_gap + 10 if which.for_donor else 0)
        top = y0 + height - max(g.margin, (height - head_h - grid_h - foot_h) / 2)

        # Copy label, one character under another in the right margin, as receipt books print it.
        label_x = right + 6 * mm
        y = top - 4 * mm
        for ch in which.label:
            if ch == " ":
                y -= 2.5 * mm
                continue
            kit.draw(c, VERTICAL.get(ch, ch), LABEL, 8.5, label_x, y, "center")
            y -= 10

        # Title with a double rule under it; the number in red on the right.
        title = "捐　赠　收　据"
        centre = left + inner / 2
        kit.draw(c, title, "title", g.title, centre, top - g.title, "center")
        half_rule = kit.width(title, "title", g.title) / 2 + 6
        rule_y = top - g.title - 4
        c.setLineWidth(1.2)
        c.line(centre - half_rule, rule_y, centre + half_rule, rule_y)
        c.setLineWidth(0.5)
        c.line(centre - half_rule, rule_y - 2.2, centre + half_rule, rule_y - 2.2)
        self.red()
        kit.draw(c, f"No. {facts.receipt_no}", VALUE, 12, right, top - g.title + 2, "right")
        self.black()
        if facts.reprint_no:
            self.reprint_stamp(facts, left, top + 1, g.stamp)

        # Under the title: who issues it, and the date.
        meta_y = rule_y - g.meta_gap
        kit.draw(c, f"开具单位：{facts.office}", VALUE, 10.5, left, meta_y)
        kit.draw(c, f"日期：{chinese_date(facts.donated_on)}", VALUE, 10.5, right, meta_y, "right")

        # The form grid.
        row_h, item_h = g.row_h, g.item_h
        lab_w, lab2_w, val2_w = 28 * mm, 22 * mm, 44 * mm
        val_w = inner - lab_w - lab2_w - val2_w
        grid_top = meta_y - 3 * mm
        y = grid_top
        rules: list[float] = []

        def label_row(a: str, av: str, b: str, bv: str, size: float) -> None:
            nonlocal y
            self.cell(a, LABEL, 10.5, left, y, lab_w, row_h, "center")
            self.cell(av, VALUE, size, left + lab_w, y, val_w, row_h)
            self.cell(b, LABEL, 10.5, left + lab_w + val_w, y, lab2_w, row_h, "center")
            self.cell(bv, VALUE, size, left + lab_w + val_w + lab2_w, y, val2_w, row_h)
            y -= row_h
            rules.append(y)

        donor = facts.donor
        if facts.donor_note and not which.for_donor:
            donor = f"{donor}（{facts.donor_note}）"
        how = facts.form + (f"（{facts.channel}）" if facts.channel else "")
        label_row("捐 赠 人", donor, "捐赠方式", how, g.value)
        label_row("估值（大写）" if items else "金额（大写）", capital_amount(facts.amount, currency=True),
                  "小　　写", figure_amount(facts.amount, symbol=YUAN), g.amount)
        two_columns_until = y
        item_box: tuple[float, float, list[float]] | None = None
        if items:
            item_top = y
            xs = [left]
            for share in (0.46, 0.18, 0.12, 0.24):
                xs.append(xs[-1] + inner * share)
            aligns = ("left", "right", "center", "right")
            for k, head in enumerate(("物资名称", "数量", "单位", "估值（元）")):
                self.cell(head, LABEL, 10, xs[k], y, xs[k + 1] - xs[k], item_h, "center")
            y -= item_h
            rules.append(y)
            for item in shown:
                for k, value in enumerate(item):
                    self.cell(value, VALUE, 11, xs[k], y, xs[k + 1] - xs[k], item_h, aligns[k])
                y -= item_h
                rules.append(y)
            item_box = (item_top, y, xs[1:-1])
            if len(shown) < len(items):
                rest = len(items) - len(shown)
                self.cell(f"以上共 {len(items)} 项，其余 {rest} 项详见所附《捐赠物资清单》", VALUE, 10.5,
                          left, y, inner, item_h)
                y -= item_h
                rules.append(y)
        purpose = facts.purpose + (f"（受赠：{facts.recipient}）" if facts.recipient else "")
        one_column_from = y
        self.cell("捐赠用途", LABEL, 10.5, left, y, lab_w, row_h, "center")
        self.cell(purpose, VALUE, g.value, left + lab_w, y, inner - lab_w, row_h)
        y -= row_h
        rules.append(y)
        notes = facts.notes
        if facts.voided:
            when = f"（{chinese_date(facts.voided_on)}）" if facts.voided_on else ""
            notes = f"本收据已作废。作废原因：{facts.void_reason}{when}"
        self.cell("备　　注", LABEL, 10.5, left, y, lab_w, row_h, "center")
        if facts.voided:
            self.red()
        self.cell(notes, VALUE, g.value - 1, left + lab_w, y, inner - lab_w, row_h)
        self.black()
        y -= row_h

        # Rules of the grid: a heavier frame, light inner rules.
        c.setLineWidth(0.5)
        for ry in rules:
            c.line(left, ry, right, ry)
        for vx in (left + lab_w, left + lab_w + val_w, left + lab_w + val_w + lab2_w):
            c.line(vx, grid_top, vx, two_columns_until)
        if item_box is not None:
            for vx in item_box[2]:
                c.line(vx, item_box[0], vx, item_box[1])
        c.line(left + lab_w, one_column_from, left + lab_w, y)
        c.setLineWidth(1.2)
        c.rect(left, y, inner, grid_top - y, stroke=1, fill=0)

        # Signatures, and a word of thanks on the donor's copy.
        sign_y = y - g.sign_gap
        kit.draw(c, "收款单位（盖章）：", VALUE, 10.5, left, sign_y)
        kit.draw(c, f"经办人：{facts.handler}", VALUE, 10.5, left + inner * 0.5, sign_y)
        if which.for_donor:
            kit.draw(c, THANKS, "subheading", 10.5, centre, sign_y - g.thanks_gap, "center")
        else:
            kit.draw(c, "捐赠人签收：", VALUE, 10.5, left + inner * 0.76, sign_y)

        if facts.voided:
            self.void_stamp(x0, y0, width, height)

    def reprint_stamp(self, facts: ReceiptFacts, left: float, top: float, size: float) -> None:
        c, kit = self.c, self.kit
        self.red()
        w, h = size * 2 + 10, size + 8
        c.setLineWidth(1.4)
        c.rect(left, top - h, w, h, stroke=1, fill=0)
        kit.draw(c, "补打", LABEL, size, left + w / 2, top - h + 5, "center")
        kit.draw(c, f"第{facts.reprint_no}次补打 {chinese_date(facts.printed_on)}", VALUE, 7.5, left, top - h - 9)
        self.black()

    def void_stamp(self, x0: float, y0: float, width: float, height: float) -> None:
        """作废 across the copy: large, red, turned, with a frame like a rubber stamp."""
        c, kit = self.c, self.kit
        c.saveState()
        c.translate(x0 + width / 2, y0 + height / 2)
        c.rotate(24)
        c.setFillAlpha(0.55)
        c.setStrokeAlpha(0.55)
        self.red()
        size = min(height * 0.42, 72.0)
        text = "作　废"
        tw = kit.width(text, LABEL, size)
        c.setLineWidth(3)
        c.roundRect(-tw / 2 - 12, -size * 0.42, tw + 24, size * 1.12, 8, stroke=1, fill=0)
        kit.draw(c, text, LABEL, size, 0, -size * 0.25 + 4, "center")
        c.restoreState()


ITEMS_PER_PAGE = 28


def _items_pages(c: Canvas, kit: TextKit, facts: ReceiptFacts) -> None:
    """A4 pages listing every item, for in-kind donations with more items than the receipt has rows; the
    header row is repeated on each page and the total closes the last."""
    width, height = A4
    left, right = 25 * mm, width - 25 * mm
    shares = (0.08, 0.44, 0.16, 0.12, 0.20)
    xs = [left]
    for share in shares:
        xs.append(xs[-1] + (right - left) * share)
    row_h = 8 * mm
    painter = _ReceiptPainter(c, kit)
    heads = ("序号", "物资名称", "数量", "单位", "估值（元）")
    aligns = ("center", "left", "right", "center", "right")
    body = [(str(n), *item) for n, item in enumerate(facts.items, start=1)]
    body.append(("", "合计", "", "", plain_amount(facts.amount)))
    chunks = [body[i : i + ITEMS_PER_PAGE] for i in range(0, len(body), ITEMS_PER_PAGE)]
    for number, chunk in enumerate(chunks, start=1):
        c.setPageSize(A4)
        y = height - 30 * mm
        title = "捐赠物资清单" + ("" if number == 1 else "（续）")
        kit.draw(c, title, "title", 20, width / 2, y, "center")
        y -= 12 * mm
        kit.draw(c, f"收据编号：{facts.receipt_no}", VALUE, 11, left, y)
        kit.draw(c, f"捐赠人：{facts.donor}", VALUE, 11, left + 70 * mm, y)
        kit.draw(c, f"日期：{chinese_date(facts.donated_on)}", VALUE, 11, right, y, "right")
        y -= 5 * mm
        top = y
        for k, row in enumerate([heads, *chunk]):
            total = number == len(chunks) and k == len(chunk)
            role = LABEL if k == 0 or total else VALUE
            for j, value in enumerate(row):
                painter.cell(value, role, 11, xs[j], y, xs[j + 1] - xs[j], row_h, "center" if k == 0 else aligns[j])
            y -= row_h
            c.setLineWidth(0.5)
            c.line(left, y, right, y)
        for vx in xs[1:-1]:
            c.line(vx, top, vx, y)
        c.setLineWidth(1.2)
        c.rect(left, y, right - left, top - y, stroke=1, fill=0)
        if len(chunks) > 1:
            kit.draw(c, f"第 {number} 页 共 {len(chunks)} 页", VALUE, 9, width / 2, 12 * mm, "center")
        c.showPage()


def draw_receipt(c: Canvas, kit: TextKit, facts: ReceiptFacts, paper: str) -> None:
    painter = _ReceiptPainter(c, kit)
    if paper == "slip":
        rows = SLIP_GEOMETRY.items
        for which in (STUB, DONOR_COPY):
            c.setPageSize(SLIP)
            painter.copy(facts, which, 0, 0, SLIP[0], SLIP[1], rows)
            c.showPage()
    else:
        rows = A4_GEOMETRY.items
        c.setPageSize(A4)
        half = A4[1] / 2
        painter.copy(facts, STUB, 0, half, A4[0], half, rows)
        painter.copy(facts, DONOR_COPY, 0, 0, A4[0], half, rows)
        # the cut line between the copies
        c.setDash(4, 3)
        c.setLineWidth(0.5)
        c.setStrokeGray(0.45)
        c.line(8 * mm, half, A4[0] - 8 * mm, half)
        c.setDash()
        c.setFillGray(0.45)
        kit.draw(c, "沿虚线剪开", VALUE, 7.5, A4[0] - 10 * mm, half + 2, "right")
        c.setFillGray(0)
        c.setStrokeGray(0)
        c.showPage()
    if len(facts.items) > rows:
        _items_pages(c, kit, facts)
