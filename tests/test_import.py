"""Import: a clerk brings the office's messy spreadsheets into the registers — previews every problem, then
imports all or nothing, or leaves out the rows they choose."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from rfdesk import cli
from rfdesk.domain import AuditEntry, Donation, Person, Resource
from rfdesk.exchange import importing as imp
from rfdesk.exchange.columns import FIELDS, field_of, read_value, suggest_mapping
from rfdesk.exchange.progress import Cancelled
from rfdesk.exchange.readers import detect_encoding
from rfdesk.services import organisations as orgs
from rfdesk.services import people
from rfdesk.services.errors import ValidationError
from rfdesk.services.resources import balance
from rfdesk.services.validation import id_check_char


def idn(first17: str) -> str:
    return first17 + id_check_char(first17)


ZHANG = idn("41010519800126123")   # 1980-01-26, man
LI = idn("41010219850315202")      # 1985-03-15, woman
WANG = idn("41010319900101301")
ZHAO = idn("41010319750707401")


@pytest.fixture
def office(db):  # noqa: ANN001
    with db.session() as s:
        prov = orgs.create_organisation(s, {"name": "河南省人民防空办公室", "short_name": "省人防办",
                                            "kind": "province_office"})
        city = orgs.create_organisation(s, {"name": "郑州市人民防空办公室", "short_name": "郑州市人防办",
                                            "kind": "city_office"})
        firm = orgs.create_organisation(s, {"name": "河南人防工程设备有限公司", "kind": "enterprise"})
        store = orgs.create_place(s, {"name": "省人防物资仓库", "kind": "warehouse"})
        cao = people.create_person(s, {"name": "曹裕军", "organisation_id": prov.id})
        return {"prov": prov.id, "city": city.id, "firm": firm.id, "store": store.id, "cao": cao.id}


def people_count(db) -> int:  # noqa: ANN001
    with db.session() as s:
        return s.scalar(select(func.count(Person.id))) or 0


def write_xlsx(path: Path, rows: list[list], *, title: str | None = None) -> Path:
    """A spreadsheet as clerks make them: a merged title row and a blank row above the header."""
    wb = openpyxl.Workbook()
    ws = wb.active
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
        ws.append([])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list], encoding: str) -> Path:
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


PEOPLE_HEADER = ["序号", "姓 名", "性别", "公民身份号码", "工作单位", "职务", "手机号", "政治面貌", "出生日期",
                 "入党时间", "备注"]


def messy_roster(tmp_path: Path) -> Path:
    """Rows 4-11 under a title: good rows written in many ways, and one of each kind of problem."""
    serial_1980 = (dt.date(1980, 1, 26) - dt.date(1899, 12, 30)).days
    return write_xlsx(tmp_path / "名册.xlsx", [
        PEOPLE_HEADER,
        [1, " 张　三 ", "男", ZHANG, "省人防办", "科员", 13812345678, "党员", serial_1980, "2005年7月1日", "+1 加班"],
        [2, "李四", "女", LI.lower() if LI.endswith("X") else LI, "郑州市人民防空办公室", "处长", "１３９１２３４５６７８",
         "中共党员", "1985.3.15", "2008/6/30", ""],
        [3, "王五", "", 4.10103199001013e17, "省人防办", "", "", "群众", None, None, ""],
        [4, "赵六", "", ZHAO, "开封市人防办", "", "", "", None, None, ""],
        [5, "张三三", "", ZHANG, "省人防办", "", "", "", None, None, ""],
        [6, "钱七", "", WANG, "省人防办", "", "12345", "", None, None, ""],
        [7, "孙八", "女", WANG[:-1] + "0" if WANG[-1] != "0" else WANG[:-1] + "1", "省人防办", "", "", "", None,
         None, ""],
        ["合计", "", "", "", "", "", "", "", "", "", ""],
    ], title="河南省人防办2020年疫情防控人员名册")


def test_a_messy_roster_is_previewed_row_by_row_and_nothing_is_written(db, office, tmp_path) -> None:  # noqa: ANN001
    path = messy_roster(tmp_path)
    with db.session() as s:
        preview = imp.preview_import(s, "people", path)
    assert preview.header_row == 3
    assert preview.rows_read == 7  # the totals row is not a record
    assert [preview.headers[c] for c in preview.mapping] == PEOPLE_HEADER[1:]
    assert preview.unmapped_headers == ["序号"]
    lines = preview.report_lines()
    assert lines[0] == ("第6行 身份证号：被表格软件存成了数字，末几位可能已丢失；请把该列设为“文本”后重新录入")
    assert lines[1] == "第7行 单位：“开封市人防办”不在单位名录中（可先新建该单位）"
    assert lines[2] == "第8行 身份证号：与第4行重复"
    assert lines[3].startswith("第9行 联系电话：应为11位手机号")
    assert lines[4] == "第10行 身份证号：校验位不正确，请核对"
    assert len(lines) == 5
    assert preview.bad_rows == {6, 7, 8, 9, 10}
    assert preview.duplicate_rows == {8}
    assert preview.missing_organisations == {"开封市人防办": [7]}
    assert preview.good_count == 2
    assert preview.sample[0] == (4, {"name": "张三", "gender": "男", "id_number": ZHANG, "organisation": "省人防办",
                                     "post": "科员", "phone": "13812345678", "political_status": "cpc",
                                     "birth_date": "1980-01-26", "party_joined_on": "2005-07-01", "notes": "+1 加班"})
    assert people_count(db) == 1  # only 曹裕军 from before


def test_the_import_is_all_or_nothing_unless_the_clerk_leaves_rows_out(db, office, tmp_path) -> None:  # noqa: ANN001
    path = messy_roster(tmp_path)
    with db.session() as s:
        preview = imp.preview_import(s, "people", path)
    with pytest.raises(imp.ImportRefused) as refused, db.session() as s:
        imp.commit_import(s, preview)
    assert "第6、7、8、9、10行有问题" in refused.value.zh
    assert people_count(db) == 1
    with pytest.raises(imp.ImportRefused), db.session() as s:
        imp.commit_import(s, preview, skip_rows={6, 7, 8, 9})
    assert people_count(db) == 1

    with db.session() as s:
        result = imp.commit_import(s, preview, skip_rows=preview.bad_rows)
    assert (result.created, result.skipped) == (2, 5)
    with db.session() as s:
        zhang = s.scalar(select(Person).where(Person.id_number == ZHANG))
        li = s.scalar(select(Person).where(Person.id_number == LI))
        assert (zhang.name, zhang.gender, zhang.birth_date, zhang.organisation_id, zhang.phone) == (
            "张三", "M", dt.date(1980, 1, 26), office["prov"], "13812345678")
        assert (zhang.political_status, zhang.party_joined_on, zhang.notes) == ("cpc", dt.date(2005, 7, 1), "+1 加班")
        assert (li.name, li.gender, li.organisation_id, li.phone, li.post) == (
            "李四", "F", office["city"], "13912345678", "处长")
        assert li.birth_date == dt.date(1985, 3, 15) and li.party_joined_on == dt.date(2008, 6, 30)


def test_a_row_refused_at_commit_time_undoes_the_whole_import(db, office, tmp_path) -> None:  # noqa: ANN001
    path = write_xlsx(tmp_path / "p.xlsx", [["姓名", "身份证号"], ["张三", ZHANG], ["李四", LI], ["王五", WANG]])
    with db.session() as s:
        preview = imp.preview_import(s, "people", path)
    assert preview.ok
    with db.session() as s:  # meanwhile another clerk registers 王五 by hand
        people.create_person(s, {"name": "王五", "id_number": WANG})
    with pytest.raises(imp.ImportRefused) as refused, db.session() as s:
        imp.commit_import(s, preview)
    assert refused.value.problems[0].row == 4
    assert "已登记为“王五”" in refused.value.zh
    assert people_count(db) == 2


def test_people_already_registered_are_duplicates_the_clerk_can_skip(db, office, tmp_path) -> None:  # noqa: ANN001
    with db.session() as s:
        people.create_person(s, {"name": "张三", "id_number": ZHANG, "organisation_id": office["prov"]})
    path = write_xlsx(tmp_path / "p.xlsx", [["姓名", "身份证号"], ["张三", ZHANG.lower()], ["李四", LI]])
    with db.session() as s:
        preview = imp.preview_import(s, "people", path)
        assert preview.report_lines() == ["第2行 身份证号：已登记为“张三，河南省人民防空办公室”的身份证号（重复人员）"]
        assert preview.duplicate_rows == {2}
        result = imp.commit_import(s, preview, skip_rows=preview.duplicate_rows)
    assert result.created == 1 and people_count(db) == 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_files_in_utf8_with_or_without_bom_and_in_gbk_read_the_same(db, office, tmp_path, encoding) -> None:  # noqa: ANN001
    path = write_csv(tmp_path / "名单.csv", [
        ["郑州市人防办疫情防控人员名单"],
        ["姓名", "身份证号码", "所在单位", "联系电话", "政治面貌", "出生日期"],
        ["张三", ZHANG, "郑州市人防办", "0371-65901234", "中共预备党员", "1980年1月26日"],
        ["李四", LI, "省人防办", "139 1234 5678", "共青团员", "1985-03-15"],
    ], encoding)
    assert detect_encoding(path)[0] == ("utf-8-sig" if encoding.startswith("utf") else "gb18030")
    with db.session() as s:
        preview, result = imp.import_file(s, "people", path)
    assert preview.header_row == 2 and result.created == 2
    with db.session() as s:
        zhang = s.scalar(select(Person).where(Person.id_number == ZHANG))
        assert (zhang.name, zhang.organisation_id, zhang.phone, zhang.political_status) == (
            "张三", office["city"], "0371-65901234", "cpc_probationary")
        li = s.scalar(select(Person).where(Person.id_number == LI))
        assert (li.phone, li.political_status) == ("13912345678", "cyl")


def test_a_file_changed_after_the_preview_is_not_imported(db, office, tmp_path) -> None:  # noqa: ANN001
    path = write_xlsx(tmp_path / "p.xlsx", [["姓名", "身份证号"], ["张三", ZHANG]])
    with db.session() as s:
        preview = imp.preview_import(s, "people", path)
    write_xlsx(path, [["姓名", "身份证号"], ["张三", ZHANG], ["李四", LI]])
    with pytest.raises(ValidationError, match="文件在预览之后被修改过"), db.session() as s:
        imp.commit_import(s, preview)
    assert people_count(db) == 1


def test_an_unknown_organisation_created_after_the_preview_lets_its_rows_in(db, office, tmp_path) -> None:  # noqa: ANN001
    path = write_xlsx(tmp_path / "p.xlsx", [["姓名", "单位"], ["张三", "开封市人防办"], ["李四", "开封市人防办"]])
    with db.session() as s:
        preview = imp.preview_import(s, "people", path)
    assert preview.missing_organisations == {"开封市人防办": [2, 3]}
    with db.session() as s:  # the window offered to create it, the clerk said yes
        kaifeng = orgs.create_organisation(s, {"name": "开封市人防办", "kind": "city_office"})
    with db.session() as s:
        result = imp.commit_import(s, preview)
    assert result.created == 2
    with db.session() as s:
        assert s.scalar(select(func.count()).where(Person.organisation_id == kaifeng.id)) == 2


def test_progress_is_reported_and_cancel_writes_nothing(db, office, tmp_path) -> None:  # noqa: ANN001
    rows = [["姓名", "手机"]] + [[f"人员{i}", f"138{i:08d}"] for i in range(1200)]
    path = write_csv(tmp_path / "p.csv", rows, "utf-8-sig")
    seen: list[tuple[int, int]] = []
    with db.session() as s:
        preview = imp.preview_import(s, "people", path, progress=lambda d, t: seen.append((d, t)))
    assert preview.ok and seen[-1] == (1200, 1200)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    calls = {"n": 0}

    def cancel_after_500() -> bool:
        calls["n"] += 1
        return calls["n"] > 2  # the check runs every 250 rows

    with pytest.raises(Cancelled), db.session() as s:
        imp.commit_import(s, preview, cancel=cancel_after_500)
    assert people_count(db) == 1
    calls["n"] = 0
    with pytest.raises(Cancelled), db.session() as s:
        imp.import_file(s, "people", path, cancel=cancel_after_500)
    assert people_count(db) == 1


def test_columns_the_import_does_not_know_can_be_mapped_by_the_clerk(db, office, tmp_path) -> None:  # noqa: ANN001
    path = write_xlsx(tmp_path / "p.xlsx", [["人员", "证件", "手机"], ["张三", ZHANG, "13812345678"]])
    with pytest.raises(ValidationError, match="表中没有“姓名”列"), db.session() as s:
        imp.preview_import(s, "people", path)
    with db.session() as s:
        preview = imp.preview_import(s, "people", path, mapping={"人员": "name", 1: "id_number", "手机": ""})
        assert preview.mapping == {0: "name", 1: "id_number"}
        imp.commit_import(s, preview)
        zhang = s.scalar(select(Person).where(Person.id_number == ZHANG))
        assert zhang.name == "张三" and zhang.phone is None


def test_header_names_are_matched_per_register() -> None:
    assert suggest_mapping(["姓名", "身份证号码", "单位", "手机"], "people") == {
        0: "name", 1: "id_number", 2: "organisation", 3: "phone"}
    # In the resource register 单位 is the unit of measure, unless 计量单位 is there too.
    assert suggest_mapping(["物资名称", "单位", "管理单位"], "resources") == {
        0: "name", 1: "unit_of_measure", 2: "organisation"}
    assert suggest_mapping(["物资名称", "计量单位", "单位"], "resources") == {
        0: "name", 1: "unit_of_measure", 2: "organisation"}
    # 数量 | 单位 side by side in a donation list: the unit of measure.
    assert suggest_mapping(["捐赠人", "单位", "物资名称", "数量", "单位"], "donations") == {
        0: "donor", 1: "organisation", 2: "item_name", 3: "quantity", 4: "unit_of_measure"}
    assert suggest_mapping(["Name", "ID number", "Organisation", "金额（元）"], "people") == {
        0: "name", 1: "id_number", 2: "organisation"}
    assert all(f.zh and f.en for fields in FIELDS.values() for f in fields)


@pytest.mark.parametrize(("text", "amount"), [
    ("¥1,234.50", "1234.50"), ("￥1，234.5", "1234.50"), ("1234.5元", "1234.50"), ("1.2万", "12000.00"),
    ("１２３４", "1234.00"), (1234.5, "1234.50"), (200.0, "200.00"), (" 500 ", "500.00"),
])
def test_amounts_are_read_as_clerks_write_them(text, amount) -> None:  # noqa: ANN001
    assert read_value(field_of("donations", "amount"), text) == Decimal(amount)


@pytest.mark.parametrize("cell", ["2020年1月26日", "2020.1.26", "2020/1/26", "2020-01-26", 43856, 43856.0,
                                  "43856", dt.datetime(2020, 1, 26, 9, 30), "２０２０年１月２６日"])
def test_dates_are_read_in_every_usual_form(cell) -> None:  # noqa: ANN001
    assert read_value(field_of("donations", "donated_on"), cell) == dt.date(2020, 1, 26)


# What Excel shows after it rounded an ID number to 15 digits and the clerk saved the sheet as text.
ROUNDED = next(p[:15] + "000" for p in (ZHANG, LI, WANG, ZHAO) if id_check_char(p[:15] + "00") != "0")


@pytest.mark.parametrize("cell", [4.10105198001261e17, 410105198001261234, "4.10105E+17", "4.10105198001261E+17",
                                  ROUNDED])
def test_id_numbers_a_spreadsheet_turned_into_numbers_are_never_accepted(cell) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError, match="被表格软件存成了数字"):
        read_value(field_of("people", "id_number"), cell)


def test_id_numbers_with_a_lower_case_x_full_width_digits_or_spaces_are_accepted() -> None:
    x_id = idn("11010519491231002")
    assert x_id.endswith("X")
    f = field_of("people", "id_number")
    assert read_value(f, x_id.lower()) == x_id
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in x_id)
    assert read_value(f, f" {full_width[:6]} {full_width[6:]} ") == x_id


DONATION_ROWS = [
    ["2020年抗击新冠肺炎疫情捐款登记表"],
    ["序号", "捐款人", "单位", "金额（元）", "捐款日期", "支付方式", "用途", "经办人"],
    ["1", "曹裕军", "省人防办", "￥1,000.00", "2020年1月26日", "微信", "疫情防控", "王会计"],
    ["2", "河南人防工程设备有限公司", "", "1.2万", "2020.1.27", "转账", "", ""],
    ["3", "匿名", "", "５００元", "2020/1/28", "现金", "", ""],
    ["4", "张三", "省人防办", "100", "2020-01-28", "", "", ""],
    ["5", "匿名", "", "500", "2020-01-28", "现金", "", ""],
    ["合计", "", "", "14100", "", "", "", ""],
]


def test_a_donation_list_in_gbk_with_every_kind_of_donor(db, office, tmp_path) -> None:  # noqa: ANN001
    path = write_csv(tmp_path / "捐款.csv", DONATION_ROWS, "gbk")
    with db.session() as s:
        preview = imp.preview_import(s, "donations", path)
        assert preview.encoding == "gb18030"
        assert preview.report_lines() == [
            "第6行 捐赠人：人员名册中“省人防办”没有“张三”，请先登记该人员，或在“捐赠人类型”列填写“其他”",
            "第7行 （提醒）与第5行的捐赠人、日期、金额都相同，请确认不是重复录入"]
        assert preview.warning_rows == {7}
        result = imp.commit_import(s, preview, skip_rows={6, 7})
    assert result.created == 3
    with db.session() as s:
        rows = s.execute(select(Donation.donor_kind, Donation.donor_display, Donation.amount, Donation.donated_on,
                                Donation.channel, Donation.unit_id, Donation.receipt_no)
                         .order_by(Donation.id)).all()
        assert rows == [
            ("person", "曹裕军", Decimal("1000.00"), dt.date(2020, 1, 26), "wechat", office["prov"], "2020-000001"),
            ("enterprise", "河南人防工程设备有限公司", Decimal("12000.00"), dt.date(2020, 1, 27), "bank",
             office["firm"], "2020-000002"),
            ("anonymous", "匿名", Decimal("500.00"), dt.date(2020, 1, 28), "cash", None, "2020-000003"),
        ]
        assert s.scalar(select(func.sum(Donation.amount))) == Decimal("13500.00")

    # The same list again: each row is flagged as probably recorded already, but not refused.
    with db.session() as s:
        again = imp.preview_import(s, "donations", path)
    assert again.warning_rows == {3, 4, 5, 7} and again.bad_rows == {6}
    assert again.report_lines()[0] == ("第3行 （提醒）登记簿中已有同一捐赠人同日同金额的捐赠（收据号 2020-000001），"
                                       "请确认不是重复导入")


def test_in_kind_donations_take_one_item_per_row(db, office, tmp_path) -> None:  # noqa: ANN001
    path = write_xlsx(tmp_path / "物资.xlsx", [
        ["捐赠单位", "捐赠方式", "物资名称", "数量", "单位", "估价", "日期"],
        ["河南人防工程设备有限公司", "物资", "医用口罩", "2000", "个", "3,000", dt.date(2020, 2, 1)],
        ["河南人防工程设备有限公司", "物资", "防护服", "", "套", "", dt.date(2020, 2, 1)],
    ])
    with db.session() as s:
        preview = imp.preview_import(s, "donations", path)
        assert preview.report_lines() == ["第3行 第1项物品的数量：不能为空"]
        imp.commit_import(s, preview, skip_rows={3})
        d = s.scalar(select(Donation))
        assert (d.form, d.amount, d.donor_organisation_id) == ("in_kind", Decimal("3000.00"), office["firm"])
        assert [(i.name, i.quantity, i.unit) for i in d.items] == [("医用口罩", Decimal("2000.000"), "个")]
        # Its history: created from row 2 of the file, with its amount and its item.
        from rfdesk.services.base import history

        created = history(s, Donation, d.id)[0]
        assert (created.action, created.changes["source"]) == ("create", [None, "物资.xlsx 第2行"])
        assert created.changes["amount"] == [None, "3000.00"]
        assert created.changes["items"] == [None, ["医用口罩 2000.000 个 3000.00"]]


def test_a_resource_list_puts_the_stock_into_the_named_store(db, office, tmp_path) -> None:  # noqa: ANN001
    path = write_csv(tmp_path / "物资.csv", [
        ["物资名称", "类别", "规格", "数量", "单位", "所属单位", "存放地点"],
        ["医用口罩", "防疫物资", "N95", "2,000", "个", "省人防办", "省人防物资仓库"],
        ["75%酒精", "物资", "500ml", "10.5", "升", "省人防办", "省人防物资仓库"],
        ["消毒液", "物资", "", "20", "桶", "省人防办", "城东仓库"],
        ["应急避难场所（人民公园）", "应急避难场所", "", "", "", "郑州市人防办", ""],
    ], "utf-8")
    with db.session() as s:
        preview = imp.preview_import(s, "resources", path)
        assert preview.report_lines() == ["第4行 存放地点：“城东仓库”不存在，请先在系统中新建"]
        imp.commit_import(s, preview, skip_rows={4})
        masks = s.scalar(select(Resource).where(Resource.name == "医用口罩"))
        assert (masks.kind, masks.unit_of_measure, masks.organisation_id, masks.notes) == (
            "supply", "个", office["prov"], "规格：N95")
        assert balance(s, masks.id, office["store"]) == Decimal("2000")
        alcohol = s.scalar(select(Resource).where(Resource.name == "75%酒精"))
        assert balance(s, alcohol.id) == Decimal("10.5")
        park = s.scalar(select(Resource).where(Resource.kind == "emergency_shelter"))
        assert (park.category, park.organisation_id) == ("facility", office["city"])


def test_twenty_thousand_rows_stream_through_in_one_transaction(db, office, tmp_path) -> None:  # noqa: ANN001
    n = 20_000
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["姓名", "身份证号", "单位", "手机", "政治面貌"])
        for i in range(n):
            first17 = f"4101{i // 10000 % 100:02d}{1950 + i % 50}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
            w.writerow([f"人员{i}", idn(first17), "省人防办", f"138{i:08d}", "群众"])
    seen: list[tuple[int, int]] = []
    with db.session() as s:
        preview, result = imp.import_file(s, "people", path, progress=lambda d, t: seen.append((d, t)))
    assert preview.ok and result.created == n
    assert seen[-1] == (n, n) and len(preview.sample) == imp.SAMPLE_ROWS
    assert people_count(db) == n + 1


def test_the_import_command_prints_the_report_and_writes_nothing_when_a_row_is_bad(db, office, tmp_path,  # noqa: ANN001
                                                                                  capsys) -> None:
    path = messy_roster(tmp_path)
    target = str(db.path)
    assert cli.main(["import", "people", str(path), "--db", target, "--dry-run"]) == 2
    out = capsys.readouterr().out
    assert "第6行 身份证号：被表格软件存成了数字" in out and "第7行 单位：“开封市人防办”不在单位名录中" in out
    assert cli.main(["import", "people", str(path), "--db", target]) == 2
    assert people_count(db) == 1
    capsys.readouterr()
    assert cli.main(["import", "people", str(path), "--db", target, "--skip", "6-10"]) == 0
    assert "已导入人员 2 条，跳过5行。" in capsys.readouterr().out
    assert people_count(db) == 3
    assert cli.main(["import", "people", str(path), "--db", target, "--skip", "x"]) == 2
    assert "不是行号" in capsys.readouterr().err


def test_a_file_that_is_not_a_spreadsheet_is_refused_clearly(db, office, tmp_path) -> None:  # noqa: ANN001
    bad = tmp_path / "名册.xlsx"
    bad.write_bytes(b"not a zip file at all")
    with pytest.raises(ValidationError, match="无法读取该表格文件"), db.session() as s:
        imp.preview_import(s, "people", bad)
    (tmp_path / "名册.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match="不支持的文件类型"), db.session() as s:
        imp.preview_import(s, "people", tmp_path / "名册.doc")
    empty = write_csv(tmp_path / "空.csv", [], "utf-8")
    with pytest.raises(ValidationError, match="文件是空的"), db.session() as s:
        imp.preview_import(s, "people", empty)


def test_the_window_sees_the_header_and_suggested_columns_before_the_preview(tmp_path) -> None:
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填表说明"
    notes.append(["请按模板填写，身份证号列设为文本格式"])
    roster = wb.create_sheet("人员名单")
    roster.append(["郑州市人防办人员名单"])
    roster.append(["姓名", "身份证号", "工号", "所在单位"])
    roster.append(["张三", ZHANG, "A001", "省人防办"])
    wb.save(tmp_path / "名单.xlsx")
    layout = imp.inspect_file("people", tmp_path / "名单.xlsx")
    assert (layout.sheet_name, layout.header_row) == ("人员名单", 2)
    assert layout.suggested == {0: "name", 1: "id_number", 3: "organisation"}
    assert layout.first_rows == [(3, ["张三", ZHANG, "A001", "省人防办"])]


def test_reading_a_big_file_holds_one_row_at_a_time(tmp_path) -> None:
    import tracemalloc

    from rfdesk.exchange.columns import header_score
    from rfdesk.exchange.readers import open_table

    path = tmp_path / "big.csv"
    with open(path, "w", encoding="gbk", newline="") as f:
        w = csv.writer(f)
        w.writerow(["姓名", "身份证号", "单位", "备注"])
        for i in range(50_000):
            w.writerow([f"人员{i}", ZHANG, "省人防办", "备注文字" * 20])
    tracemalloc.start()
    try:
        with open_table(path, header_score("people")) as table:
            n = sum(1 for _ in table.rows())
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == 50_000
    assert path.stat().st_size > 8_000_000
    assert peak < 2_000_000  # a few rows and a read buffer, not the file


def test_other_clerks_keep_writing_while_a_big_file_is_previewed(db, office, tmp_path) -> None:  # noqa: ANN001
    import threading

    rows = [["姓名", "手机", "单位"]] + [[f"人员{i}", f"138{i:08d}", "省人防办"] for i in range(3000)]
    path = write_csv(tmp_path / "p.csv", rows, "utf-8-sig")
    halfway, written = threading.Event(), threading.Event()
    events: list[str] = []

    def progress(done: int, _total: int) -> None:
        if done >= 1000 and not halfway.is_set():
            halfway.set()
            written.wait(timeout=60)  # the preview pauses in mid-file until the other clerk has saved

    def preview_in_background() -> None:
        with db.session() as s:
            result["preview"] = imp.preview_import(s, "people", path, progress=progress)
        events.append("preview finished")

    result: dict[str, imp.ImportPreview] = {}
    worker = threading.Thread(target=preview_in_background)
    worker.start()
    try:
        assert halfway.wait(timeout=60)
        with db.session() as s:  # another clerk adds a unit meanwhile
            orgs.create_organisation(s, {"name": "开封市人民防空办公室", "kind": "city_office"})
        events.append("unit saved")
    finally:
        written.set()
        worker.join()
    assert events == ["unit saved", "preview finished"]
    assert result["preview"].ok and result["preview"].rows_read == 3000
    assert people_count(db) == 1
    with db.session() as s:
        assert orgs.find_organisation(s, "开封市人民防空办公室") is not None


def test_imported_people_are_found_by_pinyin_and_their_history_says_who_imported_them(db, office, tmp_path) -> None:  # noqa: ANN001
    from rfdesk.services.base import history

    path = write_xlsx(tmp_path / "p.xlsx", [["姓名", "身份证号", "单位"], ["曾方", ZHANG, "省人防办"],
                                            ["李四", LI, "郑州市人防办"]])
    with db.session() as s:
        s.info["operator"] = "王会计"
        imp.import_file(s, "people", path)
    with db.session() as s:
        zeng = people.list_people(s, search="zf").rows
        assert [p.name for p in zeng] == ["曾方"]
        entries = history(s, Person, zeng[0].id)
        assert [(e.action, e.operator) for e in entries] == [("create", "王会计")]
        assert entries[0].changes["id_number"] == [None, ZHANG]
        assert entries[0].changes["organisation_id"] == [None, office["prov"]]
        assert entries[0].changes["source"] == [None, "p.xlsx 第2行"]
        li = people.find_person_by_id_number(s, LI)
        assert history(s, Person, li.id)[0].changes["source"] == [None, "p.xlsx 第3行"]
        # The file is recorded once for the batch, with its hash, not once per person.
        batch = s.scalars(select(AuditEntry).where(AuditEntry.table_name == "person",
                                                   AuditEntry.record_id != office["cao"])).all()
        assert len(batch) == 1 and batch[0].label == "p.xlsx"
        assert json.loads(batch[0].changes)["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        # Someone registered by hand keeps the form's history, without a source.
        assert "source" not in history(s, Person, office["cao"])[0].changes
    with db.session() as s:
        s.info["operator"] = "李科长"
        people.update_person(s, li.id, {"post": "科员"})
        people.delete_person(s, li.id)
    with db.session() as s:
        from rfdesk.services.base import recycle_bin, restore_from_bin

        assert [(e.table_name, e.label) for e in recycle_bin(s)] == [("person", "李四")]
        restore_from_bin(s, "person", li.id)
    with db.session() as s:
        entries = history(s, Person, li.id)
        assert [e.action for e in entries] == ["create", "update", "delete", "restore"]
        assert [e.operator for e in entries[:3]] == ["王会计", "李科长", "李科长"]
        assert entries[0].changes["source"] == [None, "p.xlsx 第3行"]
        assert entries[1].changes["post"] == [None, "科员"]


def test_rows_left_out_are_as_absent_in_the_single_pass_as_in_preview_and_commit(db, office, tmp_path) -> None:  # noqa: ANN001
    """A donation's bad item row left out: the donation comes in with its other items, by either route."""
    path = write_xlsx(tmp_path / "物资.xlsx", [
        ["收据号", "捐赠单位", "捐赠方式", "物资名称", "数量", "计量单位", "估价", "日期"],
        ["2020-000007", "河南人防工程设备有限公司", "物资", "医用口罩", "2000", "个", "3000", dt.date(2020, 2, 1)],
        ["2020-000007", "河南人防工程设备有限公司", "物资", "防护服", "很多", "套", "", dt.date(2020, 2, 1)],
        ["2020-000007", "河南人防工程设备有限公司", "物资", "84消毒液", "20", "升", "400", dt.date(2020, 2, 1)],
    ])

    def items(s) -> list[list[str]]:  # noqa: ANN001
        return [[i.name for i in d.items] for d in s.scalars(select(Donation).order_by(Donation.id))]

    with db.session() as s:
        preview = imp.preview_import(s, "donations", path)
        assert preview.bad_rows == {3}
        imp.commit_import(s, preview, skip_rows={3})
        assert items(s) == [["医用口罩", "84消毒液"]]
        assert s.scalar(select(func.sum(Donation.amount))) == Decimal("3400.00")
    other = tmp_path / "other.sqlite"
    from rfdesk.db import open_database

    second = open_database(other)
    try:
        with second.session() as s:
            orgs.create_organisation(s, {"name": "河南人防工程设备有限公司", "kind": "enterprise"})
        with second.session() as s:
            _preview, result = imp.import_file(s, "donations", path, skip_rows={3})
            assert (result.created, result.skipped) == (1, 1)
            assert items(s) == [["医用口罩", "84消毒液"]]
    finally:
        second.close()


