"""Stories of the donation, resource and commendation registers, and of the recycle bin, in the window."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QTableWidgetItem


def _save(dlg: Any) -> None:
    dlg.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()


@pytest.fixture
def person(db: Any, office: dict[str, int]) -> int:
    from rfdesk.services.people import create_person

    with db.session() as s:
        return create_person(s, {"name": "曹裕军", "organisation_id": office["works"]}).id


def test_recording_a_donation_changes_the_total_in_the_status_bar(window: Any, person: int, qtbot: Any) -> None:
    from rfdesk.ui.donation_forms import DonationDialog

    tab = window.show_tab("donations")
    assert tab.model.count == 0
    dlg = DonationDialog(window.db, tab)
    qtbot.addWidget(dlg)
    dlg.set_value("donor_kind", "person")
    dlg.pickers["donor_person_id"].set(person, "曹裕军")
    qtbot.keyClicks(dlg.ui.amount, "1,200.50")
    _save(dlg)
    assert dlg.result() == dlg.DialogCode.Accepted, dlg.ui.message.text()
    tab.refresh()

    assert tab.model.count == 1
    assert tab.model.total == Decimal("1200.50")
    assert "1,200.50" in window.summary_label.text()
    receipt = tab.model.index(0, 0).data()
    assert receipt.endswith("-000001"), "the receipt number is assigned by the register"


def test_a_batch_closes_only_when_count_and_total_match(window: Any, person: int, qtbot: Any) -> None:
    from rfdesk.ui.donation_forms import BatchEntryDialog

    tab = window.show_tab("donations")
    dlg = BatchEntryDialog(window.db, tab)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.ui.declared_count.setValue(2)
    qtbot.keyClicks(dlg.ui.declared_total, "300")
    rows = dlg.ui.rows
    assert rows.rowCount() == 2, "declaring the count opens that many rows"
    for r, amount in enumerate(("100", "150")):
        rows.setItem(r, 0, QTableWidgetItem("曹裕军"))
        rows.setItem(r, 1, QTableWidgetItem(amount))
    _save(dlg)
    assert dlg.isVisible() and dlg.marked_fields() == ["declared_total"]
    tab.refresh()
    assert tab.model.count == 0, "a batch that does not add up writes nothing"

    rows.setItem(1, 1, QTableWidgetItem("200"))
    _save(dlg)
    assert dlg.result() == dlg.DialogCode.Accepted
    tab.refresh()
    assert tab.model.count == 2 and tab.model.total == Decimal("300.00")


def test_allocating_more_than_the_store_holds_is_refused_with_the_balance(window: Any, office: dict[str, int],
                                                                          qtbot: Any) -> None:
    from rfdesk.services.resources import create_resource, receive_stock
    from rfdesk.ui.resource_forms import StockMovementDialog

    with window.db.session() as s:
        masks = create_resource(s, {"kind": "supply", "name": "医用口罩", "unit_of_measure": "只"})
        receive_stock(s, masks.id, office["store"], 500, "2020-02-01")
        masks_id = masks.id
    tab = window.show_tab("resources")
    dlg = StockMovementDialog(window.db, tab, resource_id=masks_id, kind="allocation")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_value("from_place_id", office["store"])
    dlg.set_value("to_place_id", office["community"])
    assert "500" in dlg.ui.balance.text()
    qtbot.keyClicks(dlg.ui.quantity, "800")
    _save(dlg)

    assert dlg.isVisible()
    assert dlg.marked_fields() == ["quantity"]
    refusal = dlg.findChild(type(dlg.ui.message), "quantity_error").text()
    assert "库存不足" in refusal and "500" in refusal
    from rfdesk.services.resources import balance

    with window.db.session() as s:
        assert balance(s, masks_id, office["store"]) == Decimal("500.000")


def test_clerk_builds_a_commendation_batch_from_the_registers(window: Any, person: int, office: dict[str, int],
                                                             qtbot: Any) -> None:
    from rfdesk.ui.commendation_forms import CommendationBatchDialog

    tab = window.show_tab("commendations")
    dlg = CommendationBatchDialog(window.db, tab)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.ui.title.insert("第一批“硬核”党支部和“硬核”共产党员")
    dlg.set_value("issuer_id", office["top"])
    dlg.set_value("honoree_kind", "person")
    dlg.person_picker.set(person, "曹裕军")
    dlg.ui.category.setEditText("“硬核”共产党员")
    dlg.ui.deeds.setPlainText("两次悄悄捐款。")
    dlg.ui.add_honoree.click()
    dlg.set_value("honoree_kind", "organisation")
    dlg.ui.honoree.insert("工程管理处")
    dlg.ui.category.setEditText("“硬核”党支部")
    dlg.ui.add_honoree.click()
    assert dlg.honoree_count() == 2, dlg.ui.message.text()
    _save(dlg)
    assert dlg.result() == dlg.DialogCode.Accepted
    tab.refresh_batches()
    assert tab.model.count == 2
    names = {tab.model.index(r, 2).data() for r in range(2)}
    assert names == {"曹裕军", "工程管理处"}

    # The person's own record now shows the commendation.
    people = window.show_tab("people").register
    people.select_id(person)
    assert "第一批“硬核”党支部和“硬核”共产党员" in people.detail.toPlainText()


def test_deleted_person_is_restored_from_the_bin_and_both_show_in_the_history(
        window: Any, person: int, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from rfdesk.domain import Person
    from rfdesk.ui.dialogs import RecycleBinDialog, history_lines

    people = window.show_tab("people").register
    people.select_id(person)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_action.trigger()
    assert people.model.count == 0

    bin_dialog = RecycleBinDialog(window.db, window)
    qtbot.addWidget(bin_dialog)
    assert bin_dialog.table.rowCount() == 1 and bin_dialog.table.item(0, 1).text() == "曹裕军"
    bin_dialog.table.selectRow(0)
    bin_dialog.restore_selected()
    assert bin_dialog.table.rowCount() == 0
    people.refresh()
    assert people.model.count == 1

    with window.db.session() as s:
        lines = history_lines(s, Person, person)
    assert [line.split()[3][:2] for line in lines] == ["新建", "删除", "恢复"]


def test_the_next_donation_form_offers_the_last_campaign_and_date(window: Any, person: int, qtbot: Any) -> None:
    from datetime import date

    from rfdesk.services.donations import create_campaign
    from rfdesk.ui.donation_forms import DonationDialog

    with window.db.session() as s:
        campaign = create_campaign(s, {"name": "抗击新冠肺炎疫情捐款", "started_on": "2020-01-26"}).id
    tab = window.show_tab("donations")
    first = DonationDialog(window.db, tab)
    qtbot.addWidget(first)
    first.set_value("donor_kind", "person")
    first.pickers["donor_person_id"].set(person, "曹裕军")
    first.set_value("campaign_id", campaign)
    first.set_value("donated_on", date(2020, 2, 3))
    qtbot.keyClicks(first.ui.amount, "500")
    _save(first)
    assert first.result() == first.DialogCode.Accepted, first.ui.message.text()

    second = DonationDialog(window.db, tab)
    qtbot.addWidget(second)
    assert second.value("campaign_id") == campaign
    assert second.value("donated_on") == date(2020, 2, 3)


def test_the_donor_cell_of_a_batch_completes_people_by_pinyin(window: Any, person: int, qtbot: Any) -> None:
    from rfdesk.ui.donation_forms import BatchEntryDialog

    dlg = BatchEntryDialog(window.db, window.show_tab("donations"))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.ui.declared_count.setValue(1)
    rows = dlg.ui.rows
    index = rows.model().index(0, 0)
    delegate = rows.itemDelegateForColumn(0)
    editor = delegate.createEditor(rows.viewport(), None, index)
    qtbot.keyClicks(editor, "cyj")
    editor.picker._lookup()
    assert editor.picker.completer.model().stringList() == ["曹裕军（工程管理处）"]
    editor.picker.completer.activated[str].emit("曹裕军（工程管理处）")
    editor.setText("曹裕军（工程管理处）")
    delegate.setModelData(editor, rows.model(), index)
    assert rows.item(0, 0).text() == "曹裕军"
    assert dlg._row_values()[0][0] == person


def test_a_new_campaign_is_offered_in_the_next_donation_form(window: Any, person: int, qtbot: Any) -> None:
    from rfdesk.ui.donation_forms import CampaignDialog, DonationDialog, remember_entry

    dlg = CampaignDialog(window.db, window)
    qtbot.addWidget(dlg)
    dlg.ui.name.insert("抗击新冠肺炎疫情捐款")
    _save(dlg)
    assert dlg.result() == dlg.DialogCode.Accepted, dlg.ui.message.text()
    remember_entry(dlg.record_id, None)
    form = DonationDialog(window.db, window)
    qtbot.addWidget(form)
    assert form.ui.campaign_id.currentText() == "抗击新冠肺炎疫情捐款"


def test_links_from_the_overview_narrow_the_register_to_what_they_name(window: Any, person: int,
                                                                        office: dict[str, int]) -> None:
    from rfdesk.services.campaigns import create_campaign
    from rfdesk.services.donations import create_donation
    from rfdesk.services.resources import create_resource, receive_stock

    with window.db.session() as s:
        masks = create_resource(s, {"kind": "supply", "name": "医用口罩", "unit_of_measure": "只", "min_stock": 1000})
        receive_stock(s, masks.id, office["store"], 500, "2020-02-01")
        alcohol = create_resource(s, {"kind": "supply", "name": "医用酒精", "unit_of_measure": "瓶", "min_stock": 10})
        receive_stock(s, alcohol.id, office["store"], 50, "2020-02-01")
        appeal = create_campaign(s, {"name": "抗击新冠肺炎疫情捐款"})
        create_donation(s, {"donor_kind": "person", "donor_person_id": person, "amount": "300",
                            "donated_on": "2020-02-03", "campaign_id": appeal.id})
        create_donation(s, {"donor_kind": "person", "donor_person_id": person, "amount": "80",
                            "donated_on": "2020-02-04"})
        appeal_id = appeal.id

    window.open_register("resources", {"below_minimum": True})
    resources = window.show_tab("resources")
    assert resources.model.count == 1 and resources.model.index(0, 0).data() == "医用口罩"

    window.open_register("donations", {"campaign_id": appeal_id})
    donations = window.show_tab("donations")
    assert donations.model.count == 1 and donations.model.total == Decimal("300.00")

    window.open_register("donations", {})
    assert donations.model.count == 2, "a link without the campaign shows every donation again"
