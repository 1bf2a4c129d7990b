"""What the menus and the toolbar ask of the register in front: find, delete, print, edit, history."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox

from rfdesk.ui import i18n


def tr(text: str) -> str:
    return i18n.tr("RegisterTab", text)


class RegisterCommands:
    """Mixed into RegisterTab; uses its table, model, search box, db and hooks."""

    db: Any
    model: Any
    query: Any
    title: str
    report_kind: str | None
    # Filters a chart bar or a link can ask for that have no box of their own above the list (Filter.extra).
    extra_filters: tuple[str, ...] = ()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def delete_selected(self) -> None:
        ids = self.selected_ids() or ([self.current_id()] if self.current_id() is not None else [])
        if not ids:
            return
        answer = QMessageBox.question(
            self, tr("Move to recycle bin"),
            tr("Move %n record(s) to the recycle bin? They can be restored from Edit → Recycle bin.")
            .replace("%n", str(len(ids))))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from rfdesk.services.errors import RfdeskError
        from rfdesk.ui.errors import show_error

        try:
            for rid in ids:
                self.delete_record(rid)
        except RfdeskError as exc:
            show_error(exc, self)
        self.refresh()

    def report_filters(self) -> dict[str, Any]:
        """The current filter in the terms of the printed report."""
        return {}

    def print_current(self) -> None:
        """Ctrl+P: the register's printed report for what is shown, previewed first."""
        if self.report_kind is None:
            nothing_to_print(self)
            return
        from rfdesk.ui.printing import print_report

        print_report(self, self.db, self.report_kind, tr(self.title), **self.report_filters())

    def edit_current(self) -> None:
        rid = self.current_id()
        if rid is not None:
            self.edit_record(rid)

    def show_history(self) -> None:
        from rfdesk.ui.dialogs import HistoryDialog

        rid = self.current_id()
        if rid is not None:
            HistoryDialog(self.db, self.query.model, rid, self.detail_title(rid), self).exec()

    def detail_title(self, record_id: int) -> str:
        values = self.model.row_values(self.table.currentIndex().row()) or ()
        return str(values[1]) if len(values) > 1 and values[1] else f"#{record_id}"

    def show_filtered(self, **values: Any) -> None:
        extra = {k: values.pop(k) for k in self.extra_filters if k in values}
        self.set_filter_values(**values)
        if extra:
            flt = self.current_filter()
            flt.extra.update(extra)
            self.model.set_filter(flt)
            self.summaryChanged.emit()


def nothing_to_print(parent: Any) -> None:
    """Ctrl+P where no report is printed: say where one is, rather than doing nothing."""
    QMessageBox.information(parent, tr("Print"),
                            tr("This page has no printed report. Reports are printed from the registers of "
                               "people, commendations, donations and resources, documents from the 公文 tab."))
