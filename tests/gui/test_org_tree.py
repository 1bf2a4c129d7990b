"""The organisation tree beside a register: every live unit under its parent, as the clerk knows them."""

from __future__ import annotations

from typing import Any


def _tree(item: Any) -> list[Any]:
    return [(item.child(i).text(0), item.child(i).toolTip(0), _tree(item.child(i)))
            for i in range(item.childCount())]


def test_the_tree_shows_each_unit_by_its_short_name_under_its_parent_and_leaves_out_the_recycle_bin(
        window: Any, office: dict[str, int], qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    from rfdesk.services.organisations import create_organisation, delete_organisation

    with window.db.session() as s:
        city = create_organisation(s, {"name": "郑州市人民防空办公室", "short_name": "郑州市人防",
                                       "kind": "city_office", "parent_id": office["top"]})
        district = create_organisation(s, {"name": "金水区人民防空办公室", "short_name": "金水区人防",
                                           "kind": "county_office", "parent_id": city.id})
        gone = create_organisation(s, {"name": "已撤销的科室", "kind": "department", "parent_id": office["top"]})
        delete_organisation(s, gone.id)

    tab = window.show_tab("donations")
    tab.refresh()
    top = tab.org_tree.topLevelItem(0)
    assert tab.org_tree.topLevelItemCount() == 1 and top.data(0, Qt.ItemDataRole.UserRole) is None
    assert _tree(top) == [("省人防办", "河南省人民防空办公室", [
        ("工程管理处", "工程管理处", []),
        ("人事教育处", "人事教育处", []),
        ("郑州市人防", "郑州市人民防空办公室", [("金水区人防", "金水区人民防空办公室", [])]),
    ])]
    office_item = top.child(0)
    assert top.isExpanded() and office_item.isExpanded(), "the office's own units are in sight at once"
    assert tab.org_tree.currentItem() is top

    tab.set_filter_values(organisation_id=district.id)
    assert tab.org_tree.currentItem().text(0) == "金水区人防"
    assert tab.model.filter.organisation_id == district.id


def test_f5_keeps_the_branches_the_clerk_opened_until_the_units_change(window: Any, office: dict[str, int],
                                                                      qtbot: Any) -> None:
    from rfdesk.services.organisations import create_organisation

    with window.db.session() as s:
        city = create_organisation(s, {"name": "郑州市人民防空办公室", "short_name": "郑州市人防",
                                       "kind": "city_office", "parent_id": office["top"]})
        create_organisation(s, {"name": "金水区人民防空办公室", "kind": "county_office", "parent_id": city.id})

    tab = window.show_tab("donations")
    tab.refresh()
    city_item = tab.org_tree.topLevelItem(0).child(0).child(2)
    assert city_item.text(0) == "郑州市人防" and not city_item.isExpanded()
    city_item.setExpanded(True)                       # the clerk opens the city's branch
    tab.org_tree.setCurrentItem(city_item.child(0))   # and picks the district
    assert tab.model.filter.organisation_id == city_item.child(0).data(0, 256)

    tab.refresh()                                     # F5
    assert city_item.isExpanded() and tab.org_tree.currentItem() is city_item.child(0)

    with window.db.session() as s:
        create_organisation(s, {"name": "二七区人民防空办公室", "kind": "county_office", "parent_id": city.id})
    tab.refresh()                                     # F5 after a colleague added a unit
    city_item = tab.org_tree.topLevelItem(0).child(0).child(2)
    assert sorted(city_item.child(i).text(0) for i in range(city_item.childCount())) == \
        sorted(["金水区人民防空办公室", "二七区人民防空办公室"])
    assert tab.org_tree.currentItem().text(0) == "金水区人民防空办公室", "the district picked stays picked"
