"""The organisation tree of the Henan civil air defence system, the enterprises and donors, and places."""

from __future__ import annotations

from rfdesk.demo.context import Demo
from rfdesk.domain.codes import OrgKind, PlaceKind
from rfdesk.services.organisations import create_organisation, create_place

PROVINCE = "省人防办"
ZHENGZHOU = "郑州市人防办"
AIRPORT_ZONE = "航空港区人防办"
GUANCHENG = "管城区人防办"
DIRECT_TEAM = "机关直属专业队"
OFFICE_DEPT = "办公室"
ENGINEERING = "工程管理处"
COMMAND = "指挥与应急协调处"
PERSONNEL = "人事教育处"
PARTY_COMMITTEE = "机关党委"

# (short name, full name, kind, parent short name, address, phone)
ORGANISATIONS: list[tuple[str, str, OrgKind, str | None, str, str]] = [
    (PROVINCE, "河南省人民防空办公室", OrgKind.PROVINCE_OFFICE, None, "郑州市金水区纬五路12号", "0371-65901000"),
    (OFFICE_DEPT, "办公室", OrgKind.DEPARTMENT, PROVINCE, "", "0371-65901001"),
    ("政策法规处", "政策法规处", OrgKind.DEPARTMENT, PROVINCE, "", "0371-65901002"),
    (COMMAND, "指挥与应急协调处", OrgKind.DEPARTMENT, PROVINCE, "", "0371-65901003"),
    (ENGINEERING, "工程管理处", OrgKind.DEPARTMENT, PROVINCE, "", "0371-65901004"),
    ("通信警报处", "通信警报处", OrgKind.DEPARTMENT, PROVINCE, "", "0371-65901005"),
    ("计划财务处", "计划财务处", OrgKind.DEPARTMENT, PROVINCE, "", "0371-65901006"),
    (PERSONNEL, "人事教育处", OrgKind.DEPARTMENT, PROVINCE, "", "0371-65901007"),
    (PARTY_COMMITTEE, "机关党委", OrgKind.DEPARTMENT, PROVINCE, "", "0371-65901008"),
    (DIRECT_TEAM, "河南省人民防空办公室机关直属专业队", OrgKind.DIRECT_TEAM, PROVINCE,
     "郑州市金水区纬五路12号附1号", "0371-65901010"),
    (ZHENGZHOU, "郑州市人民防空办公室", OrgKind.CITY_OFFICE, PROVINCE, "郑州市中原区中原中路220号", "0371-67180100"),
    (AIRPORT_ZONE, "郑州航空港综合实验区人防办", OrgKind.CITY_OFFICE, PROVINCE,
     "郑州航空港综合实验区四港联动大道101号", "0371-86190200"),
    ("洛阳市人防办", "洛阳市人民防空办公室", OrgKind.CITY_OFFICE, PROVINCE, "洛阳市洛龙区开元大道218号", "0379-63900300"),
    ("开封市人防办", "开封市人民防空办公室", OrgKind.CITY_OFFICE, PROVINCE, "开封市龙亭区大梁路35号", "0371-23880400"),
    ("新乡市人防办", "新乡市人民防空办公室", OrgKind.CITY_OFFICE, PROVINCE, "新乡市红旗区人民东路61号", "0373-30500500"),
    ("南阳市人防办", "南阳市人民防空办公室", OrgKind.CITY_OFFICE, PROVINCE, "南阳市宛城区光武路106号", "0377-63100600"),
    (GUANCHENG, "郑州市管城区人防办", OrgKind.COUNTY_OFFICE, ZHENGZHOU, "郑州市管城回族区紫荆山南路68号",
     "0371-66250700"),
    ("金水区人防办", "郑州市金水区人防办", OrgKind.COUNTY_OFFICE, ZHENGZHOU, "郑州市金水区经三路15号", "0371-65500800"),
    ("二七区人防办", "郑州市二七区人防办", OrgKind.COUNTY_OFFICE, ZHENGZHOU, "郑州市二七区大学路78号", "0371-68900900"),
    ("新郑市人防办", "新郑市人防办", OrgKind.COUNTY_OFFICE, ZHENGZHOU, "新郑市人民路27号", "0371-62600100"),
    ("涧西区人防办", "洛阳市涧西区人防办", OrgKind.COUNTY_OFFICE, "洛阳市人防办", "洛阳市涧西区天津路44号", "0379-64200200"),
    ("祥符区人防办", "开封市祥符区人防办", OrgKind.COUNTY_OFFICE, "开封市人防办", "开封市祥符区晋开大道9号", "0371-26600300"),
    ("红旗区人防办", "新乡市红旗区人防办", OrgKind.COUNTY_OFFICE, "新乡市人防办", "新乡市红旗区和平大道190号", "0373-20400400"),
    ("宛城区人防办", "南阳市宛城区人防办", OrgKind.COUNTY_OFFICE, "南阳市人防办", "南阳市宛城区新华东路57号", "0377-63300500"),
]

