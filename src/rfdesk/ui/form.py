"""What every record form shares: reading and filling widgets by field name, inline validation marks,
completers for organisations and people, Enter to save and Esc to cancel.

A form's widgets are named after the service's fields (``organisation_id``, ``donated_on``), so a
ValidationError naming a field marks that widget and shows its message beside it.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from rfdesk.services.errors import RfdeskError
from rfdesk.ui import i18n

BLANK_DATE = QDate(1900, 1, 1)
INVALID_STYLE = "border: 1px solid #c62828; background: #fff3f3;"


def tr(text: str) -> str:
    return i18n.tr("Form", text)


# ---- widgets ---------------------------------------------------------------------------------------------


def fill_choices(combo: QComboBox, choices: list[tuple[Any, str]], *, blank: bool = False) -> None:
    """Fill a combo with (value, label) pairs; an editable one also completes what the clerk types."""
    combo.clear()
    if blank:
        combo.addItem("", None)
    for value, label in choices:
        combo.addItem(label, value)
    if combo.isEditable():
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        combo.lineEdit().setPlaceholderText(tr("Type to search"))


def fill_coded(combo: QComboBox, enum: Any, *, blank: bool = False) -> None:
    fill_choices(combo, [(m.value, i18n.coded(m)) for m in enum], blank=blank)


def optional_date(edit: QDateEdit) -> None:
    """A date field that may stay empty (shown blank until the clerk picks a date)."""
    edit.setMinimumDate(BLANK_DATE)
    edit.setSpecialValueText(" ")
    edit.setDate(BLANK_DATE)


class PersonPicker:
    """A line edit that completes people by name or pinyin initials and remembers whom the clerk picked."""

    def __init__(self, edit: QLineEdit, db: Any) -> None:
        self.edit = edit
        self.db = db
        self.person_id: int | None = None
        self._choices: dict[str, int] = {}
        self._model = QStringListModel(edit)
        self.completer = QCompleter(self._model, edit)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        # The list already holds only matches (pinyin included), so show it unfiltered.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        edit.setCompleter(self.completer)
        self.completer.activated[str].connect(self._picked)
        edit.textEdited.connect(self._typed)
        self._timer = QTimer(edit, singleShot=True, interval=150)
        self._timer.timeout.connect(self._lookup)

    def _typed(self, _text: str) -> None:
        self.person_id = None
        self._timer.start()

    def _lookup(self) -> None:
        from rfdesk.ui.queries import people_matching

        matches = people_matching(self.db, self.edit.text())
        self._choices = {label: pid for pid, label in matches}
        self._model.setStringList([label for _pid, label in matches])
        if matches and self.edit.hasFocus():
            self.completer.complete()

    def _picked(self, label: str) -> None:
        self.person_id = self._choices.get(label)

    def set(self, person_id: int | None, label: str) -> None:
        self.person_id = person_id
        self.edit.setText(label)

    def value(self) -> Any:
        """The picked person's id; else the one person the typed text matches; else the text (refused later)."""
        if self.person_id is not None:
            return self.person_id
        text = self.edit.text().strip()
        if not text:
            return None
        from rfdesk.ui.queries import people_matching

        matches = people_matching(self.db, text, limit=2)
        exact = [pid for pid, label in matches if label.split("（")[0] == text]
        if len(matches) == 1 or len(exact) == 1:
            self.person_id = exact[0] if len(exact) == 1 else matches[0][0]
            return self.person_id
        return text


def read_widget(w: QWidget) -> Any:
    """The raw value a widget holds, as a service expects it (text, code, id, date or None)."""
    if isinstance(w, QComboBox):
        if w.isEditable():
            text = w.currentText().strip()
            if not text:
                return None
            idx = w.findText(text, Qt.MatchFlag.MatchFixedString)
            if idx >= 0:
                return w.itemData(idx)
            return text
        return w.currentData()
    if isinstance(w, QDateEdit):
        d = w.date()
        if w.specialValueText() and d == w.minimumDate():
            return None
        return d.toPython()
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QCheckBox):
        return w.isChecked()
    if isinstance(w, QSpinBox):
        return w.value()
    if isinstance(w, QLineEdit):
        return w.text()
    if isinstance(w, QLabel):
        return w.text()
    raise TypeError(type(w).__name__)


def write_widget(w: QWidget, value: Any) -> None:
    if isinstance(w, QComboBox):
        idx = w.findData(value)
        if idx < 0 and w.isEditable() and value is not None:
            w.setEditText(str(value))
        else:
            w.setCurrentIndex(max(idx, 0))
    elif isinstance(w, QDateEdit):
        if value is None:
            if w.specialValueText():
                w.setDate(w.minimumDate())
        else:
            w.setDate(QDate(value))
    elif isinstance(w, QPlainTextEdit):
        w.setPlainText(value or "")
    elif isinstance(w, QCheckBox):
        w.setChecked(bool(value))
    elif isinstance(w, QSpinBox):
        w.setValue(int(value or 0))
    elif isinstance(w, (QLineEdit, QLabel)):
        if isinstance(value, Decimal):
            value = format(value.normalize(), "f") if value == value.to_integral() else str(value)
        w.setText("" if value is None else str(value))


