"""Turning what a clerk typed (or a spreadsheet held) into clean values, or a ValidationError naming the field.

Every function takes the field name first so that the error says which field is wrong.
Accepts real-world input: full-width digits and letters, stray spaces, ¥ and commas in amounts, 万,
Chinese and dotted dates.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from functools import lru_cache
from operator import mul
from typing import Any, TypeVar

from rfdesk.domain.codes import Coded
from rfdesk.services.errors import ValidationError

# Field names shown in messages.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("姓名/名称", "name"),
    "short_name": ("简称", "short name"),
    "title": ("标题", "title"),
    "gender": ("性别", "gender"),
    "birth_date": ("出生日期", "birth date"),
    "id_number": ("身份证号", "ID number"),
    "phone": ("联系电话", "phone"),
    "organisation_id": ("单位", "organisation"),
    "parent_id": ("上级单位", "parent organisation"),
    "post": ("职务", "post"),
    "rank": ("职级", "rank"),
    "employment_type": ("人员类别", "employment type"),
    "political_status": ("政治面貌", "political status"),
    "party_branch_id": ("党支部", "party branch"),
    "party_joined_on": ("入党日期", "date joined the party"),
    "kind": ("类别", "kind"),
    "amount": ("金额", "amount"),
    "donated_on": ("捐赠日期", "donation date"),
    "quantity": ("数量", "quantity"),
    "estimated_value": ("估价", "estimated value"),
    "moved_on": ("日期", "date"),
    "start_date": ("开始日期", "start date"),
    "end_date": ("结束日期", "end date"),
    "duty_date": ("值班日期", "duty date"),
    "doc_date": ("成文日期", "document date"),
    "decided_on": ("表彰日期", "date of decision"),
    "status": ("状态", "status"),
    "category": ("表彰类别", "category"),
    "capacity_people": ("容纳人数", "capacity (people)"),
    "area_m2": ("面积", "area"),
    "min_stock": ("最低库存", "minimum stock"),
    "void_reason": ("作废原因", "reason for voiding"),
    "donor_name": ("捐赠人", "donor"),
    "resource_id": ("物资", "resource"),
    "person_id": ("人员", "person"),
    "team_id": ("队伍", "team"),
    "place_id": ("地点", "place"),
    "campaign_id": ("募捐活动", "campaign"),
    "unit_of_measure": ("计量单位", "unit of measure"),
    # personnel and commendation registers
    "is_temporary": ("临时党支部", "temporary branch"),
    "founded_on": ("成立日期", "date founded"),
    "dissolved_on": ("撤销日期", "date dissolved"),
    "qualifications": ("资格证书", "qualifications"),
    "notes": ("备注", "notes"),
    "note": ("备注", "note"),
    "formed_on": ("组建日期", "date formed"),
    "description": ("说明", "description"),
    "role": ("职责/角色", "role"),
    "joined_on": ("加入日期", "date joined"),
    "left_on": ("退出日期", "date left"),
    "shift": ("班次", "shift"),
    "duty": ("值班任务", "duty"),
    "place_text": ("地点（文字）", "place (text)"),
    "issuer_id": ("发文单位", "issuing body"),
    "list_order": ("名单排序", "order of the list"),
    "document_id": ("公文", "document"),
    "batch_id": ("表彰批次", "commendation batch"),
    "honoree_kind": ("表彰对象类别", "kind of honoree"),
    "deeds": ("主要事迹", "deeds"),
    "sort": ("排序", "sort order"),
    "year": ("年份", "year"),
    "month": ("月份", "month"),
    "source": ("来源", "source"),  # the file and row an imported record came from
}

_SPACE_RE = re.compile(r"\s+")
_PHONE_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_PHONE_LANDLINE = re.compile(r"^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_AS_NUMBER = re.compile(r"\d\.\d+E\+\d+|\d{15,17}0*\.0")


def label(field: str) -> tuple[str, str]:
    return FIELD_LABELS.get(field, (field, field.replace("_", " ")))


def fail(field: str, zh: str, en: str) -> ValidationError:
    """A ValidationError whose message starts with the field's label."""
    lz, le = label(field)
    return ValidationError(field, f"{lz}：{zh}", f"{le}: {en}")


