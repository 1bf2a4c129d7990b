"""Characters no font on the PC can draw: named to the clerk with where they stand, never printed silently.

While a PDF is made inside ``watch_unprintable``, the drawing code (``fonts.FontSet.runs``) reports every
character that comes out as the font's empty box; ``fonts.check_text`` asks the same question of a text
before anything is printed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

log = logging.getLogger(__name__)

# Characters that are layout, not ink.
_LAYOUT = {"\n", "\r", "\t", "\u200b", "\ufeff"}

# While a print is being made (``watch_unprintable``), the characters drawn as an empty box, with where.
_unprintable: ContextVar[dict[str, str] | None] = ContextVar("rfdesk_unprintable", default=None)
_CONTEXT_CHARS = 8  # characters shown on each side, enough for the clerk to find the place


def surroundings(text: str, index: int) -> str:
    """The text around ``text[index]``, on one line, for the clerk to find the place."""
    start, end = max(0, index - _CONTEXT_CHARS), index + _CONTEXT_CHARS + 1
    snippet = "".join(" " if ch in _LAYOUT else ch for ch in text[start:end]).strip()
    return ("…" if start > 0 else "") + snippet + ("…" if end < len(text) else "")


def note_unprintable(ch: str, text: str, index: int) -> None:
    """Record that ``text[index]`` is being drawn as an empty box (if a print is being watched)."""
    found = _unprintable.get()
    if found is not None and ch not in found:
        found[ch] = surroundings(text, index)


def describe_unprintable(ch: str, where: str = "") -> str:
    """The clerk's message for a character no font can draw, naming it, its code and where it is."""
    name = f"“{ch}”（U+{ord(ch):04X}）"
    place = f"，在“{where}”处" if where else ""
    return (f"{name}本机没有字体能印出{place}会印成空框：请安装含此字的字体（如宋体-ExtB simsunb.ttf）"
            f"并在“设置”中选用，或改写此字。")


@contextmanager
def watch_unprintable() -> Iterator[list[str]]:
    """Collect, while a PDF is made inside the ``with``, a message for each character that came out as an
    empty box because no font has it (see ``describe_unprintable``). The list is filled when the block ends.

    Per thread and per task: a print made on a worker thread is watched on that thread."""
    found: dict[str, str] = {}
    token = _unprintable.set(found)
    messages: list[str] = []
    try:
        yield messages
    finally:
        _unprintable.reset(token)
        messages.extend(describe_unprintable(ch, where) for ch, where in found.items())
        for message in messages:
            log.warning("%s", message)