# ---- the form ---------------------------------------------------------------------------------------------


class RecordForm(QDialog):
    """A dialog built from a Designer form whose widgets are named after service fields."""

    ui_class: Any = None
    fields: tuple[str, ...] = ()

    def __init__(self, db: Any, parent: QWidget | None = None, *, record_id: int | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.record_id = record_id
        self.version: int | None = None
        self.ui = self.ui_class()
        self.ui.setupUi(self)
        self._marks: dict[str, QLabel] = {}
        self.pickers: dict[str, PersonPicker] = {}
        buttons: QDialogButtonBox = self.ui.buttons
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            save.setDefault(True)
            save.setAutoDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.message_label().setText("")
        self.message_label().setVisible(False)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        if not getattr(self, "_fitted", False):
            self._fitted = True
            from rfdesk.ui.screen_fit import fit_to_screen

            fit_to_screen(self)
        super().showEvent(event)

    def widget(self, name: str) -> QWidget:
        return getattr(self.ui, name)

    def message_label(self) -> QLabel:
        return self.ui.message

    def value(self, name: str) -> Any:
        if name in self.pickers:
            return self.pickers[name].value()
        return read_widget(self.widget(name))

    def set_value(self, name: str, value: Any) -> None:
        write_widget(self.widget(name), value)

    def data(self) -> dict[str, Any]:
        return {name: self.value(name) for name in self.fields}

    def load(self, obj: Any) -> None:
        """Fill the form from a record read in the caller's session."""
        self.version = getattr(obj, "version", None)
        for name in self.fields:
            if name in self.pickers:
                continue
            if hasattr(obj, name):
                self.set_value(name, getattr(obj, name))
        for edit in self.findChildren(QLineEdit):
            edit.setCursorPosition(0)  # long titles show their beginning

    def write(self, session: Any, data: dict[str, Any]) -> Any:
        """Create or update through the service; returns the record."""
        raise NotImplementedError

    def save(self) -> None:
        """Validate and save through the service; on refusal mark the field and keep the form open."""
        self.clear_marks()
        data = self.data()
        try:
            with self.db.session() as s:
                obj = self.write(s, data)
                if obj is not None and getattr(obj, "id", None) is not None:
                    self.record_id = obj.id
        except RfdeskError as exc:
            self.mark(exc)
            return
        self.accept()

    # ---- validation marks ----------------------------------------------------------------------------

    def field_widget(self, field: str) -> QWidget | None:
        """The widget for a service field name; rows of a grid (rows[2].amount) map to the grid."""
        base = re.sub(r"\[\d+\].*$", "", field)
        for name in (field, base, base.removesuffix("_id"), f"{base}_id"):
            w = getattr(self.ui, name, None)
            if isinstance(w, QWidget):
                return w
        return None

    def mark(self, exc: RfdeskError) -> None:
        text = i18n.error_text(exc)
        w = self.field_widget(exc.field)
        if w is None:
            self.message_label().setText(text)
            self.message_label().setVisible(True)
            return
        w.setProperty("invalid", True)
        w.setStyleSheet(INVALID_STYLE if not isinstance(w, QTableWidget) else "QTableWidget {" + INVALID_STYLE + "}")
        w.setToolTip(text)
        label = self._inline_label(w)
        if label is not None:
            label.setText(text)
            label.setVisible(True)
        else:
            self.message_label().setText(text)
            self.message_label().setVisible(True)
        self._marks[exc.field] = label or self.message_label()
        w.setFocus()

    def _inline_label(self, w: QWidget) -> QLabel | None:
        """A red line right under the field (in its form layout), created on first use."""
        existing = getattr(w, "_error_label", None)
        if existing is not None:
            return existing
        for layout in self.findChildren(QFormLayout):
            row, _role = layout.getWidgetPosition(w)
            if row >= 0:
                label = QLabel(self)
                label.setObjectName(f"{w.objectName()}_error")
                label.setWordWrap(True)
                label.setStyleSheet("color: #c62828;")
                layout.insertRow(row + 1, "", label)
                w._error_label = label  # type: ignore[attr-defined]
                return label
        return None

    def clear_marks(self) -> None:
        for w in self.findChildren(QWidget):
            if w.property("invalid"):
                w.setProperty("invalid", False)
                w.setStyleSheet("")
                w.setToolTip("")
            label = getattr(w, "_error_label", None)
            if label is not None:
                label.setVisible(False)
        self.message_label().setVisible(False)
        self._marks.clear()

    def marked_fields(self) -> list[str]:
        return list(self._marks)


def parse_date(value: Any) -> date | None:
    return value if isinstance(value, date) else None
