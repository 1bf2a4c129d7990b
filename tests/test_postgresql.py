"""An office keeps its registers on a shared PostgreSQL server: everything a clerk does on a database file works
the same there — the schema comes up through every revision, the demo gives the report's exact figures, names
are found and sorted by pinyin, numbers never repeat or skip, a colleague's change is never overwritten, bad
input and a bad spreadsheet write nothing, and the server's backup is left to its administrator.

These run only with ``-m postgres`` and RFDESK_TEST_PG_URL naming a server database
(tools/postgres-tests.sh starts a throwaway one); each test gets an empty schema of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url

from every_register import CHANGES, one_of_each
from rfdesk.db import open_database
from rfdesk.db.engine import Database
from rfdesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from rfdesk.domain import Donation, NumberSequence, Person
from rfdesk.services import commendations as cm
from rfdesk.services import documents as ds
from rfdesk.services import donations as dn
from rfdesk.services import organisations as orgs
from rfdesk.services import people, teams
from rfdesk.services import resources as rs
from rfdesk.services.errors import Conflict, DatabaseError, ValidationError
from test_demo import SYSTEM_KINDS, yuan
from test_documents_service import draft, fake_pdf
from test_import import LI, WANG, ZHANG, ZHAO, messy_roster, write_xlsx
from test_two_clerks import every_row

pytestmark = pytest.mark.postgres

SERVER = os.environ.get("RFDESK_TEST_PG_URL", "")
RFDESK = str(Path(sys.executable).with_name("rfdesk"))


def _server() -> str:
    if not SERVER:
        pytest.fail("RFDESK_TEST_PG_URL is not set: the server tests need a PostgreSQL database "
                    "(tools/postgres-tests.sh starts a throwaway server and runs them)")
    return SERVER


@contextmanager
def fresh_schema(label: str) -> Iterator[str]:
    """An empty schema on the server, as the URL of a database that lives in it; dropped afterwards."""
    base = _server()
    schema = f"{label}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text("SET lock_timeout = '30s'"))  # a connection left open fails the test, never hangs it
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def server_url() -> Iterator[str]:
    with fresh_schema("office") as url:
        yield url


@pytest.fixture
def db(server_url: str) -> Iterator[Database]:
    """The office's registers on the server (in place of conftest's database file)."""
    database = open_database(server_url)
    yield database
    database.close()


@pytest.fixture(scope="module")
def demo_server() -> Iterator[tuple[str, subprocess.CompletedProcess[str]]]:
    """The demo written to the server by ``rfdesk demo --db URL`` as a clerk would, once for the module; read it
    only."""
    with fresh_schema("demo") as url:
        done = subprocess.run([RFDESK, "demo", "--db", url], capture_output=True, text=True, timeout=600)
        yield url, done


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([RFDESK, *args], capture_output=True, text=True, timeout=300)


# ---- the schema ----------------------------------------------------------------------------------------


def test_an_empty_server_database_is_brought_through_every_revision_and_says_it_is_at_the_head(server_url) -> None:
    from rfdesk.db.migrate import script_revisions, upgrade

    assert script_revisions() == list(KNOWN_REVISIONS) and len(KNOWN_REVISIONS) >= 3
    engine = create_engine(server_url)
    try:
        # A server an older rfdesk set up, with records from before the pinyin sort keys …
        upgrade(engine, KNOWN_REVISIONS[-2])
        with engine.begin() as conn:
            for name, post in [("张一", "财务科长"), ("张二", "安全科长"), ("张三", None)]:
                conn.execute(text(
                    "INSERT INTO person (name, employment_type, name_pinyin, name_initials, uuid, created_at, "
                    "updated_at, version, post) VALUES (:name, 'staff', '', '', :uuid, now(), now(), 1, :post)"),
                    {"name": name, "uuid": str(uuid.uuid4()), "post": post})
            conn.execute(text(
                "INSERT INTO document (kind, layout, title, body, with_seal, status, uuid, created_at, updated_at, "
                "version) VALUES ('circular', 'red_header', '关于疫情防控的通知', '正文', true, 'draft', :uuid, now(), "
                "now(), 1)"), {"uuid": str(uuid.uuid4())})
    finally:
        engine.dispose()

    db = open_database(server_url)  # … is brought up to date when rfdesk opens it
    try:
        assert db.revision == HEAD_REVISION and db.safety_copy is None and db.path is None
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD_REVISION
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("person")}
            assert {"ix_person_post_pinyin", "ix_person_rank_pinyin"} <= indexes
            assert "ix_team_kind_pinyin" in {ix["name"] for ix in inspect(conn).get_indexes("team")}
        with db.session() as s:
            assert dict(s.execute(select(Person.name, Person.post_pinyin)).all()) == {
                "张一": "caiwukezhang", "张二": "anquankezhang", "张三": ""}
            assert [p.name for p in people.list_people(s, sort="post").rows] == ["张二", "张一", "张三"]
            assert ds.list_documents(s).rows[0].title_pinyin.startswith("guanyuyiqing")
            # The ids the server gives go on after the rows that were there.
            assert people.create_person(s, {"name": "贾宏伟"}).id == 4
    finally:
        db.close()

    db = open_database(server_url)  # opened again: nothing left to do
    try:
        assert db.revision == HEAD_REVISION
    finally:
        db.close()

    engine = create_engine(server_url)
    try:
        with engine.begin() as conn:  # a newer rfdesk moved the schema on
            conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    finally:
        engine.dispose()
    with pytest.raises(DatabaseError) as refused:
        open_database(server_url)
    assert "更新版本" in refused.value.zh and "newer" in refused.value.en


def test_a_server_that_cannot_be_reached_or_has_no_such_database_is_refused_clearly() -> None:
    missing = make_url(_server()).set(database=f"no_such_office_{uuid.uuid4().hex[:6]}")
    with pytest.raises(DatabaseError) as refused:
        open_database(missing.render_as_string(hide_password=False))
    assert refused.value.zh.startswith("无法打开数据库") and "does not exist" in refused.value.en


# ---- the demo and its figures --------------------------------------------------------------------------


def test_the_demo_on_the_server_gives_the_reports_exact_figures_as_the_file_does(demo_server, demo_database) -> None:
    url, built = demo_server
    assert built.returncode == 0, built.stderr
    assert "203000.00" in built.stdout and "712600.00" in built.stdout

    on_server = json.loads(cli("stats", "--json", "--db", url).stdout)
    in_file = json.loads(cli("stats", "--json", "--db", str(demo_database)).stdout)
    assert on_server == in_file
    assert on_server["donations.system_total"] == "203000.00"
    assert on_server["donations.enterprise_total"] == "712600.00"

    engine = create_engine(url)
    try:
        with engine.connect() as sql:
            def one(query: str) -> Any:
                return sql.execute(text(query)).scalar()

            system = one("SELECT sum(d.amount) FROM donation d JOIN organisation o ON o.id = d.unit_id "
                         f"WHERE NOT d.voided AND d.form = 'cash' AND o.kind IN {SYSTEM_KINDS}")
            office_staff = one("""
                SELECT sum(d.amount) FROM donation d JOIN organisation o ON o.id = d.unit_id
                WHERE NOT d.voided AND d.donor_kind IN ('person', 'anonymous')
                  AND (o.kind = 'province_office' OR (o.kind IN ('department', 'direct_team')
                       AND o.parent_id = (SELECT id FROM organisation WHERE kind = 'province_office')))""")
            enterprises = one("SELECT sum(d.amount) FROM donation d JOIN organisation o ON o.id = d.unit_id "
                              "WHERE NOT d.voided AND o.kind = 'enterprise' AND d.donor_kind = 'enterprise'")
            assert (yuan(system), yuan(office_staff), yuan(enterprises)) == (
                Decimal("203000.00"), Decimal("49860.00"), Decimal("712600.00"))
            assert one("SELECT count(*) FROM party_branch WHERE is_temporary") == 2
            assert one("SELECT count(*) FROM team WHERE kind = 'vanguard_post'") == 221
    finally:
        engine.dispose()

    again = cli("demo", "--db", url)  # a server database that holds data is never filled a second time
    assert again.returncode == 2 and "已有数据" in again.stderr
    assert json.loads(cli("stats", "--json", "--db", url).stdout) == on_server


@pytest.mark.parametrize("register", ["people", "donations", "resources", "commendations", "movements"])
def test_every_register_goes_out_to_excel_from_the_server_as_from_the_file(demo_server, demo_database, tmp_path,
                                                                           register) -> None:
    """The export reads each column as stored (fen, thousandths, dates): the server hands over other types."""
    import openpyxl

    url, _built = demo_server
    sheets = []
    for name, source in (("server", url), ("file", str(demo_database))):
        out = tmp_path / f"{name}.xlsx"
        done = cli("export", register, "--db", source, "--out", str(out))
        assert done.returncode == 0, done.stderr
        ws = openpyxl.load_workbook(out).active
        sheets.append([tuple(c.value for c in row) for row in ws.iter_rows()])
    on_server, in_file = sheets
    assert len(in_file) > 2 and on_server[0] == in_file[0]
    # The same rows; names with the same pinyin may come in another order under the server's collation.
    assert sorted(on_server[1:], key=repr) == sorted(in_file[1:], key=repr)


def test_the_server_password_is_never_printed(demo_server) -> None:
    url, _built = demo_server
    with_password = make_url(url).set(password="s3cret-口令").render_as_string(hide_password=False)
    for args in (["info", "--db", with_password], ["info", "--json", "--db", with_password]):
        shown = cli(*args)
        assert shown.returncode == 0, shown.stderr
        assert "s3cret" not in shown.stdout + shown.stderr and "127.0.0.1" in shown.stdout


def test_money_adds_up_to_the_fen_on_the_server(db) -> None:
    from rfdesk.services.donation_totals import by_month

    amounts = ["0.10", "0.20", "0.30", "987654321012.34", "0.01"]
    with db.session() as s:
        for amount in amounts:
            dn.create_donation(s, {"donor_kind": "other", "donor_name": "热心群众", "amount": amount,
                                   "donated_on": "2020-02-03"})
    exact = sum(Decimal(a) for a in amounts)  # in binary floating point these would not add up to the fen
    with db.session() as s:
        total = s.scalar(select(func.sum(Donation.amount)))
        assert isinstance(total, Decimal) and total == exact == Decimal("987654321012.95")
        assert dn.donation_totals(s) == (5, exact)
        (month,) = by_month(s)
        assert (month.label, month.count, month.cash) == ("2020年2月", 5, exact)
        assert [d.amount for d in dn.list_donations(s, sort="amount").rows] == sorted(Decimal(a) for a in amounts)


# ---- names -------------------------------------------------------------------------------------------------


WORDS = ["安全", "保卫", "财务"]  # pinyin order; by code point 保 comes first


def test_clerks_find_people_by_pinyin_and_free_text_sorts_by_pinyin_on_the_server(db) -> None:
    with db.session() as s:
        office = orgs.create_organisation(s, {"name": "河南省人民防空办公室", "kind": "province_office"})
        for name, word in [("曹裕军", "财务"), ("曾方", "保卫"), ("张广", "安全"), ("孙志敏", None), ("郭卫华", None)]:
            people.create_person(s, {"name": name, "organisation_id": office.id,
                                     "post": f"{word}科长" if word else None})
        teams.create_team(s, {"name": "境外返郑人员转运专班", "kind": "work_group"})
        teams.create_team(s, {"name": "心理援助队", "kind": "应急专业队"})
        for word in reversed(WORDS):
            draft(s, f"{word}工作的通知")
    with db.session() as s:
        def found(search: str) -> list[str]:
            listed = [p.name for p in people.list_people(s, search=search).rows]
            typed = [p.name for p in people.search_people(s, search)]
            assert typed == listed and people.count_people(s, search) == len(listed), search
            return listed

        assert found("cyj") == ["曹裕军"]
        assert found("caoyu") == ["曹裕军"]
        assert found("CYJ") == ["曹裕军"]
        assert found("zf") == ["曾方"]            # 曾 read as a surname: zeng
        assert found("z") == ["曾方", "张广"]      # a search ending in z: the range's end is past every z
        assert found("zhang") == ["张广"]
        assert found("裕") == ["曹裕军"]
        assert found("qx") == []
        assert [t.name for t in teams.list_teams(s, search="jwfz").rows] == ["境外返郑人员转运专班"]
        assert [t.name for t in teams.list_teams(s, search="援助").rows] == ["心理援助队"]

        posts = [p.post for p in people.list_people(s, sort="post").rows]
        assert posts == ["安全科长", "保卫科长", "财务科长", None, None]  # blanks last
        assert [p.post for p in people.list_people(s, sort="post", descending=True).rows] == \
            ["财务科长", "保卫科长", "安全科长", None, None]
        assert [p.name for p in people.list_people(s).rows] == ["曹裕军", "郭卫华", "孙志敏", "曾方", "张广"]
        assert [d.title for d in ds.list_documents(s, sort="title").rows] == [f"{w}工作的通知" for w in WORDS]


def test_latin_letters_are_found_whatever_their_case_as_in_a_file(db) -> None:
    with db.session() as s:
        rs.create_resource(s, {"kind": "supply", "name": "医用口罩", "unit_of_measure": "只", "code": "WZ-001"})
        rs.create_resource(s, {"kind": "supply", "name": "防护服", "unit_of_measure": "套", "code": "FH-002"})
        dn.create_donation(s, {"donor_kind": "other", "donor_name": "ABC Trading Co.", "amount": "100",
                               "donated_on": "2020-02-03"})
        dn.create_donation(s, {"donor_kind": "other", "donor_name": "热心群众", "amount": "50",
                               "donated_on": "2020-02-03"})
    with db.session() as s:
        assert [r.name for r in rs.list_resources(s, search="wz-0").rows] == ["医用口罩"]
        assert [r.name for r in rs.list_resources(s, search="Fh-002").rows] == ["防护服"]
        assert [d.donor_display for d in dn.list_donations(s, search="trading").rows] == ["ABC Trading Co."]
        assert [d.donor_display for d in dn.list_donations(s, search="abc TRADING").rows] == ["ABC Trading Co."]


def test_every_register_table_pages_the_same_by_scrolling_and_jumping_for_every_sort(demo_server, qapp) -> None:
    from PySide6.QtCore import Qt

    from rfdesk.ui.commendations import CommendationQuery
    from rfdesk.ui.documents import DocumentQuery
    from rfdesk.ui.donations import DonationQuery
    from rfdesk.ui.people import PersonQuery
    from rfdesk.ui.resources import ResourceQuery
    from rfdesk.ui.table import Filter, PagedTableModel
    from rfdesk.ui.teams import TeamQuery
    from rfdesk.ui.whereabouts import WhereaboutsQuery
    from rfdesk.ui.workers import wait_for_background

    url, _built = demo_server
    db = open_database(url)
    try:
        for query in (PersonQuery, DonationQuery, CommendationQuery, DocumentQuery, TeamQuery, ResourceQuery,
                      WhereaboutsQuery):
            for at, column in enumerate(query().columns):
                if not column.sortable:
                    continue
                for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                    def model() -> PagedTableModel:
                        m = PagedTableModel(db, query(), page_size=40)  # noqa: B023
                        m.set_filter(Filter())
                        m.wait_for_count()
                        m.sort(at, order)  # noqa: B023
                        m.wait_for_count()
                        return m

                    scrolled = model()
                    rows = scrolled.rowCount()
                    ids = [scrolled.record_id(r) for r in range(rows)]
                    where = (query.__name__, column.key, order.name)
                    assert rows > 0 and len(set(ids)) == rows and None not in ids, where
                    jumped = model()
                    last = (rows - 1) // 40 * 40
                    assert [jumped.record_id(r) for r in range(last, rows)] == ids[last:], where
        wait_for_background()
    finally:
        db.close()


def test_typing_in_every_register_search_finds_on_the_server_what_each_text_finds_alone(demo_server, qapp) -> None:
    from register_search import check_typing, register_queries
    from rfdesk.ui.workers import wait_for_background

    url, _built = demo_server
    db = open_database(url)
    try:
        for query in register_queries():
            assert check_typing(db, query) >= 3, query.__name__
        wait_for_background()
    finally:
        db.close()


def test_the_printed_reports_of_the_demo_come_out_of_the_server(demo_server) -> None:
    from rfdesk.documents.reports import render_report
    from rfdesk.domain import Organisation

    url, _built = demo_server
    db = open_database(url)
    try:
        with db.session() as s:
            office = s.scalar(select(Organisation.id).where(Organisation.kind == "province_office"))
            for kind, filters in [("people", {"by": "organisation"}), ("people", {"by": "whereabouts"}),
                                  ("people", {"by": "whereabouts", "organisation_id": office})]:
                assert render_report(s, kind, **filters).startswith(b"%PDF-"), (kind, filters)
    finally:
        db.close()


# ---- numbers -------------------------------------------------------------------------------------------------


def _waiting_for_a_lock(url: str) -> bool:
    """Whether a connection to the server is waiting for another one's lock, asked for up to 30 s."""
    engine = create_engine(url)
    try:
        for _ in range(300):
            with engine.connect() as conn:
                if conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                     "AND datname = current_database()")).scalar():
                    return True
            time.sleep(0.1)
        return False
    finally:
        engine.dispose()