# Civil air defence enterprises (设计、施工、防护设备、监理) and the public bodies that passed on donated goods.
ENTERPRISES = [
    ("中原人防工程", "河南中原人防工程有限公司", "郑州市金水区农业路72号"),
    ("金盾防护设备", "郑州金盾人防防护设备有限公司", "郑州市经开区第九大街88号"),
    ("华安人防设计院", "河南华安人防建筑设计研究院有限公司", "郑州市郑东新区商务外环路20号"),
    ("九州人防建设", "洛阳九州人防工程建设有限公司", "洛阳市涧西区南昌路16号"),
    ("安泰人防设备", "新乡市安泰人防设备有限公司", "新乡市高新区新二街9号"),
    ("宏远人防监理", "开封宏远人防工程监理有限公司", "开封市鼓楼区中山路南段110号"),
    ("中豫人防检测", "河南中豫人防工程质量检测有限公司", "郑州市二七区航海中路60号"),
    ("宛昌防护工程", "南阳宛昌防护工程有限公司", "南阳市卧龙区仲景路34号"),
    ("郑铁防化器材", "郑州郑铁防化器材有限公司", "郑州市管城回族区航海东路1508号"),
    ("神盾人防科技", "河南神盾人防科技有限公司", "郑州市高新区科学大道100号"),
]
EXTERNAL = [
    ("省红十字会", "河南省红十字会", "郑州市金水区经五路2号"),
    ("省慈善总会", "河南省慈善总会", "郑州市金水区东风路6号"),
]

WAREHOUSE = "省人防办战备物资库"
AIRPORT = "新郑国际机场"
OFFICE_PLACE = "省人防办机关"
# Communities the offices' volunteers were sent to (下沉社区), by the office that sent them.
COMMUNITIES: dict[str, list[str]] = {
    ZHENGZHOU: ["金水区文化路街道红专路社区", "金水区经八路街道黄河路社区", "金水区花园路街道纬五路社区",
                "金水区丰产路街道政七街社区", "金水区南阳路街道南阳新村社区", "中原区林山寨街道建设路社区",
                "中原区桐柏路街道锦艺社区", "二七区淮河路街道大学路社区", "二七区福华街街道兴华南街社区",
                "管城回族区紫荆山南路街道东明路社区", "管城回族区城东路街道顺河路社区",
                "管城回族区北下街街道书院街社区", "惠济区花园口镇八堡社区", "郑东新区如意湖街道如意社区",
                "郑东新区龙子湖街道平安社区", "新郑市新建路街道新华路社区"],
    AIRPORT_ZONE: ["航空港区新港办事处桥航社区", "航空港区滨河办事处梁州社区"],
    "洛阳市人防办": ["涧西区天津路街道南昌路社区", "西工区王城路街道健康西社区", "洛龙区开元路街道龙门社区"],
    "开封市人防办": ["龙亭区北书店街街道包公湖社区", "鼓楼区相国寺街道书店街社区", "祥符区城关镇东关社区"],
    "新乡市人防办": ["红旗区西街街道新荣社区", "卫滨区中同街街道西华社区", "牧野区花园街道平原社区"],
    "南阳市人防办": ["宛城区东关街道新华社区", "卧龙区七一街道车站路社区", "宛城区汉冶街道梅溪社区"],
}
# Paired poverty-relief villages (对口帮扶村) with the office that supports each.
VILLAGES: dict[str, list[str]] = {
    PROVINCE: ["淮滨县张庄乡李湾村", "淮滨县王家岗乡刘寨村", "兰考县谷营镇姚寨村"],
    ZHENGZHOU: ["登封市君召乡海渡村", "新郑市辛店镇人和寨村"],
    "洛阳市人防办": ["嵩县车村镇天桥沟村", "栾川县潭头镇大王庙村"],
    "开封市人防办": ["兰考县东坝头镇张庄村"],
    "新乡市人防办": ["封丘县陈固镇马庄村", "延津县马庄乡西屯村"],
    "南阳市人防办": ["淅川县上集镇张庄村", "内乡县余关乡东北川村"],
}


