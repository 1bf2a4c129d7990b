"""Errors a clerk can act on. Each names the field and says what is wrong in Chinese and English."""

from __future__ import annotations


class RfdeskError(Exception):
    """A refusal or failure to show to the clerk, never a traceback.

    ``field`` names what was wrong (a form field, "db", "backup", a column of an import).
    """

    def __init__(self, field: str, zh: str, en: str) -> None:
        super().__init__(f"{field}: {en}")
        self.field = field
        self.zh = zh
        self.en = en

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en

    def __str__(self) -> str:
        return f"{self.zh} / {self.en}"


class ValidationError(RfdeskError):
    """Bad input; nothing was written."""


class NotFound(RfdeskError):
    """The record asked for does not exist (or is in the recycle bin)."""


class Conflict(RfdeskError):
    """The record was changed by someone else meanwhile, or a unique value is taken."""


class DatabaseError(RfdeskError):
    """The database cannot be opened or written (busy, read-only, full, damaged, too new)."""
