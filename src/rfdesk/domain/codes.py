"""Coded values of the registers, each with its Chinese and English label.

Values are stored as the short English code; the clerk sees the Chinese label.
"""

from __future__ import annotations

from enum import StrEnum


class Coded(StrEnum):
    """A StrEnum whose members carry (zh, en) labels: ``MEMBER = "code", "中文", "English"``."""

    def __new__(cls, code: str, zh: str = "", en: str = "") -> Coded:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.zh = zh or code  # type: ignore[attr-defined]
        obj.en = en or code  # type: ignore[attr-defined]
        return obj

    @classmethod
    def codes(cls) -> list[str]:
        return [m.value for m in cls]

    @classmethod
    def from_label(cls, text: str) -> Coded | None:
        """Match a code, a Chinese label or an English label (case-insensitive)."""
        t = (text or "").strip()
        for m in cls:
            if t in (m.value, m.zh) or t.lower() == m.en.lower():  # type: ignore[attr-defined]
                return m
        return None


class OrgKind(Coded):
    PROVINCE_OFFICE = "province_office", "省级人防办", "provincial office"
    CITY_OFFICE = "city_office", "市级人防办", "city office"
    COUNTY_OFFICE = "county_office", "县区人防办", "county office"
    DEPARTMENT = "department", "处室", "department"
    DIRECT_TEAM = "direct_team", "直属队", "directly-run team"
    ENTERPRISE = "enterprise", "人防企业", "enterprise"
    EXTERNAL = "external", "其他单位", "external body"


# Organisations whose money counts as "the civil air defence system" (staff and units).
SYSTEM_ORG_KINDS = (
    OrgKind.PROVINCE_OFFICE,
    OrgKind.CITY_OFFICE,
    OrgKind.COUNTY_OFFICE,
    OrgKind.DEPARTMENT,
    OrgKind.DIRECT_TEAM,
)


class Gender(Coded):
    MALE = "M", "男", "male"
    FEMALE = "F", "女", "female"


class EmploymentType(Coded):
    STAFF = "staff", "在编", "on the establishment"
    CONTRACT = "contract", "聘用", "contracted"
    RETIRED = "retired", "退休", "retired"
    NON_STAFF = "non_staff", "不在编", "non-staff"


class PoliticalStatus(Coded):
    PARTY_MEMBER = "cpc", "中共党员", "CPC member"
    PROBATIONARY = "cpc_probationary", "中共预备党员", "CPC probationary member"
    LEAGUE = "cyl", "共青团员", "CYL member"
    DEMOCRATIC_PARTY = "democratic_party", "民主党派", "democratic party member"
    MASSES = "masses", "群众", "no party"


class TeamKind(Coded):
    VANGUARD_POST = "vanguard_post", "党员先锋岗", "party-member vanguard post"
    VOLUNTEER_TEAM = "volunteer_team", "党员志愿者队伍", "volunteer team"
    WORK_GROUP = "work_group", "工作专班", "work group"
    PROFESSIONAL_TEAM = "professional_team", "应急专业队", "emergency professional team"


class AssignmentStatus(Coded):
    IN_POST = "in_post", "在岗", "in post"
    COMMUNITY = "community", "下沉社区", "seconded to a community"
    RELIEF_VILLAGE = "relief_village", "对口帮扶村", "poverty-relief village"
    TRANSFER_GROUP = "transfer_group", "机场/转运专班", "airport / transfer group"
    STRANDED = "stranded", "滞留外地", "stranded away"
    HOME_OBSERVATION = "home_observation", "居家观察", "home observation"
    ON_DUTY = "on_duty", "值班", "on duty"


class PlaceKind(Coded):
    COMMUNITY = "community", "社区", "community"
    VILLAGE = "village", "村", "village"
    AIRPORT = "airport", "机场", "airport"
    WAREHOUSE = "warehouse", "仓库", "warehouse"
    OFFICE = "office", "机关", "office"
    OTHER = "other", "其他", "other"