class _TypedCell(str):
    """Text a form hands over as a kind of its own: it takes the full reading, never a shortcut."""


def test_a_well_formed_cell_read_quickly_reads_as_the_full_reading_reads_it() -> None:
    """The shortcuts an import takes for the common cell (plain text, a plain ID number, 2020-01-26) give
    the same value, or the same refusal with the same message, as the full reading."""
    import re
    import unicodedata

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from rfdesk.domain.codes import Gender, PoliticalStatus
    from rfdesk.exchange.columns import id_number_cell
    from rfdesk.services import validation as v

    def refusal_or_value(fn, *args):  # noqa: ANN001, ANN202
        try:
            return fn(*args)
        except ValidationError as err:
            return (err.field, err.zh, err.en)

    @settings(max_examples=400, deadline=None)
    @given(st.text(alphabet=" \u3000\ufeff\t\n\r\x00\x1f\u00a0\u2028ＡａXx0１９-/.年月日张三·", max_size=22)
           | st.sampled_from([ZHANG, ZHANG.lower(), ZHANG[:-1] + "0", "2020-01-26", "2020-02-30", "1899-12-31",
                              "0000-00-00", "2020-1-26", " 2020-01-26", "41010519800230123X", "13900001111",
                              "12900001111", "139000011112", "1390000111", "١٣٩٠٠٠٠١١١١", "男", " 女", "M", "m",
                              "男性", "党员", "Male", ZHANG[:-3] + "000", "٤١٠١٠٥١٩٨٠٠١٠١١٢٣٤"]))
    def same(cell: str) -> None:
        nfkc = unicodedata.normalize("NFKC", cell)
        assert v.normalise(cell) == re.sub(r"\s+", " ", nfkc.replace("\u3000", " ").replace("\ufeff", "")).strip()
        typed = _TypedCell(cell)
        for read in (lambda c: v.text("name", c, max_len=12), lambda c: v.id_number("id_number", c),
                     lambda c: v.a_date("birth_date", c), lambda c: v.phone("phone", c),
                     lambda c: v.choice("gender", c, Gender, required=False),
                     lambda c: v.choice("political_status", c, PoliticalStatus),
                     lambda c: id_number_cell("id_number", c)):
            assert refusal_or_value(read, cell) == refusal_or_value(read, typed)

    same()


