"""Where things live: the data folder (or portable ``data`` beside the executable), the database, logs.

Portable mode: a file named ``portable`` beside the executable (frozen build) puts the database, settings,
logs and automatic backups in a ``data`` folder beside it, so a USB-stick install carries its own data.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "rfdesk"
DB_FILENAME = "rfdesk.sqlite"


def app_dir() -> Path:
    """The folder of the executable (frozen) or of the source tree's top (development)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[2]


def is_portable() -> bool:
    return getattr(sys, "frozen", False) and (app_dir() / "portable").exists()


def data_dir() -> Path:
    """The folder for the database, logs and automatic backups (created on demand)."""
    override = os.environ.get("RFDESK_DATA_DIR")
    if override:
        d = Path(override)
    elif is_portable():
        d = app_dir() / "data"
    else:
        from platformdirs import user_data_dir

        d = Path(user_data_dir(APP, appauthor=False, roaming=False))
    d.mkdir(parents=True, exist_ok=True)
    return d


def log_dir() -> Path:
    d = data_dir() / "logs"
    d.mkdir(parents=True, exist_ok=True)
    return d


def backup_dir() -> Path:
    d = data_dir() / "backups"
    d.mkdir(parents=True, exist_ok=True)
    return d


def default_database() -> str:
    """``RFDESK_DB`` (a path or a SQLAlchemy URL) or the database in the data folder."""
    env = os.environ.get("RFDESK_DB")
    if env:
        return env
    return str(data_dir() / DB_FILENAME)


def resources_dir() -> Path:
    """Bundled resources (fonts, icons, translations): inside the bundle when frozen, else the repo's."""
    if getattr(sys, "frozen", False):
        base = Path(getattr(sys, "_MEIPASS", app_dir()))
        return base / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
