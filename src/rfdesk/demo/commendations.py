"""The circulars as documents, and the first commendation batch with the notice that announces it."""

from __future__ import annotations

from datetime import date

from rfdesk.demo.circulars import ADDRESSEES, CC, CIRCULARS, ISSUER_MARK, PREFIX, PRINTED_BY
from rfdesk.demo.context import Demo
from rfdesk.demo.organisations import DIRECT_TEAM, ENGINEERING, GUANCHENG, PERSONNEL, PROVINCE
from rfdesk.demo.people import RETIRED_COMRADE, SECURITY_GUARD, TRANSFER_BRANCH, branch_name
from rfdesk.demo.teams import PSYCHOLOGICAL_TEAM, TRANSFER_GROUP
from rfdesk.documents.official import render_document
from rfdesk.domain import Document
from rfdesk.domain.codes import DocumentKind
from rfdesk.services.commendations import add_honoree, create_batch, mark_batch_issued
from rfdesk.services.documents import create_document, issue_document
from rfdesk.services.resources import resource_counts

BRANCH_CATEGORY = "“硬核”党支部（组织）"
MEMBER_CATEGORY = "“硬核”共产党员（职工）"
BATCH_TITLE = "关于对工程管理处党支部等“硬核”党支部和曹裕军等“硬核”共产党员予以通报表扬的通报"
DECIDED_ON = date(2020, 2, 28)

# (kind of honoree, key, deeds)
BRANCH_HONOREES = [
    ("branch", branch_name(ENGINEERING), "组织党员下沉社区值守卡点，支部书记带头、党员两次匿名捐款，形成“硬核”战斗堡垒。"),
    ("branch", branch_name(PERSONNEL), "牵头落实考察识别干部措施，建立一线干部表现记实台账，做好滞留外地、居家观察干部职工的关心关爱。"),
    ("branch", TRANSFER_BRANCH, "在境外返郑人员转运一线成立临时党支部，24小时不间断接收转运，做到零差错、零遗漏。"),
    ("branch", branch_name(DIRECT_TEAM), "组建“战疫”心理防护专业队开通24小时心理援助热线，队员义务为干部职工理发。"),
    ("branch", branch_name(GUANCHENG), "党组书记带队承担境外返郑人员转运任务，机关党员全部下沉社区。"),
    ("team", TRANSFER_GROUP, "扁平化运行、24小时轮班，圆满完成境外返郑人员接收转运任务。"),
    ("team", PSYCHOLOGICAL_TEAM, "每天3名队员24小时在线值守心理热线，开展一对一心理疏导和线上专题辅导。"),
]
MEMBER_HONOREES = [
    ("曹裕军", "带领支部党员下沉社区，两次匿名捐款，事后才被同事发现。"),
    ("孟繁", "带领境外返郑人员转运专班24小时连续作战，靠前指挥、以身作则。"),
    ("张广", "主动请缨到新郑国际机场一线，协助入境旅客分流引导，连续多日吃住在机场。"),
    ("曾方", "作为“战疫”心理防护专业队联络人，组织队员开通心理热线，累计接听求助电话数百个。"),
    ("王晶", "在“党旗飘飘”微信群发起志愿理发倡议，解决理发店停业期间干部职工理发难题。"),
    ("刘宪武", "利用休息时间义务为干部职工理发，毫无怨言。"),
    ("郭卫华", "利用休息时间义务为干部职工理发，毫无怨言。"),
    (RETIRED_COMRADE, "退休不褪色，主动报名到居住社区值守卡点，每天坚守在小区门口测温登记。"),
    (SECURITY_GUARD, "不在编的保安师傅，疫情期间放弃休假，坚守机关门岗，严格测温登记，守好机关第一道防线。"),
]


