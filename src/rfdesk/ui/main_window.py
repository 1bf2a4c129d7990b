"""The main window: one tab per register behind menus, a toolbar and a status bar.

Tabs are built the first time they are shown, so start-up reads nothing it does not display. The window
can also be shown before its database is open (``MainWindow(None)``, then ``attach``): the clerk sees the
program at once, with its menus and tabs, while the database layer loads and the file is opened.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rfdesk.ui import i18n
from rfdesk.ui.i18n import mark

# (module, class, tab title) in the order the clerk sees them.
TABS = (
    ("rfdesk.ui.overview", "OverviewTab", mark("MainWindow", "Overview")),
    ("rfdesk.ui.people", "PeopleTab", mark("MainWindow", "Personnel")),
    ("rfdesk.ui.commendations", "CommendationsTab", mark("MainWindow", "Commendations")),
    ("rfdesk.ui.donations", "DonationsTab", mark("MainWindow", "Donations")),
    ("rfdesk.ui.resources", "ResourcesTab", mark("MainWindow", "Resources")),
    ("rfdesk.ui.documents", "DocumentsTab", mark("MainWindow", "Documents")),
)
TAB_KEYS = ("overview", "people", "commendations", "donations", "resources", "documents")


def tr(text: str) -> str:
    return i18n.tr("MainWindow", text)


def first_size(widget: QWidget) -> QSize:
    """1280×800, or less on a small screen (1366×768, 1024×768): the window, its title bar and the task
    bar must fit, or the status bar with the count and total is below the edge of the screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1280, 800)
    room = screen.availableGeometry()
    return QSize(min(1280, room.width()), min(800, room.height() - 40))


class _LazyTab(QWidget):
    """Holds the place of a tab until it is first shown; says the registers are opening until then."""

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.page: QWidget | None = None
        self.stack = QStackedWidget(self)
        # Centred by rich text (a label centres vertically by itself): the window must be on screen before
        # anything slow, and Qt's enum namespace costs more than the whole window takes to build.
        opening = QLabel(f"<p align='center'>{tr('Opening the registers…')}</p>", self.stack)
        opening.setObjectName("opening")
        self.stack.addWidget(opening)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)


