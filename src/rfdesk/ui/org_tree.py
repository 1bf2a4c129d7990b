"""The organisation tree beside a register: every live organisation under its parent."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from rfdesk.ui import i18n


def tr(text: str) -> str:
    return i18n.tr("RegisterTab", text)


def fill_org_tree(tree: QTreeWidget, db: Any) -> None:
    """The organisation tree: every live organisation under its parent, with an 'all' item on top."""
    from rfdesk.services.organisations import list_organisations

    tree.clear()
    top = QTreeWidgetItem([tr("All organisations")])
    top.setData(0, Qt.ItemDataRole.UserRole, None)
    tree.addTopLevelItem(top)
    items: dict[int, QTreeWidgetItem] = {}
    with db.session() as s:
        orgs = [(o.id, o.parent_id, o.short_name or o.name, o.name) for o in list_organisations(s)]
    for oid, parent_id, short, full in orgs:
        parent = items.get(parent_id) if parent_id else None
        item = QTreeWidgetItem([short])
        item.setToolTip(0, full)
        item.setData(0, Qt.ItemDataRole.UserRole, oid)
        (parent or top).addChild(item)
        items[oid] = item
    top.setExpanded(True)
    for i in range(top.childCount()):
        top.child(i).setExpanded(True)
    tree.setCurrentItem(top)


def select_org(tree: QTreeWidget, org_id: int | None) -> None:
    """Make the organisation ``org_id`` current (the 'all' item for None or an unknown id)."""

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
