"""Where a backup goes: the USB sticks and other drives plugged in, each with its free space.

Qt does not say whether a drive is removable, so every drive the clerk could write to is offered except the
one the system runs from; a clerk recognises the stick by its name and size. Any other folder can still be
chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rfdesk.ui import i18n

# Filesystems that are the system's own bookkeeping, never a place for a backup.
_PSEUDO = {"tmpfs", "devtmpfs", "proc", "sysfs", "overlay", "squashfs", "ramfs", "cgroup", "cgroup2", "autofs",
           "devpts", "mqueue", "debugfs", "tracefs", "securityfs", "pstore", "bpf", "configfs", "fusectl",
           "hugetlbfs", "nsfs", "efivarfs", "binfmt_misc"}


def tr(text: str) -> str:
    return i18n.tr("Drives", text)


@dataclass(frozen=True)
class Drive:
    name: str
    folder: str
    free: int   # bytes
    total: int  # bytes


def drive_of(storage: QStorageInfo, folder: str | None = None) -> Drive:
    """The drive ``storage`` as the clerk sees it (its label, or its letter or mount point when it has none)."""
    root = folder or storage.rootPath()
    name = storage.displayName() or storage.name() or root
    return Drive(name, root, int(storage.bytesAvailable()), int(storage.bytesTotal()))


def backup_drives() -> list[Drive]:
    """Drives a backup can be written to: ready, writable, not the system's own drive or a pseudo one."""
    system = QStorageInfo.root().rootPath()
    found = []
    for storage in QStorageInfo.mountedVolumes():
        fs = bytes(storage.fileSystemType().data()).decode("ascii", "replace").lower()
        if (not storage.isValid() or not storage.isReady() or storage.isReadOnly() or storage.isRoot()
                or storage.rootPath() == system or fs in _PSEUDO or storage.bytesTotal() <= 0):
            continue
        found.append(drive_of(storage))
    return found


def size_text(size: int) -> str:
    """A size as a clerk reads it: 3.7 GB, 512 MB."""
    if size >= 1024 ** 3:
        return f"{size / 1024 ** 3:.1f} GB"
    return f"{size / 1024 ** 2:.0f} MB"


class BackupTargetDialog(QDialog):
    """Pick the USB stick (or another folder) for a backup; a drive too full for it is marked."""

    def __init__(self, drives: list[Drive], needed: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Back up to USB stick"))
        self.resize(560, 320)
        self.drives = drives
        self.needed = needed
        self.folder: str | None = None
        layout = QVBoxLayout(self)
        intro = tr("Plug in the USB stick, then choose it. The backup needs about %1.")
        self.intro = QLabel(intro.replace("%1", size_text(needed)), self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(len(drives), 3, self)
        self.table.setObjectName("drives")
        self.table.setHorizontalHeaderLabels([tr("Drive"), tr("Folder"), tr("Free space")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row, drive in enumerate(drives):
            free = size_text(drive.free) + " / " + size_text(drive.total)
            if drive.free < needed:
                free += "（" + tr("too full") + "）"
            for col, text in enumerate((drive.name, drive.folder, free)):
                item = QTableWidgetItem(text)
                if drive.free < needed:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, col, item)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _i: self.accept() if self.folder else None)
        layout.addWidget(self.table, 1)
        self.none_label = QLabel(tr("No USB stick found. Plug one in and press Look again, or choose a folder."),
                                 self)
        self.none_label.setVisible(not drives)
        layout.addWidget(self.none_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Back up here"))
        self.ok_button.setEnabled(False)
        self.again_button = QPushButton(tr("Look again"), self)
        self.folder_button = QPushButton(tr("Other folder…"), self)
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.again_button.clicked.connect(lambda: self.done(2))
        self.folder_button.clicked.connect(self._other_folder)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        usable = [r for r, d in enumerate(drives) if d.free >= needed]
        if usable:
            self.table.selectRow(usable[0])

    def _selected(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        row = next(iter(rows), None)
        ok = row is not None and self.drives[row].free >= self.needed
        self.folder = self.drives[row].folder if ok and row is not None else None
        self.ok_button.setEnabled(ok)

    def _other_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Back up to: choose a folder"), str(Path.home()))
        if folder:
            self.folder = folder
            self.accept()


def choose_backup_folder(parent: QWidget | None, needed: int) -> str | None:
    """Ask the clerk where the backup goes (USB sticks first); None if they cancel."""
    while True:
        dialog = BackupTargetDialog(backup_drives(), needed, parent)
        result = dialog.exec()
        dialog.deleteLater()
        if result == 2:  # Look again: the clerk has just plugged the stick in
            continue
        return dialog.folder if result == QDialog.DialogCode.Accepted else None