def _document(demo: Demo, kind: DocumentKind, title: str, on: date, body: str, addressees: str,
              attachments: list[dict[str, str]] | None = None) -> Document:
    doc = create_document(demo.session, {
        "kind": kind.value, "layout": "red_header", "title": title, "addressees": addressees, "body": body,
        "cc": CC, "issuer_id": demo.orgs[PROVINCE].id, "issuer_mark": ISSUER_MARK,
        "signatory": demo.orgs[PROVINCE].name, "doc_date": on, "with_seal": True, "printed_by": PRINTED_BY,
        "printed_on": on, "number_prefix": PREFIX, "attachments": attachments or []})
    # Issued as they were in 2020, in date order: 豫人防〔2020〕1号 onwards, each PDF archived for reprints.
    return issue_document(demo.session, doc.id, render_document)


def build_circulars(demo: Demo) -> None:
    counts = resource_counts(demo.session, by="kind")
    for title, on, body in CIRCULARS:
        _document(demo, DocumentKind.CIRCULAR, title, on, body.format_map(counts), ADDRESSEES)


def build_commendations(demo: Demo) -> None:
    notice_body = (
        "疫情防控阻击战打响以来，全省人防系统各级党组织和广大党员干部职工认真贯彻省委、省政府决策部署，"
        "按照《" + CIRCULARS[0][0] + "》要求，冲锋在前、担当作为，涌现出一批“硬核”党支部和“硬核”共产党员。"
        "为树立典型、激励担当，经省人防办党组研究，决定对工程管理处党支部等“硬核”党支部（组织）和曹裕军等"
        "“硬核”共产党员（职工）予以通报表扬。\n"
        "一、表扬对象\n"
        "（一）“硬核”党支部（组织）和“硬核”共产党员（职工）名单见附件。\n"
        "（二）受到表扬的同志，在平时考核和年度考核中优先评定为优秀等次，在“铸盾”形象标兵评选中优先推荐，"
        "在干部选拔任用中同等条件下优先考虑。\n"
        "二、工作要求\n"
        "（一）希望受到表扬的党组织和个人珍惜荣誉、再接再厉。\n"
        "（二）全省人防系统各级党组织和广大党员干部职工要以先进为榜样，坚决打赢疫情防控人民战争、总体战、阻击战。")
    batch = create_batch(demo.session, {"title": BATCH_TITLE, "issuer_id": demo.orgs[PROVINCE].id,
                                        "decided_on": DECIDED_ON, "list_order": "as_entered",
                                        "notes": "第一批。相关报道：《把忠诚担当书写在疫情防控战场》"})
    for kind, key, deeds in BRANCH_HONOREES:
        ref = {"party_branch_id": demo.branches[key].id} if kind == "branch" else {"team_id": demo.teams[key].id}
        add_honoree(demo.session, batch.id, {**ref, "category": BRANCH_CATEGORY, "deeds": deeds})
    for name, deeds in MEMBER_HONOREES:
        person = demo.people[name]
        add_honoree(demo.session, batch.id, {"person_id": person.id, "category": MEMBER_CATEGORY, "deeds": deeds})
    # The attachment is the list the notice generator makes from the batch (grouped, counted, names padded
    # and followed by unit and post), as a clerk would issue it.
    from rfdesk.documents.notice import notice_draft

    draft = notice_draft(demo.session, batch.id)
    body = notice_body.replace(
        "决定对工程管理处党支部等“硬核”党支部（组织）和曹裕军等“硬核”共产党员（职工）予以通报表扬",
        f"决定对工程管理处党支部等{len(BRANCH_HONOREES)}个“硬核”党支部（组织）和曹裕军等"
        f"{len(MEMBER_HONOREES)}名“硬核”共产党员（职工）予以通报表扬")
    notice = _document(demo, DocumentKind.NOTICE, BATCH_TITLE, DECIDED_ON, body,
                       ADDRESSEES + "，省人防办各处室、直属单位", draft["attachments"])
    mark_batch_issued(demo.session, batch.id, notice.id)
