"""Text on the printed forms and reports: measuring, wrapping and drawing it in a role's font, taking each
character the font lacks from a fallback font, and the small formats every form shares (dates, codes).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from rfdesk.documents.fonts import FontSet, font_set
from rfdesk.documents.linebreak import NO_LINE_END, NO_LINE_START

__all__ = ["NO_LINE_END", "NO_LINE_START", "YUAN", "PageText", "TextKit", "chinese_date", "code_label",
           "iso_day"]

# Every GBK font has the full-width yuan sign; the Latin-1 ¥ is missing from many Chinese fonts.
YUAN = "￥"


def chinese_date(d: date) -> str:
    """2020年1月28日: Arabic numerals without zero padding, as official papers write dates."""
    return f"{d.year}年{d.month}月{d.day}日"


class TextKit:
    """Measures and draws text in a role's font, taking each missing character from a fallback font."""

    def __init__(self, fonts: FontSet | None = None) -> None:
        self.fonts = fonts or font_set()
        self._widths: dict[tuple[str, str], float] = {}  # (role, ch) → width at 1 pt
        self._plain: dict[str, dict[int, int]] = {}  # role → cmap of its own font
        self._ascii: dict[str, bool] = {}  # role → its font has every printable ASCII character
        self._shown: dict[tuple[str, str], list[tuple[str, str]]] = {}  # see shown()
        self._shown_for: Any = None  # the document the subset codes in _shown belong to

    def _cmap(self, role: str) -> dict[int, int]:
        cmap = self._plain.get(role)
        if cmap is None:
            cmap = pdfmetrics.getFont(self.fonts.name(role)).face.charToGlyph  # type: ignore[attr-defined]
            self._plain[role] = cmap
        return cmap

    def char_width(self, role: str, ch: str) -> float:
        key = (role, ch)
        w = self._widths.get(key)
        if w is None:
            w = pdfmetrics.stringWidth(ch, self.fonts.font_for(role, ch), 1000) / 1000
            self._widths[key] = w
        return w

    def width(self, text: str, role: str, size: float) -> float:
        widths = self._widths
        total = 0.0
        for ch in text:
            w = widths.get((role, ch))
            if w is None:
                w = self.char_width(role, ch)
            total += w
        return total * size

    def plain(self, text: str, role: str) -> bool:
        """True if the role's own font draws every character (the common, fast case)."""
        if text.isascii() and self._ascii_plain(role):
            return True
        cmap = self._cmap(role)
        narrow = self.fonts.narrow(role)
        return all(ord(ch) in cmap and ord(ch) not in narrow for ch in text)

    def _ascii_plain(self, role: str) -> bool:
        known = self._ascii.get(role)
        if known is None:
            cmap = self._cmap(role)
            known = all(cp in cmap for cp in range(0x20, 0x7F))
            self._ascii[role] = known
        return known

    def wrap(self, text: str, role: str, size: float, width: float) -> list[str]:
        """Lines of ``text`` no wider than ``width``; Latin words and numbers are kept whole where they fit,
        and no line starts with closing punctuation or ends with an opening one."""
        lines: list[str] = []
        for paragraph in (text or "").split("\n"):
            lines.extend(self._wrap_paragraph(paragraph, role, size, width))
        return lines or [""]

    def _wrap_paragraph(self, text: str, role: str, size: float, width: float) -> list[str]:
        if self.width(text, role, size) <= width:
            return [text]
        limit = width / size
        lines: list[str] = []
        start = 0
        used = 0.0
        i = 0
        n = len(text)
        while i < n:
            w = self.char_width(role, text[i])
            if used + w <= limit or i == start:
                used += w
                i += 1
                continue
            brk = i
            # a Latin word or a number is not split if it can move to the next line whole
            if text[brk].isascii() and text[brk].isalnum():
                j = brk
                while j > start and text[j - 1].isascii() and text[j - 1].isalnum():
                    j -= 1
                if j > start:
                    brk = j
            # closing punctuation stays with the character before it; opening punctuation moves down
            while brk < n and text[brk] in NO_LINE_START and brk - 1 > start:
                brk -= 1
            while brk - 1 > start and text[brk - 1] in NO_LINE_END:
                brk -= 1
            lines.append(text[start:brk].rstrip())
            while brk < n and text[brk] == " ":
                brk += 1
            start = i = brk
            used = 0.0
        if start < n:
            lines.append(text[start:])
        return lines

    def draw(
        self, canvas: Canvas, text: str, role: str, size: float, x: float, y: float, align: str = "left"
    ) -> None:
        """Draw one line; ``x`` is the left edge, the centre or the right edge as ``align`` says."""
        if align != "left":
            w = self.width(text, role, size)
            x -= w if align == "right" else w / 2
        if self.plain(text, role):
            canvas.setFont(self.fonts.name(role), size)
            canvas.drawString(x, y, text)
            return
        for font, piece in self.fonts.runs(text, role):
            canvas.setFont(font, size)
            canvas.drawString(x, y, piece)
            x += pdfmetrics.stringWidth(piece, font, size)

    def shown(self, text: str, role: str, doc: Any) -> list[tuple[str, str]]:
        """The PDF operators that show ``text`` in ``role``'s font (a missing character from its fallback):
        (font resource, ``(…) Tj``) pairs, one per font subset the characters fall in.

        A report of a hundred thousand rows repeats its dates, units, forms and handlers all the way down,
        so the pairs are remembered per document (the subset codes are the document's); the memory is
        emptied now and then, so that the unique texts (receipt numbers, amounts) do not pile up.
        """
        if doc is not self._shown_for:
            self._shown, self._shown_for = {}, doc
        key = (role, text)
        pairs = self._shown.get(key)
        if pairs is None:
            runs = [(self.fonts.name(role), text)] if self.plain(text, role) else self.fonts.runs(text, role)
            pairs = []
            for name, piece in runs:
                font: Any = pdfmetrics.getFont(name)
                for subset, chunk in font.splitString(piece, doc):
                    pairs.append((font.getSubsetInternalName(subset, doc), f"({escapePDF(chunk)}) Tj"))
            if len(self._shown) >= 50_000:
                self._shown.clear()
            self._shown[key] = pairs
        return pairs


