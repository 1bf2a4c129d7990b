"""What clerks type, and what spreadsheets hold, becomes clean values or a message naming the field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rfdesk.domain.codes import EmploymentType
from rfdesk.services import validation as v
from rfdesk.services.errors import ValidationError


def valid_id(first17: str) -> str:
    return first17 + v.id_check_char(first17)


def test_a_correct_id_number_is_accepted_with_lower_case_x_and_full_width_digits() -> None:
    # 11010519491231002X is the standard's own worked example.
    assert v.id_number("id_number", "11010519491231002x") == "11010519491231002X"
    full_width = "４１０１０５１９８００１０１００１" + v.id_check_char("41010519800101001")
    assert v.id_number("id_number", full_width) == valid_id("41010519800101001")


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("11010519491231002", "18位"),
        ("110105194912310021", "校验位"),
        ("110105194902300020", "出生日期"),
        ("4.10105E+17", "存成了数字"),
        ("41010519800101001.0", "存成了数字"),
    ],
)
def test_a_wrong_id_number_names_the_field_and_says_why(raw: str, says: str) -> None:
    with pytest.raises(ValidationError) as err:
        v.id_number("id_number", raw)
    assert err.value.field == "id_number"
    assert err.value.zh.startswith("身份证号：") and says in err.value.zh


@pytest.mark.parametrize("raw", ["13903711234", "+86 139 0371 1234", "0371-65901234", "65901234", "１３９０３７１１２３４"])
def test_mobile_and_landline_numbers_are_accepted(raw: str) -> None:
    assert v.phone("phone", raw)


@pytest.mark.parametrize("raw", ["12345", "2390371123", "139-0371-12345", "abc"])
def test_a_bad_phone_number_is_refused(raw: str) -> None:
    with pytest.raises(ValidationError) as err:
        v.phone("phone", raw)
    assert err.value.field == "phone"


@pytest.mark.parametrize(
    "raw",
    ["2020年1月26日", "2020.1.26", "2020/1/26", "2020-01-26", "43856", "20200126", "2020-01-26 08:30:00",
     date(2020, 1, 26)],
)
def test_dates_in_the_forms_clerks_write_them(raw: object) -> None:
    assert v.a_date("donated_on", raw) == date(2020, 1, 26)


@pytest.mark.parametrize("raw", ["2020-02-30", "2020年13月1日", "昨天", "2020-1"])
def test_a_date_that_does_not_exist_is_refused(raw: str) -> None:
    with pytest.raises(ValidationError) as err:
        v.a_date("donated_on", raw)
    assert err.value.field == "donated_on" and err.value.zh.startswith("捐赠日期：")


@pytest.mark.parametrize(
    ("raw", "amount"),
    [("¥1,234.50", "1234.50"), ("1234.5元", "1234.50"), ("1.2万", "12000.00"), ("１００", "100.00"),
     (Decimal("203000"), "203000.00"), (12, "12.00"), ("￥ 50", "50.00"), ("0.1", "0.10")],
)
def test_amounts_as_spreadsheets_hold_them(raw: object, amount: str) -> None:
    assert v.money("amount", raw) == Decimal(amount)


@pytest.mark.parametrize("raw", ["-5", "0", "1.234", "abc", "1e5", float("nan"), True, "1,2,3.4.5"])
def test_a_bad_amount_is_refused(raw: object) -> None:
    with pytest.raises(ValidationError) as err:
        v.money("amount", raw)
    assert err.value.field == "amount"


def test_a_coded_value_accepts_its_chinese_label() -> None:
    assert v.choice("employment_type", "退休", EmploymentType) is EmploymentType.RETIRED
    with pytest.raises(ValidationError) as err:
        v.choice("employment_type", "临时工", EmploymentType)
    assert "在编" in err.value.zh


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.integers(), st.floats(), st.decimals(), st.none(), st.booleans()))
def test_any_input_gives_a_value_or_a_validation_error(raw: object) -> None:
    for fn in (v.money, v.quantity, v.id_number, v.phone, v.a_date, v.integer, v.text):
        try:
            fn("field", raw)  # type: ignore[operator]
        except ValidationError as err:
            assert err.field == "field"


@pytest.mark.parametrize(
    ("check", "field", "raw", "zh", "en"),
    [(v.id_number, "id_number", "110105194912310021", "身份证号：", "ID number: "),
     (v.phone, "phone", "12345", "联系电话：", "phone: "),
     (v.a_date, "birth_date", "2020-02-30", "出生日期：", "birth date: "),
     (v.money, "amount", "-5", "金额：", "amount: "),
     (v.quantity, "quantity", "1.2345", "数量：", "quantity: ")],
)
def test_a_refusal_names_the_field_in_chinese_and_in_english(check, field, raw, zh, en) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as err:
        check(field, raw)
    assert err.value.field == field
    assert err.value.zh.startswith(zh) and err.value.en.startswith(en)
    assert err.value.message("zh_CN") == err.value.zh and err.value.message("en") == err.value.en


@pytest.mark.parametrize("raw", ["1" * 5000, "-" + "9" * 4400 + ".0"])
def test_a_number_of_thousands_of_digits_is_refused_not_a_crash(raw: str) -> None:
    with pytest.raises(ValidationError) as err:
        v.integer("capacity_people", raw)
    assert err.value.field == "capacity_people" and "之间" in err.value.zh
    with pytest.raises(ValidationError):
        v.reference("person_id", raw)
