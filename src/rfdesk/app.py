"""Starting the window: the Qt application, fonts, language, error hook, database, main window."""

from __future__ import annotations

import logging
import sys
from typing import Any

log = logging.getLogger("rfdesk.app")

ORGANISATION = "rfdesk"
APPLICATION = "rfdesk"


def make_application(argv: list[str] | None = None) -> Any:
    """The QApplication with names (for QSettings), the bundled CJK font and a tidy style."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from rfdesk.config import data_dir, is_portable, resources_dir
    from rfdesk.ui.fonts import apply_interface_font

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    if is_portable():  # a USB-stick install keeps its settings with its data
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(data_dir()))
    # One look on every PC; setting it again where it is already the default would only cost time.
    if app.style().name().lower() != "fusion" and "Fusion" in QStyleFactory.keys():
        app.setStyle("Fusion")
    apply_interface_font(app)
    icon = resources_dir() / "icons" / "rfdesk.svg"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_gui(db: str, lang: str | None = None) -> int:
    """Open the window on the database ``db`` (a path or URL); returns the exit code.

    The main window is on screen before the database layer is even imported (its tabs say the registers
    are opening); opening the file and building the first tab follow. Without a window in the meantime a
    clerk on an old PC double-clicks again."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from rfdesk.cli import log_file, setup_logging
    from rfdesk.ui import errors, i18n

    app = make_application()
    i18n.install(lang or str(QSettings().value("language", i18n.DEFAULT_LANG)))
    errors.install(str(log_file()))
    from rfdesk.ui import startup
    from rfdesk.ui.main_window import MainWindow

    holder: dict[str, Any] = {}

    def adopt(window: Any) -> None:
        holder["window"] = window
        window.on_replaced = adopt

    adopt(MainWindow(None))
    startup.show_now(app, holder["window"])
    startup.note_first_window()
    setup_logging()
    from rfdesk.services.errors import RfdeskError

    try:
        database = startup.open_for_window(db, holder["window"])
    except RfdeskError as exc:
        QMessageBox.critical(holder["window"], i18n.tr("MainWindow", "Cannot open the database"),
                             i18n.error_text(exc))
        holder["window"].close()
        return 2
    holder["window"].attach(database)
    startup.quit_when_shown(holder["window"])
    code = app.exec()
    from rfdesk.ui.workers import wait_for_background

    wait_for_background()
    holder["window"].db.close()
    return int(code)
