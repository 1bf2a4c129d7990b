"""The demo database tells the Henan civil air defence system's 2020 epidemic response, and every figure the
2020 report gives comes out of its rows."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from rfdesk.commands import register_stats_of
from rfdesk.db import open_database
from rfdesk.demo import build_demo
from rfdesk.domain.codes import SYSTEM_ORG_KINDS, AssignmentStatus
from rfdesk.services import validation as v
from rfdesk.services.errors import DatabaseError

# The five circulars, exactly as the report names them.
CIRCULAR_TITLES = [
    "关于在全省人防系统充分发挥党支部战斗堡垒作用和党员先锋模范作用，创建无疫“硬核”机关、无疫“硬核”社区、"
    "无疫“硬核”对口帮扶村的措施的通知",
    "关于全省人防系统领导干部在疫情防控工作中做到守土有责守土担责守土尽责的通知",
    "关于利用人防战备资源为新冠肺炎疫情防控工作提供应急支援的通知",
    "关于疫情防控期间开展便民服务支持企业复工复产的通知",
    "关于提升政务服务效率和质量精准落实支持人防企业复工复产政策措施的通知",
]
SYSTEM_KINDS = "(" + ", ".join(f"'{k.value}'" for k in SYSTEM_ORG_KINDS) + ")"


@pytest.fixture
def demo_file(demo_database: Path) -> Path:
    """The demo database as ``rfdesk demo`` builds it (see conftest)."""
    return demo_database


@pytest.fixture
def sql(demo_file: Path) -> Iterator[sqlite3.Connection]:
    """Plain SQL on the file, independent of the services that wrote it."""
    conn = sqlite3.connect(f"file:{demo_file}?mode=ro", uri=True)
    yield conn
    conn.close()


def one(conn: sqlite3.Connection, query: str, *params: object) -> object:
    return conn.execute(query, params).fetchone()[0]


def yuan(fen: object) -> Decimal:
    return Decimal(int(fen)).scaleb(-2)  # type: ignore[call-overload]


def person(conn: sqlite3.Connection, name: str) -> dict[str, object]:
    cur = conn.execute(
        "SELECT p.*, o.name AS org_name, o.short_name AS org_short, o.kind AS org_kind FROM person p "
        "JOIN organisation o ON o.id = p.organisation_id WHERE p.name = ?", (name,))
    cols = [c[0] for c in cur.description]
    rows = cur.fetchall()
    assert len(rows) == 1, name
    return dict(zip(cols, rows[0], strict=True))


def test_the_headline_figures_of_the_report_come_out_of_the_registers(demo_file: Path, sql: sqlite3.Connection) -> None:
    db = open_database(demo_file)
    try:
        with db.session() as s:
            stats = register_stats_of(s)
    finally:
        db.close()
    assert stats["party_branches.temporary"] == 2
    assert stats["teams.vanguard_post"] == 221
    assert stats["teams.volunteer_team"] == 152
    assert stats["resources.evacuation_base"] == 8
    assert stats["resources.emergency_shelter"] == 19
    assert stats["resources.command_post"] == 9
    assert str(stats["donations.system_total"]) == "203000.00"
    assert Decimal(str(stats["donations.enterprise_total"])) > Decimal("700000")
    assert stats["commendations.batches"] == 1
    assert stats["documents.count"] == 6
    # …and each agrees with a plain count of the rows.
    assert stats["people"] == one(sql, "SELECT count(*) FROM person WHERE deleted_at IS NULL") > 250
    assert stats["commendations.honorees"] == one(sql, "SELECT count(*) FROM commendation WHERE deleted_at IS NULL")
    assert stats["donations.count"] == one(sql, "SELECT count(*) FROM donation WHERE NOT voided")
    assert one(sql, "SELECT count(*) FROM party_branch WHERE is_temporary") == 2
    assert one(sql, "SELECT count(*) FROM party_branch WHERE NOT is_temporary") >= 20


def test_the_whole_system_gave_exactly_203000_yuan_and_the_provincial_office_staff_just_under_50000(
        sql: sqlite3.Connection) -> None:
    system = one(sql, "SELECT sum(d.amount) FROM donation d JOIN organisation o ON o.id = d.unit_id "
                      f"WHERE NOT d.voided AND d.form = 'cash' AND o.kind IN {SYSTEM_KINDS}")
    assert yuan(system) == Decimal("203000.00")
    # Everything the system gave was money; the goods came from outside it.
    assert one(sql, "SELECT count(*) FROM donation d JOIN organisation o ON o.id = d.unit_id "
                    f"WHERE d.form = 'in_kind' AND o.kind IN {SYSTEM_KINDS}") == 0
    office_staff = one(sql, """
        SELECT sum(d.amount) FROM donation d JOIN organisation o ON o.id = d.unit_id
        WHERE NOT d.voided AND d.donor_kind IN ('person', 'anonymous')
          AND (o.kind = 'province_office' OR (o.kind IN ('department', 'direct_team')
               AND o.parent_id = (SELECT id FROM organisation WHERE kind = 'province_office')))""")
    assert Decimal("49000") < yuan(office_staff) < Decimal("50000")  # 近5万元
    units = one(sql, "SELECT count(*) FROM donation WHERE donor_kind = 'organisation' AND unit_id IN "
                     f"(SELECT id FROM organisation WHERE kind IN {SYSTEM_KINDS})")
    assert units >= 10  # city and county offices gave as units too


def test_enterprises_gave_over_700000_yuan(sql: sqlite3.Connection) -> None:
    total = one(sql, "SELECT sum(d.amount) FROM donation d JOIN organisation o ON o.id = d.unit_id "
                     "WHERE NOT d.voided AND o.kind = 'enterprise' AND d.donor_kind = 'enterprise'")
    assert Decimal("700000") < yuan(total) < Decimal("800000")  # 70余万元
    assert one(sql, "SELECT count(DISTINCT donor_organisation_id) FROM donation WHERE donor_kind = 'enterprise'") >= 5


def test_cao_yujun_gave_twice_anonymously_and_the_office_knows_it(sql: sqlite3.Connection) -> None:
    rows = sql.execute("SELECT donor_display, anonymous_note, unit_id, donor_person_id FROM donation "
                       "WHERE donor_kind = 'anonymous' ORDER BY donated_on").fetchall()
    assert len(rows) == 2
    cao = person(sql, "曹裕军")
    for display, note, unit_id, _donor in rows:
        assert display == "匿名"
        assert "曹裕军" in note
        assert unit_id == cao["organisation_id"]
    assert one(sql, "SELECT count(*) FROM donation WHERE donor_display LIKE '%曹裕军%'") == 0


def test_a_voided_receipt_keeps_its_number_and_leaves_the_totals(sql: sqlite3.Connection) -> None:
    voided = sql.execute("SELECT receipt_no, void_reason, amount FROM donation WHERE voided").fetchall()
    assert len(voided) == 1
    receipt_no, reason, _amount = voided[0]
    assert receipt_no.startswith("2020-") and reason
    with_voided = one(sql, "SELECT sum(d.amount) FROM donation d JOIN organisation o ON o.id = d.unit_id "
                           f"WHERE d.form = 'cash' AND o.kind IN {SYSTEM_KINDS}")
    assert yuan(with_voided) > Decimal("203000.00")


def test_receipts_are_numbered_without_gaps_in_the_order_the_money_came_in(sql: sqlite3.Connection) -> None:
    rows = sql.execute("SELECT receipt_seq, receipt_no, donated_on FROM donation ORDER BY receipt_seq").fetchall()
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0][1] == "2020-000001"
    assert [r[2] for r in rows] == sorted(r[2] for r in rows)
    assert one(sql, "SELECT receipt_seq FROM donation WHERE id = 1") == 1


def test_goods_given_in_kind_are_itemised_and_valued(sql: sqlite3.Connection) -> None:
    rows = sql.execute("SELECT d.id, d.amount, sum(i.estimated_value), group_concat(i.name) FROM donation d "
                       "JOIN donation_item i ON i.donation_id = d.id WHERE d.form = 'in_kind' GROUP BY d.id").fetchall()
    assert len(rows) >= 3
    names = ",".join(r[3] for r in rows)
    for item in ("酒精", "消毒液", "额温枪", "口罩", "手套", "防护服", "方便面"):
        assert item in names
    assert all(amount == items for _id, amount, items, _n in rows)


def test_the_people_the_report_names_are_in_their_units_and_posts(sql: sqlite3.Connection) -> None:
    expected = {
        "贾宏伟": ("河南省人民防空办公室", "党组书记、主任"),
        "曹裕军": ("工程管理处", "党支部书记"),
        "孟繁": ("管城区人防办", "党组书记、主任"),
        "张广": ("航空港区人防办", None),
        "曾方": ("指挥与应急协调处", None),
        "孙志敏": ("人事教育处", "党支部书记"),
        "王晶": ("机关党委", None),
        "刘宪武": ("机关直属专业队", None),
        "郭卫华": ("机关直属专业队", None),
    }
    for name, (unit, post) in expected.items():
        p = person(sql, name)
        assert unit in (p["org_name"], p["org_short"]), name
        if post:
            assert p["post"] == post, name
    for dept in ("工程管理处", "指挥与应急协调处", "人事教育处", "机关党委"):
        assert one(sql, "SELECT kind FROM organisation WHERE name = ?", dept) == "department"
    assert one(sql, "SELECT kind FROM organisation WHERE short_name = '机关直属专业队'") == "direct_team"
    guancheng = sql.execute("SELECT o.kind, p.short_name FROM organisation o JOIN organisation p "
                            "ON p.id = o.parent_id WHERE o.short_name = '管城区人防办'").fetchone()
    assert guancheng == ("county_office", "郑州市人防办")
    assert one(sql, "SELECT count(*) FROM organisation WHERE kind = 'city_office'") >= 5
    assert one(sql, "SELECT count(*) FROM organisation WHERE kind = 'external' AND "
                    "(name LIKE '%红十字会%' OR name LIKE '%慈善总会%')") == 2


def test_a_retired_comrade_and_a_non_staff_security_guard_were_commended(sql: sqlite3.Connection) -> None:
    rows = sql.execute("SELECT p.name, p.employment_type, c.category, c.deeds FROM commendation c "
                       "JOIN person p ON p.id = c.person_id WHERE c.batch_id = 1").fetchall()
    kinds = {r[1] for r in rows}
    assert {"retired", "non_staff", "staff"} <= kinds
    guard = next(r for r in rows if r[1] == "non_staff")
    assert "保安" in guard[3]
    names = {r[0] for r in rows}
    assert {"曹裕军", "孟繁", "张广"} <= names
    assert all("硬核" in r[2] and r[3] for r in rows)


def test_the_first_commendation_batch_holds_branches_a_temporary_branch_and_a_work_group(
        sql: sqlite3.Connection) -> None:
    title, status, document_id, issuer, decided = sql.execute(
        "SELECT b.title, b.status, b.document_id, o.name, b.decided_on FROM commendation_batch b "
        "JOIN organisation o ON o.id = b.issuer_id WHERE b.id = 1").fetchone()
    assert title.startswith("关于对") and "“硬核”党支部" in title and "“硬核”共产党员" in title
    assert title.endswith("予以通报表扬的通报")
    assert issuer == "河南省人民防空办公室" and decided.startswith("2020-02")
    assert status == "issued"
    assert one(sql, "SELECT title FROM document WHERE id = ?", document_id) == title
    assert one(sql, "SELECT kind FROM document WHERE id = ?", document_id) == "notice"
    branches = sql.execute("SELECT b.is_temporary FROM commendation c JOIN party_branch b ON b.id = c.party_branch_id "
                           "WHERE c.batch_id = 1").fetchall()
    assert len(branches) >= 3 and (1,) in branches
    assert one(sql, "SELECT count(*) FROM commendation c JOIN team t ON t.id = c.team_id "
                    "WHERE c.batch_id = 1 AND t.kind = 'work_group'") >= 1
    assert {r[0] for r in sql.execute("SELECT DISTINCT category FROM commendation")} == {
        "“硬核”党支部（组织）", "“硬核”共产党员（职工）"}


def test_the_five_circulars_are_there_with_their_exact_titles(sql: sqlite3.Connection) -> None:
    rows = sql.execute("SELECT id, title, kind, number_prefix, doc_date, addressees, cc, body, signatory "
                       "FROM document WHERE kind = 'circular' ORDER BY id").fetchall()
    assert [r[1] for r in rows] == CIRCULAR_TITLES
    assert rows[0][0] == 1
    assert rows[0][4] == "2020-01-26"
    for _id, _t, _k, prefix, doc_date, addressees, cc, body, signatory in rows:
        assert prefix == "豫人防"
        assert doc_date >= "2020-01-26"
        assert addressees == "全省各省辖市、济源示范区、各县（市、区）人防办"
        assert cc and signatory == "河南省人民防空办公室"
        lines = body.split("\n")
        assert any(line.startswith("一、") for line in lines)
        assert any(line.startswith("（一）") for line in lines)
        assert any(line.startswith("二、") for line in lines)
        assert any(line.startswith("1.") for line in lines) or any(line.startswith("（二）") for line in lines)
    support = rows[2][7]  # the circular on war-readiness resources quotes the register's counts
    assert "全省8处人防疏散基地" in support and "全省19处人防应急避难场所" in support and "9处基层人防指挥场所" in support
    first_body = rows[0][7].split("\n")
    for level in ("一、", "（一）", "1.", "（1）"):  # all four heading levels of GB/T 9704
        assert any(line.startswith(level) for line in first_body), level


def test_the_documents_were_issued_in_date_order_and_their_pdfs_archived(sql: sqlite3.Connection) -> None:
    rows = sql.execute("SELECT id, number, number_seq, status, doc_date, pdf_sha256 FROM document "
                       "ORDER BY doc_date, id").fetchall()
    assert [r[1] for r in rows] == [f"豫人防〔2020〕{n}号" for n in range(1, len(rows) + 1)]
    assert [r[2] for r in rows] == list(range(1, len(rows) + 1))
    assert {r[3] for r in rows} == {"issued"}
    for doc_id, _number, _seq, _status, _date, sha in rows:
        data = sql.execute("SELECT data, sha256 FROM archived_pdf WHERE subject = 'document' AND subject_id = ?",
                           (doc_id,)).fetchone()
        assert data[0][:5] == b"%PDF-"
        assert hashlib.sha256(data[0]).hexdigest() == data[1] == sha


def test_the_psychological_team_keeps_three_people_on_the_hotline_every_day(sql: sqlite3.Connection) -> None:
    team_id, kind = sql.execute("SELECT id, kind FROM team WHERE name LIKE '%心理防护专业队%'").fetchone()
    assert kind == "professional_team"
    per_day = dict(sql.execute("SELECT duty_date, count(DISTINCT person_id) FROM duty_shift WHERE team_id = ? "
                               "GROUP BY duty_date", (team_id,)).fetchall())
    day, expected_days = date(2020, 1, 28), []
    while day <= date(2020, 3, 31):
        expected_days.append(day.isoformat())
        day += timedelta(days=1)
    assert sorted(per_day) == expected_days
    assert set(per_day.values()) == {3}
    outsiders = one(sql, "SELECT count(*) FROM duty_shift d WHERE d.team_id = ? AND NOT EXISTS (SELECT 1 FROM "
                         "team_membership m WHERE m.team_id = d.team_id AND m.person_id = d.person_id)", team_id)
    assert outsiders == 0
    unqualified = one(sql, "SELECT count(*) FROM duty_shift d JOIN person p ON p.id = d.person_id "
                           "WHERE d.team_id = ? AND p.qualifications NOT LIKE '%心理咨询师%'", team_id)
    assert unqualified == 0


def test_the_transfer_group_and_the_airport(sql: sqlite3.Connection) -> None:
    leader = sql.execute("SELECT p.name, m.role, t.kind FROM team t JOIN team_membership m ON m.team_id = t.id "
                         "JOIN person p ON p.id = m.person_id WHERE t.name = '境外返郑人员转运专班' "
                         "AND m.role = '组长'").fetchone()
    assert leader == ("孟繁", "组长", "work_group")
    zhang = sql.execute("SELECT a.status, pl.name, pl.kind FROM assignment a JOIN person p ON p.id = a.person_id "
                        "JOIN place pl ON pl.id = a.place_id WHERE p.name = '张广'").fetchone()
    assert zhang == ("transfer_group", "新郑国际机场", "airport")
    meng = one(sql, "SELECT a.status FROM assignment a JOIN person p ON p.id = a.person_id WHERE p.name = '孟繁'")
    assert meng == "transfer_group"
    barbers = {r[0] for r in sql.execute(
        "SELECT p.name FROM team t JOIN team_membership m ON m.team_id = t.id JOIN person p ON p.id = m.person_id "
        "WHERE t.name LIKE '%理发%'")}
    assert {"刘宪武", "郭卫华", "王晶"} <= barbers


def test_where_everyone_was_covers_every_status_and_teams_went_to_communities_and_villages(
        sql: sqlite3.Connection) -> None:
    statuses = {r[0] for r in sql.execute("SELECT DISTINCT status FROM assignment")}
    assert statuses == {s.value for s in AssignmentStatus}
    sent_to = {r[0] for r in sql.execute("SELECT DISTINCT pl.kind FROM team t JOIN place pl ON pl.id = t.place_id "
                                         "WHERE t.kind IN ('vanguard_post', 'volunteer_team')")}
    assert {"community", "village"} <= sent_to
    assert one(sql, "SELECT count(*) FROM team t WHERE t.kind IN ('vanguard_post', 'volunteer_team') AND NOT EXISTS "
                    "(SELECT 1 FROM team_membership m WHERE m.team_id = t.id)") == 0


def test_every_id_number_and_phone_would_pass_the_clerks_form(sql: sqlite3.Connection) -> None:
    rows = sql.execute("SELECT name, id_number, phone, birth_date, gender FROM person").fetchall()
    for name, id_number, phone, birth, gender in rows:
        assert v.id_number("id_number", id_number) == id_number, name
        assert id_number.startswith("41"), name  # 河南
        assert v.phone("phone", phone) == phone, name
        assert id_number[6:14] == birth.replace("-", ""), name
        assert int(id_number[16]) % 2 == (1 if gender == "M" else 0), name
    assert len({r[1] for r in rows}) == len(rows)
    assert len({r[2] for r in rows}) == len(rows)
    kinds = {r[0] for r in sql.execute("SELECT DISTINCT employment_type FROM person")}
    assert kinds == {"staff", "contract", "retired", "non_staff"}
    assert one(sql, "SELECT name_initials FROM person WHERE name = '曹裕军'") == "cyj"


def test_resources_used_in_the_response(sql: sqlite3.Connection) -> None:
    counts = dict(sql.execute("SELECT kind, count(*) FROM resource GROUP BY kind").fetchall())
    assert counts["evacuation_base"] == 8 and counts["emergency_shelter"] == 19 and counts["command_post"] == 9
    assert counts["drone"] >= 3 and counts["alarm_system"] >= 3
    assert one(sql, "SELECT count(*) FROM resource WHERE category = 'facility' AND (address IS NULL OR "
                    "capacity_people IS NULL OR area_m2 IS NULL)") == 0
    assert one(sql, "SELECT count(*) FROM resource WHERE category = 'equipment' AND serial_no IS NULL") == 0
    assert one(sql, "SELECT count(DISTINCT status) FROM resource WHERE category = 'equipment'") >= 2
    supplies = {r[0] for r in sql.execute("SELECT name FROM resource WHERE kind = 'supply'")}
    for word in ("酒精", "消毒液", "额温枪", "口罩", "手套", "防护服"):
        assert any(word in s for s in supplies)
    allocated_to = {r[0] for r in sql.execute(
        "SELECT DISTINCT pl.kind FROM stock_movement m JOIN place pl ON pl.id = m.to_place_id "
        "WHERE m.kind = 'allocation'")}
    assert {"community", "village"} <= allocated_to


def test_no_stock_ever_went_negative_and_protective_suits_ran_short(demo_file: Path, sql: sqlite3.Connection) -> None:
    from rfdesk.services.resources import low_stock

    moves = sql.execute("SELECT resource_id, from_place_id, to_place_id, quantity FROM stock_movement "
                        "ORDER BY moved_on, id").fetchall()
    held: dict[tuple[int, int], int] = {}
    for resource_id, src, dst, qty in moves:
        if src is not None:
            held[(resource_id, src)] = held.get((resource_id, src), 0) - qty
            assert held[(resource_id, src)] >= 0
        if dst is not None:
            held[(resource_id, dst)] = held.get((resource_id, dst), 0) + qty
    db = open_database(demo_file)
    try:
        with db.session() as s:
            short = low_stock(s)
    finally:
        db.close()
    assert [item.name for item in short] == ["医用防护服"]
    assert short[0].balance < short[0].min_stock


def fingerprint(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        h = hashlib.sha256()
        for query in ("SELECT name, id_number, phone, organisation_id, post FROM person ORDER BY id",
                      "SELECT receipt_no, donor_display, amount, donated_on, unit_id FROM donation ORDER BY id",
                      "SELECT name, kind, place_id FROM team ORDER BY id",
                      "SELECT person_id, duty_date FROM duty_shift ORDER BY id",
                      "SELECT resource_id, kind, quantity, moved_on FROM stock_movement ORDER BY id",
                      "SELECT number, title, body FROM document ORDER BY id"):
            h.update(repr(conn.execute(query).fetchall()).encode())
        return h.hexdigest()
    finally:
        conn.close()


def test_a_database_is_replaced_only_with_force_and_the_demo_comes_out_the_same_every_time(
        demo_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "office.sqlite"
    db = open_database(target)
    with db.session() as s:
        from rfdesk.services.organisations import create_organisation

        create_organisation(s, {"name": "某县人防办", "kind": "county_office"})
    db.close()
    before = target.read_bytes()
    with pytest.raises(DatabaseError) as err:
        build_demo(target)
    assert "--force" in err.value.zh
    assert target.read_bytes() == before

    build_demo(target, force=True)
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM organisation WHERE name = '某县人防办'").fetchone()[0] == 0
    finally:
        conn.close()
    assert fingerprint(target) == fingerprint(demo_file)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("office")) == ["office.sqlite"]


def test_force_never_replaces_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    sheet = tmp_path / "花名册.xlsx"
    sheet.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(DatabaseError):
        build_demo(sheet, force=True)
    assert sheet.read_bytes() == b"PK\x03\x04" + b"\x00" * 100
    with pytest.raises(DatabaseError):
        build_demo(tmp_path / "no-such-folder" / "demo.sqlite")
    assert not (tmp_path / "no-such-folder").exists()
