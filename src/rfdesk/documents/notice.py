"""The commendation notice (通报表扬) of a commendation batch.

``notice_draft`` writes the customary wording with the counts and names taken from the batch, and the
attachment list grouped by category; the clerk edits it before issuing (it becomes a ``Document``).
``render_notice`` prints the batch's notice: the archived bytes once issued, else the clerk's draft document,
else the wording straight from the batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from rfdesk.documents.circular import archived_bytes
from rfdesk.documents.official import AttachmentPage, OfficialDocument, chinese_date, render, render_document

# A list longer than this prints as a table (序号 / 姓名 / 单位及职务) instead of name lines.
LONG_LIST = 30

CHINESE_NUMERALS = "一二三四五六七八九十"

# How each kind of honoree is counted and named in the decision sentence.
MEASURE = {"person": "名", "party_branch": "个", "organisation": "个", "team": "支"}
NOUN = {"person": "同志", "party_branch": "党支部", "organisation": "单位", "team": "队伍"}

ORDER_NOTE = {"by_strokes": "（按姓氏笔画排序）"}
DEFAULT_ORDER_NOTE = "（排名不分先后）"


@dataclass
class _Group:
    category: str
    kind: str
    names: list[str]
    units: list[str]

    @property
    def count(self) -> int:
        return len(self.names)

    @property
    def measure(self) -> str:
        return MEASURE.get(self.kind, "个")


def pad_name(name: str) -> str:
    """Two-character names take a full-width space in the middle so they line up with three-character ones."""
    return f"{name[0]}\u3000{name[1]}" if len(name) == 2 else name


def chinese_ordinal(n: int) -> str:
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (CHINESE_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (CHINESE_NUMERALS[ones - 1] if ones else "")


def _groups(honorees: Sequence[Any]) -> list[_Group]:
    groups: dict[str, _Group] = {}
    for h in honorees:
        g = groups.get(h.category)
        if g is None:
            g = groups[h.category] = _Group(h.category, h.honoree_kind, [], [])
        g.names.append(h.name)
        g.units.append(h.unit_and_post if h.honoree_kind == "person" else (h.unit or ""))
    return list(groups.values())


def _named(group: _Group) -> str:
    """工程管理处党支部等5个党支部 / 张三等10名同志 / 张三同志."""
    first = group.names[0]
    noun = NOUN.get(group.kind, "")
    if group.count == 1:
        return first + ("同志" if group.kind == "person" else "")
    return f"{first}等{group.count}{group.measure}{noun}"


def _title(issuer: str, groups: list[_Group]) -> str:
    honoured = "和".join(f"{g.names[0]}{'等' if g.count > 1 else ''}{g.category}" for g in groups)
    return f"{issuer}关于对{honoured}予以通报表扬的通报"


def _body(groups: list[_Group]) -> str:
    decided = "、".join(_named(g) for g in groups)
    who = "和".join(dict.fromkeys(NOUN.get(g.kind, "同志") for g in groups))
    return "\n".join([
        "新冠肺炎疫情发生以来，全系统各级党组织和广大共产党员坚决贯彻落实党中央决策部署和省委、省政府工作要求，"
        "闻令而动、冲锋在前，在疫情防控和复工复产中经受住了考验，涌现出一批政治过硬、作风过硬、本领过硬的"
        "先进集体和先进个人。",
        f"为表彰先进、树立典型，激励广大党员干部担当作为，经研究，决定对{decided}予以通报表扬。",
        f"希望受到表扬的{who}珍惜荣誉、戒骄戒躁，继续发挥示范引领作用，在今后的工作中再创佳绩。",
        "各级党组织和广大党员干部要以受表扬的先进典型为榜样，学习他们对党忠诚、勇于担当、甘于奉献的"
        "精神，立足岗位、真抓实干，为推动人民防空事业高质量发展作出新的更大贡献。",
        "特此通报。",
    ])


def _attachment(groups: list[_Group], list_order: str) -> AttachmentPage:
    title = "和".join(g.category for g in groups) + "名单"
    table = sum(g.count for g in groups) > LONG_LIST
    lines = [ORDER_NOTE.get(list_order, DEFAULT_ORDER_NOTE)]
    for i, g in enumerate(groups, start=1):
        lines.append(f"{chinese_ordinal(i)}、{g.category}（{g.count}{g.measure}）")
        person = g.kind == "person"
        if table:
            lines.append("序号\t姓名\t单位及职务" if person else "序号\t名称\t所属单位")
            lines.extend(f"{n}\t{pad_name(name) if person else name}\t{unit}"
                         for n, (name, unit) in enumerate(zip(g.names, g.units, strict=True), start=1))
        elif person:
            lines.extend(f"{pad_name(name)}\u3000{unit}".rstrip("\u3000") for name, unit in zip(g.names, g.units, strict=True))
        else:
            lines.extend(g.names)
    return AttachmentPage(title, "\n".join(lines))


def notice_draft(session: Session, batch_id: int) -> dict[str, Any]:
    """The notice of a batch as editable fields of a ``Document`` (kind notice): title, addressees, body,
    attachments (title and text), issuer mark, signatory, date, 印发机关 and 印发日期 of the 版记.
    Refuses a missing batch (NotFound)."""
    from rfdesk.domain import CommendationBatch
    from rfdesk.services.base import get
    from rfdesk.services.commendations import batch_honorees

    batch = get(session, CommendationBatch, batch_id, include_deleted=True)
    groups = _groups(batch_honorees(session, batch.id))
    issuer = batch.issuer.name if batch.issuer is not None else ""
    attachments = [_attachment(groups, batch.list_order)] if groups else []
    return {
        "kind": "notice",
        "layout": "red_header",
        "title": _title(issuer, groups) if groups else f"{issuer}关于{batch.title}的通报",
        "addressees": "各有关单位",
        "body": _body(groups) if groups else "",
        "attachments": [{"title": a.title, "body": a.body} for a in attachments],
        "issuer_id": batch.issuer_id,
        "issuer_mark": f"{issuer}文件" if issuer else "",
        "signatory": issuer or None,
        "doc_date": batch.decided_on,
        "with_seal": True,
        "printed_by": issuer or None,
        "printed_on": batch.decided_on,
    }


def draft_document(draft: dict[str, Any]) -> OfficialDocument:
    return OfficialDocument(
        title=draft["title"],
        body=draft["body"],
        layout=draft.get("layout", "red_header"),
        issuer_mark=draft.get("issuer_mark") or "",
        number=draft.get("number"),
        addressees=draft.get("addressees"),
        attachments=[AttachmentPage(a["title"], a["body"]) for a in draft.get("attachments", [])],
        signatory=draft.get("signatory"),
        doc_date=draft.get("doc_date"),
        with_seal=draft.get("with_seal", True),
        cc=draft.get("cc"),
        printed_by=draft.get("printed_by"),
        printed_on=draft.get("printed_on"),
    )


def render_notice(session: Session, batch_id: int) -> bytes:
    """The PDF of a batch's notice: the archived original once issued, else its draft document as the
    clerk edited it, else the customary wording from the batch. Refuses a missing batch (NotFound)."""
    from rfdesk.domain import CommendationBatch, Document
    from rfdesk.services.base import get

    batch = get(session, CommendationBatch, batch_id, include_deleted=True)
    if batch.document_id is not None:
        document = session.get(Document, batch.document_id)
        if document is not None:
            if document.status == "issued":
                archived = archived_bytes(session, "document", document.id)
                if archived is not None:
                    return archived
            return render_document(document)
    return render(draft_document(notice_draft(session, batch_id)))


__all__ = ["notice_draft", "render_notice", "draft_document", "pad_name", "chinese_date", "LONG_LIST"]
