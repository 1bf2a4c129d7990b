"""Chinese line breaking (禁则): where a line of an official document may end.

No line starts with closing punctuation (，。、；：？！）》”’… and their kind) and none ends with opening
punctuation (（《“‘ …). A break that would do either moves the last character of the line down with it, the
way WPS does; the line left short is then justified by the engine. ``——`` and ``……`` never split, and
a run of Latin letters or digits (2020, GB/T, 12.5%) stays on one line when it fits.
"""

from __future__ import annotations

from collections.abc import Callable

NO_LINE_START = frozenset(
    "，。、；：？！）》”’…〕】」』〉｝］·—～％‰℃" ",.;:?!)]}%"
)
NO_LINE_END = frozenset("（《“‘〔【「『〈｛［" "([{")
_UNBREAKABLE_RUNS = frozenset("—…")
_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-/%_@+#&'")


# A short quoted phrase (“硬核”) that a title keeps on one line.
SHORT_QUOTE = 6


def tokens(text: str, keep_quotes: bool = False) -> list[str]:
    """Units that a line break never splits: one CJK character, a dash/ellipsis pair, or a Latin word;
    with ``keep_quotes`` also a short phrase in quotation marks."""
    result: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        j = i + 1
        close = text.find("”", i + 1) if keep_quotes and ch == "“" else -1
        if 0 < close - i <= SHORT_QUOTE + 1:
            j = close + 1
        elif ch in _UNBREAKABLE_RUNS:
            while j < len(text) and text[j] == ch:
                j += 1
        elif ch in _WORD:
            while j < len(text) and text[j] in _WORD:
                j += 1
        result.append(text[i:j])
        i = j
    return result


def _fits(width: float, limit: float) -> bool:
    return width <= limit + 0.01


def break_lines(
    text: str,
    measure: Callable[[str], float],
    width: float,
    first_width: float | None = None,
    keep_quotes: bool = False,
) -> list[str]:
    """``text`` cut into lines no wider than ``width`` (``first_width`` for the first line).

    ``measure`` gives the printed width of a piece of text. Breaks obey the 禁则 above; a single token wider
    than a line is cut by characters so nothing is lost.
    """
    parts: list[str] = []
    for tok in tokens(text, keep_quotes):
        if len(tok) > 1 and not _fits(measure(tok), min(width, first_width or width)):
            parts.extend(tok)  # a run too long for any line is cut by characters
        else:
            parts.append(tok)
    lines: list[str] = []
    start = 0
    limit = first_width if first_width is not None else width
    while start < len(parts):
        end = start
        used = 0.0
        while end < len(parts):
            w = measure(parts[end])
            if end > start and not _fits(used + w, limit):
                break
            used += w
            end += 1
        if end < len(parts):
            end = _respect_rules(parts, start, end)
        lines.append("".join(parts[start:end]))
        start = end
        limit = width
    return lines


def _respect_rules(parts: list[str], start: int, end: int) -> int:
    """Move the break before ``end`` back until the next line does not start, and this line does not end,
    with forbidden punctuation; give up (keep ``end``) if that would empty the line."""
    k = end
    while k > start + 1 and (parts[k][0] in NO_LINE_START or parts[k - 1][-1] in NO_LINE_END):
        k -= 1
    return k if k > start + 1 or parts[k][0] not in NO_LINE_START else end


def violations(lines: list[str]) -> list[str]:
    """The lines that break the rules (for tests and for checking extracted PDF text)."""
    bad = []
    for i, line in enumerate(lines):
        if not line:
            continue
        if i > 0 and line[0] in NO_LINE_START:
            bad.append(line)
        elif i < len(lines) - 1 and line[-1] in NO_LINE_END:
            bad.append(line)
    return bad
