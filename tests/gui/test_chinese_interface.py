"""With Simplified Chinese active, nothing the clerk can see is in English; English is one menu click away."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)

# Words that stay as they are in a Chinese interface: the product, file types, a Latin example, and the
# language menu, where each language is named in itself.
ALLOWED = {"rfdesk", "pdf", "excel", "csv", "xlsx", "xls", "sqlite", "db", "rfbak", "cyj", "usb", "ctrl", "english",
           "mb", "gb"}  # sizes: Chinese Windows writes them so too
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def english_in(text: str) -> list[str]:
    if not text or "/" in text or "\\" in text:  # a path or a URL is data, not interface text
        return []
    return [w for w in ENGLISH_WORD.findall(text) if w.lower() not in ALLOWED]


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every string a widget shows: labels, buttons, tabs, headers, items, menus, titles."""
    out: list[tuple[str, str]] = [(f"{type(root).__name__} title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        name = f"{type(w).__name__}#{w.objectName()}"
        if isinstance(w, QLabel) and not isinstance(w.parent(), QTextBrowser):
            out.append((name, re.sub(r"<[^>]+>", " ", w.text())))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
            out.append((name + " tip", w.toolTip()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((name + " placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            out += [(name + " item", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            out += [(name + " tab", w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QTreeWidget):
            out.append((name + " header", w.headerItem().text(0)))
        elif isinstance(w, QMenu):
            out.append((name, w.title()))
            out += [(name + " action", a.text()) for a in w.actions()]
        elif isinstance(w, QTextBrowser):
            out.append((name, w.toPlainText()))
        if isinstance(w, QTableWidget):
            out += [(name + " header", w.horizontalHeaderItem(i).text()) for i in range(w.columnCount())
                    if w.horizontalHeaderItem(i) is not None]
        elif isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            out += [(name + " header", str(m.headerData(i, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)))
                    for i in range(m.columnCount())]
        if type(w).__name__ == "QChartView":
            chart = w.chart()
            out.append((name + " chart", chart.title()))
            for axis in chart.axes():
                if hasattr(axis, "categories"):
                    out += [(name + " axis", c) for c in axis.categories()]
    for a in root.actions():
        out.append((f"{type(root).__name__} action", a.text()))
    return [(where, text) for where, text in out if text]


def test_every_tab_and_main_dialog_is_in_chinese(demo_database: Path, tmp_path: Path, qtbot: Any) -> None:
    import shutil

    from rfdesk.db import open_database
    from rfdesk.ui.commands import _dialogs
    from rfdesk.ui.main_window import TAB_KEYS, MainWindow

    copy = tmp_path / "demo.sqlite"  # the run's shared demo database is read only
    shutil.copyfile(demo_database, copy)
    db = open_database(copy)
    try:
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.show()
        overview = window.tab("overview")
        qtbot.waitUntil(lambda: overview.figures is not None, timeout=20_000)
        english: list[str] = []
        for key in TAB_KEYS:
            page = window.show_tab(key)
            if key == "people":
                for i in range(page.inner.count()):
                    page.inner.setCurrentIndex(i)
            table = getattr(page, "table", None)
            if table is not None and page.model.count:
                table.selectRow(0)  # the detail pane shows the record and its history
            for where, text in visible_texts(window):
                english += [f"{key}: {where}: {text!r}" for _w in english_in(text)][:1]
        for name, make in _dialogs(window):
            dialog = make()
            qtbot.addWidget(dialog)
            for where, text in visible_texts(dialog):
                english += [f"{name}: {where}: {text!r}" for _w in english_in(text)][:1]
        assert not english, "English shown with zh_CN active:\n" + "\n".join(sorted(set(english)))
        window.close()
    finally:
        db.close()


def test_the_clerk_switches_to_english_and_back_at_run_time(window: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from rfdesk.ui.main_window import MainWindow

    assert window.tabs.tabText(0) == "总览"
    english = next(a for a in window.findChildren(type(window.new_action)) if a.text() == "English")
    english.trigger()
    rebuilt = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert len(rebuilt) == 1 and rebuilt[0] is not window
    english_window = rebuilt[0]
    qtbot.addWidget(english_window)
    assert english_window.tabs.tabText(0) == "Overview"
    assert english_window.menuBar().actions()[0].text() == "&File"
    chinese = next(a for a in english_window.findChildren(type(window.new_action)) if a.text() == "简体中文")
    chinese.trigger()
    back = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    qtbot.addWidget(back[0])
    assert back[0].tabs.tabText(0) == "总览"


def test_every_string_of_the_window_has_a_chinese_translation() -> None:
    import sys

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "tools"))
    try:
        import build_ui
    finally:
        sys.path.pop(0)
    missing = build_ui.untranslated(root / "resources" / "i18n" / "rfdesk_zh_CN.ts")
    assert not missing, f"untranslated: {missing[:20]}"


def test_the_bundled_font_is_registered_and_draws_chinese(qapp: Any) -> None:
    """On a PC without a Chinese font the interface still shows Chinese: the bundled fonts are in Qt's font
    database, and the one the interface uses has the characters of the window's labels."""
    from PySide6.QtGui import QFontDatabase, QFontMetrics

    from rfdesk.ui.fonts import apply_interface_font, font_files, register_bundled_fonts

    assert font_files(), "fonts are bundled"
    registered = register_bundled_fonts()
    chinese = [f for f in registered
               if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(f)]
    assert chinese, registered
    family = apply_interface_font(qapp)
    assert family is not None and qapp.font().family() == family
    metrics = QFontMetrics(qapp.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "人防办捐赠战备资源公文总览回收站")
