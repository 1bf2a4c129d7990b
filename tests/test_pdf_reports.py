"""Printed reports, measured on the PDF: totals equal to the register's SQL sums, headers and page numbers on
every page, orientation, embedded fonts, and the command line."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from sqlalchemy import func, select

from rfdesk import cli
from rfdesk.documents.amounts import capital_amount
from rfdesk.documents.fonts import font_set
from rfdesk.documents.reports import render_report
from rfdesk.domain import Donation, Organisation, StockMovement
from rfdesk.services import commendations as commendation_service
from rfdesk.services import donations as donation_service
from rfdesk.services import organisations as orgs
from rfdesk.services import people, whereabouts
from rfdesk.services import resources as resource_service
from rfdesk.services.errors import NotFound, ValidationError

TODAY = date.today()


def _texts(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [page.extract_text() or "" for page in doc.pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _amounts(text: str) -> list[Decimal]:
    return [Decimal(a.replace(",", "")) for a in re.findall(r"\d{1,3}(?:,\d{3})*\.\d{2}", text)]


@pytest.fixture
def units(session):
    prov = orgs.create_organisation(session, {"name": "河南省人民防空办公室", "kind": "province_office"})
    dept = orgs.create_organisation(session, {"name": "工程管理处", "kind": "department", "parent_id": prov.id})
    city = orgs.create_organisation(session, {"name": "郑州市管城区人防办", "kind": "county_office",
                                              "parent_id": prov.id})
    firm = orgs.create_organisation(session, {"name": "河南中原人防工程有限公司", "kind": "enterprise"})
    return {"prov": prov, "dept": dept, "city": city, "firm": firm}


def _donate(session, unit: Organisation, amount: str, on: str = "2020-01-28", **extra) -> Donation:
    data = {"donor_kind": "organisation", "donor_organisation_id": unit.id, "form": "cash", "amount": amount,
            "channel": "bank", "donated_on": on, "purpose": "疫情防控", "handler": "王晶"}
    data.update(extra)
    return donation_service.create_donation(session, data)


# ---- donation ledger -------------------------------------------------------------------------------------


def test_every_cell_of_the_ledger_copies_out_as_it_was_entered(session, units) -> None:
    """Brackets and backslashes are escaped in the PDF, a rare character comes from the fallback font, and a
    text repeated down the ledger reads the same on every row and page."""
    zhao = orgs.create_organisation(session, {"name": "赵孟𫖯书画院", "kind": "enterprise"})
    zhou = orgs.create_organisation(session, {"name": "周喆商行", "kind": "enterprise"})
    for i in range(60):
        _donate(session, zhao if i % 2 else zhou, f"{100 + i}.00", purpose="防疫(口罩)\\专用")
    texts = _texts(render_report(session, "donations"))
    assert len(texts) >= 2
    flat = [_flat(t) for t in texts]
    assert sum(t.count("防疫(口罩)\\专用") for t in flat) == 60
    assert sum(t.count("赵孟𫖯书画院") for t in flat) >= 30 and sum(t.count("周喆商行") for t in flat) >= 30
    assert all("防疫(口罩)\\专用" in t for t in flat[:2])


def test_the_ledger_subtotals_and_grand_total_equal_the_registers_sums(session, units) -> None:
    for amount in ("1000.00", "2500.50", "333.33"):
        _donate(session, units["dept"], amount)
    for amount in ("50000.00", "0.05"):
        _donate(session, units["city"], amount)
    _donate(session, units["firm"], "200000.00")
    wrong = _donate(session, units["firm"], "99999.99")
    donation_service.void_donation(session, wrong.id, "金额有误")

    pdf = render_report(session, "donations")
    text = "\n".join(_texts(pdf))

    per_unit = dict(session.execute(
        select(Organisation.name, func.sum(Donation.amount)).join(Organisation, Organisation.id == Donation.unit_id)
        .where(Donation.voided.is_(False)).group_by(Organisation.name)).all())
    grand = session.scalar(select(func.sum(Donation.amount)).where(Donation.voided.is_(False)))
    assert grand == Decimal("253833.88")

    subtotals = [_amounts(line)[-1] for line in text.splitlines() if line.replace(" ", "").startswith("小计")]
    assert sorted(subtotals) == sorted(per_unit.values())
    total_line = next(line for line in text.splitlines() if line.replace(" ", "").startswith("合计（"))
    assert _amounts(total_line) == [grand]
    assert "合计（6笔）" in _flat(total_line)
    assert f"合计金额（大写）：{capital_amount(grand, currency=True)}" in _flat(text)
    assert "人民币贰拾伍万叁仟捌佰叁拾叁元捌角捌分" in _flat(text)
    # the voided receipt is shown apart and counted nowhere
    assert "附：已作废收据（1张，不计入合计）" in _flat(text)
    assert "金额有误" in text and wrong.receipt_no in text
    assert Decimal("99999.99") not in subtotals


def test_the_ledger_follows_the_filters_and_says_what_it_covers(session, units) -> None:
    campaign = donation_service.create_campaign(session, {"name": "抗疫捐款"})
    _donate(session, units["dept"], "100.00", campaign_id=campaign.id)
    _donate(session, units["dept"], "900.00")
    text = _flat("\n".join(_texts(render_report(session, "donations", campaign_id=campaign.id))))
    assert "募捐活动：抗疫捐款" in text
    assert "合计（1笔）100.00" in text and "900.00" not in text
    text = _flat("\n".join(_texts(render_report(session, "donations", date_from="2020-01-01",
                                                    date_to="2020-01-27"))))
    assert "（无记录）" in text
    with pytest.raises(ValidationError) as err:
        render_report(session, "donations", colour="red")
    assert err.value.field == "colour"
    with pytest.raises(NotFound):
        render_report(session, "donations", campaign_id=999)


def _many_donations(session, units, n: int) -> None:
    """n donations written straight through the ORM (the service is tested elsewhere), spread over units."""
    targets = [units["dept"], units["city"], units["firm"]]
    for i in range(n):
        unit = targets[i % 3]
        session.add(Donation(donor_kind="organisation", donor_organisation_id=unit.id, unit_id=unit.id,
                             donor_display=unit.name, form="cash", amount=Decimal(f"{100 + i}.{i % 100:02d}"),
                             channel="bank", donated_on=date(2020, 2, 1) + timedelta(days=i % 60),
                             receipt_year=2020, receipt_seq=i + 1, receipt_no=f"2020-{i + 1:06d}",
                             purpose="捐款支持疫情防控工作" * (1 + i % 3), handler="王晶"))
    session.flush()


def test_a_long_ledger_repeats_its_header_and_numbers_every_page(session, units) -> None:
    _many_donations(session, units, 400)
    pdf = render_report(session, "donations")
    continued = {f"{u.name}（续）" for u in units.values()} | {u.name for u in units.values()}
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        n = len(doc.pages)
        assert n > 5
        for number, page in enumerate(doc.pages, start=1):
            assert page.width > page.height, "the ledger is printed landscape"
            words = page.extract_words()
            header = [w for w in words if w["text"] in ("收据编号", "捐赠人", "金额（元）")]
            assert len(header) == 3, f"header row on page {number}"
            # the header row is the first row of the table on every page
            first_receipt = min((w["top"] for w in words if re.fullmatch(r"2020-\d{6}", w["text"])), default=None)
            assert first_receipt is None or all(h["top"] < first_receipt for h in header)
            footer = [ln for ln in (page.extract_text() or "").splitlines() if ln.startswith("第 ")]
            assert footer == [f"第 {number} 页 共 {n} 页"]
            if number > 1:  # the unit the rows belong to is named again under the header
                lines = (page.extract_text() or "").splitlines()
                after_header = lines[lines.index(next(ln for ln in lines if ln.startswith("序号"))) + 1]
                assert after_header.replace(" ", "") in continued, after_header
            low = [w for w in words if w["text"] == "共"]
            assert low and low[-1]["top"] > page.height - 40, "the page number sits at the foot of the page"
        text = "\n".join(p.extract_text() or "" for p in doc.pages)
    grand = session.scalar(select(func.sum(Donation.amount)))
    total_line = next(line for line in text.splitlines() if line.replace(" ", "").startswith("合计（"))
    assert _amounts(total_line) == [grand]
    # every donation is printed exactly once
    assert len(re.findall(r"2020-\d{6}", text)) == 400


def test_every_font_of_a_report_is_embedded_and_every_character_is_drawable(session, units) -> None:
    _donate(session, units["dept"], "16409.02", anonymous_note=None, purpose="购买口罩、酒精、测温枪")
    pdf = render_report(session, "donations")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert re.match(r"/[A-Z]{6}\+", font["/BaseFont"]), f"{font['/BaseFont']} is not a subset"
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
    text = "".join(_texts(pdf))
    assert font_set().missing(text) == set()
    assert "￥16,409.02" in _flat(text)


# ---- personnel roster ------------------------------------------------------------------------------------


@pytest.fixture
def staff(session, units):
    place = orgs.create_place(session, {"name": "紫荆山南路社区", "kind": "community"})
    a = people.create_person(session, {"name": "曹裕军", "organisation_id": units["dept"].id, "post": "党支部书记",
                                       "gender": "男", "political_status": "中共党员", "phone": "13800138000"})
    b = people.create_person(session, {"name": "孙志敏", "organisation_id": units["dept"].id, "post": "党支部书记"})
    c = people.create_person(session, {"name": "孟繁", "organisation_id": units["city"].id, "post": "党组书记、主任"})
    whereabouts.create_assignment(session, {"person_id": a.id, "status": "community", "place_id": place.id,
                                            "start_date": TODAY - timedelta(days=3)})
    # b's secondment ended yesterday: today b is back in post
    whereabouts.create_assignment(session, {"person_id": b.id, "status": "community", "place_id": place.id,
                                            "start_date": TODAY - timedelta(days=10),
                                            "end_date": TODAY - timedelta(days=1)})
    whereabouts.create_assignment(session, {"person_id": c.id, "status": "stranded", "place_text": "湖北省武汉市",
                                            "start_date": TODAY - timedelta(days=20)})
    return {"cao": a, "sun": b, "meng": c}


def _row_of(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if name in line)


def test_the_roster_by_unit_groups_people_with_counts_and_todays_whereabouts(session, units, staff) -> None:
    pdf = render_report(session, "people")
    text = "\n".join(_texts(pdf))
    assert "工程管理处（2人）" in _flat(text) and "郑州市管城区人防办（1人）" in _flat(text)
    assert "下沉社区" in _row_of(text, "曹裕军") and "13800138000" in _row_of(text, "曹裕军")
    assert "在岗" in _row_of(text, "孙志敏")
    assert "滞留外地" in _row_of(text, "孟繁")
    assert "合计：3人" in _flat(text)
    assert font_set().missing(text) == set()
    assert f"去向日期：{TODAY.year}年{TODAY.month}月{TODAY.day}日" in _flat(text)
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    # one unit only: the county office
    for by in ("organisation", "whereabouts"):
        text = _flat("\n".join(_texts(render_report(session, "people", by=by, organisation_id=units["city"].id))))
        assert "孟繁" in text and "曹裕军" not in text and "合计：1人" in text


def test_the_roster_by_whereabouts_groups_people_by_where_they_are_today(session, units, staff) -> None:
    pdf = render_report(session, "people", by="whereabouts")
    text = _flat("\n".join(_texts(pdf)))
    in_post = text.index("在岗（1人）")
    community = text.index("下沉社区（1人）")
    stranded = text.index("滞留外地（1人）")
    assert in_post < community < stranded
    assert in_post < text.index("孙志敏") < community < text.index("曹裕军") < stranded < text.index("孟繁")
    assert "紫荆山南路社区" in text and "湖北省武汉市" in text
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height)
    # a week ago 孙志敏 was in the community and 曹裕军 not yet
    text = _flat("\n".join(_texts(render_report(session, "people", by="whereabouts",
                                                    on=TODAY - timedelta(days=7)))))
    assert text.index("在岗（1人）") < text.index("曹裕军") < text.index("下沉社区（1人）") < text.index("孙志敏")


# ---- resource inventory ----------------------------------------------------------------------------------


def test_the_inventory_balances_are_received_minus_sent_per_place(session, units) -> None:
    store = orgs.create_place(session, {"name": "省人防办物资仓库", "kind": "warehouse"})
    village = orgs.create_place(session, {"name": "张庄村", "kind": "village"})
    community = orgs.create_place(session, {"name": "紫荆山南路社区", "kind": "community"})
    masks = resource_service.create_resource(session, {"kind": "supply", "name": "医用外科口罩",
                                                       "unit_of_measure": "只", "min_stock": "12000"})
    alcohol = resource_service.create_resource(session, {"kind": "supply", "name": "75%酒精",
                                                         "unit_of_measure": "升"})
    resource_service.create_resource(session, {"kind": "evacuation_base", "name": "嵩山人防疏散基地",
                                               "capacity_people": 5000, "area_m2": "12000"})
    resource_service.create_resource(session, {"kind": "drone", "name": "大疆 M300 无人机", "serial_no": "M300-01"})
    resource_service.receive_stock(session, masks.id, store.id, "10000", "2020-01-27")
    resource_service.allocate_stock(session, masks.id, store.id, "3000", "2020-01-29", to_place_id=village.id)
    resource_service.allocate_stock(session, masks.id, store.id, "2500", "2020-01-30", to_place_id=community.id)
    resource_service.receive_stock(session, alcohol.id, store.id, "200.5", "2020-01-27")
    resource_service.allocate_stock(session, alcohol.id, store.id, "50.25", "2020-01-29", to_place_id=community.id)

    pdf = render_report(session, "resources")
    text = "\n".join(_texts(pdf))
    flat = _flat(text)
    # the register's own balances, from SQL sums
    for resource in (masks, alcohol):
        for place in (store, village, community):
            got = session.scalar(select(func.coalesce(func.sum(StockMovement.quantity), 0))
                                 .where(StockMovement.resource_id == resource.id,
                                        StockMovement.to_place_id == place.id))
            sent = session.scalar(select(func.coalesce(func.sum(StockMovement.quantity), 0))
                                  .where(StockMovement.resource_id == resource.id,
                                         StockMovement.from_place_id == place.id))
            held = Decimal(got) - Decimal(sent)
            if not held and not got:
                continue
            line = next(ln for ln in text.splitlines() if place.name in ln and str(resource.unit_of_measure) in ln
                        and ln.split()[0].isdigit() and resource.name in ln)
            assert line.split()[-1].replace(",", "") == resource_service.amount_text(held), line
    assert "省人防办物资仓库 10,000 5,500 4,500" in text
    # the masks allocated to the village and the community have left the store: 4,500 held, below the minimum
    assert "在库合计 4,500 低于最低库存" in text
    assert "在库合计 150.25" in text
    assert font_set().missing(text) == set()
    assert "省人防办物资仓库 200.5 50.25 150.25" in text
    assert "调拨至社区（1个）" in flat and "调拨至村（1个）" in flat
    assert "张庄村医用外科口罩只3,0000" in flat.replace(",", ",")  # village received 3,000, returned 0
    assert "人防疏散基地（1处）" in flat and "嵩山人防疏散基地" in flat
    assert "无人机（1台（套））" in flat and "M300-01" in flat


# ---- commendation list -----------------------------------------------------------------------------------


def test_the_commendation_list_groups_honorees_by_category_with_counts(session, units) -> None:
    branch = people.create_party_branch(session, {"name": "工程管理处党支部", "organisation_id": units["dept"].id})
    cao = people.create_person(session, {"name": "曹裕军", "organisation_id": units["dept"].id, "post": "党支部书记"})
    guard = people.create_person(session, {"name": "周长林", "organisation_id": units["prov"].id,
                                           "employment_type": "不在编"})
    batch = commendation_service.create_batch(session, {"title": "第一批“硬核”党支部和“硬核”共产党员",
                                                        "decided_on": "2020-02-28"})
    commendation_service.add_honoree(session, batch.id, {"party_branch_id": branch.id,
                                                         "category": "“硬核”党支部（组织）",
                                                         "deeds": "组织党员下沉社区值守卡点"})
    commendation_service.add_honoree(session, batch.id, {"person_id": cao.id, "category": "“硬核”共产党员（职工）",
                                                         "deeds": "两次匿名捐款，事后才被同事发现"})
    commendation_service.add_honoree(session, batch.id, {"person_id": guard.id,
                                                         "category": "“硬核”共产党员（职工）",
                                                         "deeds": "坚守机关门岗"})
    pdf = render_report(session, "commendations", batch_id=batch.id)
    text = _flat("\n".join(_texts(pdf)))
    assert "一、“硬核”党支部（组织）（1个）" in text
    assert "二、“硬核”共产党员（职工）（2名）" in text
    assert text.index("工程管理处党支部") < text.index("二、") < text.index("曹裕军") < text.index("周长林")
    assert "工程管理处党支部书记" in text  # unit and post
    assert "不在编" in text
    assert "共3个（名）" in text
    assert font_set().missing(text) == set()
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height), "the list is printed portrait"


def test_unknown_reports_and_missing_batches_are_refused(session) -> None:
    with pytest.raises(ValidationError) as err:
        render_report(session, "salaries")
    assert err.value.field == "kind"
    with pytest.raises(NotFound):
        render_report(session, "commendations", batch_id=42)
    with pytest.raises(ValidationError):
        render_report(session, "people", by="height")
    assert "（尚无表彰批次）" in _flat("".join(_texts(render_report(session, "commendations"))))


# ---- the command line ------------------------------------------------------------------------------------


def test_the_clerk_prints_a_report_and_a_receipt_from_the_command_line(db, tmp_path: Path, capsys) -> None:
    with db.session() as s:
        prov = orgs.create_organisation(s, {"name": "河南省人民防空办公室", "kind": "province_office"})
        donation_id = _donate(s, prov, "203000.00").id
    path = str(tmp_path / "registers.sqlite")
    out = tmp_path / "ledger.pdf"
    assert cli.main(["pdf", "report", "donations", "--db", path, "--out", str(out)]) == 0
    assert "人民币贰拾万叁仟元整" in _flat("".join(_texts(out.read_bytes())))
    receipt = tmp_path / "receipt.pdf"
    assert cli.main(["pdf", "receipt", "--donation", str(donation_id), "--db", path, "--out", str(receipt)]) == 0
    assert cli.main(["pdf", "receipt", "--donation", str(donation_id), "--reprint", "--db", path,
                     "--out", str(receipt)]) == 0
    assert "补打" in _flat("".join(_texts(receipt.read_bytes())))
    capsys.readouterr()
    assert cli.main(["pdf", "receipt", "--donation", "777", "--db", path, "--out", str(receipt)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "找不到编号为 777 的捐赠记录" in err[0]
    assert cli.main(["pdf", "report", "commendations", "--batch", "5", "--db", path]) == 2
    assert "找不到编号为 5 的表彰批次" in capsys.readouterr().err


def test_report_pages_render_to_images(session, units, staff, tmp_path: Path) -> None:
    pdf_path = tmp_path / "roster.pdf"
    pdf_path.write_bytes(render_report(session, "people"))
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf_path), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) == 1 and pngs[0].stat().st_size > 10_000


def test_wrapped_cells_never_start_a_line_with_closing_punctuation() -> None:
    from rfdesk.documents.linebreak import NO_LINE_END, NO_LINE_START
    from rfdesk.documents.report_text import TextKit

    kit = TextKit()
    deeds = ("在疫情防控中，主动请缨，连续奋战，“逆行”一线，带领党员下沉社区（紫荆山南路社区），"
             "每天坚守卡点十二小时以上；组织捐款、捐物，协调口罩20000只、酒精500瓶……事迹感人。")
    for width in range(60, 400, 7):
        lines = kit.wrap(deeds, "body", 10, width)
        assert "".join(lines) == deeds
        assert all(kit.width(line, "body", 10) <= width + 0.01 or len(line) == 1 for line in lines)
        assert not any(line[0] in NO_LINE_START for line in lines[1:]), (width, lines)
        assert not any(line[-1] in NO_LINE_END for line in lines[:-1]), (width, lines)
        assert not any(a[-1].isdigit() and b[0].isdigit() for a, b in zip(lines, lines[1:], strict=False))
