"""The look of the register tables: sort arrows the way Windows draws them.

Qt marks an ascending column with a downward arrow; a clerk used to Windows Explorer and Excel reads ▲ as
"A to Z, oldest first" and ▼ as "Z to A, newest first", so the register tables' headers turn them round.
(Done in the header's own style option: a Python override of the style's drawPrimitive, the other way,
upsets PySide's reference counting and crashes the program.)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyleOptionHeader, QWidget

_TURNED = {QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
           QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp}


class ClerkHeader(QHeaderView):
    """A table header whose sort arrow points up for ascending order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)  # as the header QTableView makes itself
        self.setHighlightSections(True)

    def initStyleOptionForIndex(self, option: Any, logical_index: int) -> None:  # noqa: N802
        super().initStyleOptionForIndex(option, logical_index)
        option.sortIndicator = _TURNED.get(option.sortIndicator, option.sortIndicator)
