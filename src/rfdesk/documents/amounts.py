"""Amounts of money as printed on receipts and ledgers: in figures (¥203,000.00) and in capital numerals
(人民币贰拾万叁仟元整), following the payment-settlement rules for writing amounts.

The rules, as applied here:

* digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 within a group of four, 万 and 亿 for the groups, 元角分;
* every non-zero digit is written with its numeral, so a leading 拾 is 壹拾 (10.00 → 壹拾元整);
* a run of zeros between two non-zero digits is written as one 零: inside a group (6007.14 → 陆仟零柒元…),
  across a group (100100.00 → 壹拾万零壹佰元整), across 元 (1680.32 → 壹仟陆佰捌拾元零叁角贰分), and
  always when 角 is zero before a non-zero 分 (16409.02 → …零玖元零贰分; 100000000.05 → 壹亿元零伍分);
* the one exception the rules allow and the issue's own example uses: when the run ends on the 万 (or 亿)
  digit and the 仟 digit after it is not zero, the group unit already marks the place and no 零 is written
  (203000 → 贰拾万叁仟元整; 1001000 → 壹佰万壹仟元整; 107000.53 → 壹拾万柒仟元零伍角叁分, the first of the
  two forms the rules give for it);
* zeros at the end are not written; a group of four zeros drops its 万;
* 整 follows 元 and 角 but never 分; an amount below one yuan starts at its first non-zero digit
  (0.50 → 伍角整, 0.05 → 伍分); zero is 零元整.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from rfdesk.services.errors import ValidationError

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = ("", "万", "亿")  # indexed by position // 4 at the last digit of a group

# 9999亿…: beyond this a 万亿 group would be needed, and no receipt of a civil air defence office gets there.
LIMIT = Decimal("1000000000000")
FEN = Decimal("0.01")


def _checked(amount: Decimal | int | str, field: str) -> Decimal:
    """The amount as an exact Decimal with two places; refuses floats, negatives, fractions of a fen."""
    if isinstance(amount, float) or isinstance(amount, bool):
        # A float has already lost the exact value the clerk typed.
        raise ValidationError(field, "金额必须是精确的十进制数。", "The amount must be an exact decimal.")
    try:
        value = Decimal(str(amount).strip().replace(",", "")) if not isinstance(amount, Decimal) else amount
    except InvalidOperation:
        raise ValidationError(
            field, f"金额“{amount}”不是数字。", f"The amount '{amount}' is not a number."
        ) from None
    if not value.is_finite():
        raise ValidationError(field, "金额不是有限数。", "The amount is not a finite number.")
    if value < 0:
        raise ValidationError(field, "金额不能为负数。", "The amount cannot be negative.")
    if value.quantize(FEN) != value:
        raise ValidationError(
            field, "金额最多保留两位小数（到分）。", "The amount has more than two decimal places."
        )
    if value >= LIMIT:
        raise ValidationError(
            field,
            "金额超过可大写的范围（万亿元以下）。",
            "The amount is too large to write in capitals (below one trillion).",
        )
    return value.quantize(FEN)


def capital_amount(amount: Decimal | int | str, *, currency: bool = False, field: str = "amount") -> str:
    """The amount in capital numerals: 203000 → 贰拾万叁仟元整; with ``currency`` → 人民币贰拾万叁仟元整.

    Refuses (ValidationError naming ``field``) negative amounts, more than two decimal places, floats, and
    amounts of one trillion yuan or more.
    """
    value = _checked(amount, field)
    fen_total = int(value.scaleb(2))
    yuan, fen_part = divmod(fen_total, 100)
    jiao, fen = divmod(fen_part, 10)

    out: list[str] = []
    started = False  # a non-zero digit has been written
    zero_pending = False  # zeros seen since the last non-zero digit

    def digit(d: int, unit: str, *, after_group_unit: bool = False) -> None:
        nonlocal started, zero_pending
        if d:
            if zero_pending and started and not after_group_unit:
                out.append("零")
            out.append(DIGITS[d] + unit)
            started, zero_pending = True, False
        elif started:
            zero_pending = True

    figures = str(yuan)
    top = len(figures) - 1
    group_has_digit = False
    unit_written_at = -1
    for i, ch in enumerate(figures):
        position = top - i
        d = int(ch)
        # A 仟 digit right after a written 万/亿 whose own digit was zero: the group unit marks the place.
        after_group_unit = unit_written_at == position + 1 and figures[i - 1] == "0"
        digit(d, _SMALL_UNITS[position % 4], after_group_unit=after_group_unit)
        group_has_digit = group_has_digit or d != 0
        if position % 4 == 0:
            if position and group_has_digit:
                out.append(_GROUP_UNITS[position // 4])
                unit_written_at = position
            group_has_digit = False
    if yuan:
        out.append("元")
    digit(jiao, "角")
    digit(fen, "分")

    if not started:
        out.append("零元整")
    elif not fen:
        out.append("整")
    text = "".join(out)
    return "人民币" + text if currency else text


def figure_amount(amount: Decimal | int | str, *, symbol: str = "¥", field: str = "amount") -> str:
    """The amount in figures with thousands separators and two places: 203000 → ¥203,000.00."""
    value = _checked(amount, field)
    return f"{symbol}{value:,.2f}"


def plain_amount(amount: Decimal | None) -> str:
    """A table cell: 203,000.00 (blank for none). Accepts negative balances, which a ledger may show."""
    if amount is None:
        return ""
    return f"{Decimal(amount).quantize(FEN):,.2f}"
