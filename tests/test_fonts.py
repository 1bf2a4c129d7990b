"""Fonts: the bundled ones are embeddable TrueType, each role finds a font, and no character prints as a box."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from rfdesk.documents import fonts

GBK_SAMPLE = "人民防空办公室豫〔〕“”‘’…—·《》，。、；：？！（）０１２ＡＢ硬核党支部共产党员鑫淼堃喆"


@pytest.fixture
def fresh_fonts():
    fonts.forget_fonts()
    yield
    fonts.forget_fonts()


@pytest.fixture(scope="module")
def bundled_cmaps() -> dict[str, dict[int, str]]:
    """The character maps of the bundled fonts by file name, read once (they are large)."""
    maps = {}
    for path in fonts.bundled_font_files():
        with TTFont(str(path), lazy=True) as font:
            maps[path.name] = font.getBestCmap()
    return maps


def test_bundled_fonts_are_truetype_subsets_with_licences_beside_them(bundled_cmaps):
    files = fonts.bundled_font_files()
    assert len(files) == 4
    total = 0
    for path in files:
        with TTFont(str(path), lazy=True) as font:
            assert "glyf" in font and "CFF " not in font, f"{path.name} must have TrueType outlines"
        cmap = bundled_cmaps[path.name]
        assert all(ord(ch) in cmap for ch in "人民防空办公室“”，。（）一二三"), path.name
        total += path.stat().st_size
    assert total < 40_000_000
    folder = files[0].parent
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for path in files:
        assert path.name in readme
    for licence in ("OFL-NotoSerifSC.txt", "OFL-NotoSansSC.txt", "OFL-WenKai.txt"):
        assert "OPEN FONT LICENSE" in (folder / licence).read_text(encoding="utf-8").upper()


@pytest.fixture(scope="module")
def body_cmap(bundled_cmaps) -> dict[int, str]:
    return bundled_cmaps[fonts.bundled_font("body").path.name]


def test_body_and_heading_fonts_cover_all_of_gbk_and_the_title_font_gb2312(body_cmap, bundled_cmaps):
    body = body_cmap
    missing = []
    for cp in range(0x4E00, 0xA000):
        try:
            chr(cp).encode("gbk")
        except UnicodeEncodeError:
            continue
        if cp not in body:
            missing.append(chr(cp))
    assert missing == []
    for role in ("body", "heading"):
        cmap = bundled_cmaps[fonts.bundled_font(role).path.name]
        assert [ch for ch in GBK_SAMPLE if ord(ch) not in cmap] == [], role
    title = bundled_cmaps[fonts.bundled_font("title").path.name]
    gb2312 = [cp for cp in range(0x4E00, 0xA000) if _in_gb2312(chr(cp))]
    assert len(gb2312) == 6763 and [chr(cp) for cp in gb2312 if cp not in title] == []
    assert [ch for ch in GBK_SAMPLE if _in_gb2312(ch) and ord(ch) not in title] == []


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def test_the_body_font_also_has_rare_name_characters_beyond_gbk_and_every_font_the_yen_sign(body_cmap, bundled_cmaps):
    body = body_cmap
    extension_a = [cp for cp in range(0x3400, 0x4DC0) if cp in body]
    assert len(extension_a) > 6000  # CJK Extension A: 䶮, 㛃 …
    assert [ch for ch in "䶮㛃𫖯𬭚𬌗𬘬" if ord(ch) not in body] == []  # 通用规范汉字表 outside GBK
    for name, cmap in bundled_cmaps.items():
        assert 0xA5 in cmap, f"{name} lacks ¥"


def test_every_role_gets_a_font_and_the_clerk_is_told_why_when_it_is_not_the_standard_one(fresh_fonts):
    fs = fonts.font_set({"title": "/nowhere/FZXBSJW.TTF"})
    assert set(fs.names) == set(fonts.ROLES)
    assert "FZXBSJW.TTF" in fs.fell_back["title"]
    assert "无法使用" in fs.fell_back["title"]
    assert fs.covers("title", "河南省人民防空办公室文件")


def test_the_clerks_choice_wins(fresh_fonts):
    kai = fonts.bundled_font("subheading").path
    fs = fonts.font_set({"body": str(kai)})
    assert fs.choices["body"].path == kai
    assert fs.choices["body"].source == "preference"
    assert "body" not in fs.fell_back


def _cff_font(path: Path) -> Path:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    pen = T2CharStringPen(500, None)
    pen.moveTo((0, 0))
    pen.lineTo((0, 500))
    pen.lineTo((500, 0))
    pen.closePath()
    glyph = pen.getCharString()
    fb = FontBuilder(1000, isTTF=False)
    fb.setupGlyphOrder([".notdef", "uni4EFF"])
    fb.setupCharacterMap({0x4EFF: "uni4EFF"})
    fb.setupCFF("FangSongCFF", {"FullName": "FangSong CFF"}, {".notdef": glyph, "uni4EFF": glyph}, {})
    fb.setupHorizontalMetrics({".notdef": (500, 0), "uni4EFF": (1000, 0)})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "FangSong CFF", "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    fb.save(str(path))
    return path


def test_a_cff_font_is_refused_even_under_a_truetype_name(tmp_path, fresh_fonts):
    fake = _cff_font(tmp_path / "simfang.ttf")
    assert not fonts.is_truetype(fake)
    fs = fonts.font_set({"body": str(fake)})
    assert fs.choices["body"].path != fake
    assert "simfang.ttf" in fs.fell_back["body"]


def test_windows_fonts_are_found_before_the_bundled_ones(tmp_path, monkeypatch, fresh_fonts):
    windir = tmp_path / "Windows"
    (windir / "Fonts").mkdir(parents=True)
    shutil.copy(fonts.bundled_font("heading").path, windir / "Fonts" / "SIMHEI.TTF")
    _cff_font(windir / "Fonts" / "simkai.ttf")  # a damaged/CFF 楷体 must be skipped
    monkeypatch.setenv("WINDIR", str(windir))
    fonts.forget_fonts()
    found = fonts.system_fonts("heading")
    assert [(c.label, c.path.name, c.source) for c in found][:1] == [("黑体", "SIMHEI.TTF", "system")]
    assert all(c.path.name != "simkai.ttf" for c in fonts.system_fonts("subheading"))
    fs = fonts.font_set()
    assert fs.choices["heading"].path.name == "SIMHEI.TTF"
    assert "heading" not in fs.fell_back
    choices = fonts.available_fonts()
    assert {c.role for c in choices} == set(fonts.ROLES)
    assert any(c.path.name == "SIMHEI.TTF" and c.role == "heading" for c in choices)


def test_a_character_missing_from_a_font_is_drawn_from_another_one(fresh_fonts):
    # The 楷体 stand-in holds GB 2312 only; 堃 (GBK) must come from another font, never an empty box.
    prefs = {role: str(fonts.bundled_font(role).path) for role in fonts.ROLES}
    fs = fonts.font_set(prefs)
    assert fs.covers("subheading", "（一）张")
    assert not fs.covers("subheading", "张堃")
    markup = fs.markup("（一）张堃<同志>", "subheading")
    assert markup == f'（一）张<font name="{fs.name("body")}">堃</font>&lt;同志&gt;'
    assert fs.font_for("subheading", "堃") == fs.name("body")
    # The 小标宋 stand-in holds GB 2312 too: a title naming 张喆 draws 喆 from the body font.
    assert fs.covers("title", "关于表彰张") and not fs.covers("title", "张喆")
    assert fs.font_for("title", "喆") == fs.name("body")
    assert fs.missing("人民防空堃") == set()


# A character outside every font the application can reach: 𠮷 (CJK Extension B) unless this PC has a font
# with it, else one of Extension I that no font of an office PC carries.
def _unprintable(fs: fonts.FontSet) -> str:
    return next(ch for ch in ("\U00020BB7", "\U0002EBF0") if fs.missing(ch))


def test_the_clerk_is_told_which_character_no_font_has_and_where_before_printing():
    rare = _unprintable(fonts.font_set())
    problems = fonts.check_text(f"表彰名单：张{rare}，李堃，王鑫")
    assert len(problems) == 1
    assert f"“{rare}”" in problems[0] and f"U+{ord(rare):04X}" in problems[0]
    assert f"张{rare}，李堃" in problems[0], "the place is named by the text around it"
    assert "空框" in problems[0]
    assert fonts.check_text("河南省人民防空办公室关于张堃同志的通报（〔2020〕12号）￥¥，刘䶮，赵孟𫖯") == []


def test_the_font_notes_are_one_line_for_every_role_the_pc_lacks(fresh_fonts):
    fs = fonts.font_set({"title": "/nowhere/FZXBSJW.TTF"})
    notes = fs.notes()
    assert sum("FZXBSJW.TTF" in n for n in notes) == 1
    absent = [r for r in fonts.ROLES if r != "title" and r in fs.fell_back]
    if absent:  # a PC without Chinese fonts: the other roles share one line naming each of them
        shared = [n for n in notes if "本机未安装" in n]
        assert len(shared) == 1
        assert all(fonts.ROLE_LABELS[r] in shared[0] for r in absent)
    assert len(notes) == (1 + bool(absent))


def test_the_dash_of_every_bundled_font_fills_its_cell_so_a_double_dash_is_one_line():
    for path in fonts.bundled_font_files():
        with TTFont(str(path), lazy=True) as font:
            name = font.getBestCmap()[0x2014]
            glyph = font["glyf"][name]
            upm = font["head"].unitsPerEm
            assert font["hmtx"][name][0] == upm, path.name
            assert (glyph.xMin, glyph.xMax) == (0, upm), path.name


def test_a_form_or_report_cell_drawing_a_character_no_font_has_is_reported():
    import io

    from reportlab.pdfgen.canvas import Canvas

    from rfdesk.documents.report_text import TextKit
    from rfdesk.documents.unprintable import watch_unprintable

    kit = TextKit()
    rare = _unprintable(kit.fonts)
    canvas = Canvas(io.BytesIO())
    with watch_unprintable() as notes:
        kit.draw(canvas, "捐赠人：李堃", "body", 10, 0, 0)
    assert notes == []
    with watch_unprintable() as notes:
        kit.draw(canvas, f"捐赠人：张{rare}", "body", 10, 0, 0)
    assert len(notes) == 1 and f"捐赠人：张{rare}" in notes[0]
