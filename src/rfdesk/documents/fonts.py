"""Fonts of the printed page, one per role of GB/T 9704, with a fallback for every character.

Roles: ``body`` 仿宋, ``title`` 小标宋, ``heading`` 黑体, ``subheading`` 楷体. Each role is served by, in order:
the clerk's choice in Settings, a font installed on the PC (the files WPS and Windows install, or what
fontconfig knows on Linux), then the fonts bundled in ``resources/fonts``. reportlab embeds TrueType outlines
only, so a candidate without a ``glyf`` table (CFF .otf) is skipped.

A character missing from a role's font is drawn from the first other font that has it (the other roles'
fonts, then the bundled ones, then any Chinese system font), so a PDF never shows an empty box. The clerk is
told, in ``FontSet.fell_back`` (one line for all of them: ``FontSet.notes``), when a role is not printed in
the font the standard asks for. A character that no font on the PC has cannot be drawn at all: the clerk is
told which one and where, before printing (``check_text``) and after (``unprintable.watch_unprintable``).
"""

from __future__ import annotations

import html
import os
import re
import struct
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import sha1
from pathlib import Path

from rfdesk.documents.unprintable import describe_unprintable, note_unprintable, surroundings

ROLES = ("body", "title", "heading", "subheading")

ROLE_LABELS = {"body": "仿宋", "title": "小标宋", "heading": "黑体", "subheading": "楷体"}
ROLE_PURPOSE = {"body": "正文", "title": "标题", "heading": "一级标题", "subheading": "二级标题"}

# Fonts shipped with the application (see resources/fonts/README.md).
BUNDLED = {
    "body": ("NotoSerifSC-Regular-GBK.ttf", "Noto Serif SC（思源宋体）常规"),
    "title": ("NotoSerifSC-Bold-GB2312.ttf", "Noto Serif SC（思源宋体）粗体"),
    "heading": ("NotoSansSC-Bold-GBK.ttf", "Noto Sans SC（思源黑体）粗体"),
    "subheading": ("WenKaiGB2312-Regular.ttf", "WenKai（文楷）"),
}

# File names (case-insensitive) of the fonts a Chinese office PC usually has, best first.
WINDOWS_FILES: dict[str, tuple[tuple[str, str], ...]] = {
    "body": (
        ("仿宋_GB2312.ttf", "仿宋_GB2312"),
        ("FangSong_GB2312.ttf", "仿宋_GB2312"),
        ("simfang.ttf", "仿宋"),
    ),
    "title": (
        ("FZXBSJW.TTF", "方正小标宋简体"),
        ("方正小标宋简体.ttf", "方正小标宋简体"),
        ("FZXBSK.TTF", "方正小标宋_GBK"),
        ("方正小标宋_GBK.ttf", "方正小标宋_GBK"),
    ),
    "heading": (("simhei.ttf", "黑体"), ("FZHTJW.TTF", "方正黑体简体")),
    "subheading": (
        ("楷体_GB2312.ttf", "楷体_GB2312"),
        ("KaiTi_GB2312.ttf", "楷体_GB2312"),
        ("simkai.ttf", "楷体"),
        ("FZKTJW.TTF", "方正楷体简体"),
    ),
}
# Not the right face for any role, but they cover rare characters (SimSun-ExtB has CJK Extension B).
WINDOWS_FALLBACK_FILES = (("simsun.ttc", "宋体"), ("simsunb.ttf", "宋体-ExtB"), ("msyh.ttc", "微软雅黑"),
                          ("msyh.ttf", "微软雅黑"))

# fontconfig family names (lower case) that serve each role on Linux.
FAMILY_KEYWORDS = {
    "body": ("仿宋", "fangsong", "fang song"),
    "title": ("小标宋", "xiaobiaosong", "xbs"),
    "heading": ("黑体", "simhei", "heiti"),
    "subheading": ("楷体", "kaiti", "simkai", "kai ti"),
}


@dataclass(frozen=True)
class FontChoice:
    """A font file that can serve a role; ``key`` is what Settings stores as the clerk's preference."""

    role: str
    label: str
    path: Path
    index: int = 0
    source: str = "bundled"  # system | bundled | preference

    @property
    def key(self) -> str:
        return f"{self.path}#{self.index}" if self.index else str(self.path)


def fonts_dir() -> Path:
    from rfdesk.config import resources_dir

    return resources_dir() / "fonts"


def bundled_font_files() -> list[Path]:
    """The bundled font files, for the interface to register with QFontDatabase."""
    return [fonts_dir() / name for name, _ in BUNDLED.values()]


def parse_key(key: str) -> tuple[Path, int]:
    path, _, index = key.rpartition("#")
    if path and index.isdigit():
        return Path(path), int(index)
    return Path(key), 0


