"""Settings (Edit → Settings…): how many automatic backups to keep, and the fonts to print in.

The retention policy is the office's and lives in the database (``exchange.retention``), so it travels with
the data. The fonts are this computer's (a font file of this PC): they are kept in QSettings, one
``FontChoice.key`` per role, and handed to the documents layer (``fonts.use_preferences``) at start-up and
whenever they change, so every receipt, report and official document printed afterwards uses them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFileDialog, QLabel, QWidget

from rfdesk.ui import i18n
from rfdesk.ui.forms.settings_dialog import Ui_SettingsDialog

FONT_KEY = "print_fonts/%s"
OTHER = "?other"  # the combo item that asks for a font file


def tr(text: str) -> str:
    return i18n.tr("Settings", text)


def saved_print_fonts() -> dict[str, str]:
    """The clerk's font per role on this computer (role → FontChoice.key); a role left standard is absent."""
    from rfdesk.documents.fonts import ROLES

    st = QSettings()
    out = {}
    for role in ROLES:
        key = st.value(FONT_KEY % role)
        if key:
            out[role] = str(key)
    return out


def apply_print_fonts() -> dict[str, str]:
    """Hand the saved fonts to the documents layer (at start-up, and after Settings)."""
    from rfdesk.documents.fonts import use_preferences

    chosen = saved_print_fonts()
    use_preferences(chosen)
    return chosen


def save_print_fonts(chosen: dict[str, str]) -> None:
    from rfdesk.documents.fonts import ROLES

    st = QSettings()
    for role in ROLES:
        if chosen.get(role):
            st.setValue(FONT_KEY % role, chosen[role])
        else:
            st.remove(FONT_KEY % role)
    st.sync()
    apply_print_fonts()


class SettingsDialog(QDialog):
    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from rfdesk.documents.fonts import ROLES, available_fonts
        from rfdesk.exchange.retention import load_policy

        self.db = db
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self.font_boxes: dict[str, QComboBox] = {r: getattr(self.ui, f"{r}_font") for r in ROLES}
        self.font_status: dict[str, QLabel] = {r: getattr(self.ui, f"{r}_status") for r in ROLES}
        saved = saved_print_fonts()
        fonts = available_fonts()
        for role, combo in self.font_boxes.items():
            combo.addItem(tr("Standard"), "")
            for choice in (c for c in fonts if c.role == role):
                where = tr("on this computer") if choice.source == "system" else tr("comes with rfdesk")
                combo.addItem(f"{choice.label}（{where}）", choice.key)
            if saved.get(role) and combo.findData(saved[role]) < 0:  # a file picked earlier, not installed
                self._add_file(combo, saved[role])
            combo.addItem(tr("Other font file…"), OTHER)
            combo.setCurrentIndex(max(0, combo.findData(saved.get(role, ""))))
            combo.setProperty("previous", combo.currentIndex())
            combo.currentIndexChanged.connect(lambda _i, role=role: self._font_changed(role))
        with db.session() as s:
            policy = load_policy(s)
        self.ui.daily.setValue(policy.daily)
        self.ui.weekly.setValue(policy.weekly)
        self.ui.monthly.setValue(policy.monthly)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self.show_font_status()

    @staticmethod
    def _add_file(combo: QComboBox, key: str) -> int:
        from rfdesk.documents.fonts import parse_key

        at = max(0, combo.findData(OTHER)) if combo.findData(OTHER) >= 0 else combo.count()
        combo.insertItem(at, f"{parse_key(key)[0].name}（{tr('font file')}）", key)
        return at

    def _font_changed(self, role: str) -> None:
        combo = self.font_boxes[role]
        if combo.currentData() == OTHER:
            key = self.pick_font_file(role)
            with QSignalBlocker(combo):
                if key:
                    found = combo.findData(key)
                    combo.setCurrentIndex(found if found >= 0 else self._add_file(combo, key))
                else:
                    combo.setCurrentIndex(int(combo.property("previous") or 0))
        combo.setProperty("previous", combo.currentIndex())
        self.show_font_status()

    def pick_font_file(self, role: str) -> str | None:
        """A TrueType file the clerk picks for ``role`` (its FontChoice key), or None."""
        from rfdesk.documents.fonts import is_truetype

        path, _f = QFileDialog.getOpenFileName(self, tr("Font file"), "", tr("TrueType fonts (*.ttf *.ttc)"))
        if not path:
            return None
        if not is_truetype(Path(path)):
            self.ui.message.setText(tr("%1 is not a TrueType font that can be printed with.")
                                    .replace("%1", Path(path).name))
            return None
        self.ui.message.clear()
        return path

    def chosen_fonts(self) -> dict[str, str]:
        return {role: combo.currentData() for role, combo in self.font_boxes.items()
                if combo.currentData() and combo.currentData() != OTHER}

    def show_font_status(self) -> None:
        """Beside each role, the font that will print it, and whether that is the bundled stand-in."""
        from rfdesk.documents.fonts import font_set

        fonts = font_set(self.chosen_fonts())
        for role, label in self.font_status.items():
            choice = fonts.choices[role]
            if choice.source == "bundled":
                text = tr("Not on this computer: printed in %1, which comes with rfdesk").replace("%1", choice.label)
                label.setStyleSheet("color: #b71c1c;")
            else:
                text = tr("Printed in %1").replace("%1", choice.label)
                label.setStyleSheet("")
            label.setText(text)
            label.setToolTip(fonts.fell_back.get(role, str(choice.path)))

    @property
    def bundled_roles(self) -> list[str]:
        """The roles that print in a bundled font with the current choices."""
        from rfdesk.documents.fonts import font_set

        fonts = font_set(self.chosen_fonts())
        return [r for r, c in fonts.choices.items() if c.source == "bundled"]

    def save(self) -> None:
        from rfdesk.exchange.retention import save_policy
        from rfdesk.services.errors import RfdeskError

        policy = {"daily": self.ui.daily.value(), "weekly": self.ui.weekly.value(),
                  "monthly": self.ui.monthly.value()}
        try:
            with self.db.session() as s:
                save_policy(s, policy)
        except RfdeskError as exc:
            self.ui.message.setText(i18n.error_text(exc))
            widget = getattr(self.ui, exc.field, None)
            if widget is not None:
                widget.setFocus()
            return
        save_print_fonts(self.chosen_fonts())
        self.accept()


def open_settings(parent: QWidget, db: Any) -> bool:
    """Show Settings; True when the clerk saved."""
    return SettingsDialog(db, parent).exec() == QDialog.DialogCode.Accepted
