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


_registered: list[str] | None = None


def register_bundled_fonts() -> list[str]:
    """Add the bundled fonts to Qt's font database (once); returns the families they provide."""
    global _registered
    if _registered is not None:
        return _registered
    families: list[str] = []
    for path in font_files():
        fid = QFontDatabase.addApplicationFont(str(path))
        if fid < 0:
            log.warning("font not loaded: %s", path)
            continue
        families.extend(f for f in QFontDatabase.applicationFontFamilies(fid) if f not in families)
    _registered = families
    return families


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


def apply_interface_font(app: QApplication) -> str | None:
    registered = register_bundled_fonts()
    family = interface_family(registered)
    if family:
        font = QFont(family)
        font.setPointSize(10)
        app.setFont(font)
    return family
