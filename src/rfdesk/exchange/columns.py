"""The columns each register can import, the header names clerks use for them, and reading a cell's value.

``FIELDS[register]`` lists the importable fields with their Chinese and English labels (the mapping dialog
shows these); ``suggest_mapping(headers, register)`` matches a file's header texts to them. "单位" means the
organisation in the people and donation registers but the unit of measure in the resource register, unless
the sheet also has a 计量单位 column — each register's synonym lists are ordered to say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from rfdesk.exchange.readers import cell_text
from rfdesk.services import validation as v
from rfdesk.services.errors import ValidationError

REGISTERS = ("people", "donations", "resources")
REGISTER_LABELS = {"people": ("人员", "people"), "donations": ("捐赠", "donations"),
                   "resources": ("战备资源", "resources")}


@dataclass(frozen=True)
class Field:
    """One importable field: ``key`` as the import knows it, labels, header synonyms and the value kind.

    kind: text, long_text, person_name, id_number, phone, date, money, quantity, integer, code, organisation,
    person.
    """

    key: str
    zh: str
    en: str
    names: tuple[str, ...]
    kind: str = "text"
    required: bool = False


def _f(key: str, zh: str, en: str, names: str, kind: str = "text", required: bool = False) -> Field:
    return Field(key, zh, en, tuple(n for n in names.split() if n), kind, required)


PEOPLE = (
    _f("name", "姓名", "name", "姓名 名字 人员姓名 name full_name", "person_name", required=True),
    _f("gender", "性别", "gender", "性别 gender sex", "code"),
    _f("id_number", "身份证号", "ID number",
       "身份证号 身份证号码 公民身份号码 身份证 证件号码 id_number id_no id_card id idnumber", "id_number"),
    _f("organisation", "单位", "organisation",
       "单位 工作单位 所在单位 单位名称 所属单位 部门 处室 organisation organization unit department", "organisation"),
    _f("post", "职务", "post", "职务 岗位 post position job_title"),
    _f("rank", "职级", "rank", "职级 级别 职级职称 rank grade"),
    _f("phone", "手机", "phone", "手机 手机号 手机号码 联系电话 电话 联系方式 phone mobile telephone", "phone"),
    _f("political_status", "政治面貌", "political status", "政治面貌 political_status politics", "code"),
    _f("employment_type", "人员类别", "employment type",
       "人员类别 人员性质 编制类别 编制 用工性质 employment_type employment", "code"),
    _f("party_branch", "党支部", "party branch", "党支部 所在党支部 党组织 所在党组织 party_branch"),
    _f("birth_date", "出生日期", "birth date", "出生日期 出生年月 出生年月日 生日 birth_date birthday date_of_birth",
       "date"),
    _f("party_joined_on", "入党时间", "date joined the party",
       "入党时间 入党日期 入党年月 party_joined_on joined_party", "date"),
    _f("qualifications", "专业资格", "qualifications", "专业资格 资格 资质 特长 qualifications skills"),
    _f("notes", "备注", "notes", "备注 说明 notes remarks note", "long_text"),
)

DONATIONS = (
    _f("receipt_no", "收据号", "receipt number", "收据号 收据编号 票据号 receipt receipt_no"),
    _f("donor", "捐赠人", "donor",
       "捐赠人 捐款人 捐赠者 捐款者 捐赠方 捐款单位 捐赠单位 捐赠人姓名 捐款人姓名 姓名 donor donor_name", "person"),
    _f("donor_kind", "捐赠人类型", "donor type", "捐赠人类型 捐赠方类型 捐赠人类别 donor_kind donor_type", "code"),
    _f("organisation", "单位", "organisation",
       "单位 所在单位 工作单位 所属单位 计入单位 单位名称 organisation organization unit", "organisation"),
    _f("amount", "金额", "amount", "金额 捐款金额 捐赠金额 捐款额 金额元 amount sum", "money"),
    _f("donated_on", "日期", "date", "日期 捐款日期 捐赠日期 捐款时间 捐赠时间 时间 donated_on date", "date"),
    _f("form", "捐赠方式", "form", "捐赠方式 形式 捐赠形式 捐赠类型 捐款方式 form", "code"),
    _f("channel", "支付方式", "payment channel", "支付方式 付款方式 缴款方式 缴纳方式 支付渠道 channel payment", "code"),
    _f("purpose", "用途", "purpose", "用途 捐赠用途 捐款用途 purpose"),
    _f("recipient", "接收单位", "recipient", "接收单位 受赠单位 接收人 受赠方 recipient"),
    _f("handler", "经办人", "handler", "经办人 经手人 收款人 handler"),
    _f("campaign", "募捐活动", "campaign", "募捐活动 活动 活动名称 campaign"),
    _f("item_name", "物资名称", "item", "物资名称 物品名称 捐赠物资 物资 item item_name"),
    _f("quantity", "数量", "quantity", "数量 物资数量 quantity qty", "quantity"),
    _f("unit_of_measure", "计量单位", "unit of measure", "计量单位 uom unit_of_measure"),
    _f("estimated_value", "估价", "estimated value", "估价 折价 估值 价值 折合金额 estimated_value value", "money"),
    _f("notes", "备注", "notes", "备注 说明 notes remarks note", "long_text"),
)

RESOURCES = (
    _f("name", "物资名称", "name",
       "物资名称 名称 资源名称 设施名称 装备名称 场所名称 品名 name", required=True),
    _f("category", "大类", "category", "大类 资源大类 category", "code"),
    _f("kind", "类别", "kind", "类别 种类 类型 资源类别 资源类型 kind type", "code"),
    _f("spec", "规格", "specification", "规格 规格型号 型号 spec specification model"),
    _f("code", "编号", "code", "编号 资源编号 物资编号 code number no"),
    _f("unit_of_measure", "计量单位", "unit of measure", "计量单位 单位 uom unit_of_measure unit"),
    _f("organisation", "所属单位", "organisation",
       "所属单位 管理单位 使用单位 主管单位 单位名称 单位 organisation organization", "organisation"),
    _f("quantity", "数量", "quantity", "数量 库存 库存数量 现有数量 quantity qty stock", "quantity"),
    _f("place", "存放地点", "place", "存放地点 存放位置 仓库 所在地点 place warehouse location"),
    _f("address", "地址", "address", "地址 位置 详细地址 所在地址 address"),
    _f("capacity_people", "容纳人数", "capacity (people)", "容纳人数 可容纳人数 容量 capacity capacity_people",
       "integer"),
    _f("area_m2", "面积", "area (m²)", "面积 建筑面积 使用面积 面积平方米 面积m2 area area_m2", "quantity"),
    _f("serial_no", "出厂编号", "serial number", "出厂编号 序列号 机身号 serial serial_no"),
    _f("status", "状态", "status", "状态 使用状态 status", "code"),
    _f("min_stock", "最低库存", "minimum stock", "最低库存 库存下限 安全库存 min_stock", "quantity"),
    _f("notes", "备注", "notes", "备注 说明 notes remarks note", "long_text"),
)

FIELDS: dict[str, tuple[Field, ...]] = {"people": PEOPLE, "donations": DONATIONS, "resources": RESOURCES}

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CJK_NAME = re.compile(r"[\u3400-\u9fff\u00b7· ]+")
_BRACKETS = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]")
_DROP = re.compile(r"[\s*＊:：_\-·.。/、]")


def header_key(text: str) -> str:
    """A header text reduced for matching: no spaces, marks, required stars or bracketed units."""
    s = v.normalise(text).lower()
    s = _BRACKETS.sub("", s) or s
    return _DROP.sub("", s)


def _name_keys(f: Field) -> list[str]:
    return [header_key(n) for n in f.names] + [header_key(f.zh), header_key(f.en)]


def field_of(register: str, key: str) -> Field:
    for f in FIELDS[register]:
        if f.key == key:
            return f
    raise KeyError(key)


def suggest_mapping(headers: list[str], register: str) -> dict[int, str]:
    """Column index → field key for the headers this register knows (each field used once at most).

    A header matching a field's first name wins over one matching a later synonym, so "计量单位" takes the
    unit of measure and leaves "单位" to the organisation.
    """
    fields = FIELDS[register]
    candidates: list[tuple[int, int, int, str]] = []  # (rank, field order, column, key)
    for col, h in enumerate(headers):
        hk = header_key(h)
        if not hk:
            continue
        for order, f in enumerate(fields):
            keys = _name_keys(f)
            if hk in keys:
                candidates.append((keys.index(hk), order, col, f.key))
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    # "单位" right after a quantity column is the unit of measure (数量 | 单位), whatever the register.
    if any(f.key == "unit_of_measure" for f in fields):
        for col in range(1, len(headers)):
            if header_key(headers[col]) == "单位" and header_key(headers[col - 1]) in _QUANTITY_KEYS[register]:
                mapping[col] = "unit_of_measure"
                taken.add("unit_of_measure")
    for _rank, _order, col, key in sorted(candidates):
        if col in mapping or key in taken:
            continue
        mapping[col] = key
        taken.add(key)
    return dict(sorted(mapping.items()))


_QUANTITY_KEYS = {r: {k for f in fs if f.key == "quantity" for k in _name_keys(f)} for r, fs in FIELDS.items()}


def header_score(register: str) -> Any:
    """A scorer for the reader: how many cells of a row name a field of this register."""
    known = {k for f in FIELDS[register] for k in _name_keys(f)}

    def score(cells: list[str]) -> int:
        return sum(1 for c in cells if c and header_key(c) in known)

    return score


# Words clerks write for coded values that are not the codes' own labels.
CODE_SYNONYMS: dict[str, dict[str, str]] = {
    "gender": {"男性": "M", "女性": "F", "m": "M", "f": "F"},
    "political_status": {"党员": "cpc", "共产党员": "cpc", "中共党员": "cpc", "预备党员": "cpc_probationary",
                         "中共预备党员": "cpc_probationary", "团员": "cyl", "共青团员": "cyl",
                         "群众": "masses", "无党派": "masses", "无党派人士": "masses", "民主党派": "democratic_party"},
    "employment_type": {"在编": "staff", "正式": "staff", "编内": "staff", "聘用": "contract", "合同": "contract",
                        "合同制": "contract", "退休": "retired", "离退休": "retired", "不在编": "non_staff",
                        "编外": "non_staff", "临时": "non_staff"},
    "form": {"现金": "cash", "捐款": "cash", "现金捐款": "cash", "资金": "cash", "物资": "in_kind",
             "实物": "in_kind", "物资捐赠": "in_kind", "捐物": "in_kind"},
    "channel": {"转账": "bank", "银行": "bank", "银行转账": "bank", "微信": "wechat", "微信转账": "wechat",
                "支付宝": "alipay", "现金": "cash", "工资代扣": "payroll", "代扣": "payroll"},
    "donor_kind": {"个人": "person", "单位": "organisation", "企业": "enterprise", "公司": "enterprise",
                   "匿名": "anonymous", "其他": "other"},
    "kind": {"疏散基地": "evacuation_base", "人防疏散基地": "evacuation_base", "应急避难场所": "emergency_shelter",
             "避难场所": "emergency_shelter", "指挥场所": "command_post", "基层指挥场所": "command_post",
             "指挥所": "command_post", "无人机": "drone", "警报系统": "alarm_system", "防空警报": "alarm_system",
             "防空警报系统": "alarm_system", "警报器": "alarm_system", "其他装备": "other_equipment",
             "装备": "other_equipment", "物资": "supply", "防疫物资": "supply", "应急物资": "supply"},
    "category": {"设施": "facility", "装备": "equipment", "物资": "supply"},
    "status": {"完好": "ready", "正常": "ready", "在用": "in_use", "使用中": "in_use", "维修": "in_repair",
               "报废": "retired"},
}


def code_value(key: str, value: Any) -> Any:
    """A coded cell turned into its code where the clerk used a common other word; else the text as is."""
    s = cell_text(value)
    return CODE_SYNONYMS.get(key, {}).get(s, CODE_SYNONYMS.get(key, {}).get(s.lower(), s))


def _excel_serial(field: str, value: float) -> date:
    if not (1 <= value < 2958466):
        raise v.fail(field, f"“{value}”不是日期", f"“{value}” is not a date")
    return v.EXCEL_EPOCH + timedelta(days=int(value))


def id_number_cell(field: str, value: Any) -> str | None:
    """An ID number cell, refusing numbers a spreadsheet has rounded.

    Excel keeps 15 significant digits, so an 18-digit ID number typed into a number cell comes back with
    its last digits changed or turned into zeros; such a value is never accepted silently.
    """
    if isinstance(value, bool):
        raise v.fail(field, "应为18位身份证号", "must be an 18-character ID number")
    if isinstance(value, (int, float, Decimal)):
        if value == 0:
            return None
        raise _digits_lost(field)
    if type(value) is str and value.isascii() and value.isalnum():
        s = value.upper()  # a plain number as typed: normalising would change nothing
        if len(s) == 18:
            # A good number is no number a spreadsheet rounded (those end in 000 and only then are read
            # below); a bad one is read below, to say which way it is wrong.
            try:
                return v.id_number(field, s)
            except ValidationError:
                pass
    else:
        s = v.normalise(value).replace(" ", "").upper()
    if not s:
        return None
    if _EXPONENT.fullmatch(s):
        raise _digits_lost(field)
    if _ROUNDED.fullmatch(s):
        try:
            return v.id_number(field, s.split(".")[0])
        except ValidationError:
            raise _digits_lost(field) from None
    return v.id_number(field, s)


_EXPONENT = re.compile(r"\d+(\.\d+)?E\+?\d+")
_ROUNDED = re.compile(r"\d{15}000|\d{18}\.0+")


def _digits_lost(field: str) -> ValidationError:
    return v.fail(field, "被表格软件存成了数字，末几位可能已丢失；请把该列设为“文本”后重新录入",
                  "was stored as a number by the spreadsheet and may have lost its last digits; "
                  "format the column as text and enter it again")


def read_value(f: Field, value: Any) -> Any:
    """A cell turned into the value the register's service takes; ValidationError naming the field if bad.

    Empty cells give None. Text is normalised (full-width → half-width, spaces); numbers that a spreadsheet
    holds as floats are turned back into the digits the clerk typed.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and value[:1] == "'" and value[1:2] in _FORMULA_START:
        value = value[1:]  # the apostrophe an export puts before text that looks like a formula
    kind, key = f.kind, _service_field(f.key)
    if kind == "id_number":
        return id_number_cell(key, value)
    if kind == "date":
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, (time, timedelta)):
            raise v.fail(key, "应为日期，不是时间", "must be a date, not a time")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _excel_serial(key, float(value))
        return v.a_date(key, value)
    if kind in ("money", "quantity"):
        if isinstance(value, float):
            value = Decimal(repr(value))
        return v.decimal_value(key, value, places=2 if kind == "money" else 3)
    if kind == "integer":
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return v.integer(key, value)
    if kind == "code":
        return code_value(f.key, value)
    if kind == "long_text":
        return v.long_text(key, cell_text(value) if not isinstance(value, str) else value.replace("\ufeff", ""))
    if kind == "person_name":
        # Rosters pad two-character names with a full-width space (张　三) to line them up.
        name = cell_text(value)
        return name.replace(" ", "") if _CJK_NAME.fullmatch(name) else (name or None)
    if kind == "phone":
        if type(value) is str and value.isdigit() and value.isascii():
            return value  # digits as typed: normalising would change nothing
        return cell_text(value).replace(" ", "") if not isinstance(value, str) else v.normalise(value)
    return cell_text(value) or None


# Import keys named differently from the service field whose label a message should carry.
_SERVICE_NAMES = {"organisation": "organisation_id", "donor": "donor_name", "campaign": "campaign_id",
                  "place": "place_id", "item_name": "name", "party_branch": "party_branch_id"}


def _service_field(key: str) -> str:
    return _SERVICE_NAMES.get(key, key)
