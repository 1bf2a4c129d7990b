"""Why a backup, verification or restore was refused: one class per reason a clerk can act on.

Every refusal names the field ``"backup"`` and says what is wrong in Chinese and English. None of them is
raised after the live database was changed: backups only read it, and a restore checks everything first.
"""

from __future__ import annotations

from rfdesk.services.errors import RfdeskError


class BackupError(RfdeskError):
    """A backup, verification or restore could not be done."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__("backup", zh, en)


class NotABackup(BackupError):
    """The file is not a backup at all."""


class ForeignBackup(BackupError):
    """The file is a backup or archive made by another program."""


class BackupTruncated(BackupError):
    """The file ends too early: copied only in part, or written by a backup that was interrupted."""


class BackupCorrupted(BackupError):
    """The bytes of the file changed since it was written (a failing stick, a bad copy)."""


class BackupTampered(BackupError):
    """The file was altered after it was written: authentication failed or the manifest lies."""


class WrongPassphrase(BackupError):
    """The passphrase does not open this encrypted backup."""


class PassphraseRequired(BackupError):
    """The backup is encrypted and no passphrase was given."""


class BackupTooNew(BackupError):
    """The backup was made by a newer version of rfdesk."""


class BackupWriteFailed(BackupError):
    """Writing the backup failed (full disk, stick removed); no backup file was left behind."""


class BackupCancelled(BackupError):
    """The clerk cancelled; nothing was left behind and the database was not changed."""

    def __init__(self) -> None:
        super().__init__("已取消，未留下任何文件，数据库未改动。",
                         "Cancelled; no file was left behind and the database was not changed.")


class DatabaseInUse(BackupError):
    """A restore needs the database closed by every window and program."""
