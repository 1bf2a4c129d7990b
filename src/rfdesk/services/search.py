"""What a clerk types in a register's search box, as SQL that is compiled once per kind of text.

A search box is read again at every letter typed. The conditions a register makes of it depend on the text
only through its *shape* (letters, which are read as pinyin; digits of an ID or phone number; other ASCII
such as a receipt number; anything else, such as Chinese characters) and take the text itself through the
named bind parameters made here. Two texts of the same shape thus give the same SQL, and a register's table
compiles it once and binds each new text (:meth:`Search.values`) as the clerk types.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_ESCAPE = "/"


def like_escaped(text: str) -> str:
    """``text`` for a LIKE pattern with ESCAPE '/': its / % _ match themselves."""
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


def next_prefix(text: str) -> str:
    """The least string above every string that starts with ``text`` (ASCII)."""
    return text[:-1] + chr(ord(text[-1]) + 1)


@dataclass(frozen=True)
class Search:
    """The text of a search box, stripped; false when empty.

    A register branches on :attr:`letters`, :attr:`digits` and :attr:`ascii` only, and uses the text through
    :meth:`prefix`, :meth:`contains` and :meth:`starts`, never as a value of its own: that is what lets its
    SQL be shared by every text of the same :attr:`shape`.
    """

    text: str

    @classmethod
    def of(cls, text: str | None) -> Search:
        return cls((text or "").strip())

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def letters(self) -> bool:
        """Latin letters only: pinyin, initials (lhy) or whole (liuhaiyan)."""
        return bool(self.text) and self.text.isascii() and self.text.isalpha()

    @property
    def digits(self) -> bool:
        """Digits, with the X an ID number may end in: an ID or phone number, whole or its beginning."""
        return self.text.replace("X", "").replace("x", "").isdigit()

    @property
    def ascii(self) -> bool:
        return bool(self.text) and self.text.isascii()

    @property
    def shape(self) -> tuple[bool, bool, bool, bool]:
        """Everything the SQL of a search depends on besides the values it binds."""
        return bool(self.text), self.letters, self.digits, self.ascii

    def values(self) -> dict[str, str]:
        """The value of every bind parameter a search makes, by name."""
        text = self.text
        if not text:
            return {}
        low, upper = text.lower(), text.upper()
        values = {"search_any": f"%{like_escaped(text)}%", "search_start": f"{like_escaped(text)}%",
                  "search_low_start": f"{like_escaped(low)}%", "search_upper_start": f"{like_escaped(upper)}%"}
        if text.isascii():
            values.update(search_lo=text, search_hi=next_prefix(text),
                          search_low_lo=low, search_low_hi=next_prefix(low))
        return values

    # ---- conditions ------------------------------------------------------------------------------------

    def _bind(self, name: str) -> Any:
        from sqlalchemy import String, bindparam

        return bindparam(name, self.values()[name], type_=String)

    def prefix(self, column: Any, *, lower: bool = False) -> Any:
        """``column`` starts with the text (ASCII; ``lower``: in lower case), as an indexable range: LIKE 'x%'
        ignores case in SQLite and cannot use the column's index."""
        from sqlalchemy import and_

        from rfdesk.services.base import by_code_point

        assert self.ascii, "a range is only made of an ASCII search"
        key = by_code_point(column)
        lo, hi = ("search_low_lo", "search_low_hi") if lower else ("search_lo", "search_hi")
        return and_(key >= self._bind(lo), key < self._bind(hi))

    def contains(self, column: Any) -> Any:
        """The text anywhere in ``column``."""
        return column.like(self._bind("search_any"), escape=_ESCAPE)

    def starts(self, column: Any, *, case: str = "") -> Any:
        """``column`` begins with the text as typed, or in ``case`` "lower" or "upper"."""
        name = {"": "search_start", "lower": "search_low_start", "upper": "search_upper_start"}[case]
        return column.like(self._bind(name), escape=_ESCAPE)


#: Every bind parameter name a :class:`Search` makes.
SEARCH_BINDS = frozenset(Search("a").values())