def normalise(value: Any) -> str:
    """NFKC (full-width → half-width), collapse internal runs of spaces, strip."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFKC", str(value))
    if s.isprintable() and "  " not in s:
        # The common cell: the only white space a printable text can hold is a lone ASCII space (U+3000,
        # U+FEFF, tabs and line breaks are not printable), so there is nothing to collapse.
        return s.strip()
    s = s.replace("\u3000", " ").replace("\ufeff", "")
    return _SPACE_RE.sub(" ", s).strip()


def text(field: str, value: Any, *, required: bool = False, max_len: int = 200) -> str | None:
    if value is None:
        s = ""
    elif type(value) is str and value.isprintable() and "  " not in value:
        s = value.strip()  # nothing to replace or collapse (see normalise)
    else:
        s = _SPACE_RE.sub(" ", str(value).replace("\u3000", " ").replace("\ufeff", "")).strip()
    return _checked_text(field, s, required, max_len)


def long_text(field: str, value: Any, *, required: bool = False, max_len: int = 100_000) -> str | None:
    """Multi-line text: keeps line breaks, strips trailing spaces of each line."""
    if value is None:
        value = ""
    s = "\n".join(line.rstrip() for line in str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    s = s.strip("\n").replace("\ufeff", "")
    return _checked_text(field, s, required, max_len)


def _checked_text(field: str, s: str, required: bool, max_len: int) -> str | None:
    """Cleaned text, refused for control characters, blankness (if required) or length; blank is None."""
    if not s.isprintable() and any(unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\t" for c in s):
        raise fail(field, "含有无法识别的控制字符", "contains control characters")
    if not s.strip():
        if required:
            raise fail(field, "不能为空", "is required")
        return None
    if len(s) > max_len:
        raise fail(field, f"不能超过{max_len}个字", f"must be at most {max_len} characters")
    return s


def id_number(field: str, value: Any, *, required: bool = False) -> str | None:
    """A resident ID number (GB 11643-1999): 18 characters, valid date of birth and check character."""
    if type(value) is str and value.isascii() and value.isalnum():
        s = value.upper()  # already plain: normalising would change nothing
    else:
        s = normalise(value).replace(" ", "").upper()
    if not s:
        if required:
            raise fail(field, "不能为空", "is required")
        return None
    refusal = _id_number_refusal(s)
    if refusal is not None:
        raise fail(field, *refusal)
    return s


@lru_cache(maxsize=4096)
def _id_number_refusal(s: str) -> tuple[str, str] | None:
    """Why ``s`` is no ID number (zh, en), or None. Remembered for a while: an import checks each number
    when it reads the cell and again when the register checks the row."""
    if "." in s and _ID_AS_NUMBER.fullmatch(s):  # both of its forms hold a point
        return ("被表格软件存成了数字，末几位已丢失，请把该列设为文本后重新录入",
                "was stored as a number by the spreadsheet and lost its last digits; "
                "format the column as text and enter it again")
    # 17 decimal digits (of any script, as a pattern's \d reads them) and a digit or X.
    if not (len(s) == 18 and s[:17].isdecimal() and (s[17] == "X" or s[17].isdecimal())):
        return "应为18位，最后一位可以是X", "must be 18 characters, the last may be X"
    if date_of_digits(s[6:14]) is None:
        return "其中的出生日期不存在", "holds a date of birth that does not exist"
    digits = s[:17]
    if digits.isascii():
        # The weights are 2**17 … 2**1 modulo 11, and 13 is 2 modulo 11: read as a number in base 13, the
        # digits give half the weighted sum, modulo 11.
        total = 2 * int(digits, 13)
    else:
        total = sum(map(mul, map(int, digits), _ID_WEIGHTS))  # other scripts' digits, as int() reads them
    if _ID_CHECK[total % 11] != s[17]:
        return "校验位不正确，请核对", "check character is wrong; please check the number"
    return None


@lru_cache(maxsize=65536)
def date_of_digits(yyyymmdd: str) -> date | None:
    """The day eight decimal digits name (20200126), or None when the calendar has none. Remembered: a list
    repeats its dates of birth."""
    try:
        return date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:]))
    except ValueError:
        return None


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits (used by the demo data and tests)."""
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def phone(field: str, value: Any, *, required: bool = False) -> str | None:
    if type(value) is str and value.isdigit() and value.isascii() and _PHONE_MOBILE.match(value):
        return value  # a mobile number as typed: normalising would change nothing
    s = normalise(value).replace(" ", "").replace("—", "-").replace("－", "-")
    if s.startswith("+86"):
        s = s[3:]
    if not s:
        if required:
            raise fail(field, "不能为空", "is required")
        return None
    if _PHONE_MOBILE.match(s) or _PHONE_LANDLINE.match(s):
        return s
    raise fail(field, "应为11位手机号或带区号的固定电话，如 0371-65901234",
               "must be an 11-digit mobile number or a landline such as 0371-65901234")


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$"),
    re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