def test_an_id_number_is_judged_as_the_standard_reads_it_whatever_its_digits() -> None:
    """GB 11643 read plainly (the shape as a pattern, the date, the weighted sum digit by digit) gives the
    same verdict and message as the ID number check, for numbers good and bad, in any script's digits."""
    import re
    from datetime import date

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from rfdesk.services import validation as v

    def plainly(s: str) -> str | None:
        if re.fullmatch(r"\d\.\d+E\+\d+|\d{15,17}0*\.0", s):
            return "被表格软件存成了数字，末几位已丢失，请把该列设为文本后重新录入"
        if not re.fullmatch(r"\d{17}[\dX]", s):
            return "应为18位，最后一位可以是X"
        try:
            date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
        except ValueError:
            return "其中的出生日期不存在"
        weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        if "10X98765432"[sum(int(c) * w for c, w in zip(s[:17], weights, strict=True)) % 11] != s[17]:
            return "校验位不正确，请核对"
        return None

    def verdict(s: str) -> str | None:
        try:
            v.id_number("id_number", s)
        except ValidationError as err:
            return err.zh.removeprefix("身份证号：")
        return None

    # Ethiopic ፩ is a digit but no decimal one: neither the pattern's \d nor int() take it.
    digits = st.sampled_from("0123456789٠١٢٣٤٥٦٧٨٩०१२३४५६७८९፩")
    good = st.builds(lambda born, serial: idn(f"410105{born:%Y%m%d}{serial:03d}"),
                     st.dates(date(1900, 1, 1), date(2020, 12, 31)), st.integers(0, 999))

    @settings(max_examples=1500, deadline=None)
    @given(good | good.map(lambda n: n[:17] + "0123456789X"[(int(n[-1], 16) + 1) % 11 if n[-1] != "X" else 0])
           | st.lists(digits | st.sampled_from("X.E+"), min_size=15, max_size=20).map("".join)
           | st.builds(lambda body, last: body + last, st.lists(digits, min_size=17, max_size=17).map("".join),
                       digits | st.just("X"))
           | st.sampled_from(["410105198002301234", "41010519800126123X", "4.10105198001261E+17",
                              "410105198001261000.0", "41010519000229123X", "410105200002291234"]))
    def same(s: str) -> None:
        assert verdict(s) == plainly(v.normalise(s).replace(" ", "").upper())

    same()