def test_two_clerks_entering_the_years_first_receipts_at_once_get_consecutive_numbers(db, server_url) -> None:
    with db.session() as s:
        office = orgs.create_organisation(s, {"name": "河南省人民防空办公室", "kind": "province_office"})
    gift = {"donor_kind": "organisation", "donor_organisation_id": office.id, "amount": "500",
            "donated_on": "2020-01-28"}
    got: dict[str, Any] = {}

    def clerk_b() -> None:
        try:
            with db.session() as b:
                got["b"] = dn.create_donation(b, gift).receipt_no
        except Exception as exc:  # handed to the test below
            got["error"] = exc

    a = db.new_session()
    try:
        got["a"] = dn.create_donation(a, gift).receipt_no  # clerk A holds the year's first number …
        other = threading.Thread(target=clerk_b)
        other.start()
        assert _waiting_for_a_lock(server_url)  # … clerk B waits for it instead of taking the same one
        a.commit()
    finally:
        a.close()
    other.join(timeout=60)
    assert not other.is_alive() and "error" not in got, got.get("error")
    assert (got["a"], got["b"]) == ("2020-000001", "2020-000002")

    with pytest.raises(ValidationError), db.session() as s:  # a unit of work that fails gives its number back
        dn.create_donation(s, gift)
        dn.create_donation(s, {**gift, "amount": "-1"})
    with db.session() as s:
        assert dn.create_donation(s, gift).receipt_no == "2020-000003"
        assert dn.create_donation(s, {**gift, "donated_on": "2021-01-04"}).receipt_no == "2021-000001"
        assert dn.create_donation(s, gift).receipt_no == "2020-000004"
        numbers = [d.receipt_no for d in dn.list_donations(s, sort="receipt_no").rows]
    assert numbers == ["2020-000001", "2020-000002", "2020-000003", "2020-000004", "2021-000001"]


