"""Rebuild the fonts bundled in resources/fonts from their published sources.

The bundled fonts are the ones every PDF can fall back to when a PC has no Chinese system fonts. They are
TrueType-outline fonts (reportlab cannot embed CFF outlines), cut down to the characters of GBK (GB 2312 for
the 楷体 and 小标宋 stand-ins) plus the punctuation official documents use, so the application stays small. The body font,
which every other role falls back to, also keeps the rarer ideographs its source has (CJK Extension A and the
supplementary planes: rare characters of people's and places' names outside GBK).

Sources (all SIL Open Font License 1.1):
  npm:    @expo-google-fonts/noto-serif-sc 0.4.3  -> NotoSerifSC_400Regular.ttf, NotoSerifSC_700Bold.ttf
  npm:    @expo-google-fonts/noto-sans-sc 0.4.3   -> NotoSansSC_700Bold.ttf
  Debian: fonts-lxgw-wenkai 1.250+repack-1        -> LXGWWenKai-Regular.ttf

Usage (needs npm, apt-get download, dpkg-deb and fontTools):
  python tools/make_fonts.py [WORK_DIR]

LXGW WenKai carries the Reserved Font Names "霞鹜" and "LXGW"; a subset is a Modified Version under the OFL,
so the subset is renamed (family "WenKai GB2312") while its copyright notice is kept.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts"

# Punctuation and symbols of official documents that must survive even if a GBK table omitted one.
EXTRA = "¥〔〕“”‘’…—–·《》〈〉「」『』【】（）［］｛｝，。、；：？！　￥％＋－×÷＝＜＞℃№§○●□■△▲◆◇★☆※→←↑↓"


def charset_text(encoding: str) -> str:
    chars = []
    for cp in range(0x20, 0x10000):
        ch = chr(cp)
        try:
            ch.encode(encoding)
        except UnicodeEncodeError:
            continue
        chars.append(ch)
    return "".join(chars) + EXTRA


# Rare ideographs kept in the body font where the source has them: CJK Extension A, and Extensions B to H
# (the source holds the few of them that the 通用规范汉字表 uses).
RARE_RANGES = ((0x3400, 0x4DBF), (0x20000, 0x323AF))


def rare_text() -> str:
    return "".join(chr(cp) for start, end in RARE_RANGES for cp in range(start, end + 1))


def fetch(work: Path) -> dict[str, Path]:
    work.mkdir(parents=True, exist_ok=True)
    for pkg, tgz in (
        ("@expo-google-fonts/noto-serif-sc@0.4.3", "expo-google-fonts-noto-serif-sc-0.4.3.tgz"),
        ("@expo-google-fonts/noto-sans-sc@0.4.3", "expo-google-fonts-noto-sans-sc-0.4.3.tgz"),
    ):
        if not (work / tgz).exists():
            subprocess.run(["npm", "pack", pkg], cwd=work, check=True)
    if not list(work.glob("fonts-lxgw-wenkai_*.deb")):
        subprocess.run(["apt-get", "download", "fonts-lxgw-wenkai=1.250+repack-1"], cwd=work, check=True)
    for tgz, dest in (
        ("expo-google-fonts-noto-serif-sc-0.4.3.tgz", "serif"),
        ("expo-google-fonts-noto-sans-sc-0.4.3.tgz", "sans"),
    ):
        with tarfile.open(work / tgz) as t:
            t.extractall(work / dest, filter="data")
    deb = next(work.glob("fonts-lxgw-wenkai_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(work / "wk")], check=True)
    wk = work / "wk" / "usr" / "share" / "fonts" / "truetype" / "lxgw-wenkai"
    return {
        "NotoSerifSC-Regular-GBK.ttf": work / "serif/package/400Regular/NotoSerifSC_400Regular.ttf",
        "NotoSerifSC-Bold-GB2312.ttf": work / "serif/package/700Bold/NotoSerifSC_700Bold.ttf",
        "NotoSansSC-Bold-GBK.ttf": work / "sans/package/700Bold/NotoSansSC_700Bold.ttf",
        "WenKaiGB2312-Regular.ttf": wk / "LXGWWenKai-Regular.ttf",
    }


def rename(font: TTFont, family: str, full: str, postscript: str) -> None:
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID in (1, 3, 4, 6, 16, 17, 18, 21, 22):
            name.removeNames(nameID=rec.nameID)
    for nid, value in ((1, family), (2, "Regular"), (3, f"{postscript};GBK subset"), (4, full), (6, postscript)):
        name.setName(value, nid, 3, 1, 0x409)
        name.setName(value, nid, 1, 0, 0)


def full_width_dash(font: TTFont) -> None:
    """Stretch the em dash to a full character cell, ink from edge to edge, so that a 破折号 "——" is one
    unbroken line two characters long, as in the GB 2312 fonts of office PCs (Noto's is 0.89 em with side
    bearings, which leaves a gap in the middle of every "——")."""
    glyph_name = font.getBestCmap().get(0x2014)
    if glyph_name is None:
        return
    upm = font["head"].unitsPerEm
    glyph = font["glyf"][glyph_name]
    if glyph.numberOfContours <= 0 or (glyph.xMin, glyph.xMax) == (0, upm):
        return
    left, right = glyph.xMin, glyph.xMax
    coords = glyph.coordinates
    for i in range(len(coords)):
        x, y = coords[i]
        coords[i] = (round((x - left) * upm / (right - left)), y)
    glyph.recalcBounds(font["glyf"])
    font["hmtx"][glyph_name] = (upm, 0)


def make_subset(src: Path, dest: Path, text: str) -> None:
    options = subset.Options()
    options.layout_features = ["kern", "vert", "vrt2", "palt", "halt"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.glyph_names = False
    font = subset.load_font(str(src), options)
    sub = subset.Subsetter(options)
    sub.populate(text=text)
    sub.subset(font)
    if dest.name.startswith("WenKai"):
        rename(font, "WenKai GB2312", "WenKai GB2312 Regular", "WenKaiGB2312-Regular")
    full_width_dash(font)
    assert "glyf" in font, f"{src} lost its TrueType outlines"
    subset.save_font(font, str(dest), options)


def main() -> int:
    work = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "fonts-src"
    sources = fetch(work)
    OUT.mkdir(parents=True, exist_ok=True)
    for dest, src in sources.items():
        # The 楷体 stand-in only sets sub-headings and the 小标宋 stand-in titles and the issuing office's name,
        # so GB 2312 suffices for them; a rarer character in them falls back to the body font (仿宋 stand-in).
        text = charset_text("gb2312" if "GB2312" in dest else "gbk")
        if dest == "NotoSerifSC-Regular-GBK.ttf":
            text += rare_text()
        make_subset(src, OUT / dest, text)
        print(f"{dest}: {(OUT / dest).stat().st_size / 1e6:.1f} MB")
    shutil.copy(work / "serif/package/LICENSE_FONT", OUT / "OFL-NotoSerifSC.txt")
    shutil.copy(work / "sans/package/LICENSE_FONT", OUT / "OFL-NotoSansSC.txt")
    shutil.copy(work / "wk/usr/share/doc/fonts-lxgw-wenkai/copyright", OUT / "OFL-WenKai.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