def _roster_with_id_numbers(path: Path, n: int) -> tuple[Path, list[str]]:
    numbers = [idn(f"4101{i // 10000 % 100:02d}{1950 + i % 50}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}")
               for i in range(n)]
    rows = [["姓名", "身份证号", "单位"]] + [[f"人员{i}", numbers[i], "省人防办"] for i in range(n)]
    return write_csv(path, rows, "utf-8-sig"), numbers


def _while_checking(db, path: Path, colleague, at: int = 1000) -> tuple[list[str], Exception | None]:  # noqa: ANN001
    """Import ``path`` on a worker thread; when ``at`` rows of it have been read, ``colleague`` saves
    something in a unit of work of their own. Returns the order of events and what the import raised."""
    import threading

    halfway, saved = threading.Event(), threading.Event()
    events: list[str] = []
    outcome: dict[str, Exception | None] = {"error": None}

    def progress(done: int, _total: int) -> None:
        if done >= at and not halfway.is_set():
            halfway.set()
            saved.wait(timeout=60)  # the import pauses in mid-file until the colleague has saved

    def import_in_background() -> None:
        try:
            with db.session() as s:
                imp.import_file(s, "people", path, progress=progress)
        except Exception as exc:  # noqa: BLE001 - handed to the test
            outcome["error"] = exc
        events.append("import finished")

    worker = threading.Thread(target=import_in_background)
    worker.start()
    try:
        assert halfway.wait(timeout=60)
        with db.session() as s:
            colleague(s)
        events.append("colleague saved")
    finally:
        saved.set()
        worker.join()
    return events, outcome["error"]


