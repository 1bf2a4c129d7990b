"""Ordering names 按姓氏笔画 (by the stroke count of the surname), as commendation lists are printed.

Counts come from ``stroke_table`` (generated from the Unicode Han Database by tools/make_stroke_table.py).
Names are compared character by character on stroke count; characters of equal count keep a stable order by
code point, and characters outside the table (Latin letters, very rare hanzi) come after every counted one.
"""

from __future__ import annotations

from functools import lru_cache

from rfdesk.services.stroke_table import STROKES

_UNKNOWN = 99
_COUNT: dict[str, int] = {ch: n for n, chars in STROKES.items() for ch in chars}


def stroke_count(ch: str) -> int | None:
    """Strokes of one hanzi as written in mainland China (曹 → 11); None if not in the table."""
    return _COUNT.get(ch)


@lru_cache(maxsize=16384)
def stroke_key(name: str) -> tuple[tuple[int, int], ...]:
    """Sort key putting names in 姓氏笔画 order: 王 (4) before 刘 (6) before 曹 (11)."""
    return tuple((_COUNT.get(ch, _UNKNOWN), ord(ch)) for ch in (name or "") if not ch.isspace())
