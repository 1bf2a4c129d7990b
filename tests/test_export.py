"""Export: a clerk sends a register to Excel or CSV for the leaders, masked for outsiders, safe to open,
and an exported file imports back into the very same records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import select

from rfdesk import cli
from rfdesk.db import open_database
from rfdesk.domain import Donation, PartyBranch, Person, Resource
from rfdesk.exchange import importing as imp
from rfdesk.exchange.exporting import export_register
from rfdesk.exchange.progress import Cancelled
from rfdesk.exchange.readers import read_all
from rfdesk.exchange.sheets import Column, mask, write_table
from rfdesk.services import commendations as cm
from rfdesk.services import donations as dn
from rfdesk.services import organisations as orgs
from rfdesk.services import people
from rfdesk.services import resources as res
from rfdesk.services.errors import ValidationError
from rfdesk.services.validation import id_check_char


def idn(first17: str) -> str:
    return first17 + id_check_char(first17)


ZHANG = idn("41010519800126123")
LI = idn("41010219850315202")
X_ID = idn("11010519491231002")


def offices(s) -> dict[str, int]:  # noqa: ANN001
    """The organisations and places both offices' databases share (they exchange registers, not these)."""
    prov = orgs.create_organisation(s, {"name": "河南省人民防空办公室", "short_name": "省人防办",
                                        "kind": "province_office"})
    city = orgs.create_organisation(s, {"name": "郑州市人民防空办公室", "kind": "city_office"})
    firm = orgs.create_organisation(s, {"name": "河南人防工程设备有限公司", "kind": "enterprise"})
    store = orgs.create_place(s, {"name": "省人防物资仓库", "kind": "warehouse"})
    branch = people.create_party_branch(s, {"name": "办公室党支部", "organisation_id": prov.id})
    return {"prov": prov.id, "city": city.id, "firm": firm.id, "store": store.id, "branch": branch.id}


@pytest.fixture
def registers(db):  # noqa: ANN001
    """A small office: people, donations of every kind, resources with stock, a commendation batch."""
    with db.session() as s:
        ids = offices(s)
        zhang = people.create_person(s, {
            "name": "张三", "id_number": ZHANG, "organisation_id": ids["prov"], "post": "=HYPERLINK(\"http://x\")",
            "rank": "四级调研员", "phone": "13812345678", "political_status": "cpc", "employment_type": "staff",
            "party_joined_on": "2005-07-01", "qualifications": "心理咨询师", "notes": "@SUM(A1)\n第二行",
            "party_branch_id": ids["branch"]})
        people.create_person(s, {"name": "李四", "id_number": LI, "organisation_id": ids["city"],
                                 "phone": "0371-65901234", "political_status": "masses", "employment_type": "contract"})
        people.create_person(s, {"name": "王五", "id_number": X_ID, "organisation_id": ids["prov"],
                                 "employment_type": "retired", "post": "-", "notes": "+86 备用"})
        dn.create_donation(s, {"donor_kind": "person", "donor_person_id": zhang.id, "amount": "1000.50",
                               "donated_on": "2020-01-26", "channel": "wechat", "purpose": "疫情防控",
                               "handler": "王会计"})
        dn.create_donation(s, {"donor_kind": "enterprise", "donor_organisation_id": ids["firm"], "amount": "12000",
                               "donated_on": "2020-01-27", "channel": "bank"})
        dn.create_donation(s, {"donor_kind": "enterprise", "donor_name": "郑州某科技公司", "amount": "3000",
                               "donated_on": "2020-01-27", "unit_id": ids["city"]})
        dn.create_donation(s, {"donor_kind": "anonymous", "amount": "500", "donated_on": "2020-01-28"})
        dn.create_donation(s, {"donor_kind": "organisation", "donor_organisation_id": ids["city"], "form": "in_kind",
                               "donated_on": "2020-02-01", "items": [{"name": "医用口罩", "quantity": "2000",
                                                                      "unit": "个", "estimated_value": "3000"}]})
        masks = res.create_resource(s, {"kind": "supply", "name": "医用口罩", "code": "WZ-001", "unit_of_measure": "个",
                                        "min_stock": "500", "organisation_id": ids["prov"],
                                        "place_id": ids["store"]})
        res.receive_stock(s, masks.id, ids["store"], "2000.5", "2020-01-30")
        res.create_resource(s, {"kind": "emergency_shelter", "name": "人民公园应急避难场所", "address": "郑州市二七区",
                                "capacity_people": 5000, "area_m2": "12000.5", "organisation_id": ids["city"]})
        res.create_resource(s, {"kind": "drone", "name": "侦察无人机", "serial_no": "DJI-0001", "status": "in_repair",
                                "organisation_id": ids["prov"]})
        batch = cm.create_batch(s, {"title": "第一批“硬核”党支部和“硬核”共产党员", "decided_on": "2020-02-10"})
        cm.add_honoree(s, batch.id, {"honoree_kind": "person", "person_id": zhang.id,
                                     "category": "“硬核”共产党员", "deeds": "连续值守"})
    return ids


