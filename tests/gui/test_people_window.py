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

    assert "选中一行" in people.detail.toPlainText(), "with nothing selected the pane says how to see a record"
    people.table.selectRow(0)
    assert "曹裕军" in people.detail.toPlainText() and "党支部书记" in people.detail.toPlainText()
    assert "选中一行" not in people.detail.toPlainText()


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

    qtbot.keyClick(dlg.ui.phone, Qt.Key.Key_Escape)   # Esc cancels
    assert not dlg.isVisible() and dlg.result() == dlg.DialogCode.Rejected
    people.refresh()
    assert people.model.count == 0


def test_a_member_leaves_the_team_and_a_seconded_clerk_is_back_in_post(window: Any, office: dict[str, int],
                                                                       qtbot: Any) -> None:
    from datetime import date, timedelta

    from rfdesk.services.people import create_person
    from rfdesk.services.teams import add_member, create_team, team_members
    from rfdesk.services.whereabouts import create_assignment, people_by_status
    from rfdesk.ui.teams import MembersDialog

    week_ago = date.today() - timedelta(days=7)
    with window.db.session() as s:
        person = create_person(s, {"name": "刘宪武", "organisation_id": office["works"]})
        team = create_team(s, {"name": "机关直属专业队志愿理发组", "kind": "volunteer_team"})
        add_member(s, {"team_id": team.id, "person_id": person.id, "role": "理发", "joined_on": week_ago})
        create_assignment(s, {"person_id": person.id, "status": "community", "place_id": office["community"],
                              "start_date": week_ago})
        person_id, team_id = person.id, team.id

    dialog = MembersDialog(window.db, team_id, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "刘宪武"
    dialog.table.selectRow(0)
    dialog.end_button.click()
    assert dialog.table.item(0, 3).text() == date.today().isoformat(), "kept on record as a former member"
    with window.db.session() as s:
        assert team_members(s, team_id, on=date.today() + timedelta(days=1)) == []

    where = window.show_tab("people").whereabouts
    window.tab("people").inner.setCurrentWidget(where)
    assert where.model.count == 1
    assert "下沉社区 1" in window.summary_label.text()
    where.table.selectRow(0)
    where.findChild(type(where.new_button), "back_in_post").click()
    with window.db.session() as s:
        assert people_by_status(s, date.today() + timedelta(days=1)) == {"in_post": 1}
    assert person_id


def test_names_sort_by_pinyin_and_any_column_sorts(window: Any, office: dict[str, int]) -> None:
    from rfdesk.services.people import create_person

    with window.db.session() as s:
        for name, post in (("曾方", "科员"), ("曹裕军", "党支部书记"), ("白超", "处长"), ("孙志敏", "副处长")):
            create_person(s, {"name": name, "post": post, "organisation_id": office["works"]})
    people = window.show_tab("people").register
    columns = [c.key for c in people.query.columns]

    people.table.sortByColumn(columns.index("name"), Qt.SortOrder.AscendingOrder)
    names = [people.model.index(r, columns.index("name")).data() for r in range(4)]
    assert names == ["白超", "曹裕军", "孙志敏", "曾方"], "by pinyin: bai, cao, sun, zeng (曾 read as a surname)"

    people.table.sortByColumn(columns.index("name"), Qt.SortOrder.DescendingOrder)
    assert people.model.index(0, columns.index("name")).data() == "曾方"

    people.table.sortByColumn(columns.index("post"), Qt.SortOrder.AscendingOrder)
    posts = [people.model.index(r, columns.index("post")).data() for r in range(4)]
    assert posts == ["处长", "党支部书记", "副处长", "科员"], "by pinyin: chu, dang, fu, ke (by code point 党 is first)"


def test_a_new_unit_added_under_the_office_appears_in_every_register_tree(window: Any, office: dict[str, int],
                                                                         qtbot: Any) -> None:
    from rfdesk.ui.organisations import OrganisationDialog, OrganisationsDialog

    dialog = OrganisationsDialog(window.db, window)
    qtbot.addWidget(dialog)
    top = dialog.tree.topLevelItem(0)
    assert top.text(0) == "河南省人民防空办公室" and top.childCount() == 2
    form = OrganisationDialog(window.db, dialog, parent_id=office["top"])
    qtbot.addWidget(form)
    form.ui.name.insert("指挥与应急协调处")
    form.ui.buttons.accepted.emit()
    assert form.result() == form.DialogCode.Accepted, form.ui.message.text()
    dialog._after(True)
    assert dialog.tree.topLevelItem(0).childCount() == 3

    window.refresh_all()
    tree = window.show_tab("donations").org_tree
    office_item = tree.topLevelItem(0).child(0)
    assert "指挥与应急协调处" in [office_item.child(i).text(0) for i in range(office_item.childCount())]
