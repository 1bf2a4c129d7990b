"""The organisation tree beside a register: every live organisation under its parent."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from rfdesk.ui import i18n

_ID = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return i18n.tr("RegisterTab", text)


def fill_org_tree(tree: QTreeWidget, db: Any) -> None:
    """The organisation tree: every live organisation under its parent, with an 'all' item on top (made again
    only when the units have changed since it was last filled)."""
    from rfdesk.ui.queries import organisation_tree

    orgs = organisation_tree(db)
    if orgs == getattr(tree, "shown_organisations", None) and tree.topLevelItemCount():
        return   # F5 with the units as they were: the tree stays, with the branches the clerk opened
    tree.shown_organisations = orgs  # type: ignore[attr-defined]
    tree.clear()
    top = QTreeWidgetItem([tr("All organisations")])
    top.setData(0, _ID, None)
    # The whole tree is made before it is given to the widget: added one by one, each item would be announced
    # to the view on its own.
    items: dict[int, QTreeWidgetItem] = {}
    for oid, parent_id, short, full in orgs:
        item = QTreeWidgetItem(items.get(parent_id, top) if parent_id else top, [short or full])
        item.setToolTip(0, full)
        item.setData(0, _ID, oid)
        items[oid] = item
    tree.addTopLevelItem(top)
    top.setExpanded(True)
    for i in range(top.childCount()):
        top.child(i).setExpanded(True)
    tree.setCurrentItem(top)


def select_org(tree: QTreeWidget, org_id: int | None) -> None:
    """Make the organisation ``org_id`` current (the 'all' item for None or an unknown id)."""
    current = tree.currentItem()
    if current is not None and current.data(0, _ID) == org_id:
        return

    def walk(item: QTreeWidgetItem) -> QTreeWidgetItem | None:
        if item.data(0, Qt.ItemDataRole.UserRole) == org_id:
            return item
        for i in range(item.childCount()):
            found = walk(item.child(i))
            if found:
                return found
        return None

    top = tree.topLevelItem(0)
    found = walk(top) if top else None
    tree.setCurrentItem(found or top)