def build_organisations(demo: Demo) -> None:
    for order, (short, name, kind, parent, address, phone) in enumerate(ORGANISATIONS):
        demo.orgs[short] = create_organisation(demo.session, {
            "name": name, "short_name": short if short != name else None, "kind": kind.value,
            "parent_id": demo.orgs[parent].id if parent else None, "sort_order": order, "address": address,
            "phone": phone})
    base = len(ORGANISATIONS)
    for i, (short, name, address) in enumerate(ENTERPRISES):
        _top_level(demo, short, name, OrgKind.ENTERPRISE, address, base + i)
    for i, (short, name, address) in enumerate(EXTERNAL):
        _top_level(demo, short, name, OrgKind.EXTERNAL, address, base + len(ENTERPRISES) + i)


def _top_level(demo: Demo, short: str, name: str, kind: OrgKind, address: str, order: int) -> None:
    demo.orgs[short] = create_organisation(demo.session, {"name": name, "short_name": short, "kind": kind.value,
                                                         "sort_order": order, "address": address})


def _place(demo: Demo, name: str, kind: PlaceKind, org_short: str | None, address: str | None = None) -> None:
    demo.places[name] = create_place(demo.session, {
        "name": name, "kind": kind.value, "address": address,
        "organisation_id": demo.orgs[org_short].id if org_short else None})


def build_places(demo: Demo) -> None:
    _place(demo, OFFICE_PLACE, PlaceKind.OFFICE, PROVINCE, "郑州市金水区纬五路12号")
    _place(demo, WAREHOUSE, PlaceKind.WAREHOUSE, PROVINCE, "郑州市金水区纬五路12号地下一层")
    _place(demo, AIRPORT, PlaceKind.AIRPORT, AIRPORT_ZONE, "郑州航空港综合实验区迎宾大道")
    _place(demo, "管城区境外返郑人员集中隔离点", PlaceKind.OTHER, GUANCHENG, "郑州市管城回族区航海东路")
    for org_short, names in COMMUNITIES.items():
        for name in names:
            city = demo.orgs[org_short].name.removesuffix("人民防空办公室").removesuffix("人防办")
            prefix = "郑州市" if org_short == AIRPORT_ZONE else city
            _place(demo, name, PlaceKind.COMMUNITY, org_short, prefix + name)
    for org_short, names in VILLAGES.items():
        for name in names:
            _place(demo, name, PlaceKind.VILLAGE, org_short, name)


def communities_of(org_short: str) -> list[str]:
    return COMMUNITIES.get(org_short, [])


def villages_of(org_short: str) -> list[str]:
    return VILLAGES.get(org_short, [])