class MainWindow(QMainWindow):
    def __init__(self, db: Any | None, parent: QWidget | None = None) -> None:
        """The window on the opened database ``db``; with None, the window without its registers yet,
        menus and toolbar disabled, until ``attach`` gives it the database."""
        super().__init__(parent)
        self.db = db
        self.setObjectName("MainWindow")
        self.setWindowTitle(tr("rfdesk — Civil Air Defence Office Registers"))
        self.resize(first_size(self))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        for i, (_mod, _cls, title) in enumerate(TABS):
            self.tabs.addTab(_LazyTab(i, self.tabs), tr(title))
        self.setCentralWidget(self.tabs)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.tabs.currentChanged.connect(self._tab_changed)
        self._restore_settings()
        if db is None:
            self.menuBar().setEnabled(False)
            self.toolbar.setEnabled(False)
        else:
            self.attach(db)

    def attach(self, db: Any) -> None:
        """Open the registers on ``db``: the tab in front is built, the menus come alive, automatic
        backups start."""
        self.db = db
        where = str(db.path) if db.path is not None else db.url.split("@")[-1]
        self.db_label.setText(tr("Database: %1").replace("%1", where))
        self.db_label.setToolTip(where)
        self.menuBar().setEnabled(True)
        self.toolbar.setEnabled(True)
        self._bind_shortcuts()
        self._tab_changed(self.tabs.currentIndex())
        from rfdesk.ui import auto_backup, settings_dialog  # backups daily and on closing; fonts for printing

        auto_backup.attach(self)
        settings_dialog.apply_print_fonts()

    # ---- tabs ---------------------------------------------------------------------------------------

    def tab(self, key: str) -> Any:
        """The register tab named ``key`` (built now if it was not shown yet)."""
        return self._page(TAB_KEYS.index(key))

    def _page(self, index: int) -> Any:
        holder = self.tabs.widget(index)
        assert isinstance(holder, _LazyTab)
        if holder.page is None:
            if self.db is None:
                raise RuntimeError("the registers are not open yet")
            module, cls, _title = TABS[index]
            page = getattr(importlib.import_module(module), cls)(self.db, holder)
            holder.page = page
            holder.stack.addWidget(page)
            holder.stack.setCurrentWidget(page)
            if hasattr(page, "summaryChanged"):
                page.summaryChanged.connect(self._update_summary)
            if hasattr(page, "openRequested"):
                page.openRequested.connect(self.open_register)
        return holder.page

    def show_tab(self, key: str) -> Any:
        """Bring the tab named ``key`` to the front and return it."""
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))
        return self.current_page()

    def current_page(self) -> Any:
        return self._page(self.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        if index < 0 or self.db is None:
            return
        page = self._page(index)
        for act in (self.new_action, self.delete_action, self.edit_action, self.history_action):
            act.setEnabled(hasattr(page, "new_record"))
        self._update_summary()

    def open_register(self, key: str, values: dict[str, Any]) -> None:
        """Show a register narrowed by ``values`` (from a chart bar or a link)."""
        index = TAB_KEYS.index(key)
        self.tabs.setCurrentIndex(index)
        page = self._page(index)
        page.show_filtered(**values)

    # ---- actions, menus, toolbar ---------------------------------------------------------------------

    def _action(self, text: str, slot: Any, shortcut: str | None = None, tip: str = "") -> QAction:
        """An action; its shortcut (a standard key's name, or keys) is bound once the registers are open."""
        act = QAction(tr(text), self)
        if shortcut is not None:
            self._shortcuts.append((act, shortcut))
        if tip:
            act.setStatusTip(tr(tip))
        act.triggered.connect(lambda _checked=False: slot())
        return act

    def _build_actions(self) -> None:
        self._shortcuts: list[tuple[QAction, str]] = []
        self.new_db_action = self._action("New database…", self.new_database)
        self.open_db_action = self._action("Open database…", self.open_database, "Open")
        self.backup_action = self._action("Back up to USB stick…", self.backup, "Ctrl+B",
                                          "Write a verified backup of the whole database")
        self.restore_action = self._action("Restore from backup…", self.restore)
        self.import_action = self._action("Import from Excel…", self.import_file, "Ctrl+I")
        self.export_action = self._action("Export to Excel…", self.export, "Ctrl+E")
        self.print_action = self._action("Print…", self.print_current, "Print")
        self.quit_action = self._action("Quit", self.close, "Quit")
        self.new_action = self._action("New record", lambda: self._call("new_record"), "New")
        self.edit_action = self._action("Edit record", lambda: self._call("edit_current"))
        self.delete_action = self._action("Delete (to recycle bin)", lambda: self._call("delete_selected"),
                                          "Del")
        self.find_action = self._action("Find", lambda: self._call("focus_search"), "Find")
        self.history_action = self._action("Record history…", lambda: self._call("show_history"), "Ctrl+H")
        self.bin_action = self._action("Recycle bin…", self.recycle_bin)
        self.organisations_action = self._action("Organisations and places…", self.organisations)
        self.refresh_action = self._action("Refresh", self.refresh, "Refresh")
        self.about_action = self._action("About rfdesk", self.about)

    def _bind_shortcuts(self) -> None:
        from PySide6.QtCore import Qt

        for act, keys in self._shortcuts:
            standard = getattr(QKeySequence.StandardKey, keys, None)
            act.setShortcut(QKeySequence(standard) if standard is not None else QKeySequence(keys))
        if self.refresh_action.shortcut() != QKeySequence("F5"):  # F5 refreshes on every PC
            self.refresh_action.setShortcuts([QKeySequence("F5")])
        # Delete in a search box deletes characters, not records.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(tr("&File"))
        m.addActions([self.new_db_action, self.open_db_action])
        m.addSeparator()
        m.addActions([self.backup_action, self.restore_action])
        m.addSeparator()
        m.addActions([self.import_action, self.export_action, self.print_action])
        m.addSeparator()
        m.addAction(self.quit_action)
        m = bar.addMenu(tr("&Edit"))
        m.addActions([self.new_action, self.edit_action, self.delete_action])
        m.addSeparator()
        m.addActions([self.find_action, self.history_action, self.bin_action])
        m.addSeparator()
        m.addAction(self.organisations_action)
        m.addAction(self._action("Settings…", self.settings))
        m = bar.addMenu(tr("&View"))
        m.addAction(self.refresh_action)
        lang_menu = m.addMenu(tr("Language"))
        group = QActionGroup(self)
        for code, label in (("zh_CN", "简体中文"), ("en", "English")):
            act = lang_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(i18n.current() == code)
            act.setData(code)
            group.addAction(act)
            act.triggered.connect(lambda _c=False, code=code: self.switch_language(code))
        m = bar.addMenu(tr("&Help"))
        m.addAction(self.about_action)
        self.addAction(self.delete_action)

    def _build_toolbar(self) -> None:
        tb = QToolBar(tr("Toolbar"), self)
        tb.setObjectName("toolbar")
        tb.setMovable(False)  # its actions have no icons: the buttons show their text
        for act in (self.new_action, self.delete_action, self.find_action, self.refresh_action):
            tb.addAction(act)
        tb.addSeparator()
        for act in (self.print_action, self.export_action, self.import_action):
            tb.addAction(act)
        tb.addSeparator()
        tb.addAction(self.backup_action)
        tb.addAction(self.bin_action)
        self.addToolBar(tb)
        self.toolbar = tb

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary")
        self.db_label = QLabel(self)
        self.db_label.setObjectName("dbpath")
        self.db_label.setText(tr("Opening the database…"))
        sb.addWidget(self.summary_label, 1)
        sb.addPermanentWidget(self.db_label)

    def _update_summary(self) -> None:
        holder = self.tabs.currentWidget()
        page = getattr(holder, "page", None)
        text = page.summary_text() if page is not None and hasattr(page, "summary_text") else ""
        self.summary_label.setText(text)

    def _call(self, name: str) -> None:
        page = self.current_page()
        fn = getattr(page, name, None)
        if fn is not None:
            fn()

    # ---- commands ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._call("refresh")
        self._update_summary()

    def print_current(self) -> None:
        self._call("print_current")

    def export(self) -> None:
        from rfdesk.ui import exchange

        exchange.export_register(self, self.db, self.current_page())

    def import_file(self) -> None:
        from rfdesk.ui import exchange

        if exchange.import_file(self, self.db):
            self.refresh_all()

    def backup(self) -> None:
        from rfdesk.ui import exchange

        exchange.backup(self, self.db)

    def restore(self) -> None:
        from rfdesk.ui import exchange

        exchange.restore(self)

    def recycle_bin(self) -> None:
        from rfdesk.ui.dialogs import RecycleBinDialog

        dlg = RecycleBinDialog(self.db, self)
        dlg.exec()
        if dlg.restored:
            self.refresh_all()

    def settings(self) -> None:
        from rfdesk.ui.settings_dialog import open_settings

        open_settings(self, self.db)

    def organisations(self) -> None:
        from rfdesk.ui.organisations import OrganisationsDialog

        dlg = OrganisationsDialog(self.db, self)
        dlg.exec()
        if dlg.changed:
            self.refresh_all()

    def refresh_all(self) -> None:
        for i in range(self.tabs.count()):
            holder = self.tabs.widget(i)
            if isinstance(holder, _LazyTab) and holder.page is not None and hasattr(holder.page, "refresh"):
                holder.page.refresh()
        self._update_summary()

    def about(self) -> None:
        from rfdesk.ui.dialogs import about

        about(self, self.db)

    def new_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _f = QFileDialog.getSaveFileName(self, tr("New database"), "rfdesk.sqlite",
                                               tr("Databases (*.sqlite *.db)"))
        if path:
            self._switch_database(path)

    def open_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _f = QFileDialog.getOpenFileName(self, tr("Open database"), "", tr("Databases (*.sqlite *.db);;All files (*)"))
        if path:
            self._switch_database(path)

    def _switch_database(self, path: str) -> None:
        from rfdesk.ui.workers import run_with_progress

        def work(progress: Any) -> Any:
            from rfdesk.db import open_database

            progress.report(0, 0, tr("Opening the database…"))
            return open_database(path)

        db = run_with_progress(self, tr("Open database"), work)
        if db is None:
            return
        QSettings().setValue("last_database", str(path))
        old = self.db
        self.replace_with(db)
        if old is not None and old is not db:  # the file the clerk left is let go of (a USB stick can then be removed)
            from rfdesk.ui.workers import wait_for_background

            wait_for_background()
            old.close()

    def switch_language(self, lang: str) -> None:
        """Rebuild the window in the other language (every label is created again from tr())."""
        if lang == i18n.current():
            return
        i18n.install(lang)
        QSettings().setValue("language", lang)
        self.replace_with(self.db)

    def replace_with(self, db: Any) -> MainWindow:
        self._save_settings()
        new = MainWindow(db)
        new.setGeometry(self.geometry())
        new.tabs.setCurrentIndex(self.tabs.currentIndex())
        new.show()
        app_state = getattr(self, "on_replaced", None)
        if app_state is not None:
            app_state(new)
        self._closing_for_replacement = True
        self.close()
        return new

    # ---- remembered window state ---------------------------------------------------------------------

    def _restore_settings(self) -> None:
        st = QSettings()
        geometry = st.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = st.value("window/state")
        if state is not None:
            self.restoreState(state)
        index = st.value("window/tab")
        if index is not None and 0 <= int(index) < self.tabs.count():
            self.tabs.setCurrentIndex(int(index))

    def _save_settings(self) -> None:
        st = QSettings()
        st.setValue("window/geometry", self.saveGeometry())
        st.setValue("window/state", self.saveState())
        st.setValue("window/tab", self.tabs.currentIndex())
        for i in range(self.tabs.count()):
            holder = self.tabs.widget(i)
            page = getattr(holder, "page", None)
            if page is not None and hasattr(page, "save_layout"):
                page.save_layout()
        st.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not getattr(self, "_closing_for_replacement", False):
            self._save_settings()
        super().closeEvent(event)
