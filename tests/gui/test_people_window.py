"""Personnel: a clerk adds a person through the form and finds them again by pinyin initials."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox


def test_clerk_adds_a_person_and_finds_them_by_pinyin_initials(window: Any, office: dict[str, int], qtbot: Any) -> None:
    from rfdesk.ui.people_forms import PersonDialog

    people = window.show_tab("people").register
    dlg = PersonDialog(window.db, people)
    qtbot.addWidget(dlg)
    dlg.ui.name.insert("曹裕军")  # QTest types ASCII only; insert() is what an input method does
    dlg.ui.organisation_id.setCurrentIndex(dlg.ui.organisation_id.findData(office["works"]))
    dlg.ui.post.insert("党支部书记")
    qtbot.keyClicks(dlg.ui.phone, "13837112345")
    dlg.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dlg.result() == dlg.DialogCode.Accepted
    people.refresh()

    people.search.setText("cyj")
    people.apply_filter()
    assert people.model.count == 1
    name_col = [c.key for c in people.query.columns].index("name")
    assert people.model.index(0, name_col).data() == "曹裕军"
    assert "1" in window.summary_label.text()


def test_a_bad_id_number_is_marked_beside_the_field_and_nothing_is_saved(window: Any, qtbot: Any) -> None:
    from rfdesk.ui.people_forms import PersonDialog

    people = window.show_tab("people").register
    dlg = PersonDialog(window.db, people)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.ui.name.insert("孙志敏")
    qtbot.keyClicks(dlg.ui.id_number, "410105198001011234")  # wrong check digit
    qtbot.keyClick(dlg.ui.name, Qt.Key.Key_Return)   # Enter saves

    assert dlg.isVisible(), "a refused form stays open with what the clerk typed"
    assert dlg.marked_fields() == ["id_number"]
    error = dlg.findChild(type(dlg.ui.message), "id_number_error")
    assert error is not None and error.isVisible() and "身份证" in error.text()
    assert dlg.ui.name.text() == "孙志敏"
    people.refresh()
    assert people.model.count == 0