def test_colleagues_keep_saving_while_a_big_file_is_checked_before_it_is_written(db, office, tmp_path) -> None:  # noqa: ANN001
    path, _numbers = _roster_with_id_numbers(tmp_path / "p.csv", 3000)
    events, error = _while_checking(
        db, path, lambda s: orgs.create_organisation(s, {"name": "开封市人民防空办公室", "kind": "city_office"}))
    assert error is None
    assert events == ["colleague saved", "import finished"]
    assert people_count(db) == 3001


def test_a_person_a_colleague_registers_while_the_file_is_checked_stops_the_import_at_that_row(db, office,  # noqa: ANN001
                                                                                               tmp_path) -> None:
    path, numbers = _roster_with_id_numbers(tmp_path / "p.csv", 3000)
    # Row 11 of the file (its 10th person) has been checked when the colleague registers the same person.
    events, error = _while_checking(
        db, path, lambda s: people.create_person(s, {"name": "人员9", "id_number": numbers[9]}))
    assert isinstance(error, imp.ImportRefused)
    assert [(p.row, p.field) for p in error.problems] == [(11, "id_number")]
    assert error.zh == "第11行：身份证号：已登记为“人员9”的身份证号；未导入任何数据"
    assert people_count(db) == 2  # 曹裕军 and the colleague's 人员9: nothing of the file


