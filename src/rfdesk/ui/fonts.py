"""Bundled CJK fonts registered with Qt, so Chinese shows on a PC that has none installed."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from rfdesk.config import resources_dir

log = logging.getLogger(__name__)

# Interface (sans-serif) families, best first; installed Windows fonts are used when present.
PREFERRED_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans SC", "Noto Sans CJK SC",
                      "Source Han Sans SC", "SimHei", "Noto Serif SC", "SimSun")


def font_files() -> list[Path]:
    """The bundled font files: what the fonts folder holds (read directly: the documents layer that prints
    with them is not needed to show the window)."""
    folder = resources_dir() / "fonts"
    return sorted(p for p in folder.glob("*") if p.suffix.lower() in (".ttf", ".otf", ".ttc"))


_families_of: dict[Path, list[str]] = {}  # the bundled files registered so far, with their families


def _register(paths: list[Path]) -> list[str]:
    families: list[str] = []
    for path in paths:
        if path not in _families_of:
            fid = QFontDatabase.addApplicationFont(str(path))
            if fid < 0:
                log.warning("font not loaded: %s", path)
            _families_of[path] = list(QFontDatabase.applicationFontFamilies(fid)) if fid >= 0 else []
        families.extend(f for f in _families_of[path] if f not in families)
    return families


def register_bundled_fonts() -> list[str]:
    """Add the bundled fonts to Qt's font database (each once); returns the families they provide."""
    return _register(font_files())


def interface_family(registered: list[str]) -> str | None:
    """The family to show the interface in: a preferred installed/bundled CJK family, else any that has Chinese."""
    available = set(QFontDatabase.families())
    for fam in PREFERRED_FAMILIES:
        if fam in available:
            return fam
    for fam in registered:
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(fam):
            return fam
    return registered[0] if registered else None


def _preferred_available() -> str | None:
    available = set(QFontDatabase.families())
    return next((fam for fam in PREFERRED_FAMILIES if fam in available), None)


def apply_interface_font(app: QApplication) -> str | None:
    """Show the interface in a CJK family: an installed preferred one needs nothing registered (a Windows PC
    has 微软雅黑); else the bundled sans-serif is registered, and the other bundled faces only if it will not
    serve. The window is on screen sooner for each font file not read."""
    family = _preferred_available()
    if family is None:
        _register([p for p in font_files() if "Sans" in p.name])
        family = _preferred_available()
    if family is None:
        family = interface_family(register_bundled_fonts())
    if family:
        font = QFont(family)
        font.setPointSize(10)
        app.setFont(font)
    return family
