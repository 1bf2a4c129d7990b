"""Interface language: Qt translators for our strings and Qt's own, and labels of coded values.

Source strings are English; Simplified Chinese is the default. The clerk can switch at run time
(View menu); the window is then rebuilt so every widget picks up the new language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from rfdesk.config import resources_dir

DEFAULT_LANG = "zh_CN"
LANGUAGES = ("zh_CN", "en")

_current = DEFAULT_LANG
_installed: list[QTranslator] = []


def current() -> str:
    return _current


def is_chinese() -> bool:
    return _current.startswith("zh")


def qm_path(lang: str) -> str:
    return str(resources_dir() / "i18n" / f"rfdesk_{lang}.qm")


def install(lang: str | None) -> str:
    """Make ``lang`` the interface language of the running application; returns the language used."""
    global _current
    lang = lang if lang in LANGUAGES else DEFAULT_LANG
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(qm_path(lang)):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _current = lang
    return lang


def tr(context: str, text: str) -> str:
    """Translate outside a QObject (lupdate finds ``QCoreApplication.translate`` calls, so use that form)."""
    return QCoreApplication.translate(context, text)


def mark(context: str, text: str) -> str:
    """Marks a string for translation where it is defined; it is translated later with ``tr(context, …)``."""
    return text


def coded(member: Any) -> str:
    """The label of a coded value (OrgKind.DEPARTMENT → 处室 / department) in the interface language."""
    if member is None:
        return ""
    return member.zh if is_chinese() else member.en


def code_label(enum: Any, code: str | None) -> str:
    """The label of a stored code, or the code itself if it is unknown."""
    if not code:
        return ""
    try:
        return coded(enum(code))
    except ValueError:
        return code


def error_text(exc: Any) -> str:
    """The clerk-facing message of an RfdeskError in the interface language."""
    return exc.zh if is_chinese() else exc.en