def test_a_unit_moved_to_the_recycle_bin_while_the_file_is_checked_stops_the_import(db, office, tmp_path) -> None:  # noqa: ANN001
    rows = [["姓名", "单位"]] + [[f"人员{i}", "郑州市人防办" if i == 5 else "省人防办"] for i in range(3000)]
    path = write_csv(tmp_path / "p.csv", rows, "utf-8-sig")
    events, error = _while_checking(db, path, lambda s: orgs.delete_organisation(s, office["city"]))
    assert isinstance(error, imp.ImportRefused)
    assert [(p.row, p.field) for p in error.problems] == [(7, "organisation_id")]
    assert "已在回收站中" in error.zh
    assert people_count(db) == 1


def test_the_import_leaves_the_connection_s_page_cache_as_it_found_it(db, office, tmp_path) -> None:  # noqa: ANN001
    path, _numbers = _roster_with_id_numbers(tmp_path / "p.csv", 600)
    with db.session() as s:
        before = s.connection().exec_driver_sql("PRAGMA cache_size").scalar()
        imp.import_file(s, "people", path)
        assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == before
    assert people_count(db) == 601


def test_the_clerk_sees_the_writing_counted_after_the_whole_file_is_checked(db, office, tmp_path) -> None:  # noqa: ANN001
    path, _numbers = _roster_with_id_numbers(tmp_path / "p.csv", 1200)
    events: list[tuple[object, int]] = []

    def stage(zh: str, _en: str, _total: int) -> None:
        events.append((zh, people_count(db)))  # what a colleague's register holds when the part begins

    with db.session() as s:
        imp.import_file(s, "people", path, progress=lambda d, t: events.append((d, t)), stage=stage)
    start = events.index(("正在写入…", 1))  # nothing of the file is in the register yet
    checking, writing = events[:start], events[start + 1:]
    assert checking[0] == ("正在检查…", 1) and checking[-1] == (1200, 1200)
    # Rows written out of rows to write, chunk by chunk, not a bar standing at 100%.
    assert writing[0] == (0, 1200) and writing[-1] == (1200, 1200)
    assert {t for _d, t in writing} == {1200}
    done = [d for d, _t in writing]
    assert done == sorted(done) and len(set(done)) >= 3
    assert people_count(db) == 1201


