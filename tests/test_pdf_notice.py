"""The commendation notice (通报表扬): wording from the batch, the grouped list, long lists as tables, printing."""

from __future__ import annotations

import io
import re
from datetime import date

import pdfplumber
import pytest

from rfdesk import cli
from rfdesk.documents import layout as L
from rfdesk.documents.linebreak import NO_LINE_START
from rfdesk.documents.notice import notice_draft, pad_name, render_notice
from rfdesk.domain import ArchivedPdf, Commendation, Document, DocumentAttachment, Person
from rfdesk.services import commendations, organisations, people

BRANCH = "“硬核”党支部"
MEMBER = "“硬核”共产党员"


def make_batch(session, *, list_order="as_entered", extra_people=0):
    office = organisations.create_organisation(session, {"name": "河南省人民防空办公室", "kind": "province_office"})
    works = organisations.create_organisation(session, {"name": "工程管理处", "kind": "department",
                                                        "parent_id": office.id})
    command = organisations.create_organisation(session, {"name": "指挥通信处", "kind": "department",
                                                          "parent_id": office.id})
    batch = commendations.create_batch(session, {"title": "第一批“硬核”党支部和“硬核”共产党员", "issuer_id": office.id,
                                                 "decided_on": date(2020, 3, 5), "list_order": list_order})
    for name, org, temporary in (("工程管理处党支部", works, False), ("指挥通信处党支部", command, False),
                                 ("下沉社区临时党支部", office, True)):
        branch = people.create_party_branch(session, {"name": name, "organisation_id": org.id,
                                                      "is_temporary": temporary})
        commendations.add_honoree(session, batch.id, {"party_branch_id": branch.id, "category": BRANCH})
    staff = [("曹裕军", works, "处长", "staff"), ("王伟", command, "科长", "staff"),
             ("李建国", office, None, "retired"), ("张明", office, "保安", "non_staff"),
             ("欧阳娜娜", works, "干部", "staff")]
    for name, org, post, employment in staff:
        person = people.create_person(session, {"name": name, "organisation_id": org.id, "post": post,
                                                "employment_type": employment})
        commendations.add_honoree(session, batch.id, {"person_id": person.id, "category": MEMBER})
    if extra_people:
        # Many more comrades, entered straight into the register so the test spends its time on the notice.
        crowd = [Person(name=f"{'赵钱孙李周吴郑王'[i % 8]}{'国民建华志明'[i % 6]}{'一二三四五六七八九十'[i // 48 % 10]}",
                        organisation_id=works.id, post="干部", employment_type="staff") for i in range(extra_people)]
        session.add_all(crowd)
        session.flush()
        session.add_all(Commendation(batch_id=batch.id, honoree_kind="person", person_id=p.id, category=MEMBER,
                                     sort_order=100 + i) for i, p in enumerate(crowd))
        session.flush()
    return batch


def member_rows(pages: list[list[str]]) -> list[str]:
    """The rows of the members' table, in print order."""
    lines = [line for page in pages for line in page]
    start = next(i for i, line in enumerate(lines) if line.startswith(f"二、{MEMBER}"))
    return [line for line in lines[start:] if re.match(r"^\d+\D", line)]


def body_lines(pdf: bytes) -> list[list[str]]:
    """The 16 pt lines of each page, top to bottom."""
    result = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            rows: dict[float, list] = {}
            for c in page.chars:
                if abs(c["size"] - L.BODY_SIZE) < 0.01:
                    rows.setdefault(round(c["top"], 1), []).append(c)
            result.append(["".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"]))
                           for _, cs in sorted(rows.items())])
    return result


