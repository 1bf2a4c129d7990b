"""Amounts in capital numerals, as a cashier checks them on a receipt before signing it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from rfdesk.documents.amounts import capital_amount, figure_amount, plain_amount
from rfdesk.services.errors import ValidationError

# ---- a strict reader of capital amounts, written from the rules, independent of the writer ----------

_DIGIT = {ch: i for i, ch in enumerate("零壹贰叁肆伍陆柒捌玖")}
_PLACE = {"拾": 1, "佰": 2, "仟": 3}


def _read_group(text: str, base: int) -> list[tuple]:
    """Digits of one group of four (before 亿, before 万, or before 元) as ("digit", place, d) and ("零",)."""
    tokens: list[tuple] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "零":
            tokens.append(("零",))
            i += 1
            continue
        assert ch in _DIGIT, f"not a digit: {ch} in {text}"
        unit = text[i + 1] if i + 1 < len(text) else ""
        if unit in _PLACE:
            tokens.append(("digit", base + _PLACE[unit], _DIGIT[ch]))
            i += 2
        else:
            assert i == len(text) - 1, f"a digit without its unit in {text}"
            tokens.append(("digit", base, _DIGIT[ch]))
            i += 1
    return tokens


def read_capital(text: str) -> Decimal:
    """Read a capital amount back, refusing anything the rules (as this application applies them) forbid.

    Places count from 元 = 0 down to 分 = −2. Between two written digits every run of skipped places is marked
    by exactly one 零, except a run ending on a 万/亿 place that was written just before a 仟 digit.
    """
    if text == "零元整":
        return Decimal("0.00")
    body = text[:-1] if text.endswith("整") else text
    assert "整" not in body, text
    integer, fraction = body.split("元") if "元" in body else ("", body)
    tokens: list[tuple] = []
    rest = integer
    for unit, base in (("亿", 8), ("万", 4)):
        if unit in rest:
            head, rest = rest.split(unit)
            assert any(t[0] == "digit" for t in _read_group(head, base)), f"an empty {unit} group in {text}"
            tokens += _read_group(head, base)
            tokens.append(("group", base))
    tokens += _read_group(rest, 0)
    k = 0
    while k < len(fraction):
        if fraction[k] == "零":
            tokens.append(("零",))
            k += 1
        else:
            assert fraction[k + 1] in "角分", f"bad fraction in {text}"
            tokens.append(("digit", -1 if fraction[k + 1] == "角" else -2, _DIGIT[fraction[k]]))
            k += 2

    digits = [t for t in tokens if t[0] == "digit"]
    assert digits and tokens[0][0] == "digit", f"starts with 零 in {text}"
    assert all(d[2] != 0 for d in digits), text
    between: list[tuple] = []
    previous: tuple | None = None
    for t in tokens:
        if t[0] != "digit":
            between.append(t)
            continue
        if previous is not None:
            p, q = previous[1], t[1]
            assert q < p, f"places out of order in {text}"
            zeros = sum(1 for b in between if b[0] == "零")
            bridged = any(b == ("group", q + 1) for b in between)
            if p - q > 1 and not bridged:
                assert zeros == 1, f"a run of zeros not written as one 零 before place {q} in {text}"
            else:
                assert zeros == 0, f"a 零 where no place was skipped before place {q} in {text}"
        elif between:
            raise AssertionError(f"something before the first digit in {text}")
        previous, between = t, []
    assert ("零",) not in between, f"a trailing 零 in {text}"
    assert ("元" in text) == (digits[0][1] >= 0), f"元 written or missing wrongly in {text}"
    assert text.endswith("整") == (digits[-1][1] >= -1), f"整 wrong in {text}"
    return Decimal(sum(d[2] * 10 ** (d[1] + 2) for d in digits)).scaleb(-2)


# ---- the examples of the rules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figures", "capitals"),
    [
        # the examples in the layout notes
        ("10.00", "壹拾元整"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "叁佰贰拾伍元零肆分"),
        ("100000000.05", "壹亿元零伍分"),
        # the examples of the payment-settlement rules (their first form where they give two)
        ("1409.50", "壹仟肆佰零玖元伍角整"),
        ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
        ("107000.53", "壹拾万柒仟元零伍角叁分"),
        # the whole system's donations in the issue
        ("203000.00", "贰拾万叁仟元整"),
        # 角-only and 分-only amounts
        ("0.50", "伍角整"),
        ("0.05", "伍分"),
        ("0.15", "壹角伍分"),
        ("0.01", "壹分"),
        ("3.50", "叁元伍角整"),
        ("3.05", "叁元零伍分"),
        # zero runs
        ("10001.00", "壹万零壹元整"),
        ("100100.00", "壹拾万零壹佰元整"),
        ("1000000.00", "壹佰万元整"),
        ("1001000.00", "壹佰万壹仟元整"),
        ("1000.10", "壹仟元零壹角整"),
        ("20.00", "贰拾元整"),
        ("15.00", "壹拾伍元整"),
        ("110.00", "壹佰壹拾元整"),
        ("10010.00", "壹万零壹拾元整"),
        # over 亿, and a 万 group of zeros that must not swallow its 零
        ("100000001.00", "壹亿零壹元整"),
        ("100005000.00", "壹亿零伍仟元整"),
        ("150000000.00", "壹亿伍仟万元整"),
        ("105000000.00", "壹亿零伍佰万元整"),
        ("1000050000.00", "壹拾亿零伍万元整"),
        ("1234567890.12", "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元零壹角贰分"),
        ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
        ("0.00", "零元整"),
    ],
)
def test_the_cashier_reads_the_amount_in_capitals_as_the_rules_write_it(figures: str, capitals: str) -> None:
    assert capital_amount(Decimal(figures)) == capitals
    assert read_capital(capitals) == Decimal(figures)


def test_the_currency_stands_directly_before_the_amount() -> None:
    assert capital_amount(Decimal("203000"), currency=True) == "人民币贰拾万叁仟元整"
    assert capital_amount(Decimal("0"), currency=True) == "人民币零元整"


def test_figures_carry_the_yuan_sign_thousands_separators_and_two_places() -> None:
    assert figure_amount(Decimal("203000")) == "¥203,000.00"
    assert figure_amount(Decimal("0.5")) == "¥0.50"
    assert figure_amount("1234567.8") == "¥1,234,567.80"
    assert plain_amount(Decimal("-12.5")) == "-12.50"
    assert plain_amount(None) == ""


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (Decimal("-0.01"), "负数"),
        (Decimal("1.005"), "两位小数"),
        (Decimal("NaN"), "有限数"),
        (Decimal("1000000000000"), "万亿"),
        ("十元", "不是数字"),
        (1.5, "精确"),
    ],
)
def test_amounts_a_receipt_cannot_carry_are_refused_naming_the_field(amount: object, words: str) -> None:
    with pytest.raises(ValidationError) as err:
        capital_amount(amount, field="donation.amount")  # type: ignore[arg-type]
    assert err.value.field == "donation.amount"
    assert words in err.value.zh


def test_a_third_decimal_that_is_zero_is_still_whole_fen() -> None:
    assert capital_amount(Decimal("12.300")) == "壹拾贰元叁角整"
    assert capital_amount(12) == "壹拾贰元整"
    assert capital_amount("1,000.00") == "壹仟元整"


# ---- every amount, read back -----------------------------------------------------------------------------

fen_amounts = st.one_of(
    st.integers(min_value=0, max_value=10**14 - 1),
    # amounts with many zeros are where the rules bite
    st.lists(st.sampled_from([0, 0, 0, 1, 5, 9]), min_size=1, max_size=14).map(
        lambda ds: int("".join(map(str, ds)))
    ),
)


@given(fen_amounts)
@example(10_000_000_005)
@example(20_300_000)
@example(10_000_500_000)
def test_every_amount_reads_back_to_itself_under_the_rules(fen: int) -> None:
    amount = Decimal(fen).scaleb(-2)
    text = capital_amount(amount)
    assert read_capital(text) == amount
    # 整 after 元 and 角, never after 分
    assert text.endswith("整") == (fen % 10 == 0)
    assert "分整" not in text
    assert "零零" not in text
    # no bare 拾: every place carries its digit
    for k, ch in enumerate(text):
        if ch in "拾佰仟":
            assert k > 0 and text[k - 1] in "壹贰叁肆伍陆柒捌玖", text


@pytest.mark.parametrize(
    "wrong",
    [
        "壹亿伍仟元整",  # 100005000 with its 零 lost: reads as a different amount
        "陆仟柒元壹角肆分",  # a zero run not marked
        "陆仟零零柒元壹角肆分",  # a run marked twice
        "拾元整",  # a bare 拾
        "壹万陆仟肆佰零玖元贰分",  # 角 zero before 分 without 零
        "叁佰贰拾伍元零肆分整",  # 整 after 分
        "壹拾元",  # no 整 after 元
        "零伍分",  # a leading 零
    ],
)
def test_the_checking_reader_refuses_what_the_rules_forbid(wrong: str) -> None:
    with pytest.raises((AssertionError, KeyError, IndexError, ValueError)):
        read_capital(wrong)