@lru_cache(maxsize=256)
def _truetype_faces(path: Path, mtime: float) -> tuple[tuple[int, str], ...]:
    """(index, family) of each TrueType-outline face in a .ttf/.ttc; empty if unreadable or CFF."""
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    faces: list[tuple[int, str]] = []
    try:
        if path.suffix.lower() in (".ttc", ".otc"):
            with TTCollection(str(path), lazy=True) as collection:
                for i, font in enumerate(collection.fonts):
                    if "glyf" in font and "cmap" in font:
                        faces.append((i, font["name"].getBestFamilyName() or path.stem))
        else:
            with TTFont(str(path), lazy=True) as font:
                if "glyf" in font and "cmap" in font:
                    faces.append((0, font["name"].getBestFamilyName() or path.stem))
    except (TTLibError, OSError, KeyError, AssertionError, ValueError, struct.error):
        return ()
    return tuple(faces)


def truetype_faces(path: Path) -> tuple[tuple[int, str], ...]:
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return ()
    return _truetype_faces(path, mtime)


def is_truetype(path: Path, index: int = 0) -> bool:
    """True if the file (face ``index`` of a collection) has TrueType outlines reportlab can embed."""
    return any(i == index for i, _ in truetype_faces(path))


def _windows_font_dirs() -> list[Path]:
    dirs = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:  # fonts installed "for this user only", where WPS often puts 仿宋_GB2312 and 小标宋
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return [d for d in dirs if d.is_dir()]


@lru_cache(maxsize=1)
def _windows_fonts() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for d in _windows_font_dirs():
        try:
            for entry in d.iterdir():
                found.setdefault(entry.name.lower(), entry)
        except OSError:
            continue
    return found


@lru_cache(maxsize=1)
def _fontconfig_fonts() -> tuple[tuple[Path, int, str], ...]:
    """(file, index, family) of the Chinese fonts fontconfig knows, TrueType outlines only."""
    if sys.platform == "win32":
        return ()
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "--format", "%{file}\t%{index}\t%{family}\n"],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    fonts = []
    for line in sorted(set(out.splitlines())):
        parts = line.split("\t")
        if len(parts) != 3 or not parts[1].isdigit():
            continue
        path, index = Path(parts[0]), int(parts[1])
        if path.suffix.lower() in (".ttf", ".ttc") and is_truetype(path, index):
            fonts.append((path, index, parts[2]))
    return tuple(fonts)


def system_fonts(role: str) -> list[FontChoice]:
    """The installed fonts that serve ``role``, best first."""
    choices: list[FontChoice] = []
    windows = _windows_fonts()
    for filename, label in WINDOWS_FILES[role]:
        path = windows.get(filename.lower())
        if path is not None and is_truetype(path):
            choices.append(FontChoice(role, label, path, 0, "system"))
    for path, index, family in _fontconfig_fonts():
        names = family.lower()
        if any(k in names for k in FAMILY_KEYWORDS[role]):
            choices.append(FontChoice(role, family.split(",")[0], path, index, "system"))
    return choices


def _system_fallbacks() -> list[FontChoice]:
    choices = []
    windows = _windows_fonts()
    for filename, label in WINDOWS_FALLBACK_FILES:
        path = windows.get(filename.lower())
        if path is None:
            continue
        for index, _family in truetype_faces(path)[:1]:
            choices.append(FontChoice("fallback", label, path, index, "system"))
    for path, index, family in _fontconfig_fonts():
        choices.append(FontChoice("fallback", family.split(",")[0], path, index, "system"))
    return choices


def bundled_font(role: str) -> FontChoice:
    filename, label = BUNDLED[role]
    return FontChoice(role, label, fonts_dir() / filename, 0, "bundled")


def available_fonts() -> list[FontChoice]:
    """Every font a clerk may choose in Settings: per role, the installed candidates then the bundled one."""
    result: list[FontChoice] = []
    for role in ROLES:
        result.extend(system_fonts(role))
        result.append(bundled_font(role))
    return result


_register_lock = threading.RLock()
_registered: dict[tuple[str, int], str] = {}


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """The ToUnicode CMap of an embedded subset (codes 00…FF), each character written in UTF-16BE.

    reportlab's own writes the code point as plain hex, which is right only inside the Basic Multilingual
    Plane: a rare character of a name beyond it (𫖯 in 赵孟𫖯: CJK Extension B and later) printed correctly but
    was copied and found as something else. For every other character the text is the same as reportlab's."""
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{code:02X}> <{chr(cp).encode('utf-16-be').hex().upper()}>" for code, cp in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