def test_circulars_are_numbered_per_year_and_a_failed_issue_uses_up_no_number(db) -> None:
    with db.session() as s:
        first, second, third = (draft(s, f"关于第{n}批工作的通知") for n in "一二三")
        late = draft(s, "关于元旦值班的通知", doc_date="2021-01-05")
        assert ds.issue_document(s, first.id, fake_pdf).number == "豫人防〔2020〕1号"

    def broken(_doc: Any) -> bytes:
        raise OSError("font file missing")

    before = every_row(db)
    with pytest.raises(OSError), db.session() as s:
        ds.issue_document(s, second.id, broken)
    assert every_row(db) == before
    with db.session() as s:
        assert ds.issue_document(s, third.id, fake_pdf).number == "豫人防〔2020〕2号"
        assert ds.issue_document(s, second.id, fake_pdf).number == "豫人防〔2020〕3号"
        assert ds.issue_document(s, late.id, fake_pdf).number == "豫人防〔2021〕1号"
        assert s.scalar(select(NumberSequence.last_value).where(NumberSequence.name == "doc:豫人防",
                                                                NumberSequence.year == 2020)) == 3


# ---- two clerks, bad input -------------------------------------------------------------------------------


def test_a_clerk_saving_over_a_colleagues_change_is_refused_in_every_register(db) -> None:
    with db.session() as s:
        office = one_of_each(s)
    for register, (model, update, first, second) in CHANGES.items():
        record_id = office[register]
        # The record was read in a unit of work still open when the colleague saved.
        a, b = db.new_session(), db.new_session()
        try:
            held = b.get(model, record_id)
            assert held is not None
            update(a, record_id, first)
            a.commit()
            after_colleague = every_row(db)
            with pytest.raises(Conflict):
                update(b, record_id, second)
            b.rollback()
            assert every_row(db) == after_colleague, register
        finally:
            a.close()
            b.close()

        # The form was opened before the colleague saved.
        with db.session() as s:
            seen = s.get(model, record_id).version
        with db.session() as s:
            update(s, record_id, second, expected_version=seen)
        after_colleague = every_row(db)
        with pytest.raises(Conflict) as refused, db.session() as s:
            update(s, record_id, first, expected_version=seen)
        assert refused.value.field == "version" and "他人修改" in refused.value.zh, register
        assert every_row(db) == after_colleague, register