class PageText:
    """The text lines of one page, written as a single PDF text object, each line placed by its own origin.

    A ledger page holds hundreds of cells; going through reportlab's text object costs each of them the
    splitting of the text into font subsets and the escaping again. Here the operators of a text are made
    once per document (:meth:`TextKit.shown`) and each line costs its position and a font change when
    the font differs from the line before. Fonts go by reportlab's subset protocol for TrueType fonts
    (``splitString`` and ``getSubsetInternalName``), so the PDF embeds and maps them as it does any text.
    """

    def __init__(self, kit: TextKit, canvas: Canvas) -> None:
        self.kit = kit
        self.canvas = canvas
        self.doc = canvas._doc  # the document whose font subsets the codes belong to
        self.ops: list[str] = []
        self.font = ""  # the font resource and size in force ("/F1+0 10 Tf")

    def line(self, text: str, role: str, size: float, x: float, y: float) -> None:
        """One line of ``text`` with its left end at (x, y) on the baseline."""
        ops = self.ops
        ops.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        for resource, operator in self.kit.shown(text, role, self.doc):
            font = f"{resource} {fp_str(size)} Tf"
            if font != self.font:
                ops.append(font)
                self.font = font
            ops.append(operator)

    def draw(self) -> None:
        """Put the page's text on the canvas (black, as every report's text is)."""
        if self.ops:
            self.canvas.addLiteral(" ".join(["BT", *self.ops, "ET"]))
        self.ops, self.font = [], ""


def code_label(enum: Any, code: str | None) -> str:
    """The Chinese label of a coded value (bank → 银行转账); an unknown code is printed as it is."""
    if not code:
        return ""
    try:
        return str(enum(code).zh)
    except ValueError:
        return code


def iso_day(d: date | None) -> str:
    """2020-01-28, the compact date of a table cell."""
    return d.isoformat() if d else ""
