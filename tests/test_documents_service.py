"""Official documents: a clerk drafts circulars, issues them with their 发文字号 and finds the archived PDF."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from office_registers import every_row
from rfdesk.domain import ArchivedPdf, Document, NumberSequence
from rfdesk.services import documents as ds
from rfdesk.services import organisations as orgs
from rfdesk.services.errors import Conflict, RfdeskError, ValidationError

TITLES = [
    "关于全省人防系统领导干部在疫情防控工作中做到守土有责守土担责守土尽责的通知",
    "关于利用人防战备资源为新冠肺炎疫情防控工作提供应急支援的通知",
    "关于疫情防控期间开展便民服务支持企业复工复产的通知",
]



def fake_pdf(doc: Document) -> bytes:
    """Stands in for the PDF engine: a PDF header and what the page would show."""
    return f"%PDF-1.7\n{doc.number}\n{doc.title}\n{doc.doc_date}".encode()


def draft(session, heading: str, **extra) -> Document:  # noqa: ANN001, ANN003
    return ds.create_document(session, {"title": heading, "body": "一、总体要求\n各单位要……", "number_prefix": "豫人防",
                                        "addressees": "各省辖市人防办，省人防办各处室", "doc_date": "2020-02-03",
                                        **extra})


def test_circulars_are_numbered_per_prefix_and_per_year_in_the_official_form(db) -> None:
    with db.session() as s:
        docs = [draft(s, t) for t in TITLES]
        letter = draft(s, "关于提升政务服务效率和质量的通知", number_prefix="豫人防函", layout="信函格式")
        late = draft(s, "关于做好元旦春节期间值班工作的通知", doc_date="2021-01-05")
        numbers = [ds.issue_document(s, d.id, fake_pdf).number for d in [*docs, letter, late]]
    assert numbers == ["豫人防〔2020〕1号", "豫人防〔2020〕2号", "豫人防〔2020〕3号", "豫人防函〔2020〕1号",
                       "豫人防〔2021〕1号"]
    assert "\u3014" in numbers[0] and "\u3015" in numbers[0] and "第" not in numbers[0]
    with db.session() as s:
        assert ds.document_number("豫人防", 2020, 12) == "豫人防〔2020〕12号"
        issued = s.get(Document, docs[1].id)
        assert (issued.status, issued.number_year, issued.number_seq) == ("issued", 2020, 2)
        assert issued.issued_at is not None


def test_issuing_archives_the_exact_pdf_and_its_hash(db) -> None:
    with db.session() as s:
        d = draft(s, TITLES[0], attachments=[{"title": "“硬核”党支部名单", "body": "工程管理处党支部"}])
        ds.issue_document(s, d.id, fake_pdf)
    with db.session() as s:
        pdf = ds.archived_pdf(s, "document", d.id)
        assert pdf is not None and pdf.startswith(b"%PDF-") and "豫人防〔2020〕1号".encode() in pdf
        assert s.get(Document, d.id).pdf_sha256 == hashlib.sha256(pdf).hexdigest()
        assert ds.archived_pdf(s, "document", d.id, "copy") is None
        # A receipt's PDF is archived the same way; the same bytes again are fine, other bytes are refused.
        ds.archive_pdf(s, "receipt", 7, b"%PDF-1.4 receipt")
        ds.archive_pdf(s, "receipt", 7, b"%PDF-1.4 receipt")
        with pytest.raises(Conflict):
            ds.archive_pdf(s, "receipt", 7, b"%PDF-1.4 other")
        with pytest.raises(RfdeskError):
            ds.archive_pdf(s, "receipt", 8, b"<html>")
        assert s.scalar(select(ArchivedPdf.variant).where(ArchivedPdf.subject == "receipt")) == "original"


def test_a_failing_pdf_leaves_a_draft_and_uses_up_no_number(db) -> None:
    with db.session() as s:
        first = draft(s, TITLES[0])
        second = draft(s, TITLES[1])
        ds.issue_document(s, first.id, fake_pdf)
    before = every_row(db.path)

    def broken(doc: Document) -> bytes:
        raise OSError("font file missing")

    with db.session() as s:
        with pytest.raises(OSError):
            ds.issue_document(s, second.id, broken)
        # The clerk's unit of work carries on after the error: still nothing was issued.
        assert s.get(Document, second.id).status == "draft"
        with pytest.raises(RfdeskError) as err:
            ds.issue_document(s, second.id, lambda doc: b"not a pdf")
        assert err.value.field == "pdf"
    assert every_row(db.path) == before
    with db.session() as s:
        assert ds.issue_document(s, second.id, fake_pdf).number == "豫人防〔2020〕2号"
        assert s.scalar(select(NumberSequence.last_value).where(NumberSequence.name == "doc:豫人防")) == 2


def test_an_issued_document_refuses_edits_deletion_and_a_second_issue(db) -> None:
    with db.session() as s:
        d = draft(s, TITLES[0])
        ds.issue_document(s, d.id, fake_pdf)
    for action in (lambda s: ds.update_document(s, d.id, {"title": "改标题"}),
                   lambda s: ds.delete_document(s, d.id),
                   lambda s: ds.issue_document(s, d.id, fake_pdf)):
        with pytest.raises(ValidationError) as err, db.session() as s:
            action(s)
        assert err.value.field == "status" and "豫人防〔2020〕1号" in err.value.zh


def test_a_draft_is_edited_attachments_and_all_and_deleted_to_the_bin(db) -> None:
    with db.session() as s:
        office = orgs.create_organisation(s, {"name": "河南省人民防空办公室", "kind": "province_office"})
        d = draft(s, TITLES[2], issuer_id=office.id, issuer_mark="河南省人民防空办公室文件", with_seal="否",
                  cc="省委办公厅，省政府办公厅", attachments=[{"title": "便民服务事项清单"}])
        version = d.version
        ds.update_document(s, d.id, {"attachments": [{"title": "便民服务事项清单", "body": "一、人防工程审批"},
                                                     {"title": "联系人名单"}]}, expected_version=version)
        assert [(a.position, a.title) for a in d.attachments] == [(1, "便民服务事项清单"), (2, "联系人名单")]
        assert d.version == version + 1 and d.with_seal is False and d.issuer_id == office.id
        ds.delete_document(s, d.id)
        assert ds.list_documents(s).total == 0


@pytest.mark.parametrize(("data", "field"), [
    ({"title": "  "}, "title"),
    ({"doc_date": "2020-02-30"}, "doc_date"),
    ({"number_prefix": "豫人防〔2020〕"}, "number_prefix"),
    ({"kind": "memo"}, "kind"),
    ({"layout": "blue"}, "layout"),
    ({"with_seal": "maybe"}, "with_seal"),
    ({"attachments": [{"title": "名单"}, {"body": "没有标题"}]}, "attachments[1].title"),
    ({"attachments": "名单"}, "attachments"),
    ({"issuer_id": 77}, "issuer_id"),
    ({"number": "豫人防〔2020〕9号"}, "number"),
])
def test_refused_input_names_the_field_and_writes_nothing(db, data, field) -> None:
    before = every_row(db.path)
    with pytest.raises(ValidationError) as err, db.session() as s:
        draft(s, TITLES[0], **data)
    assert err.value.field == field
    assert every_row(db.path) == before


def test_issuing_needs_a_prefix_and_a_body(session) -> None:
    d = ds.create_document(session, {"title": TITLES[0]})
    with pytest.raises(ValidationError) as err:
        ds.issue_document(session, d.id, fake_pdf)
    assert err.value.field == "number_prefix"
    ds.update_document(session, d.id, {"number_prefix": "豫人防"})
    with pytest.raises(ValidationError) as err:
        ds.issue_document(session, d.id, fake_pdf)
    assert err.value.field == "body"


def test_the_clerk_finds_documents_by_title_number_and_year(db) -> None:
    with db.session() as s:
        for i, t in enumerate(TITLES):
            d = draft(s, t, doc_date=f"2020-02-0{i + 1}")
            if i < 2:
                ds.issue_document(s, d.id, fake_pdf)
    with db.session() as s:
        assert [d.number for d in ds.list_documents(s, search="〔2020〕2号").rows] == ["豫人防〔2020〕2号"]
        assert ds.list_documents(s, search="便民服务").rows[0].status == "draft"
        assert ds.list_documents(s, status="已印发", year=2020).total == 2
        newest = ds.list_documents(s, sort="doc_date", descending=True, limit=1)
        assert newest.total == 3 and newest.rows[0].title == TITLES[2]
        assert ds.list_documents(s, date_from="2020-02-02").total == 2
        with pytest.raises(ValidationError):
            ds.list_documents(s, sort="colour")


def test_titles_sort_by_pinyin_and_an_edited_title_moves(session) -> None:
    # By code point 保 comes before 安; by pinyin 安全 comes before 保卫 before 财务.
    for heading in ("关于财务检查的通知", "关于安全生产的通知", "关于保卫工作的通知"):
        draft(session, heading)

    def titles() -> list[str]:
        return [d.title for d in ds.list_documents(session, sort="title").rows]

    assert titles() == ["关于安全生产的通知", "关于保卫工作的通知", "关于财务检查的通知"]
    finance = ds.list_documents(session, search="财务").rows[0]
    ds.update_document(session, finance.id, {"title": "关于表彰先进的通知"})  # biao: after bao
    assert titles() == ["关于安全生产的通知", "关于保卫工作的通知", "关于表彰先进的通知"]


def test_a_year_left_blank_on_the_issue_form_is_the_year_of_the_document(session) -> None:
    d = draft(session, TITLES[2])
    ds.issue_document(session, d.id, fake_pdf, year="")
    assert d.number == "豫人防〔2020〕1号"
    with pytest.raises(ValidationError) as err:
        ds.issue_document(session, draft(session, TITLES[1]).id, fake_pdf, year="二〇二〇")
    assert err.value.field == "year"