def test_a_commit_after_the_preview_tells_its_checking_and_its_writing(db, office, tmp_path) -> None:  # noqa: ANN001
    path, _numbers = _roster_with_id_numbers(tmp_path / "p.csv", 700)
    with db.session() as s:
        preview = imp.preview_import(s, "people", path)
    stages: list[tuple[str, int]] = []
    counts: list[tuple[int, int]] = []

    def stage(_zh: str, en: str, total: int) -> None:
        stages.append((en, total))
        counts.append((-1, -1))

    with db.session() as s:
        result = imp.commit_import(s, preview, progress=lambda d, t: counts.append((d, t)), stage=stage)
    assert result.created == 700
    assert [en for en, _t in stages] == ["Checking…", "Writing…"] and stages[1] == ("Writing…", 700)
    writing = counts[counts.index((-1, -1), 1) + 1:]
    assert writing[0] == (0, 700) and writing[-1] == (700, 700)


def test_the_import_command_shows_the_checking_and_the_writing(db, office, tmp_path, capsys) -> None:  # noqa: ANN001
    path, _numbers = _roster_with_id_numbers(tmp_path / "p.csv", 600)
    assert cli.main(["import", "people", str(path), "--db", str(db.path)]) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == ["正在检查… Checking…", "正在写入… Writing…"]  # a log gets a line per part