def test_a_bad_value_writes_nothing_on_the_server(db) -> None:
    with db.session() as s:
        office = orgs.create_organisation(s, {"name": "河南省人民防空办公室", "kind": "province_office"})
        cao = people.create_person(s, {"name": "曹裕军", "organisation_id": office.id})
        masks = rs.create_resource(s, {"kind": "supply", "name": "医用口罩", "unit_of_measure": "只"})
    before = every_row(db)
    bad = [
        (lambda s: people.create_person(s, {"name": "张三", "id_number": ZHANG[:-1] + ("0" if ZHANG[-1] != "0" else "1")}),
         "id_number"),
        (lambda s: people.update_person(s, cao.id, {"phone": "12345"}), "phone"),
        (lambda s: dn.create_donation(s, {"donor_kind": "person", "donor_person_id": cao.id, "amount": "12.345",
                                          "donated_on": "2020-02-03"}), "amount"),
        (lambda s: dn.create_donation(s, {"donor_kind": "person", "donor_person_id": cao.id, "amount": "100",
                                          "donated_on": "2020-02-30"}), "donated_on"),
        (lambda s: rs.update_resource(s, masks.id, {"min_stock": "很多"}), "min_stock"),
        (lambda s: cm.create_batch(s, {"title": ""}), "title"),
        # A good record first, then a bad one in the same unit of work: neither is written.
        (lambda s: (people.create_person(s, {"name": "孟繁", "organisation_id": office.id}),
                    people.create_person(s, {"name": "张广", "organisation_id": 999})), "organisation_id"),
    ]
    for call, field in bad:
        with pytest.raises(ValidationError) as refused, db.session() as s:
            call(s)
        assert refused.value.field == field
        assert every_row(db) == before, field