EXCEL_EPOCH = date(1899, 12, 30)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def a_date(field: str, value: Any, *, required: bool = False, lo: date = date(1900, 1, 1),
           hi: date = date(2100, 12, 31)) -> date | None:
    """A real calendar date from a date, an Excel serial number or text such as 2020年1月26日 or 2020.1.26."""
    if isinstance(value, datetime):
        d = value.date()
    elif isinstance(value, date):
        d = value
    elif type(value) is str and _ISO_DATE.fullmatch(value):
        # 2020-01-26 as written: what the second pattern below reads, without normalising first.
        try:
            d = date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            raise fail(field, f"“{value}”不是存在的日期", f"“{value}” is not a real date") from None
    else:
        s = normalise(value)
        if not s:
            if required:
                raise fail(field, "不能为空", "is required")
            return None
        found: date | None = None
        if re.fullmatch(r"\d{5}(\.0+)?", s):
            found = EXCEL_EPOCH + timedelta(days=int(float(s)))
        else:
            for pat in _DATE_PATTERNS:
                m = pat.match(s)
                if m:
                    try:
                        found = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                    except ValueError:
                        raise fail(field, f"“{s}”不是存在的日期", f"“{s}” is not a real date") from None
                    break
        if found is None:
            raise fail(field, f"“{s}”不是日期，请写成 2020-01-26 或 2020年1月26日",
                       f"“{s}” is not a date; write it as 2020-01-26")
        d = found
    if not (lo <= d <= hi):
        raise fail(field, f"日期应在{lo.isoformat()}至{hi.isoformat()}之间",
                   f"must be between {lo.isoformat()} and {hi.isoformat()}")
    return d


def decimal_value(field: str, value: Any, *, places: int = 2, required: bool = False, positive: bool = False,
                  allow_zero: bool = True, maximum: Decimal = Decimal("999999999999")) -> Decimal | None:
    """A Decimal from a number or text like "¥1,234.50", "1234.5元", "1.2万"; never goes through float."""
    if isinstance(value, bool):
        raise fail(field, "应为数字", "must be a number")
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise fail(field, "应为数字", "must be a number")
        d = Decimal(repr(value))
    else:
        s = normalise(value).replace(" ", "")
        if not s:
            if required:
                raise fail(field, "不能为空", "is required")
            return None
        s = s.replace(",", "").replace("，", "").lstrip("¥￥").removeprefix("RMB").removeprefix("人民币")
        multiplier = Decimal(1)
        for suffix, mul in (("万元", Decimal(10000)), ("万", Decimal(10000)), ("元", Decimal(1))):
            if s.endswith(suffix):
                s, multiplier = s[: -len(suffix)], mul
                break
        if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", s):
            raise fail(field, f"“{value}”不是数字", f"“{value}” is not a number")
        try:
            d = Decimal(s) * multiplier
        except InvalidOperation:
            raise fail(field, f"“{value}”不是数字", f"“{value}” is not a number") from None
    if not d.is_finite():
        raise fail(field, "应为数字", "must be a number")
    if abs(d) > maximum:
        raise fail(field, "数值过大", "is too large")
    step = Decimal(1).scaleb(-places)
    if d.quantize(step, rounding=ROUND_DOWN) != d:
        raise fail(field, f"最多保留{places}位小数", f"may have at most {places} decimal places")
    d = d.quantize(step)
    if positive and d <= 0:
        raise fail(field, "必须大于零", "must be greater than zero")
    if not allow_zero and d == 0:
        raise fail(field, "不能为零", "must not be zero")
    if d < 0 and not positive:
        raise fail(field, "不能为负数", "must not be negative")
    return d


