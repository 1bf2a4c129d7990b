"""Before an import: which spreadsheet column holds which field, and creating the organisations it names.

A clerk's sheet often has headers the import does not know ("联系人手机", "备注2") or lacks one it needs. The
mapping dialog then shows every column with its first values and a choice of the register's fields (or
"do not import"), filled in with what the import guessed. After the preview, organisations the sheet names
but the register lacks can be created on the spot (the clerk picks each one's kind), and the file is checked
again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rfdesk.ui import i18n

SAMPLE_VALUES = 3


def tr(text: str) -> str:
    return i18n.tr("ImportMapping", text)


def _label(f: Any) -> str:
    return f.zh if i18n.is_chinese() else f.en


def needs_mapping(register: str, headers: list[str], suggested: dict[int, str]) -> bool:
    """A header nobody recognised, or a required field without a column: the clerk has to say."""
    from rfdesk.exchange.import_rules import REQUIRED_COLUMNS

    unknown = any(h and i not in suggested for i, h in enumerate(headers))
    present = set(suggested.values())
    return unknown or any(not present & set(group) for group in REQUIRED_COLUMNS[register])


class ImportMappingDialog(QDialog):
    """Each column of the sheet with a choice of the register's field it holds, or "do not import"."""

    def __init__(self, register: str, layout: Any, parent: QWidget | None = None, *, file_name: str = "") -> None:
        super().__init__(parent)
        from rfdesk.exchange.columns import FIELDS

        self.setObjectName("import_mapping")
        self.register = register
        self.fields = list(FIELDS[register])
        self.headers = list(layout.headers)
        self.setWindowTitle(tr("Columns of the spreadsheet"))
        self.resize(720, 460)
        box = QVBoxLayout(self)
        intro = QLabel(tr("Say which field each column of %1 holds. Columns marked “Do not import” are left out.")
                       .replace("%1", file_name or tr("the file")), self)
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.table = QTableWidget(len(self.headers), 3, self)
        self.table.setObjectName("columns")
        self.table.setHorizontalHeaderLabels([tr("Column in the file"), tr("First values"), tr("Import as")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        for col, header in enumerate(self.headers):
            name = QTableWidgetItem(header or tr("(no header)"))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(col, 0, name)
            values = [cells[col] for _row, cells in layout.first_rows if col < len(cells) and cells[col]]
            sample = QTableWidgetItem("、".join(values[:SAMPLE_VALUES]))
            sample.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(col, 1, sample)
            combo = QComboBox(self.table)
            combo.addItem(tr("Do not import"), "")
            for f in self.fields:
                combo.addItem(_label(f) + (" *" if f.required else ""), f.key)
            chosen = layout.suggested.get(col, "")
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.currentIndexChanged.connect(self._check)
            self.table.setCellWidget(col, 2, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 180)
        box.addWidget(self.table, 1)
        self.problem = QLabel(self)
        self.problem.setObjectName("mapping_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")
        box.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(tr("Check the file"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        self._check()

    def choose(self, header: str, key: str) -> None:
        """Set the field of the column headed ``header`` (``""``: do not import)."""
        combo = self.combos[self.headers.index(header)]
        combo.setCurrentIndex(combo.findData(key))

    def mapping(self) -> dict[Any, Any]:
        """Column index → field key, ``""`` for a column left out: what ``preview_import`` takes."""
        return {col: combo.currentData() or "" for col, combo in enumerate(self.combos)}

    def problems(self) -> list[str]:
        from rfdesk.exchange.columns import field_of
        from rfdesk.exchange.import_rules import REQUIRED_COLUMNS

        chosen = [k for k in self.mapping().values() if k]
        out = []
        for key in sorted({k for k in chosen if chosen.count(k) > 1}, key=chosen.index):
            out.append(tr("“%1” is chosen for more than one column.").replace("%1", _label(field_of(self.register,
                                                                                                    key))))
        for group in REQUIRED_COLUMNS[self.register]:
            if not set(chosen) & set(group):
                names = tr(" or ").join(f"“{_label(field_of(self.register, k))}”" for k in group)
                out.append(tr("No column is imported as %1.").replace("%1", names))
        return out

    def _check(self) -> None:
        problems = self.problems()
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        self.ok.setEnabled(not problems)


def choose_mapping(parent: QWidget, register: str, path: str) -> dict[Any, Any] | None:
    """The clerk's column mapping when the sheet needs one, ``{}`` when the import's guess is complete
    (or the file cannot be read: the preview then says why), None when the clerk cancelled."""
    from rfdesk.exchange.importing import inspect_file
    from rfdesk.services.errors import RfdeskError

    try:
        layout = inspect_file(register, path)
    except (RfdeskError, OSError):
        return {}
    if not needs_mapping(register, layout.headers, layout.suggested):
        return {}
    dialog = ImportMappingDialog(register, layout, parent, file_name=Path(path).name)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.mapping()


# ---- organisations the sheet names but the register lacks ---------------------------------------------


class MissingOrganisationsDialog(QDialog):
    """The organisations to create, each with the kind the clerk picks."""

    def __init__(self, missing: dict[str, list[int]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from rfdesk.domain.codes import OrgKind

        self.setObjectName("missing_organisations")
        self.setWindowTitle(tr("Organisations not in the register"))
        self.resize(620, 360)
        box = QVBoxLayout(self)
        intro = QLabel(tr("The file names organisations that are not in the register. Create them now "
                          "(choose what kind each is), then the file is checked again."), self)
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.names = sorted(missing, key=lambda n: missing[n][0])
        self.table = QTableWidget(len(self.names), 3, self)
        self.table.setObjectName("organisations")
        self.table.setHorizontalHeaderLabels([tr("Organisation"), tr("Rows"), tr("Kind")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.kinds: list[QComboBox] = []
        for r, name in enumerate(self.names):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(r, 0, item)
            rows = missing[name]
            shown = "、".join(str(n) for n in rows[:5]) + ("…" if len(rows) > 5 else "")
            rows_item = QTableWidgetItem(shown)
            rows_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(r, 1, rows_item)
            combo = QComboBox(self.table)
            for kind in OrgKind:
                combo.addItem(i18n.coded(kind), kind.value)
            # An unknown name in a clerk's sheet is most often a body outside the system (a company, a
            # school); counting it as the system's own would change the system total.
            combo.setCurrentIndex(combo.findData(OrgKind.EXTERNAL.value))
            self.table.setCellWidget(r, 2, combo)
            self.kinds.append(combo)
        self.table.setColumnWidth(2, 150)
        box.addWidget(self.table, 1)
        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton(tr("Create them and check again"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Leave those rows out"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def choose_kind(self, name: str, kind: str) -> None:
        combo = self.kinds[self.names.index(name)]
        combo.setCurrentIndex(combo.findData(kind))

    def chosen(self) -> list[tuple[str, str]]:
        """(name, kind code) of each organisation to create."""
        return [(name, combo.currentData()) for name, combo in zip(self.names, self.kinds, strict=True)]


def create_missing_organisations(db: Any, chosen: list[tuple[str, str]]) -> None:
    """Create the organisations, all in one unit of work (a refused one creates none)."""
    from rfdesk.services.organisations import create_organisation, find_organisation

    with db.session() as s:
        for name, kind in chosen:
            if find_organisation(s, name) is None:
                create_organisation(s, {"name": name, "kind": kind})


def offer_missing_organisations(parent: QWidget, db: Any, preview: Any, check_again: Callable[[], Any]) -> Any:
    """When the preview names unknown organisations, offer to create them and preview again.

    Returns the preview to show (the new one after creating, or the same one if the clerk declined); None if
    checking again was cancelled."""
    if not preview.missing_organisations:
        return preview
    dialog = MissingOrganisationsDialog(preview.missing_organisations, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return preview
    from rfdesk.services.errors import RfdeskError
    from rfdesk.ui.errors import show_error

    try:
        create_missing_organisations(db, dialog.chosen())
    except RfdeskError as exc:
        show_error(exc, parent)
        return preview
    return check_again()