def test_the_draft_fills_the_customary_wording_with_counts_and_names(session):
    batch = make_batch(session)
    draft = notice_draft(session, batch.id)
    assert draft["title"] == ("河南省人民防空办公室关于对工程管理处党支部等“硬核”党支部和曹裕军等“硬核”共产党员"
                              "予以通报表扬的通报")
    body = draft["body"].split("\n")
    assert "经研究，决定对工程管理处党支部等3个党支部、曹裕军等5名同志予以通报表扬。" in body[1]
    assert body[2].startswith("希望受到表扬的党支部和同志")
    assert "学习" in body[3]
    assert body[-1] == "特此通报。"
    assert draft["issuer_mark"] == "河南省人民防空办公室文件"
    assert draft["doc_date"] == date(2020, 3, 5)
    (attachment,) = draft["attachments"]
    assert attachment["title"] == "“硬核”党支部和“硬核”共产党员名单"
    assert attachment["body"].split("\n") == [
        "（排名不分先后）",
        "一、“硬核”党支部（3个）",
        "工程管理处党支部",
        "指挥通信处党支部",
        "下沉社区临时党支部",
        "二、“硬核”共产党员（5名）",
        "曹裕军　工程管理处处长",
        "王　伟　指挥通信处科长",
        "李建国　河南省人民防空办公室退休",
        "张　明　河南省人民防空办公室保安",
        "欧阳娜娜　工程管理处干部",
    ]


def test_two_character_names_are_padded_to_line_up():
    assert pad_name("王伟") == "王\u3000伟"
    assert pad_name("曹裕军") == "曹裕军"
    assert pad_name("欧阳娜娜") == "欧阳娜娜"


def test_a_list_by_surname_strokes_says_so_and_follows_the_strokes(session):
    batch = make_batch(session, list_order="by_strokes")
    lines = notice_draft(session, batch.id)["attachments"][0]["body"].split("\n")
    assert lines[0] == "（按姓氏笔画排序）"
    members = lines[lines.index("二、“硬核”共产党员（5名）") + 1:]
    assert members[0].startswith("王\u3000伟")  # 王 4 strokes
    assert members[-1].startswith("曹裕军")  # 曹 11 strokes


def test_the_printed_notice_shows_the_decision_on_page_1_and_the_list_on_its_own_page(session):
    batch = make_batch(session)
    pdf = render_notice(session, batch.id)
    pages = body_lines(pdf)
    first = "".join(pages[0])
    assert "新冠肺炎疫情发生以来" in first
    printed = "".join("".join(p) for p in pages)
    assert "经研究，决定对工程管理处党支部等3个党支部、曹裕军等5名同志予以通报表扬。" in printed
    assert "附件：“硬核”党支部和“硬核”共产党员名单" in printed
    list_page = next(p for p in pages if p and p[0] == "附件")
    assert "一、“硬核”党支部（3个）" in list_page
    assert "王　伟　指挥通信处科长" in list_page
    for page in pages:
        for line in page[1:]:
            assert line[0] not in NO_LINE_START, line
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        title = "".join(c["text"] for c in doc.pages[0].chars if c["size"] == L.TITLE_SIZE)
        assert title == notice_draft(session, batch.id)["title"]
        assert len(doc.pages) % 2 == 0
        imprint = "".join(c["text"] for c in doc.pages[-1].chars if abs(c["size"] - L.IMPRINT_SIZE) < 0.01)
        assert "河南省人民防空办公室" in imprint and "2020年3月5日印发" in imprint


def test_a_long_list_becomes_a_table_with_its_header_on_every_page(session):
    batch = make_batch(session, extra_people=40)
    draft = notice_draft(session, batch.id)
    assert "序号\t姓名\t单位及职务" in draft["attachments"][0]["body"]
    pages = body_lines(render_notice(session, batch.id))
    table_pages = [p for p in pages if any(line.startswith("序号") for line in p)]
    assert len(table_pages) >= 2
    for page in table_pages[1:]:
        assert page[0] == "序号姓名单位及职务"
    rows = member_rows(pages)
    assert rows[0] == "1曹裕军工程管理处处长"
    assert rows[1] == "2王　伟指挥通信处科长"
    assert rows[-1].startswith("45")


@pytest.mark.slow
def test_a_batch_of_1000_honorees_prints_every_one_of_them(db):
    with db.session() as s:
        s.info["operator"] = "clerk"
        batch_id = make_batch(s, extra_people=995).id
    with db.session() as s:
        draft = notice_draft(s, batch_id)
        assert "曹裕军等1000名同志" in draft["body"]
        pdf = render_notice(s, batch_id)
    pages = body_lines(pdf)
    assert len(pages) > 40
    numbers = [int(re.match(r"^\d+", row).group()) for row in member_rows(pages)]
    assert numbers == list(range(1, 1001))


# --- printing from the command line -------------------------------------------------------------------