class BatchStatus(Coded):
    DRAFT = "draft", "草稿", "draft"
    ISSUED = "issued", "已印发", "issued"


class HonoreeKind(Coded):
    ORGANISATION = "organisation", "单位", "organisation"
    PARTY_BRANCH = "party_branch", "党支部", "party branch"
    TEAM = "team", "队伍", "team"
    PERSON = "person", "个人", "person"


class DonorKind(Coded):
    PERSON = "person", "个人", "person"
    ORGANISATION = "organisation", "单位", "organisation"
    ENTERPRISE = "enterprise", "企业", "enterprise"
    ANONYMOUS = "anonymous", "匿名", "anonymous"
    OTHER = "other", "其他", "other"


class DonationForm(Coded):
    CASH = "cash", "现金捐款", "cash"
    IN_KIND = "in_kind", "物资捐赠", "in kind"


class PaymentChannel(Coded):
    CASH = "cash", "现金", "cash"
    BANK = "bank", "银行转账", "bank transfer"
    WECHAT = "wechat", "微信", "WeChat"
    ALIPAY = "alipay", "支付宝", "Alipay"
    PAYROLL = "payroll", "工资代扣", "payroll deduction"
    OTHER = "other", "其他", "other"


class ResourceCategory(Coded):
    FACILITY = "facility", "设施", "facility"
    EQUIPMENT = "equipment", "装备", "equipment"
    SUPPLY = "supply", "物资", "supply"


class ResourceKind(Coded):
    EVACUATION_BASE = "evacuation_base", "人防疏散基地", "evacuation base"
    EMERGENCY_SHELTER = "emergency_shelter", "人防应急避难场所", "emergency shelter"
    COMMAND_POST = "command_post", "基层人防指挥场所", "grass-roots command post"
    DRONE = "drone", "无人机", "drone"
    ALARM_SYSTEM = "alarm_system", "多媒体防空警报系统", "multimedia air-raid alarm system"
    OTHER_EQUIPMENT = "other_equipment", "其他装备", "other equipment"
    SUPPLY = "supply", "防疫物资", "supply"


RESOURCE_KIND_CATEGORY = {
    ResourceKind.EVACUATION_BASE: ResourceCategory.FACILITY,
    ResourceKind.EMERGENCY_SHELTER: ResourceCategory.FACILITY,
    ResourceKind.COMMAND_POST: ResourceCategory.FACILITY,
    ResourceKind.DRONE: ResourceCategory.EQUIPMENT,
    ResourceKind.ALARM_SYSTEM: ResourceCategory.EQUIPMENT,
    ResourceKind.OTHER_EQUIPMENT: ResourceCategory.EQUIPMENT,
    ResourceKind.SUPPLY: ResourceCategory.SUPPLY,
}


class ResourceStatus(Coded):
    READY = "ready", "完好待用", "ready"
    IN_USE = "in_use", "使用中", "in use"
    IN_REPAIR = "in_repair", "维修中", "in repair"
    RETIRED = "retired", "已报废", "retired"


class MovementKind(Coded):
    RECEIPT = "receipt", "入库", "receipt"
    ISSUE = "issue", "出库", "issue"
    ALLOCATION = "allocation", "调拨", "allocation"
    RETURN = "return", "归还", "return"
    WRITE_OFF = "write_off", "报损", "write-off"


class DocumentKind(Coded):
    CIRCULAR = "circular", "通知", "circular"
    NOTICE = "notice", "通报", "notice"
    OTHER = "other", "其他", "other"


class DocumentStatus(Coded):
    DRAFT = "draft", "草稿", "draft"
    ISSUED = "issued", "已印发", "issued"


class DocumentFormat(Coded):
    RED_HEADER = "red_header", "红头文件", "red-header document"
    LETTER = "letter", "信函格式", "letter format"


class AuditAction(Coded):
    CREATE = "create", "新建", "created"
    UPDATE = "update", "修改", "updated"
    DELETE = "delete", "删除", "deleted"
    RESTORE = "restore", "恢复", "restored"