def _register(path: Path, index: int) -> str:
    """Register a TrueType face with reportlab once; returns its reportlab name."""
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.pdfbase.ttfonts import TTFont

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # see there: reportlab's is wrong beyond U+FFFF
    key = (str(path.resolve()), index)
    with _register_lock:
        name = _registered.get(key)
        if name is None:
            stem = re.sub(r"[^A-Za-z0-9]", "", path.stem) or "font"
            digest = sha1(f"{key[0]}#{index}".encode()).hexdigest()[:6]
            name = f"{stem}-{index}-{digest}"
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
            _registered[key] = name
        return name


def _cmap(name: str) -> dict[int, int]:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(name).face.charToGlyph  # type: ignore[attr-defined]


# Characters that are layout, not ink: never a reason to switch fonts.
_INVISIBLE = {"\n", "\r", "\t", "\u200b", "\ufeff"}

# Chinese quotation marks take a full character cell (GB/T 15834). Some fonts (the bundled 楷体 stand-in) draw
# them as narrow Western quotes, which look half-width on the grid: such a font is passed over for them.
_FULL_WIDTH = "“”‘’"


@lru_cache(maxsize=64)
def _narrow(name: str) -> frozenset[int]:
    """Code points of ``_FULL_WIDTH`` that the font ``name`` has but draws narrower than a character."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    cmap = _cmap(name)
    return frozenset(ord(ch) for ch in _FULL_WIDTH if ord(ch) in cmap and stringWidth(ch, name, 1.0) < 0.9)


def _draws(name: str, ch: str) -> bool:
    """True if the font ``name`` draws ``ch`` as Chinese text wants it."""
    cp = ord(ch)
    return cp in _cmap(name) and cp not in _narrow(name)


@dataclass
class FontSet:
    """The fonts of one print: a reportlab name per role and the fallback chain behind it."""

    names: dict[str, str]
    choices: dict[str, FontChoice]
    fell_back: dict[str, str] = field(default_factory=dict)
    _chain: list[str] = field(default_factory=list)
    _late: list[FontChoice] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def name(self, role: str) -> str:
        """The reportlab font name of ``role``."""
        return self.names[role]

    def covers(self, role: str, text: str) -> bool:
        """True if every visible character of ``text`` is drawn by the role's own font."""
        name = self.names[role]
        return all(_draws(name, ch) for ch in text if ch not in _INVISIBLE)

    def narrow(self, role: str) -> frozenset[int]:
        """Code points the role's font has but that are taken from another font (narrow quotation marks)."""
        return _narrow(self.names[role])

    def font_for(self, role: str, ch: str) -> str:
        """The font that draws ``ch`` in ``role``: the role's own if it has it, else the first fallback."""
        primary = self.names[role]
        if ch in _INVISIBLE or _draws(primary, ch):
            return primary
        for name in self._chain:
            if _draws(name, ch):
                return name
        with self._lock:  # rare characters: load the big system fonts only when one is needed
            while self._late:
                choice = self._late.pop(0)
                try:
                    name = _register(choice.path, choice.index)
                except Exception:  # noqa: BLE001 - an unreadable system font is just not a fallback
                    continue
                self._chain.append(name)
                if _draws(name, ch):
                    return name
        if ord(ch) not in _cmap(primary):  # only narrow forms exist: better narrow than missing
            for name in self._chain:
                if ord(ch) in _cmap(name):
                    return name
        return primary

    def runs(self, text: str, role: str) -> list[tuple[str, str]]:
        """``text`` cut into (font name, piece) runs, each piece drawable in its font."""
        result: list[tuple[str, str]] = []
        primary = self.names[role]
        cmap = _cmap(primary)
        narrow = _narrow(primary)
        for i, ch in enumerate(text):
            font = primary if ord(ch) in cmap and ord(ch) not in narrow else self.font_for(role, ch)
            if font == primary and ch not in _INVISIBLE and ord(ch) not in cmap:
                note_unprintable(ch, text, i)
            if result and result[-1][0] == font:
                result[-1] = (font, result[-1][1] + ch)
            else:
                result.append((font, ch))
        return result

    def markup(self, text: str, role: str) -> str:
        """Escaped Paragraph markup of ``text`` in ``role``; characters the role's font lacks are wrapped in
        a ``<font name=…>`` of a font that has them."""
        primary = self.names[role]
        parts = []
        for font, piece in self.runs(text, role):
            if font == primary:
                parts.append(html.escape(piece, quote=False))
            else:
                parts.append(f'<font name="{font}">{html.escape(piece, quote=False)}</font>')
        return "".join(parts)

    def missing(self, text: str) -> set[str]:
        """Characters no available font can draw (they would print as the font's empty box)."""
        return {ch for ch in set(text) if ch not in _INVISIBLE and ord(ch) not in _cmap(self.font_for("body", ch))}

    def notes(self) -> list[str]:
        """What the clerk is told about the fonts of this print, as few lines as possible: one line for all
        the roles that fell back because the PC lacks their font, one for each other reason."""
        absent = [r for r in ROLES if r in self.fell_back and self.choices[r].source == "bundled"
                  and "本机未安装" in self.fell_back[r]]
        lines = []
        if absent:
            fonts = "、".join(ROLE_LABELS[r] for r in absent)
            lines.append(f"本机未安装{fonts}字体，已用随附字体代替（可在“设置”中选择）。")
        lines.extend(note for r, note in self.fell_back.items() if r not in absent)
        return lines