def _issue_edited_notice(s, batch_id: int) -> Document:
    """What the clerk does before issuing: take the draft, change the wording, keep it as a document."""
    draft = notice_draft(s, batch_id)
    doc = Document(kind="notice", layout="red_header", title=draft["title"], addressees="各处室",
                   body=draft["body"].replace("特此通报。", "此次受表扬的同志中有一名不在编的保安师傅。\n特此通报。"),
                   issuer_id=draft["issuer_id"], issuer_mark=draft["issuer_mark"], signatory=draft["signatory"],
                   doc_date=draft["doc_date"], with_seal=True, status="draft")
    doc.attachments = [DocumentAttachment(position=1, title=a["title"], body=a["body"]) for a in draft["attachments"]]
    s.add(doc)
    s.flush()
    commendations.mark_batch_issued(s, batch_id, doc.id)
    return doc


def test_the_clerks_edited_wording_is_what_prints(session):
    batch = make_batch(session)
    _issue_edited_notice(session, batch.id)
    printed = "".join("".join(p) for p in body_lines(render_notice(session, batch.id)))
    assert "此次受表扬的同志中有一名不在编的保安师傅。" in printed
    assert "各处室：" in printed


def test_pdf_notice_and_circular_on_the_command_line(db, tmp_path, capsys):
    with db.session() as s:
        s.info["operator"] = "clerk"
        batch_id = make_batch(s).id
        doc_id = _issue_edited_notice(s, batch_id).id
    out = tmp_path / "notice.pdf"
    assert cli.main(["pdf", "notice", "--db", str(db.path), "--batch", str(batch_id), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    circular = tmp_path / "circular.pdf"
    assert cli.main(["pdf", "circular", "--document", str(doc_id), "--db", str(db.path), "--out", str(circular)]) == 0
    assert circular.read_bytes() == out.read_bytes()  # the same draft, the same bytes

    # Once issued, a reprint is the archived original byte for byte, even if the record changed since.
    with db.session() as s:
        s.info["operator"] = "clerk"
        doc = s.get(Document, doc_id)
        doc.status, doc.number = "issued", "豫人防〔2020〕12号"
        original = b"%PDF-1.4 archived original"
        s.add(ArchivedPdf(subject="document", subject_id=doc_id, variant="original", sha256="0" * 64, data=original))
        doc.body = "改动后的正文"
    assert cli.main(["pdf", "circular", "--document", str(doc_id), "--db", str(db.path), "--out", str(circular)]) == 0
    assert circular.read_bytes() == original
    assert cli.main(["pdf", "notice", "--batch", str(batch_id), "--db", str(db.path), "--out", str(out)]) == 0
    assert out.read_bytes() == original

    capsys.readouterr()
    assert cli.main(["pdf", "notice", "--batch", "999", "--db", str(db.path), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "999" in err[0] and "找不到" in err[0]
    assert cli.main(["pdf", "circular", "--document", "999", "--db", str(db.path), "--out", str(out)]) == 2
    assert "找不到" in capsys.readouterr().err


def test_the_command_line_names_a_character_no_font_has_and_sums_up_the_fonts_in_one_line(db, tmp_path, capsys):
    from rfdesk.documents.fonts import font_set

    rare = next(ch for ch in ("\U00020BB7", "\U0002EBF0") if font_set().missing(ch))
    with db.session() as s:
        s.info["operator"] = "clerk"
        batch = make_batch(s)
        person = people.create_person(s, {"name": f"张{rare}", "organisation_id": batch.issuer_id, "post": "科员",
                                           "employment_type": "staff"})
        commendations.add_honoree(s, batch.id, {"person_id": person.id, "category": MEMBER})
        batch_id = batch.id
    capsys.readouterr()
    out = tmp_path / "notice.pdf"
    assert cli.main(["pdf", "notice", "--db", str(db.path), "--batch", str(batch_id), "--out", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    told = [line for line in err if f"“{rare}”" in line]
    assert len(told) == 1 and told[0].startswith("提示：") and f"张　{rare}" in told[0] and "空框" in told[0]
    assert len([line for line in err if "字体" in line and line not in told]) <= 1
    # The character still takes its place on the paper (a marked box), so nothing after it shifts.
    with pdfplumber.open(out) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "张" in text and "科员" in text
