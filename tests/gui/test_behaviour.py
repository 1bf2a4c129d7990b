"""How the window behaves: long work off the GUI thread, unexpected errors, remembered layout, generated files."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

ROOT = Path(__file__).resolve().parents[2]


def test_the_event_loop_keeps_running_during_long_work(qtbot: Any) -> None:
    """The work waits for ticks of a GUI timer: it can only finish if the window's event loop keeps turning."""
    from rfdesk.ui.workers import run_with_progress

    ticks: list[int] = []
    five_ticks = threading.Event()
    timer = QTimer()
    timer.setInterval(10)

    def tick() -> None:
        ticks.append(1)
        if len(ticks) >= 5:
            five_ticks.set()

    timer.timeout.connect(tick)
    timer.start()

    def long_work(progress: Any) -> str:
        for step in range(100):
            progress.report(step, 100)
            if five_ticks.wait(timeout=0.05):
                return "finished while the window stayed responsive"
        return "the event loop was blocked"

    result = run_with_progress(None, "long work", long_work)
    timer.stop()
    assert result == "finished while the window stayed responsive"
    assert threading.current_thread() is threading.main_thread()


def test_cancel_stops_the_work_and_returns_nothing(qtbot: Any) -> None:
    from rfdesk.ui.workers import run_with_progress

    started = threading.Event()

    def endless(progress: Any) -> str:
        started.set()
        while True:
            progress.report(0, 0)
            threading.Event().wait(0.01)

    def press_cancel() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "progress")
        dialog.findChild(QPushButton).click()

    QTimer.singleShot(200, press_cancel)
    assert run_with_progress(None, "endless", endless) is None
    assert started.is_set()


def test_an_unexpected_error_is_shown_logged_and_the_form_stays_open(window: Any, qtbot: Any, tmp_path: Path) -> None:
    from rfdesk.ui import errors
    from rfdesk.ui.people_forms import PersonDialog

    log_file = tmp_path / "rfdesk.log"
    log_file.write_text("", encoding="utf-8")
    errors.install(str(log_file))
    try:
        dlg = PersonDialog(window.db, window)
        qtbot.addWidget(dlg)
        dlg.show()
        dlg.ui.name.insert("王晶")

        def broken_write(_session: Any, _data: Any) -> Any:
            raise RuntimeError("disk on fire")

        dlg.write = broken_write  # type: ignore[method-assign]
        shown: list[str] = []

        def read_and_close() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            shown.append(box.text() + "\n" + box.informativeText())
            box.accept()

        QTimer.singleShot(100, read_and_close)
        # A slot that raises: Qt hands the exception to sys.excepthook.
        QTimer.singleShot(0, dlg.save)
        qtbot.waitUntil(lambda: bool(shown), timeout=3000)
        assert "disk on fire" in shown[0] and str(log_file) in shown[0]
        assert dlg.isVisible() and dlg.ui.name.text() == "王晶", "what the clerk typed is still there"
        assert window.isVisible()
        assert errors.shown_errors[-1] == "RuntimeError: disk on fire"
    finally:
        errors.uninstall()


def test_window_size_tab_and_columns_are_remembered(db: Any, qtbot: Any) -> None:
    from rfdesk.ui.main_window import MainWindow

    first = MainWindow(db)
    qtbot.addWidget(first)
    room = first.screen().availableGeometry()
    assert first.width() <= room.width() and first.height() < room.height(), \
        "opened for the first time, the window fits the screen (the offscreen one is 800×600)"
    first.resize(701, 503)  # within the offscreen screen, which restoreGeometry respects
    first.show()
    donations = first.show_tab("donations")
    donations.table.setColumnHidden(3, True)
    first.close()

    second = MainWindow(db)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.tabs.currentIndex() == 3)
    assert (second.width(), second.height()) == (701, 503)
    assert second.tab("donations").table.isColumnHidden(3)
    assert QSettings().value("window/geometry") is not None


def test_menus_shortcuts_and_about_name_version_schema_and_database(window: Any) -> None:
    from rfdesk import __version__
    from rfdesk.ui.dialogs import about_box

    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["总览", "人员", "表彰", "捐赠", "战备资源", "公文"]
    keys = {a.shortcut().toString() for a in window.findChildren(type(window.new_action)) if not a.shortcut().isEmpty()}
    assert {"Ctrl+N", "Ctrl+F", "Ctrl+P", "Ctrl+E", "Del", "F5"} <= keys
    box = about_box(window, window.db)
    assert __version__ in box.text() and window.db.revision in box.text() and str(window.db.path) in box.text()
    assert str(window.db.path) in window.db_label.text()


