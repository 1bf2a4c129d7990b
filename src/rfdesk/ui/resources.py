"""Placeholder."""
from PySide6.QtWidgets import QWidget


class ResourcesTab(QWidget):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