# --- characters no font can draw -------------------------------------------------------------------------


def check_text(text: str, preferences: dict[str, str] | None = None) -> list[str]:
    """Problems printing ``text`` with the fonts of a print: one message per character that no font on
    this PC (chosen, installed or bundled) can draw, naming it and where it stands. Empty if all print.

    The window calls this on what the clerk typed (a name, a title) to warn before issuing anything."""
    fonts = font_set(preferences)
    problems = []
    seen: set[str] = set()
    for i, ch in enumerate(text):
        if ch in seen or ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
            continue
        seen.add(ch)
        if ord(ch) not in _cmap(fonts.font_for("body", ch)):
            problems.append(describe_unprintable(ch, surroundings(text, i)))
    return problems


def _resolve(role: str, preference: str | None) -> tuple[FontChoice, str | None]:
    """The font for ``role`` and, if it is not the one asked for, why (for the clerk)."""
    purpose = f"{ROLE_PURPOSE[role]}（{ROLE_LABELS[role]}）"
    note = None
    if preference:
        path, index = parse_key(preference)
        if path.is_file() and is_truetype(path, index):
            return FontChoice(role, path.stem, path, index, "preference"), None
        note = f"{purpose}：所选字体“{path.name}”无法使用（文件不存在或不是 TrueType 字体）"
    found = system_fonts(role)
    if found:
        choice = found[0]
        if note:
            return choice, f"{note}，已改用系统字体“{choice.label}”。"
        return choice, None
    choice = bundled_font(role)
    if note:
        return choice, f"{note}，已改用随附字体 {choice.label}。"
    return choice, f"{purpose}：本机未安装{ROLE_LABELS[role]}字体，已改用随附字体 {choice.label}。"


_sets: dict[tuple[tuple[str, str], ...], FontSet] = {}
_sets_lock = threading.Lock()
# The clerk's choices from Settings, used by every print that names none (receipts, reports, documents).
_chosen: dict[str, str] = {}


def use_preferences(preferences: dict[str, str] | None) -> None:
    """Make ``preferences`` (role → ``FontChoice.key``) the fonts of every print that passes none."""
    _chosen.clear()
    _chosen.update({r: v for r, v in (preferences or {}).items() if r in ROLES and v})


def font_set(preferences: dict[str, str] | None = None) -> FontSet:
    """The fonts for a print, registered with reportlab once and cached per set of preferences.

    ``preferences`` maps a role to a ``FontChoice.key`` (a file path, ``path#index`` for a collection);
    without them, those given to :func:`use_preferences` apply.
    """
    prefs = {r: v for r, v in (_chosen if preferences is None else preferences).items() if r in ROLES and v}
    cache_key = tuple(sorted(prefs.items()))
    with _sets_lock:
        cached = _sets.get(cache_key)
        if cached is not None:
            return cached
        names: dict[str, str] = {}
        choices: dict[str, FontChoice] = {}
        fell_back: dict[str, str] = {}
        for role in ROLES:
            choice, note = _resolve(role, prefs.get(role))
            try:
                names[role] = _register(choice.path, choice.index)
            except Exception:  # noqa: BLE001 - a damaged system font must not stop printing
                broken = choice
                choice = bundled_font(role)
                names[role] = _register(choice.path, choice.index)
                note = f"{ROLE_PURPOSE[role]}：字体“{broken.label}”无法读取，已改用随附字体 {choice.label}。"
            choices[role] = choice
            if note:
                fell_back[role] = note
        chain = _unique([*names.values(), *(_register(p, 0) for p in bundled_font_files())])
        fonts = FontSet(names, choices, fell_back, chain, _system_fallbacks())
        _sets[cache_key] = fonts
        return fonts


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def forget_fonts() -> None:
    """Look for installed fonts afresh on the next ``font_set`` (after the clerk installs a font)."""
    with _sets_lock:
        _sets.clear()
    _windows_fonts.cache_clear()
    _fontconfig_fonts.cache_clear()
    _narrow.cache_clear()
    _truetype_faces.cache_clear()
