"""Dialogs that fit a small screen (1024×768, 1366×768 with a task bar): never taller than the room."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

TITLE_BAR = 40  # the window manager's title bar and frame, which the dialog's own size leaves out


def room_for(widget: QWidget) -> QSize:
    """The largest size of a window on the widget's screen, its title bar included."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1280, 800)
    room = screen.availableGeometry()
    return QSize(room.width(), room.height() - TITLE_BAR)


def fit_to_screen(dialog: QWidget) -> None:
    """Make ``dialog`` fit its screen. A form whose fields need more height than the screen has scrolls
    them, while its last row (Save / Cancel) stays in sight; any dialog is made no larger than the room."""
    room = room_for(dialog)
    outer = dialog.layout()
    if outer is not None and outer.count() > 1 and outer.minimumSize().height() > room.height():
        last = outer.takeAt(outer.count() - 1)
        inner = QWidget()
        inner.setObjectName("scrolled_fields")
        inner.setLayout(outer)  # takes the layout, and the widgets in it, from the dialog
        scroll = QScrollArea(dialog)
        scroll.setObjectName("fields_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(dialog)
        layout.addWidget(scroll, 1)
        if last.widget() is not None:
            layout.addWidget(last.widget())
        elif last.layout() is not None:
            row = last.layout()
            row.setParent(None)
            layout.addLayout(row)
        dialog.setMinimumSize(0, 0)  # the old layout had set the dialog's minimum to all the fields' height
        layout.activate()
    dialog.resize(min(dialog.width(), room.width()), min(dialog.height(), room.height()))