def test_generated_forms_and_translations_are_up_to_date() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "build_ui.py"), "--check"], capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_an_older_database_is_upgraded_on_a_worker_thread_and_a_current_one_opens_at_once(
        tmp_path: Path, qtbot: Any, caplog: pytest.LogCaptureFixture) -> None:
    """Opening for the window: the main window is on screen first, its menus off and its tabs saying the
    registers are opening; the upgrade of an office's old database (safety copy, then migration) runs off the
    GUI thread behind a progress dialog over it, so the window keeps painting; then the registers open in
    it. The next start finds the file current and opens it on the spot."""
    import logging
    import shutil

    from PySide6.QtWidgets import QLabel

    from rfdesk.db.schema import HEAD_REVISION
    from rfdesk.ui.main_window import MainWindow
    from rfdesk.ui.startup import open_for_window, opening_takes_long

    old = tmp_path / "office.sqlite"
    shutil.copyfile(ROOT / "tests" / "data" / "rfdesk-0001.sqlite", old)
    assert opening_takes_long(str(old))
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.menuBar().isEnabled() and not window.toolbar.isEnabled()
    assert window.tabs.currentWidget().findChild(QLabel, "opening").isVisible()
    with caplog.at_level(logging.INFO, logger="rfdesk.db.engine"):
        db = open_for_window(str(old), window)
    assert window.isVisible(), "the window stays on screen under the upgrade's progress dialog"
    try:
        copies = [r for r in caplog.records if "safety copy before migration" in r.getMessage()]
        assert len(copies) == 1 and copies[0].thread != threading.main_thread().ident
        assert db.revision == HEAD_REVISION and db.safety_copy is not None and db.safety_copy.exists()
        window.attach(db)  # the engine made on the worker serves the window's thread
        assert window.menuBar().isEnabled() and window.toolbar.isEnabled()
        people = window.show_tab("people").register
        assert people.isVisible() and people.model.rowCount() > 0
        assert str(old) in window.db_label.text()
    finally:
        window.close()
        from rfdesk.ui.workers import wait_for_background

        wait_for_background()
        db.close()
    assert not opening_takes_long(str(old)), "upgraded once, it opens at once the next time"
    assert not opening_takes_long(str(tmp_path / "new.sqlite"))


def test_a_register_table_survives_thousands_of_repaints(tmp_path: Path) -> None:
    """Scrolling repaints the tables thousands of times: nothing may wear down Python's None.

    (A Python override of a Qt virtual that is called on every paint, such as the header's
    initStyleOptionForIndex, wrecks PySide's reference counting on Python 3.11 and kills the window
    after a few thousand paints; the register tables use Qt's own header.) Run in a child process, since
    such a failure ends the interpreter.
    """
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent("""
        from PySide6.QtWidgets import QApplication
        from rfdesk.db import open_database
        from rfdesk.ui.donations import DonationsTab
        app = QApplication([])
        db = open_database(r"%s")
        tab = DonationsTab(db)
        tab.resize(900, 400)
        tab.show()
        app.processEvents()
        table = getattr(tab, "register", tab).table
        for _ in range(3000):
            table.horizontalHeader().viewport().repaint()
            table.viewport().repaint()
        # Calls of Qt methods that return nothing: the Qt binding itself must not wear down None (PySide6
        # 6.12.0 on Python 3.11 did, one reference a call, and ended the program).
        for _ in range(30000):
            app.processEvents()
        print("survived")
    """) % (tmp_path / "r.sqlite")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0 and "survived" in run.stdout, run.stderr[-2000:]


def test_file_new_and_open_database_switch_the_window_to_that_file(window: Any, qtbot: Any, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from rfdesk.services.organisations import create_organisation

    windows: list[Any] = []
    window.on_replaced = windows.append
    first_db = window.db
    fresh = tmp_path / "县人防办.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    window.new_db_action.trigger()
    assert len(windows) == 1 and fresh.exists()
    new = windows[0]
    qtbot.addWidget(new)
    assert not window.isVisible() and new.isVisible()
    assert new.db.path == fresh and str(fresh) in new.db_label.text()
    with new.db.session() as s:
        create_organisation(s, {"name": "金水区人民防空办公室", "kind": "county_office"})
    assert first_db.engine.pool.checkedin() == 0, "the file left behind holds no open connection"

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(first_db.path), ""))
    new.on_replaced = windows.append
    new.open_db_action.trigger()
    assert len(windows) == 2 and windows[1].db.path == first_db.path
    qtbot.addWidget(windows[1])
    windows[1].db.close()


def test_double_clicked_the_window_is_on_screen_before_the_database_layer_loads(tmp_path: Path) -> None:
    """Started as a clerk starts it, the program shows its window first and only then imports the database
    layer and opens the file; the registers then open in that same window, and the log is written."""
    import os

    db_file = tmp_path / "office.sqlite"
    from rfdesk.db import open_database

    open_database(str(db_file)).close()
    probe = ("import sys, rfdesk.ui.startup as s\n"
             "first = s.note_first_window\n"
             "def note():\n"
             "    print('sqlalchemy loaded' if 'sqlalchemy' in sys.modules else 'no database layer yet', flush=True)\n"
             "    first()\n"
             "s.note_first_window = note\n"
             "from rfdesk.cli import main\n"
             "sys.exit(main(sys.argv[1:]))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RFDESK_QUIT_WHEN_SHOWN": "1",
           "RFDESK_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    run = subprocess.run([sys.executable, "-c", probe, "--db", str(db_file)], env=env, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.split()
    assert lines[0] == "no" and "first" in lines and "shown" in lines, run.stdout
    first, shown = float(lines[lines.index("first") + 1]), float(lines[lines.index("shown") + 1])
    assert first <= shown
    assert "rfdesk" in (tmp_path / "data" / "logs" / "rfdesk.log").read_text(encoding="utf-8")