# ---- a spreadsheet, the bin and the history ---------------------------------------------------------------


def test_a_roster_spreadsheet_lands_on_the_server_all_or_nothing(db, tmp_path) -> None:
    from rfdesk.exchange import importing as imp
    from rfdesk.services.base import history

    with db.session() as s:
        prov = orgs.create_organisation(s, {"name": "河南省人民防空办公室", "short_name": "省人防办",
                                            "kind": "province_office"})
        orgs.create_organisation(s, {"name": "郑州市人民防空办公室", "short_name": "郑州市人防办",
                                     "kind": "city_office"})
        people.create_person(s, {"name": "曹裕军", "organisation_id": prov.id})
    path = messy_roster(tmp_path)
    with db.session() as s:
        preview = imp.preview_import(s, "people", path)
    assert preview.bad_rows == {6, 7, 8, 9, 10} and preview.good_count == 2
    before = every_row(db)
    with pytest.raises(imp.ImportRefused), db.session() as s:
        imp.commit_import(s, preview)
    assert every_row(db) == before
    with db.session() as s:
        s.info["operator"] = "王晶"
        result = imp.commit_import(s, preview, skip_rows=preview.bad_rows)
    assert (result.created, result.skipped) == (2, 5)
    with db.session() as s:
        (zhang,) = people.list_people(s, search="zs").rows
        assert (zhang.name, zhang.id_number, zhang.organisation_id) == ("张三", ZHANG, prov.id)
        assert people.find_person_by_id_number(s, LI).name == "李四"
        (created,) = history(s, Person, zhang.id)
        assert (created.action, created.operator, created.changes["source"]) == ("create", "王晶", [None, "名册.xlsx 第4行"])

    # A row a colleague registers between the preview and the import undoes the whole file.
    second = write_xlsx(tmp_path / "补报.xlsx", [["姓名", "身份证号"], ["王五", WANG], ["赵六", ZHAO]])
    with db.session() as s:
        preview = imp.preview_import(s, "people", second)
    assert preview.ok
    with db.session() as s:
        people.create_person(s, {"name": "赵六", "id_number": ZHAO})
    before = every_row(db)
    with pytest.raises(imp.ImportRefused) as refused, db.session() as s:
        imp.commit_import(s, preview)
    assert refused.value.problems[0].row == 3
    assert every_row(db) == before


