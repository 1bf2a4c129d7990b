"""Donation receipts, measured on the printed PDF: copies, amounts, 作废 and 补打, batch printing."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from sqlalchemy import select

from rfdesk.documents.fonts import font_set
from rfdesk.documents.receipts import render_campaign_receipts, render_receipt
from rfdesk.domain import Donation
from rfdesk.services import donations as donation_service
from rfdesk.services import organisations as orgs
from rfdesk.services import people
from rfdesk.services.errors import NotFound, ValidationError

MM = 72 / 25.4


@pytest.fixture
def office(session):
    """The provincial office with one department, a clerk who handles donations, and a campaign."""
    prov = orgs.create_organisation(session, {"name": "河南省人民防空办公室", "short_name": "省人防办",
                                              "kind": "province_office"})
    dept = orgs.create_organisation(session, {"name": "工程管理处", "kind": "department", "parent_id": prov.id})
    enterprise = orgs.create_organisation(session, {"name": "河南中原人防工程有限公司", "kind": "enterprise"})
    cao = people.create_person(session, {"name": "曹裕军", "organisation_id": dept.id, "post": "党支部书记"})
    campaign = donation_service.create_campaign(session, {"name": "抗击新冠肺炎疫情捐款",
                                                          "started_on": "2020-01-26"})
    return {"prov": prov, "dept": dept, "enterprise": enterprise, "cao": cao, "campaign": campaign}


def _cash(session, office, amount: str, **extra) -> Donation:
    data = {"donor_kind": "organisation", "donor_organisation_id": office["enterprise"].id, "form": "cash",
            "amount": amount, "channel": "bank", "donated_on": "2020-01-28", "campaign_id": office["campaign"].id,
            "purpose": "支援全省人防系统疫情防控", "handler": "王晶"}
    data.update(extra)
    return donation_service.create_donation(session, data)


def _pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [page.extract_text() or "" for page in doc.pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _copy_labels(page) -> list[str]:
    """The copy labels printed down the right margin (centred 10 mm in from the edge), one per copy."""
    column = page.width - 10 * MM
    chars = sorted((c for c in page.chars if abs((c["x0"] + c["x1"]) / 2 - column) < 1), key=lambda c: c["top"])
    labels: list[str] = []
    last = None
    for c in chars:
        if last is None or c["top"] - last > 30:
            labels.append("")
        labels[-1] += c["text"]
        last = c["top"]
    return labels


def test_a_cash_receipt_shows_the_amount_in_figures_and_capitals_on_both_copies(session, office) -> None:
    d = _cash(session, office, "203000.00")
    pdf = render_receipt(session, d.id)
    pages = _pages(pdf)
    assert len(pages) == 1
    text = _flat(pages[0])
    assert text.count("人民币贰拾万叁仟元整") == 2
    assert text.count("￥203,000.00") == 2
    assert text.count(d.receipt_no) == 2
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert _copy_labels(doc.pages[0]) == ["第一联存根︵留存︶", "第二联收据联︵交捐赠人︶"]
    assert "河南省人民防空办公室" in text  # the issuing office
    assert "河南中原人防工程有限公司" in text
    assert "2020年1月28日" in text
    assert "经办人：王晶" in text
    assert "支援全省人防系统疫情防控" in text
    assert "补打" not in text and "作废" not in text
    assert font_set().missing(text) == set(), "every character has a glyph: no empty boxes"
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (595.3, 841.9)


def test_the_stub_sits_above_the_cut_line_and_the_donor_copy_below(session, office) -> None:
    d = _cash(session, office, "500.00")
    with pdfplumber.open(io.BytesIO(render_receipt(session, d.id))) as doc:
        page = doc.pages[0]
        words = page.extract_words()
        middle = page.height / 2
        numbers = [w for w in words if d.receipt_no in w["text"]]
        assert len(numbers) == 2
        tops = sorted(w["top"] for w in numbers)
        assert tops[0] < middle < tops[1]  # pdfplumber measures from the top of the paper
        dashed = [ln for ln in page.lines if abs(ln["top"] - middle) < 1]
        assert dashed, "the cut line between the copies"
        stub_label, donor_label = _copy_labels(page)
        assert "存根" in stub_label and "收据联" in donor_label
        assert all(c["top"] < middle for c in page.chars if c["text"] == "存" and c["x0"] > page.width - 50)


def test_a_reprint_is_marked_and_counted_and_the_original_is_not(session, office) -> None:
    d = _cash(session, office, "1680.32")
    first = _flat(_pages(render_receipt(session, d.id))[0])
    assert "补打" not in first
    assert d.receipt_printed == 1
    second = _flat(_pages(render_receipt(session, d.id))[0])
    assert "补打" in second and "第1次补打" in second
    third = _flat(_pages(render_receipt(session, d.id))[0])
    assert "第2次补打" in third
    assert d.receipt_printed == 3
    assert "人民币壹仟陆佰捌拾元零叁角贰分" in third


def test_a_preview_does_not_count_and_an_original_cannot_be_printed_twice(session, office) -> None:
    d = _cash(session, office, "100.00")
    render_receipt(session, d.id, preview=True)
    assert d.receipt_printed == 0
    render_receipt(session, d.id)
    with pytest.raises(ValidationError) as err:
        render_receipt(session, d.id, reprint=False)
    assert err.value.field == "reprint"
    assert "补打" in _flat(_pages(render_receipt(session, d.id, reprint=True))[0])


def test_a_voided_receipt_prints_void_in_red_with_the_reason(session, office) -> None:
    d = _cash(session, office, "325.04")
    donation_service.void_donation(session, d.id, "金额录入错误，已重开收据")
    pdf = render_receipt(session, d.id)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        text = _flat(page.extract_text())
        assert "作废原因：金额录入错误，已重开收据" in text
        stamp = [c for c in page.chars if c["text"] in "作废" and c["size"] > 40]
        assert len(stamp) == 4  # 作 and 废, large, once on each copy
        for ch in stamp:
            colour = ch["non_stroking_color"]
            assert colour is not None and tuple(round(x, 2) for x in colour) == (0.0, 0.8, 0.8, 0.0)
        # turned across the copy, like a rubber stamp
        assert all(abs(ch["matrix"][1]) > 0.1 for ch in stamp)


def test_an_anonymous_donor_stays_anonymous_on_the_donor_copy(session, office) -> None:
    d = donation_service.create_donation(session, {
        "donor_kind": "anonymous", "donor_person_id": office["cao"].id,
        "anonymous_note": "经了解为曹裕军同志，本人要求不具名", "form": "cash", "amount": "2000",
        "donated_on": "2020-02-03", "handler": "王晶"})
    with pdfplumber.open(io.BytesIO(render_receipt(session, d.id))) as doc:
        page = doc.pages[0]
        middle = page.height / 2
        stub = _flat(page.crop((0, 0, page.width, middle)).extract_text())
        donor = _flat(page.crop((0, middle, page.width, page.height)).extract_text())
    assert "匿名" in stub and "曹裕军" in stub
    assert "匿名" in donor and "曹裕军" not in donor


def test_an_in_kind_receipt_lists_its_items_and_a_long_list_goes_to_an_attached_page(session, office) -> None:
    items = [{"name": f"物资{i}", "quantity": str(100 * i), "unit": "件", "estimated_value": "10.05"}
             for i in range(1, 9)]
    items[0] = {"name": "医用外科口罩", "quantity": "10000", "unit": "只", "estimated_value": "8000"}
    d = donation_service.create_donation(session, {
        "donor_kind": "organisation", "donor_organisation_id": office["enterprise"].id, "form": "in_kind",
        "items": items, "donated_on": "2020-02-05", "purpose": "防疫物资", "handler": "王晶"})
    assert d.amount == Decimal("8070.35")
    pages = _pages(render_receipt(session, d.id))
    assert len(pages) == 2
    receipt, attached = _flat(pages[0]), _flat(pages[1])
    assert "医用外科口罩" in receipt and "10,000" in receipt and "8,000.00" in receipt
    assert "人民币捌仟零柒拾元零叁角伍分" in receipt
    assert "详见所附《捐赠物资清单》" in receipt
    assert "捐赠物资清单" in attached and d.receipt_no in attached
    assert all(f"物资{i}" in attached for i in range(2, 9))
    assert "8,070.35" in attached


def test_slips_are_a_third_of_a4_one_copy_each(session, office) -> None:
    d = _cash(session, office, "0.50")
    pdf = render_receipt(session, d.id, paper="slip")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (595.3, 280.6)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert [_copy_labels(p) for p in doc.pages] == [["第一联存根︵留存︶"], ["第二联收据联︵交捐赠人︶"]]
    stub, donor = (_flat(t) for t in _pages(pdf))
    assert "人民币伍角整" in stub and "￥0.50" in donor


def test_a_campaign_prints_all_its_receipts_in_number_order_and_skips_voided_ones(session, office) -> None:
    a = _cash(session, office, "100.00")
    b = _cash(session, office, "200.00")
    c = _cash(session, office, "300.00")
    donation_service.void_donation(session, b.id, "重复录入")
    render_receipt(session, c.id)  # c was printed before: in the batch it is a reprint
    pdf = render_campaign_receipts(session, office["campaign"].id)
    pages = [_flat(t) for t in _pages(pdf)]
    assert len(pages) == 2
    assert a.receipt_no in pages[0] and "补打" not in pages[0]
    assert c.receipt_no in pages[1] and "补打" in pages[1]
    assert all(b.receipt_no not in p for p in pages)
    assert (a.receipt_printed, b.receipt_printed, c.receipt_printed) == (1, 0, 2)


def test_missing_donations_and_campaigns_are_refused(session, office) -> None:
    with pytest.raises(NotFound):
        render_receipt(session, 999)
    with pytest.raises(NotFound):
        render_campaign_receipts(session, 999)
    empty = donation_service.create_campaign(session, {"name": "空活动"})
    with pytest.raises(ValidationError) as err:
        render_campaign_receipts(session, empty.id)
    assert err.value.field == "campaign_id"
    d = _cash(session, office, "1.00")
    with pytest.raises(ValidationError):
        render_receipt(session, d.id, paper="A5")


def test_every_font_is_embedded_as_a_subset(session, office) -> None:
    d = _cash(session, office, "16409.02")
    reader = pypdf.PdfReader(io.BytesIO(render_receipt(session, d.id)))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        assert re.match(r"/[A-Z]{6}\+", name), f"{name} is not a subset"
        descriptor = (font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font
                      else font["/FontDescriptor"])
        assert "/FontFile2" in descriptor.get_object(), f"{name} is not embedded"


def test_the_receipt_renders_to_an_image_a_clerk_can_check(session, office, tmp_path: Path) -> None:
    d = _cash(session, office, "203000.00")
    pdf_path = tmp_path / "receipt.pdf"
    pdf_path.write_bytes(render_receipt(session, d.id))
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf_path), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) == 1 and pngs[0].stat().st_size > 10_000


def test_the_register_keeps_the_print_count_after_the_unit_of_work(db) -> None:
    with db.session() as s:
        prov = orgs.create_organisation(s, {"name": "河南省人民防空办公室", "kind": "province_office"})
        d = donation_service.create_donation(s, {"donor_kind": "other", "donor_name": "爱心市民", "form": "cash",
                                                 "amount": "50", "donated_on": date(2020, 2, 1).isoformat()})
        donation_id = d.id
        del prov
    with db.session() as s:
        render_receipt(s, donation_id)
    with db.session() as s:
        assert s.scalar(select(Donation.receipt_printed).where(Donation.id == donation_id)) == 1


def test_a_very_long_list_of_items_continues_on_further_pages_with_its_header(session, office) -> None:
    items = [{"name": f"物资{i:02d}", "quantity": "1", "unit": "件", "estimated_value": "1.00"} for i in range(1, 41)]
    d = donation_service.create_donation(session, {
        "donor_kind": "organisation", "donor_organisation_id": office["enterprise"].id, "form": "in_kind",
        "items": items, "donated_on": "2020-02-05"})
    pages = [_flat(t) for t in _pages(render_receipt(session, d.id))]
    assert len(pages) == 3  # the receipt, then the list on two pages
    lists = pages[1:]
    assert all("序号物资名称数量单位估值（元）" in p for p in lists)
    assert "捐赠物资清单（续）" in lists[1] and "第2页共2页" in lists[1]
    assert "合计40.00" in lists[1] and "合计" not in lists[0].replace("捐赠", "")
    printed = re.findall(r"物资(\d{2})", "".join(lists))
    assert printed == [f"{i:02d}" for i in range(1, 41)]


def test_wrapped_purpose_and_notes_on_the_paper_obey_the_line_breaking_rules(session, office) -> None:
    from rfdesk.documents.linebreak import NO_LINE_END, NO_LINE_START

    # Punctuation every second or third character: wherever a line is full, the rules have to act.
    purpose = "购置口罩，酒精、手套；防护服（套）“消毒液”……" * 3 + "专款专用。"
    notes = "致谢（不具名）！凭证另寄。《收据》“补寄”？" * 3
    d = _cash(session, office, "16409.02", purpose=purpose, notes=notes)
    with pdfplumber.open(io.BytesIO(render_receipt(session, d.id, reprint=False, preview=True))) as doc:
        page = doc.pages[0]
        rows: dict[float, list] = {}
        for c in page.chars:
            if c["size"] < 20 and c["upright"]:
                rows.setdefault(round(c["top"], 1), []).append(c)
    cell_lines = []
    for chars in rows.values():  # a printed line is cut into cells where the gap is wider than a character
        chars.sort(key=lambda c: c["x0"])
        run = [chars[0]]
        for prev, c in zip(chars, chars[1:], strict=False):
            if c["x0"] - prev["x1"] > c["size"]:
                cell_lines.append("".join(x["text"] for x in run))
                run = []
            run.append(c)
        cell_lines.append("".join(x["text"] for x in run))
    wrapped = [line for line in cell_lines if line and line in purpose + notes and line not in (purpose, notes)]
    assert len(wrapped) >= 4, cell_lines  # both texts did wrap, on both copies
    for line in wrapped:
        assert not (line[0] in NO_LINE_START and not (purpose + notes).startswith(line)), line
        assert line[-1] not in NO_LINE_END, line


def test_the_capitals_of_the_standard_examples_print_on_both_copies(session, office) -> None:
    examples = {"10.00": "壹拾元整", "6007.14": "陆仟零柒元壹角肆分", "16409.02": "壹万陆仟肆佰零玖元零贰分",
                "325.04": "叁佰贰拾伍元零肆分", "100000000.05": "壹亿元零伍分"}
    for amount in examples:
        _cash(session, office, amount)
    pdf = render_campaign_receipts(session, office["campaign"].id, preview=True)
    pages = [_flat(p) for p in _pages(pdf)]
    assert len(pages) == len(examples)
    for page, (figures, capitals) in zip(pages, examples.items(), strict=True):
        assert page.count(f"人民币{capitals}") == 2, (figures, page)
        whole, cents = figures.split(".")
        assert page.count(f"￥{int(whole):,}.{cents}") == 2
