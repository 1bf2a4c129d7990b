"""The printed 公文 measured on the paper: GB/T 9704 positions, sizes, fonts, text and line breaking."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date

import pdfplumber
import pytest
from pypdf import PdfReader

from rfdesk.documents import fonts
from rfdesk.documents import layout as L
from rfdesk.documents.linebreak import NO_LINE_END, NO_LINE_START, break_lines, tokens, violations
from rfdesk.documents.official import AttachmentPage, OfficialDocument, chinese_date, render

MM = 72 / 25.4
TOL = 1.0  # mm, the tolerance of the standard


def mm(points: float) -> float:
    return points / MM


BODY = """为深入贯彻落实党中央、国务院关于人民防空工作的决策部署，进一步做好新时代人民防空工作，经研究，现就有关事项通知如下。
一、提高思想认识
各级人民防空主管部门要充分认识做好人民防空工作的重要意义，切实增强责任感和紧迫感，把各项工作落到实处，确保各项任务按时保质完成。
（一）加强组织领导。各单位要成立工作专班，明确责任分工，主要负责同志要亲自抓、负总责（具体要求另行通知）。
（二）强化督促检查
1.定期开展检查。每季度至少组织一次全面检查，发现问题及时整改，确保人防工程完好率达到95%以上。
（1）检查结果要及时上报，不得迟报、漏报、瞒报。
二、抓好工作落实
各地要结合实际，制定具体实施方案，于2020年3月31日前报送省人民防空办公室。
"""
# Paragraphs built so that a natural break would put punctuation at the start or an opening quote at the
# end of a line: a 26-character first line (28 minus the indent) followed by punctuation, and so on.
HAN = "人民防空工程建设维护管理检查督导落实责任到人确保安全有序推进各项工作"
TRAPS = "\n".join(
    [HAN[:26] + "。" + HAN[:20] + "，" + HAN[:8] + "。",
     HAN[:25] + "“硬核”" + HAN[:30] + "。",
     HAN[:26] + "……" + HAN[:10] + "！",
     HAN[:26] + "”" + HAN[:5] + "。",
     HAN[:25] + "《" + HAN[:4] + "》" + HAN[:20] + "。",
     HAN[:24] + "（" + HAN[:4] + "）" + HAN[:28] + "、" + HAN[:10] + "；" + HAN[:9] + "：" + HAN[:3] + "？"]
)
LONG_BODY = BODY + TRAPS + "\n" + BODY + TRAPS + "\n" + BODY


def sample(**changes) -> OfficialDocument:
    doc = OfficialDocument(
        title="河南省人民防空办公室关于进一步加强新时代人民防空工程建设和维护管理工作的通知",
        body=LONG_BODY,
        issuer_mark="河南省人民防空办公室文件",
        number="豫人防〔2020〕12号",
        addressees="各省辖市人民防空办公室，省直有关单位",
        attachments=[AttachmentPage("人防工程检查情况统计表", "序号\t姓名\t单位及职务\n1\t张　三\t郑州市人民防空办公室主任"),
                     AttachmentPage("联系人名单", "张三　0371-12345678")],
        signatory="河南省人民防空办公室",
        doc_date=date(2020, 3, 5),
        with_seal=True,
        cc="省委办公厅，省政府办公厅",
        printed_by="河南省人民防空办公室办公室",
        printed_on=date(2020, 3, 6),
    )
    for k, val in changes.items():
        setattr(doc, k, val)
    return doc


@pytest.fixture(scope="module")
def bundled():
    """Always the bundled fonts, so font names are the same on every machine."""
    return fonts.font_set({role: str(fonts.bundled_font(role).path) for role in fonts.ROLES})


@pytest.fixture(scope="module")
def circular_pdf(bundled):
    return render(sample(), bundled)


@pytest.fixture
def pages(circular_pdf):
    with pdfplumber.open(io.BytesIO(circular_pdf)) as pdf:
        yield pdf.pages


def text_lines(page, size=L.BODY_SIZE):
    """(top, text, chars) of each printed line of characters of ``size``, top to bottom."""
    rows: dict[float, list] = {}
    for c in page.chars:
        if abs(c["size"] - size) < 0.01:
            rows.setdefault(round(c["top"], 1), []).append(c)
    return [(top, "".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"])), sorted(cs, key=lambda c: c["x0"]))
            for top, cs in sorted(rows.items())]


def red(obj) -> bool:
    color = obj.get("stroking_color") if obj.get("object_type") in ("line", "rect") else obj.get("non_stroking_color")
    return tuple(round(x, 2) for x in (color or ())) == L.RED_CMYK


# --- the page and the body grid ------------------------------------------------------------------------


def test_every_page_is_a4(pages):
    assert len(pages) >= 4
    for page in pages:
        assert abs(mm(page.width) - 210) < 0.5 and abs(mm(page.height) - 297) < 0.5


def test_a_full_page_of_body_has_22_lines_from_the_type_area_top_at_16_pt(pages):
    page = pages[1]
    lines = text_lines(page)
    assert len(lines) == 22
    assert abs(mm(lines[0][0]) - 37) <= TOL
    bottoms = max(c["bottom"] for c in page.chars if c["size"] == L.BODY_SIZE)
    assert abs(mm(bottoms) - 262) <= TOL  # the 22nd line ends on the type-area bottom
    pitches = [b[0] - a[0] for a, b in zip(lines, lines[1:], strict=False)]
    assert all(abs(p - L.LINE_PITCH) < 0.1 for p in pitches)
    assert abs(L.LINE_PITCH - 29.61) < 0.01
    body_chars = [c for c in page.chars if c["top"] < 262 * MM]
    assert {round(c["size"], 2) for c in body_chars} == {16.0}


def test_body_lines_start_at_28_mm_and_full_lines_hold_28_characters_ending_at_the_right_edge(pages):
    lines = text_lines(pages[1])
    lefts = sorted({round(mm(chars[0]["x0"]), 1) for _, _, chars in lines})
    assert abs(lefts[0] - 28) <= TOL
    assert abs(lefts[-1] - (28 + 2 * 156 / 28)) <= TOL  # paragraphs indented two characters
    full = [t for _, t, chars in lines if abs(mm(chars[0]["x0"]) - 28) < 0.5 and re.fullmatch(r"[\u4e00-\u9fff，。、]{28}", t)]
    assert full, "a page of Chinese text has lines of exactly 28 characters"
    for _, text, chars in lines:
        if len(text) == 28:
            assert abs(mm(chars[-1]["x1"]) - 184) <= TOL


def test_the_first_page_shows_body_text(pages):
    text = "".join(t for _, t, _ in text_lines(pages[0]))
    assert "为深入贯彻落实党中央" in text


# --- the head of page 1 ---------------------------------------------------------------------------------


def test_issuer_mark_is_red_centred_35_mm_below_the_type_area_top_and_fits(pages):
    page = pages[0]
    mark = [c for c in page.chars if c["size"] > 30]
    assert "".join(c["text"] for c in mark) == "河南省人民防空办公室文件"
    assert all(red(c) for c in mark)
    assert abs(mm(min(c["top"] for c in mark)) - 72) <= TOL
    left, right = mm(min(c["x0"] for c in mark)), mm(max(c["x1"] for c in mark))
    assert left >= 28 - TOL and right <= 184 + TOL
    assert abs((left + right) / 2 - 106) <= TOL  # the middle of the type area


def test_number_two_blank_lines_below_the_mark_then_red_rule_4_mm_below_it(pages):
    page = pages[0]
    mark_bottom = max(c["bottom"] for c in page.chars if c["size"] > 30)
    number = [c for c in page.chars if c["text"] in "豫〔〕" or (c["size"] == 16 and c["top"] < 120 * MM)]
    number = [c for c in page.chars if abs(c["top"] - number[0]["top"]) < 0.5]
    assert "".join(c["text"] for c in number) == "豫人防〔2020〕12号"
    assert not any(red(c) for c in number)
    top = min(c["top"] for c in number)
    gap = mm(top - mark_bottom)
    assert 2 * mm(L.LINE_PITCH) - TOL <= gap <= 2 * mm(L.LINE_PITCH) + TOL
    centre = (min(c["x0"] for c in number) + max(c["x1"] for c in number)) / 2
    assert abs(mm(centre) - 106) <= TOL
    rules = [r for r in page.lines + page.rects if red(r)]
    assert len(rules) == 1
    rule = rules[0]
    assert abs(mm(rule["width"]) - 156) <= TOL and abs(mm(rule["x0"]) - 28) <= TOL
    number_bottom = max(c["bottom"] for c in number)
    assert abs(mm(rule["top"]) - mm(number_bottom) - 4) <= TOL


def test_title_is_22_pt_centred_two_blank_lines_below_the_rule_and_a_trapezoid(pages):
    page = pages[0]
    rule = [r for r in page.lines + page.rects if red(r)][0]
    title = text_lines(page, L.TITLE_SIZE)
    assert "".join(t for _, t, _ in title) == sample().title
    assert len(title) >= 2
    lengths = [len(t) for _, t, _ in title]
    assert lengths == sorted(lengths, reverse=True) and lengths[0] - lengths[-1] <= 2
    for _, _, chars in title:
        centre = (chars[0]["x0"] + chars[-1]["x1"]) / 2
        assert abs(mm(centre) - 106) <= TOL
    gap = mm(title[0][0]) - mm(rule["top"])
    assert 2 * mm(L.LINE_PITCH) - TOL <= gap <= 3 * mm(L.LINE_PITCH) + TOL


@pytest.mark.parametrize("lines", [
    ["关于做好2020年人民防空", "宣传教育工作的通知"],
    ["关于对工程管理处党支部等“硬核”党支部", "和曹裕军等“硬核”共产党员", "予以通报表扬的通报"],
    ["河南省人民防空办公室关于在全省人防", "系统充分发挥党支部战斗堡垒作用和", "党员先锋模范作用创建无疫“硬核”",
     "机关无疫“硬核”社区的通知"],
    ["关于在全省人防系统充分发挥党支部", "战斗堡垒作用和党员先锋模范作用，创建", "无疫“硬核”机关、无疫“硬核”社区、",
     "无疫“硬核”对口帮扶村的措施的通知"],
])
def test_a_long_title_breaks_between_words_into_a_trapezoid(bundled, lines):
    """词意完整、排列对称: 人民防空, “硬核”党支部 and 的通知 are never cut; no line is shorter than both its
    neighbours; each line is centred."""
    pdf = render(sample(title="".join(lines), body="正文。", attachments=[], cc=None, printed_by=None,
                        printed_on=None), bundled)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        printed = text_lines(doc.pages[0], L.TITLE_SIZE)
    assert [t for _, t, _ in printed] == lines
    widths = [chars[-1]["x1"] - chars[0]["x0"] for _, _, chars in printed]
    assert min(widths) >= sum(widths) / len(widths) / 2, "no stub of a line"
    half = L.TITLE_SIZE / 2
    for i in range(1, len(widths) - 1):
        assert widths[i] >= max(widths[:i]) - half or widths[i] >= max(widths[i + 1:]) - half, "no hourglass"
    for _, _, chars in printed:
        assert abs(mm((chars[0]["x0"] + chars[-1]["x1"]) / 2) - 106) <= TOL


def test_addressees_flush_left_after_one_blank_line_ending_with_a_colon(pages):
    page = pages[0]
    title_bottom = max(c["bottom"] for c in page.chars if c["size"] == L.TITLE_SIZE)
    lines = [ln for ln in text_lines(page) if ln[0] > title_bottom]
    top, text, chars = lines[0]
    assert text.startswith("各省辖市人民防空办公室")
    assert abs(mm(chars[0]["x0"]) - 28) <= TOL
    assert 1.5 * L.LINE_PITCH < top - title_bottom + L.BODY_SIZE - (L.LINE_PITCH - L.TITLE_SIZE) < 2.5 * L.LINE_PITCH
    assert "".join(t for _, t, _ in lines[:2]).split("：")[0] + "：" == "各省辖市人民防空办公室，省直有关单位："


# --- text, headings and line breaking ------------------------------------------------------------------


def test_extracted_body_text_equals_the_input(pages):
    printed = "".join(t for page in pages for _, t, _ in text_lines(page))
    for para in LONG_BODY.split("\n"):
        assert para in printed


def test_heading_levels_use_their_fonts(pages):
    lines = [ln for page in pages for ln in text_lines(page)]

    def font_of(prefix):
        chars = next(chars for _, t, chars in lines if t.startswith(prefix))
        return chars[0]["fontname"].split("+")[1]

    assert font_of("一、提高") == "NotoSansSC-Bold"
    assert font_of("（一）加强") == "WenKaiGB2312-Regular"
    assert font_of("1.定期") == "NotoSerifSC-Regular"
    assert font_of("（1）检查") == "NotoSerifSC-Regular"
    # A run-in heading keeps only its first sentence in the heading font.
    chars = next(chars for _, t, chars in lines if t.startswith("（一）加强"))
    assert {c["fontname"].split("+")[1] for c in chars if c["x0"] > chars[10]["x1"]} == {"NotoSerifSC-Regular"}


def test_no_printed_line_starts_with_closing_or_ends_with_opening_punctuation(pages):
    broke_near_traps = 0
    for page in pages:
        for _, text, _ in text_lines(page):
            assert text[0] not in NO_LINE_START, text
            assert text[-1] not in NO_LINE_END, text
            broke_near_traps += text.startswith(HAN[24:26]) or text.startswith(HAN[25])
    assert broke_near_traps, "the traps were set where the 禁则 had to act"


def test_linebreak_moves_a_character_down_with_forbidden_punctuation():
    def measure(s):
        return float(len(s))

    assert break_lines("一二三四，五六", measure, 4) == ["一二三", "四，五六"]
    assert break_lines("一二三四“五六”", measure, 5) == ["一二三四", "“五六”"]
    assert break_lines("一二……三四", measure, 3) == ["一", "二……", "三四"]  # …… never splits nor starts
    assert tokens("于2020年3月") == ["于", "2020", "年", "3", "月"]
    assert break_lines("编号GB97", measure, 5) == ["编号", "GB97"]  # a word that fits a line stays whole
    assert break_lines("编号GB9704", measure, 4) == ["编号GB", "9704"]  # one too long for any line is cut
    assert violations(["一二", "，三"]) == ["，三"]
    # a title keeps a short quoted phrase whole
    assert break_lines("对张三等“硬核”党员", measure, 6, keep_quotes=True) == ["对张三等", "“硬核”党员"]
    assert break_lines("对张三等“硬核”党员", measure, 6) == ["对张三等“硬", "核”党员"]
    for width in range(3, 12):
        lines = break_lines("“硬核”党支部（组织）和“硬核”共产党员（职工），予以通报表扬。", measure, width)
        assert violations(lines) == [], (width, lines)
        assert "".join(lines) == "“硬核”党支部（组织）和“硬核”共产党员（职工），予以通报表扬。"


def test_a_heading_is_never_the_last_line_of_a_page(bundled):
    body = "\n".join(f"{n}、检查落实\n" + "\n".join(["人民防空工作要抓好落实。"] * 4) for n in "一二三四五六七八九十" * 2)
    pdf = render(sample(body=body, attachments=[], cc=None, printed_by=None, printed_on=None), bundled)
    moved = 0
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            lines = text_lines(page)
            assert not lines[-1][1].endswith("、检查落实"), lines[-1][1]
            moved += lines[-1][0] < L.grid_top(L.LINES_PER_PAGE - 1) - 1
    assert moved, "some page ended early to keep a heading with its text"


def test_a_character_missing_from_the_heading_font_still_prints(bundled):
    pdf = render(sample(body="（一）关于张堃同志的情况。正文。", attachments=[]), bundled)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = [c for c in doc.pages[0].chars if c["text"] == "堃"]
    assert len(chars) == 1
    assert chars[0]["fontname"].split("+")[1] == "NotoSerifSC-Regular"


def test_a_rare_name_beyond_the_basic_plane_is_copied_and_found_as_written(bundled):
    """赵孟𫖯 (𫖯: CJK Extension B) prints from the body font, and a clerk who searches the PDF for the name,
    or copies it into a spreadsheet, gets the same characters back, not a stand-in."""
    pdf = render(sample(title="关于表彰赵孟𫖯同志的通报", body="赵孟𫖯、王䶮同志表现突出。", attachments=[]), bundled)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        body = "".join(line for _top, line, _chars in text_lines(doc.pages[0]))
    assert "赵孟𫖯、王䶮同志表现突出。" in body
    assert "赵孟𫖯" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_quotation_marks_take_a_full_cell_even_in_a_heading_whose_font_draws_them_narrow(bundled):
    # The bundled 楷体 stand-in has Western-width quotes; a （一） heading borrows full-width ones.
    assert bundled.narrow("subheading") == {ord(ch) for ch in "“”‘’"}
    pdf = render(sample(body="（一）表扬“硬核”党员。\n正文里的“硬核”党员。", attachments=[]), bundled)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        quotes = [c for c in doc.pages[0].chars if c["text"] in "“”" and c["size"] == L.BODY_SIZE]
    assert len(quotes) == 4
    for c in quotes:
        assert c["x1"] - c["x0"] > 0.9 * L.BODY_SIZE, c["fontname"]


# --- closing parts ---------------------------------------------------------------------------------------


def _line_with(pages, text):
    for index, page in enumerate(pages):
        for top, t, chars in text_lines(page):
            if t == text:
                return index, top, chars
    raise AssertionError(f"{text} not printed")


def test_with_a_seal_the_date_is_four_characters_in_and_the_signature_centred_above_it(pages):
    page, date_top, date_chars = _line_with(pages, "2020年3月5日")
    _, sig_top, sig_chars = _line_with(pages, "河南省人民防空办公室")
    assert abs(mm(date_chars[-1]["x1"]) - (184 - 4 * 156 / 28)) <= TOL
    date_centre = (date_chars[0]["x0"] + date_chars[-1]["x1"]) / 2
    sig_centre = (sig_chars[0]["x0"] + sig_chars[-1]["x1"]) / 2
    assert abs(mm(date_centre - sig_centre)) <= TOL
    assert abs(date_top - sig_top - L.LINE_PITCH) < 0.1
    # the 附件说明 comes one blank line below the body, two characters in, numbered
    _, note_top, note = _line_with(pages, "附件：1. 人防工程检查情况统计表")
    _, _, second = _line_with(pages, "2. 联系人名单")
    assert abs(mm(note[0]["x0"]) - (28 + 2 * 156 / 28)) <= TOL
    assert abs(second[0]["x0"] - note[3]["x0"]) < 1


def test_several_attachments_are_numbered_and_every_name_and_its_wrapped_lines_start_in_one_column(bundled):
    long_name = "河南省人民防空办公室关于进一步加强新时代人民防空工程建设和维护管理工作的联系人名单及联系方式"
    attachments = [AttachmentPage("人防工程检查情况统计表", "表"), AttachmentPage(long_name, "名单"),
                   AttachmentPage("警报试鸣安排", "安排")]
    pdf = render(sample(body="正文。", attachments=attachments), bundled)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        lines = [ln for page in doc.pages for ln in text_lines(page)]
    start = next(i for i, (_, t, _) in enumerate(lines) if t.startswith("附件："))
    third = next(i for i, (_, t, _) in enumerate(lines) if t.startswith("3. "))
    note = lines[start:third + 1]
    assert note[0][1] == "附件：1. 人防工程检查情况统计表"
    assert note[-1][1] == "3. 警报试鸣安排"
    assert "".join(t for _, t, _ in note[1:-1]) == "2. " + long_name
    assert len(note) >= 4, "the long name wraps"
    name_starts = [next(c["x0"] for c in chars if "\u4e00" <= c["text"] <= "\u9fff" and c["x0"] > 150)
                   for _, _, chars in (note[0], note[1], note[-1])]
    name_starts.extend(chars[0]["x0"] for _, _, chars in note[2:-1])  # the wrapped lines of the long name
    assert max(name_starts) - min(name_starts) < 0.5, name_starts
    numbers = [chars[0]["x0"] for _, _, chars in (note[1], note[-1])]
    assert abs(numbers[0] - note[0][2][3]["x0"]) < 0.5 and abs(numbers[1] - numbers[0]) < 0.5


def test_without_a_seal_the_signature_is_two_characters_in_and_the_date_two_characters_right_of_it(bundled):
    pdf = render(sample(with_seal=False, body="特此通知。", attachments=[], cc=None, printed_by=None,
                        printed_on=None), bundled)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        lines = text_lines(doc.pages[0])
    texts = [t for _, t, _ in lines]
    body_at = texts.index("特此通知。")
    assert texts[body_at + 1:] == ["河南省人民防空办公室", "2020年3月5日"]
    (body_top, _, _), (sig_top, _, sig), (date_top, _, dt) = lines[body_at], lines[body_at + 1], lines[body_at + 2]
    assert abs(sig_top - body_top - 2 * L.LINE_PITCH) < 0.1  # one blank line
    assert abs(date_top - sig_top - L.LINE_PITCH) < 0.1  # the date on the next line
    assert abs(mm(sig[-1]["x1"]) - (184 - 2 * 156 / 28)) <= TOL
    assert abs(mm(dt[0]["x0"] - sig[0]["x0"]) - 2 * 156 / 28) <= TOL


def test_dates_are_not_zero_padded():
    assert chinese_date(date(2020, 3, 5)) == "2020年3月5日"
    assert chinese_date(date(2021, 12, 31)) == "2021年12月31日"


def test_a_text_that_just_fits_its_line_stays_whole_and_one_character_more_breaks_by_the_rules():
    def measure(s):
        return float(len(s))

    assert break_lines("一二三四", measure, 4) == ["一二三四"]
    assert break_lines("一二三四", measure, 6, first_width=4) == ["一二三四"]
    assert break_lines("一二三四五", measure, 6, first_width=4) == ["一二三四", "五"]  # a first line is shorter
    assert break_lines("一二三四，", measure, 4) == ["一二三", "四，"]  # the comma takes 四 down with it
    assert break_lines("", measure, 4) == []


def _table_rules(page):
    """Black rules of a page: (x, top, bottom) of the vertical ones and (top, x0, x1) of the horizontal."""
    vertical, horizontal = [], []
    for ln in page.lines:
        if red(ln):
            continue
        if abs(ln["x0"] - ln["x1"]) < 0.01:
            vertical.append((round(ln["x0"], 1), ln["top"], ln["bottom"]))
        elif abs(ln["top"] - ln["bottom"]) < 0.01:
            horizontal.append((ln["top"], ln["x0"], ln["x1"]))
    return vertical, horizontal


def _covered(spans, top, bottom) -> bool:
    """True if the (top, bottom) spans, joined, cover top..bottom without a gap (to a tenth of a point)."""
    reach = top
    for a, b in sorted(spans):
        if a > reach + 0.1:
            return False
        reach = max(reach, b)
    return reach >= bottom - 0.1


def test_a_cell_too_long_for_its_column_wraps_inside_its_row_and_every_row_is_ruled_all_round(bundled):
    long_post = "河南省人民防空办公室指挥通信处副处长兼机关党委委员、第一党支部书记（主持工作）"
    rows = ["序号\t姓名\t单位及职务", *(f"{n}\t张　三\t郑州市人民防空办公室主任" for n in range(1, 41))]
    rows[5] = f"5\t欧阳娜娜\t{long_post}"
    doc = sample(body="正文。", attachments=[AttachmentPage("名单", "\n".join(rows))], cc=None, printed_by=None,
                 printed_on=None)
    columns = [round(L.LEFT_MARGIN + c * L.CHAR_ADVANCE, 1) for c in (0, 3, 9)] + [round(L.TYPE_RIGHT, 1)]
    table_pages, seen_wrapped = 0, False
    with pdfplumber.open(io.BytesIO(render(doc, bundled))) as pdf:
        for page in pdf.pages:
            vertical, horizontal = _table_rules(page)
            if not horizontal:
                continue
            table_pages += 1
            spanning = [top for top, x0, x1 in horizontal if abs(x0 - L.LEFT_MARGIN) < 0.1 and abs(x1 - L.TYPE_RIGHT) < 0.1]
            assert len(spanning) == len(horizontal), "every row rule spans the table"
            rule_tops = sorted({round(top, 1) for top in spanning})
            first, last = rule_tops[0], rule_tops[-1]
            lines = [(top, text) for top, text, _ in text_lines(page) if first < top < last]
            assert lines[0][1] == "序号姓名单位及职务", "the header row opens every page of the table"
            for x in columns:
                assert _covered([(a, b) for vx, a, b in vertical if vx == x], first, last), f"column edge {x}"
            for top, text in lines:
                continued = not (text.startswith("序号") or text[0].isdigit())  # a wrapped cell's later line
                above = [t for t in rule_tops if top - L.LINE_PITCH / 2 < t < top]
                assert len(above) == (0 if continued else 1), f"rules above {text}"
            assert lines[-1][0] < last < lines[-1][0] + L.LINE_PITCH, "a rule under the last row"
            texts = [text for _, text in lines]
            if any(t.startswith("5欧阳娜娜") for t in texts):
                i = next(i for i, t in enumerate(texts) if t.startswith("5欧阳娜娜"))
                parts = [texts[i][len("5欧阳娜娜"):], *texts[i + 1:i + 3]]
                assert "".join(parts) == long_post and texts[i + 3].startswith("6")
                assert not violations(parts)
                seen_wrapped = True
    assert table_pages >= 2 and seen_wrapped


def test_a_heading_between_two_tables_of_the_same_columns_is_not_crossed_by_their_rules(bundled):
    table = ["序号\t姓名\t单位及职务", "1\t张　三\t郑州市人民防空办公室主任", "2\t李　四\t工程管理处处长"]
    text = "\n".join(["一、先进个人（2名）", *table, "二、优秀志愿者（2名）", *table])
    pdf = render(sample(body="正文。", attachments=[AttachmentPage("名单", text)]), bundled)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = next(p for p in doc.pages if "二、优秀志愿者" in p.extract_text())
        top, _, chars = next(line for line in text_lines(page) if line[1].startswith("二、"))
        middle = (top + chars[0]["bottom"]) / 2
        verticals = [ln for ln in page.lines if abs(ln["x0"] - ln["x1"]) < 0.01]
        assert any(ln["bottom"] < middle for ln in verticals) and any(ln["top"] > middle for ln in verticals)
        assert not [ln for ln in verticals if ln["top"] < middle < ln["bottom"]], "no rule runs through the heading"


def test_rare_names_in_a_table_print_from_the_body_font_and_one_no_font_has_is_named_with_its_place(bundled):
    from rfdesk.documents.unprintable import watch_unprintable

    rare = next(ch for ch in ("\U00020BB7", "\U0002EBF0") if bundled.missing(ch))
    rows = ["序号\t姓名\t单位及职务", "1\t刘　䶮\t郑州市人民防空办公室主任", "2\t李　堃\t工程管理处处长",
            f"3\t张{rare}\t指挥通信处科长"]
    with watch_unprintable() as notes:
        pdf = render(sample(body="正文。", attachments=[AttachmentPage("名单", "\n".join(rows))]), bundled)
    assert len(notes) == 1 and f"张{rare}" in notes[0]
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = [c for page in doc.pages for c in page.chars if c["text"] in "䶮堃"]
    assert sorted(c["text"] for c in chars) == ["䶮", "堃"]
    assert all(c["fontname"].split("+")[1] == "NotoSerifSC-Regular" for c in chars)


def test_attachments_start_a_new_page_with_label_on_line_1_and_title_on_line_3(pages):
    for label, title in (("附件1", "人防工程检查情况统计表"), ("附件2", "联系人名单")):
        page = next(p for p in pages if any(t == label for _, t, _ in text_lines(p)))
        lines = text_lines(page)
        assert lines[0][1] == label
        assert abs(mm(lines[0][0]) - 37) <= TOL
        assert lines[0][2][0]["fontname"].endswith("NotoSansSC-Bold")
        head = text_lines(page, L.TITLE_SIZE)
        assert head[0][1] == title
        centre_of_line_3 = L.grid_top(2) + L.BODY_SIZE / 2
        assert abs(mm((head[0][0] + head[0][2][0]["bottom"]) / 2 - centre_of_line_3)) <= TOL
    table_page = next(p for p in pages if any(t == "附件1" for _, t, _ in text_lines(p)))
    assert any("序号姓名单位及职务" == t for _, t, _ in text_lines(table_page))


def test_imprint_on_the_last_page_with_its_rules_on_the_type_area_bottom(pages):
    assert len(pages) % 2 == 0, "the 版记 is on the back of the last sheet"
    last = pages[-1]
    imprint = text_lines(last, L.IMPRINT_SIZE)
    texts = [t for _, t, _ in imprint if not t.startswith("—")]
    assert texts[0] == "抄送：省委办公厅，省政府办公厅。"
    assert texts[1].startswith("河南省人民防空办公室办公室") and texts[1].endswith("2020年3月6日印发")
    cc_chars = imprint[0][2]
    assert abs(mm(cc_chars[0]["x0"]) - (28 + mm(L.SIZE_4))) <= TOL
    printed = [c for _, t, cs in imprint if t.endswith("印发") for c in cs]
    assert abs(mm(printed[-1]["x1"]) - (184 - mm(L.SIZE_4))) <= TOL
    rules = sorted((r for r in last.lines if not red(r)), key=lambda r: r["top"])
    assert len(rules) == 3
    assert abs(mm(rules[-1]["top"]) - 262) <= TOL
    for r in rules:
        assert abs(mm(r["width"]) - 156) <= TOL
    widths = [round(mm(r["linewidth"]), 2) for r in rules]
    assert widths == [0.35, 0.25, 0.35]


def test_the_imprint_is_on_an_even_page_and_a_blank_page_before_it_leaves_both_unnumbered(bundled):
    blank_case = 0
    for paragraphs in (8, 12, 13, 14, 16, 27):
        body = "\n".join([HAN[:28]] * paragraphs)
        pdf = render(sample(body=body, attachments=[], title="关于开展检查的通知"), bundled)
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            count = len(doc.pages)
            numbers = [[t for _, t, _ in text_lines(p, L.PAGE_NUMBER_SIZE) if t.startswith("—")] for p in doc.pages]
            blank_before = count >= 3 and not doc.pages[-2].chars
            assert any("抄送" in t for _, t, _ in text_lines(doc.pages[-1], L.IMPRINT_SIZE))
        assert count == 1 or count % 2 == 0, paragraphs
        if blank_before:
            blank_case += 1
            assert numbers[-2:] == [[], []]
        else:
            assert numbers[-1] == [f"— {count} —"]
    assert blank_case, "some length needed a blank page before the 版记"


def test_page_numbers_are_4_hao_7_mm_below_the_type_area_right_on_odd_left_on_even(pages):
    for number, page in enumerate(pages, start=1):
        marks = [(t, cs) for _, t, cs in text_lines(page, L.PAGE_NUMBER_SIZE) if t.startswith("—")]
        assert [t.replace(" ", "") for t, _ in marks] == [f"—{number}—"]
        chars = marks[0][1]
        assert abs(mm(chars[0]["top"]) - 269) <= TOL
        if number % 2:
            assert abs(mm(chars[-1]["x1"]) - (184 - mm(L.SIZE_4))) <= TOL
        else:
            assert abs(mm(chars[0]["x0"]) - (28 + mm(L.SIZE_4))) <= TOL


# --- the file -------------------------------------------------------------------------------------------


def test_every_font_is_embedded_as_a_subset(circular_pdf):
    reader = PdfReader(io.BytesIO(circular_pdf))
    seen = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert re.match(r"^/[A-Z]{6}\+", font["/BaseFont"]), font["/BaseFont"]
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object()
            seen += 1
    assert seen >= 4


def test_the_same_document_gives_the_same_bytes(circular_pdf, bundled):
    assert render(sample(), bundled) == circular_pdf


def test_letter_format_has_red_double_lines_and_no_page_number_on_page_1(bundled):
    pdf = render(sample(layout="letter", issuer_mark="河南省人民防空办公室"), bundled)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        first, second = doc.pages[0], doc.pages[1]
        mark = [c for c in first.chars if c["size"] > 30]
        assert abs(mm(min(c["top"] for c in mark)) - 30) <= TOL
        mark_bottom = max(c["bottom"] for c in mark)
        reds = sorted((r for r in first.lines if red(r)), key=lambda r: r["top"])
        assert len(reds) == 4
        for r in reds:
            assert abs(mm(r["width"]) - 170) <= TOL and abs(mm(r["x0"]) - 20) <= TOL
        assert abs(mm(reds[0]["top"] - reds[0]["linewidth"] / 2 - mark_bottom) - 4) <= TOL
        assert abs(mm(reds[-1]["bottom"] + reds[-1]["linewidth"] / 2) - 277) <= TOL + 1.5
        assert not [t for _, t, _ in text_lines(first, L.PAGE_NUMBER_SIZE) if t.startswith("—")]
        assert [t for _, t, _ in text_lines(second, L.PAGE_NUMBER_SIZE) if t.startswith("—")] == ["— 2 —"]
        number = next(cs for _, t, cs in text_lines(first) if t == "豫人防〔2020〕12号")
        assert abs(mm(number[-1]["x1"]) - 184) <= TOL


def test_rendered_page_shows_red_ink_in_the_mark_and_dark_ink_in_the_body(circular_pdf, tmp_path):
    from PySide6.QtGui import QImage

    src = tmp_path / "circular.pdf"
    src.write_bytes(circular_pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(src), str(tmp_path / "p")], check=True)
    image = QImage(str(next(tmp_path.glob("p*.png"))))
    dpmm = 60 / 25.4

    def ink(x0, y0, x1, y1):
        reds = darks = 0
        for y in range(int(y0 * dpmm), int(y1 * dpmm)):
            for x in range(int(x0 * dpmm), int(x1 * dpmm)):
                c = image.pixelColor(x, y)
                if c.red() > 180 and c.green() < 140 and c.blue() < 140:
                    reds += 1
                elif c.red() < 100 and c.green() < 100 and c.blue() < 100:
                    darks += 1
        return reds, darks

    mark_reds, _ = ink(28, 72, 184, 87)
    assert mark_reds > 500
    _, body_darks = ink(28, 200, 184, 262)
    assert body_darks > 500
