"""Engine, sessions and migrations."""

from rfdesk.db.engine import Database, open_database

__all__ = ["Database", "open_database"]