def test_an_xlsx_export_looks_like_a_register_a_clerk_would_print(db, registers, tmp_path) -> None:  # noqa: ANN001
    with db.session() as s:
        result = export_register(s, "donations", tmp_path / "捐赠.xlsx")
    assert result.rows == 5
    wb = openpyxl.load_workbook(tmp_path / "捐赠.xlsx")
    ws = wb.active
    assert ws.title == "捐赠登记"
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header[:7] == ["收据号", "捐款日期", "捐赠人", "捐赠人类型", "单位", "捐赠方式", "金额"]
    assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb.endswith("D9E1F2")
    assert isinstance(ws["B2"].value, dt.datetime) and ws["B2"].number_format == "yyyy-mm-dd"
    assert ws["G2"].value == 1000.5 and ws["G2"].number_format == "#,##0.00"
    assert ws["A7"].value == "合计" and ws["G7"].value == "=SUM(G2:G6)"
    assert ws["A2"].value == "2020-000001" and ws["C5"].value == "匿名"
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    # The donor column fits the longest donor name, 河南人防工程设备有限公司: 12 Chinese characters.
    assert widths["C"] >= 24 and widths["A"] >= len("2020-000001")
    cached = openpyxl.load_workbook(tmp_path / "捐赠.xlsx", data_only=True).active
    assert cached["G7"].value == pytest.approx(1000.5 + 12000 + 3000 + 500 + 3000)