def test_on_a_terminal_the_progress_line_is_rewritten_in_place() -> None:
    import io

    from rfdesk.exchange.progress import WRITING, ConsoleProgress, Ticker

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    shown = ConsoleProgress(screen)
    ticker = Ticker(shown, None, stage=shown.stage, every=100)
    ticker.begin(WRITING, 300)
    for _ in range(300):
        ticker.step()
    ticker.finish()
    shown.end_line()
    assert screen.getvalue() == ("\r正在写入… Writing… 0/300 0%\r正在写入… Writing… 100/300 33%"
                                 "\r正在写入… Writing… 200/300 66%\r正在写入… Writing… 300/300 100%\n")


def test_a_big_list_written_in_blocks_keeps_an_audit_entry_per_chunk_and_every_row_s_history(db, office,  # noqa: ANN001
                                                                                             tmp_path) -> None:
    """The checked rows wait in a temporary table of the writing connection and go into the register many
    chunks at a time; each chunk still has its own audit entry naming its rows, and nothing is left over."""
    from rfdesk.services.base import history

    path, numbers = _roster_with_id_numbers(tmp_path / "p.csv", 6000)
    with db.session() as s:
        s.info["operator"] = "王会计"
        _preview, result = imp.import_file(s, "people", path)
        assert s.connection().exec_driver_sql("SELECT name FROM sqlite_temp_master").all() == []
    assert result.created == 6000
    with db.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "import").order_by(AuditEntry.id)).all()
        assert [len(json.loads(e.changes)["records"]) for e in entries] == [imp.CHUNK_ROWS] * 12
        assert len({e.at for e in entries}) < 12  # written together, a block of chunks at a time
        for i in (0, 499, 500, 4321, 5999):
            person = people.find_person_by_id_number(s, numbers[i])
            assert person.name == f"人员{i}"
            created = history(s, Person, person.id)[0]
            assert (created.operator, created.changes["source"]) == ("王会计", [None, f"p.csv 第{i + 2}行"])
            assert created.changes["id_number"] == [None, numbers[i]]
        ids = s.scalars(select(Person.id).where(Person.name.like("人员%")).order_by(Person.id)).all()
        assert ids == list(range(ids[0], ids[0] + 6000))  # in the order of the file
        names = s.scalars(select(Person.name).where(Person.name.like("人员%")).order_by(Person.id)).all()
        assert names == [f"人员{i}" for i in range(6000)]


@pytest.mark.parametrize("journal", ["wal", "rollback"])
def test_a_person_registered_meanwhile_stops_a_block_at_the_right_row_and_nothing_is_left(journal, office,  # noqa: ANN001
                                                                                          db, tmp_path,
                                                                                          monkeypatch) -> None:
    """Row 731 is in the second chunk of a block written together (its chunk was checked before the
    colleague registered the same person, so only the writing finds it): the refusal still names it, and the
    register and the connection keep nothing of the file. On a drive without WAL too (a rollback journal),
    filling the temporary table while checking keeps no lock that would stop the colleague."""
    from rfdesk.db import open_database

    if journal == "rollback":
        monkeypatch.setenv("RFDESK_NO_WAL", "1")
        db.close()
        db = open_database(tmp_path / "rollback.sqlite")  # noqa: PLW2901 - the same office on a rollback journal
        with db.session() as s:
            orgs.create_organisation(s, {"name": "河南省人民防空办公室", "short_name": "省人防办",
                                         "kind": "province_office"})
        with db.session() as s:
            assert s.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    path, numbers = _roster_with_id_numbers(tmp_path / "p.csv", 6000)
    events, error = _while_checking(
        db, path, lambda s: people.create_person(s, {"name": "人员729", "id_number": numbers[729]}), at=1250)
    assert events == ["colleague saved", "import finished"]
    assert isinstance(error, imp.ImportRefused)
    assert [(p.row, p.field) for p in error.problems] == [(731, "id_number")]
    assert error.zh == "第731行：身份证号：已登记为“人员729”的身份证号；未导入任何数据"
    with db.session() as s:
        assert s.scalars(select(Person.name).where(Person.name.like("人员%"))).all() == ["人员729"]
        assert s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "import")) == 0
        assert s.connection().exec_driver_sql("SELECT name FROM sqlite_temp_master").all() == []
    if journal == "rollback":
        db.close()
