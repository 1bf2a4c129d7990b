"""The look of the window: Qt's Fusion style, with sort arrows the way Windows draws them.

Qt marks an ascending column with a downward arrow; a clerk used to Windows Explorer and Excel reads ▲ as
"A to Z, oldest first" and ▼ as "Z to A, newest first", so the arrows are turned round.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOptionHeader


class ClerkStyle(QProxyStyle):
    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: Any, painter: Any,  # noqa: N802
                      widget: Any = None) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
            up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
            if option.sortIndicator in (up, down):
                turned = QStyleOptionHeader(option)
                turned.sortIndicator = down if option.sortIndicator == up else up
                option = turned
        super().drawPrimitive(element, option, painter, widget)


def clerk_style() -> QStyle | None:
    """Fusion (the same on every PC) with Windows' sort arrows; None where Fusion is missing."""
    if "Fusion" not in QStyleFactory.keys():
        return None
    return ClerkStyle(QStyleFactory.create("Fusion"))