def test_text_that_looks_like_a_formula_cannot_run_when_the_file_is_opened(db, registers, tmp_path) -> None:  # noqa: ANN001
    with db.session() as s:
        export_register(s, "people", tmp_path / "p.xlsx")
        export_register(s, "people", tmp_path / "p.csv")
    ws = openpyxl.load_workbook(tmp_path / "p.xlsx").active
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    post, notes = rows["张三"][4], rows["张三"][13]
    assert post.data_type == "s" and post.value == "'=HYPERLINK(\"http://x\")"
    assert notes.data_type == "s" and notes.value == "'@SUM(A1)\n第二行"
    assert rows["王五"][4].value == "'-" and rows["王五"][13].value == "'+86 备用"
    assert not any(c.data_type == "f" for r in ws.iter_rows() for c in r)
    text = (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ",=" not in text and "\n=" not in text


def test_id_and_phone_numbers_can_be_masked_for_outsiders(db, registers, tmp_path) -> None:  # noqa: ANN001
    assert mask("110105194912310021") == "110***********0021"
    assert mask("13812345678") == "138****5678"
    with db.session() as s:
        export_register(s, "people", tmp_path / "masked.xlsx", mask=True)
        export_register(s, "people", tmp_path / "masked.csv", mask=True)
        export_register(s, "people", tmp_path / "plain.csv")
    for name in ("masked.xlsx", "masked.csv"):
        rows = {r[0]: r for r in read_all(tmp_path / name)}
        assert rows["张三"][2] == ZHANG[:3] + "*" * 11 + ZHANG[-4:]
        assert rows["张三"][6] == "138****5678" and rows["李四"][6] == "037******1234"
    plain = {r[0]: r for r in read_all(tmp_path / "plain.csv")}
    assert plain["张三"][2] == ZHANG and plain["王五"][2] == X_ID and plain["张三"][6] == "13812345678"
    raw = (tmp_path / "masked.xlsx").read_bytes()
    assert ZHANG.encode() not in raw


def test_csv_exports_open_in_chinese_excel(db, registers, tmp_path) -> None:  # noqa: ANN001
    with db.session() as s:
        export_register(s, "resources", tmp_path / "r.csv")
    data = (tmp_path / "r.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = read_all(tmp_path / "r.csv")
    masks = next(r for r in rows if r[1] == "医用口罩")
    assert masks[2:6] == ["防疫物资", "物资", "河南省人民防空办公室", "省人防物资仓库"] and masks[12] == "2000.5"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_every_register_exports(db, registers, tmp_path, fmt) -> None:  # noqa: ANN001
    expected = {"people": 3, "donations": 5, "resources": 3, "commendations": 1, "movements": 1}
    with db.session() as s:
        for register, n in expected.items():
            assert export_register(s, register, tmp_path / f"{register}.{fmt}").rows == n
    honoree = read_all(tmp_path / f"commendations.{fmt}")[1]
    assert honoree[:6] == ["第一批“硬核”党支部和“硬核”共产党员", "2020-02-10", "“硬核”共产党员", "个人", "张三",
                           "河南省人民防空办公室"]
    movement = read_all(tmp_path / f"movements.{fmt}")[1]
    assert movement[:7] == ["2020-01-30", "医用口罩", "入库", "2000.5", "个", "", "省人防物资仓库"]


def test_a_cancelled_or_refused_export_leaves_no_file(db, registers, tmp_path) -> None:  # noqa: ANN001
    rows = ((f"人员{i}", dt.date(2020, 1, 1), Decimal(i)) for i in range(2000))
    cols = [Column("姓名"), Column("日期", "date"), Column("金额", "money", total=True)]
    with pytest.raises(Cancelled):
        write_table(tmp_path / "big.xlsx", cols, rows, cancel=lambda: True)
    assert list(tmp_path.glob("big*")) == [] and list(tmp_path.glob(".big*")) == []
    with pytest.raises(ValidationError, match="只能导出为"), db.session() as s:
        export_register(s, "people", tmp_path / "p.pdf")
    with pytest.raises(ValidationError, match="不能导出"), db.session() as s:
        export_register(s, "audit", tmp_path / "p.xlsx")


def test_dates_and_amounts_as_the_database_holds_them_come_out_as_excel_shows_them(tmp_path) -> None:
    """An export reads dates as stored text and money in fen; the sheet must show what the forms showed."""
    import xlsxwriter

    days = [dt.date(2020, 1, 26), dt.date(1900, 2, 28), dt.date(1900, 3, 1), dt.date(1949, 10, 1)]
    # The same days written by the spreadsheet library itself, as the reference of what Excel shows.
    ref = xlsxwriter.Workbook(str(tmp_path / "ref.xlsx"))
    sheet, fmt = ref.add_worksheet(), ref.add_format({"num_format": "yyyy-mm-dd"})
    for i, d in enumerate(days):
        sheet.write_datetime(i, 0, dt.datetime(d.year, d.month, d.day), fmt)
    ref.close()
    cols = [Column("日期", "date"), Column("金额", "money", total=True, scaled=2),
            Column("数量", "quantity", total=True, scaled=3)]
    rows = [(days[0].isoformat(), 100050, 2000500), (days[1], Decimal("0.10"), Decimal("1.250")),
            (days[2].isoformat(), 20, 1), (days[3], -5, None), ("待定", None, None)]
    write_table(tmp_path / "out.xlsx", cols, rows)
    write_table(tmp_path / "out.csv", cols, rows)
    expected = [c.value for (c,) in openpyxl.load_workbook(tmp_path / "ref.xlsx").active.iter_rows()]
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    assert [ws.cell(r, 1).value for r in range(2, 6)] == expected
    assert ws["A6"].value == "待定" and ws["A6"].data_type == "s"
    assert [ws.cell(r, 2).value for r in range(2, 6)] == [1000.5, 0.1, 0.2, -0.05]
    assert [ws.cell(r, 3).value for r in range(2, 5)] == [2000.5, 1.25, 0.001]
    cached = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True).active
    assert cached["B7"].value == 1000.75 and cached["C7"].value == 2001.751  # exact sums, not float drift
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()
    assert text[1:5] == ["2020-01-26,1000.50,2000.5", "1900-02-28,0.10,1.25", "1900-03-01,0.20,0.001",
                         "1949-10-01,-0.05,"]


def _people(s) -> list[tuple]:  # noqa: ANN001
    return sorted(s.execute(select(Person.name, Person.gender, Person.birth_date, Person.id_number, Person.phone,
                                   Person.post, Person.rank, Person.employment_type, Person.political_status,
                                   Person.party_joined_on, Person.qualifications, Person.notes,
                                   PartyBranch.name)
                            .outerjoin(PartyBranch, PartyBranch.id == Person.party_branch_id)).all(),
                  key=repr)


def _donations(s) -> list[tuple]:  # noqa: ANN001
    rows = []
    for d in s.scalars(select(Donation).order_by(Donation.id)):
        rows.append((d.donor_kind, d.donor_display, d.donor_name, d.form, d.amount, d.channel, d.donated_on,
                     d.purpose, d.handler, d.unit.name if d.unit else None,
                     d.donor_organisation.name if d.donor_organisation else None,
                     d.donor_person.name if d.donor_person else None,
                     [(i.name, i.quantity, i.unit, i.estimated_value) for i in d.items]))
    return rows


def _resources(s) -> list[tuple]:  # noqa: ANN001
    rows = []
    for r in s.scalars(select(Resource).order_by(Resource.name)):
        rows.append((r.kind, r.category, r.name, r.code, r.organisation.name if r.organisation else None,
                     r.place.name if r.place else None, r.address, r.capacity_people, r.area_m2, r.serial_no,
                     r.status, r.unit_of_measure, r.min_stock, r.notes,
                     res.balance(s, r.id) if r.category == "supply" else None))
    return rows


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_exported_register_imports_back_into_the_same_records(db, registers, tmp_path, fmt) -> None:  # noqa: ANN001
    with db.session() as s:
        for register in ("people", "donations", "resources"):
            export_register(s, register, tmp_path / f"{register}.{fmt}")
        before = {"people": _people(s), "donations": _donations(s), "resources": _resources(s)}

    other = open_database(tmp_path / "other-office.sqlite")
    try:
        with other.session() as s:
            offices(s)
        for register in ("people", "donations", "resources"):
            with other.session() as s:
                preview, result = imp.import_file(s, register, tmp_path / f"{register}.{fmt}")
                assert preview.report_lines() == [], register
        with other.session() as s:
            assert _people(s) == before["people"]
            assert _donations(s) == before["donations"]
            assert _resources(s) == before["resources"]
    finally:
        other.close()


def test_the_export_command_writes_the_file_it_names(db, registers, tmp_path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "名册.xlsx"
    assert cli.main(["export", "people", "--db", str(db.path), "--out", str(out), "--mask"]) == 0
    assert "已导出人员名册 3 条" in capsys.readouterr().out
    rows = {r[0]: r for r in read_all(out)}
    assert rows["张三"][2].count("*") == 11
    assert cli.main(["export", "people", "--db", str(db.path), "--out", str(tmp_path / "no" / "x.csv")]) == 2
    assert "找不到文件夹" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_in_kind_donations_of_several_items_go_out_a_row_per_item_and_come_back_whole(db, tmp_path, fmt) -> None:  # noqa: ANN001
    with db.session() as s:
        ids = offices(s)
        for _ in range(2):  # the same firm gives the same goods twice on one day: two donations, not one
            dn.create_donation(s, {"donor_kind": "enterprise", "donor_organisation_id": ids["firm"], "form": "in_kind",
                                   "donated_on": "2020-02-01", "purpose": "疫情防控",
                                   "items": [{"name": "医用口罩", "quantity": "2000", "unit": "个",
                                              "estimated_value": "3000"},
                                             {"name": "防护服", "quantity": "50", "unit": "套", "estimated_value": "5000"},
                                             {"name": "84消毒液", "quantity": "20.5", "unit": "升"}]})
        dn.create_donation(s, {"donor_kind": "anonymous", "amount": "500", "donated_on": "2020-02-01"})
        result = export_register(s, "donations", tmp_path / f"d.{fmt}")
        before = _donations(s)
    assert result.rows == 7
    rows = read_all(tmp_path / f"d.{fmt}")
    assert [r[0] for r in rows[1:8]] == ["2020-000001"] * 3 + ["2020-000002"] * 3 + ["2020-000003"]
    amounts = [Decimal(r[6]) if r[6] else None for r in rows[1:8]]
    assert amounts == [8000, None, None, 8000, None, None, 500]  # each donation counted once in the total
    assert [r[8] for r in rows[1:4]] == ["医用口罩", "防护服", "84消毒液"]

    other = open_database(tmp_path / "other-office.sqlite")
    try:
        with other.session() as s:
            offices(s)
        with other.session() as s:
            preview, imported = imp.import_file(s, "donations", tmp_path / f"d.{fmt}")
        assert preview.report_lines() == [] and (imported.created, imported.skipped) == (3, 0)
        with other.session() as s:
            assert _donations(s) == before
    finally:
        other.close()
