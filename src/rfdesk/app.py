"""Starting the window: the Qt application, fonts, language, error hook, database, main window."""

from __future__ import annotations

import logging
import sys
from typing import Any

log = logging.getLogger("rfdesk.app")

ORGANISATION = "rfdesk"
APPLICATION = "rfdesk"


def make_application(argv: list[str] | None = None, *, interface_font: bool = True) -> Any:
    """The QApplication with names (for QSettings), the bundled CJK font and a tidy style.

    ``interface_font=False`` leaves registering the bundled fonts to the caller (run_gui does it once the
    start-up window is on screen)."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from rfdesk.config import data_dir, is_portable, resources_dir
    from rfdesk.ui.fonts import apply_interface_font

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    if is_portable():  # a USB-stick install keeps its settings with its data
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(data_dir()))
    if "Fusion" in __import__("PySide6.QtWidgets", fromlist=["QStyleFactory"]).QStyleFactory.keys():
        app.setStyle("Fusion")
    if interface_font:
        apply_interface_font(app)
    icon = resources_dir() / "icons" / "rfdesk.svg"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_gui(db: str, lang: str | None = None) -> int:
    """Open the window on the database ``db`` (a path or URL); returns the exit code."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from rfdesk.cli import setup_logging
    from rfdesk.services.errors import RfdeskError
    from rfdesk.ui import errors, i18n

    log_path = setup_logging()
    app = make_application(interface_font=False)
    i18n.install(lang or str(QSettings().value("language", i18n.DEFAULT_LANG)))
    errors.install(log_path)
    from rfdesk.ui.fonts import apply_interface_font
    from rfdesk.ui.startup import close_start_up_window, open_for_window, show_start_up_window

    starting = show_start_up_window(app)
    apply_interface_font(app)
    try:
        database = open_for_window(db, starting)
    except RfdeskError as exc:
        close_start_up_window(starting)
        QMessageBox.critical(None, i18n.tr("MainWindow", "Cannot open the database"), i18n.error_text(exc))
        return 2
    from rfdesk.ui.main_window import MainWindow

    holder: dict[str, Any] = {}

    def adopt(window: Any) -> None:
        holder["window"] = window
        window.on_replaced = adopt

    adopt(MainWindow(database))
    holder["window"].show()
    close_start_up_window(starting)
    __import__("rfdesk.selftest", fromlist=["quit_when_shown"]).quit_when_shown(holder["window"])
    code = app.exec()
    from rfdesk.ui.workers import wait_for_background

    wait_for_background()
    holder["window"].db.close()
    return int(code)