def test_the_recycle_bin_and_each_records_history_on_the_server(db) -> None:
    from rfdesk.services.base import history, recycle_bin, restore_from_bin

    with db.session() as s:
        s.info["operator"] = "王晶"
        office = one_of_each(s)
    with db.session() as s:
        s.info["operator"] = "孙志敏"
        people.update_person(s, office["person"], {"post": "队长"})
        people.delete_person(s, office["person"])
        dn.delete_donation(s, office["donation"])
    with db.session() as s:
        assert sorted((e.table_name, e.record_id) for e in recycle_bin(s)) == [
            ("donation", office["donation"]), ("person", office["person"])]
        assert people.list_people(s).total == 0
        assert dn.list_donations(s).total == 1  # the in-kind one is still there
        s.info["operator"] = "孙志敏"
        restore_from_bin(s, "person", office["person"])
    with db.session() as s:
        assert [e.table_name for e in recycle_bin(s)] == ["donation"]
        assert [p.name for p in people.list_people(s, search="lxw").rows] == ["刘宪武"]
        entries = history(s, Person, office["person"])
        assert [e.action for e in entries] == ["create", "update", "delete", "restore"]
        assert [e.operator for e in entries] == ["王晶", "孙志敏", "孙志敏", "孙志敏"]
        assert entries[1].changes["post"] == [None, "队长"]


# ---- backups ---------------------------------------------------------------------------------------------


def test_a_server_database_is_backed_up_by_its_administrator_not_by_rfdesk(db, server_url, tmp_path) -> None:
    from rfdesk.exchange.backup import create_backup
    from rfdesk.exchange.backup_errors import BackupError
    from rfdesk.exchange.retention import auto_backup

    with db.session() as s:
        one_of_each(s)
    stick = tmp_path / "U盘"
    stick.mkdir()
    with pytest.raises(BackupError) as refused:
        create_backup(db, stick)
    assert "管理员" in refused.value.zh and "pg_dump" in refused.value.zh and "administrator" in refused.value.en
    with pytest.raises(BackupError):
        auto_backup(db, "daily", folder=stick)
    for args in (["backup", "--db", server_url, "--to", str(stick)],
                 ["restore", str(tmp_path / "rfdesk-2020.rfbak"), "--db", server_url]):
        done = cli(*args)
        assert done.returncode == 2 and "管理员" in done.stderr and "pg_dump" in done.stderr, args
    assert list(stick.iterdir()) == []
    assert list(tmp_path.glob("*.rfbak")) == []
