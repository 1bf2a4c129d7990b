"""Every figure of the official-document page (GB/T 9704-2012), in one place.

Lengths are in points (1 pt = 0.3528 mm) measured from the TOP-LEFT corner of the paper, the way the
standard speaks of them; the engine converts to reportlab's bottom-up coordinates. ``(std)`` marks a figure
of the standard, ``(derived)`` one that follows from it, ``(practice)`` what WPS/Word templates do where the
standard leaves a choice.
"""

from __future__ import annotations

from reportlab.lib.units import mm

# Paper and type area (版心).
PAGE_WIDTH = 210 * mm  # A4 (std)
PAGE_HEIGHT = 297 * mm
TOP_MARGIN = 37 * mm  # 天头 (std)
LEFT_MARGIN = 28 * mm  # 订口 (std)
TYPE_WIDTH = 156 * mm  # 版心 (std)
TYPE_HEIGHT = 225 * mm
TYPE_BOTTOM = TOP_MARGIN + TYPE_HEIGHT  # 262 mm from the top, so the bottom margin is 35 mm (derived)
TYPE_RIGHT = LEFT_MARGIN + TYPE_WIDTH  # right margin 26 mm (derived)

# Sizes of 号 in points.
SIZE_2 = 22.0  # 2号: title
SIZE_3 = 16.0  # 3号: body
SIZE_4 = 14.0  # 4号: page number, 版记

# Body grid: 22 lines × 28 characters fill the type area (std). The first line's glyph tops touch the
# type-area top and the 22nd line's glyph bottoms touch its bottom, so 21 pitches + one glyph = 225 mm.
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
BODY_SIZE = SIZE_3
LINE_PITCH = (TYPE_HEIGHT - BODY_SIZE) / (LINES_PER_PAGE - 1)  # 29.61 pt (derived)
CHAR_ADVANCE = TYPE_WIDTH / CHARS_PER_LINE  # 15.79 pt: 28 characters exactly fill 156 mm (derived)
CHAR_SPACE = CHAR_ADVANCE - BODY_SIZE  # -0.21 pt between body characters, as the WPS 字符网格 does
INDENT_CHARS = 2  # paragraphs start two characters in (std)

# Where the glyph box sits in a line: CJK fonts put the ideographic em box from -0.12 to +0.88 em around
# the baseline, so the baseline is 0.88 em below the top of the line.
EM_ASCENT = 0.88

# Red ink (std).
RED_CMYK = (0.0, 0.8, 0.8, 0.0)

# 发文机关标志 (red-header format): top of the glyphs 35 mm below the type-area top (std), red, 小标宋,
# width fitted into the type area (std leaves the size open; practice: about 15 mm high, narrowed to fit).
MARK_TOP = TOP_MARGIN + 35 * mm
MARK_SIZE = 15 * mm
MARK_MIN_SCALE = 50.0  # never narrower than half (per cent horizontal scale)
NUMBER_BLANK_LINES = 2  # 发文字号 two blank lines below the 标志 (std)
RULE_GAP = 4 * mm  # red separator 4 mm below the 发文字号 (std)
RULE_WIDTH = TYPE_WIDTH  # 156 mm (std)
RULE_THICKNESS = 0.5 * mm  # (practice; std leaves it open)

# Title (标题) and what follows it, in grid lines.
TITLE_SIZE = SIZE_2
TITLE_BLANK_LINES = 2  # two blank lines below the red separator (std)
TITLE_MAX_CHARS = 20  # a title line is at most the width of the type area at 2号
ADDRESSEE_BLANK_LINES = 1  # 主送机关 one blank line below the title (std)

# 附件说明 and signature.
ATTACHMENT_NOTE_BLANK_LINES = 1  # one blank line below the body (std)
SEAL_DATE_RIGHT_CHARS = 4  # with a seal: date four characters in from the right (std)
SEAL_BLANK_LINES = 2  # the seal (about 42 mm) starts within a line of the body and presses on 署名 and date
SIGNATURE_BLANK_LINES = 1  # without a seal: 署名 one blank line below the body (std)
SIGNATURE_RIGHT_CHARS = 2  # without a seal: 署名 two characters in from the right (std)
DATE_SHIFT_CHARS = 2  # without a seal: the date starts two characters right of the 署名's start (std)

# Attachment pages: "附件" + number on line 1, title centred on line 3 (std).
ATTACHMENT_LABEL_LINE = 0
ATTACHMENT_TITLE_LINE = 2

# 版记: rules on the type-area bottom of the last page, 156 mm long (std).
IMPRINT_SIZE = SIZE_4
IMPRINT_ROW = LINE_PITCH  # one row per line of 抄送 or 印发 (practice)
IMPRINT_INSET = SIZE_4  # one character in from the left / right (std)
IMPRINT_RULE_OUTER = 0.35 * mm  # first and last rules (std)
IMPRINT_RULE_INNER = 0.25 * mm  # rules between the rows (std)

# Page numbers: 4号, "— N —", 7 mm below the type area, odd pages one character in from the right, even pages
# one character in from the left (std).
PAGE_NUMBER_SIZE = SIZE_4
PAGE_NUMBER_TOP = TYPE_BOTTOM + 7 * mm
PAGE_NUMBER_INSET = SIZE_4

# Letter format (信函格式): 标志 top 30 mm from the paper top; red double lines 4 mm below the 标志 and 20 mm
# above the bottom edge, 170 mm long (std); thick line outside, thin inside (std); no page number on page 1.
LETTER_MARK_TOP = 30 * mm
LETTER_MARK_SIZE = 12 * mm
LETTER_RULE_GAP = 4 * mm
LETTER_BOTTOM_RULE = PAGE_HEIGHT - 20 * mm
LETTER_RULE_WIDTH = 170 * mm
LETTER_RULE_THICK = 1.0 * mm
LETTER_RULE_THIN = 0.35 * mm
LETTER_RULE_SPACING = 0.7 * mm  # between the thick and the thin line


def grid_top(line: int) -> float:
    """Top of the glyphs of body grid line ``line`` (0 = first line of the type area)."""
    return TOP_MARGIN + line * LINE_PITCH


def baseline(line: int, size: float = BODY_SIZE) -> float:
    """Baseline, from the paper top, of text of ``size`` centred on grid line ``line``."""
    return grid_top(line) + BODY_SIZE / 2 + (EM_ASCENT - 0.5) * size


def first_line_below(y: float) -> int:
    """The first grid line whose glyph top is at or below ``y`` (from the paper top)."""
    line = 0
    while grid_top(line) < y - 0.01:
        line += 1
    return line