def money(field: str, value: Any, *, required: bool = True, positive: bool = True) -> Decimal | None:
    return decimal_value(field, value, places=2, required=required, positive=positive)


def quantity(field: str, value: Any, *, required: bool = True, positive: bool = True) -> Decimal | None:
    return decimal_value(field, value, places=3, required=required, positive=positive)


def integer(field: str, value: Any, *, required: bool = False, minimum: int = 0,
            maximum: int = 2_000_000_000) -> int | None:
    if isinstance(value, bool):
        raise fail(field, "应为整数", "must be a whole number")
    if isinstance(value, int):
        n = value
    else:
        s = normalise(value).replace(",", "").replace(" ", "")
        if not s:
            if required:
                raise fail(field, "不能为空", "is required")
            return None
        if not re.fullmatch(r"[-+]?\d+(\.0*)?", s):
            raise fail(field, f"“{value}”不是整数", f"“{value}” is not a whole number")
        digits = s.split(".")[0].lstrip("+-").lstrip("0")
        if len(digits) > len(str(max(abs(minimum), abs(maximum)))):
            # Python refuses to convert thousands of digits; no such number is in range anyway.
            raise fail(field, f"应在{minimum}至{maximum}之间", f"must be between {minimum} and {maximum}")
        n = int(s.split(".")[0])
    if n < minimum or n > maximum:
        raise fail(field, f"应在{minimum}至{maximum}之间", f"must be between {minimum} and {maximum}")
    return n


E = TypeVar("E", bound=Coded)


def choice(field: str, value: Any, enum: type[E], *, required: bool = True, default: E | None = None) -> E | None:
    """A coded value from its code, Chinese label or English label."""
    if type(value) is str:
        found = _chosen(enum, value)
        if found is not None:
            return found
    s = normalise(value)
    if not s:
        if default is not None:
            return default
        if required:
            raise fail(field, "不能为空", "is required")
        return None
    m = _coded(enum, s)
    if m is None:
        zh = "、".join(x.zh for x in enum)  # type: ignore[attr-defined]
        en = ", ".join(x.en for x in enum)  # type: ignore[attr-defined]
        raise fail(field, f"“{s}”无效，应为：{zh}", f"“{s}” is not valid; choose one of: {en}")
    return m  # type: ignore[return-value]


@lru_cache(maxsize=1024)
def _chosen(enum: type[E], value: str) -> E | None:
    """The coded value a text names, or None (blank or unknown: :func:`choice` says why). A list repeats the
    same few texts on every row; each is read once."""
    s = normalise(value)
    return _coded(enum, s) if s else None


@lru_cache(maxsize=1024)
def _coded(enum: type[E], text: str) -> E | None:
    # A register's few codes and labels, each looked up once: an import reads the same ones on every row.
    return enum.from_label(text)  # type: ignore[return-value]


def boolean(field: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    s = normalise(value).lower()
    if s in ("1", "true", "yes", "y", "是", "对", "√"):
        return True
    if s in ("", "0", "false", "no", "n", "否", "×"):
        return False
    raise fail(field, f"“{value}”应为“是”或“否”", f"“{value}” must be yes or no")


def reference(field: str, value: Any, *, required: bool = False) -> int | None:
    """A record id (positive integer)."""
    if value is None or value == "":
        if required:
            raise fail(field, "不能为空", "is required")
        return None
    return integer(field, value, minimum=1)


def unknown_fields(allowed: set[str], data: dict[str, Any]) -> None:
    """Refuse a form that is not a set of named fields, or that holds a field the register does not have."""
    if not isinstance(data, dict):
        raise ValidationError("data", "应为一行带栏目名的数据", "must be a row of named fields")
    if allowed.issuperset(data):
        return
    extra = sorted(str(k) for k in set(data) - allowed)
    if extra:
        names = ", ".join(extra)
        raise ValidationError(extra[0], f"未知字段：{names}", f"unknown fields: {names}")
